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

When `use_cases` exists, the sub-part the plan marks `draws_on: use_cases` (in an automatic plan:
the one whose topics best match the use cases' evidence) tells as many use cases as its word
target allows: one statement per group of cases (same use, or a shared evidence sentence), the
most informative quotable evidence sentence (named actor, figure, outcome; an actor only pointed
back to is named from its document), laid out by domain (domains with the most cases first,
deployed and experimented uses before projects); the abandoned uses go, with the sentences that
give their causes, to the sub-part marked `draws_on: use_case_failures`, as lessons.

Two general rules keep weak picks out: a sentence about private companies' funding or market
position with no word of public action loses against any sentence about public action
(`off_audience`), and two sentences of one document that state the same fact in other words
(a shared figure, written in digits or words, and shared content words) are told once
(`same_fact`).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from text_to_num import alpha2digit

from ianote_lib.fr.lemmas import content_lemmas, is_known, lemma_tokens, lemmatize
from ianote_lib.fr.normalize import fold, normalize, word_count
from ianote_lib.fr.stopwords import function_words
from ianote_lib.grouping import connected_groups
from ianote_lib.note.plan import (
    USE_CASE_FAILURES,
    USE_CASES,
    Plan,
    Topic,
)
from ianote_lib.note.text import (
    completion,
    context_needs,
    names_actor,
    quant_a,
    resolvable_by,
    shorten,
)
from ianote_lib.note.text import style as text_style
from ianote_lib.tables import read_table
from ianote_lib.tfidf import tfidf_matrix

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


_WORD_OR_PAUSE = re.compile(r"[a-zà-ÿ]+|[,;:]")
_VERB_ENDING = re.compile(r"(e|es|ent|ait|aient|era|eront|erait|ons|ez|it|ut)$")
_INFINITIVE_ENDING = re.compile(r"(er|ir|re|oir)$")
_SINGULAR_PLURAL_E = re.compile(r"(?:ent|es|e)$")


def has_finite_verb(text: str, loose: bool = False) -> bool:
    """Rough test that `text` holds a conjugated verb (a sentence, not a noun phrase); `loose`
    also takes a word that may be a verb or a noun/adjective ("présente") as a verb."""

    common = {"est", "sont", "a", "ont", "sera", "seront", "était", "étaient", "serait",
              "peut", "peuvent", "doit", "doivent", "fait", "font", "permet", "permettent",
              "reste", "restent", "semble", "semblent", "pourrait", "pourraient", "devrait",
              "devraient", "va", "vont", "faut", "existe", "avait", "avaient", "aurait",
              "fut", "furent", "eut", "eurent", "fit", "firent", "dut", "put", "sut"}
    relative = False
    for word in _WORD_OR_PAUSE.findall(normalize(text).lower().replace("'", " ")):
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
        if len(word) > 4 and _VERB_ENDING.search(word):
            lemma = lemmatize(word)
            if lemma != word and _INFINITIVE_ENDING.search(lemma):
                return True
            stem = _SINGULAR_PLURAL_E.sub("", word)
            if loose and word.endswith(("e", "ent")) and is_known(stem + "er"):
                return True                     # "présente": présent or présenter
    return False


_SECOND_PERSON_VERB = re.compile(r"\b([a-zà-ÿ]{3,}ez)\b")


def second_person_verbs(text: str) -> list[str]:
    """Verbs in the second person plural ("consultez", "imaginez"): press copy speaking to the
    reader."""

    out = []
    for word in _SECOND_PERSON_VERB.findall(normalize(text).lower()):
        if word in ("chez", "assez", "nez", "rez"):
            continue
        lemma = lemmatize(word)
        if lemma != word and re.search(r"(er|ir|re|oir)$", lemma):
            out.append(word)
    return out


def rejection_reasons(text: str, kind: str = "sentence", anaphora: bool = True) -> list[str]:
    """Why a sentence cannot be quoted in the note (empty list: it can). With
    `anaphora=False`, a sentence that only points back to a previous one is not rejected here:
    `build_evidence` resolves it (completion, pairing) or rejects it (note.text)."""
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
    similarity: CosineRows | None = None    # cosines between the `pool` rows
    pool: pd.DataFrame | None = None    # quotable rows (candidates and support)
    use_cases: pd.DataFrame | None = None   # the `use_cases` table, when it exists

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
        if "evidence_sentence_ids" in use_cases and len(use_cases):
            ev.use_cases = use_cases.reset_index(drop=True)
    sents["clean"] = sents["text"].map(lambda t: quant_a(statement_text(t)))
    repair_stray_quotes(sents)
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
    ev.matrix, _ = tfidf_matrix(pool["clean"], content_lemmas, sublinear_tf=True)
    ev.similarity = CosineRows(ev.matrix)
    centrality = ev.similarity.centrality()
    pool["centrality"] = centrality / (centrality.max() or 1.0)
    pool["content"] = pool["clean"].map(lambda t: set(content_lemmas(t)))
    ev.pool = pool
    return ev


class CosineRows:
    """Cosine similarities between the pool's sentences (rows of an L2-normalised TF-IDF
    matrix), a row at a time: the whole matrix grows with the square of the dossier, the rows
    the selection reads are few. `sims[i]` is row i, `sims[i, j]` one value; the diagonal is 0."""

    CACHED_ROWS = 1024
    BLOCK_CELLS = 4_000_000   # cells of one block of rows when every row is needed

    def __init__(self, matrix: Any):
        self.matrix = matrix.tocsr()
        self.transposed = self.matrix.T.tocsc()
        self.row = lru_cache(maxsize=self.CACHED_ROWS)(self._row)

    def _row(self, i: int) -> np.ndarray:
        values = (self.matrix[i] @ self.transposed).toarray().ravel()
        values[i] = 0.0
        return values

    def __getitem__(self, key: int | tuple[int, Any]) -> Any:
        if isinstance(key, tuple):
            i, j = key
            return self.row(int(i))[j]
        return self.row(int(key))

    def centrality(self) -> np.ndarray:
        """For each sentence: how many sentences it resembles (cosine > 0.1) plus the sum of
        its similarities, computed by blocks of rows."""
        n = self.matrix.shape[0]
        out = np.zeros(n)
        block = max(1, self.BLOCK_CELLS // max(n, 1))
        for start in range(0, n, block):
            stop = min(start + block, n)
            sims = (self.matrix[start:stop] @ self.transposed).toarray()
            rows = np.arange(start, stop)
            sims[rows - start, rows] = 0.0
            out[start:stop] = (sims > 0.1).sum(axis=1) + sims.sum(axis=1)
        return out


def repair_stray_quotes(sents: pd.DataFrame) -> None:
    """Drop an opening straight quotation mark that nothing closes: it opens inside the
    sentence, the sentence holds no closing mark for it, and no following sentence of the
    paragraph closes it (a typo of the source, not a quotation cut by the sentence split)."""
    texts = sents["clean"].tolist()
    paragraphs = (sents["paragraph_id"].tolist() if "paragraph_id" in sents
                  else list(range(len(sents))))
    docs = sents["doc"].tolist()
    for k, text in enumerate(texts):
        if text.count('"') % 2 == 0:
            continue
        pos = text.rfind('"')
        opening = 0 < pos < len(text) - 1 and text[pos - 1] == " " and text[pos + 1].isalnum()
        if not opening:
            continue
        following = [texts[j] for j in range(k + 1, min(k + 4, len(texts)))
                     if docs[j] == docs[k] and paragraphs[j] == paragraphs[k]]
        if any(t.count('"') % 2 for t in following):
            continue                    # a later sentence closes it: a quotation cut in two
        texts[k] = text[:pos] + text[pos + 1:]
    sents["clean"] = texts


def resolve_context(sents: pd.DataFrame) -> None:
    """Resolve the sentences that point back to a previous sentence (see note.text): complete
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

    words = re.findall(r"[\wÀ-ÿ']+", normalize(heading).lower())
    first = (re.findall(r"[\wÀ-ÿ]+", normalize(sentence)) or [""])[0]
    if not words or not first:
        return False
    return (words[-1] in function_words() or heading.rstrip().endswith(",") or first[0].islower()
            or not is_known(first.lower()))


@cache
def _not_actor_names() -> frozenset[str]:
    return frozenset(style()["not_actor_names"])


@cache
def _technology_lemmas() -> frozenset[str]:
    """The words of the technology the use cases are uses of (« l'IA » → ia, intelligence,
    artificiel): they say nothing of what a use is."""
    from ianote_lib.use_cases.detection import technology

    tech = technology()
    return frozenset(content_lemmas(" ".join((tech["name"], tech["short"], tech["term"]))))


def _actors(text: str, names: list[str]) -> int:
    """Number of named actors (proper nouns, known actor names) in a sentence."""
    nouns = [w for w in proper_nouns(text) if w not in _not_actor_names()]
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
    """Occurrences (overlapping ones included) of a lemma phrase in a lemma sequence."""
    m = len(phrase)
    first = phrase[0]
    if m == 1:
        return seq.count(first)
    if first not in seq:
        return 0
    rest = list(phrase[1:])
    count, start, last = 0, 0, len(seq) - m + 1
    while start < last:
        try:
            i = seq.index(first, start, last)
        except ValueError:
            break
        if seq[i + 1:i + m] == rest:
            count += 1
        start = i + 1
    return count


@cache
def _lexicon(key: str) -> re.Pattern:
    """A style.yaml list of regexes as one pattern (case-sensitive words such as « État »
    keep their capital: the list says so with a capital)."""
    return re.compile("|".join(f"(?:{p})" for p in style()[key]))


def off_audience(text: str) -> bool:
    """A sentence about private companies' funding or market position ("une aide à l'amorçage
    destinée aux entreprises", "les géants américains … sont en tête") with no word of public
    action: weak evidence for a note to a public body."""
    body = normalize(text)
    low = body.lower()
    return (bool(_lexicon("private_actor_words").search(low)
                 or _lexicon("private_actor_words").search(body))
            and bool(_lexicon("market_words").search(low))
            and not _lexicon("public_words").search(body)
            and not _lexicon("public_words").search(low))


@cache
def figure_numbers(text: str) -> frozenset[str]:
    """The figures of a sentence, numbers written in words included ("trois jours" → 3);
    years, dates and ordinals are not figures."""
    try:
        digits = alpha2digit(normalize(text), "fr")
    except Exception:  # noqa: BLE001 - text2num may fail on odd text: keep the digits
        digits = normalize(text)
    return frozenset(n for n in numbers_in(_NOT_FIGURE.sub(" ", digits)) if not _YEAR.match(n))


@cache
def _fact_lemmas(text: str) -> frozenset[str]:
    try:
        digits = alpha2digit(normalize(text), "fr")
    except Exception:  # noqa: BLE001
        digits = normalize(text)
    return frozenset(content_lemmas(digits))


def same_fact(a: str, b: str) -> bool:
    """Two sentences (of one document) state the same fact in other words: they share a figure
    (in digits or in words) and at least three content words, a third of the shorter one's
    ("Les discussions ont duré 3 jours …" / "Le marathon des discussions aura duré presque
    trois jours …")."""
    if not figure_numbers(a) & figure_numbers(b):
        return False
    la, lb = _fact_lemmas(a), _fact_lemmas(b)
    shared = la & lb
    return len(shared) >= 3 and len(shared) >= 0.3 * min(len(la), len(lb))


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
    followed_ids: list[str] = field(default_factory=list)  # same document, quoted after it
    kind: str = ""          # "usage", "aperçu", "leçon": told from the use_cases table
    use_case_ids: list[str] = field(default_factory=list)  # the use cases it tells
    rank: int = 0           # status rank of its use cases (0: deployed or experimented)

    @property
    def source_ids(self) -> list[str]:
        return [*self.context_ids, self.sentence_id, *self.followed_ids, *self.support_ids]


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
    # section → the order of its paragraphs (topic names), when it is not the plan's
    topic_order: dict[str, list[str]] = field(default_factory=dict)

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
                         "cas d'usage": ", ".join(s.use_case_ids), "texte": s.text})
        return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- use cases

def _ids(value: Any) -> list[str]:
    """Sentence ids of a `use_cases` cell ("d01s0037;d11s0565")."""
    return SENTENCE_ID.findall(str(value)) if value is not None and not (
        isinstance(value, float) and math.isnan(value)) else []


def _status_rank(status: str) -> int:
    ranks = style()["use_cases"]["status_rank"]
    key = fold(str(status)).strip()
    for prefix, rank in ranks.items():
        if key.startswith(fold(prefix)):
            return int(rank)
    return 1


def is_failure(status: Any) -> bool:
    """Whether a use case's status says it failed or was abandoned."""
    key = fold(str(status or "")).strip()
    return any(key.startswith(fold(p)) for p in style()["use_cases"]["failure_status"])


def _actor_weight(actor_type: Any) -> float:
    cfg = style()["use_cases"]
    key = fold(str(actor_type or "")).strip()
    for prefix, weight in sorted(cfg["actor_weight"].items(), key=lambda kv: -len(kv[0])):
        if key.startswith(fold(prefix)):
            return float(weight)            # the longest prefix: "etat_etranger" before "etat"
    return float(cfg["default_actor_weight"])


def actor_names(actor: Any, aliases: Any = "") -> list[str]:
    """The names under which a use case's actor may appear in a sentence: the actor without
    its parenthesis, and the aliases that are names (not "la commune", "Elles")."""
    names = [re.sub(r"\s*\([^)]*\)", "", str(actor or "")).strip()]
    for alias in str(aliases or "").split(";"):
        alias = alias.strip()
        bare = re.sub(r"(?i)^(?:le|la|les|l['’])\s*", "", alias)
        if len(bare) > 2 and re.search(r"[A-ZÀ-Þ]", bare) and fold(alias) not in function_words():
            names.append(alias)
    return [n for k, n in enumerate(names) if len(n) > 1 and n not in names[:k]]


@dataclass
class UseCaseGroup:
    """Use cases told by one statement: the same use, or sharing an evidence sentence."""

    case_ids: list[str]
    actors: list[str]               # names to look for, best first
    actor_types: list[str]
    domain: str
    rank: int                       # best status rank of its cases
    weight: float                   # priority when the word budget does not hold them all
    failure: bool
    sentence_ids: list[str]         # evidence and outcome sentences, in reading order
    outcome_ids: set[str]
    case_sentences: list[set[str]]  # each case's own sentences
    uses: list[str] = field(default_factory=list)   # what each case does

    @property
    def evidence_ids(self) -> list[str]:
        return self.sentence_ids

    def says_use(self, text: str) -> bool:
        """Whether a sentence says what the use is: two content words of the use of one of
        the cases, or half of them."""
        words = set(content_lemmas(text))
        for use in self.uses:
            lemmas = set(content_lemmas(use)) - _technology_lemmas()
            shared = lemmas & words
            if lemmas and (len(shared) >= 2 or len(shared) >= 0.5 * len(lemmas)):
                return True
        return not any(self.uses)

    def own_ids(self, sid: str) -> set[str]:
        """The sentences of the cases that list `sid` among theirs."""
        return set().union(*[ids for ids in self.case_sentences if sid in ids])

    def informativeness(self, text: str, sid: str) -> float:
        """Named actor, figure, outcome: what makes a sentence tell a use case well."""
        low = fold(text)
        named = any(fold(a) in low for a in self.actors)
        listed = sum(1 for ids in self.case_sentences if sid in ids)
        return (1.0 + 0.6 * named + 0.5 * has_figure(text) + 0.4 * (sid in self.outcome_ids)
                + 0.2 * (listed - 1) + 0.3 * names_actor(text))


def use_case_groups(table: pd.DataFrame) -> list[UseCaseGroup]:
    """The use cases of the `use_cases` table grouped into what one statement tells: cases of
    the same use ("exploiter les délibérations") or sharing an evidence sentence are merged."""
    rows = table.reset_index(drop=True)
    n = len(rows)
    evidence = [set(_ids(rows.at[k, "evidence_sentence_ids"])) for k in range(n)]
    outcomes = [set(_ids(rows.at[k, "outcome_sentence_ids"])) if "outcome_sentence_ids" in rows
                else set() for k in range(n)]
    uses = [fold(str(rows.at[k, "use"])) if "use" in rows else "" for k in range(n)]
    failing = [is_failure(rows.at[k, "status"]) if "status" in rows else False
               for k in range(n)]
    members = connected_groups(n, lambda a, b: failing[a] == failing[b] and (
        bool(uses[a]) and uses[a] == uses[b] or bool(evidence[a] & evidence[b])))

    def col(k: int, name: str) -> str:
        value = rows.at[k, name] if name in rows else ""
        return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(
            value)

    groups = []
    for ks in members:
        ids = sorted(set().union(*[evidence[k] | outcomes[k] for k in ks]))
        if not ids:
            continue
        rank = min(_status_rank(col(k, "status")) for k in ks)
        weights = [float(style()["use_cases"]["status_weight"][min(_status_rank(col(k, "status")),
                                                                    2)])
                   * _actor_weight(col(k, "actor_type")) * (1.2 if outcomes[k] else 1.0)
                   for k in ks]
        domains = Counter(col(k, "domain") or "autre" for k in ks)
        catch_all = fold(domains.most_common(1)[0][0]) in {
            fold(x) for x in style()["use_cases"]["last_domains"]}
        actors = [a for k in ks for a in actor_names(col(k, "actor"), col(k, "actor_aliases"))]
        groups.append(UseCaseGroup(
            case_ids=[col(k, "use_case_id") or f"uc{k + 1:02d}" for k in ks],
            actors=list(dict.fromkeys(actors)),
            actor_types=[col(k, "actor_type") for k in ks],
            domain=domains.most_common(1)[0][0], rank=rank,
            weight=max(weights) * (1 + 0.1 * (len(ks) - 1)) * (0.6 if catch_all else 1.0),
            failure=failing[ks[0]],
            sentence_ids=ids, outcome_ids=set().union(*[outcomes[k] for k in ks]),
            case_sentences=[evidence[k] | outcomes[k] for k in ks],
            uses=[col(k, "use") for k in ks]))
    return groups


def _of_name(name: str, doc_text: str) -> str:
    """How the document says "of <name>": "de l'IGN", "du Gers", "de Plaisir"."""
    m = re.search(rf"\b((?i:du|des|de la|de l['’]|d['’]|de))\s*{re.escape(name)}\b", doc_text)
    if m:
        of = m.group(1).lower().replace("’", "'")
        return of + ("" if of.endswith("'") else " ") + name
    m = re.search(rf"\b((?i:le|la|les|l['’]))\s*{re.escape(name)}\b", doc_text)
    if m:
        of = {"le": "du ", "la": "de la ", "les": "des ", "l'": "de l'", "l’": "de l'"}[
            m.group(1).lower()]
        return of + name
    return ("d'" if fold(name[:1]) in "aeiouyh" else "de ") + name


def name_actor(text: str, need: Any, actor: str, doc_rows: pd.DataFrame,
               sentence_id: str) -> tuple[str, str] | None:
    """Complete a sentence of a use case that only points back to its actor ("La commune
    utilise…", "Son projet…") with the actor's name as its document writes it, and the id of
    the sentence of that document that names it (nearest before, else after); None when the
    document does not name the actor or the noun does not fit it."""
    if not actor or not re.search(r"[A-ZÀ-Þ]", actor) or re.match(
            r"(?i)^(?:le|la|les|l['’])\s*", actor) and not re.match(r"L['’][A-ZÀ-Þ]", actor):
        return None
    body = normalize(text)
    norms = doc_rows["norm"].astype(str).tolist()
    ids = doc_rows["sentence_id"].astype(str).tolist()
    naming = [sid for sid, t in zip(ids, norms, strict=True)
              if actor in t and sid != sentence_id]
    if not naming:
        return None
    before = [sid for sid in naming if sid < sentence_id]
    source = before[-1] if before else naming[0]
    of = _of_name(actor, "\n".join(norms))
    if need.kind == "possessive":
        m = re.match(r"(?i)^(son|sa|ses)\s+([a-zà-ÿœ-]+)", body)
        if not m:
            return None
        det, noun = m.group(1).lower(), m.group(2)
        article = {"son": "Le ", "sa": "La ", "ses": "Les "}[det]
        if det in ("son", "sa") and fold(noun[:1]) in "aeiouyh":
            article = "L'"
        return f"{article}{noun} {of}{body[m.end():]}", source
    if need.kind == "definite" and need.noun:
        head = fold(need.noun)
        if fold(actor).startswith(head + " "):            # "la région" + "région Île-de-France"
            return body[:need.end] + actor[len(need.noun):] + body[need.end:], source
        if not actor[:1].isupper():
            return None
        return body[:need.end] + " " + of + body[need.end:], source
    return None


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
        self.sim = evidence.similarity
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
        # private companies' funding or market position, nothing of public action: weak
        # (they lose against any sentence about public action; only the citation of every
        # document may still draw on them)
        self.off = self.pool["clean"].map(off_audience).to_numpy(dtype=bool) & (self.focus == 0)
        self.quality = self.quality * np.where(self.off, float(style()["off_audience_weight"]),
                                               1.0)
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
        self.told: set[str] = set()     # source sentences the note already tells
        self.topic_order: dict[str, list[str]] = {}

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
        self.told.update(st.source_ids)
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
        figures = figure_numbers(str(self.pool.at[i, "clean"]))
        if figures and not figures & figure_numbers(str(self.pool.at[j, "clean"])):
            return False    # a document that gives none of the figures does not confirm them
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
        same_doc = np.where((self.sim[i] >= 0.1)
                            & (self.pool["doc"].to_numpy() == doc_i))[0]
        for j in sorted(set(np.where(self.sim[i] >= 0.3)[0]) | set(same_doc) | agreeing):
            if self.used[j]:
                continue
            doc_j = int(self.pool.at[j, "doc"])
            if doc_j == doc_i:
                if self.sim[i, j] >= self.DUPLICATE or same_fact(
                        str(self.pool.at[i, "clean"]), str(self.pool.at[j, "clean"])):
                    self.used[j] = True     # the same fact told twice by one document
                    self.told.add(str(self.pool.at[j, "sentence_id"]))
                continue
            if self._supports(i, j):
                self.used[j] = True
                st.support_ids.append(str(self.pool.at[j, "sentence_id"]))
                self.told.add(st.support_ids[-1])
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
        # the uses of the dossier (use_cases table), by domain, and its failures as lessons
        self._mark_use_case_subparts()
        budgets = plan.budgets(active=self.ev.use_cases is not None)
        if self.ev.use_cases is not None:
            for sp in plan.subparts:
                if sp.key in self.skip:
                    continue
                if USE_CASES in sp.draws_on:
                    share = float(style()["use_cases"]["share"])
                    statements[sp.key] += self._use_case_statements(
                        sp, budgets[sp.key] * share, failures=False)
                if USE_CASE_FAILURES in sp.draws_on:
                    statements[sp.key] += self._use_case_statements(
                        sp, budgets[sp.key] * 0.5, failures=True)
        for sp in plan.subparts:
            if sp.key in self.skip:
                statements[sp.key] = []
                continue
            topics = self._topics_left(sp, statements[sp.key], topic_rel)
            self._fill(sp.key, topics, statements[sp.key], budgets[sp.key], keys, home,
                       topic_rel)
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
        self._cover(statements, keys, home, topic_rel, budgets,
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
                              log=self.log, definition=definition, starved=self.starved,
                              topic_order=self.topic_order)
        cited = selection.cited_docs()
        selection.uncovered_docs = sorted(set(self.ev.documents["doc"]) - cited)
        return selection

    def _topics_left(self, sp: Any, items: list[Statement], topic_rel: dict) -> list[Topic]:
        """The topics of a sub-part still to fill: a topic that two statements of the use cases
        already tell (it is their best topic in the sub-part) needs no generic sentence more."""
        told = Counter()
        for st in items:
            i = self.index.get(st.sentence_id)
            if st.kind != "usage" or i is None:
                continue
            rel = [(topic_rel[(sp.key, t.name)][i], t.name) for t in sp.topics]
            value, name = max(rel)
            if value >= 0.12:
                told[name] += 1
        left = [t for t in sp.topics if told[t.name] < 2]
        return left or sp.topics

    # -- the uses of the dossier (use_cases table)
    def _mark_use_case_subparts(self) -> None:
        """When the plan does not say which sub-parts tell the uses and the failures, mark the
        sub-part whose topics best match the evidence of the uses, and the other sub-part that
        best matches the evidence of the failures."""
        uc = self.ev.use_cases
        if uc is None or self.plan.drawing_on(USE_CASES) or self.plan.drawing_on(
                USE_CASE_FAILURES):
            return
        failing = [is_failure(x) for x in uc["status"]]

        def rows(fail: bool) -> list[int]:
            ids = [sid for k, f in enumerate(failing) if f == fail
                   for sid in _ids(uc.at[k, "evidence_sentence_ids"])]
            return [self.index[sid] for sid in ids if sid in self.index]

        def match(sp: Any, idx: list[int]) -> float:
            rel = np.vstack([self.relevance(t.terms)[idx] for t in sp.topics])
            return float(rel.max(axis=0).mean())

        uses, fails = rows(False), rows(True)
        chosen = None
        if uses:
            chosen = max(self.plan.subparts, key=lambda sp: match(sp, uses))
            chosen.draws_on.append(USE_CASES)
            if chosen.words is None:
                chosen.words = round(self.plan.body_words
                                     * float(style()["use_cases"]["subpart_share"]))
        if fails:
            others = [sp for sp in self.plan.subparts if sp is not chosen] or self.plan.subparts
            max(others, key=lambda sp: match(sp, fails)).draws_on.append(USE_CASE_FAILURES)

    def _use_case_statements(self, sp: Any, budget: float, failures: bool) -> list[Statement]:
        """The uses of the `use_cases` table told in sub-part `sp` (see `use_case_groups`):
        one statement per group of use cases (the most informative quotable evidence
        sentence: named actor, figure, outcome), within `budget` words, the groups of the
        highest weight first; then laid out by domain (domains with the most cases first,
        deployed and experimented uses before projects). With `failures`, the abandoned uses,
        each told with the sentences of its document that give its causes (a lesson)."""
        cfg = style()["use_cases"]
        uc = self.ev.use_cases
        groups = [g for g in use_case_groups(uc) if g.failure == failures]
        out: list[Statement] = []
        words = 0
        overview = None
        if not failures:
            overview = self._overview(sp.key, uc)
            if overview is not None:
                out.append(overview)
                words += self._words([overview])
        limit = int(cfg["max_lesson_words" if failures else "max_words"])
        for group in sorted(groups, key=lambda g: (-g.weight, g.case_ids)):
            if any(sid in self.told for sid in group.evidence_ids):
                continue                    # already told (opening fact, another section)
            st = self._group_statement(group, sp.key, limit, failures)
            if st is None:
                continue
            n = self._words([st])
            if words + n > budget:
                self._unmake(st, group.sentence_ids)
                continue
            words += n
            out.append(st)
        told = [st for st in out if st.kind != "aperçu"]
        if failures:
            for st in told:
                st.topic = "retour d'expérience"
            if told:
                self.topic_order[sp.key] = [t.name for t in sp.topics] + ["retour d'expérience"]
            return out
        # layout: domains ordered by their number of use cases, small domains paired
        by_domain: dict[str, list[Statement]] = defaultdict(list)
        domain_of = {}
        for st in told:
            domain = st.topic
            by_domain[domain].append(st)
            domain_of[id(st)] = domain
        last = {fold(x) for x in cfg["last_domains"]}
        order = sorted(by_domain, key=lambda d: (
            fold(d) in last, -sum(len(st.use_case_ids) for st in by_domain[d]),
            min(st.rank for st in by_domain[d]), d))
        paragraphs: list[list[str]] = []
        for domain in order:
            if paragraphs and len(paragraphs[-1]) == 1 and len(by_domain[paragraphs[-1][0]]) < 2:
                paragraphs[-1].append(domain)
            else:
                paragraphs.append([domain])
        if paragraphs and len(paragraphs) > 1 and len(paragraphs[-1]) == 1 and len(
                by_domain[paragraphs[-1][0]]) < 2 and len(paragraphs[-2]) == 1:
            paragraphs[-2] += paragraphs.pop()
        topic_names = []
        ordered: list[Statement] = [overview] if overview is not None else []
        for domains in paragraphs:
            name = "usages : " + ", ".join(domains)
            topic_names.append(name)
            members = [st for d in domains for st in by_domain[d]]
            members.sort(key=lambda st: (domains.index(domain_of[id(st)]),
                                         st.rank, -st.score))
            for st in members:
                st.topic = name
            ordered += members
        plan_topics = [t.name for t in sp.topics]
        head = ["usages : vue d'ensemble"] if overview is not None else []
        self.topic_order[sp.key] = head + plan_topics[:1] + topic_names + plan_topics[1:]
        return ordered

    def _overview(self, section: str, uc: pd.DataFrame) -> Statement | None:
        """A sentence that surveys the domains of use (a noun such as « domaines » or
        « champ » and at least two domain labels of the use cases)."""
        cfg = style()["use_cases"]
        last = {fold(x) for x in cfg["last_domains"]}
        labels = {tuple(lemma_tokens(d)) for d in uc["domain"].dropna().astype(str)
                  if fold(d) not in last and lemma_tokens(d)}
        nouns = {fold(n) for n in cfg["overview_nouns"]}
        best, best_score = None, 0.0
        for i in np.where(self.candidate & ~self.used)[0]:
            seq = self.pool.at[i, "lemmas"]
            if not nouns & set(seq):
                continue
            n = sum(1 for label in labels if _count_phrase(seq, label))
            if n < 2:
                continue
            score = n * float(self.quality[i])
            if score > best_score:
                best, best_score = i, score
        if best is None:
            return None
        st = self._make(int(best), section, "usages : vue d'ensemble", best_score)
        st.kind = "aperçu"
        return st

    def _group_statement(self, group: UseCaseGroup, section: str, limit: int,
                         failures: bool) -> Statement | None:
        """The statement of a group of use cases: its best evidence sentence (completed with
        the actor's name when it only points back to it), followed by the group's other
        sentences of the same passage that point back to it, and, for a failure, by the
        sentences right after it that give its causes."""
        cfg = style()["use_cases"]
        best = None
        for sid in group.sentence_ids:
            i = self.index.get(sid)
            if i is None or self.used[i] or sid in self.bans:
                continue
            quoted = self._quotable_use_text(i, group)
            if quoted is None:
                continue
            text, context = quoted
            if not group.says_use(text):
                continue
            n = word_count(shorten(text))
            if n > limit:
                continue
            score = group.informativeness(text, sid) * float(self.quality[i])
            if best is None or score > best[0]:
                best = (score, i, text, context)
        if best is None:
            return None
        score, i, text, context = best
        st = self._make(i, section, group.domain, score)
        st.text, st.context_ids = text, context
        st.kind = "leçon" if failures else "usage"
        st.use_case_ids = list(group.case_ids)
        st.rank = group.rank
        self.told.update(context)
        # the rest of the passage: the group's sentences that point back to this one
        sents = self.ev.sentences
        pos = {sid: k for k, sid in enumerate(sents["sentence_id"])}
        last = pos[st.sentence_id]
        doc = st.doc
        for sid in sorted(group.sentence_ids, key=lambda x: pos.get(x, 0)):
            k = pos.get(sid)
            j = self.index.get(sid)
            if (k is None or j is None or k <= last or self.used[j]
                    or int(sents.at[k, "doc"]) != doc):
                continue
            own = sid in group.own_ids(st.sentence_id)
            near = (k - last <= 4 and sents.at[k, "paragraph_id"]
                    == sents.at[last, "paragraph_id"]) if "paragraph_id" in sents else k - last <= 4
            if not (own or near or k == last + 1):
                continue
            if not self._continues(j, st.text, next_one=(k == last + 1), same_case=own or near,
                                   quotable=False):
                continue
            if word_count(shorten(st.text + " " + str(self.pool.at[j, "clean"]))) > limit:
                break
            self._follow(st, j)
            last = k
        # the group's other sentences tell the same uses: never quoted again, and those of
        # other documents are cited with the statement
        for sid in group.sentence_ids:
            j = self.index.get(sid)
            if j is None or self.used[j]:
                continue
            self.used[j] = True
            self.told.add(sid)
            d = int(self.pool.at[j, "doc"])
            if d != doc and sid not in st.support_ids:
                st.support_ids.append(sid)
                if d not in st.docs:
                    st.docs.append(d)
        if failures:
            causes = [re.compile(p, re.IGNORECASE) for p in cfg["cause_patterns"]]
            for k in range(last + 1, min(last + 3, len(sents))):
                sid = str(sents.at[k, "sentence_id"])
                j = self.index.get(sid)
                if j is None or int(sents.at[k, "doc"]) != doc or self.used[j]:
                    break
                text = str(self.pool.at[j, "clean"])
                if not any(c.search(text) for c in causes) or not self._continues(
                        j, st.text, next_one=(k == last + 1), same_case=False, quotable=True):
                    break
                if word_count(shorten(st.text + " " + text)) > limit:
                    break
                self._follow(st, j)
                last = k
        return st

    def _follow(self, st: Statement, j: int) -> None:
        """Quote pool row j right after statement `st` (same document, same passage)."""
        st.text = st.text.rstrip() + " " + str(self.pool.at[j, "clean"])
        sid = str(self.pool.at[j, "sentence_id"])
        st.followed_ids.append(sid)
        self.used[j] = True
        self.chosen.append(j)
        self.told.add(sid)
        self._absorb(j, st)

    def _continues(self, j: int, before: str, next_one: bool, same_case: bool,
                   quotable: bool) -> bool:
        """Whether pool row j can be quoted right after `before`: it is refused only because
        it points back, and what it points to is `before` (the sentence right before it in its
        document, the same use case, or a noun `before` names); with `quotable`, a sentence
        that can be quoted alone also continues (the causes of a failure)."""
        if self.pool.at[j, "sentence_id"] in self.bans:
            return False
        reasons = set(self.pool.at[j, "reasons"])
        if not reasons:
            return quotable
        if reasons != {"renvoie à une phrase précédente"}:
            return False
        text = str(self.pool.at[j, "clean"])
        if next_one or same_case:
            needs = context_needs(text)
            return all(n.kind in ("demonstrative", "definite", "possessive", "opening")
                       for n in needs) or next_one
        return all(resolvable_by({"clean": before}, n) for n in context_needs(text))

    def _quotable_use_text(self, i: int, group: UseCaseGroup) -> tuple[str, list[str]] | None:
        """The text under which pool row i can be quoted alone for a use case, with the
        sentences that give it its context: as the dossier wrote it when it is quotable, or
        with its actor named when it only points back to it ("La commune utilise…" → "La
        commune de Plaisir utilise…", "Son projet…" → "Le projet de l'IGN…")."""
        row = self.pool.iloc[i]
        if self.candidate[i]:
            return str(row["clean"]), list(row["context_ids"]) if "context_ids" in row else []
        if list(row["reasons"]) != ["renvoie à une phrase précédente"]:
            return None
        text = str(row["clean"])
        needs = context_needs(text)
        if len(needs) != 1 or needs[0].kind not in ("definite", "possessive"):
            return None
        doc_rows = self.ev.sentences[(self.ev.sentences["doc"] == row["doc"])
                                     & (self.ev.sentences["kind"] != "title")]
        for actor in group.actors:
            named = name_actor(text, needs[0], actor, doc_rows, str(row["sentence_id"]))
            if named is None:
                continue
            completed, naming = named
            if not rejection_reasons(completed, str(row["kind"])):
                return completed, [naming]
        return None

    def _unmake(self, st: Statement, also: list[str] | None = None) -> None:
        """Undo a statement that does not fit the budget: its sentences (and `also`) become
        free again."""
        for sid in [st.sentence_id, *st.followed_ids, *st.support_ids, *(also or [])]:
            j = self.index.get(sid)
            if j is not None:
                self.used[j] = False
                if j in self.chosen:
                    self.chosen.remove(j)
                self.statements.pop(j, None)
            self.told.discard(sid)

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
        # what the statements already there (pins, use cases) leave, shared by the topics
        per_topic = max(budget - self._words(items), budget * 0.25) / max(len(topics), 1)
        words = defaultdict(int)
        for st in items:
            words[st.topic] += word_count(st.text)
        active = [t.name for t in topics]
        first: dict[str, float] = {}

        def next_pick(name: str) -> tuple[int, float] | None:
            k = keys.index((section, name))
            allowed = ((home == k) & (topic_rel[(section, name)] >= 0.12)
                       & self._fit[(section, name)] & ~self.off)
            return self.best(topic_rel[(section, name)] * q, allowed=allowed)

        rounds = 0
        while active and self._words(items) < budget:
            order = list(active)
            if rounds:
                # after a first sentence for each topic, the topics whose next sentence is
                # the strongest (relative to their first) come first
                strength = {}
                for name in order:
                    pick = next_pick(name)
                    strength[name] = pick[1] / first[name] if pick and first.get(name) else 0.0
                order.sort(key=lambda n: -strength[n])
            rounds += 1
            for name in order:
                if self._words(items) >= budget:
                    break
                pick = next_pick(name)
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
                allowed = ((topic_rel[(section, name)] >= 0.25) & self._fit[(section, name)]
                           & ~self.off)
                pick = self.best(topic_rel[(section, name)] * q, allowed=allowed)
                if pick:
                    items.append(self._make(pick[0], section, name, pick[1]))
        if self._words(items) < budget * 0.9:
            self.starved.append(section)
            self.log.append(f"La sous-partie {section} n'a trouvé que {self._words(items)} mots "
                            f"de phrases pertinentes (cible : {budget:.0f}).")

    def _cover(self, statements: dict[str, list[Statement]], keys: list, home: np.ndarray,
               topic_rel: dict, budgets: dict[str, float], frame: list[Statement]) -> None:
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
            self._trim(items, budgets[section] * 1.12)

    def _trim(self, items: list[Statement], limit: float) -> None:
        """Drop the weakest statements of an over-long sub-part, keeping every document cited."""
        while self._words(items) > limit:
            counts = Counter(d for items_ in [items] for s in items_ for d in s.docs)
            removable = [s for s in items if not s.pinned and all(counts[d] > 1 for d in s.docs)
                         and sum(1 for x in items if x.topic == s.topic) > 1 and not s.kind]
            if not removable:
                return
            weakest = min(removable, key=lambda s: s.score)
            items.remove(weakest)


def select(evidence: Evidence, plan: Plan, pins: dict[str, list[str]] | None = None,
           bans: set[str] | None = None, skip_sections: set[str] | None = None) -> Selection:
    """Choose the statements of the note for `plan` (see the module docstring)."""
    return Selector(evidence, plan, pins=pins, bans=bans, skip_sections=skip_sections).run()
