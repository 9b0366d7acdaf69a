"""How a sentence that points back is completed from its document: by what the title names,
by the noun phrase the sentence before says, by the subject its document speaks of.

A page about one report, one tool or one programme names it in its title (« Rapport local de
suivi de l'artificialisation des sols », « Présentation de l'outil ma cantine », « Bénéfriches »)
and then calls it « le rapport », « l'outil », « ce programme ». Such a sentence points back to
the title, not to the sentence before it: the note completes it with the title's words
(« Le rapport local de suivi de l'artificialisation des sols est transmis… », « L'outil
Bénéfriches a d'autres externalités… ») instead of rejecting it. Only the nouns of what a
document names count (`style.yaml actor_nouns` and `artefact_nouns`: « ce rapport »,
« l'outil », not « cette transformation »). Two readings of a title:

- the title holds the noun with what says which one (« …de l'outil ma cantine », « …du
  programme DCANT »): those words, up to a colon, a parenthesis or a preposition other than
  « de »;
- for an artefact (`style.yaml artefact_nouns`: a tool, a platform…), the title opens on a name
  (« Mutafriches : définir… », « UrbanVitaliz (Friches) : … »): one word that is no French word,
  or words that all open on a capital.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ianote_lib.fr.lemmas import is_known
from ianote_lib.fr.names import contract
from ianote_lib.fr.normalize import fold, normalize
from ianote_lib.note.anaphora import ContextNeed, leading_connectors, named_nouns
from ianote_lib.note.text import lower_first, proper_nouns, style, upper_first, years_in

_MAX_WORDS = 8
# where the words that say which one end: a colon, a parenthesis, a dash, a comma, or a
# preposition other than « de » (« l'outil X pour les cantines »); « en », « et » between two
# capitals stay in the name (« le service de Conseil en Energie Partagé »)
_END = re.compile(r"\s*(?:[:(,;–—]|\s-\s|\b(?:pour|sur|dans|avec|à|au|aux|par|contre|entre|"
                  r"vers|chez|ou)\b|\b(?:en|et)\b(?!\s+(?-i:[A-ZÀ-Þ])))")
_ARTICLES = {"ce": "le ", "cet": "l'", "cette": "la ", "ces": "les "}


def _which(title: str, noun: str) -> str:
    """The words of `title` that say which `noun` it names (« ma cantine » for « l'outil »
    in « Présentation de l'outil ma cantine »), '' when it names none."""
    m = re.search(rf"(?i)\b{re.escape(noun)}\s+(?P<rest>\S.*)$", title)
    if m:
        quoted = re.match(r"«[^»]+»", m.group("rest"))     # a name in guillemets, whole
        rest = (quoted.group(0) if quoted
                else _END.split(m.group("rest"), maxsplit=1)[0].strip(" .!?…"))
        if rest and len(rest.split()) <= _MAX_WORDS and not re.match(r"(?i)(?:de|du|des|d')$",
                                                                     rest):
            return rest
    if noun not in style()["artefact_nouns"]:
        return ""
    lead = re.split(r"\s*[:(–—]|\s-\s", title, maxsplit=1)[0].strip()
    words = lead.split()
    if len(words) == 1 and re.match(r"[A-ZÀ-Þ]", lead) and (
            not is_known(lead) and not is_known(lead.lower())):
        return lead
    if 2 <= len(words) <= 4 and all(re.match(r"[A-ZÀ-Þ]", w) for w in words):
        return lead
    return ""


# a place a title names: a name with its capital after « à » or « ville de » (« …quel bilan
# cinq ans après à Grenoble ? », « À Saint-Médard-en-Jalles, un centre… », « Ville de Tours :
# Gescime… »), a town of the gazetteer anywhere when its name is no French word (« Lille passe
# au 30 km/h », « Saint-Malo : la réglementation… »; not « Cours d'écoles… »), a département or
# a région of the gazetteer (« Le centre de santé de Saône-et-Loire… »)
_PLACE = re.compile(r"(?<![\w-])(?:(?:Le|La|Les)\s|L')?[A-ZÀ-Þ][\w'-]*"
                    r"(?:\s(?:sur|sous|en|lès)\s[A-ZÀ-Þ][\w'-]*)?")
_PLACE_LEAD = re.compile(r"(?:\b[àÀ]|\b(?:[Vv]ille|[Cc]ommune|[Mm]airie)\sd(?:e|'))\s?$")


def title_places(title: str, lower: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """The towns a document's `title` names, and its départements and régions: a document
    so titled tells one place's story. A name outside the gazetteer that the dossier writes in
    lower case (`lower`: « l'accès à internet ») is a word, not a town."""
    from ianote_lib.use_cases.actors import gazetteer, name_key

    g = gazetteer()
    title = normalize(title).replace("’", "'")
    towns: list[str] = []
    areas: list[str] = []
    for m in _PLACE.finditer(title):
        name = m.group(0)
        word = is_known(name.lower())
        led = _PLACE_LEAD.search(title[:m.start()])
        key = name_key(name)
        # (« Paris » is a word too, and a département: the town)
        if (led and not word and name.lower() not in lower) or (g.commune(name) and (
                led or not word or key in g.departements)):
            towns.append(name)
        elif key in g.departements or key in g.regions:
            areas.append(name)
    return list(dict.fromkeys(towns)), list(dict.fromkeys(areas))


def _title_commune(title: str) -> str | None:
    """The one town a title names (`title_places`), None otherwise."""
    towns = title_places(title)[0]
    return towns[0] if len(towns) == 1 else None


# what names a scope wider than one place's story: a category of actors (`style.yaml
# category_nouns`, « les communes »), the country (« nationale », « français »; « en France »
# is a name), a quantifier over many (« plusieurs », « certaines », « la plupart »)
_WIDE = re.compile(r"(?i)\b(?:nationa(?:l|le|les|ux)|français(?:e|es)?|pays|Hexagone|"
                   r"métropolitain(?:e|es|s)?|plusieurs|certain(?:e|es|s)?|la plupart|"
                   r"de nombreu(?:x|ses)|beaucoup|la majorité|tou(?:s|tes) les)\b")


def needs_place(text: str, tense: str) -> bool:
    """Whether a sentence tells what happened once, somewhere, without saying where: its main
    verb in a past (`tense`: « passé », « imparfait »), no year, no name, nothing wider than
    one place (`_WIDE`, a category of actors), and its subject neither a plural nor a name
    (« Mille excès de vitesse ont été relevés en un après-midi », « Il a fallu distribuer dans
    chaque boîte aux lettres un tract… », « Le nombre d'accidents par an est passé de 70 à
    51… »). Quoted alone, the reader cannot tell where it happened."""
    if tense not in ("passé", "imparfait"):
        return False
    body = normalize(text).strip()
    bare = leading_connectors().sub("", body)
    first = re.match(r"[\w'-]+", bare)
    if (not first or body[:1] in "«\"“" or years_in(body) or proper_nouns(bare)
            or _WIDE.search(body) or re.search(rf"(?i)\b(?:{'|'.join(style()['category_nouns'])})"
                                               r"\b", body)):
        return False
    # (a first word that keeps its capital is a name: « Bègles s'est proclamée… »)
    return not (re.match(r"(?i)(?:les|des|ces|leurs|nos|vos|ses)\b", bare)
                or bare[:1].isupper() and lower_first(bare) == bare)


def place_completion(text: str, town: str) -> str:
    """The sentence told where it happened, after the connectors it opens on (« Au total, 600
    panneaux ont été installés… » → « Au total, à Lille, 600 panneaux… »)."""
    body = normalize(text).strip()
    lead = leading_connectors().match(body)
    cut = lead.end() if lead else 0
    where = contract("à", town) + ", "
    if not cut:
        return upper_first(where) + lower_first(body)
    return body[:cut] + where + body[cut:]


def _title_actor(title: str) -> str | None:
    """The actor a title names with its article and what says which, a name among it (« le
    centre de santé de Saône-et-Loire »), for a noun that stands in for it."""
    nouns = "|".join(n for n in style()["actor_nouns"] if n not in style()["stand_in_nouns"])
    for m in re.finditer(rf"(?i)\b(?P<det>le |la |l')(?P<noun>{nouns})\b", title):
        which: list[str] = []
        # (its complements: a word after « de », a name, « en » or « et » between two names)
        for word in title[m.end():].split():
            after_de = bool(which) and which[-1].lower() in ("de", "du", "des", "d'")
            if not (word.lower() in ("de", "du", "des", "d'") or after_de or word[:1].isupper()
                    or (word in ("en", "et") and which and which[-1][:1].isupper())):
                break
            which.append(word.rstrip(",;:.!?"))
            if word != which[-1]:
                break
        while which and not which[-1][:1].isupper():
            which.pop()
        if which:
            return (m.group("det") + m.group("noun")).lower() + " " + " ".join(which)
    return None


def title_completion(text: str, need: ContextNeed, title: str) -> str | None:
    """The sentence with the noun its `need` points back to completed by what the document's
    `title` names (« Le rapport est transmis… » → « Le rapport local de suivi… est
    transmis… »; « Ce rapport doit… » → « Le rapport local de suivi… doit… »), None when the
    title names nothing for it. The words the sentence already holds are not repeated."""
    if (need.kind not in ("definite", "demonstrative") or not title
            or need.noun not in named_nouns()):
        return None
    if need.kind == "definite" and need.noun in style()["place_nouns"]:
        place = _title_commune(normalize(title).replace("’", "'"))
        if place is None:
            return None
        body = normalize(text)
        return body[:need.end] + " de " + place + body[need.end:]
    if need.kind == "definite" and need.noun in style()["stand_in_nouns"]:
        actor = _title_actor(normalize(title).replace("’", "'"))
        if actor is None:
            return None
        body = normalize(text)
        start = upper_first(actor) if need.start == 0 else actor
        return body[:need.start] + start + body[need.end:]
    name = _which(normalize(title).replace("’", "'"), need.noun)
    if not name:
        return None
    body = normalize(text)
    if need.kind == "definite":
        end = need.end
        start = body[:end]
    else:
        m = re.search(rf"(?i)\b(?P<det>ce|cet|cette|ces)\s+{re.escape(need.noun)}\b", body)
        if m is None:
            return None
        det = _ARTICLES[m.group("det").lower()]
        if det == "le " and re.match(r"(?i)[aeiouyéèêàâîôûh]", need.noun):
            det = "l'"
        before, phrase = body[:m.start()], det + need.noun
        preposition = re.search(r"(?i)\b(de|à) $", before)
        if preposition:     # « l'élaboration de ce programme » → « …du programme »
            phrase = contract(preposition.group(1).lower(), phrase)
            before = before[:preposition.start()]
        start = before + phrase
        if m.start() == 0:
            start = upper_first(start)
        end = m.end()
    if name.lower() in body.lower():
        return start + body[end:]           # (« Cet outil, ma cantine, … » names it already)
    glue = "" if name.startswith("d'") else " "
    return start + glue + name + body[end:]


_ARTICLE_NUMBER = {"le": "s", "la": "s", "l'": "s", "les": "p"}
# words of a parsed noun phrase that do not say which (« les principes tels [que…] ») or that
# join a complement the demonstrative did not have (« le programme aux associations »)
_NOT_WHICH = {"tel", "tels", "telle", "telles", "même", "mêmes", "autre", "autres", "à", "au",
              "aux"}
_DEMONSTRATIVE_NUMBER = {"ce": "s", "cet": "s", "cette": "s", "ces": "p"}


def demonstrative_completion(text: str, need: ContextNeed, phrases: list[str]) -> str | None:
    """The sentence with its demonstrative noun phrase (« ces données », « cette stratégie »)
    replaced by the one noun phrase of the previous sentence (`phrases`, with their articles:
    the parse's `noun_phrases`) that has the same noun and says which (an adjective or a
    complement after it: « les données publiques »), contracted after « de » and « à »; None
    when the demonstrative already says which (« ces données essentielles »), when the previous
    sentence names none or several such phrases, or when their numbers differ."""
    if need.kind != "demonstrative" or not need.noun:
        return None
    body = normalize(text)
    m = re.search(rf"(?i)(?:\b(?P<prep>de|à)\s+)?\b(?P<det>ce|cet|cette|ces)\s+"
                  rf"{re.escape(need.noun)}\b(?P<after>\s+[\w'’-]+)?", body)
    if not m:
        return None
    options = []
    for phrase in phrases:
        article, _, rest = normalize(phrase).replace("l'", "l' ", 1).partition(" ")
        words = rest.split()
        if (len(words) > 1 and words[0] == need.noun and article.lower() in _ARTICLE_NUMBER
                and not _NOT_WHICH & {w.lower() for w in words}):
            options.append((article.lower(), phrase.replace("l' ", "l'")))
    after = (m.group("after") or "").strip()
    if after[:1].isupper():
        return None             # « ce programme DCANT »: a name says which
    if (len({p for _, p in options}) != 1
            or (after and after.lower() in options[0][1].lower().split())
            or _ARTICLE_NUMBER[options[0][0]] != _DEMONSTRATIVE_NUMBER[m.group("det").lower()]):
        return None
    phrase = options[0][1]
    written = contract(m.group("prep").lower(), phrase) if m.group("prep") else phrase
    if (m.group("prep") and m.group("prep")[0].isupper()) or m.start() == 0:
        written = upper_first(written)
    end = m.end("after") - len(m.group("after")) if m.group("after") else m.end()
    return body[:m.start()] + written + body[end:]


_DEFINITE = {"ce": "le", "cet": "l'", "cette": "la", "ces": "les"}


@lru_cache(maxsize=1024)
def _folded(document: str) -> str:
    return fold(normalize(document))


def subject_completion(text: str, need: ContextNeed, documents: dict[int, str]) -> str | None:
    """The sentence with its demonstrative noun phrase made definite when the phrase it opens
    (its noun and the word after it) is one that at least a third of the dossier's documents
    (`documents`: each one's text), three at least, name: the dossier's subject, which has no
    other referent (« Cette tarification incitative, payée en fonction de la quantité…,
    permet de réduire de 30 %… » → « La tarification incitative… »); None otherwise."""
    if need.kind != "demonstrative" or not need.noun:
        return None
    body = normalize(text)
    m = re.search(rf"(?i)(?:\b(?P<prep>de|à)\s+)?\b(?P<det>ce|cet|cette|ces)\s+"
                  rf"(?P<np>{re.escape(need.noun)}\s+(?P<after>[a-zà-ÿ'’-]+))\b", body)
    if not m or len(m.group("after")) < 4 or not is_known(m.group("after")):
        return None
    phrase = re.compile(rf"\b{re.escape(fold(m.group('np')))}\b")
    naming = sum(1 for d in documents.values() if phrase.search(_folded(d)))
    if naming < max(3, len(documents) / 3):
        return None
    det = m.group("det").lower()
    article = "l'" if det == "cette" and fold(need.noun)[:1] in "aeiouyh" else _DEFINITE[det]
    written = article + ("" if article.endswith("'") else " ") + m.group("np")
    if m.group("prep"):
        written = contract(m.group("prep").lower(), written)
    if m.start() == 0:
        written = upper_first(written)
    return body[:m.start()] + written + body[m.end():]


# the town that published a page: its source line opens on it (« Source : Ville de
# Mouans-Sartoux, mouans-sartoux.net, … », « Source : Mairie de La Vernaz, … »)
_TOWN_SOURCE = re.compile(r"Source\s*:\s*(?:Ville|Commune|Mairie|Municipalité)\s+d(?:e\s+|['’])"
                          r"(?P<name>[A-ZÀ-Þ][\w'’-]*(?:\s(?:[a-z]{1,3}\s)?[A-ZÀ-Þ][\w'’-]*)*)")
_TOWN_NOUNS = frozenset({"commune", "ville", "mairie", "municipalité", "village", "bourg"})


def source_completion(text: str, need: ContextNeed, document: str) -> str | None:
    """« De 40 hectares, la municipalité est passée à 112 hectares… » in a page a town
    published: that town's (« la municipalité de Mouans-Sartoux »), named after the noun; None
    for a page no town published, or a need of another noun."""
    if need.kind != "definite" or need.noun not in _TOWN_NOUNS:
        return None
    m = _TOWN_SOURCE.search(normalize(document))
    if not m:
        return None
    name = m.group("name")
    glue = " d'" if name[0].lower() in "aeiouyéèêàâîôû" else " de "
    body = normalize(text)
    return body[:need.end] + glue + name + body[need.end:]

