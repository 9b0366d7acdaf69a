"""Content selection for the note: which sentences of the dossier say what each sub-part needs.

Every sentence of the dossier is a candidate statement if it reads as a full, impersonal,
self-contained sentence (never a title, heading, fragment, question, first- or second-person
sentence, imperative, or sentence that points back to a previous one). Each candidate is scored
for each topic of the plan by BM25 over lemmatised words (simplemma), weighted by its importance
(centrality in the dossier, figures, named actors) and chosen greedily with maximal marginal
relevance (MMR) so that the note does not repeat itself. A sentence of another document that says
the same thing (TF-IDF cosine or rapidfuzz) is not repeated: its document is added to the
statement's citations. Finally every document of the dossier must be cited at least once.

The optional tables of the other notebooks sharpen the selection when they exist: `figures`
(sentences that carry a figure), `use_cases` (named actors), `checks` (sentences involved in an
inconsistency of the dossier are never stated as facts).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from sklearn.feature_extraction.text import TfidfVectorizer

from ianote_lib.note_plan import STOPWORDS, Plan, Topic, content_lemmas, lemma_tokens
from ianote_lib.note_text import (
    completion,
    context_needs,
    names_actor,
    quant_a,
    resolvable_by,
    shorten,
)
from ianote_lib.note_text import style as text_style
from ianote_lib.tables import read_table
from ianote_lib.textnorm import fold, normalize, word_count

QUOTABLE_KINDS = ("sentence", "bullet")
SENTENCE_ID = re.compile(r"\bd\d{2}s\d{4}\b")
_BULLET = re.compile(r"^\s*(?:[•\-–—*▪◦●]|\d+[.)])\s*")
_NUMBER = re.compile(r"\d+(?:[\s\u00a0\u202f.,]\d+)*")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_UPPER_WORD = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\wÀ-ÿ'’-]*")
_ACRONYM = re.compile(r"\b[A-ZÀ-Þ]{2,}[a-z]?\b")
_LABEL = re.compile(r"^([^.:;,]{2,40}?)\s?:\s")
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)


def style() -> dict[str, Any]:
    """The writing and filtering lexicons (resources/note/style.yaml)."""
    return text_style()


def strip_bullet(text: str) -> str:
    """Sentence text without a leading bullet glyph or list number."""
    return _BULLET.sub("", text, count=1).strip()


# ----------------------------------------------------------------------------- filters

def _pronoun_re() -> re.Pattern:
    words = sorted(style()["press_pronouns"], key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w'])(?:{alternatives})(?![\w])", re.IGNORECASE)


@cache
def _patterns() -> dict[str, Any]:
    st = style()
    return {
        "pronoun": _pronoun_re(),
        "imperative": re.compile(
            r"^(?:" + "|".join(re.escape(w) for w in st["imperative_openings"]) + r")\b",
            re.IGNORECASE),
        "anaphoric": [re.compile(p, re.IGNORECASE) for p in st["anaphoric_openings"]],
        "demonstrative": re.compile(st["demonstrative_openings"], re.IGNORECASE),
    }


def press_pronouns(text: str) -> list[str]:
    """First- and second-person words of press copy found in `text`."""
    return _patterns()["pronoun"].findall(normalize(text))


def has_finite_verb(text: str, loose: bool = False) -> bool:
    """Rough test that `text` holds a conjugated verb (a sentence, not a noun phrase); `loose`
    also takes a word that may be a verb or a noun/adjective ("présente") as a verb."""
    import simplemma

    common = {"est", "sont", "a", "ont", "sera", "seront", "était", "étaient", "serait",
              "peut", "peuvent", "doit", "doivent", "fait", "font", "permet", "permettent",
              "reste", "restent", "semble", "semblent", "pourrait", "pourraient", "devrait",
              "devraient", "va", "vont", "faut", "existe", "avait", "avaient", "aurait",
              "fut", "furent", "eut", "eurent", "fit", "firent", "dut", "put", "sut"}
    relative = False
    for word in re.findall(r"[a-zà-ÿ]+|[,;:]", normalize(text).lower().replace("'", " ")):
        if word in ",;:":
            relative = False
            continue
        if word in ("qui", "que", "qu", "dont", "où"):
            relative = True
            continue
        if relative:
            continue
        if word in common:
            return True
        if len(word) > 4 and re.search(r"(e|es|ent|ait|aient|era|eront|erait|ons|ez|it|ut)$",
                                       word):
            lemma = simplemma.lemmatize(word, lang="fr")
            if lemma != word and re.search(r"(er|ir|re|oir)$", lemma):
                return True
            stem = re.sub(r"(?:ent|es|e)$", "", word)
            if loose and word.endswith(("e", "ent")) and simplemma.is_known(stem + "er",
                                                                             lang="fr"):
                return True                     # "présente": présent or présenter
    return False


_SECOND_PERSON_VERB = re.compile(r"\b([a-zà-ÿ]{3,}ez)\b")


def second_person_verbs(text: str) -> list[str]:
    """Verbs in the second person plural ("consultez", "imaginez"): press copy speaking to the
    reader."""
    import simplemma

    out = []
    for word in _SECOND_PERSON_VERB.findall(normalize(text).lower()):
        if word in ("chez", "assez", "nez", "rez"):
            continue
        lemma = simplemma.lemmatize(word, lang="fr")
        if lemma != word and re.search(r"(er|ir|re|oir)$", lemma):
            out.append(word)
    return out


def rejection_reasons(text: str, kind: str = "sentence", anaphora: bool = True) -> list[str]:
    """Why a sentence cannot be quoted in the note (empty list: it can). With
    `anaphora=False`, a sentence that only points back to a previous one is not rejected here:
    `build_evidence` resolves it (completion, pairing) or rejects it (note_text)."""
    reasons = []
    if kind not in QUOTABLE_KINDS:
        reasons.append(f"type {kind}")
    body = strip_bullet(normalize(text))
    n = word_count(body)
    pats = _patterns()
    if "?" in body:
        reasons.append("question")
    if re.search(r"!\s*[»\"”)]?$", body):
        reasons.append("exclamation")
    label = _LABEL.match(body)
    if label and not has_finite_verb(label.group(1)) and (
            kind == "bullet" or word_count(label.group(1)) > 1):
        reasons.append("intitulé de liste")
    if press_pronouns(body):
        reasons.append("première ou deuxième personne")
    if pats["imperative"].search(body) or second_person_verbs(body) or re.search(
            r"(?i)\bpour en savoir plus\b", body):
        reasons.append("impératif ou apostrophe")
    if anaphora and (any(p.search(body) for p in pats["anaphoric"]) or context_needs(body)):
        reasons.append("renvoie à une phrase précédente")
    if not body or not (body[0].isupper() or body[0].isdigit() or body[0] in "«\""):
        reasons.append("fragment (début)")
    if not re.search(r"[.!]\s*[»\"”)]?$", body) or body.endswith(("….", "...")):
        reasons.append("fragment (fin)")
    if n < 8:
        reasons.append("trop courte")
    if n > 60:
        reasons.append("trop longue")
    if body.count('"') % 2 or body.count("«") != body.count("»"):
        reasons.append("citation tronquée")
    if _URL.search(body) and len(body) < 80:
        reasons.append("adresse web")
    if n >= 8 and not has_finite_verb(body, loose=True):
        reasons.append("sans verbe")
    return reasons


def statement_text(text: str) -> str:
    """The quotable part of a row: bullet glyph removed, and a leading verbless label
    sentence of a bullet dropped ("• La fracture numérique. La digitalisation … soulève …")."""
    body = strip_bullet(normalize(text))
    parts = re.split(r"(?<=[.!])\s+(?=[A-ZÀ-Þ«])", body, maxsplit=1)
    if len(parts) == 2 and word_count(parts[0]) <= 12 and not has_finite_verb(parts[0]):
        return parts[1]
    return body


def numbers_in(text: str) -> list[str]:
    """Numbers written with digits in `text`, in a canonical form ('1000', '1.5')."""
    out = []
    for raw in _NUMBER.findall(text):
        out.append(canonical_number(raw))
    return [x for x in out if x]


def canonical_number(raw: str) -> str:
    """'1 000' / '1.000' → '1000'; '1,5' → '1.5'; '30' → '30'."""
    s = re.sub(r"[\s\u00a0\u202f]", "", raw.strip(" .,"))
    s = re.sub(r"\.(?=\d{3}(?:\D|$))", "", s)
    s = s.replace(",", ".")
    try:
        value = float(s)
    except ValueError:
        return ""
    if value.is_integer() and value < 1e15:
        return str(int(value))
    return f"{value:g}"


_MONTHS = ("janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
           "novembre|décembre|decembre")
_NOT_FIGURE = re.compile(
    rf"\b\d{{1,2}}(?:er)?\s+(?:{_MONTHS})\b|\b\d+(?:e|er|ème|es|ères?)\b"
    r"|\b(?:article|principe|loi n°|n°)\s*\d+", re.IGNORECASE)


def has_figure(text: str) -> bool:
    """Whether `text` holds a figure: a number that is not a year, a date or an ordinal."""
    return any(not _YEAR.match(n) for n in numbers_in(_NOT_FIGURE.sub(" ", text)))


def proper_nouns(text: str) -> list[str]:
    """Capitalised words that are not the first word of a sentence, and acronyms."""
    text = normalize(text)
    found = []
    for m in _UPPER_WORD.finditer(text):
        start = m.start()
        before = text[:start].rstrip()
        if not before or before[-1] in ".!?:«\"(•–-" or before.endswith(("'", "’")) and (
                len(before) < 3 or before[-2] in " .") and start < 3:
            continue
        word = m.group(0).strip("'’-")
        if "'" in word:
            word = word.split("'")[-1]
        if word:
            found.append(word)
    found += _ACRONYM.findall(text)
    return sorted({w for w in found if not re.fullmatch(r"[IVX]+", w)})


# ----------------------------------------------------------------------------- evidence

@dataclass
class Evidence:
    """The dossier's sentences, prepared for selection (lemmas, vectors, scores, filters)."""

    sentences: pd.DataFrame             # all rows, plus columns added here
    documents: pd.DataFrame
    excluded_by_checks: set[str] = field(default_factory=set)
    agreements: set[frozenset] = field(default_factory=set)   # sentence pairs saying the same
    figure_ids: set[str] = field(default_factory=set)
    strong_figure_ids: set[str] = field(default_factory=set)
    actor_names: list[str] = field(default_factory=list)
    matrix: Any = None                  # TF-IDF of the `pool` rows
    pool: pd.DataFrame | None = None    # quotable rows (candidates and support)

    @property
    def n_docs(self) -> int:
        return int(self.documents["doc"].nunique())

    def doc_text(self, doc: int) -> str:
        """All text of a document (titles, headings and fragments included)."""
        rows = self.sentences[self.sentences["doc"] == doc]
        return "\n".join(rows["norm"].astype(str))


def read_optional(name: str, processed: str | Path | None) -> pd.DataFrame | None:
    """A table of another notebook if it has been written, else None."""
    if processed is None or not (Path(processed) / f"{name}.parquet").exists():
        return None
    try:
        return read_table(name, processed)
    except Exception:  # noqa: BLE001 - an unreadable optional table is ignored
        return None


AGREEMENT_KINDS = ("concordance", "agreement", "accord", "confirmation")


def _check_rows(checks: pd.DataFrame | None, agreeing: bool) -> list[list[str]]:
    """Sentence ids of each row of `checks` that reports an inconsistency (or, with
    `agreeing`, an agreement between documents)."""
    if checks is None or checks.empty:
        return []
    kinds = checks["kind"].astype(str).str.lower() if "kind" in checks else pd.Series(
        [""] * len(checks), index=checks.index)
    agree = kinds.str.startswith(AGREEMENT_KINDS)
    rows = checks[agree] if agreeing else checks[~agree]
    columns = [c for c in checks.columns if "sentence" in c.lower()] or list(checks.columns)
    out = []
    for _, row in rows.iterrows():
        ids: list[str] = []
        for col in columns:
            if pd.notna(row[col]):
                ids += [i for i in SENTENCE_ID.findall(str(row[col])) if i not in ids]
        out.append(ids)
    return out


STRONG_UNITS = ("EUR", "USD", "%", "tCO2e", "gCO2e", "m3", "L", "GWh", "MWh", "zettabyte")


def strong_figures(figures: pd.DataFrame) -> set[str]:
    """Sentences carrying a figure that can open a note: an amount, a share, a footprint, or a
    count of at least a hundred (not "une cinquantaine de pages")."""
    out = set()
    for row in figures.itertuples(index=False):
        unit = str(getattr(row, "unit", "") or "")
        try:
            value = float(getattr(row, "value", 0) or 0)
        except (TypeError, ValueError):
            value = 0.0
        if unit in STRONG_UNITS or (unit == "count" and value >= 100):
            out.add(str(row.sentence_id))
    return out


def check_sentence_ids(checks: pd.DataFrame | None) -> set[str]:
    """Sentence ids involved in the inconsistencies of the `checks` table (agreements
    between documents are not inconsistencies)."""
    return {i for ids in _check_rows(checks, agreeing=False) for i in ids}


def build_evidence(sentences: pd.DataFrame, documents: pd.DataFrame,
                   processed: str | Path | None = None) -> Evidence:
    """Prepare the sentences for selection, using the optional tables found in `processed`."""
    sents = sentences.copy().reset_index(drop=True)
    if "norm" not in sents:
        sents["norm"] = sents["text"].map(normalize)
    if "kind" not in sents:
        sents["kind"] = "sentence"
    ev = Evidence(sentences=sents, documents=documents.copy())
    checks = read_optional("checks", processed)
    ev.excluded_by_checks = check_sentence_ids(checks)
    ev.agreements = {frozenset(pair) for ids in _check_rows(checks, agreeing=True)
                     for pair in _pairs(ids)}
    figures = read_optional("figures", processed)
    if figures is not None and "sentence_id" in figures:
        ev.figure_ids = set(figures["sentence_id"].dropna().astype(str))
        ev.strong_figure_ids = strong_figures(figures)
    use_cases = read_optional("use_cases", processed)
    if use_cases is not None and "actor" in use_cases:
        names = {str(a).strip() for a in use_cases["actor"].dropna() if len(str(a).strip()) > 2}
        ev.actor_names = sorted(names)
    sents["clean"] = sents["text"].map(lambda t: quant_a(statement_text(t)))
    sents["reasons"] = [
        rejection_reasons(t, k, anaphora=False)
        for t, k in zip(sents["clean"], sents["kind"], strict=True)]
    sents.loc[sents["sentence_id"].isin(ev.excluded_by_checks), "reasons"] = sents.loc[
        sents["sentence_id"].isin(ev.excluded_by_checks), "reasons"].map(
        lambda r: r + ["incohérence signalée (checks)"])
    _flag_continuations(sents)
    resolve_context(sents)
    sents["short"] = sents["clean"].map(shorten)
    sents["words"] = sents["short"].map(word_count)
    sents["candidate"] = sents["reasons"].map(lambda r: not r)
    sents["figure"] = [
        (sid in ev.figure_ids) or has_figure(t)
        for sid, t in zip(sents["sentence_id"], sents["clean"], strict=True)]
    sents["actors"] = sents["clean"].map(lambda t: _actors(t, ev.actor_names))
    sents["demonstrative"] = sents["clean"].map(
        lambda t: bool(_patterns()["demonstrative"].search(t)))
    sents["lemmas"] = sents["clean"].map(lemma_tokens)
    ev.sentences = sents
    pool = sents[sents["kind"].isin(QUOTABLE_KINDS)
                 & ~sents["sentence_id"].isin(ev.excluded_by_checks)].copy()
    pool = pool[pool["words"] >= 6].reset_index(drop=True)
    vectorizer = TfidfVectorizer(analyzer=content_lemmas, sublinear_tf=True)
    ev.matrix = vectorizer.fit_transform(pool["clean"])
    sim = (ev.matrix @ ev.matrix.T).toarray()
    np.fill_diagonal(sim, 0.0)
    centrality = (sim > 0.1).sum(axis=1) + sim.sum(axis=1)
    pool["centrality"] = centrality / (centrality.max() or 1.0)
    pool["content"] = pool["clean"].map(lambda t: set(content_lemmas(t)))
    ev.pool = pool
    ev._sim = sim  # type: ignore[attr-defined]
    return ev


def resolve_context(sents: pd.DataFrame) -> None:
    """Resolve the sentences that point back to a previous sentence (see note_text): complete
    their definite noun phrase with the name the previous sentence of the document gives, or
    quote the previous sentence of the paragraph before them, or reject them. Adds the columns
    `context_ids` (source sentences quoted or drawn on before the sentence) and `resolution`."""
    context_ids: list[list[str]] = [[] for _ in range(len(sents))]
    resolution = [""] * len(sents)
    needs_of = [context_needs(t) if not r else []
                for t, r in zip(sents["clean"], sents["reasons"], strict=True)]
    previous_in_doc: dict[int, int] = {}
    last_of_doc: dict[int, int] = {}
    for k, (doc, kind) in enumerate(zip(sents["doc"], sents["kind"], strict=True)):
        if kind in QUOTABLE_KINDS:
            if int(doc) in last_of_doc:
                previous_in_doc[k] = last_of_doc[int(doc)]
            last_of_doc[int(doc)] = k
    texts = sents["clean"].tolist()
    new_texts = list(texts)
    reasons = [list(r) for r in sents["reasons"]]
    for k, needs in enumerate(needs_of):
        if not needs:
            continue
        prev = previous_in_doc.get(k)
        if prev is None:
            reasons[k].append("renvoie à une phrase précédente")
            continue
        prev_ok = not sents.at[sents.index[prev], "reasons"] and not needs_of[prev]
        # 1. completion of a definite noun phrase by the previous sentence's name
        if len(needs) == 1 and needs[0].kind == "definite":
            completed = completion(texts[k], needs[0], texts[prev])
            if completed:
                new_texts[k] = completed
                context_ids[k] = [str(sents.at[sents.index[prev], "sentence_id"])]
                resolution[k] = "complétée"
                continue
        # 2. pairing with the previous sentence of the same paragraph
        same_paragraph = ("paragraph_id" not in sents or sents.at[sents.index[prev],
                          "paragraph_id"] == sents.at[sents.index[k], "paragraph_id"])
        prev_row = {"clean": texts[prev]}
        if (prev_ok and same_paragraph
                and all(resolvable_by(prev_row, n) for n in needs)
                and word_count(shorten(texts[prev])) + word_count(shorten(texts[k])) <= 60):
            new_texts[k] = texts[prev].rstrip() + " " + texts[k]
            context_ids[k] = [str(sents.at[sents.index[prev], "sentence_id"])]
            resolution[k] = "précédée"
            continue
        reasons[k].append("renvoie à une phrase précédente")
    sents["clean"] = new_texts
    sents["reasons"] = reasons
    sents["context_ids"] = context_ids
    sents["resolution"] = resolution


def _pairs(ids: list[str]) -> list[tuple[str, str]]:
    return [(a, b) for k, a in enumerate(ids) for b in ids[k + 1:]]


def _flag_continuations(sents: pd.DataFrame) -> None:
    """A sentence that directly follows a long heading without final punctuation is probably
    the end of a sentence the extraction cut in two: it is not quoted."""
    prev = None
    for k in range(len(sents)):
        row = sents.iloc[k]
        if (prev is not None and prev["doc"] == row["doc"]
                and prev["kind"] in ("heading", "fragment")
                and word_count(str(prev["text"])) >= 8
                and not re.search(r"[.!?:;»\"]\s*$", str(prev["text"]))
                and _continues(str(prev["text"]), str(row["text"]))
                and row["kind"] in QUOTABLE_KINDS):
            sents.at[sents.index[k], "reasons"] = list(row["reasons"]) + ["phrase coupée"]
        prev = row


def _continues(heading: str, sentence: str) -> bool:
    """Whether `sentence` reads as the end of an unpunctuated `heading` the extraction cut off:
    the heading ends on a function word or a comma, or the sentence opens on a lower-case word
    or on a word that is not French (the rest of a name: "… organisée par Smart" / "City Mag
    au sein du Hub …")."""
    import simplemma

    words = re.findall(r"[\wÀ-ÿ']+", normalize(heading).lower())
    first = (re.findall(r"[\wÀ-ÿ]+", normalize(sentence)) or [""])[0]
    if not words or not first:
        return False
    return (words[-1] in STOPWORDS or heading.rstrip().endswith(",") or first[0].islower()
            or not simplemma.is_known(first.lower(), lang="fr"))


def _actors(text: str, names: list[str]) -> int:
    """Number of named actors (proper nouns, known actor names) in a sentence."""
    nouns = [w for w in proper_nouns(text) if w not in ("IA", "L", "D")]
    known = [n for n in names if n and n in text]
    return len(set(nouns)) + len(known)


# ----------------------------------------------------------------------------- scoring

def bm25(pool: pd.DataFrame, phrases: list[tuple[tuple[str, ...], float]],
         k1: float = 1.2, b: float = 0.75) -> np.ndarray:
    """BM25 score of every pool row for a weighted query of lemma phrases."""
    lemmas = pool["lemmas"].tolist()
    lengths = np.array([max(len(x), 1) for x in lemmas], dtype=float)
    avg = lengths.mean() if len(lengths) else 1.0
    n = len(lemmas)
    scores = np.zeros(n)
    for phrase, weight in phrases:
        tf = np.array([_count_phrase(seq, phrase) for seq in lemmas], dtype=float)
        df = float((tf > 0).sum())
        if df == 0:
            continue
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        scores += weight * idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths / avg))
    return scores


def term_hits(pool: pd.DataFrame, phrases: list[tuple[tuple[str, ...], float]]
              ) -> tuple[np.ndarray, np.ndarray]:
    """For each pool row: how many distinct terms of the query it holds, and whether it holds
    a strong one (a phrase of several words, or a term of the query's highest weight)."""
    lemmas = pool["lemmas"].tolist()
    hits = np.zeros(len(lemmas), dtype=int)
    strong = np.zeros(len(lemmas), dtype=bool)
    top = max((w for _, w in phrases), default=0.0)
    for phrase, weight in phrases:
        found = np.array([_count_phrase(seq, phrase) > 0 for seq in lemmas], dtype=bool)
        hits += found
        if len(phrase) > 1 or weight >= top:
            strong |= found
    return hits, strong


_DATED_OPENING = re.compile(
    rf"(?i)^(?:le |la |les |en |depuis |dès |au |début |fin |mi-)?(?:\d{{1,2}}(?:er)?\s+)?"
    rf"(?:{_MONTHS}|(?:19|20)\d\d)\b")
_DEFINITION = re.compile(
    r"(?i)\b(?:désigne|se définit|est définie?|définie? comme|on entend par|consiste à|"
    r"c'est-à-dire|recouvre|renvoie à|est la capacité|la possibilité pour une machine|"
    r"est un ensemble|est une technologie|est une discipline|regroupe)\b")


def is_definition(text: str) -> bool:
    """Whether a sentence defines something ("X désigne…", "Définie comme…")."""
    return bool(_DEFINITION.search(normalize(text)))


def _count_phrase(seq: list[str], phrase: tuple[str, ...]) -> int:
    m = len(phrase)
    if m == 1:
        return seq.count(phrase[0])
    return sum(1 for i in range(len(seq) - m + 1) if tuple(seq[i:i + m]) == phrase)


def quality(pool: pd.DataFrame) -> np.ndarray:
    """Importance and form of each pool row: centrality, figures, named actors, length."""
    words = pool["words"].to_numpy(dtype=float)
    length = np.where(words < 12, 0.8, np.where(words <= 38, 1.0, np.where(words <= 45, 0.85,
                                                                                0.45)))
    actors = np.minimum(pool["actors"].to_numpy(dtype=float), 3) / 3
    q = (1 + 0.35 * pool["figure"].to_numpy(dtype=float) + 0.25 * actors
         + 0.3 * pool["centrality"].to_numpy(dtype=float)) * length
    dangling = pool["clean"].map(dangling_demonstratives).to_numpy(dtype=float)
    return (q * np.where(pool["demonstrative"].to_numpy(), 0.85, 1.0)
            * np.power(0.65, np.minimum(dangling, 3)))


_DEMONSTRATIVE = re.compile(r"(?i)\b(?:ce|cet|cette|ces)\s+([a-zà-ÿœ-]+)")


def dangling_demonstratives(text: str) -> int:
    """Demonstratives ("cet abandon", "ce rapport") whose noun the sentence has not named
    before: they point to a sentence the note will not hold."""
    count = 0
    text = normalize(text)
    for m in _DEMONSTRATIVE.finditer(text):
        if re.match(r"\s+(par|de|du|des|d'|sur|en matière)\b", text[m.end():]):
            continue                      # "cette approche par la commande publique"
        noun = lemma_tokens(m.group(1))
        before = lemma_tokens(text[:m.start()])
        if noun and noun[0] not in before and noun[0] not in ("jour", "année", "an", "mois",
                                                               "semaine", "fait", "sujet"):
            count += 1
    return count


# ----------------------------------------------------------------------------- selection

@dataclass
class Statement:
    """One statement of the note: a source sentence and every document that says it."""

    section: str
    topic: str
    sentence_id: str
    doc: int
    text: str
    score: float
    docs: list[int]
    support_ids: list[str] = field(default_factory=list)
    pinned: bool = False
    context_ids: list[str] = field(default_factory=list)   # quoted before it, or naming it

    @property
    def source_ids(self) -> list[str]:
        return [*self.context_ids, self.sentence_id, *self.support_ids]


@dataclass
class Selection:
    """What the note will say, section by section."""

    plan: Plan
    statements: dict[str, list[Statement]]          # section key → statements (I.A, …)
    hook: list[Statement]
    context: list[Statement]
    chapeau_leads: dict[str, Statement | None]
    conclusion: Statement | None
    uncovered_docs: list[int]
    log: list[str] = field(default_factory=list)
    definition: list[Statement] = field(default_factory=list)
    starved: list[str] = field(default_factory=list)    # sub-parts the dossier could not fill

    def all_statements(self) -> list[Statement]:
        out = list(self.hook) + list(self.definition) + list(self.context)
        out += [s for s in self.chapeau_leads.values() if s is not None]
        for items in self.statements.values():
            out += items
        if self.conclusion:
            out.append(self.conclusion)
        return out

    def cited_docs(self) -> set[int]:
        return {d for s in self.all_statements() for d in s.docs}

    def table(self) -> pd.DataFrame:
        """Selected evidence with scores, for display (French headers)."""
        rows = []
        for s in self.all_statements():
            rows.append({"section": s.section, "thème": s.topic, "phrase": s.sentence_id,
                         "score": round(s.score, 3), "documents cités": ", ".join(
                             str(d) for d in s.docs), "épinglée": "oui" if s.pinned else "",
                         "texte": s.text})
        return pd.DataFrame(rows)


class Selector:
    """Greedy MMR selection of statements for a plan."""

    DUPLICATE = 0.6      # above this cosine a candidate repeats a chosen statement
    SUPPORT = 0.38       # cosine from which another document's sentence supports a statement
    MMR_LAMBDA = 0.55

    def __init__(self, evidence: Evidence, plan: Plan, pins: dict[str, list[str]] | None = None,
                 bans: set[str] | None = None, skip_sections: set[str] | None = None):
        self.ev = evidence
        self.plan = plan
        self.pool = evidence.pool
        self.sim = evidence._sim  # type: ignore[attr-defined]
        self.quality = quality(self.pool)
        # the commande's object is a relevance prior for every section of the note
        self.focus = np.zeros(len(self.pool))
        if plan.focus_terms:
            focus = bm25(self.pool, Topic("focus", plan.focus_terms).phrases())
            top = float(np.quantile(focus[focus > 0], 0.9)) if (focus > 0).any() else 1.0
            self.focus = np.minimum(focus / (top or 1.0), 1.0)
            self.quality = self.quality * (0.6 + 0.6 * self.focus)
        if plan.avoid_terms:
            hits, _ = term_hits(self.pool, Topic("avoid", plan.avoid_terms).phrases())
            self.quality = self.quality * np.where(hits > 0, 0.0, 1.0)
        self.bans = set(bans or ())
        self.pins = pins or {}
        self.skip = set(skip_sections or ())
        self.candidate = (self.pool["candidate"].to_numpy()
                          & ~self.pool["sentence_id"].isin(self.bans).to_numpy())
        self.used = np.zeros(len(self.pool), dtype=bool)       # chosen or absorbed
        self.chosen: list[int] = []
        self.statements: dict[int, Statement] = {}
        self.index = {sid: i for i, sid in enumerate(self.pool["sentence_id"])}
        self.log: list[str] = []
        self._idf = self._content_idf()
        self._paired_with: dict[str, list[int]] = defaultdict(list)
        if "resolution" in self.pool:
            for j, (res, ctx) in enumerate(zip(self.pool["resolution"],
                                               self.pool["context_ids"], strict=True)):
                if res == "précédée":
                    for cid in ctx:
                        self._paired_with[str(cid)].append(j)
        self.starved: list[str] = []
        self._fit: dict[tuple[str, str], np.ndarray] = {}

    def _content_idf(self) -> dict[str, float]:
        df: Counter = Counter()
        for content in self.pool["content"]:
            df.update(content)
        n = len(self.pool)
        return {w: math.log(n / c) for w, c in df.items()}

    # -- scores
    def fits(self, terms: dict[str, float]) -> np.ndarray:
        """Whether each pool row fits a topic: two distinct terms of it, or one strong term
        (a phrase, or a term of the highest weight)."""
        hits, strong = term_hits(self.pool, Topic("q", terms).phrases())
        return (hits >= 2) | strong

    def relevance(self, terms: dict[str, float]) -> np.ndarray:
        raw = bm25(self.pool, Topic("q", terms).phrases())
        top = raw.max() if len(raw) else 0.0
        return raw / top if top > 0 else raw

    def _mmr(self, i: int) -> float:
        if not self.chosen:
            return 0.0
        return float(self.sim[i, self.chosen].max())

    # -- statements
    def _make(self, i: int, section: str, topic: str, score: float,
              pinned: bool = False) -> Statement:
        row = self.pool.iloc[i]
        context = list(row["context_ids"]) if "context_ids" in row else []
        st = Statement(section=section, topic=topic, sentence_id=row["sentence_id"],
                       doc=int(row["doc"]), text=str(row["clean"]), score=float(score),
                       docs=[int(row["doc"])], pinned=pinned, context_ids=context)
        self.chosen.append(i)
        self.used[i] = True
        # a sentence quoted with the one before it is not quoted again on its own, and the
        # other way round
        sid = str(row["sentence_id"])
        for j in self._paired_with.get(sid, []):
            self.used[j] = True
        if row.get("resolution", "") == "précédée":
            for cid in context:
                if cid in self.index:
                    self.used[self.index[cid]] = True
        self.statements[i] = st
        self._absorb(i, st)
        return st

    def _supports(self, i: int, j: int) -> bool:
        """Whether pool row j (another document) says the same thing as row i."""
        pair = frozenset((self.pool.at[i, "sentence_id"], self.pool.at[j, "sentence_id"]))
        if pair in self.ev.agreements:
            return True
        s = self.sim[i, j]
        if s < 0.3:
            return False
        a, b = self.pool.at[i, "content"], self.pool.at[j, "content"]
        shared = a & b
        weight = sum(self._idf.get(w, 0.0) for w in shared)
        ratio = fuzz.token_set_ratio(fold(self.pool.at[i, "clean"]),
                                     fold(self.pool.at[j, "clean"]))
        if ratio >= 90 and min(len(a), len(b)) >= 5:
            return True
        return s >= self.SUPPORT and len(shared) >= 4 and weight >= 12.0

    def _absorb(self, i: int, st: Statement) -> None:
        """Mark the sentences of other documents that repeat row i as its support."""
        doc_i = int(self.pool.at[i, "doc"])
        sid = self.pool.at[i, "sentence_id"]
        agreeing = {self.index[b] for pair in self.ev.agreements if sid in pair
                    for b in pair if b != sid and b in self.index}
        for j in sorted(set(np.where(self.sim[i] >= 0.3)[0]) | agreeing):
            if self.used[j]:
                continue
            doc_j = int(self.pool.at[j, "doc"])
            if doc_j == doc_i:
                if self.sim[i, j] >= self.DUPLICATE:
                    self.used[j] = True
                continue
            if self._supports(i, j):
                self.used[j] = True
                st.support_ids.append(str(self.pool.at[j, "sentence_id"]))
                if doc_j not in st.docs:
                    st.docs.append(doc_j)

    def best(self, scores: np.ndarray, allowed: np.ndarray | None = None,
             need_figure: bool = False) -> tuple[int, float] | None:
        ok = self.candidate & ~self.used
        if allowed is not None:
            ok &= allowed
        if need_figure:
            ok &= self.pool["figure"].to_numpy()
        if not ok.any():
            return None
        values = np.full(len(scores), -np.inf)
        for i in np.where(ok & (scores > 0))[0]:
            redundancy = self._mmr(i)
            if redundancy >= self.DUPLICATE:
                continue
            values[i] = self.MMR_LAMBDA * scores[i] - (1 - self.MMR_LAMBDA) * redundancy
        i = int(np.argmax(values))
        if not np.isfinite(values[i]):
            return None
        return i, float(scores[i])

    # -- the whole note
    def run(self) -> Selection:
        plan = self.plan
        q = self.quality
        # pins first: they belong to the analyst
        pinned: dict[str, list[Statement]] = defaultdict(list)
        topic_rel = {}
        for sp in plan.subparts:
            for topic in sp.topics:
                topic_rel[(sp.key, topic.name)] = self.relevance(topic.terms)
                self._fit[(sp.key, topic.name)] = self.fits(topic.terms)
        keys = list(topic_rel)
        rel_matrix = np.vstack([topic_rel[k] for k in keys]) if keys else np.zeros((0, 0))
        home = rel_matrix.argmax(axis=0) if keys else np.array([])
        for section, ids in self.pins.items():
            for sid in ids:
                i = self.index.get(sid)
                if i is None:
                    self.log.append(f"Phrase épinglée {sid} introuvable dans le dossier.")
                    continue
                key = keys[int(home[i])] if section == "auto" else None
                if key is None:
                    key = next((k for k in keys if k[0] == section), keys[int(home[i])])
                st = self._make(i, key[0], key[1], float(rel_matrix[:, i].max()), pinned=True)
                pinned[key[0]].append(st)
        # introduction: an opening fact, the definition of the subject, the context
        hook, definition, context = self._introduction()
        # chapeaux: a general statement heading each part
        leads: dict[str, Statement | None] = {}
        for part in plan.parts:
            leads[part.key] = None
            if part.chapeau_terms and part.key not in self.skip:
                allowed = self.fits(part.chapeau_terms) & self._self_contained()
                pick = self.best(self.relevance(part.chapeau_terms) * q, allowed=allowed)
                if pick:
                    leads[part.key] = self._make(pick[0], part.key, "chapeau", pick[1])
        # body: round robin over the topics of each sub-part, within a word budget
        statements: dict[str, list[Statement]] = {sp.key: list(pinned.get(sp.key, []))
                                                  for sp in plan.subparts}
        budget = plan.body_words / 4
        for sp in plan.subparts:
            if sp.key in self.skip:
                statements[sp.key] = []
                continue
            self._fill(sp.key, sp.topics, statements[sp.key], budget, keys, home, topic_rel)
        # no empty sub-part when the dossier has anything left for it
        for sp in plan.subparts:
            if sp.key in self.skip or statements[sp.key]:
                continue
            scores = sum(topic_rel[(sp.key, t.name)] for t in sp.topics) * q
            pick = self.best(scores) or self.best(q + 0.01)
            if pick:
                statements[sp.key].append(self._make(pick[0], sp.key, sp.topics[0].name,
                                                     pick[1]))
        # every document cited
        self._cover(statements, keys, home, topic_rel, budget,
                    hook + definition + context + [s for s in leads.values() if s])
        # conclusion: an opening towards what comes next
        conclusion = None
        if plan.conclusion.get("terms"):
            pick = self.best(self.relevance(plan.conclusion["terms"]) * q,
                             allowed=self.fits(plan.conclusion["terms"]) & self._self_contained())
            if pick:
                conclusion = self._make(pick[0], "conclusion", "ouverture", pick[1])
        selection = Selection(plan=plan, statements=statements, hook=hook, context=context,
                              chapeau_leads=leads, conclusion=conclusion, uncovered_docs=[],
                              log=self.log, definition=definition, starved=self.starved)
        cited = selection.cited_docs()
        selection.uncovered_docs = sorted(set(self.ev.documents["doc"]) - cited)
        return selection

    def _self_contained(self) -> np.ndarray:
        """Rows quoted alone, as the dossier wrote them (no sentence quoted before them)."""
        if "resolution" not in self.pool:
            return np.ones(len(self.pool), dtype=bool)
        return (self.pool["resolution"] == "").to_numpy()

    def _introduction(self) -> tuple[list[Statement], list[Statement], list[Statement]]:
        """The opening fact, a definition of the subject and a context sentence.

        The opening fact is the sentence that best combines relevance to the commande's object
        (its subject and its audience: the plan's `subject_terms` and `focus_terms`) with a
        figure or a named actor; a sentence opening on a date (a dated event) ranks lower, and
        the sentences of the `checks` inconsistencies never compete (they are out of the pool).
        The definition is a sentence that defines the subject ("X désigne…", "Définie comme…").
        """
        intro = self.plan.intro or {}
        q = self.quality
        subject_terms = dict(intro.get("subject_terms") or {})
        subject = self.relevance(subject_terms) if subject_terms else np.zeros(len(self.pool))
        hook_rel = (self.relevance(intro["hook_terms"]) if intro.get("hook_terms")
                    else np.zeros(len(self.pool)))
        figure = self.pool["figure"].to_numpy(dtype=bool)
        actor = self.pool["actors"].to_numpy(dtype=float) > 0
        dated = self.pool["clean"].map(lambda t: bool(_DATED_OPENING.match(t))).to_numpy()
        words = self.pool["words"].to_numpy(dtype=float)
        about = subject > 0
        if not about.any():
            about = np.ones(len(self.pool), dtype=bool)
        own = self._self_contained()
        form = q * np.where(words > 40, 0.5, 1.0) * np.where(dated, 0.4, 1.0)
        # the opening fact: about the subject, for the audience, with a figure or an actor
        # a strong figure (an amount, a share, a footprint, a count of at least a hundred) or
        # a named actor (a place, an institution with its name), in what the note will quote
        strong = (self.pool["sentence_id"].isin(self.ev.strong_figure_ids).to_numpy()
                  & self.pool["short"].map(has_figure).to_numpy())
        named = self.pool["short"].map(names_actor).to_numpy()
        score = ((0.4 + self.focus) * (1.0 + 0.4 * strong + 0.4 * named) * form
                 * (1.0 + 0.3 * hook_rel))
        hook: list[Statement] = []
        pick = (self.best(score, allowed=about & (strong | named) & own & (self.focus > 0))
                or self.best(score, allowed=(figure | actor) & own))
        if pick:
            hook.append(self._make(pick[0], "introduction", "accroche", pick[1]))
        definition: list[Statement] = []
        if subject_terms:
            defines = self.pool["clean"].map(is_definition).to_numpy()
            allowed = defines & (subject > 0) & own & (words <= 50)
            pick = self.best(subject * q + 0.01, allowed=allowed)
            if pick:
                definition.append(self._make(pick[0], "introduction", "définition", pick[1]))
        # the context: a sentence whose subject is the commande's subject, for its audience
        context: list[Statement] = []
        head = self._subject_leads(subject_terms)
        context_rel = (self.relevance(intro["context_terms"]) if intro.get("context_terms")
                       else np.zeros(len(self.pool)))
        scores = ((0.3 + self.focus) * (1.0 + 0.5 * head) * (1.0 + 1.5 * context_rel) * form)
        n = int(intro.get("context_sentences", 1)) - (1 if definition else 0)
        for _ in range(max(n, 1)):
            pick = self.best(scores, allowed=about & own & (self.focus > 0))
            if pick:
                context.append(self._make(pick[0], "introduction", "contexte", pick[1]))
        return hook, definition, context

    def _subject_leads(self, subject_terms: dict[str, float]) -> np.ndarray:
        """Rows whose first words name the subject (it is what the sentence is about)."""
        phrases = Topic("s", subject_terms).phrases()
        out = []
        for seq in self.pool["lemmas"]:
            first = seq[:6]
            out.append(any(_count_phrase(first, p) for p, _ in phrases))
        return np.array(out, dtype=float)

    def _words(self, items: list[Statement]) -> int:
        return sum(word_count(shorten(strip_bullet(s.text))) for s in items)

    def _fill(self, section: str, topics: list[Topic], items: list[Statement], budget: float,
              keys: list, home: np.ndarray, topic_rel: dict) -> None:
        q = self.quality
        per_topic = budget / max(len(topics), 1)
        words = defaultdict(int)
        for st in items:
            words[st.topic] += word_count(st.text)
        active = [t.name for t in topics]
        first: dict[str, float] = {}
        while active and self._words(items) < budget:
            for name in list(active):
                if self._words(items) >= budget:
                    break
                k = keys.index((section, name))
                allowed = ((home == k) & (topic_rel[(section, name)] >= 0.12)
                           & self._fit[(section, name)])
                pick = self.best(topic_rel[(section, name)] * q, allowed=allowed)
                if pick is None or words[name] >= per_topic * 1.6:
                    active.remove(name)
                    continue
                first.setdefault(name, pick[1])
                if pick[1] < 0.3 * first[name]:
                    active.remove(name)         # what is left no longer fits the topic
                    continue
                st = self._make(pick[0], section, name, pick[1])
                items.append(st)
                words[name] += word_count(st.text)
                if words[name] >= per_topic:
                    active.remove(name)
        if self._words(items) < budget * 0.9:
            # topics exhausted early: take the best remaining sentences of the sub-part
            for name in [t.name for t in topics] * 3:
                if self._words(items) >= budget:
                    break
                allowed = (topic_rel[(section, name)] >= 0.25) & self._fit[(section, name)]
                pick = self.best(topic_rel[(section, name)] * q, allowed=allowed)
                if pick:
                    items.append(self._make(pick[0], section, name, pick[1]))
        if self._words(items) < budget * 0.9:
            self.starved.append(section)
            self.log.append(f"La sous-partie {section} n'a trouvé que {self._words(items)} mots "
                            f"de phrases pertinentes (cible : {budget:.0f}).")

    def _cover(self, statements: dict[str, list[Statement]], keys: list, home: np.ndarray,
               topic_rel: dict, budget: float, frame: list[Statement]) -> None:
        """Add, for each document not yet cited, its best sentence for the plan."""
        q = self.quality
        docs_arr = self.pool["doc"].to_numpy()
        cited = {d for items in statements.values() for s in items for d in s.docs}
        cited |= {d for s in frame for d in s.docs}
        for doc in sorted(set(self.ev.documents["doc"]) - cited):
            best = None
            for k, key in enumerate(keys):
                if key[0] in self.skip:
                    continue
                scores = topic_rel[key] * q
                allowed = docs_arr == doc
                pick = (self.best(scores, allowed=allowed & self._fit[key])
                        or self.best(scores * 0.5, allowed=allowed))
                if pick and (best is None or pick[1] + (0.2 if home[pick[0]] == k else 0)
                             > best[1]):
                    best = (pick[0], pick[1] + (0.2 if home[pick[0]] == k else 0), key)
            if best is None:
                self.log.append(f"Aucune phrase citable du document {doc} pour ce plan.")
                continue
            i, score, (section, topic) = best
            items = statements[section]
            st = self._make(i, section, topic, score)
            # insert next to the statements of the same topic
            pos = max((n + 1 for n, s in enumerate(items) if s.topic == topic), default=len(items))
            items.insert(pos, st)
            self.log.append(f"Document {doc} ajouté pour être cité ({st.sentence_id}, {section}).")
            self._trim(items, budget * 1.12)

    def _trim(self, items: list[Statement], limit: float) -> None:
        """Drop the weakest statements of an over-long sub-part, keeping every document cited."""
        while self._words(items) > limit:
            counts = Counter(d for items_ in [items] for s in items_ for d in s.docs)
            removable = [s for s in items if not s.pinned and all(counts[d] > 1 for d in s.docs)
                         and sum(1 for x in items if x.topic == s.topic) > 1]
            if not removable:
                return
            weakest = min(removable, key=lambda s: s.score)
            items.remove(weakest)


def select(evidence: Evidence, plan: Plan, pins: dict[str, list[str]] | None = None,
           bans: set[str] | None = None, skip_sections: set[str] | None = None) -> Selection:
    """Choose the statements of the note for `plan` (see the module docstring)."""
    return Selector(evidence, plan, pins=pins, bans=bans, skip_sections=skip_sections).run()
