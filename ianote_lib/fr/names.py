"""The name of a collectivité in a French sentence: its article, and the contractions of « à »
and « de » with it ("à la ville de Saint-Brieuc", "au conseil départemental du Gers",
"d'Admiville", "du Havre").

A name that opens with a common noun listed in `resources/fr/collectivites.yaml` ("Ville de…",
"Communauté d'agglomération…") takes the article of that noun and is lower-cased at its first
letter; any other name is a proper name, kept as written, whose own article ("Le Havre",
"Les Mureaux") contracts with the preposition.
"""

from __future__ import annotations

import re
from functools import cache

from ianote_lib.config import load_yaml
from ianote_lib.fr.normalize import fold

_VOWELS = "aeiouyàâäéèêëîïôöûüœ"
_CONTRACTIONS = {("à", "le"): "au", ("à", "les"): "aux", ("de", "le"): "du", ("de", "les"): "des"}


@cache
def _nouns() -> dict[str, tuple[str, str]]:
    """Folded noun → (gender, number)."""
    return {fold(noun): tuple(spec.split()) for noun, spec in load_yaml(
        "fr", "collectivites.yaml")["nouns"].items()}


@cache
def _adjectives() -> frozenset[str]:
    return frozenset(fold(a) for a in load_yaml("fr", "collectivites.yaml")["adjectives"])


def _starts_with_vowel(word: str) -> bool:
    return word[:1].lower() in _VOWELS


def _article_and_rest(name: str) -> tuple[str, str]:
    """The article a name takes in running text and the rest, lower-cased at its first letter
    for a common-noun name: ("la", "ville de Saint-Brieuc"), ("l'", "eurométropole de
    Strasbourg"); a proper name's own article: ("le", "Havre"); none: ("", "Admiville")."""
    name = " ".join(name.split())
    first = name.split(" ", 1)[0] if name else ""
    spec = _nouns().get(fold(first.split("'")[0]))
    if spec:
        gender, number = spec
        words = name.split(" ")[1:]
        k = 0
        while k < len(words) and fold(words[k]) in _adjectives():
            words[k] = words[k].lower()     # « Conseil Départemental » → « conseil départemental »
            k += 1
        common = " ".join([first[0].lower() + first[1:], *words])
        if number == "p":
            return "les", common
        if _starts_with_vowel(first):
            return "l'", common
        return ("la" if gender == "f" else "le"), common
    for article in ("le", "la", "les"):
        head, _, rest = name.partition(" ")
        if head.lower() == article and rest[:1].isupper():
            return article, rest
    if name[:2].lower() in ("l'", "l’") and name[2:3].isupper():
        return "l'", name[2:]
    return "", name


def with_article(name: str) -> str:
    """'Ville de Saint-Brieuc' → 'la ville de Saint-Brieuc'; 'Admiville' → 'Admiville';
    'Le Havre' → 'Le Havre' (a proper name keeps its own article as written)."""
    article, rest = _article_and_rest(name)
    if not article or rest[:1].isupper():
        return " ".join(name.split())
    return f"{article}{rest}" if article == "l'" else f"{article} {rest}"


def with_preposition(preposition: str, name: str) -> str:
    """`name` after « à » or « de », article contracted or elided: 'à la ville de Saint-Brieuc',
    'au conseil départemental du Gers', 'des services de l'État', 'd'Admiville', 'du Havre',
    'à Admiville'."""
    if not name.strip():
        return ""
    article, rest = _article_and_rest(name)
    if article in ("le", "les"):
        return f"{_CONTRACTIONS[(preposition, article)]} {rest}"
    phrase = with_article(name)
    if preposition == "de" and not article and _starts_with_vowel(phrase):
        return f"d'{phrase}"
    return f"{preposition} {phrase}"


@cache
def _capitalised() -> frozenset[str]:
    return frozenset(load_yaml("fr", "capitalised.yaml")["words"])


def keeps_capital(word: str) -> bool:
    """Whether French keeps this word's capital in running text (« État », « République »)."""
    return word in _capitalised()


def contract(preposition: str, phrase: str) -> str:
    """« de » or « à » before a common noun phrase, contracted with its article: « de les
    leviers » → « des leviers », « à le cadre » → « au cadre », « de l'État » stays, « de
    usages » → « d'usages »."""
    phrase = " ".join(phrase.split())
    head, _, rest = phrase.partition(" ")
    if preposition == "de" and head.lower() in ("des", "du") and rest:
        return phrase                       # « de des » is « des »
    if head.lower() in ("le", "les") and rest:
        return f"{_CONTRACTIONS[(preposition, head.lower())]} {rest}"
    if preposition == "de" and _starts_with_vowel(phrase):
        return "d'" + phrase
    return f"{preposition} {phrase}"


# a demonstrative determiner, with the preposition before it (« de ces locations »), not a
# pronoun (« ce qui », « ce sont ») nor a set phrase (« à ce stade », « de ce fait »)
_DEMONSTRATIVE = re.compile(r"(?i)\b(?:(?P<prep>de|à)\s+)?(?P<det>ces|cette|cet|ce)\s+"
                            r"(?!(?:qui|que|dont|quoi|sont|sera|serait|fut|peut|doit|stade|titre|"
                            r"égard|fait|effet|sens|jour|faisant)\b|qu['’])"
                            r"(?=\w)")
_DEFINITE = {(None, "ces"): "les ", (None, "cette"): "la ", (None, "cet"): "l'",
             (None, "ce"): "le ", ("de", "ces"): "des ", ("de", "cette"): "de la ",
             ("de", "cet"): "de l'", ("de", "ce"): "du ", ("à", "ces"): "aux ",
             ("à", "cette"): "à la ", ("à", "cet"): "à l'", ("à", "ce"): "au "}


def standalone(phrase: str) -> str:
    """A phrase said on its own: its demonstrative determiners as definite articles (« l'essor
    de ces locations » → « l'essor des locations »), its relative clause on a pronoun as its
    adjective (« le cadre juridique qui leur est applicable » → « le cadre juridique
    applicable »). A commande's axis points to what its own sentence named; a title or a plan's
    announcement names it."""
    def repl(m: re.Match[str]) -> str:
        prep = m.group("prep").lower() if m.group("prep") else None
        out = _DEFINITE[(prep, m.group("det").lower())]
        return out[:1].upper() + out[1:] if m.group(0)[:1].isupper() else out
    phrase = re.sub(r"\bqui (?:leur|lui) (?:est|sont) ([a-zéèêàâîôûç]+(?:bles?|aires?))\b", r"\1",
                    phrase)
    return _DEMONSTRATIVE.sub(repl, phrase)


_COORDINATED = re.compile(r"\s+et\s+(?=(?:le|la|les|l['’]|un|une|des|du)\b)")


def and_list(items: list[str]) -> str:
    """« a », « a et b », « a, b et c »."""
    items = [str(x) for x in items]
    return ", ".join(items[:-1]) + " et " + items[-1] if len(items) > 1 else "".join(items)


def contract_each(preposition: str, phrase: str) -> str:
    """`contract` before each member of a coordinated noun phrase: « le cadre juridique et les
    sanctions » → « du cadre juridique et des sanctions »; the members of an « entre » are its
    own (« la répartition des rôles entre l'État, le département et le maire »), and so are
    those of a relative clause (« le cadre dans lequel la commune et l'intercommunalité
    organisent le stationnement »)."""
    members: list[str] = []
    for member in _COORDINATED.split(phrase):
        if members and (re.search(r"\bentre\s(?!.*\bet\s)", members[-1]) or re.search(
                r"(?i)\b(?:qui|que|qu['’]|dont|où|lequel|laquelle|lesquels|lesquelles)\s",
                members[-1])):
            members[-1] += f" et {member}"
        else:
            members.append(member)
    return " et ".join(contract(preposition, member) for member in members)


_ACRONYM_AFTER = re.compile(r"\(\s*([A-ZÀ-Þ]{2,8})\s*\)")
_WORD_BEFORE = re.compile(r"[\wÀ-ÿ'’-]+$")
# the small words an acronym skips (« Institut national de recherche pour l'agriculture… »)
_SKIPPED = {"de", "du", "des", "d", "la", "le", "les", "l", "pour", "et", "à", "au", "aux", "en",
            "sur", "par"}


def acronym_expansions(text: str) -> list[tuple[int, int]]:
    """The spans of the names an acronym in parentheses spells, parenthesis included (« l'Institut
    national de recherche pour l'agriculture, l'alimentation et l'environnement (INRAE) », « la
    direction interministérielle de la transformation publique (DITP) »): the words before it
    whose initials, small words skipped, are its letters (two words may share one: « l'agriculture,
    l'alimentation »). None for an acronym of syllables (« DINUM »)."""
    spans = []
    for m in _ACRONYM_AFTER.finditer(text):
        letters = m.group(1).lower()
        end = start = m.start()
        k = len(letters)
        while k and start > 0:
            word = _WORD_BEFORE.search(text[:start].rstrip(" ,"))
            if not word:
                break
            start = word.start()
            token = re.split(r"['’]", word.group(0).lower())[-1]
            if token in _SKIPPED or not token:
                continue
            if token[0] == letters[k - 1]:
                k -= 1
            elif k == len(letters) or token[0] != letters[k]:
                break       # (a word of the letter just read: « l'agriculture, l'alimentation »)
        if not k and end > start:
            spans.append((start, m.end()))
    return spans
