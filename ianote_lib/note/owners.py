"""Whose a possessive or a personal pronoun is (`note.anaphora.context_needs`): an owner the
sentence names before it, or one a sentence before names.

A possessive at the head of a sentence (« Son budget… »), after opening phrases that name
nothing (« Désormais, leurs missions… »), in the complement of the noun it opens on (« Le
déploiement de ses différentes activités… »), or in an opening phrase whose subject cannot be
its owner (« Dans son sillage, de nouveaux acteurs… ») has its owner before the sentence
(`owner_before`); so has a subject pronoun no noun of the phrases before it agrees with
(`may_stand_for`: « Aujourd'hui, sur un budget de 6,2 millions d'euros, elle a classé… »).
"""

from __future__ import annotations

import re

# a word that names something a pronoun or a possessive after it may stand for
# (an article, or a name after the phrase's first word)
_NAMING = re.compile(r"(?i)(?:^|\s)(?:l'|l’|le |la |les |un |une |des |du |ce |cette |ces )|"
                     r"(?<=\s)(?-i:[A-ZÀ-Þ])\w*[a-zà-ÿ]")


def owner_before(bare: str) -> bool:
    """Whether a possessive of the sentence `bare` (its leading connectors gone) stands for an
    owner a sentence before it names."""
    # (at its head, or after an opening phrase that names nothing it could stand for:
    # « Désormais, leurs missions… sont posées par la loi », « En 2021, son budget… »)
    opened = re.match(r"(?i)^((?:[^,]{2,40},\s+){1,2})(?:son|sa|ses|leur|leurs)\s", bare)
    # (or inside the noun phrase the sentence opens on: « Le déploiement de ses différentes
    # activités s'est fait… », « L'essentiel de leurs ressources… »)
    inside = _POSSESSIVE_IN_SUBJECT.match(bare)
    return bool(re.match(r"(?i)^(son|sa|ses|leur|leurs)\s", bare) or any(
        m and not re.search(_NAMING, m.group(1)) for m in (opened, inside))
        or _possessive_before_subject(bare))


# the determiners of the nouns a personal pronoun may stand for, by pronoun (« il » is left out:
# it may be impersonal, « Avec la loi, il devient possible… »)
_AGREEING = {"elle": ("la", "l'", "une", "cette"), "elles": ("les", "des", "ces", "aux"),
             "ils": ("les", "des", "ces", "aux")}


def may_stand_for(opening: str, rest: str) -> bool:
    """Whether the pronoun that opens `rest` (after the comma that ends the `opening` phrase)
    agrees with a noun the phrase names: « Aujourd'hui, sur un budget de 6,2 millions d'euros,
    elle a classé… » names no feminine noun, the commune is in the sentence before."""
    pronoun = re.match(r"[,\s]*(\w+)", rest)
    wanted = _AGREEING.get(pronoun.group(1).lower()) if pronoun else None
    if wanted is None:
        return True
    dets = re.findall(r"(?i)(?:^|\s)(l['’]|(?:les|le|la|une|un|des|du|cette|ces|ce|aux|au)"
                      r"(?=\s))", opening)
    return any(d.lower().replace("’", "'") in wanted for d in dets)


# a possessive in the complement of the noun a sentence opens on (after opening phrases that
# name nothing), its owner before it
_POSSESSIVE_IN_SUBJECT = re.compile(r"(?i)^((?:[^,]{2,40},\s+){0,2})(?:le|la|les|l['’])\s?"
                                    r"(?:mise en (?:œuvre|place)|[a-zà-ÿœ-]+)\s+"
                                    r"(?:de|d['’])\s?(?:son|sa|ses|leur|leurs)\s")


# a possessive in the phrase a sentence opens on, then the subject of its clause (« Dans son
# sillage, de nouveaux acteurs… », « Concernant leur composition, le CGET rapporte… »)
# (a date between them, a count for subject: « L'année suivant son adoption, en 1972, 804
# mariages ont été enregistrés », « Selon la troisième édition de leur baromètre, plus de
# 750 000 personnes… »)
_OPENING_POSSESSIVE = re.compile(r"(?i)^[^,]{0,40}\b(?P<pos>son|sa|ses|leur|leurs)\s[^,]{1,40},"
                                 r"(?:\s+(?:en|dès|depuis) [^,]{1,25},)?"
                                 r"\s+(?P<det>(?:les|le|la|l['’]|des|de|d['’]|du|un|une|"
                                 r"plusieurs|certains|certaines|quelques|nombre|plus|moins|"
                                 r"près|environ)\b|\d)")


def _possessive_before_subject(bare: str) -> bool:
    """Whether a possessive in the phrase a sentence opens on stands for something before it:
    the subject after the phrase cannot be its owner, being indefinite (« Dans son sillage,
    de nouveaux acteurs… ») or of the other number (« Concernant leur composition, le CGET
    rapporte… »); « Dans son rapport, la Cour des comptes estime… » names its owner after."""
    m = _OPENING_POSSESSIVE.match(bare)
    # (the setting up of what the document is about: « En amont de sa mise en place, les
    # collectivités doivent communiquer » speaks of the permis de louer its page is on)
    if m is None or re.match(r"(?i)(?:mise|création|déploiement|lancement|instauration|"
                             r"généralisation|entrée en vigueur)\b", bare[m.end("pos"):].strip()):
        return False
    det = m.group("det").lower().replace("’", "'")
    if det not in ("les", "le", "la", "l'"):
        return True
    plural_owner = m.group("pos").lower().startswith("leur")
    return plural_owner != (det == "les")
