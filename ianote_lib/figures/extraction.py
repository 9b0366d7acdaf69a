"""Every quantitative figure of the dossier, as printed in French press copy.

`extract_from_text(text)` finds the figures of one sentence; `extract_figures(sentences)` runs it
over the `sentences` table and returns the `figures` table of DESIGN.md (one row per figure, with
its exact span, value and high value in base units, unit, rate, counted noun, category, subject,
and its provenance: document, page, sentence).

What counts as a figure, and what does not:

- numbers printed with digits (`700 000`, `200.000`, `1,5`, `1287`), with multipliers
  (`millions`, `milliard`, `M€`, `Md€`), number words read with text2num (`trois semaines`,
  `deux millions`), approximate words (`une quarantaine de`), fractions (`un demi-litre`),
  multiplicatives (`six fois plus`, `diviser par quatre`, `le double`, `doubler le nombre`);
- ranges (`400 à 600`, `entre 25 et 50`, `11% - 37%`, `deux ou trois`), rates (`par jour`,
  `chaque année`), units (`units.yaml`), the counted noun (`appels`, or `le nombre d'emplois`);
- never a date used as a date (years, `le 14 juin`, `(2018-2022)`), a relative date
  (`depuis un an`, `il y a quatre ans`), an article or list label (`article 72`, `Principe 1`,
  `1.`), a footnote marker (`(1)`), a page reference, a number glued to a name (`GPT-4`,
  `ChatGPT 4.0`, `COVID-19`, `3es`, `Noname13`), an indefinite plural (`des milliards`).

The word lists live in `resources/units.yaml`, `resources/figure_rules.yaml` and
`resources/figure_categories.yaml`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import pandas as pd
from text_to_num import text2num

from ianote_lib.config import load_yaml
from ianote_lib.figures.subject import Antecedent, figure_subjects
from ianote_lib.fr.dates import MONTHS
from ianote_lib.fr.lemmas import lemmatize
from ianote_lib.fr.normalize import fold_same_length

FIGURE_COLUMNS = [
    "figure_id", "doc", "page", "sentence_id", "text", "value", "value_high", "unit", "per",
    "category", "counted", "subject", "qualifier", "start", "end", "sentence_kind",
    "quotable",
]
UNITS = ("EUR", "USD", "%", "tCO2e", "gCO2e", "m3", "L", "GWh", "MWh", "km", "cm", "count",
         "year", "day", "week", "month", "hour", "ratio", "zettabyte", "other")
PERS = ("day", "month", "year", "")
FLOW_UNITS = ("EUR", "USD", "m3", "L", "GWh", "MWh", "tCO2e", "gCO2e")
MAX_DIGITS = 15  # longer digit strings are not read as quantities (values would be unreliable)

_LETTER = r"[^\W\d_]"
_WORD_RE = re.compile(rf"{_LETTER}+(?:[-‑]{_LETTER}+)*")
_DIGITS_RE = re.compile(
    r"(?<!\d)\d+(?:(?:[ \u00a0\u202f]|\.)\d{3}(?!\d))*(?:,\d+|\.\d{1,2}(?!\d))?"
)
_SPACE = r"[ \u00a0\u202f]"
_APOS = "['’]"
_MONTH_WORD = re.compile(
    r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?", re.IGNORECASE
)
_CLAUSE_BREAK = re.compile(r"[;:()«»\"“”!?]|,\s|\.\s|\s[–—-]\s")


# --------------------------------------------------------------------------------------------
# lexicons


@dataclass(frozen=True)
class _Unit:
    rx: re.Pattern
    unit: str
    factor: float = 1.0
    needs: str = ""
    fallback: str = ""
    time: bool = False
    per: str = ""


@dataclass
class _Lexicon:
    multipliers: list[tuple[re.Pattern, float]]
    money_symbols: list[_Unit]
    units: list[_Unit]
    around_the_clock: list[_Unit]
    per: list[tuple[str, re.Pattern]]
    contexts: dict[str, re.Pattern]
    fractions: dict[str, float]
    mult_nouns: dict[str, float]
    mult_verbs: dict[str, float]
    quantity_nouns: set[str]
    label_words: set[str]
    relative_before: re.Pattern
    relative_after: re.Pattern
    duration_before: re.Pattern
    qualifiers: list[tuple[re.Pattern, str]]
    bare_word_ok: re.Pattern
    non_quantity_words: set[str]
    idioms: list[str]
    adjectives: set[str]
    stopwords: set[str]
    categories: dict[str, Any] = field(default_factory=dict)


def _unit(entry: dict, prefix: str = "") -> _Unit:
    flags = 0 if entry.get("case") else re.IGNORECASE
    return _Unit(
        rx=re.compile(rf"{_SPACE}*{prefix}(?:{entry['pattern']})", flags),
        unit=entry["unit"], factor=float(entry.get("factor", 1.0)),
        needs=entry.get("needs", ""), fallback=entry.get("fallback", ""),
        time=bool(entry.get("time", False)), per=entry.get("per", ""),
    )


def _phrase_alt(phrases: list[str]) -> str:
    parts = sorted((re.escape(fold_same_length(p)).replace("'", _APOS) for p in phrases),
                   key=len, reverse=True)
    return "|".join(p.replace(r"\ ", r"\s+") for p in parts)


@cache
def lexicon() -> _Lexicon:
    """Unit, rule and category lexicons, compiled once."""
    units = load_yaml("units.yaml")
    rules = load_yaml("figure_rules.yaml")
    cats = load_yaml("figure_categories.yaml")
    rel_before = _phrase_alt(rules["relative_before"])
    rel_after = _phrase_alt(rules["relative_after"])
    dur_before = _phrase_alt([str(w) for w in rules["duration_before"]])
    return _Lexicon(
        multipliers=[(re.compile(rf"{_SPACE}*(?:{m['pattern']})", re.IGNORECASE),
                      float(m["factor"])) for m in units["multipliers"]],
        money_symbols=[_unit(u) for u in units["money_symbols"]],
        units=[_unit(u) for u in units["units"]],
        around_the_clock=[_unit(u) for u in units["around_the_clock"]],
        per=[(name, re.compile(pattern, re.IGNORECASE))
             for name, pattern in units["per"].items()],
        contexts={name: re.compile(pattern, re.IGNORECASE)
                  for name, pattern in units["contexts"].items()},
        fractions={fold_same_length(k): float(v) for k, v in units["fractions"].items()},
        mult_nouns={fold_same_length(k): float(v)
                    for k, v in units["multiplicative_nouns"].items()},
        mult_verbs={fold_same_length(k): float(v)
                    for k, v in units["multiplicative_verbs"].items()},
        quantity_nouns={fold_same_length(w) for w in units["quantity_nouns"]},
        label_words={fold_same_length(str(w)).rstrip(".") for w in rules["label_words"]},
        relative_before=re.compile(rf"(?:^|[^\w])(?:{rel_before})\s*$"),
        relative_after=re.compile(rf"^\s*(?:{rel_after})\b"),
        duration_before=re.compile(rf"(?:^|[^\w])(?:{dur_before})\s*$"),
        qualifiers=[(re.compile(rf"(?:^|[^\w])(?:{_phrase_alt([k])})\s*$"), v)
                    for k, v in sorted(rules["qualifiers"].items(), key=lambda kv: -len(kv[0]))],
        bare_word_ok=re.compile(
            rf"(?:^|[^\w])(?:{_phrase_alt(rules['bare_word_ok_before'])})\s*$"),
        non_quantity_words={fold_same_length(w) for w in rules["non_quantity_words"]},
        idioms=[fold_same_length(i) for i in rules["idioms"]],
        adjectives={fold_same_length(w) for w in rules["pre_noun_adjectives"]},
        stopwords={fold_same_length(str(w)) for w in rules["stopwords"]},
        categories=cats,
    )


@lru_cache(maxsize=4096)
def _word_value(word: str) -> float | None:
    """Value of a French number word (text2num), None if it is not one."""
    try:
        return float(text2num(word, "fr"))
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        return None


# --------------------------------------------------------------------------------------------
# small text helpers


def _digits_value(raw: str) -> float | None:
    digits = re.sub(r"[ \u00a0\u202f]", "", raw)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits):
        digits = digits.replace(".", "")
    digits = digits.replace(",", ".")
    if len(re.sub(r"\D", "", digits)) > MAX_DIGITS:
        return None
    try:
        value = float(digits)
    except (ValueError, OverflowError):
        return None
    return value if math.isfinite(value) else None


def _is_year(raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100


def _prev_word(text: str, pos: int) -> tuple[str, int]:
    """The word ending right before `pos` (skipping spaces) and its start, or ('', -1)."""
    match = re.search(rf"({_LETTER}+|n°|\d+)[.]?{_SPACE}*$", text[:pos])
    return (match.group(1), match.start(1)) if match else ("", -1)


def _is_verb(word: str) -> bool:
    folded = fold_same_length(word)
    if not re.search(r"(ent|ait|aient|ont|ons|ez|era|eront|erent|ira|iront|it)$", folded):
        return False
    lemma = fold_same_length(lemmatize(word.lower()))
    return lemma != folded and re.search(r"(er|ir|re|oir)$", lemma) is not None


def _is_participle(word: str) -> bool:
    """'financées', 'reçus', 'estampillés': a past participle, not an adjective of the noun."""
    folded = fold_same_length(word)
    if not re.search(r"(e|ee|es|ees|is|us|ies)$", folded):
        return False
    lemma = fold_same_length(lemmatize(word.lower()))
    return lemma != folded and re.search(r"(er|ir|re|oir)$", lemma) is not None


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, start):
        left = match.end()
    nxt = _CLAUSE_BREAK.search(text, end)
    return left, (nxt.start() if nxt else len(text))


# --------------------------------------------------------------------------------------------
# the figure being built


@dataclass
class Figure:
    """One figure found in a text (offsets are in that text)."""

    start: int
    end: int
    value: float
    value_high: float | None = None
    unit: str = "count"
    per: str = ""
    counted: str = ""
    qualifier: str = ""
    category: str = "other"
    subject: str = ""
    text: str = ""
    of_noun: str = ""
    has_multiplier: bool = False
    explicit_unit: bool = False


class _Scanner:
    """Finds the figures of one text, left to right."""

    def __init__(self, text: str, kind: str = "sentence", state: dict | None = None) -> None:
        self.text = text
        self.folded = fold_same_length(text)
        self.kind = kind
        self.state = state if state is not None else {}
        self.lex = lexicon()
        self.figures: list[Figure] = []
        self.blocked_until = 0
        self.carbon = bool(self.lex.contexts["carbon"].search(text))
        self.money = bool(self.lex.contexts["money"].search(text))

    # ---- candidates

    def _word_runs(self) -> list[tuple[int, int, float]]:
        """Maximal runs of French number words read by text2num ('deux millions', 'vingt et
        un'); 'un'/'une' and lone multipliers are handled elsewhere."""
        words = list(_WORD_RE.finditer(self.text))
        runs: list[tuple[int, int, float]] = []
        i = 0
        while i < len(words):
            word = words[i].group().lower()
            if word in ("un", "une") or _word_value(word) is None or word in (
                    "million", "millions", "milliard", "milliards", "et"):
                i += 1
                continue
            j = i
            while j + 1 < len(words):
                gap = self.text[words[j].end():words[j + 1].start()]
                nxt = words[j + 1].group().lower()
                if gap not in (" ", "-", "\u00a0"):
                    break
                if nxt == "et" and j + 2 < len(words) and words[j + 2].group().lower() in (
                        "un", "une", "onze"):
                    j += 2
                    continue
                if nxt in ("un", "une") or _word_value(nxt) is None:
                    break
                j += 1
            while j >= i:
                phrase = self.text[words[i].start():words[j].end()]
                value = _word_value(phrase.lower())
                if value is not None:
                    runs.append((words[i].start(), words[j].end(), value))
                    break
                j -= 1
            i = max(j, i) + 1
        return runs

    def candidates(self) -> list[tuple[int, str, Any]]:
        found: list[tuple[int, str, Any]] = []
        for match in _DIGITS_RE.finditer(self.text):
            found.append((match.start(), "digits", match))
        for start, end, value in self._word_runs():
            found.append((start, "words", (start, end, value)))
        for match in _WORD_RE.finditer(self.text):
            word = fold_same_length(match.group())
            if word in ("un", "une"):
                found.append((match.start(), "one", match))
            elif re.fullmatch(rf"{_LETTER}+aines?", word) or word == "moitie":
                found.append((match.start(), "approx", match))
            elif word.split("-")[0] in ("demi", "demie"):
                found.append((match.start(), "approx", match))
            elif word in self.lex.mult_nouns:
                found.append((match.start(), "multnoun", match))
            elif any(word.startswith(stem) for stem in self.lex.mult_verbs):
                found.append((match.start(), "multverb", match))
        found.sort(key=lambda c: (c[0], c[1] != "digits"))
        return found

    # ---- generic parts

    def _qualifier(self, start: int) -> str:
        before = self.folded[max(0, start - 30):start]
        for rx, value in self.lex.qualifiers:
            if rx.search(before):
                return value
        return ""

    def _before_skipping_qualifiers(self, start: int) -> str:
        before = self.folded[max(0, start - 40):start]
        changed = True
        while changed:
            changed = False
            for rx, _ in self.lex.qualifiers:
                match = rx.search(before)
                if match:
                    before = before[:match.start() + (1 if match.group()[:1] in " ,(" else 0)]
                    changed = True
        return before

    def _multiplier(self, pos: int) -> tuple[float, int] | None:
        for rx, factor in self.lex.multipliers:
            match = rx.match(self.text, pos)
            if match:
                return factor, match.end()
        return None

    def _match_unit(self, pos: int, allow_de: bool) -> tuple[_Unit, int] | None:
        best: tuple[_Unit, int] | None = None
        starts = [pos]
        if allow_de:
            de = re.compile(rf"{_SPACE}*(?:de|d{_APOS}){_SPACE}*", re.IGNORECASE).match(
                self.text, pos)
            if de:
                starts.append(de.end())
        for at in starts:
            for unit in self.lex.units:
                match = unit.rx.match(self.text, at)
                if match and (best is None or match.end() > best[1]):
                    best = (unit, match.end())
        return best

    def _money_symbol(self, pos: int) -> tuple[_Unit, int] | None:
        for unit in self.lex.money_symbols:
            match = unit.rx.match(self.text, pos)
            if match:
                return unit, match.end()
        return None

    def _number_at(self, pos: int) -> tuple[float, int, str] | None:
        """A number (digits or words) starting at `pos`: value, end, raw."""
        match = _DIGITS_RE.match(self.text, pos)
        if match:
            value = _digits_value(match.group())
            return (value, match.end(), match.group()) if value is not None else None
        word = _WORD_RE.match(self.text, pos)
        if word:
            for start, end, value in self._runs:
                if start == pos:
                    return value, end, self.text[start:end]
        return None

    def _counted(self, pos: int, allow_de: bool) -> tuple[str, int]:
        """The counted noun right after `pos` ('550 nouvelles caméras' -> 'caméras')."""
        rx = re.compile(rf"{_SPACE}*[«\"“]?{_SPACE}*")
        at = rx.match(self.text, pos).end()
        if allow_de:
            de = re.compile(rf"(?:de|d{_APOS}){_SPACE}*", re.IGNORECASE).match(self.text, at)
            if de:
                at = de.end()
        words: list[str] = []
        end = pos
        for _ in range(3):
            match = _WORD_RE.match(self.text, at)
            if not match:
                break
            word = match.group()
            folded = fold_same_length(word)
            if (folded in self.lex.stopwords or _MONTH_WORD.fullmatch(folded)
                    or word[0].isupper()):
                break
            if folded in self.lex.adjectives and not words:
                at = re.compile(rf"{_SPACE}*").match(self.text, match.end()).end()
                end = match.end()
                continue
            if _is_verb(word) or _word_value(word.lower()) is not None:
                break
            words.append(word)
            end = match.end()
            break
        if not words:
            return "", pos
        noun = words[0]
        # a plural adjective agreeing with the noun: 'services publics', 'maisons danoises'
        nxt = re.compile(rf"{_SPACE}+({_LETTER}+)").match(self.text, end)
        if nxt and noun.lower().endswith(("s", "x")):
            adj = nxt.group(1)
            folded = fold_same_length(adj)
            if (adj.islower() and folded.endswith(("s", "x")) and folded not in self.lex.stopwords
                    and not _is_verb(adj) and not _is_participle(adj)
                    and _word_value(adj) is None and len(adj) > 3):
                return f"{noun} {adj}", nxt.end()
        return noun, end

    def _per(self, pos: int, limit: int) -> str:
        window = self.text[pos:min(limit, pos + 40)]
        cut = re.search(r"[,;:.()!?]", window)
        if cut:
            window = window[:cut.start()]
        if len(window.split()) > 4:
            window = " ".join(window.split()[:4])
        for name, rx in self.lex.per:
            if rx.search(window):
                return name
        return ""

    def _per_before(self, figure: Figure) -> str:
        """A rate written just before a flow in its clause: 'rejettent chaque année plus de
        5 milliards de m3', 'perdent chaque année près d'un milliard de mètres cubes'. Only
        for amounts of money, water, energy or CO2 ('chaque année, 30 %…' is no rate)."""
        if figure.unit not in FLOW_UNITS:
            return ""
        left, _ = _clause_bounds(self.text, figure.start, figure.end)
        window = self.folded[max(left, figure.start - 60):figure.start]
        matches = list(re.finditer(r"\b(?:chaque|par)\s+(jour|mois|annee|an)\b", window))
        match = matches[-1] if matches else None
        if match is None or len(window[match.end():].split()) > 4:
            return ""
        return {"jour": "day", "mois": "month"}.get(match.group(1), "year")

    def _idiom(self, start: int, end: int) -> bool:
        for idiom in self.lex.idioms:
            for match in re.finditer(re.escape(idiom), self.folded):
                if match.start() <= start and end <= match.end() + 1 and (
                        match.start() == 0 or not self.folded[match.start() - 1].isalpha()):
                    return True
        return False

    # ---- exclusions of digit numbers

    def _excluded_digits(self, match: re.Match) -> bool:
        text, start, end, raw = self.text, match.start(), match.end(), match.group()
        before = text[max(0, start - 2):start]
        after = text[end:end + 2]
        # glued to a name on the left: GPT-4, COVID-19, Noname13, mi-2019
        if re.search(rf"{_LETTER}$", before) or re.search(rf"{_LETTER}[-‑–]$", before):
            return True
        # malformed (1,5,3) or a fraction / page number (27/38)
        if re.match(r"[.,/]\d", after) or re.search(r"\d/$", before):
            self.blocked_until = re.compile(r"[\d.,/]*").match(text, start).end()
            return True
        # glued to letters on the right that are no unit: 3es, 1er, 4G, 11h30
        if re.match(_LETTER, after):
            glued_ok = (self._match_unit(end, False) or self._money_symbol(end)
                        or self._multiplier(end) or self._around(end))
            if not glued_ok:
                return True
            if re.match(r"h\d", text[end:end + 2], re.IGNORECASE):
                return True
        # a day of a date: '14 juin', 'du 14 au 17 juin', '1er mars'
        rest = self.folded[end:end + 40]
        if re.match(rf"(?:er)?{_SPACE}+(?:(?:au|et|[-–]){_SPACE}*\d{{1,2}}(?:er)?{_SPACE}+)?"
                    rf"{_MONTH_WORD.pattern}", rest, re.IGNORECASE) and not re.match(
                        r"\s*(?:mois)", rest):
            value = _digits_value(raw)
            if value is not None and value <= 31:
                return True
        # footnote marker: '(1)'
        if text[start - 1:start] == "(" and text[end:end + 1] == ")":
            return True
        return False

    def _around(self, pos: int) -> tuple[_Unit, int] | None:
        for unit in self.lex.around_the_clock:
            match = unit.rx.match(self.text, pos)
            if match:
                return unit, match.end()
        return None

    def _bare_excluded(self, start: int, end: int, raw: str) -> bool:
        """Rules for a number with neither unit nor noun: labels, names, pages, list items."""
        text = self.text
        word, wstart = _prev_word(text, start)
        folded = fold_same_length(word)
        if folded in self.lex.label_words:
            return True
        if word and wstart >= 0 and not text[wstart + len(word):start].strip(" \u00a0\u202f"):
            is_first = not text[:wstart].strip(" \"«“•-–—*(")
            inner_cap = any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word)
            if inner_cap or (word[0].isupper() and not is_first):
                return True
        head = text[:start].strip(" \"«“•-–—*\u00a0\u202f\t")
        if not head and re.match(rf"(?:[.)]|{_SPACE}*[-–:]{_SPACE}|{_SPACE}+[A-ZÉÈÀÂÎÔ])",
                                 text[end:end + 3]):
            return True
        tail = text[end:].strip(" .;:,)»\"”\u00a0\u202f")
        if not tail and word and folded not in self.lex.stopwords and self.kind != "sentence":
            return True
        if not tail and word and word[0].islower() and folded not in self.lex.stopwords \
                and folded not in ("nombre",):
            return True
        return False

    # ---- building

    def run(self) -> list[Figure]:
        self._runs = self._word_runs()
        for start, kind, payload in self.candidates():
            if start < self.blocked_until:
                continue
            try:
                figure = getattr(self, f"_build_{kind}")(payload)
            except (ValueError, OverflowError, ZeroDivisionError, IndexError):
                figure = None
            if figure is None:
                continue
            figure.text = self.text[figure.start:figure.end]
            self.blocked_until = max(self.blocked_until, figure.end)
            self.figures.append(figure)
        return self.figures

    def _build_digits(self, match: re.Match) -> Figure | None:
        raw = match.group()
        if self._excluded_digits(match):
            self.blocked_until = max(self.blocked_until, match.end())
            return None
        value = _digits_value(raw)
        if value is None:
            self.blocked_until = re.compile(r"[\d.,\s]*").match(self.text, match.start()).end()
            return None
        head = self.text[:match.start()].strip(" \"«“•-–—*\u00a0\u202f\t")
        end = match.end()
        if not head and re.match(rf"(?:[.)]|{_SPACE}*[-–:]{_SPACE}|{_SPACE}+[A-ZÉÈÀÂÎÔ]"
                                 rf"{_LETTER}*[a-zéèàâêîôûç])", self.text[end:]) and not (
                self._match_unit(end, False) or self._money_symbol(end)
                or self._multiplier(end)):
            return None  # a list label: '1. Prévenir', '2 Dossier LINC'
        if _is_year(raw):
            unit = self._match_unit(match.end(), False)
            counted, _ = self._counted(match.end(), False)
            plural_noun = counted and fold_same_length(counted.split()[0]).endswith(("s", "x"))
            if not ((unit and not unit[0].time) or plural_noun):
                self._skip_year_range(match.end())
                return None
        return self._complete(match.start(), match.end(), value, raw, digits=True)

    def _skip_year_range(self, end: int) -> None:
        rng = re.compile(rf"{_SPACE}*(?:[-–/]|à|et|au){_SPACE}*(\d{{4}})(?!\d)").match(
            self.text, end)
        self.blocked_until = rng.end() if rng and _is_year(rng.group(1)) else end

    def _build_words(self, run: tuple[int, int, float]) -> Figure | None:
        start, end, value = run
        word = fold_same_length(self.text[start:end])
        if word in self.lex.non_quantity_words or self._idiom(start, end):
            return None
        previous = fold_same_length(_prev_word(self.text, start)[0])
        if previous == "pour" and word in ("cent", "cents"):
            return None
        figure_words = word.replace("-", " ").split()
        multiplied = figure_words[-1] in ("million", "millions", "milliard", "milliards",
                                          "mille") and len(figure_words) > 1
        return self._complete(start, end, value, self.text[start:end], digits=False,
                              multiplied=multiplied)

    def _build_one(self, match: re.Match) -> Figure | None:
        """'un'/'une' is an article unless a multiplier or a unit follows."""
        start, end = match.start(), match.end()
        if self._idiom(start, end):
            return None
        mult = self._multiplier(end)
        if mult or self._fraction(end):
            return self._complete(start, end, 1.0, match.group(), digits=False)
        unit = self._match_unit(end, False)
        if unit is None or unit[0].unit in ("other",):
            return None
        if unit[0].time and not self.lex.duration_before.search(
                self._before_skipping_qualifiers(start)):
            return None
        return self._complete(start, end, 1.0, match.group(), digits=False)

    def _build_approx(self, match: re.Match) -> Figure | None:
        """'une quarantaine de projets', 'un demi-litre', 'deux tiers', 'la moitié des'."""
        word = fold_same_length(match.group())
        start, end = match.start(), match.end()
        article = re.search(rf"(?:^|\W)(un|une|la|le|l{_APOS}){_SPACE}*$",
                            self.text[max(0, start - 8):start], re.IGNORECASE)
        prev_start = (max(0, start - 8) + article.start(1)) if article else start
        prev = article
        base = word.split("-")[0]
        if base in ("demi", "demie"):
            rest = match.group()[len(base) + 1:]
            if rest:
                sub = self._unit_of_word(rest)
                if sub is None:
                    return None
                figure = Figure(prev_start, end, 0.5 * sub.factor, unit=sub.unit,
                                explicit_unit=True)
            else:
                unit = self._match_unit(end, False)
                if unit is None:
                    return None
                figure = Figure(prev_start, unit[1], 0.5 * unit[0].factor, unit=unit[0].unit,
                                explicit_unit=True)
            return self._finish(figure)
        if word == "moitie":
            if not re.match(rf"{_SPACE}+(?:de|des|du|d{_APOS})", self.text[end:end + 5],
                            re.IGNORECASE) or not prev:
                return None
            return self._finish(Figure(prev_start, end, 50.0, unit="%", explicit_unit=True))
        # -aine words: 'une quarantaine', 'deux centaines'
        stem = word[:-5] if word.endswith("aines") else word[:-4]
        base_value = None
        for attempt in (stem, stem + "e", stem.replace("z", "x")):
            base_value = _word_value(attempt)
            if base_value is not None:
                break
        if base_value is None:
            return None
        number_before = None
        for run_start, run_end, value in self._runs:
            if not self.text[run_end:start].strip() and run_end <= start:
                number_before = (run_start, value)
        if number_before:
            first, factor = number_before
        elif prev and fold_same_length(prev.group(1)) in ("un", "une"):
            first, factor = prev_start, 1.0
        else:
            return None  # 'des centaines de' is not a figure
        figure = Figure(first, end, base_value * factor, has_multiplier=True)
        counted, cend = self._counted(end, True)
        if counted:
            figure.counted, figure.end = counted, cend
        return self._finish(figure)

    def _unit_of_word(self, word: str) -> _Unit | None:
        for unit in self.lex.units:
            match = unit.rx.fullmatch(word)
            if match:
                return unit
        return None

    def _build_multnoun(self, match: re.Match) -> Figure | None:
        """'le double de Google', 'soit le triple'."""
        prev = fold_same_length(_prev_word(self.text, match.start())[0])
        if prev not in ("le", "au", "du", "l"):
            return None
        after = _WORD_RE.match(self.text, re.compile(r"\s*").match(self.text,
                                                                    match.end()).end())
        if after and fold_same_length(after.group()) not in self.lex.stopwords:
            return None
        value = self.lex.mult_nouns[fold_same_length(match.group())]
        return self._finish(Figure(match.start() - len(prev) - 1 if prev != "l" else
                                   match.start() - 2, match.end(), value, unit="ratio",
                                   explicit_unit=True))

    def _build_multverb(self, match: re.Match) -> Figure | None:
        """'doubler le nombre de formations' (the verb must act on a quantity)."""
        word = fold_same_length(match.group())
        stem = next(s for s in self.lex.mult_verbs if word.startswith(s))
        if not re.fullmatch(rf"{stem}(?:er|e|es|ee|ees|ent|era|eront|ait|aient|ant|ons|ez|"
                            r"erait|eraient|a)", word):
            return None
        if word in self.lex.mult_nouns:
            return None
        window_after = self.folded[match.end():match.end() + 60].split()[:6]
        window_before = self.folded[max(0, match.start() - 60):match.start()].split()[-5:]
        words = {w.strip(".,;:\"'«»()") for w in window_after + window_before}
        if not words & self.lex.quantity_nouns:
            return None
        return self._finish(Figure(match.start(), match.end(), self.lex.mult_verbs[stem],
                                   unit="ratio", explicit_unit=True))

    # ---- the common path for a number

    def _complete(self, start: int, end: int, value: float, raw: str, digits: bool,
                  multiplied: bool = False) -> Figure | None:
        text = self.text
        figure = Figure(start, end, value, has_multiplier=multiplied)
        # 'diviser par quatre', 'multiplié par 10'
        verb = re.search(rf"((?:multipli|divis){_LETTER}*){_SPACE}+par{_SPACE}+$",
                         text[max(0, start - 30):start], re.IGNORECASE)
        if verb:
            figure.start = start - (len(text[max(0, start - 30):start]) - verb.start(1))
            figure.unit, figure.explicit_unit = "ratio", True
            return self._finish(figure)
        mult = self._multiplier(end) or self._aine_multiplier(end)
        if mult:
            figure.value *= mult[0]
            figure.end = end = mult[1]
            figure.has_multiplier = True
        fraction = self._fraction(end)
        if fraction:
            figure.value *= fraction[0]
            figure.end = end = fraction[1]
            if re.match(rf"{_SPACE}+(?:de|des|du|d{_APOS})\b", text[end:end + 5], re.IGNORECASE):
                figure.value *= 100
                figure.unit, figure.explicit_unit = "%", True
                return self._finish(figure)
        symbol = self._money_symbol(end)
        if symbol:
            figure.value *= symbol[0].factor
            figure.unit, figure.explicit_unit = symbol[0].unit, True
            figure.end = end = symbol[1]
            figure.has_multiplier = True
        # a range: '400 à 600', 'entre 25 et 50', 'deux ou trois', '11% - 37%'
        if not figure.explicit_unit:
            self._range(figure, raw, digits)
            end = figure.end
        around = self._around(end)
        if around and not figure.explicit_unit:
            figure.unit, figure.per, figure.explicit_unit = around[0].unit, around[0].per, True
            figure.end = around[1]
            return self._finish(figure)
        if not figure.explicit_unit:
            unit = self._match_unit(end, figure.has_multiplier)
            if unit:
                spec, uend = unit
                chosen = spec.unit
                if spec.needs and not self._context(spec.needs):
                    chosen = spec.fallback
                if spec.time and self._relative_date(start, uend):
                    self.blocked_until = uend
                    return None
                factor = spec.factor if chosen == spec.unit else 1.0
                figure.value *= factor
                if figure.value_high is not None:
                    figure.value_high *= factor
                figure.unit, figure.explicit_unit, figure.end = chosen, True, uend
                self._range_after_unit(figure, spec)
        # 'six fois plus chères', 'deux fois par mois'
        fois = re.compile(rf"{_SPACE}+fois\b(?:{_SPACE}+(?:plus|moins|supérieure?s?|"
                          rf"inférieure?s?|autant)\b(?:{_SPACE}+(?:de{_SPACE}+)?(?!que\b|qu)"
                          rf"{_LETTER}+)?)?", re.IGNORECASE).match(text, figure.end)
        if fois and not figure.explicit_unit:
            if re.search(r"plus|moins|sup|inf|autant", fois.group(), re.IGNORECASE):
                figure.unit = "ratio"
            else:
                figure.counted = "fois"
            figure.end, figure.explicit_unit = fois.end(), True
            return self._finish(figure)
        if not figure.explicit_unit:
            counted, cend = self._counted(figure.end, figure.has_multiplier)
            if (counted and figure.has_multiplier and self.money and self.state.get("currency")
                    and _is_participle(counted.split(" ")[0])):
                # 'il coûte 14,5 millions d'euros, dont 4 millions apportés par…': an amount
                # whose currency is understood, not a count of 'apportés'
                counted = ""
            if counted:
                figure.counted, figure.end = counted, cend
            else:
                nombre = re.compile(rf"{_SPACE}+le{_SPACE}+nombre{_SPACE}+(?:de|d{_APOS})"
                                    rf"{_SPACE}*({_LETTER}+)", re.IGNORECASE).match(text,
                                                                                    figure.end)
                if nombre:
                    figure.counted = nombre.group(1)
                elif not self._bare_ok(figure, raw, digits):
                    return None
        return self._finish(figure)

    def _aine_multiplier(self, pos: int) -> tuple[float, int] | None:
        """'deux centaines de postes': an -aine word after a number multiplies it."""
        match = re.compile(rf"{_SPACE}+({_LETTER}+aines?)\b").match(self.text, pos)
        if not match:
            return None
        word = fold_same_length(match.group(1))
        stem = word[:-5] if word.endswith("aines") else word[:-4]
        for attempt in (stem, stem + "e", stem.replace("z", "x")):
            value = _word_value(attempt)
            if value is not None:
                return value, match.end()
        return None

    def _fraction(self, pos: int) -> tuple[float, int] | None:
        """'deux tiers', 'trois quarts' (not 'demi', handled with its unit)."""
        match = re.compile(rf"{_SPACE}+({_LETTER}+)\b").match(self.text, pos)
        if not match:
            return None
        word = fold_same_length(match.group(1))
        if word in ("tiers", "quart", "quarts"):
            return self.lex.fractions[word], match.end()
        return None

    def _context(self, name: str) -> bool:
        return self.carbon if name == "carbon" else bool(self.lex.contexts[name].search(
            self.text))

    def _relative_date(self, start: int, unit_end: int) -> bool:
        before = self._before_skipping_qualifiers(start)
        if self.lex.relative_before.search(before):
            return True
        return bool(self.lex.relative_after.match(self.folded[unit_end:unit_end + 20]))

    def _range(self, figure: Figure, raw: str, digits: bool) -> None:
        text = self.text
        entre = re.search(rf"(?:^|\W)(entre|de|d{_APOS}){_SPACE}*$",
                          self.folded[max(0, figure.start - 8):figure.start])
        joiners = rf"{_SPACE}*(?:à|-|–|—|ou){_SPACE}*"
        if entre and entre.group(1) == "entre":
            joiners = rf"{_SPACE}+et{_SPACE}+"
        joint = re.compile(joiners, re.IGNORECASE).match(text, figure.end)
        if not joint:
            return
        second = self._number_at(joint.end())
        if second is None:
            return
        value2, end2, raw2 = second
        if digits != bool(re.match(r"\d", raw2)) and not (digits or re.match(r"\d", raw2)):
            return
        if re.match(r"[.,/]\d|" + _LETTER, text[end2:end2 + 2]) and not self._match_unit(
                end2, False):
            return
        if _is_year(raw) or _is_year(raw2):
            return
        mult = self._multiplier(end2)
        if mult:
            value2 *= mult[0]
            end2 = mult[1]
            if not figure.has_multiplier:
                figure.value *= mult[0]
                figure.has_multiplier = True
        if value2 < figure.value:
            return
        figure.value_high, figure.end = value2, end2
        if entre and entre.group(1) in ("entre",):
            figure.start = figure.start - (len(self.folded[max(0, figure.start - 8):
                                                           figure.start]) - entre.start(1))

    def _range_after_unit(self, figure: Figure, spec: _Unit) -> None:
        """'11% - 37%': both ends carry the unit."""
        if figure.value_high is not None:
            return
        joint = re.compile(rf"{_SPACE}*(?:-|–|—|à){_SPACE}*").match(self.text, figure.end)
        if not joint:
            return
        second = self._number_at(joint.end())
        if second is None:
            return
        value2, end2, _ = second
        match = spec.rx.match(self.text, end2)
        if match and value2 * spec.factor >= figure.value:
            figure.value_high, figure.end = value2 * spec.factor, match.end()
            self.blocked_until = max(self.blocked_until, match.end())

    def _bare_ok(self, figure: Figure, raw: str, digits: bool) -> bool:
        """A number with neither unit nor noun: keep it, give it an inherited unit, or drop."""
        if not digits:
            if not self.lex.bare_word_ok.search(self.folded[max(0, figure.start - 25):
                                                            figure.start]):
                return False
        elif self._bare_excluded(figure.start, figure.end, raw):
            return False
        # the unit of an earlier figure of the sentence: 'de 33 zettaoctets ... à 175'
        before = self.folded[max(0, figure.start - 12):figure.start]
        if self.figures and re.search(r"(?:^|\W)(?:a|contre|et|ou|soit)\s*$", before):
            last = self.figures[-1]
            if last.unit not in ("count", "ratio") and last.explicit_unit:
                factor = 1.0
                figure.unit = last.unit
                figure.value *= factor
                return True
        if figure.has_multiplier and self.money and self.state.get("currency"):
            figure.unit = self.state["currency"]
        return True

    def _finish(self, figure: Figure) -> Figure:
        figure.qualifier = self._qualifier(figure.start)
        limit = len(self.text)
        if not figure.per:
            figure.per = self._per(figure.end, limit) or self._per_before(figure)
        if figure.unit == "%":
            of = re.compile(rf"{_SPACE}*(?:des|du|de{_SPACE}+la|de{_SPACE}+l{_APOS}|d{_APOS}|"
                            rf"de){_SPACE}*({_LETTER}+)", re.IGNORECASE).match(
                                self.text, figure.end)
            if of and fold_same_length(of.group(1)) not in self.lex.stopwords:
                figure.of_noun = of.group(1)
        if figure.unit in ("EUR", "USD"):
            self.state["currency"] = figure.unit
        figure.category = categorize(figure, self.text)
        return figure


# --------------------------------------------------------------------------------------------
# category and subject


def is_unit_reference(text: str, value: float) -> bool:
    """A unit of reference written with the indefinite article (« produire un mètre cube
    demande 0,5 kWh », « un litre d'eau »): a figure of the sentence, but no quantity the
    dossier reports (charts and cross-document checks leave it out)."""
    return value == 1 and bool(re.match(r"(?i)une?\b", str(text)))


def _has_stem(words: list[str], stems: list[str]) -> bool:
    joined = " " + " ".join(words) + " "
    for stem in stems:
        stem = fold_same_length(stem).replace("'", " ")
        if " " in stem:
            if stem in joined:
                return True
        elif any(w.startswith(stem) for w in words):
            return True
    return False


def _words(text: str) -> list[str]:
    """Accent-free lower-case words, elisions split off ("d'euros" -> "d", "euros")."""
    return re.findall(r"\w+(?:-\w+)*", fold_same_length(text))


def categorize(figure: Figure, sentence: str) -> str:
    """Category of a figure from its unit, counted noun, clause and sentence words."""
    cats = lexicon().categories
    by_unit = cats["by_unit"].get(figure.unit)
    clause_start, clause_end = _clause_bounds(sentence, figure.start, figure.end)
    clause = _words(sentence[clause_start:clause_end])
    whole = _words(sentence)
    if by_unit == "money":
        money = cats["money"]
        for words in (clause, whole):
            if _has_stem(words, money["funding"]) and not _has_stem(words, money["cost"]):
                return "funding"
            if _has_stem(words, money["cost"]):
                return "cost"
            if _has_stem(words, money["funding"]):
                return "funding"
        return money["default"]
    if by_unit:
        return by_unit
    for category in ("co2", "water", "energy"):
        if _has_stem(clause, cats["keywords"][category]):
            return category
    noun = _words(figure.counted or figure.of_noun)
    if noun:
        for category, stems in cats["counted"].items():
            if figure.unit == "%" and category in ("usage", "performance"):
                continue  # a share of calls answered is a result, not a volume of use
            if _has_stem(noun, stems):
                return category
    for words, themes in ((clause, True), (whole, False)):
        for category in cats["keyword_order"]:
            if not themes and category in ("co2", "water", "energy"):
                continue  # a theme word elsewhere in the sentence ('cours d'eau') is too weak
            if _has_stem(words, cats["keywords"][category]):
                return category
    return "other"


# --------------------------------------------------------------------------------------------
# public API


def extract_from_text(text: str, kind: str = "sentence", state: dict | None = None,
                      antecedents: Sequence[Antecedent] = ()) -> list[Figure]:
    """Figures of one text. Never raises on odd input: a malformed number is skipped.
    `antecedents` are the sentences a pronoun of `text` may refer to (see figures.subject)."""
    if not isinstance(text, str) or not text.strip():
        return []
    figures = _Scanner(text, kind, state).run()
    for fig, subject in zip(figures, figure_subjects(text, figures, antecedents), strict=True):
        fig.subject = subject
    return figures


def _lone_figures(text: str, figures: list[Figure]) -> bool:
    """True when a heading is little more than its figures (an infographic: '11% - 37%')."""
    rest = text
    for fig in sorted(figures, key=lambda f: -f.start):
        rest = rest[:fig.start] + rest[fig.end:]
    return len(re.findall(rf"{_LETTER}{{3,}}", rest)) < 2


def _antecedents(records: list, index: int, spans: dict[int, tuple]) -> list[Antecedent]:
    """The sentences a pronoun of row `index` may refer to: the sentence that introduces a
    bulleted list (for a bullet), then the sentence before (same document, sentences and
    bullets only)."""
    row = records[index]
    found: list[Antecedent] = []
    previous = [i for i in range(index - 1, max(-1, index - 30), -1)
                if records[i].doc == row.doc
                and getattr(records[i], "kind", "sentence") in ("sentence", "bullet")]
    if getattr(row, "kind", "sentence") == "bullet":
        intro = next((i for i in previous
                      if getattr(records[i], "kind", "sentence") == "sentence"), None)
        if intro is not None:
            found.append(Antecedent(records[intro].text, spans.get(intro, ())))
    if previous and (not found or records[previous[0]].text != found[0].text):
        found.append(Antecedent(records[previous[0]].text, spans.get(previous[0], ())))
    return found


def extract_figures(sentences: pd.DataFrame) -> pd.DataFrame:
    """The `figures` table from the `sentences` table (every row but titles).

    A heading that is only a figure (an infographic: '142 zettaoctets', '11% - 37%') takes its
    category and subject from the row that follows it (its caption)."""
    rows: list[dict] = []
    states: dict[Any, dict] = {}
    ordered = sentences.sort_values(["doc", "sentence_id"]) if len(sentences) else sentences
    records = [r for r in ordered.itertuples(index=False)
               if getattr(r, "kind", "sentence") != "title"]
    spans: dict[int, tuple[tuple[int, int, str], ...]] = {}
    for index, row in enumerate(records):
        kind = getattr(row, "kind", "sentence")
        state = states.setdefault(row.doc, {})
        antecedents = _antecedents(records, index, spans)
        figures = extract_from_text(row.text, kind, state, antecedents)
        spans[index] = tuple((f.start, f.end, f.counted) for f in figures)
        following = records[index + 1] if index + 1 < len(records) else None
        if (figures and kind != "sentence" and following is not None
                and following.doc == row.doc and _lone_figures(row.text, figures)):
            context = f"{row.text}\n{following.text}"
            subjects = figure_subjects(context, figures, antecedents)
            for fig, subject in zip(figures, subjects, strict=True):
                fig.category = categorize(fig, context)
                fig.subject = subject
        for number, fig in enumerate(figures, start=1):
            rows.append({
                "figure_id": f"{row.sentence_id}f{number:02d}",
                "doc": row.doc, "page": row.page, "sentence_id": row.sentence_id,
                "text": fig.text, "value": fig.value,
                "value_high": fig.value_high if fig.value_high is not None else float("nan"),
                "unit": fig.unit, "per": fig.per, "category": fig.category,
                "counted": fig.counted, "subject": fig.subject, "qualifier": fig.qualifier,
                "start": fig.start, "end": fig.end, "sentence_kind": kind,
                "quotable": bool(getattr(row, "quotable", True)),
            })
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    return frame.astype({"value": float, "value_high": float})
