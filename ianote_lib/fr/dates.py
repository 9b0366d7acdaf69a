"""French dates: read as printed in press copy ('3 octobre 2023', '1er juin 2023', 'octobre 2023')
and written from ISO dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ianote_lib.fr.lemmas import is_known
from ianote_lib.fr.normalize import fold, fold_same_length
from ianote_lib.fr.numbers import is_missing

MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "janv": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11,
    "dec": 12,
}
MONTH_NAMES = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
               "septembre", "octobre", "novembre", "décembre")
WEEKDAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_RE = re.compile(
    rf"\b(?:(?P<day>[0-3]?\d)(?:er)?\s+)?(?P<month>{_MONTH_RE})\.?\s+(?P<year>(?:19|20)\d\d)\b"
)


def french_date(value: object) -> str:
    """An ISO date as French words: '2023-10-03' → '3 octobre 2023' ('1er' for the first day),
    '2023-10' → 'octobre 2023'; a year or any other text is kept; missing → ''."""
    if is_missing(value):
        return ""
    text = str(value).strip()
    if match := _ISO_DAY.match(text):
        year, month, day = (int(g) for g in match.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{'1er' if day == 1 else day} {MONTH_NAMES[month - 1]} {year}"
    if match := _ISO_MONTH.match(text):
        year, month = (int(g) for g in match.groups())
        if 1 <= month <= 12:
            return f"{MONTH_NAMES[month - 1]} {year}"
    return text


def parse_french_date(text: str) -> str:
    """ISO form of the first French date in `text`: YYYY-MM-DD, YYYY-MM, or '' if none."""
    match = DATE_RE.search(fold(text))
    if not match:
        return ""
    year, month = int(match["year"]), MONTHS[match["month"]]
    if match["day"] and 1 <= int(match["day"]) <= 31:
        return f"{year:04d}-{month:02d}-{int(match['day']):02d}"
    return f"{year:04d}-{month:02d}"


# -- Dates as written in press copy, with their span (added for the timeline) ---------------
# Everything below works on the same-length folded text so that spans point into the original.

SEASONS = {"printemps": 4, "ete": 7, "automne": 10, "hiver": 1}
_DAY = r"(?P<day>1er|premier|[0-3]?\d)"
_M = rf"(?P<month>{_MONTH_RE})\.?"
_Y = r"(?P<year>(?:19|20)\d\d)"
_QUAL = r"(?P<qual>fin|debut|mi|courant|milieu)"
# order matters: the first pattern that covers a span wins
_DATE_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("day_range", re.compile(
        rf"\bdu (?P<day1>1er|[0-3]?\d)(?:\s(?P<month1>{_MONTH_RE}))? au {_DAY}\s{_M}"
        rf"(?:\s{_Y})?\b")),
    ("period", re.compile(
        r"(?:\bentre |\bde |\bdans les annees |\()?(?P<y1>(?:19|20)\d\d)\s?(?:-|–|/| a | et )"
        r"\s?(?P<y2>(?:19|20)\d\d)\)?")),
    ("day", re.compile(rf"\b{_DAY}\s{_M}(?:\s{_Y})?\b(?P<dernier> dernier)?")),
    ("month", re.compile(rf"\b(?:{_QUAL}[- ])?{_M}\s{_Y}\b")),
    ("season", re.compile(
        rf"\b(?:a l'|au |l'|en |cet |ce )?(?P<season>printemps|ete|automne|hiver)\s{_Y}\b")),
    ("qual_year", re.compile(rf"\b{_QUAL}[- ](?:d'annee |de l'annee )?{_Y}\b")),
    ("horizon", re.compile(rf"\bd'ici (?:a |l'annee |la fin de |fin )?{_Y}\b")),
    ("prep_year", re.compile(
        rf"\b(?:en|des|depuis|avant|apres|jusqu'en|pour|l'annee|annee|a partir de|au cours de)"
        rf"\s(?:l'annee\s)?{_Y}\b")),
]


@dataclass(frozen=True)
class DateMention:
    """A date written in a sentence: span, ISO value, precision, optional end (periods)."""

    start: int
    end: int
    text: str
    iso: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # jour | mois | saison | annee | periode
    qualifier: str = ""  # fin | debut | mi | jusqu'a | d'ici
    iso_end: str = ""


def _day(value: str) -> int:
    return 1 if value in ("1er", "premier") else int(value)


def _infer_year(month: int, reference: str, past: bool) -> int | None:
    """Year of a day-month written without year, from the document date ('YYYY-MM[-DD]')."""
    if not reference or len(reference) < 7:
        return int(reference[:4]) if reference[:4].isdigit() else None
    ref_year, ref_month = int(reference[:4]), int(reference[5:7])
    if past and month > ref_month:
        return ref_year - 1
    return ref_year


def find_french_dates(text: str, reference: str = "") -> list[DateMention]:
    """Every French date of `text` ('le 14 juin 2023', 'jusqu'au 31 mars 2025', 'fin 2021',
    'd'ici à 2050', 'en 2026', 'mi-2019', 'à l'automne 2022', '(2018-2022)', 'le 28 août
    dernier'…). `reference` (the document's date, ISO) gives the year of dates written
    without one."""
    folded = fold_same_length(text)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(folded):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            mention = _mention(kind, m, text, reference)
            if mention is None:
                continue
            before = folded[max(0, m.start() - 10):m.start()]
            if re.search(r"jusqu'(?:au|a|en)\s?(?:la |le )?(?:fin )?$", before):
                mention = DateMention(mention.start, mention.end, mention.text, mention.iso,
                                      mention.precision, "jusqu'à", mention.iso_end)
            taken.append((m.start(), m.end()))
            found.append(mention)
    return sorted(found, key=lambda d: d.start)


def _mention(kind: str, m: re.Match, text: str, reference: str) -> DateMention | None:
    span = text[m.start():m.end()].strip(" ()")
    start = m.start() + (len(text[m.start():m.end()]) - len(text[m.start():m.end()].lstrip(" (")))
    end = start + len(span)
    g = m.groupdict()
    if kind == "day_range":
        month = MONTHS[g["month"]]
        year = int(g["year"]) if g["year"] else _infer_year(month, reference, False)
        if year is None:
            return None
        m1 = MONTHS[g["month1"]] if g["month1"] else month
        return DateMention(start, end, span, f"{year:04d}-{m1:02d}-{_day(g['day1']):02d}", "jour",
                           "", f"{year:04d}-{month:02d}-{_day(g['day']):02d}")
    if kind == "period":
        y1, y2 = int(g["y1"]), int(g["y2"])
        if not y1 < y2 <= y1 + 30:
            return None
        return DateMention(start, end, span, f"{y1:04d}", "periode", "", f"{y2:04d}")
    if kind == "day":
        day, month = _day(g["day"]), MONTHS[g["month"]]
        if not 1 <= day <= 31:
            return None
        year = int(g["year"]) if g["year"] else _infer_year(month, reference,
                                                            bool(g["dernier"]))
        if year is None:
            return None
        return DateMention(start, end, span, f"{year:04d}-{month:02d}-{day:02d}", "jour")
    if kind == "month":
        qual = g["qual"] or ""
        return DateMention(start, end, span, f"{int(g['year']):04d}-{MONTHS[g['month']]:02d}",
                           "mois", {"milieu": "mi", "courant": ""}.get(qual, qual))
    if kind == "season":
        return DateMention(start, end, span,
                           f"{int(g['year']):04d}-{SEASONS[g['season']]:02d}", "saison")
    if kind == "qual_year":
        qual = {"milieu": "mi", "courant": ""}.get(g["qual"], g["qual"])
        return DateMention(start, end, span, g["year"], "annee", qual)
    if kind == "horizon":
        return DateMention(start, end, span, g["year"], "annee", "d'ici")
    if kind == "prep_year":
        return DateMention(start, end, span, g["year"], "annee")
    return None


# a day and its month written without a year (« le 9 mars », « mercredi 6 novembre », « le 5
# août dernier »): not one a year, a slash or a figure follows
_YEARLESS_DAY = re.compile(rf"\b{_DAY}\s{_M}(?P<rel>\s(?:dernier|prochain))?"
                           r"(?!\w|[/.-]\d|\s+(?:\d|de l'annee|de chaque))")
# a month written without a year after what sets it in time (« fin juillet », « dès juillet »,
# « en mars »): not one a year or a day follows
_YEARLESS_MONTH = re.compile(rf"\b(?:fin|debut|mi-|courant|en|des|depuis|avant|apres)\s?"
                             rf"(?P<month>{'|'.join(fold(m) for m in MONTH_NAMES)})"
                             r"(?P<rel>\s(?:dernier|prochain))?"
                             r"(?!\w|\.?\s*(?:\d|de l'annee|de chaque))")
# what makes a date a recurring one (« avant le 1er mars de chaque année »): it has no year
_RECURRING = re.compile(r"(?i)\b(?:chaque année|tous les ans|de l['’]année|annuel(?:le)?(?:ment)?|"
                        r"par an)\b")


_SLACK = dt.timedelta(days=7)
# a day told as the day of a thing done, by the past participle it completes (« Un rapport…
# présenté ce 17 septembre alerte… », « une étude publiée le 12 octobre », « remis au
# gouvernement le 27 mai »): past, whatever the tense of the sentence's verb; not a thing
# planned for that day (« prévu le 12 mars », « attendus entre le… »)
_DONE_ON = re.compile(r"(?i)\b(?!(?:prévu|programmé|envisagé|planifié|fixé|reporté|"
                      r"attendu)(?:e|s|es)?\b)(?:[a-zà-ÿ]{3,}(?:é|ée|és|ées)|"
                      r"(?:re)?mise?s?|parue?s?|prise?s?|rendue?s?|tenue?s?|ouverte?s?|"
                      r"conclue?s?)\s+(?:[^,.;:]{0,30}\s)?"
                      r"(?:le|ce|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+$")
# (a participle after what puts it to come: « devra être lancé le 16 décembre »)
_TO_COME = re.compile(r"(?i)\b(?:être|sera|seront|serait|seraient|doit|doivent|devra|devront|"
                      r"va|vont|pourra|pourront)\s+(?:\w+\s+)?$")

# a year a sentence tells
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _done_on(before: str) -> bool:
    """Whether the day that follows `before` is told as the day of a thing done
    (`_DONE_ON`), not of one to come (`_TO_COME`)."""
    m = _DONE_ON.search(before[-80:])
    return bool(m) and not _TO_COME.search(before[-80:][:m.start()])


def dated_days(text: str, reference: str, tense: str = "") -> str:
    """`text` with the year of each day it tells without one (« Depuis le 18 mars, les usagers
    peuvent… » → « Depuis le 18 mars 2024, … »), and of each month set in time without one
    (« fin juillet », « dès juillet »), from its page's date `reference` (ISO, with
    its month) and the time of the event the sentence tells (`fr.sentencehood.event_tense`):
    an event told in the past, or since a day, falls on the last such day before the page, one
    told in the future on the next; « dernier » and « prochain » say which. A date the tense
    leaves open (a present: « Avant le 1er mars, le maire transmet… »), a recurring date, or a
    page dated by its year alone keep the text as it is, but a day of the page's own month in
    a sentence that tells no year, which is of the page's year whatever the tense (« À partir
    du 19 août, la ville abaisse… » on a page of August 2019). A note is read after its documents:
    their « le 9 mars » is not its own."""
    if len(reference) < 7 or not reference[:4].isdigit() or _RECURRING.search(text):
        return text
    ref = (int(reference[:4]), int(reference[5:7]), int(reference[8:10]) if len(reference) >= 10
           else 0)
    folded = fold_same_length(text)
    pieces, last = [], 0
    found = sorted([*_YEARLESS_DAY.finditer(folded), *_YEARLESS_MONTH.finditer(folded)],
                   key=lambda m: m.start())
    for m in found:
        if m.start() < last:
            continue
        month = MONTHS[m.group("month")]
        day = _day(m.group("day")) if "day" in m.groupdict() else 0
        rel = (m.groupdict().get("rel") or "").strip()
        since = (re.search(r"(?:depuis|des) (?:le )?$", folded[max(0, m.start() - 12):m.start()])
                 or re.match(r"depuis|des", m.group(0)))
        way = ("passe" if rel == "dernier" or tense in ("passé", "imparfait") or since
               else "futur" if rel == "prochain" or tense == "futur"
               else "passe" if "day" in m.groupdict() and _done_on(text[:m.start()]) else "")
        try:
            told = dt.date(ref[0], month, day or 1)
        except ValueError:
            continue
        if not way and not (day and month == ref[1] and not _YEAR.search(text)):
            continue
        if not day:
            # (a month alone: its own month is the page's year either way)
            told = told if way == "passe" else dt.date(ref[0], month, 28)
        # (a page dated by its month alone: its own month is the page's year either way; a
        # page's date may lag its text by a few days: « parue au Journal officiel du 22 mars »
        # on a page of 21 March)
        earliest = dt.date(ref[0], ref[1], ref[2] or 1)
        latest = dt.date(ref[0], ref[1], ref[2]) if ref[2] else (
            dt.date(ref[0] + ref[1] // 12, ref[1] % 12 + 1, 1) - dt.timedelta(days=1))
        year = (ref[0] if not way or (told <= latest + _SLACK if way == "passe"
                                      else told >= earliest - _SLACK)
                else ref[0] - 1 if way == "passe" else ref[0] + 1)
        # (a weekday that the day does not fall on in that year: the page's date is not the
        # text's, « une étude… présentée lundi 21 novembre » on a page of 2020)
        named = re.search(rf"({'|'.join(WEEKDAY_NAMES)})\s+$", folded[max(0, m.start() - 12):
                                                                         m.start()])
        if day and named and dt.date(year, month, day).weekday() != WEEKDAY_NAMES.index(
                named.group(1)):
            continue
        # (« prochain », « dernier » go; the full stop an abbreviation's pattern took stays)
        pieces += [text[last:m.end("month")], f" {year}"]
        last = m.end("rel") if rel else m.end("month")
    return "".join(pieces) + text[last:] if pieces else text


# a year told relative to the date of its page: « cette année », « l'an dernier », « l'année
# prochaine », after a preposition or not (« à la fin de cette année »); not « cette
# année-là », the year the sentence before named
_RELATIVE_YEAR = re.compile(r"(?i)\b(?P<prep>(?:de|à|pour|depuis|durant|pendant|dès)\s+)?"
                            r"(?P<what>cette année|l['’]an(?:née)? derni(?:er|ère)|"
                            r"l['’]an(?:née)? prochaine?)\b(?![-‑]l[àa]\b)")


# « aujourd'hui » and its like, the day of the page: at a sentence's opening, after a comma,
# or after its verb; not « d'aujourd'hui » (« celle d'aujourd'hui »), nor inside a quotation
_TODAY = re.compile(r"(?i)(?P<lead>^|,\s|\s)(?P<what>jusqu['’](?:à |a )?aujourd['’]hui|"
                    r"aujourd['’]hui|à ce jour|a ce jour|actuellement)(?=[\s,.;:)]|$)")


def dated_today(text: str, year: int) -> str:
    """`text` with the day of its page, `year`'s, told by its year: « Aujourd'hui, 73,6 % de
    la population paloise habite en appartement » → « En 2019, … », « jusqu'à aujourd'hui » →
    « jusqu'en 2023 »; « Les collectivités ont aujourd'hui le souci de… » → « En 2017, les
    collectivités ont le souci de… » (the year opens the sentence; a sentence that tells a
    year already only loses its « aujourd'hui »); « à ce jour » and « actuellement » only where
    they open the sentence. What a quotation says stays as said."""
    quoted = [(m.start(), m.end()) for m in re.finditer(r"«[^»]*»", text)]
    pieces, last, inner = [], 0, False
    for m in _TODAY.finditer(text):
        what = m.group("what").lower()
        if any(a <= m.start("what") < b for a, b in quoted):
            continue
        if what.startswith("jusqu"):
            said = f"{m.group('lead')}{'J' if m.start() == 0 else 'j'}usqu'en {year}"
        elif m.start() == 0:
            said = f"En {year}"
        elif what.startswith("aujourd"):
            inner = True
            # (an aside between commas goes with both)
            # (an aside between commas is told there, « Les communes, en 2023, financent… »:
            # which clause it belongs to, its commas do not say)
            if m.group("lead").startswith(",") and text[m.end():m.end() + 1] == ",":
                pieces.append(text[last:m.start()] + f", en {year}")
                last = m.end()
                continue
            said = ""
        else:
            continue
        pieces.append(text[last:m.start()] + said)
        last = m.end()
    out = "".join(pieces) + text[last:]
    if not inner:
        return out
    out = re.sub(r"\s+([,.;:)])", r"\1", re.sub(r"\s{2,}", " ", out)).strip()
    if _YEAR.search(out):
        return out
    first = out.split(" ", 1)[0]
    # (a word of the language is lower-cased, « L'ANSSI » as « l'ANSSI »; a name is not)
    if (first.lower() in _COMMON_OPENINGS or re.match(r"(?i)(?:l|d|qu)['’]", first)
            or first[1:].islower() and (is_known(first.lower()) or first.endswith("ment"))):
        first = first[:1].lower() + first[1:]
    return f"En {year}, {first}{out[len(first):]}"


# a span counted back from a page's day, as a complement of time: « Il y a un an et demi, »,
# « il y a un peu plus d'un an, », « évacués il y a 5 mois »; not « il y a 300 communes »
_AGO = re.compile(r"(?i)\bil y a (?:(?:un peu )?(?:plus|moins) d['’]|près d['’]|environ |"
                  r"presque )?(?P<n>un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d{1,2}) "
                  r"(?P<unit>ans?|années?|mois)(?P<half> et demie?)?\b")
_SMALL_NUMBERS = {w: k for k, w in enumerate(
    "zéro un deux trois quatre cinq six sept huit neuf dix".split())} | {"une": 1}


def dated_ago(text: str, reference: str) -> str:
    """`text` with the span it counts back from its page's day, `reference` (ISO, with its
    month), told by its year: « Il y a un an et demi, 44 % des routes étaient en zone 30 » on a
    page of February 2021 → « En 2019, 44 % des routes… »; a sentence that tells the year
    already only loses the span (« Il y a un peu plus d'un an, en 2022, c'est… » → « En 2022,
    c'est… »). A page dated by its year alone keeps the text as it is. A note is read years
    after its documents: their « il y a un an » is not its own."""
    m = _AGO.search(text)
    if m is None or len(reference) < 7 or not reference[:7].replace("-", "").isdigit():
        return text
    n = int(m.group("n")) if m.group("n").isdigit() else _SMALL_NUMBERS[m.group("n").lower()]
    per = 1 if m.group("unit").lower() == "mois" else 12
    months = n * per + (6 if m.group("half") and per == 12 else 0)
    year = (int(reference[:4]) * 12 + int(reference[5:7]) - 1 - months) // 12
    opening = m.start() == 0
    after = text[m.end():]
    if _YEAR.search(text[:m.start()] + after):
        # (the year the sentence tells says when: the span and its comma go)
        out = re.sub(r"\s{2,}", " ", text[:m.start()] + re.sub(r"^\s*,\s*", "", after))
        return out[:1].upper() + out[1:] if opening else out
    return text[:m.start()] + ("En" if opening else "en") + f" {year}" + after


# a measure: a number that is no year, no time of day, no speed, no span of time (« dans
# environ 50 jours », « à l'issue des 3 ans »), no age, nor a numbered reference (« la mesure
# 1.2.3 », « L. 3123-29 »)
_MEASURE = re.compile(r"(?<![\w.,/-])(?<![LRD]\. )(?<![LRD]\.)"
                      r"\d+(?:[\s\u202f\u00a0.]\d{3})*(?:,\d+)?(?![\d\w])(?!\.\d)"
                      r"(?!\s?(?:h\b|heures?\b|km/h|jours?\b|semaines?\b|mois\b|ans?\b|années\b))")
# what makes a figure a rule's or a time's rather than a state's: what must or may be, a
# condition, a risk, a threshold (« …de plus de 3 500 habitants », « 250 millions d'euros et
# plus »), a term, a span of time, an article of law, a number (« la proposition de loi n°
# 1623 »), a future, a compound past (« une étude… a montré que 70 % des tombes… »: the event,
# not the page, has a day)
_NOT_STATE = re.compile(r"(?i)\b(?:doi[st]|doivent|devra|devront|devrait|devraient|peut|peuvent|"
                        r"pourra|pourront|pourrait|pouvant|faut|convient|tenue?s?\s+de|"
                        r"obligatoire\w*|obligation\w*|interdi\w*|autoris\w*|"
                        r"supérieure?s?\s+à|inférieure?s?\s+à|au moins|au plus|et plus|ou plus|"
                        r"au-delà|à partir|jusqu|dès|depuis|durant|pendant|de (?:plus|moins) de|"
                        r"excèd\w*|excéd\w*|en cas d|article|niveau|si|s['’]ils?|lorsqu\w*|"
                        r"quand|chaque année|annuellement|sera|seront|serait|seraient|"
                        r"était|étaient|avait|avaient|\w+aient|il y a|"
                        # (a risk, a chance, what is to come, what someone denounces: « Le
                        # risque de perdre la vie… à 50 km/h est de 80 % » holds in any year;
                        # « …dans les prochaines années », « …risquent de rester lettre morte,
                        # dénoncent les associations » tell no state)
                        r"risques?\s+d\w*|probabilité|chances?\s+d\w*|risqu\w+\s+d\w*|"
                        r"prochaine?s?|à venir|d['’]ici|dénonc\w*|"
                        # (what counts as what: « …sont tous considérés comme Crit'Air 1 »)
                        r"considérée?s?\s+comme|classée?s?\s+(?:en|comme|parmi)|"
                        r"(?:a|ont|avait|avaient)(?:\s+(?:été|déjà|ainsi|aussi|alors|également))?"
                        r"\s+(?:[a-zà-ÿ]+(?:é|ée|és|ées|is|it|u|us|ue|ues|ert|erts)|dû))\b|"
                        r"\bart\.|\bn[°º]")


def states_measure(text: str) -> bool:
    """Whether a sentence in the present states a measure (a count, a share, an amount:
    `_MEASURE`) that holds on its page's day and tells no time of its own: not a rule's
    figure (a threshold, a term, what must or may be: `_NOT_STATE`), no year, no day or
    month, not a quotation, and it opens on an article, a number or a preposition a year
    may precede (« Un habitant jette en moyenne 246 kg… », not « Derrière la Pologne, … »)."""
    body = text.strip()
    first = body.split(" ", 1)[0]
    return bool(_MEASURE.search(body) and not _YEAR.search(body) and not _NOT_STATE.search(body)
                and not _YEARLESS_DAY.search(fold_same_length(body))
                and not _YEARLESS_MONTH.search(fold_same_length(body))
                and (first.lower() in _COMMON_OPENINGS or first[:1].isdigit()
                     or re.match(r"(?i)[ld]['’]\w", first)))


def dated_state(text: str, year: int, lead: int = 0) -> str:
    """`text`, a sentence in the present, with its page's `year` after its first `lead`
    characters (the connectors it opens on) when it states a measure (`states_measure`):
    « Un habitant jette en moyenne 246 kg d'ordures ménagères par an » → « En 2024, un
    habitant jette… », « De plus, 25 % des dépôts… » → « De plus, en 2024, 25 % des
    dépôts… ». A measure is that of its page's day, and a note is read years later."""
    rest = text[lead:]
    if not states_measure(rest):
        return text
    return f"{text[:lead]}{'en' if lead else 'En'} {year}, {rest[:1].lower()}{rest[1:]}"


# the words a sentence opens on that a year set before them lower-cases (« Les collectivités
# ont… » → « En 2017, les collectivités ont… »); a name keeps its capital
_COMMON_OPENINGS = frozenset(
    "le la les un une des du de ce cet cette ces son sa ses leur leurs il elle ils elles on "
    "plus près moins chaque tout toute tous toutes certains certaines plusieurs nombre dans "
    "en à au aux pour par sur avec selon depuis".split())


def absolute_years(text: str, year: int) -> str:
    """`text` with the years it tells relative to its page's date, `year`, told by their
    number: « Cette année, les associations pouvaient candidater » → « En 2016, … »,
    « …adopté à la fin de cette année » → « …à la fin de l'année 2023 », « réalisée l'an
    dernier » → « réalisée en 2022 ». A note is read after its documents: their « this year »
    is not its own."""
    def told(m: re.Match[str]) -> str:
        what = m.group("what").lower()
        shown = year + (0 if what.startswith("cette") else -1 if "derni" in what else 1)
        if m.group("prep"):
            return f"{m.group('prep')}l'année {shown}"
        return ("En" if m.start() == 0 else "en") + f" {shown}"
    # (« 40 % de plus que l'année dernière » → « …qu'en 2015 »)
    return re.sub(r"(?i)\b(qu|lorsqu|puisqu)e en (?=(?:19|20)\d\d\b)", r"\1'en ",
                  _RELATIVE_YEAR.sub(told, text))
