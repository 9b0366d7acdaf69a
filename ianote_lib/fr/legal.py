"""The texts of law a French sentence names: « le décret du 27 janvier 2012 », « la loi NOTRe du
7 août 2015 », « la loi dite « CADA » de 1978 », « le décret n° 2017-779 du 5 mai 2017 », « la loi
pour une République numérique », « le code de l'urbanisme ».

A reference is a head noun (a law, a decree, an order, a code… : `resources/fr/legal.yaml`) with
what makes it one text — its number, its name, its date, the name it is known by. A head alone
(« la loi », « le décret pris en application… ») names no text: the sentence speaks of « the
law » in general, or of one it named before.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from ianote_lib.config import load_yaml
from ianote_lib.fr.dates import MONTH_NAMES

_ARTICLE = r"(?P<article>[Ll]a |[Ll]e |[Ll]['’]\s?|[Dd]u |[Aa]u )"
_NAME_WORD = r"(?:[A-ZÀ-Ý][\w’'-]*|\d+[A-Z][\w-]*)"
# (and a preposition with its article between two capitalised words: « le Règlement Général
# sur la Protection des Données »)
_LINK = r"(?:et|de|du|des|la|le|l['’]|(?:sur|pour|contre)(?: la| le| les)?)"
_ADJECTIVE = "ique|ale|ales|el|elle|aire|ive|if|ienne|éenne|éen"


@cache
def _pattern() -> re.Pattern:
    conf = load_yaml("fr", "legal.yaml")
    heads = "|".join(f"[{h[0].upper()}{h[0]}]{h[1:]}"
                     for h in sorted(conf["heads"], key=len, reverse=True))
    months = "|".join(MONTH_NAMES + ("fevrier", "aout", "decembre"))
    date = rf"(?:du |de )(?:(?:1er|\d{{1,2}}) (?:{months}) |(?:{months}) )?\d{{4}}"
    number = r"n°\s?\d[\d-]*"
    known_as = r"dite? [«“\"][^»”\"]{1,40}[»”\"]"
    # a name in capitals (« NOTRe », « Climat et Résilience », « 3DS »; a word in lower case
    # after it only before its date: « le décret Accessibilité numérique du 24 juillet 2019 »),
    # or a title opened by « pour », « relative à »… (« pour une République numérique »: an
    # adjective may end it; in lower case, up to its date: « la loi relative à la transition
    # énergétique pour la croissance verte de 2015 »)
    # (or the one word of its object before its date: « la loi de décentralisation du 2 mars
    # 1982 »)
    # (a person's name of two capitalised words, « la loi Le Meur »; a capitalised adjective
    # set before its noun, the noun with it: « la loi Grand âge », not « la loi Grand »)
    before_noun = "|".join(conf["prenominal_adjectives"])
    name = (rf"(?:(?:{before_noun}) [a-zéèêâ]\w+"
            rf"|{_NAME_WORD}(?: (?:{_LINK} )?{_NAME_WORD})*(?: [a-zé]\w+(?= {date}))?"
            rf"|(?:{'|'.join(conf['title_openers'])}) (?:une |un |la |le |l['’]|les )?"
            rf"{_NAME_WORD}(?: [a-zé]\w*(?:{_ADJECTIVE})\b)?"
            rf"|(?:{'|'.join(conf['title_openers'])}) [^,;:.()«»]{{3,90}}?(?= {date})"
            rf"|d[eu] [a-zéèêà][\w-]+(?= {date}))")
    # a code by its one word (« le code de l'urbanisme »); one whose name goes on in lower case
    # (« le code de l'action sociale et des familles ») could not be told from its verb
    code = (r"(?:de l['’]|de la |du |des )[a-zé][\w’'-]+"
            r"\b(?!\s(?!et\b|ou\b|qui\b|que\b|dont\b)[a-zéèàâ])")
    return re.compile(
        rf"(?<!\w){_ARTICLE}(?P<ref>(?P<head>{heads})"
        rf"(?:(?P<code>(?<=ode)s? {code})"
        rf"|(?: d['’]application)?(?: (?P<number>{number}))?(?:,? (?P<known>{known_as}))?"
        rf"(?: (?P<name>{name}))?(?: (?P<date>{date}))?(?:,? (?P<known2>{known_as}))?"
        # (the acronym it is known by after its title: « la loi du 10 février 2020 relative à
        # la lutte contre le gaspillage et à l'économie circulaire (AGEC) »)
        rf"(?:(?<=\d{{4}})(?: (?:{'|'.join(conf['title_openers'])}|portant) [^()«»;.]{{3,140}}?)?"
        rf" \((?!JO\b|JORF\b|NOR\b)(?P<acronym>[A-Z][A-Za-z0-9]{{1,9}})\))?))")


# (the heads of `legal.yaml` French makes feminine: « la loi…, dite « ELAN » »)
_FEMININE = frozenset({"loi", "lois", "ordonnance", "directive", "circulaire"})


def legal_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` names texts of law (`legal_references`): the spans of their words."""
    return [m.span("ref") for m in _pattern().finditer(text)
            if any(m.group(g) for g in ("code", "number", "known", "name", "date", "known2"))]


def legal_references(text: str) -> list[str]:
    """The texts of law `text` names, as it writes them (with a definite article: « du décret
    du 5 mai 2017 » names « le décret du 5 mai 2017 »), in order, each once."""
    found: list[str] = []
    for match in _pattern().finditer(text):
        if not any(match.group(g) for g in ("code", "number", "known", "name", "date",
                                             "known2")):
            continue
        # (« du décret… » is « le décret… »)
        article = match.group("article").lower().replace("du ", "le ").replace("au ", "le ")
        head = match.group("ref").strip()
        if match.group("acronym"):      # (named by its date and the acronym, not its title)
            said = "dite" if match.group("head").lower() in _FEMININE else "dit"
            head = (text[match.start("ref"):match.end("date")]
                    + f", {said} « {match.group('acronym')} »")
        ref = article + (head[:1].lower() if match.group("head") != "Code" else "C") + head[1:]
        if ref not in found:
            found.append(ref)
    return found


def distinct_texts(references: list[str], known: Iterable[str] = ()) -> list[str]:
    """The texts of `references` (`legal_references`), each once, by its fullest form, a name
    before a date: « la loi EGAlim », « la loi Egalim » and « la loi dite « EGAlim » du 30
    octobre 2018 » are one law, so are « la loi de 2005 » and « la loi du 11 février 2005 »,
    and « la loi n° 2024-1039, dite « loi Le Meur » » and « la loi Le Meur »; a text named by
    its date alone is the one text of its kind that the references or the dossier's (`known`)
    name with that month and year, or that year when it gives no month (« la loi de novembre
    2024 » is « la loi Le Meur » when the dossier speaks of « la loi Le Meur du 19 novembre
    2024 »); in the order of their first mention."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def root(x: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    facts = [_text_facts(r) for r in [*known, *references]]
    for head, ids, _ in facts:          # (one text, whatever name or number it goes by)
        for other in ids[1:]:
            parent[root((head, other))] = root((head, ids[0]))
    dated: dict[tuple[str, str, str], set[tuple[str, str]]] = defaultdict(set)
    for head, ids, (year, month) in facts:
        if ids and year:
            dated[(head, year, month)].add(root((head, ids[0])))
            dated[(head, year, "")].add(root((head, ids[0])))
    own = facts[len(facts) - len(references):]
    keys = []
    for ref, (head, ids, (year, month)) in zip(references, own, strict=True):
        # (its month and year, or its year when it gives no month: « la loi de 2005 »)
        texts = dated.get((head, year, month), set()) if year else set()
        keys.append(root((head, ids[0])) if ids else next(iter(texts)) if len(texts) == 1
                    else (head, year or ref.lower()))
    # a year alone the dossier leaves open is the one text of that year the list names
    # (« la loi de 2005 » after « la loi du 11 février 2005 »)
    for k, (head, ids, (year, _)) in enumerate(own):
        named = {key for key, (h, _, (y, _)) in zip(keys, own, strict=True)
                 if h == head and y == year and key != (head, year)}
        if not ids and year and keys[k] == (head, year) and len(named) == 1:
            keys[k] = named.pop()
    out: dict[tuple[str, str], tuple[bool, int, str]] = {}     # (named, length, form)
    for key, ref, (_, ids, _) in zip(keys, references, own, strict=True):
        form = (bool(ids), len(ref), ref)
        if key not in out or form[:2] > out[key][:2]:
            out[key] = form
    return [form for _, _, form in out.values()]


def _text_facts(reference: str) -> tuple[str, list[str], tuple[str, str]]:
    """What tells one text from another: its head, the names it goes by (the name it is known
    by, its name, its number, its code's words: « la loi n° 2024-1039, dite « loi Le Meur » »
    goes by « Le Meur » and « 2024-1039 »), and the year and month of its date."""
    m = _pattern().search(reference)
    if m is None:
        return ("", [reference.lower()], ("", ""))
    head = m.group("head").lower()
    ids = []
    for group in ("known", "known2", "name", "number", "code", "acronym"):
        if m.group(group):
            key = re.sub(r"^dite? |n°|[«»“”\"\s]", "", m.group(group).lower())
            ids.append(key[len(head):] if key.startswith(head) and key != head else key)
    date = m.group("date") or ""
    year = re.search(r"\d{4}", date)
    month = next((w for w in MONTH_NAMES if re.search(rf"\b{w}\b", date)), "")
    return (head, ids, (year.group(0) if year else "", month))


def dossier_references(texts: Iterable[str]) -> list[str]:
    """The texts of law a dossier's sentences name (`legal_references`), each once."""
    heads = re.compile(r"(?i)\b(?:" + "|".join(load_yaml("fr", "legal.yaml")["heads"]) + r")\b")
    return list(dict.fromkeys(r for t in texts if heads.search(t)
                              for r in legal_references(t)))
