"""Public actors named in French press copy: communes, départements, régions, métropoles,
syndicats, State services and agencies, préfectures, foreign States.

Recognition is rule-based: gazetteers shipped as data in `resources/gazetteer/` (INSEE COG
régions, départements and communes, the 22 métropoles, State bodies and acronyms, foreign
States) and French patterns ("la ville de X", "le département du X", "la région X",
"le syndicat mixte X", "la métropole de X", "la préfecture de X"), plus the anaphora the press
uses ("la commune", "le département", "Elles", "Son projet").

Positions are character offsets in the *normalised* sentence (`fr.normalize.normalize`: straight
apostrophes), the `norm` column of the `sentences` table.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache

from ianote_lib.config import load_yaml, resource_path
from ianote_lib.fr.names import contract, with_article
from ianote_lib.fr.normalize import fold_same_length

ACTOR_TYPES = (
    "commune", "departement", "region", "metropole", "intercommunalite", "syndicat", "etat",
    "agence", "prefecture", "etat_etranger", "collectivite_etrangere", "autre_public",
    "association",
)
ACTOR_TYPE_LABELS = {
    "commune": "commune", "departement": "département", "region": "région",
    "metropole": "métropole", "intercommunalite": "intercommunalité", "syndicat": "syndicat",
    "etat": "État", "agence": "agence ou opérateur de l'État", "prefecture": "préfecture",
    "etat_etranger": "État étranger", "collectivite_etrangere": "collectivité étrangère",
    "autre_public": "autre organisme public",
    "association": "association d'élus ou de collectivités",
}

_UP = "A-ZÀÂÄÉÈÊËÎÏÔÖÙÛÜÇŒ"
_WORD = rf"[{_UP}][\w'-]*"
# A proper name: capitalised words, joined by the particles of French place names.
NAME = rf"{_WORD}(?:(?:\s(?:de la |de l'|de |du |des |d'|la |sur |en |les |lès )?|-|\sd'){_WORD})*"


def name_key(name: str) -> str:
    """Comparison key of a place name: folded, hyphens and apostrophes as spaces."""
    folded = fold_same_length(name)
    folded = re.sub(r"^(?:l'|le |la |les )", "", folded)
    return re.sub(r"[\s'-]+", " ", folded).strip()


@dataclass(frozen=True)
class Actor:
    """A public body. `key` is its identity for merging (a commune and its métropole, or a
    département and a syndicat named after it, share the territory's key)."""

    name: str
    type: str
    key: str
    role: str = "user"  # "regulator": only its own, explicit uses count


@dataclass
class Mention:
    """One mention of one or more actors in a sentence (a coordination gives several)."""

    start: int
    end: int
    surface: str
    actors: tuple[Actor, ...]
    how: str = "name"  # name | pattern | anaphora | pronoun | locative
    oblique: bool = False  # "de X" after a non-agentive head: not a subject
    supporter: bool = False  # "avec le soutien de X", "soutenu par X"
    extra: dict = field(default_factory=dict)


def _read_csv(name: str) -> list[dict[str, str]]:
    path = resource_path("gazetteer", name)
    with open(path, encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))


def _alt(names) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


class Gazetteer:
    """The shipped lists, compiled once."""

    def __init__(self) -> None:
        self.regions: dict[str, Actor] = {}
        self.departements: dict[str, Actor] = {}
        self.dep_ambiguous: set[str] = set()
        self.communes: dict[str, Actor] = {}
        self.commune_ambiguous: set[str] = set()
        self.metropoles: dict[str, Actor] = {}
        self.foreign_cities: set[str] = set()
        region_forms, dep_forms, commune_forms, metro_forms = [], [], [], []
        for row in _read_csv("regions.csv"):
            actor = Actor(f"région {row['name']}", "region", f"reg:{row['code']}")
            for form in [row["name"], *filter(None, row["variants"].split("|"))]:
                self.regions[name_key(form)] = actor
                region_forms.append(form)
        for row in _read_csv("departements.csv"):
            actor = Actor(row["name"], "departement", f"dep:{row['code']}")
            for form in [row["name"], *filter(None, row["variants"].split("|"))]:
                self.departements[name_key(form)] = actor
                if row["ambiguous"] == "1":
                    self.dep_ambiguous.add(name_key(form))
                else:
                    dep_forms.append(form)
        for row in _read_csv("communes.csv"):
            key = name_key(row["name"])
            if key in self.communes:  # homonyms (Saint-Denis 93 / 974): keep the first
                continue
            self.communes[key] = Actor(row["name"], "commune", key)
            if row["ambiguous"] == "1":
                self.commune_ambiguous.add(key)
            else:
                commune_forms.append(row["name"])
        for row in _read_csv("metropoles.csv"):
            actor = Actor(row["name"], "metropole", name_key(row["key"]))
            for form in [row["name"], *filter(None, row["variants"].split("|"))]:
                self.metropoles[name_key(form)] = actor
                metro_forms.append(form)
        bodies = load_yaml("gazetteer", "bodies.yaml")
        self.bodies: list[tuple[re.Pattern, Actor]] = []
        for entry in bodies["bodies"]:
            actor = Actor(entry["name"], entry["type"], "body:" + name_key(entry["name"]),
                          entry.get("role", "user"))
            for pattern in entry["patterns"]:
                self.bodies.append((re.compile(pattern), actor))
        self.foreign: list[tuple[re.Pattern, Actor]] = []
        for forms in bodies["foreign_states"]:
            actor = Actor(forms[0], "etat_etranger", "state:" + name_key(forms[0]))
            self.foreign.append((re.compile(rf"\b(?:{_alt(forms[1:])})\b"), actor))
        self.foreign_cities = {name_key(c) for c in bodies["foreign_cities"]}
        lex = load_yaml("use_case_lexicon.yaml")
        self.agentive_heads = set(lex["agentive_heads"])
        self.supporter_before = [re.compile(p) for p in lex["supporter_before"]]
        self.anaphora = {kind: re.compile(p) for kind, p in lex["actor_anaphora"].items()}
        self.plural_pronoun = re.compile(lex["plural_pronoun"])
        self.possessive = re.compile(lex["possessive"])
        self.patterns = {kind: re.compile(p.replace("{name}", NAME))
                         for kind, p in lex["actor_patterns"].items()}
        b = r"(?<![\w-])"
        e = r"(?![\w-])"
        self.re_region = re.compile(rf"{b}(?:l')?(?:{_alt(region_forms)}){e}")
        self.re_dep = re.compile(rf"{b}(?:l')?(?:{_alt(dep_forms)}){e}")
        self.re_commune = re.compile(rf"{b}(?:{_alt(commune_forms)}){e}")
        self.re_commune_amb = re.compile(
            rf"(?:^|(?<=[\s(]))(?:[Àà]|A) ({_alt(self._originals(self.commune_ambiguous))}){e}")
        self.re_metro = re.compile(rf"{b}(?:la )?(?:{_alt(metro_forms)}){e}")

    def _originals(self, keys: set[str]) -> list[str]:
        return [a.name for k, a in self.communes.items() if k in keys]

    # -- look-ups ---------------------------------------------------------------------------
    def departement(self, name: str) -> Actor | None:
        return self.departements.get(name_key(name))

    def region(self, name: str) -> Actor | None:
        return self.regions.get(name_key(name))

    def commune(self, name: str) -> Actor | None:
        return self.communes.get(name_key(name))

    def departement_inside(self, text: str) -> Actor | None:
        """The département whose name stands inside `text` (longest first)."""
        key = " " + name_key(text) + " "
        best = None
        for form, actor in self.departements.items():
            if f" {form} " in key and (best is None or len(form) > len(best[0])):
                best = (form, actor)
        return best[1] if best else None


@cache
def gazetteer() -> Gazetteer:
    """The shipped gazetteer (built once per process)."""
    return Gazetteer()


# -- finding mentions (patterns: `actor_patterns` in use_case_lexicon.yaml) ----------------
def _split_names(text: str) -> list[str]:
    return [p.strip() for p in re.split(r", | et | ou ", text) if p.strip()]


def _place_actor(name: str, g: Gazetteer, default_type: str = "commune") -> Actor:
    """Actor for a place named after 'la ville de' (a listed commune, a foreign city, or an
    unlisted commune kept as named)."""
    known = g.commune(name)
    if known:
        return known
    if name_key(name) in g.foreign_cities:
        return Actor(name, "collectivite_etrangere", "city:" + name_key(name))
    return Actor(name, default_type, name_key(name))


def _resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest mention where spans overlap (ties: the first found)."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


_LOCATOR_GAP = re.compile(r"\s*(?:\(|,\s*(?:en|dans(?: le| la| les|\s?l'))?)\s*$")


def _mark_locators(text: str, mentions: list[Mention]) -> None:
    """« Libourne, en Gironde », « Loos-en-Gohelle (Pas-de-Calais) »: a département or a
    région right after a local body locates it; it is not a subject of its own."""
    for prev, m in zip(mentions, mentions[1:], strict=False):
        if all(a.type in ("departement", "region") for a in m.actors) \
                and all(a.type not in ("departement", "region") for a in prev.actors) \
                and _LOCATOR_GAP.fullmatch(text[prev.end:m.start]):
            m.oblique = True


def _local_bodies(text: str, g: Gazetteer) -> list[Mention]:
    """Intercommunalités (« la communauté de communes du Pays de X ») and a place opening the
    sentence (« À X, … »), read as a commune whether listed or not."""
    found = []
    for m in g.patterns["intercommunalite"].finditer(text):
        surface = re.sub(r"^(?:la|l') ?", "", m.group(0)[0].lower() + m.group(0)[1:])
        found.append(Mention(m.start(), m.end(), m.group(0),
                             (Actor(surface, "intercommunalite", "epci:" + name_key(m["name"])),),
                             "pattern"))
    for m in g.patterns["place_opening"].finditer(text):
        if not g.departement(m["name"]) and not g.region(m["name"]):
            found.append(Mention(m.start("name"), m.end("name"), m["name"],
                                 (_place_actor(m["name"], g),), "name"))
    return found


def find_mentions(text: str) -> list[Mention]:
    """Named actors of one normalised sentence (no anaphora: see `ActorTracker`)."""
    g = gazetteer()
    found: list[Mention] = []

    def add(match, actors, how="pattern", group=0):
        actors = tuple(a for a in actors if a is not None)
        if actors:
            found.append(Mention(match.start(group), match.end(group), match.group(group),
                                 actors, how))

    for m in g.patterns["ville_metropole"].finditer(text):
        place = _place_actor(m["name"], g)
        add(m, [Actor(f"{place.name} (ville et métropole)", "commune", place.key)])
    for m in g.patterns["syndicat"].finditer(text):
        dep = g.departement_inside(m["name"])
        key = dep.key if dep else "synd:" + name_key(m["name"])
        add(m, [Actor(m.group(0)[0].lower() + m.group(0)[1:], "syndicat", key)])
    for m in g.patterns["metropole"].finditer(text):
        listed = g.metropoles.get(name_key(m.group(0))) or g.metropoles.get(name_key(m["name"]))
        if listed is None:
            commune = g.commune(m["name"].split(" ")[0])
            listed = Actor(m.group(0), "metropole",
                           commune.key if commune else name_key(m["name"]))
        add(m, [listed])
    for m in g.re_metro.finditer(text):
        add(m, [g.metropoles.get(name_key(m.group(0)))], "name")
    for m in g.patterns["villes"].finditer(text):
        names = _split_names(m["names"])
        # (a singular head names one place, what follows is in apposition: « la maire de
        # Drancy, Aude Lagarde », not the towns of Drancy and Aude Lagarde)
        plural = re.match(r"(?i)(?:\w+ )?\w+s ", m.group(0))
        add(m, [_place_actor(n, g) for n in (names if plural else names[:1])])
    found.extend(_local_bodies(text, g))
    for m in g.patterns["departement"].finditer(text):
        add(m, [g.departement(m["name"])])
    for m in g.patterns["region"].finditer(text):
        add(m, [g.region(m["name"])])
    for m in g.patterns["prefecture"].finditer(text):
        place = g.departement(m["name"]) or g.commune(m["name"])
        if place:
            add(m, [Actor(f"préfecture ({place.name})", "prefecture", "pref:" + place.key)])
    for pattern, actor in g.bodies:
        for m in pattern.finditer(text):
            current = actor
            if actor.type == "etat":
                dep = g.departement_inside(m.group(0))
                if dep and dep.name not in actor.name:
                    current = Actor(f"{actor.name} ({dep.name})", actor.type,
                                    actor.key + ":" + dep.key, actor.role)
            add(m, [current], "name")
    for pattern, actor in g.foreign:
        for m in pattern.finditer(text):
            add(m, [actor], "name")
    for m in g.re_region.finditer(text):
        add(m, [g.region(m.group(0))], "name")
    for m in g.re_dep.finditer(text):
        add(m, [g.departement(m.group(0))], "name")
    for m in g.patterns["locative"].finditer(text):  # "En Isère", "dans le Gers"
        dep = g.departement(m["name"])
        if dep and name_key(m["name"]) not in g.dep_ambiguous:
            add(m, [dep], "locative", "name")
    for m in g.re_commune.finditer(text):
        add(m, [g.commune(m.group(0))], "name")
    for m in g.re_commune_amb.finditer(text):
        add(m, [g.commune(m.group(1))], "locative", 1)
    mentions = _resolve_overlaps(found)
    _mark_locators(text, mentions)
    folded = fold_same_length(text)
    for mention in mentions:
        before = folded[max(0, mention.start - 60):mention.start]
        mention.supporter = any(p.search(before) for p in g.supporter_before)
        if mention.how in ("name", "locative") and re.search(r"\b(?:de|d'|du|des)\s?$", before):
            head = re.findall(r"([a-z]+)\s+(?:de|d'|du|des)\s?(?:l')?$", before)
            surface_low = folded[mention.start:mention.end]
            article_inside = surface_low.startswith(("l'", "la ", "le "))
            if not head and article_inside:
                head = re.findall(r"([a-z]+)\s+(?:de|d')\s?$", before)
            mention.oblique = mention.oblique or not (head and head[-1] in g.agentive_heads)
    return mentions


class ActorTracker:
    """Reads the sentences of one document in order and resolves anaphora: "la commune",
    "le département", "la région", "le syndicat", plural pronouns ("Elles", "Les deux")
    and possessives ("Son projet")."""

    def __init__(self) -> None:
        self.last_by_type: dict[str, tuple[int, Actor]] = {}
        self.last_sentence_actors: tuple[Actor, ...] = ()
        self.last_subject: tuple[Actor, ...] = ()
        self.last_subject_index = -10
        self.index = -1

    def reset(self) -> None:
        self.__init__()

    def read(self, text: str, heading: bool = False) -> list[Mention]:
        """Mentions of the sentence, anaphora resolved; updates the memory."""
        self.index += 1
        mentions = find_mentions(text)
        if heading:
            return mentions
        g = gazetteer()
        for kind, pattern in g.anaphora.items():
            for m in pattern.finditer(text):
                if any(x.start <= m.start() < x.end for x in mentions):
                    continue
                earlier = [x for x in mentions if x.end <= m.start()
                           and any(a.type == kind for a in x.actors)]
                if earlier:
                    actor = next(a for a in earlier[-1].actors if a.type == kind)
                elif kind in self.last_by_type and self.index - self.last_by_type[kind][0] <= 8:
                    actor = self.last_by_type[kind][1]
                else:
                    continue
                mentions.append(Mention(m.start(), m.end(), m.group(0), (actor,), "anaphora"))
        plural = g.plural_pronoun.match(text)
        if plural and not [m for m in mentions if m.start < 40] and \
                len(self.last_sentence_actors) > 1:
            mentions.append(Mention(0, plural.end(), plural.group(0),
                                    self.last_sentence_actors, "pronoun"))
        possessive = g.possessive.match(text)
        if possessive and self.last_subject and not mentions \
                and self.index - self.last_subject_index <= 1:
            mentions.append(Mention(0, possessive.end(), possessive.group(0),
                                    self.last_subject, "pronoun"))
        mentions.sort(key=lambda m: m.start)
        actors = tuple(dict.fromkeys(a for m in mentions if not m.supporter for a in m.actors))
        if actors:
            self.last_sentence_actors = actors
            users = [m for m in mentions if not m.supporter and not m.oblique
                     and all(a.role == "user" for a in m.actors)]
            if users:
                self.last_subject = users[0].actors
                self.last_subject_index = self.index
        for m in mentions:
            for a in m.actors:
                self.last_by_type[a.type] = (self.index, a)
        return mentions


@cache
def departement_articles() -> dict[str, str]:
    """The article of each département's name (« l' » Isère, « le » Gers, « la » Gironde, « les »
    Yvelines), from the gazetteer."""
    return {row["name"]: row["article"] for row in _read_csv("departements.csv")}


def actor_in_sentence(actor: str, actor_type: str) -> str:
    """A local actor named in running text, with its article: « le département de l'Isère »,
    « le département du Gers », « la région Île-de-France », « la commune de Plaisir »…; a
    commune keeps its bare name (« Montpellier »)."""
    name = re.sub(r"\s*\([^)]*\)", "", " ".join(str(actor).split())).strip()
    article = departement_articles().get(name)
    if actor_type == "departement" and article is not None:
        named = f"{article}{name}" if article.endswith("'") else f"{article} {name}".strip()
        return f"le département {contract('de', named)}"
    return with_article(name)
