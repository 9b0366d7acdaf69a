"""A whole and its parts: the `total_et_parties` check of the `checks` table.

French writes a breakdown in a few set ways, all read here from the punctuation and a handful
of words (`resources/figure_checks.yaml`, `breakdown`), never from a list of known sentences:

- the whole, then its parts after a colon or in brackets, or announced by « répartis »,
  « dont », « notamment »: « doté de 2 Md€ : 800 M€ pour…, 700 M€ pour… et 300 M€ pour… »;
- the parts, then the whole: « …, soit 1,8 Md€ au total », « pour un total de… »;
- the parts alone, their whole given elsewhere: « Cette enveloppe se répartit ainsi : … »
  (the whole is then the same kind of figure in the sentence before, in the same document),
  or in another document (the figure paired with a part by `checks`' similarity).

A list is exhaustive when it is closed (« A, B et C ») after a colon, a bracket or a verb of
sharing (« se répartit », « se décompose »); then the parts must add up to the whole. A partial
list (« dont », « notamment », or a list left open) must not exceed it. Every part is of the same
kind of quantity as the whole (`quantity_kind`); a list whose parts carry different years is a
series, not a breakdown.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

import pandas as pd

from ianote_lib.config import load_yaml
from ianote_lib.figures.values import french_value
from ianote_lib.fr.normalize import NBSP, fold_same_length


@dataclass
class Breakdown:
    """Figures of one sentence that split a whole (indexes into the figures table)."""

    sentence_id: str
    parts: list[int]
    exhaustive: bool
    whole: int | None = None  # None: the whole is not in the sentence


@cache
def _conf() -> dict:
    conf = load_yaml("figure_checks.yaml")["breakdown"]
    return {**conf, **{key: re.compile(conf[key]) for key in
                       ("opening", "sharing", "partial", "open_end", "total", "anaphora")}}


def _sum(figures: pd.DataFrame, parts: list[int]) -> tuple[float, float]:
    """Lowest and highest sum of the parts (ranges and « plus de » widen it)."""
    tol = _conf()["approx_tolerance"]
    low = high = 0.0
    for i in parts:
        fig = figures.loc[i]
        top = fig.value if pd.isna(fig.value_high) else fig.value_high
        low += fig.value * (1 - tol if fig.qualifier in ("approx", "max") else 1)
        high = math.inf if fig.qualifier == "min" else high + top * (
            1 + tol if fig.qualifier == "approx" else 1)
    return low, high


def _whole_bounds(fig: pd.Series) -> tuple[float, float]:
    conf = _conf()
    tol = conf["approx_tolerance"] if fig.qualifier == "approx" else conf["tolerance"]
    top = fig.value if pd.isna(fig.value_high) else fig.value_high
    low = 0.0 if fig.qualifier == "max" else fig.value * (1 - tol)
    high = math.inf if fig.qualifier == "min" else top * (1 + tol)
    return low, high


def adds_up(figures: pd.DataFrame, whole: int, parts: list[int], exhaustive: bool) -> bool:
    """Whether the parts fit the whole: equal to it (to rounding) when the list is exhaustive,
    no more than it otherwise."""
    low, high = _sum(figures, parts)
    w_low, w_high = _whole_bounds(figures.loc[whole])
    return low <= w_high and (high >= w_low or not exhaustive)


def _equivalence(figures: pd.DataFrame, i: int) -> bool:
    """« …, soit 12 € par jour »: a restatement, never a part (only a total may follow a
    « soit »)."""
    return figures.loc[i].qualifier == "equivalence"


def _series(text: str) -> bool:
    """A list whose items carry different years (« 1 M€ en 2022 et 2 M€ en 2023 »)."""
    return len(set(re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", text))) >= 2


def _parts_after(figures: pd.DataFrame, folded: str, members: list[int], k: int
                 ) -> tuple[list[int], str] | None:
    """The parts listed after `members[k]` (the whole) when a breakdown opens between them,
    and the text of the list; None otherwise."""
    conf = _conf()
    whole = figures.loc[members[k]]
    first = figures.loc[members[k + 1]]
    between = folded[whole.end:first.start]
    if len(between) > conf["max_gap"] or not conf["opening"].search(between):
        return None
    closing = folded.find(")", first.start) if "(" in between else -1
    parts = [i for i in members[k + 1:] if closing < 0 or figures.loc[i].end <= closing]
    return parts, between


def _closed(figures: pd.DataFrame, folded: str, parts: list[int]) -> bool:
    """« A, B et C »: the last part follows « et », and nothing says the list goes on."""
    last, before_last = figures.loc[parts[-1]], figures.loc[parts[-2]]
    tail = folded[last.end:last.end + 40]
    return bool(re.search(r"\bet\b", folded[before_last.end:last.start])) and not \
        _conf()["open_end"].search(tail)


def _in_sentence(figures: pd.DataFrame, sid: str, folded: str, members: list[int]
                 ) -> list[Breakdown]:
    """Breakdowns among `members` (figures of one kind in one sentence, in reading order)."""
    conf = _conf()
    found: list[Breakdown] = []
    for k in range(len(members) - 2):
        listed = _parts_after(figures, folded, members, k)
        if listed is None:
            continue
        parts, between = listed
        whole = figures.loc[members[k]]
        span = folded[figures.loc[parts[0]].start:figures.loc[parts[-1]].end]
        if len(parts) < 2 or _series(span) or _equivalence(figures, members[k]) or any(
                figures.loc[i].value >= whole.value or _equivalence(figures, i)
                for i in parts):
            continue
        partial = conf["partial"].search(between)
        exhaustive = not partial and _closed(figures, folded, parts)
        found.append(Breakdown(sid, parts, exhaustive, members[k]))
        return found
    # the parts, then the whole: « …, soit 1,8 Md€ au total »
    for k in range(2, len(members)):
        total = figures.loc[members[k]]
        around = folded[figures.loc[members[k - 1]].end:total.end + 20]
        parts = members[:k]
        if conf["total"].search(around) and not _series(folded[:total.start]) and all(
                figures.loc[i].value < total.value and not _equivalence(figures, i)
                for i in parts):
            return [Breakdown(sid, parts, _closed(figures, folded, parts), members[k])]
    # the parts alone: « Cette enveloppe se répartit ainsi : A, B et C »
    opening = folded[:figures.loc[members[0]].start]
    if conf["sharing"].search(opening) and not _series(folded):
        return [Breakdown(sid, members, _closed(figures, folded, members))]
    return found


def find_breakdowns(figures: pd.DataFrame, text_of: dict[str, str],
                    kinds: list[tuple[str, str, str]]) -> list[Breakdown]:
    """Every breakdown of the figures (their table indexes), sentence by sentence, each kind of
    quantity apart; a breakdown with no whole in its sentence takes, after an anaphora
    (« cette enveloppe », « ce montant »), the last figure of its kind in the sentence before."""
    conf = _conf()
    additive = set(conf["units"])
    counted = figures["counted"].fillna("").map(lambda c: c.split()[0].lower() if c else "")
    found: list[Breakdown] = []
    previous: dict[int, tuple[str, pd.DataFrame]] = {}
    for sid, group in figures.groupby("sentence_id", sort=True):
        folded = fold_same_length(text_of.get(sid, ""))
        doc = int(group["doc"].iloc[0])
        by_kind: dict[tuple, list[int]] = {}
        for i in group.sort_values("start").index:
            if kinds[i][0] in additive:
                key = (*kinds[i], counted[i] if kinds[i][0] == "count" else "")
                by_kind.setdefault(key, []).append(i)
        for members in by_kind.values():
            if len(members) < 2:
                continue
            for part in _in_sentence(figures, sid, folded, members):
                if part.whole is None and conf["anaphora"].search(
                        folded[:figures.loc[members[0]].start]):
                    part.whole = _whole_before(figures, kinds, previous.get(doc), members[0])
                found.append(part)
        previous[doc] = (sid, group)
    return found


def _whole_before(figures: pd.DataFrame, kinds: list, previous: tuple | None,
                  first_part: int) -> int | None:
    """The last figure of the same kind in the sentence before (same document)."""
    if previous is None:
        return None
    _, group = previous
    same = [i for i in group.sort_values("start").index if kinds[i] == kinds[first_part]]
    return same[-1] if same else None


def parts_message(figures: pd.DataFrame, brk: Breakdown, whole: int, text_of: dict,
                  quote) -> tuple[str, str]:
    """The values and the French message of a whole whose parts do not fit it."""
    w = figures.loc[whole]
    part_doc = figures.loc[brk.parts[0]].doc
    shown = [french_value(figures.loc[i].value, w.unit, figures.loc[i].value_high)
             for i in brk.parts]
    low, high = _sum(figures, brk.parts)
    total = french_value(low, w.unit, high if math.isfinite(high) and high != low else None)
    whole_text = french_value(w.value, w.unit, w.value_high)
    values = f"{whole_text} / {' + '.join(shown)} = {total}"
    part_sentence = text_of[brk.sentence_id]
    if part_doc != w.doc:
        lead = (f"Le document {w.doc} donne un total de {whole_text}, que le document "
                f"{part_doc} répartit")
        sources = (f"doc.{NBSP}{w.doc} {quote(text_of[w.sentence_id])}{NBSP}; "
                   f"doc.{NBSP}{part_doc} {quote(part_sentence)}")
    else:
        lead = f"Le document {w.doc} donne un total de {whole_text} et le répartit"
        sources = quote(part_sentence) if w.sentence_id == brk.sentence_id else \
            f"{quote(text_of[w.sentence_id])} puis {quote(part_sentence)}"
    gap = (f"en parties qui font {total} ({' + '.join(shown)}) et non {whole_text}"
           if brk.exhaustive else
           f"en parties qui font déjà {total} ({' + '.join(shown)}), plus que ce total")
    message = (f"{lead} {gap}{NBSP}: {sources}. Vérifier le total et chacune des parties "
               "(périmètre, date, arrondis) avant de citer ces chiffres.")
    return values, message


def parts_checks(figures: pd.DataFrame, breakdowns: list[Breakdown],
                 pairs: list[tuple[float, int, int]], text_of: dict, threshold: float,
                 quote) -> tuple[list[tuple[int, Breakdown, float]], set[tuple[int, int]]]:
    """Wholes whose parts do not fit them, as (whole, breakdown, score), and the pairs of
    figures (i, j) that are a whole and one of its parts: not two estimates of one thing, so
    never a divergence. A breakdown with no whole of its own takes as whole each figure of
    another sentence paired with one of its parts (score at least `threshold`) that is larger
    than every part, the best one per document."""
    found: list[tuple[int, Breakdown, float]] = [
        (b.whole, b, math.nan) for b in breakdowns
        if b.whole is not None and not adds_up(figures, b.whole, b.parts, b.exhaustive)]
    part_of = {i: b for b in breakdowns for i in b.parts}
    in_breakdown = set(part_of) | {b.whole for b in breakdowns}
    skip: set[tuple[int, int]] = set()
    best: dict[tuple[int, int], tuple[float, int]] = {}
    for score, i, j in pairs:
        for x, p in ((i, j), (j, i)):
            brk = part_of.get(p)
            if brk is None or x in in_breakdown or score < threshold:
                continue
            fig = figures.loc[x]
            if fig.sentence_id == brk.sentence_id or fig.value <= max(
                    figures.loc[k].value for k in brk.parts):
                continue
            skip.add((min(i, j), max(i, j)))  # a whole and a part: not one quantity
            key = (id(brk), int(fig.doc))
            if brk.whole is None and score > best.get(key, (-1.0, -1))[0]:
                best[key] = (score, x)
    by_id = {id(b): b for b in breakdowns}
    for (brk_id, _), (score, x) in sorted(best.items(), key=lambda kv: kv[1][1]):
        brk = by_id[brk_id]
        if not adds_up(figures, x, brk.parts, brk.exhaustive):
            found.append((x, brk, score))
    return found, skip
