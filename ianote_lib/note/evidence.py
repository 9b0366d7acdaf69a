"""The evidence pool: the dossier's sentences prepared for selection (quotable text, lemmas,
TF-IDF cosines, centrality), with what the earlier notebooks' tables say of them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import numpy as np
import pandas as pd

from ianote_lib.fr.lemmas import content_lemmas, lemma_tokens
from ianote_lib.fr.normalize import fold, normalize, word_count
from ianote_lib.note.anaphora import (
    ContextNeed,
    completion,
    context_needs,
    generic_actor,
    quant_a,
    resolvable_by,
    subject_taken_up,
)
from ianote_lib.note.bills import frame_provisions, name_bills
from ianote_lib.note.candidates import (
    QUOTABLE_KINDS,
    closed_item,
    demonstrative_opening,
    figure_label_sentence,
    flag_continuations,
    numbered_item,
    rejection_reasons,
    repair_stray_quotes,
    statement_text,
    verb_in_aside,
)
from ianote_lib.note.completion import (
    demonstrative_completion,
    needs_place,
    place_completion,
    source_completion,
    subject_completion,
    title_completion,
    title_places,
)
from ianote_lib.note.contrasts import keep_contrasts
from ianote_lib.note.lists import join_labelled_lists, join_listed_items
from ianote_lib.note.page_dates import date_relative_years
from ianote_lib.note.text import SENTENCE_ID, compress, has_figure, proper_nouns, style, years_in
from ianote_lib.tfidf import tfidf_matrix


@dataclass(frozen=True)
class Divergence:
    """Another document's close value for the figure of a sentence."""

    other_id: str
    other_doc: int
    here: str           # the figure as this sentence writes it
    other: str          # the other document's figure as written there


@dataclass
class Evidence:
    """The dossier's sentences, prepared for selection (lemmas, vectors, scores, filters)."""

    sentences: pd.DataFrame             # all rows, plus columns added here
    documents: pd.DataFrame
    excluded_by_checks: set[str] = field(default_factory=set)
    # a sentence whose figure another document gives a close other value (88 or 90 millions):
    # sentence_id → the other figure's sentence id, document, and both figures as written
    divergent: dict[str, Divergence] = field(default_factory=dict)
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


STRONG_UNITS = ("EUR", "USD", "%", "tCO2e", "gCO2e", "m3", "L", "GWh", "MWh", "m2", "zettabyte")


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
                   figures: pd.DataFrame | None = None, use_cases: pd.DataFrame | None = None,
                   checks: pd.DataFrame | None = None,
                   sentence_parse: pd.DataFrame | None = None) -> Evidence:
    """Prepare the sentences for selection, with the tables of the earlier notebooks.

    `figures` (notebook 02), `use_cases` (notebook 03) and `checks` (notebook 02) sharpen the
    selection; the note can be written without them, so each may be None, which means the
    table is not available: no sentence is marked as carrying a listed figure (figures are
    still read from the text), no actor is known and no use case is told, no sentence is kept
    out as inconsistent. The caller loads them (`ianote_lib.tables.read_table`).
    `sentence_parse` (notebook 01, `fr.parse`) gives each sentence's compressed form (its
    attribution, appositions and parentheses removed) and whether it holds a finite verb;
    without it the rules over the text alone decide."""
    sents = sentences.copy().reset_index(drop=True)
    if "norm" not in sents:
        sents["norm"] = sents["text"].map(normalize)
    if "kind" not in sents:
        sents["kind"] = "sentence"
    ev = Evidence(sentences=sents, documents=documents.copy())
    _apply_checks(ev, checks, figures)
    _apply_figures(ev, figures)
    _apply_use_cases(ev, use_cases)
    ev.sentences = _prepared_sentences(_with_parse(sents, sentence_parse), ev)
    ev.pool = _pool(ev)
    return ev


def close_divergences(checks: pd.DataFrame | None,
                      figures: pd.DataFrame | None) -> dict[str, Divergence]:
    """The sentences of a divergence between two close values of one quantity (at most
    `close_divergence` apart, same unit: « 88 millions d'euros » against « 90 millions »),
    each with the other document's figure. Such a fact can be told with both values; a wider
    gap (10 % against 50 %) may be two quantities the check took for one, and is kept out."""
    if checks is None or checks.empty or figures is None or "figure_id" not in figures \
            or not {"figure_id_a", "figure_id_b", "kind"} <= set(checks.columns):
        return {}
    known = figures.set_index("figure_id")
    limit = float(style()["close_divergence"])
    out: dict[str, Divergence] = {}
    for row in checks[checks["kind"].astype(str) == "divergence"].itertuples(index=False):
        a, b = str(row.figure_id_a), str(row.figure_id_b)
        if a not in known.index or b not in known.index:
            continue
        fa, fb = known.loc[a], known.loc[b]
        values = sorted(abs(float(pd.to_numeric(f["value"], errors="coerce"))) for f in (fa, fb))
        if (fa["unit"] != fb["unit"] or not np.isfinite(values).all() or values[0] <= 0
                or values[1] / values[0] > limit):
            continue
        sa, sb = str(fa["sentence_id"]), str(fb["sentence_id"])
        out[sa] = Divergence(sb, int(fb["doc"]), str(fa["text"]), str(fb["text"]))
        out[sb] = Divergence(sa, int(fa["doc"]), str(fb["text"]), str(fa["text"]))
    return out


def _other_periods(row: pd.Series) -> bool:
    """Whether the two sentences of a divergence date their figures by different years: two
    periods, not two values of one fact (« 24 000 ha par an sur la décennie 2011-2020 »
    against « 20 011 ha en 2019-2020 »)."""
    years = [years_in(str(row[f"sentence_{side}"])) for side in "ab"]
    return bool(years[0] and years[1] and years[0] != years[1])


def _apply_checks(ev: Evidence, checks: pd.DataFrame | None,
                  figures: pd.DataFrame | None) -> None:
    """The sentences of the inconsistencies (kept out, unless a close divergence is all they
    are in) and the pairs that agree. A divergence between figures its sentences date by
    different years is none for the note: both sentences stay, neither tells the other."""
    if checks is not None and not checks.empty and {"kind", "sentence_a"} <= set(checks):
        checks = checks[~checks.apply(lambda r: str(r["kind"]) == "divergence"
                                      and _other_periods(r), axis=1)]
    ev.divergent = close_divergences(checks, figures)
    if ev.divergent:
        told = ev.divergent
        close = checks.apply(lambda r: str(r["kind"]) == "divergence"
                             and str(r["sentence_id_a"]) in told
                             and told[str(r["sentence_id_a"])].other_id
                             == str(r["sentence_id_b"]), axis=1)
        checks = checks[~close]
    ev.excluded_by_checks = check_sentence_ids(checks)
    ev.agreements = {frozenset(pair) for ids in _check_rows(checks, agreeing=True)
                     for pair in _pairs(ids)}


def _apply_figures(ev: Evidence, figures: pd.DataFrame | None) -> None:
    """The sentences that carry a figure, and those whose figure can open a note."""
    if figures is not None and "sentence_id" in figures:
        ev.figure_ids = set(figures["sentence_id"].dropna().astype(str))
        ev.strong_figure_ids = strong_figures(figures)


def _apply_use_cases(ev: Evidence, use_cases: pd.DataFrame | None) -> None:
    """The named actors of the use cases, and the table itself when it has evidence rows."""
    if use_cases is not None and "actor" in use_cases:
        names = {str(a).strip() for a in use_cases["actor"].dropna() if len(str(a).strip()) > 2}
        ev.actor_names = sorted(names)
        if "evidence_sentence_ids" in use_cases and len(use_cases):
            ev.use_cases = use_cases.reset_index(drop=True)


def _prepared_sentences(sents: pd.DataFrame, ev: Evidence) -> pd.DataFrame:
    """Every sentence with its quotable text, why it cannot be quoted, how it was resolved,
    and its figures, actors and lemmas."""
    # (a numbered item is quoted as written: its compressed form lost its number and the label
    # it defines, « - 7. Délégation de pouvoir : le pouvoir central délègue… »)
    sents["clean"] = [quotable_text(raw if numbered_item(raw) else t, k, raw) for t, k, raw in
                      zip(sents["parsed_text"], sents["kind"], sents["text"], strict=True)]
    repair_stray_quotes(sents)
    name_bills(sents, ev.documents)
    date_relative_years(sents, ev.documents)
    # (a key figure set as a label has the verb the note writes it with; a main verb the
    # tagger found outweighs the text's rough test: « Le rendement descend sous 50 % »; not
    # one of a relative clause, `verb_in_aside`)
    sents["reasons"] = [
        [r for r in rejection_reasons(t, k, anaphora=False)
         if not (main and r == "sans verbe" and not verb_in_aside(t))]
        + parse_reasons(True if figure_label_sentence(raw) else verb)
        for t, k, verb, raw, main in zip(sents["clean"], sents["kind"], sents["finite_verb"],
                                         sents["parsed_text"], sents["main_verb"], strict=True)]
    sents.loc[sents["sentence_id"].isin(ev.excluded_by_checks), "reasons"] = sents.loc[
        sents["sentence_id"].isin(ev.excluded_by_checks), "reasons"].map(
        lambda r: r + ["incohérence signalée (checks)"])
    flag_continuations(sents)
    resolve_context(sents)
    join_labelled_lists(sents)
    join_listed_items(sents)
    keep_contrasts(sents)
    frame_provisions(sents, ev.documents)
    place_stories(sents)
    sents["short"] = sents["clean"].map(compress)
    sents["words"] = sents["short"].map(word_count)
    sents["candidate"] = sents["reasons"].map(lambda r: not r)
    sents["figure"] = [
        (sid in ev.figure_ids) or has_figure(t)
        for sid, t in zip(sents["sentence_id"], sents["clean"], strict=True)]
    sents["actors"] = sents["clean"].map(lambda t: _actors(t, ev.actor_names))
    sents["demonstrative"] = sents["clean"].map(demonstrative_opening)
    sents["lemmas"] = sents["clean"].map(lemma_tokens)
    return sents


# the parse's text columns the note's writing uses (see fr.parse)
PARSE_TEXT_COLUMNS = ("phrases", "subject", "subject_text", "subject_pronoun", "action",
                      "action_agent", "tense", "claim")


def _with_parse(sents: pd.DataFrame, parse: pd.DataFrame | None) -> pd.DataFrame:
    """The sentences with their parse: `parsed_text` (the compressed form when the parse gives
    one), `finite_verb` (None when unknown), `tagged_verb` (True when unknown), `main_verb`
    (False when unknown), `dangling_object` (an object pronoun whose antecedent is in a
    previous sentence) and `PARSE_TEXT_COLUMNS` (its noun phrases, « | »-separated; the
    subject it opens on and its pronoun; its prescribed action and agent; the time of the
    event it tells)."""
    if parse is None or not len(parse):
        return sents.assign(parsed_text=sents["text"], finite_verb=None, tagged_verb=True,
                            main_verb=False, dangling_object=False,
                            **{c: "" for c in PARSE_TEXT_COLUMNS})
    by_id = parse.set_index("sentence_id")
    ids = sents["sentence_id"].astype(str)
    compressed = ids.map(by_id["compressed"]).fillna("")
    return sents.assign(
        **{c: ids.map(by_id[c]).fillna("") if c in by_id else "" for c in PARSE_TEXT_COLUMNS},
        parsed_text=[c if c else t for c, t in zip(compressed, sents["text"], strict=True)],
        finite_verb=ids.map(by_id["finite_verb"]).astype(object).where(ids.isin(by_id.index),
                                                                       None),
        tagged_verb=(ids.map(by_id["tagged_verb"]).fillna(True).astype(bool)
                     if "tagged_verb" in by_id else True),
        dangling_object=(ids.map(by_id["dangling_object"]).fillna(False).astype(bool)
                         if "dangling_object" in by_id else False),
        main_verb=(ids.map(by_id["main_verb"]).fillna(False).astype(bool)
                   if "main_verb" in by_id else False))


def parse_reasons(finite_verb: object) -> list[str]:
    """Why the parse keeps a sentence out: no finite verb (a caption, a heading, a list item
    passed off as a sentence). A subject that points back is resolved with the text rules
    (`resolve_context`), which merge the sentence with its antecedent or leave it out."""
    return ["sans verbe conjugué"] if finite_verb is False else []


def _pool(ev: Evidence) -> pd.DataFrame:
    """The quotable rows (candidates and support) with their TF-IDF cosines and centrality."""
    sents = ev.sentences
    pool = sents[sents["kind"].isin(QUOTABLE_KINDS)
                 & ~sents["sentence_id"].isin(ev.excluded_by_checks)].copy()
    pool = pool[pool["words"] >= 6].reset_index(drop=True)
    ev.matrix, _ = tfidf_matrix(pool["clean"], content_lemmas, sublinear_tf=True)
    ev.similarity = CosineRows(ev.matrix)
    centrality = ev.similarity.centrality()
    pool["centrality"] = centrality / (centrality.max() or 1.0)
    pool["content"] = pool["clean"].map(lambda t: set(content_lemmas(t)))
    return pool


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


def _completed(sents: pd.DataFrame, texts: list[str], k: int, need: ContextNeed, prev: int,
               previous_in_doc: dict[int, int], back: int = 3) -> tuple[str, int] | None:
    """Sentence k completed, and the row of the sentence that completes it: its definite noun
    phrase by the name one of the `back` sentences before it gives (`note.anaphora.completion`),
    its demonstrative by the noun phrase of the previous sentence that says which
    (`note.completion.demonstrative_completion`); None if none does."""
    if need.kind == "demonstrative" and "phrases" in sents:
        phrases = str(sents.at[sents.index[prev], "phrases"] or "").split(" | ")
        completed = demonstrative_completion(texts[k], need, phrases)
        return (completed, prev) if completed else None
    if need.kind != "definite":
        return None
    j: int | None = prev
    for _ in range(back):
        if j is None:
            return None
        completed = completion(texts[k], need, texts[j])
        if completed:
            return completed, j
        j = previous_in_doc.get(j)
    return None


def resolve_context(sents: pd.DataFrame) -> None:
    """Resolve the sentences that point back to a previous sentence (see note.anaphora): complete
    their definite noun phrase with the name the previous sentence of the document gives, or
    quote the previous sentence of the paragraph before them, or (a list item) take up the
    subject of the item before them, or complete them with what their document's title names
    (the only way for its first sentence), or reject them. Adds the columns
    `context_ids` (source sentences quoted or drawn on before the sentence, or the title that
    names what it speaks of) and `resolution`."""
    context_ids: list[list[str]] = [[] for _ in range(len(sents))]
    resolution = [""] * len(sents)
    dangling = sents["dangling_object"] if "dangling_object" in sents else [False] * len(sents)
    needs_of = [(context_needs(t) or ([ContextNeed("pronoun")] if d else [])) if not r else []
                for t, r, d in zip(sents["clean"], sents["reasons"], dangling, strict=True)]
    previous_in_doc = _previous_in_doc(sents)
    texts = sents["clean"].tolist()
    titles = _titles(sents)
    documents = _document_texts(sents)
    new_texts = list(texts)
    reasons = [list(r) for r in sents["reasons"]]
    opening: dict[int, tuple[str, str]] = {}     # the subjects that pronouns took up
    for k, needs in enumerate(needs_of):
        if not needs:
            continue
        prev = previous_in_doc.get(k)
        if prev is None:
            # (the first sentence of its document: only what the title names can complete it,
            # « A partir de ce lundi 19 août, la ville abaisse… » under « Lille passe au 30 km/h »)
            named = _named_otherwise(sents, k, texts[k], needs, titles, documents)
            if named is not None:
                new_texts[k], context_ids[k], resolution[k] = named
            else:
                reasons[k].append("renvoie à une phrase précédente")
            continue
        prev_ok = not sents.at[sents.index[prev], "reasons"] and not needs_of[prev]
        chain = _resolved_before(prev_ok, reasons[prev], resolution[prev])
        # 1. completion of a definite noun phrase by the name an earlier sentence of the
        # document gives it (the previous one, or up to two before it), or of a demonstrative
        # by the noun phrase the previous sentence says it with
        named = (_completed(sents, texts, k, needs[0], prev, previous_in_doc)
                 if len(needs) == 1 else None)
        if named is not None:
            new_texts[k], source = named
            context_ids[k] = [str(sents.at[sents.index[source], "sentence_id"])]
            resolution[k] = "complétée"
            continue
        # 2. pairing with the previous sentence of the same paragraph
        paired = (_paired(sents, texts, k, prev, needs, before=new_texts[prev] if chain else None)
                  if prev_ok or chain else None)
        if paired is not None:
            new_texts[k] = paired
            context_ids[k] = ((context_ids[prev] if chain else [])
                              + [str(sents.at[sents.index[prev], "sentence_id"])])
            resolution[k] = "précédée"
            continue
        # 3. a list item whose subject pronoun takes up the subject the item before it opens
        # on (« - Elle fixe… » after « - La loi Climat et Résilience introduit… »): the items of
        # a list are parallel statements on one subject, and an item is never quoted with the
        # one before it
        if ([n.kind for n in needs] == ["pronoun"] and sents.iloc[k].get("subject") == "pronoun"
                and _next_item(sents, prev, k)):
            subject, pronoun = opening.get(prev) or _opening(sents, prev)
            taken = subject_taken_up(texts[k], subject, pronoun)
            if taken is not None:
                new_texts[k] = taken
                opening[k] = (subject, pronoun)
                context_ids[k] = [str(sents.at[sents.index[prev], "sentence_id"])]
                resolution[k] = "complétée"
                continue
        # 4. the report or the tool the document's title names, 5. a category of actors,
        # 6. « la collectivité » of a guide addressed to any collectivité
        named = _named_otherwise(sents, k, texts[k], needs, titles, documents)
        if named is not None:
            new_texts[k], context_ids[k], resolution[k] = named
            continue
        reasons[k].append("renvoie à une phrase précédente")
    sents["clean"] = new_texts
    sents["reasons"] = reasons
    sents["context_ids"] = context_ids
    sents["resolution"] = resolution


def place_stories(sents: pd.DataFrame) -> None:
    """A document whose title names a place tells that place's story
    (`note.completion.title_places`): its rows are marked `local_story` (a case, not what
    opens the note). One of its sentences, quotable alone, that tells what happened without
    saying where (`note.completion.needs_place`) is told where when the title names one town
    (« Les 30 km/h en ville : quel bilan cinq ans après à Grenoble ? »: « À Grenoble, le
    nombre d'accidents par an est passé de 70 à 51… »), the title joining its sources; so is
    the sentence quoted after it (« À Grenoble, trois zones ont dû repasser à 50 km/h. C'est
    notamment le cas d'une route… »)."""
    titles = _titles(sents)
    # (the words the dossier writes in lower case, outside addresses: « mouans-sartoux.net »)
    lower = frozenset(w for t in sents["text"].astype(str)
                      for w in re.findall(r"(?<![\w./@-])[a-zà-ÿ][\w'-]*(?![\w@-]|\.\w)", t))
    places = {doc: title_places(text, lower) for doc, (_, text) in titles.items()}
    sents["local_story"] = [any(places.get(int(doc), ())) for doc in sents["doc"]]
    tenses = sents["tense"] if "tense" in sents else pd.Series("", index=sents.index)
    told: dict[str, tuple[str, str]] = {}       # each completed sentence: as it was, as told
    for i in sents.index:
        towns = places.get(int(sents.at[i, "doc"]), ((), ()))[0]
        text, ids = str(sents.at[i, "clean"]), list(sents.at[i, "context_ids"])
        if sents.at[i, "resolution"] == "précédée" and ids and ids[0] in told \
                and text.startswith(told[ids[0]][0]):
            sents.at[i, "clean"] = told[ids[0]][1] + text[len(told[ids[0]][0]):]
            sents.at[i, "context_ids"] = [titles[int(sents.at[i, "doc"])][0], *ids]
        elif (len(towns) == 1 and not sents.at[i, "reasons"] and not sents.at[i, "resolution"]
                and sents.at[i, "kind"] in QUOTABLE_KINDS
                and needs_place(text, str(tenses.at[i] or ""))):
            sents.at[i, "clean"] = place_completion(text, towns[0])
            sents.at[i, "context_ids"] = [titles[int(sents.at[i, "doc"])][0]]
            told[str(sents.at[i, "sentence_id"])] = (text, str(sents.at[i, "clean"]))


def _previous_in_doc(sents: pd.DataFrame) -> dict[int, int]:
    """Each quotable row's previous quotable row of the same document (none for its first)."""
    previous: dict[int, int] = {}
    last_of_doc: dict[int, int] = {}
    for k, (doc, kind) in enumerate(zip(sents["doc"], sents["kind"], strict=True)):
        if kind in QUOTABLE_KINDS:
            if int(doc) in last_of_doc:
                previous[k] = last_of_doc[int(doc)]
            last_of_doc[int(doc)] = k
    return previous


def _resolved_before(prev_ok: bool, reasons: list[str], resolution: str) -> bool:
    """Whether the sentence before, not quotable alone, was resolved itself: a sentence that
    points back to it is quoted with the chain, from the sentence that opens it (« …il
    s'élève à 28 161 agents en 2023… » then « Ces agents sont employés par… »)."""
    return not prev_ok and not reasons and resolution in ("précédée", "complétée")


def _paired(sents: pd.DataFrame, texts: list[str], k: int, prev: int,
            needs: list[ContextNeed], max_words: int = 60,
            before: str | None = None) -> str | None:
    """Row k quoted after the previous sentence of its paragraph, when that one gives what it
    points to and the two hold at most `max_words` words; as its document wrote it when a
    pronoun points back (the parse's compression may have dropped the speaker it stands for,
    « X a reconnu que… Il a repris… »). `before`: the previous sentence as resolved itself
    (completed, or quoted after its own), whose opening the compression must have kept for
    a pronoun. None otherwise."""
    if not _same_thread(sents, prev, k, needs):
        return None
    pronoun = any(n.kind == "pronoun" for n in needs)
    if before is None:
        # (« La majorité d'entre eux… » points to what the fact names, not to its dropped
        # speaker)
        before = _as_written(sents, prev) if pronoun else texts[prev]
    elif pronoun and opening_dropped(_as_written(sents, prev), texts[prev]):
        return None
    if (not all(resolvable_by({"clean": before}, n) for n in needs)
            or word_count(compress(before)) + word_count(compress(texts[k])) > max_words):
        return None
    # (told right after what it adds to, it needs no « Et » to open: « …commandé par la
    # commission européenne. Et elle obtient la seconde place… » → « Elle obtient… »)
    return before.rstrip() + " " + re.sub(r"^Et\s+(\w)", lambda m: m.group(1).upper(), texts[k])


def _same_thread(sents: pd.DataFrame, prev: int, k: int, needs: list[ContextNeed]) -> bool:
    """Whether row k goes on from row prev: in the same paragraph, or in the paragraph right
    after the one prev closes when each of its needs is a noun that prev holds (web pages set
    a paragraph for each sentence or two: « La loi n° 2024-1039… introduit un dispositif… » ¶
    « Adoptée le 19 novembre 2024, cette loi permet… »); not a pronoun, across paragraphs."""
    if "paragraph_id" not in sents:
        return True
    here = pd.to_numeric(sents.at[sents.index[k], "paragraph_id"], errors="coerce")
    there = pd.to_numeric(sents.at[sents.index[prev], "paragraph_id"], errors="coerce")
    if here == there:
        return True
    return (here == there + 1 and all(
        n.kind in ("demonstrative", "definite") and n.noun and not re.match(r"(?i)derni", n.noun)
        for n in needs))


def quotable_text(text: str, kind: str = "sentence", raw: str = "") -> str:
    """What the note may quote of a row's `text` (its compressed form, or as the document
    wrote it: `raw`): its label or bullet dropped (`statement_text`), « Quant à X, il… » said
    of X (`quant_a`), a list item closed, or a sentence left open (`closed_item`)."""
    return closed_item(quant_a(statement_text(text)), kind, raw or text)


def _as_written(sents: pd.DataFrame, k: int) -> str:
    """Row k's quotable text before the parse's compression."""
    row = sents.iloc[k]
    return quotable_text(str(row["text"]), str(row["kind"])) if "text" in row else str(row["clean"])


def opening_dropped(text: str, clean: str) -> bool:
    """Whether the parse's compression dropped the opening of a sentence (its speaker: « X a
    reconnu que… », an attribution: « Selon X, … »), so that a pronoun in the sentence after it
    may point to what the note no longer quotes."""
    written = fold(statement_text(text))
    return not written.startswith(fold(clean)[:12])


def _named_otherwise(sents: pd.DataFrame, k: int, text: str, needs: list[ContextNeed],
                     titles: dict[int, tuple[str, str]], documents: dict[int, str]
                     ) -> tuple[str, list[str], str] | None:
    """Row k's text, its context ids and its resolution when it needs no previous sentence
    after all: the report, the tool or the programme it points back to is the one its
    document's title names (« Le rapport est transmis… » in « Rapport local de suivi… »:
    `note.completion.title_completion`), the town is the one that published it
    (`source_completion`), its demonstrative category of actors reads as
    « les … concernés » (`concerned_category`), or its document (`documents`: each one's text)
    speaks to any collectivité (`note.anaphora.generic_actor`); None otherwise."""
    doc = int(sents.at[sents.index[k], "doc"])
    if generic_actor(needs, documents.get(doc, "")):
        return text, [], "générique"
    if len(needs) == 1 and doc in titles:
        by_title = title_completion(text, needs[0], titles[doc][1])
        if by_title is not None:
            return by_title, [titles[doc][0]], "complétée"
    if len(needs) == 1 and (subject := subject_completion(text, needs[0], documents)
                            or source_completion(text, needs[0], documents.get(doc, ""))):
        return subject, [], "complétée"
    row = sents.iloc[k]
    general = concerned_category(text, needs, str(row.get("subject_text", "") or ""),
                                 str(row.get("subject_pronoun", "") or ""))
    return (general, [], "généralisée") if general is not None else None


def _document_texts(sents: pd.DataFrame) -> dict[int, str]:
    """Each document's quotable text, and its source line as written (« Source : Ville de
    Mouans-Sartoux, … »: who published it, `note.completion.source_completion`)."""
    raw = sents["text"] if "text" in sents else sents["clean"]
    return {int(doc): " ".join(g["clean"].astype(str)) + " " + " ".join(
                t for t in raw.loc[g.index].astype(str) if t.startswith("Source"))
            for doc, g in sents.groupby("doc")}


def _titles(sents: pd.DataFrame) -> dict[int, tuple[str, str]]:
    """The first title row of each document: its sentence id and its text (none for rows
    that say no kind)."""
    titles: dict[int, tuple[str, str]] = {}
    if "kind" not in sents:
        return titles
    texts = sents["text"] if "text" in sents else sents["clean"]
    for doc, sid, kind, text in zip(sents["doc"], sents["sentence_id"], sents["kind"], texts,
                                    strict=True):
        if kind == "title" and str(text).strip():
            titles.setdefault(int(doc), (str(sid), str(text)))
    return titles


def _opening(sents: pd.DataFrame, k: int) -> tuple[str, str]:
    """The noun phrase row k opens on as its subject, and the pronoun that takes it up."""
    row = sents.iloc[k]
    return str(row.get("subject_text", "") or ""), str(row.get("subject_pronoun", "") or "")


def _next_item(sents: pd.DataFrame, prev: int, k: int) -> bool:
    """Whether row k is the list item right after row prev (an item is a paragraph)."""
    if "paragraph_id" not in sents or sents.at[sents.index[k], "kind"] != "bullet":
        return False
    here, before = (pd.to_numeric(sents.at[sents.index[i], "paragraph_id"], errors="coerce")
                    for i in (k, prev))
    return bool(here == before + 1)


def concerned_category(text: str, needs: list[Any], subject: str, pronoun: str) -> str | None:
    """« Ces organismes publics et privés doivent… » → « Les organismes publics et privés
    concernés doivent… »: a sentence whose only link back is its plural demonstrative subject
    naming a category of actors (`style.yaml category_nouns`; the subject from the parse), said
    of the actors concerned. None otherwise, and when the sentence only says who they are
    (« Ces agents, ce sont les secrétaires de mairie »: which agents, the sentence before told)."""
    words = subject.split()
    if (len(needs) != 1 or needs[0].kind != "demonstrative" or len(words) < 2
            or words[0] != "Ces" or words[1] not in style()["category_nouns"]
            or pronoun not in ("ils", "elles") or not text.startswith(subject)
            or re.match(r"\s*,\s*(?:ce sont|c['’]est)\b", text[len(subject):])):
        return None
    concerned = "concernés" if pronoun == "ils" else "concernées"
    return f"Les {' '.join(words[1:])} {concerned}{text[len(subject):]}"


def _pairs(ids: list[str]) -> list[tuple[str, str]]:
    return [(a, b) for k, a in enumerate(ids) for b in ids[k + 1:]]


@cache
def _not_actor_names() -> frozenset[str]:
    return frozenset(style()["not_actor_names"])


def _actors(text: str, names: list[str]) -> int:
    """Number of named actors (proper nouns, known actor names) in a sentence."""
    nouns = [w for w in proper_nouns(text) if w not in _not_actor_names()]
    known = [n for n in names if n and n in text]
    return len(set(nouns)) + len(known)
