"""The plan of the note: two parts, two sub-parts each, and what each sub-part gathers.

A plan is built for the dossier and its commande (`note.built_plan`: the commande's axes, else
the classic frame the statements' functions support), or read from a plan file (YAML: titles,
chapeaux, transitions and the problématique are templates; each sub-part lists `topics`, each
a set of weighted terms that the content selection matches against the dossier's sentences).
The product ships no plan written for one dossier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ianote_lib.config import safe_load
from ianote_lib.errors import IanoteError
from ianote_lib.fr.lemmas import content_lemmas, lemma_tokens
from ianote_lib.fr.names import and_list, contract_each, standalone
from ianote_lib.fr.normalize import fold, normalize
from ianote_lib.note.built_plan import broad_axis, built_plan_data, frames
from ianote_lib.note.text import fill_template, lower_first, title_case_words
from ianote_lib.tfidf import tfidf_matrix
from ianote_lib.topics import clustering

LETTERS = ("A", "B")
USE_CASES = "use_cases"
USE_CASE_FAILURES = "use_case_failures"
DRAWS_ON = (USE_CASES, USE_CASE_FAILURES)
ROMANS = ("I", "II")


@dataclass
class Topic:
    """A group of weighted terms: one paragraph of a sub-part."""

    name: str
    terms: dict[str, float]

    def phrases(self) -> list[tuple[tuple[str, ...], float]]:
        """Terms as lemma sequences with their weights."""
        out = []
        for term, weight in self.terms.items():
            lemmas = tuple(lemma_tokens(str(term)))
            if lemmas:
                out.append((lemmas, float(weight)))
        return out


@dataclass
class SubPart:
    key: str            # "I.A"
    title: str
    topics: list[Topic]
    transition: str = ""    # one sentence leading from this sub-part to the next (A → B)
    # optional tables the sub-part draws on: "use_cases" (the uses of the dossier, by domain),
    # "use_case_failures" (the abandoned uses, told as lessons)
    draws_on: list[str] = field(default_factory=list)
    words: int | None = None    # own word target (else an equal share of the body)
    # the functions of the statements it gathers (note.functions; empty: any)
    functions: list[str] = field(default_factory=list)
    # the sentences filed under it when the plan was built (empty: any sentence may compete)
    members: list[str] = field(default_factory=list)
    # the title once its statements are known ({ideas}: the phrases they share, note.titles)
    idea_title: str = ""
    # the sentences that speak its axis (its words or what it calls for): a sub-part whose axis
    # they do not speak does not tell them
    claims: list[str] = field(default_factory=list)
    # its `title` and `idea_title` by the function most of its statements have, when it gathers
    # several (« apport » in a sub-part of risks and benefits: benefits are not difficulties)
    idea_titles: dict[str, dict[str, str]] = field(default_factory=dict)
    # the frame's title, once a title that states what the sub-part says (its claim,
    # note.titles.claim_title) has replaced it
    frame_title: str = ""


@dataclass
class Part:
    key: str            # "I"
    title: str
    chapeau: str
    transition: str
    chapeau_terms: dict[str, float]
    subparts: list[SubPart]


@dataclass
class Plan:
    """Two parts of two sub-parts, the templates that frame them and where they come from."""

    name: str
    source: str
    parts: list[Part]
    intro: dict[str, Any] = field(default_factory=dict)
    conclusion: dict[str, Any] = field(default_factory=dict)
    body_words: int = 1540
    focus_terms: dict[str, float] = field(default_factory=dict)
    avoid_terms: dict[str, float] = field(default_factory=dict)
    reason: str = ""        # why this plan was chosen (French, shown to the analyst)

    @property
    def subparts(self) -> list[SubPart]:
        return [sp for part in self.parts for sp in part.subparts]

    def drawing_on(self, table: str) -> list[SubPart]:
        """The sub-parts that draw on an optional table ("use_cases", "use_case_failures")."""
        return [sp for sp in self.subparts if table in sp.draws_on]

    def budgets(self, active: bool = True) -> dict[str, float]:
        """Word target of each sub-part: its own `words` when the plan gives one (and `active`:
        the table it draws on exists), the rest of `body_words` shared equally by the others."""
        own = {sp.key: float(sp.words) for sp in self.subparts if sp.words and active}
        rest = [sp.key for sp in self.subparts if sp.key not in own]
        share = max(self.body_words - sum(own.values()), 0) / max(len(rest), 1)
        return {sp.key: own.get(sp.key, share) for sp in self.subparts}

    def section(self, key: str) -> Part | SubPart:
        for part in self.parts:
            if part.key == key:
                return part
            for sp in part.subparts:
                if sp.key == key:
                    return sp
        raise KeyError(key)

    def table(self) -> pd.DataFrame:
        """The plan as a table (section, title, topics and their main terms) for display."""
        rows = []
        for part in self.parts:
            rows.append({"section": part.key, "titre": part.title, "thème": "", "termes": ""})
            for sp in part.subparts:
                rows.append({"section": sp.key, "titre": sp.title, "thème": "", "termes": ""})
                if sp.draws_on:
                    rows.append({"section": sp.key, "titre": "", "thème": "tables",
                                 "termes": ", ".join(sp.draws_on)})
                for topic in sp.topics:
                    top = sorted(topic.terms.items(), key=lambda kv: -kv[1])[:8]
                    rows.append({"section": sp.key, "titre": "", "thème": topic.name,
                                 "termes": ", ".join(f"{t} ({w:g})" for t, w in top)})
        return pd.DataFrame(rows)


def _mapping(value: Any, where: str, key: str) -> dict[Any, Any]:
    """A key of a plan file that must map names to values (`terms`: a term to its weight;
    `idea_titles`: a function to its titles), {} when absent."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise IanoteError(f"{where} : « {key} » doit associer des noms à des valeurs "
                          "(une ligne « nom: valeur » par entrée).")
    return dict(value)


def plan_from_dict(data: dict[str, Any], source: str) -> Plan:
    """Validate a parsed plan file and build the Plan (two parts of two sub-parts)."""
    parts_data = data.get("parts") or []
    if len(parts_data) != 2 or any(len(p.get("subparts") or []) != 2 for p in parts_data):
        raise IanoteError(f"Le plan {source} doit avoir deux parties de deux sous-parties.")
    parts = []
    for i, pdata in enumerate(parts_data):
        subparts = []
        for j, sdata in enumerate(pdata["subparts"]):
            where = f"La sous-partie « {sdata.get('title')} » du plan {source}"
            topics = [Topic(str(t.get("name", f"t{k}")), _mapping(t.get("terms"), where, "terms"))
                      for k, t in enumerate(sdata.get("topics") or [])]
            if not topics and sdata.get("terms"):
                topics = [Topic("main", _mapping(sdata["terms"], where, "terms"))]
            if not topics:
                raise IanoteError(f"La sous-partie « {sdata.get('title')} » du plan {source} "
                                  "n'a aucun terme.")
            draws = sdata.get("draws_on") or []
            draws = [draws] if isinstance(draws, str) else [str(d) for d in draws]
            unknown = set(draws) - set(DRAWS_ON)
            if unknown:
                raise IanoteError(f"La sous-partie « {sdata.get('title')} » du plan {source} "
                                  f"puise dans une table inconnue : {', '.join(sorted(unknown))}.")
            words = sdata.get("words")
            subparts.append(SubPart(f"{ROMANS[i]}.{LETTERS[j]}", str(sdata["title"]).strip(),
                                    topics, " ".join(str(sdata.get("transition") or "").split()),
                                    draws, int(words) if words else None,
                                    [str(f) for f in sdata.get("functions") or []],
                                    [str(m) for m in sdata.get("members") or []],
                                    str(sdata.get("idea_title") or "").strip(),
                                    [str(m) for m in sdata.get("claims") or []],
                                    {str(k): {str(a): str(b) for a, b in
                                              _mapping(v, where, "idea_titles").items()}
                                     for k, v in _mapping(sdata.get("idea_titles"), where,
                                                          "idea_titles").items()}))
        parts.append(Part(ROMANS[i], str(pdata["title"]).strip(),
                          str(pdata.get("chapeau") or "").strip(),
                          str(pdata.get("transition") or "").strip(),
                          dict(pdata.get("chapeau_terms") or {}), subparts))
    return Plan(name=str(data.get("name", Path(source).stem)), source=source, parts=parts,
                intro=dict(data.get("intro") or {}), conclusion=dict(data.get("conclusion") or {}),
                body_words=int(data.get("body_words", 1540)),
                focus_terms=dict(data.get("focus_terms") or {}),
                avoid_terms=dict(data.get("avoid_terms") or {}))


def load_plan_file(path: str | Path) -> Plan:
    """Read a plan YAML file."""
    path = Path(path)
    if not path.exists():
        raise IanoteError(f"Le fichier de plan {path} est introuvable.")
    with open(path, encoding="utf-8") as handle:
        data = safe_load(handle) or {}
    return plan_from_dict(data, str(path))


def choose_plan(spec: str | Path | None, objet: str, sentences: pd.DataFrame,
                axes: list[str] | None = None) -> Plan:
    """The plan asked for: "default" or "auto" (the plan built for the dossier and its
    commande, `note.built_plan`), or the path of the analyst's plan file. `Plan.reason` says
    why, in French."""
    spec = "default" if spec in (None, "") else str(spec)
    if spec in ("default", "auto"):
        # (an axis's « ces locations » points to its own sentence: the plan names them)
        plan = built_plan(sentences, objet, [standalone(a) for a in axes or []])
    else:
        plan = load_plan_file(spec)
        plan.reason = f"plan du fichier {spec}."
    subject, audience = commande_terms(objet)
    plan.intro.setdefault("subject_terms", subject)
    if not plan.focus_terms:
        # without an objet, a built plan's subject is the one the dossier names most
        plan.focus_terms = {**(subject or plan.intro.get("subject_terms") or {}), **audience}
    return plan


# ----------------------------------------------------------------------------- the commande

_FRAMES = re.compile(
    r"(?i)^(?:une note |la note )?(?:sur |relative |consacrée )?(?:à |aux? )?"
    r"(?:(?:les|la|le|l')\s*)?(?:enjeux|enjeu|questions?|place|r[ôo]le|impacts?|défis?|"
    r"perspectives?|opportunités?|risques?|apports?|conséquences?|effets?|usages?|"
    r"utilisations?|développement|déploiement|avenir)\s+(?:de la |de l'|des |du |de |d')")
_AUDIENCE = re.compile(r"(?i)\s+(?:pour|dans|au sein d(?:e|es|u)|au service d(?:e|es|u)|"
                       r"chez|auprès d(?:e|es|u)|par)\s+")


@cache
def _owner() -> re.Pattern[str]:
    """The local body an object ends on, whose subject it is (« la rénovation énergétique des
    bâtiments publics de la commune », « la cybersécurité de l'agglomération et de ses
    communes membres », `frames.yaml object_bodies`): the audience, not the subject."""
    body = "(?:" + "|".join(frames()["object_bodies"]) + ")(?: membres)?"
    of = r"(?:de la|de l['’]|du|des|de ses|d['’]une?)"
    return re.compile(rf"(?i)\s+{of}\s*(?={body}(?:\s+et\s+{of}\s*{body})?$)")


def commande_terms(objet: str) -> tuple[dict[str, float], dict[str, float]]:
    """The subject of the commande's object and its audience, as weighted terms:
    "les enjeux de l'intelligence artificielle pour les collectivités territoriales" →
    ({"intelligence artificielle": 3, "intelligence": 1, "artificiel": 1},
     {"collectivités territoriales": 3, "collectivité": 1.5, "territorial": 1.5})."""
    text = normalize(" ".join(str(objet).split())).strip().rstrip(".")
    text = _FRAMES.sub("", text)
    parts = _AUDIENCE.split(text, maxsplit=1)
    if len(parts) == 1:
        parts = _owner().split(text, maxsplit=1)
    subject_text = parts[0]
    audience_text = parts[1] if len(parts) > 1 else ""

    def terms(phrase: str) -> dict[str, float]:
        phrase = re.sub(r"(?i)^(?:les|la|le|l'|des|du|de|d')\s*", "", phrase.strip())
        words = content_lemmas(phrase)
        out: dict[str, float] = {}
        if len(words) > 1:
            out[phrase.lower()] = 3.0
        for word in words:
            out[word] = 1.5
        acronym = re.findall(r"\(([A-Z]{2,6})\)", phrase)
        for a in acronym:
            out[a] = 2.0
        return out

    subject = terms(subject_text)
    initials = "".join(w[0] for w in content_lemmas(subject_text)).upper()
    if 2 <= len(initials) <= 4:
        subject.setdefault(initials, 2.0)   # "intelligence artificielle" → "IA"
    return subject, terms(audience_text)


# ----------------------------------------------------------------------------- built plan

def built_plan(sentences: pd.DataFrame, objet: str, axes: list[str]) -> Plan:
    """The plan built for the dossier (`note.built_plan`), with the templates of its
    introduction, chapeaux and conclusion (`resources/note/frames.yaml`) and the reason in
    French."""
    sujet = subject_phrase(objet, sentences)
    # without an objet, the subject the dossier names most stands for it (the introduction's
    # definition and context, and the words no paragraph's idea may be named by)
    subject_terms, audience = commande_terms(objet if objet.strip() or sujet == NO_SUBJECT
                                             else sujet)
    # (neither the subject nor the audience names an axis's topic: « la commune » of « les
    # obligations qui s'imposent à la commune » is everywhere)
    subject_words = frozenset(w for t in {**subject_terms, **audience} for w in content_lemmas(t))
    data = built_plan_data(sentences, objet, axes, subject_words)
    conf = frames()
    intro = conf["intro"]
    values = {"sujet": sujet, "sujet_de": contract_each("de", sujet),
              "sujet_a": contract_each("à", sujet),
              "axes": join_axes([broad_axis(a) for a in axes])}
    own = conf["frames"].get(data["frame"], {}).get("problematique")
    problematique = (axes_question([broad_axis(a) for a in axes]) if len(axes) >= 2
                     else own or intro["problematique"])
    rows = sentences[sentences["kind"].isin(["sentence", "bullet"])]
    matrix, vocab = tfidf_matrix(rows["text"].astype(str).tolist(), clustering.topic_lemmas,
                                 sublinear_tf=True)
    top = clustering.top_terms(np.asarray(matrix.mean(axis=0)).ravel(), vocab, 8)
    for part in data["parts"]:
        part["chapeau"] = conf["chapeau"]
    recap = fill_template(recap_template(data["frame"]), values)
    data.update({
        "body_words": 1500,
        "intro": {"problematique": fill_template(problematique, values),
                  "announcement": intro["announcement"], "hook_terms": top,
                  "subject_terms": subject_terms, "context_terms": top,
                  "context_sentences": 2},
        "conclusion": {"text": recap,
                       "opening": conf["conclusion"]["opening"], "sentences": 2,
                       "pistes": conf["conclusion"]["pistes"],
                       "actions": dict(conf["conclusion"]["actions"]),
                       "recap_ideas": recap_with_ideas(data["frame"], recap),
                       **({"recap_axes": conf["conclusion"]["recap_axes"],
                           "recap_points": conf["conclusion"]["recap_points"]}
                          if data["frame"] == "axes" else {}),
                       # (a frame whose recap says only how its parts hold together has a
                       # shorter one before the main points, which say what they found)
                       **({"recap_points": fill_template(own_points, values)}
                          if (own_points := conf["frames"].get(data["frame"], {})
                              .get("recap_points")) else {}),
                       "points": list(conf["conclusion"]["points"]),
                       "point_one": conf["conclusion"]["point_one"],
                       "points_words": int(conf["conclusion"]["points_words"]),
                       "points_event": float(conf["conclusion"]["points_event"]),
                       "points_audience": float(conf["conclusion"]["points_audience"]),
                       "points_salience": float(conf["conclusion"]["points_salience"]),
                       "points_detail": float(conf["conclusion"]["points_detail"]),
                       "points_salient": list(conf["conclusion"]["points_salient"]),
                       "points_judging": list(conf["conclusion"]["points_judging"]),
                       "points_not": list(conf["conclusion"]["points_not"]),
                       "advice": conf["conclusion"]["advice"],
                       "terms": dict(conf["conclusion"]["terms"])}})
    plan = plan_from_dict(data, "construit")
    plan.name = "construit"
    if len(axes) >= 2:
        plan.reason = (f"plan construit sur les {len(axes)} axes que la commande demande de "
                       f"présenter ({join_axes(axes)}).")
    else:
        label = conf["frames"][data["frame"]]["label"]
        plan.reason = (f"plan construit selon le cadre « {label} », celui que les fonctions des "
                       "phrases du dossier (constats, apports, risques, règles, leviers, "
                       "exemples) remplissent le mieux ; la commande ne liste pas d'axes.")
    return plan


def tidy_phrase(text: str) -> str:
    """A noun phrase of the commande in running text: its first word, and each capital of title
    case (`note.text.title_case_words`), lower-cased as the writer does it
    (`note.write.lower_first`: acronyms, institutions and proper names stay) — « l'Intelligence
    Artificielle » → « l'intelligence artificielle », « l'État », « ZAN » and « Lyon » stay, and
    so does a capital alone in sentence case (« Action cœur de ville »)."""
    words = []
    for word, lower in zip(text.split(" "), title_case_words(text), strict=True):
        head, sep, tail = word.rpartition("'") if "'" in word else ("", "", word)
        words.append(head + sep + lower_first(tail) if lower else word)
    return lower_first(" ".join(words))


def recap_template(frame: str) -> str:
    """The conclusion's first sentence: the frame's own recap when it has one (it says how the
    two parts hold together), else the general one."""
    own = frames()["frames"].get(frame, {}).get("recap")
    return str(own or frames()["conclusion"]["recap"])


def recap_with_ideas(frame: str, recap: str) -> str:
    """The conclusion's first sentences once the body has opened paragraphs on ideas in both
    parts: a frame's own recap (the finding its two parts make), then what its parts' ideas
    are (its `recap_ideas`, else the stakes they carry: `conclusion.recap_stakes`); on the
    commande's axes, whose titles name topics, what the examination of each brought out
    (`conclusion.recap_ideas`)."""
    own = frames()["frames"].get(frame, {})
    if own.get("recap"):
        return f"{recap} {own.get('recap_ideas') or frames()['conclusion']['recap_stakes']}"
    return str(frames()["conclusion"]["recap_ideas"])


_THEIR = re.compile(r"\bleurs?\b(?=\s+[a-zà-ÿ])")
_COORDINATED_DE = re.compile(r"\b(et|ou) d(?:e |['’])(?=[a-zà-ÿ]+(?:er|ir|re)\b)")
# what the axis adds of the levers themselves after their purpose (« …pour rattraper son retard
# ainsi que leurs limites »): no part of the purpose
_THEIR_OWN = re.compile(r",?\s+(?:ainsi que|et|avec)\s+leurs\s+[a-zà-ÿ]+(?:\s+[a-zà-ÿ]+)?$")


def axes_question(axes: list[str]) -> str:
    """The problématique of a plan built on the commande's `axes`: how to reach the purpose
    that an axis of levers names (« les leviers permettant de structurer une politique… » →
    « comment structurer une politique… »; « …permettant à la communauté de communes de
    réduire et de valoriser… » → « comment réduire et valoriser… »), with regard to the frame
    that another axis names (« au regard du cadre juridique et des obligations… »); without
    such a purpose, what answer to give to the stakes of the subject, within that frame
    (`intro.problematique_axes`). The collectivité and the subject stay placeholders."""
    intro = frames()["intro"]
    levers = "|".join(map(re.escape, intro["lever_axis_nouns"]))
    frame_nouns = "|".join(map(re.escape, intro["frame_axis_nouns"]))
    process = "|".join(map(re.escape, intro["process_nouns"]))
    purpose = None
    for axis in axes:
        # (the first « de » after the body it is given to: « permettant à la commune et à
        # l'intercommunalité de maintenir et d'attirer… » keeps « maintenir »)
        m = re.match(rf"(?i)^(?:les |des |la |le |l['’])?(?:{levers})\b[^,;]*?"
                     rf"\b(?:permettant (?:à [^,;]+? )?d(?:e |['’])|pour |afin d(?:e |['’]))"
                     rf"(?P<purpose>[a-zà-ÿ]+(?:er|ir|re)\b.+)$", axis.strip())
        # (« les leviers d'une démarche de mise en conformité »: how to lead the process)
        led = re.match(rf"(?i)^(?:les |des )?(?:{levers}) d['’]?(?:e )?"
                       rf"(?P<process>(?:une |un |la |le |l['’])(?:{process})\b.+)$",
                       axis.strip())
        if m or led:
            purpose = (m.group("purpose") if m else
                       f"{intro['lead_verb']} {led.group('process')}").strip()
            # (« de réduire et de valoriser » → « comment réduire et valoriser »; the
            # collectivité's own, « sur leur territoire », is its: « sur son territoire »)
            purpose = _THEIR.sub(lambda t: "ses" if t.group(0) == "leurs" else "son",
                                 _COORDINATED_DE.sub(r"\1 ", _THEIR_OWN.sub("", purpose)))
            break
    frame = next((a for a in axes if re.match(rf"(?i)^(?:les |le |la |l['’])(?:{frame_nouns})\b",
                                              a.strip())), None)
    if frame:
        # (a relative whose possessive points to another axis's noun, « …les aides qui
        # encadrent sa rénovation » of « l'état du parc », says nothing here)
        frame = re.sub(r"\s+qui\s[^,;]*\b(?:son|sa|ses)\b.*$", "", frame.strip())
    within = fill_template(intro["within"], {"de_frame": contract_each("de", frame)}) \
        if frame else ""
    if purpose is None:
        # (the stakes of the subject, within the frame an axis names, else with what levers:
        # not the list of the axes, which the announcement of the plan gives)
        return str(intro["problematique_axes"]).replace("{within}",
                                                        within or intro["within_levers"])
    return str(intro["problematique_purpose"]).replace("{purpose}", purpose) \
        .replace("{within}", within)


def from_intention(problematique: str, intention: str) -> str:
    """The problématique template started from what the commande says the collectivité
    intends (« Alors que le maire souhaite présenter au conseil municipal… une stratégie…, la
    question est, pour {collectivite}, de savoir… »), when it has the frames' lead; as it is
    otherwise (none told, or the analyst's own)."""
    intro = frames()["intro"]
    lead = str(intro["problematique_lead"])
    if not intention or not problematique.startswith(lead):
        return problematique
    return str(intro["problematique_intention"]) + problematique[len(lead):]


# « le maire souhaite présenter au conseil municipal, avant la fin de l'année, une stratégie
# pour le cimetière communal »: who, to whom, (when,) what
_TO_PRESENT = re.compile(r"^(?P<who>(?:le|la|les|l['’])\s?[^,]+?) (?P<verb>souhaitent|souhaite) "
                         r"présenter (?P<to>(?:au|à la|à l['’]|aux) [^,]+?)(?:, [^,]+)?, "
                         r"(?P<art>une|un|des) (?P<what>[^,;]+)$")
_DEFINITE = {"une": "la", "un": "le", "des": "les"}


def intention_close(intention: str) -> list[str]:
    """The sentence that ties the conclusion's pistes to what the commande says the
    collectivité means to present (`frames.yaml conclusion.intention_close`: « Ces orientations
    pourront nourrir la stratégie pour le cimetière communal que le maire souhaite présenter
    au conseil municipal. »); none when it means something else."""
    m = _TO_PRESENT.match(intention.strip())
    if not m:
        return []
    art = _DEFINITE[m.group("art")]
    projet = (f"l'{m.group('what')}" if art != "les" and re.match(r"(?i)[aeiouéèêh]",
                                                                   m.group("what"))
              else f"{art} {m.group('what')}")
    return [fill_template(str(frames()["conclusion"]["intention_close"]),
                          {"projet": projet, "porteur": m.group("who"),
                           "souhaite": m.group("verb"), "instance": m.group("to")})]


def join_axes(axes: list[str]) -> str:
    """« a, b et c »."""
    return and_list([" ".join(a.split()) for a in axes])


NO_SUBJECT = "le sujet du dossier"


def subject_phrase(objet: str, sentences: pd.DataFrame) -> str:
    """The subject of the note: the commande's object without its frame (« les enjeux de »),
    else the noun phrase the dossier's titles and sentences use most."""
    # (title case is told on the whole object: « Les Enjeux du Numérique » → « le numérique »)
    text = tidy_phrase(normalize(" ".join(str(objet).split())).strip().rstrip("."))
    if frame := _FRAMES.match(text):
        link = re.search(r"(?:de la |de l'|des |du |de |d')$", frame.group(0))
        article = {"de la ": "la ", "de l'": "l'", "des ": "les ", "du ": "le "}.get(
            link.group(0) if link else "", "")
        text = article + text[frame.end():]
    text = _AUDIENCE.split(text, maxsplit=1)[0].strip()
    # (what a long parenthesis lists, « (Petites villes de demain, Action cœur de ville,
    # vacance commerciale…) », is for the header's object, not for running text)
    text = re.sub(r"\s*\((?:[^()]*?\s){3}[^()]*\)", "", text).strip()
    if text:
        return lower_first(text)
    rows = sentences[sentences["kind"].isin(["title", "heading", "sentence"])]
    texts = rows["text"].astype(str).map(normalize).tolist()
    audience = {fold(w) for w in frames()["audience_words"]}
    for phrase, _ in clustering.phrases_of(texts).most_common(40):
        words = content_lemmas(phrase)
        if len(phrase.split()) < 2 or all(fold(w) in audience for w in words):
            continue
        # the phrase with the article the dossier gives it most often
        found = re.findall(rf"(?i)\b(la|le|les|l')\s*{re.escape(phrase)}\b", " ".join(texts))
        if found:
            article = max(set(a.lower() for a in found), key=[a.lower() for a in found].count)
            return (article if article == "l'" else article + " ") + phrase
    return NO_SUBJECT
