"""Cross-source checks of the figures: the `checks` table ("points de vigilance").

Five kinds of check, all general (no list of known cases; thresholds and word lists in
`resources/figure_checks.yaml`):

- **across documents** (`contradiction`, `divergence`, `concordance`): two figures of different
  documents are paired when they share a unit and their contexts (the sentence and its
  neighbours, lemmatised with simplemma) are similar — TF-IDF cosine, plus bonuses for the same
  counted noun and for a rare proper name both mention (fuzzy-matched with rapidfuzz, so
  "Data publica" meets "datapublica"). Each figure is paired at most once per other document,
  best pairs first. The same value (not merely a close one) and the same sense: `concordance`;
  same share printed with opposite senses (one clause negated, "ne pouvaient être traités"
  against "décrochés"): `contradiction`; different values for the same thing: `divergence`;
- **within a document, between attributed estimates** (`estimations_divergentes`): two values
  of the same unit and subject, each in a clause that names its source ("pour Greenly, c'est…");
- **order of magnitude** (`ordre_de_grandeur`): an equivalence printed in a sentence ("X GWh,
  soit N foyers sur un an") gives a value per reference item that lies far outside a common
  order of magnitude;
- **arithmetic** (`incoherence_interne`): a sentence giving a total, a number of items per day
  or year and a value "chaque <item>" whose product does not hold;
- **a whole and its parts** (`total_et_parties`, `figures.breakdowns`): a whole split into
  parts that do not add up to it.

Only figures of the same kind of quantity are ever compared (`figures.quantity_kind`: unit,
`per` and the item counted per: a total and a price per m² are not two estimates of one thing).
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from scipy import sparse

from ianote_lib.config import load_yaml
from ianote_lib.figures.breakdowns import find_breakdowns, parts_checks, parts_message
from ianote_lib.figures.figure import is_unit_reference
from ianote_lib.figures.quantity_kind import quantity_kinds
from ianote_lib.figures.tokens import clause_bounds
from ianote_lib.figures.values import french_value
from ianote_lib.fr.lemmas import is_known, lemmatize
from ianote_lib.fr.normalize import NBSP, fold_same_length
from ianote_lib.fr.numbers import french_number
from ianote_lib.reports.display import display_table
from ianote_lib.safe_text import md_escape
from ianote_lib.tfidf import tfidf_matrix, token_analyzer

CHECK_COLUMNS = ["kind", "subject", "docs", "values", "message", "doc_a", "doc_b",
                 "sentence_id_a", "sentence_id_b", "figure_id_a", "figure_id_b", "sentence_a",
                 "sentence_b", "score"]
KIND_LABELS = {
    "contradiction": "Contradiction",
    "divergence": "Écart entre sources",
    "estimations_divergentes": "Estimations divergentes",
    "ordre_de_grandeur": "Ordre de grandeur douteux",
    "incoherence_interne": "Calcul incohérent",
    "total_et_parties": "Total et parties",
    "concordance": "Concordance",
}
_TO_BASE = {"GWh": ("MWh", 1000.0), "MWh": ("MWh", 1.0), "tCO2e": ("tCO2e", 1.0),
            "gCO2e": ("tCO2e", 1e-6)}


@cache
def settings() -> dict:
    return load_yaml("figure_checks.yaml")


# --------------------------------------------------------------------------------------------
# text helpers


def _lemmas(text: str) -> list[str]:
    stop = {fold_same_length(w) for w in settings()["stopwords"]}
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text.replace("’", "'"))
    lemmas = []
    for word in words:
        lemma = fold_same_length(lemmatize(word.lower()))
        if len(lemma) > 2 and lemma not in stop:
            lemmas.append(lemma)
    return lemmas


_OPENING_CHARS = " \"«“•-–("


def _starts_sentence(text: str, start: int, first_other: int) -> bool:
    """Whether `text[:start]` holds only opening characters (`first_other` is the index of
    the text's first other character), or ends with « . ! ? : » and optional spaces and
    opening quote. Looks back from `start` only: a linear scan of a whole document."""
    if start <= first_other:
        return True
    i = start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i > 0 and text[i - 1] in "\"«“":
        i -= 1
        while i > 0 and text[i - 1].isspace():
            i -= 1
    return i > 0 and text[i - 1] in ".!?:"


def _actors(text: str) -> set[str]:
    """Proper names of a text, folded; two-word names also glued ('Data publica' ->
    'datapublica'), so that spellings meet."""
    keys: set[str] = set()
    tokens = list(re.finditer(r"[^\W\d_]+", text))
    first_other = next((k for k, ch in enumerate(text) if ch not in _OPENING_CHARS), len(text))
    for i, tok in enumerate(tokens):
        word = tok.group()
        sentence_start = _starts_sentence(text, tok.start(), first_other)
        if word[0].isupper() and len(word) > 2 and not sentence_start:
            keys.add(fold_same_length(word))
            if i + 1 < len(tokens) and text[tok.end():tokens[i + 1].start()] == " ":
                keys.add(fold_same_length(word + tokens[i + 1].group()))
        if word.islower() and len(word) > 8 and not is_known(word):
            keys.add(fold_same_length(word))  # 'datapublica', 'leakmited': unknown words are names
    return keys


def _negated(sentence: str, start: int, end: int) -> bool:
    left, right = clause_bounds(sentence, start, end)
    return bool(re.search(settings()["negation"], fold_same_length(sentence[left:right])))


def _years(sentence: str, start: int, end: int) -> set[int]:
    left, right = clause_bounds(sentence, start, end)
    clause = sentence[max(0, left - 15):right]
    return {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", clause)}


def _quote(sentence: str) -> str:
    return f"«{NBSP}{sentence.strip()}{NBSP}»"


# --------------------------------------------------------------------------------------------
# contexts and similarity


@dataclass
class _Context:
    text: list[str]
    actors: list[set[str]]


def _contexts(figures: pd.DataFrame, sentences: pd.DataFrame) -> _Context:
    conf = settings()
    rows = sentences[sentences["kind"] != "title"].sort_values(["doc", "sentence_id"])
    position = {sid: i for i, sid in enumerate(rows["sentence_id"])}
    texts = rows["text"].tolist()
    docs = rows["doc"].tolist()
    out_text, out_actors = [], []
    for fig in figures.itertuples():
        i = position.get(fig.sentence_id)
        if i is None:
            out_text.append("")
            out_actors.append(set())
            continue
        lo = i
        while lo > i - conf["context_before"] and lo > 0 and docs[lo - 1] == fig.doc:
            lo -= 1
        hi = i
        while hi < i + conf["context_after"] and hi + 1 < len(texts) and docs[hi + 1] == fig.doc:
            hi += 1
        window = " ".join(texts[lo:hi + 1])
        out_text.append(" ".join(_lemmas(texts[i]) * 2 + _lemmas(window)))
        out_actors.append(_actors(window))
    return _Context(out_text, out_actors)


def _actor_df(sentences: pd.DataFrame) -> dict[str, int]:
    per_doc: dict[str, set] = {}
    for doc, group in sentences.groupby("doc"):
        for key in _actors(" ".join(group["text"])):
            per_doc.setdefault(key, set()).add(doc)
    return {k: len(v) for k, v in per_doc.items()}


def _distinctive(fig: pd.Series) -> bool:
    """A value that is unlikely to repeat by chance: an amount of money, CO2, water, energy
    or data, or a count of a thousand or more; never a unit of reference written with the
    indefinite article ("produire un mètre cube demande…", "un litre d'eau")."""
    if is_unit_reference(fig.text, fig.value):
        return False
    return fig.unit in settings()["distinctive_units"] or (fig.unit == "count"
                                                          and fig.value >= 1000)


def _equal_value(a: pd.Series, b: pd.Series) -> bool:
    """The same printed value (1,5 milliard and 1 500 millions), not merely a close one: only
    that confirms a figure, or makes two figures the same by their value alone."""
    def close(x: float, y: float) -> bool:
        return abs(x - y) <= 0.005 * max(abs(x), abs(y))

    high_a = a.value if pd.isna(a.value_high) else a.value_high
    high_b = b.value if pd.isna(b.value_high) else b.value_high
    return close(a.value, b.value) and close(high_a, high_b)


def _same_value(a: pd.Series, b: pd.Series) -> bool:
    lo_a, hi_a = a.value, a.value if pd.isna(a.value_high) else a.value_high
    lo_b, hi_b = b.value, b.value if pd.isna(b.value_high) else b.value_high
    tol = settings()["min_ratio_divergence"]
    if lo_a <= hi_b * tol and lo_b <= hi_a * tol:  # overlapping ranges or close values
        return True
    return False


# --------------------------------------------------------------------------------------------
# the checks


def _row(kind: str, a: pd.Series, b: pd.Series | None, sentences: dict, subject: str,
         values: str, message: str, score: float = float("nan")) -> dict:
    return {
        "kind": kind, "subject": subject,
        "docs": ";".join(str(d) for d in sorted({a.doc, b.doc if b is not None else a.doc})),
        "values": values, "message": message, "doc_a": a.doc,
        "doc_b": b.doc if b is not None else a.doc,
        "sentence_id_a": a.sentence_id, "sentence_id_b": b.sentence_id if b is not None else "",
        "figure_id_a": a.figure_id, "figure_id_b": b.figure_id if b is not None else "",
        "sentence_a": sentences[a.sentence_id],
        "sentence_b": sentences[b.sentence_id] if b is not None else "",
        "score": round(float(score), 3) if not math.isnan(score) else float("nan"),
    }


def _pairs(figures: pd.DataFrame, sentences: pd.DataFrame, kinds: list[tuple[str, str, str]]
           ) -> list[tuple[float, int, int]]:
    """Candidate pairs (score, i, j), i < j, of figures of the same kind of quantity (unit,
    `per` and item: `quantity_kind`) and similar contexts: the TF-IDF cosine of their contexts
    plus the bonuses (same counted noun, a rare name both contexts mention, the very same
    distinctive value). Figures are compared only within their kind, one block of similarities
    per kind, so that time and memory follow the largest kind rather than the square of the
    dossier."""
    conf = settings()
    if figures.empty:
        return []
    ctx = _contexts(figures, sentences)
    matrix, _ = tfidf_matrix([t or "vide" for t in ctx.text], token_analyzer(r"\S+"),
                             sublinear_tf=True)
    matrix = matrix.tocsr()
    counted = [fold_same_length(lemmatize(c.split()[0].lower())) if c else ""
               for c in figures["counted"]]
    shared = _shared_actor_matrix(ctx.actors, _actor_df(sentences))
    values = figures["value"].to_numpy(dtype=float)
    highs = figures["value_high"].to_numpy(dtype=float)
    highs = np.where(np.isnan(highs), values, highs)
    distinctive = np.array([_distinctive(fig) for fig in figures.itertuples(index=False)])
    order = {kind: code for code, kind in enumerate(sorted(set(kinds)))}
    kind_of = np.array([order[k] for k in kinds])
    out: list[tuple[float, int, int]] = []
    for (unit, _per, _item), code in order.items():
        if unit == "other":
            continue
        idx = np.flatnonzero(kind_of == code)
        if len(idx) < 2:
            continue
        block = matrix[idx]
        score = (block @ block.T).toarray()
        codes = np.array([counted[i] for i in idx], dtype=object)
        same_counted = (codes[:, None] == codes[None, :]) & (codes[:, None] != "")
        score = score + np.where(same_counted, conf["bonus_same_counted"], 0.0)
        score = score + np.where(shared[np.ix_(idx, idx)].toarray() > 0,
                                 conf["bonus_shared_actor"], 0.0)
        equal = (_close(values[idx][:, None], values[idx][None, :])
                 & _close(highs[idx][:, None], highs[idx][None, :]))
        both = distinctive[idx][:, None] & distinctive[idx][None, :]
        score = score + np.where(both & equal, conf["bonus_distinctive_value"], 0.0)
        keep = np.triu(score >= conf["match_threshold"], k=1)
        if unit == "count":
            keep &= codes[:, None] == codes[None, :]   # counts of different things never match
        for a, b in zip(*np.nonzero(keep), strict=True):
            out.append((float(score[a, b]), int(idx[a]), int(idx[b])))
    out.sort(key=lambda t: (t[1], t[2]))
    return out


def _close(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The same printed value, to half a percent (see `_equal_value`)."""
    return np.abs(x - y) <= 0.005 * np.maximum(np.abs(x), np.abs(y))


def _shared_actor_matrix(actors: list[set[str]], df: dict[str, int]) -> sparse.csr_matrix:
    """Figures × figures: non-zero where their contexts share a rare proper name (found in at
    most `actor_max_docs` documents), or two rare names that rapidfuzz finds alike (ratio ≥ 90,
    both longer than five letters: "Data publica" meets "datapublica")."""
    limit = settings()["actor_max_docs"]
    rare = [{k for k in names if df.get(k, 1) <= limit} for names in actors]
    keys = sorted(set().union(*rare)) if rare else []
    column = {k: n for n, k in enumerate(keys)}
    rows = [i for i, names in enumerate(rare) for _ in names]
    cols = [column[k] for names in rare for k in names]
    incidence = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)),
                                  shape=(len(actors), len(keys)))
    long_keys = [k for k in keys if len(k) > 5]
    alike = sparse.identity(len(keys), format="csr")
    if len(long_keys) > 1:
        scores = process.cdist(long_keys, long_keys, scorer=fuzz.ratio, score_cutoff=90)
        a, b = np.nonzero(scores >= 90)
        pos = np.array([column[k] for k in long_keys])
        alike = alike + sparse.csr_matrix((np.ones(len(a)), (pos[a], pos[b])),
                                          shape=(len(keys), len(keys)))
    return (incidence @ alike @ incidence.T).tocsr()


def build_checks(figures: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The `checks` table: contradictions, divergences, doubtful orders of magnitude,
    inconsistent arithmetic, wholes whose parts do not add up, and concordances (the same
    figure confirmed by another document). Only figures of the same kind of quantity are
    compared (`quantity_kind`), and a whole never with one of its parts."""
    conf = settings()
    figures = figures.reset_index(drop=True)
    text_of = dict(zip(sentences["sentence_id"], sentences["text"], strict=False))
    kinds = quantity_kinds(figures, text_of)
    pairs = _pairs(figures, sentences, kinds)
    figure = cache(figures.loc.__getitem__)  # each row read once (pandas row access is slow)
    parts, whole_and_part = parts_checks(
        figures, find_breakdowns(figures, text_of, kinds), pairs, text_of,
        conf["divergence_threshold"], _quote)
    pairs = [(s, i, j) for s, i, j in pairs if (i, j) not in whole_and_part]
    rows = _across_documents(pairs, figure, text_of) + _estimates(pairs, figure, text_of)
    rows += _magnitude_checks(figures, text_of)
    rows += _arithmetic_checks(figures, text_of)
    for whole, brk, score in parts:
        values, message = parts_message(figures, brk, whole, text_of, _quote)
        row = _row("total_et_parties", figure(whole), figure(brk.parts[0]), text_of,
                   figure(whole).subject, values, message, score)
        row["figure_id_b"] = ";".join(figures.loc[i].figure_id for i in brk.parts)
        if figure(whole).sentence_id == brk.sentence_id:
            row["sentence_b"] = ""
        rows.append(row)
    frame = pd.DataFrame(rows, columns=CHECK_COLUMNS)
    order = {k: n for n, k in enumerate(KIND_LABELS)}
    frame["_order"] = frame["kind"].map(order)
    frame = frame.sort_values(["_order", "doc_a", "sentence_id_a"]).drop(columns="_order")
    return frame.drop_duplicates(subset=["kind", "figure_id_a", "figure_id_b"]).reset_index(
        drop=True)


def _across_documents(pairs: list, figure, text_of: dict) -> list[dict]:
    """Contradictions, divergences and concordances between documents: best pairs first, each
    figure paired once per other document."""
    conf = settings()
    rows = []
    used: set[tuple[int, int]] = set()
    ranked = sorted(
        ((s + (conf["bonus_same_value"] if _same_value(figure(i), figure(j)) else 0),
          s, i, j) for s, i, j in pairs if figure(i).doc != figure(j).doc),
        reverse=True)
    for _, score, i, j in ranked:
        a, b = figure(i), figure(j)
        if (i, b.doc) in used or (j, a.doc) in used:
            continue
        if _years(text_of[a.sentence_id], a.start, a.end) and _years(
                text_of[b.sentence_id], b.start, b.end) and not (
                _years(text_of[a.sentence_id], a.start, a.end)
                & _years(text_of[b.sentence_id], b.start, b.end)) and not _same_value(a, b):
            continue  # different periods: not the same figure
        row = _compare(a, b, text_of, score)
        needed = {"divergence": conf["divergence_threshold"],
                  "concordance": conf["match_threshold"] if _distinctive(a)
                  else conf["concordance_threshold"]}.get(row["kind"], conf["match_threshold"])
        if score < needed:
            continue
        used.update({(i, b.doc), (j, a.doc)})
        rows.append(row)
    return rows


def _estimates(pairs: list, figure, text_of: dict) -> list[dict]:
    """Within a document: two estimates of one quantity, each attributed to its source, that
    disagree."""
    conf = settings()
    rows = []
    for score, i, j in pairs:
        a, b = figure(i), figure(j)
        if a.doc != b.doc or a.sentence_id == b.sentence_id or _same_value(a, b):
            continue
        sa, sb = text_of[a.sentence_id], text_of[b.sentence_id]
        if all(re.search(conf["attribution"], fold_same_length(s)) for s in (sa, sb)) and not any(
                re.search(conf["scenario"], fold_same_length(s)) for s in (sa, sb)):
            values = f"{french_value(a.value, a.unit, a.value_high)} / " \
                     f"{french_value(b.value, b.unit, b.value_high)}"
            rows.append(_row(
                "estimations_divergentes", a, b, text_of, a.subject, values,
                f"Le document {a.doc} donne deux estimations différentes de la même grandeur "
                f"({values}), attribuées à des sources différentes{NBSP}: "
                f"{_quote(sa)} et {_quote(sb)}. Citer la source de chaque chiffre ou donner "
                "la fourchette.", score))
    return rows


def pair_subject(a: str, b: str, opposite: bool = False) -> str:
    """The subject shown for two figures found to be about the same thing: the fuller of the
    two; both when they may say opposite things ('appels non traités / appels décrochés').
    Display only: pairing never reads the subjects."""
    a, b = (a or "").strip(), (b or "").strip()
    if not a or not b or a == b:
        return a or b
    if opposite:
        return f"{a} / {b}"
    return max((a, b), key=lambda s: (min(len(s.split()), 8), -len(s)))


def _compare(a: pd.Series, b: pd.Series, text_of: dict, score: float) -> dict:
    sa, sb = text_of[a.sentence_id], text_of[b.sentence_id]
    va = french_value(a.value, a.unit, a.value_high)
    vb = french_value(b.value, b.unit, b.value_high)
    values = f"{va} (doc. {a.doc}) / {vb} (doc. {b.doc})"
    subject = pair_subject(a.subject, b.subject)
    if _equal_value(a, b):
        neg_a, neg_b = _negated(sa, a.start, a.end), _negated(sb, b.start, b.end)
        if a.unit == "%" and neg_a != neg_b and a.value != 50:
            message = (
                f"Les documents {a.doc} et {b.doc} donnent le même chiffre ({va}) avec des sens "
                f"opposés{NBSP}: le document {a.doc} écrit {_quote(sa)}, le document {b.doc} "
                f"écrit {_quote(sb)}. L'un des deux textes se trompe (la part complémentaire "
                f"serait {french_value(100 - a.value, '%')}){NBSP}: vérifier à la source avant "
                "de citer ce chiffre.")
            subject = pair_subject(a.subject, b.subject, opposite=True)
            return _row("contradiction", a, b, text_of, subject, values, message, score)
        message = (f"Chiffre confirmé par deux documents ({va}){NBSP}: doc. {a.doc} "
                   f"{_quote(sa)}{NBSP}; doc. {b.doc} {_quote(sb)}.")
        return _row("concordance", a, b, text_of, subject, values, message, score)
    ratio = max(a.value, b.value) / max(min(a.value, b.value), 1e-12)
    message = (
        f"Les documents {a.doc} et {b.doc} donnent des valeurs différentes pour ce qui semble "
        f"être la même grandeur ({va} contre {vb}, soit un rapport de "
        f"{f'{ratio:.1f}'.replace('.', ',')}){NBSP}: doc. {a.doc} {_quote(sa)}{NBSP}; "
        f"doc. {b.doc} {_quote(sb)}. Vérifier la date et le périmètre de chaque chiffre.")
    return _row("divergence", a, b, text_of, subject, values, message, score)


def _magnitude_checks(figures: pd.DataFrame, text_of: dict) -> list[dict]:
    """'X GWh, soit N foyers sur un an': the value per reference item against its usual
    order of magnitude."""
    conf = settings()
    rows = []
    for sid, group in figures.groupby("sentence_id", sort=True):
        sentence = text_of[sid]
        if not re.search(conf["equivalence_cue"], fold_same_length(sentence)):
            continue
        for ref in conf["references"]:
            nouns = {fold_same_length(n) for n in ref["nouns"]}
            items = group[group["counted"].map(
                lambda c, nouns=nouns: bool(c) and fold_same_length(
                    lemmatize(c.split()[0].lower())) in nouns
                or bool(c) and fold_same_length(c.split()[0]) in nouns)]
            quantities = group[group["unit"].map(
                lambda u, ref=ref: _TO_BASE.get(u, ("", 0))[0] == ref["unit"])]
            for item, qty in itertools.product(items.itertuples(), quantities.itertuples()):
                if item.value <= 0:
                    continue
                per_item = qty.value * _TO_BASE[qty.unit][1] / item.value
                tol = conf["magnitude_tolerance"]
                if ref["low"] / tol <= per_item <= ref["high"] * tol:
                    continue
                shown = french_value(per_item, ref["unit"])
                message = (
                    f"Ordre de grandeur douteux dans le document {qty.doc}{NBSP}: "
                    f"{qty.text} pour {item.text} donne {shown} par unité, alors qu'en ordre "
                    f"de grandeur {ref['label']}. Une erreur d'unité ou de calcul est "
                    f"probable (par exemple MWh au lieu de GWh){NBSP}: {_quote(sentence)}")
                a = figures.loc[figures["figure_id"] == qty.figure_id].iloc[0]
                b = figures.loc[figures["figure_id"] == item.figure_id].iloc[0]
                row = _row("ordre_de_grandeur", a, b, text_of, a.subject,
                           f"{french_value(qty.value, qty.unit)} / {item.text}", message)
                row["sentence_b"] = ""
                rows.append(row)
    return rows


def _arithmetic_checks(figures: pd.DataFrame, text_of: dict) -> list[dict]:
    """A total, a number of items per day/month/year and a value 'chaque <item>' in one
    sentence: total / items should give the value per item."""
    rows = []
    days = {"day": 365.0, "month": 12.0, "year": 1.0}
    for sid, group in figures.groupby("sentence_id", sort=True):
        sentence = fold_same_length(text_of[sid])
        if not re.search(settings()["annual_cue"], sentence):
            continue
        counts = group[(group["unit"] == "count") & (group["per"] != "")]
        masses = group[group["unit"].isin(["tCO2e", "gCO2e", "GWh", "MWh", "m3", "L"])]
        if counts.empty or len(masses) < 2:
            continue
        for count in counts.itertuples():
            if not count.counted:
                continue
            noun = fold_same_length(
                lemmatize(count.counted.split()[0].lower()))
            per_item = [m for m in masses.itertuples()
                        if re.search(rf"(?:chaque|par)\s+{re.escape(noun)}",
                                     sentence[max(0, m.start - 60):m.start])]
            totals = [m for m in masses.itertuples()
                      if m.figure_id not in {p.figure_id for p in per_item}]
            for item, total in itertools.product(per_item, totals):
                base_i, f_i = _TO_BASE.get(item.unit, (item.unit, 1.0))
                base_t, f_t = _TO_BASE.get(total.unit, (total.unit, 1.0))
                if base_i != base_t:
                    continue
                per_year = count.value * days[count.per]
                expected = total.value * f_t / per_year
                printed = item.value * f_i
                ratio = max(expected, printed) / max(min(expected, printed), 1e-18)
                if ratio < 3:
                    continue
                shown_expected = french_value(expected / f_i, item.unit)
                factor = french_number(ratio, 0, fixed=True)
                rate = {"day": "par jour", "month": "par mois", "year": "par an"}[count.per]
                message = (
                    f"Calcul incohérent dans le document {item.doc}{NBSP}: {total.text} "
                    f"répartis sur {count.text} {rate} "
                    f"donnent environ {shown_expected} par unité, et non {item.text} "
                    f"(écart d'un facteur {factor}){NBSP}: {_quote(text_of[sid])}")
                a = figures.loc[figures["figure_id"] == item.figure_id].iloc[0]
                b = figures.loc[figures["figure_id"] == total.figure_id].iloc[0]
                row = _row("incoherence_interne", a, b, text_of, a.subject,
                           f"{item.text} / {total.text} / {count.text}", message)
                row["sentence_b"] = ""
                rows.append(row)
    return rows


def checks_table(checks: pd.DataFrame, with_concordances: bool = False) -> pd.DataFrame:
    """The checks with French headers and labels (the spreadsheet's sheet)."""
    frame = checks if with_concordances else checks[checks["kind"] != "concordance"]
    shown = frame.assign(kind=frame["kind"].map(KIND_LABELS).fillna(frame["kind"]),
                         docs=frame["docs"].str.replace(";", ", "))
    headers = {"kind": "Type", "docs": "Documents", "values": "Valeurs", "subject": "Sujet",
               "message": "Message"}
    return shown[list(headers)].rename(columns=headers).reset_index(drop=True)


def checks_display(checks: pd.DataFrame, with_concordances: bool = False) -> pd.DataFrame:
    """The checks as the report shows them: the type as row header, long messages cut (the
    « Points de vigilance » list above the table gives them whole)."""
    return display_table(checks_table(checks, with_concordances), "Type")


def vigilance_markdown(checks: pd.DataFrame, with_concordances: bool = True) -> str:
    """The « Points de vigilance » as a Markdown list (document text escaped)."""
    alerts = checks[checks["kind"] != "concordance"]
    lines = []
    for row in alerts.itertuples():
        lines.append(f"- **{KIND_LABELS.get(row.kind, row.kind)}** (doc.{NBSP}"
                     f"{md_escape(row.docs.replace(';', ', '))}){NBSP}: {md_escape(row.message)}")
    if not lines:
        lines.append("- Aucune contradiction ni aucun écart n'a été détecté entre les chiffres.")
    if with_concordances:
        agreed = checks[checks["kind"] == "concordance"]
        if not agreed.empty:
            lines.append("")
            lines.append("Chiffres confirmés par plusieurs documents (pas d'alerte)" + NBSP + ":")
            lines.append("")
            lines += [f"- {md_escape(row.values)}" for row in agreed.itertuples()]
    return "\n".join(lines)
