"""The conclusion's main point of each part: the general statement of the part's body that
shares the most words with the others, told by its main clause (`main_points`)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ianote_lib.fr.lemmas import content_lemmas
from ianote_lib.fr.normalize import word_count
from ianote_lib.fr.speech import speech_verb
from ianote_lib.note.anaphora import context_needs, leading_connectors
from ianote_lib.note.candidates import has_finite_verb
from ianote_lib.note.contrasts import announces
from ianote_lib.note.openers import audience_lemmas, generic_heads
from ianote_lib.note.scoring import DATED_OPENING, historical, is_definition
from ianote_lib.note.text import (
    balanced,
    ends_open,
    figure_numbers,
    fill_template,
    french_typography,
    lower_first,
    names_actor,
    split_outside_quotations,
    upper_first,
    years_in,
)
from ianote_lib.use_cases.actors import gazetteer

# a statement that opens on an article, a quantifier (« De nombreux projets restent
# bloqués… », « Plusieurs communes… ») or a figure and its noun (not on a name, an aside or
# a participle: « Dinan Agglomération adhère… », « Service aval de l'Observatoire, … »), nor
# on one body named by its place, an example (« La régie de Lussac-les-Prés a réduit… »);
# the State is no example (« L'État est massivement engagé pour… », « L'effort de l'État… »)
_GENERAL_OPENING = re.compile(r"^(?!(?:Le|La|Les|L['’])\s?[a-zà-ÿœ]+(?:\s[a-zà-ÿœ]+)?\s"
                              r"(?:de la |de l['’]|des |"
                              r"du |de |d['’])(?!État\b)[A-ZÀ-Þ])"
                              r"(?:(?:Le|La|Les|L['’]|Un|Une|Des|Ce|Cette|Ces|Chaque|Plus de|"
                              r"Moins de|Près d(?:e|['’])|De nombreux|De nombreuses|Nombre d"
                              r"(?:e|['’])|Plusieurs|Beaucoup d(?:e|['’])|Peu d(?:e|['’])|"
                              r"Trop d(?:e|['’]))"
                              r"\s?[a-zà-ÿœ]|\d|L['’]État\b)")
_TEMPLATE_WORDS = re.compile(r"(?i)\bd['’](?:une|autre) part\b")
# a generic definition (« Un label est un signe distinctif garantissant… », « les biodéchets à
# considérer sont ceux correspondant à la définition de l'article… »): what a word means, not
# what a part found
_GENERIC_DEFINITION = re.compile(r"^(?:Un|Une)\s[^,;:]{1,50}?\s(?:est|constitue)\s(?:un|une)\b"
                                 r"|\b(?:correspond\w* à la définition|au sens de l['’]article"
                                 r"|tel(?:le)?s? que défini\w*)\b")
_DATE_LEAD = re.compile(r"^[^,]{0,30},\s+")
# a scope set before the subject, a place or a level (« En France, le concept de « ville 30 »
# gagne du terrain », « En agglomération, quatre personnes tuées sur cinq… », « À l'échelle
# nationale, … »), not a connector (« En premier lieu, », « En particulier, », « Au total, »)
_SCOPE_LEAD = re.compile(r"^(?:En|Au|Aux|Dans|À l['’]échelle)\s(?!(?:premier|second|dernier|"
                         r"deuxième|troisième)\s+lieu\b|particulier\b|pratique\b|général\b|"
                         r"réalité\b|revanche\b|contraire\b|total\b|final\b|fait\b|bref\b|"
                         r"effet\b|outre\b|somme\b|moyenne\b|tout\b|plus\b|moins\b|ce\b|"
                         r"cela\b|parallèle\b|conclusion\b|résumé\b|conséquence\b)"
                         r"[^,;:«»]{2,40},\s+")
# a detail set after the main clause of a statement (« …, dont 5,3 milliards pour l'eau
# potable », « …, avec une limite fixée à 25 000 € »), never a restriction (« , mais »,
# « , sauf ») nor a negation
_TRAILING_DETAIL = re.compile(r",\s+(?:dont|avec|soit|notamment|d['’]autant|en particulier|"
                              r"y compris|dans|afin|pour)\b(?![^.]*\b(?:ne|n['’]|pas|sans|sauf|"
                              r"mais)\b)[^;:]*\.$")
# an aside between commas after a noun: a relative, a participle in -é, or one after « déjà »,
# « aussi », « désormais » (« , qui distribuent souvent l'eau en régie, », « , déjà rendue
# obligatoire depuis la loi de 2005, », « , créé en 2019, »)
# (not inside a parenthesis, nor a noun in « -ité »: « (formulaires DC1-DC2, service DUME,
# multiplicité des documents) décourage les TPE-PME… » has no aside)
# (nor one whose second comma sets apart the last of a coordination: « Le camping est
# régulièrement inondé, coincé entre un fleuve côtier souvent en crue, et la mer qui avance »)
_ASIDE = re.compile(r",\s+(?:qui\s|(?:déjà|aussi|désormais)\s[a-zà-ÿ]{3,}\s|"
                    r"[a-zà-ÿ]{3,}(?<!it)(?:é|ée|és|ées)\s)[^,;:()]{3,80},\s+(?!(?:et|ou)\s)")


def main_points(plan: Any, selection: Any, sentence_of: Callable[[Any], Any],
                known: frozenset[str] = frozenset(), avoid: frozenset[str] = frozenset(),
                values: dict[str, str] | None = None) -> list[Any]:
    """The conclusion's main point of each part (the plan's `points` templates, one a part):
    the general statement of the part's body that shares the most words with the others
    (`centrality`), weighed by the documents that support it, more (`points_audience`) when
    it names the commande's audience (`note.openers.audience_lemmas`: « …une résistance au
    changement de la part des agents », not « …une perte du contrôle humain sur des armes
    dangereuses ») and again when it names its subject (`known` but the audience: « les vagues
    de chaleur représentent un risque… », not « …un risque croissant pour les employeurs »),
    more (`points_salience`) when it judges what it tells (`points_salient`: « …ne cesse de
    progresser », « …un levier puissant »), less (`points_event`) when it tells an event
    or a state that was (`Statement.tense`: « Une MSAP réunissait en moyenne 3,6
    partenaires ») rather than a state or a rule; not a definition (« Un label est un
    signe distinctif… »), not an example nor the case of a local body (« …plantés par la
    Métropole depuis 25 ans… »), not one that opens on a name or an aside (it opens on an
    article or a figure, a date before it), one told alone (no context quoted with it, none
    it needs), none the plan's `points_not` describes (an act told without what it did, a
    comparison, what a device is), none of `avoid` (the paragraph the conclusion follows);
    said by its main clause in `points_words` words at most. None unless each part has one,
    or one part only and the plan has a template for one point (`point_one`, {point} and the
    commande's `values`: a conclusion that tells the one point its body holds, rather than
    none). `sentence_of`: `note.write.document_sentence`; `known`: what every paragraph
    speaks of."""
    conf = plan.conclusion
    templates = conf.get("points") or []
    if len(templates) < len(plan.parts):
        return []
    rules = _PointRules.of(conf, known)
    found: list[tuple[str, Any, str]] = []      # template, sentence, point
    heads: set[str] = set()         # what the points already chosen are about
    for part, form in zip(plan.parts, templates, strict=False):
        body = [st for sp in part.subparts for st in selection.statements.get(sp.key, [])]
        best = _best_point(body, rules, sentence_of, avoid, heads)
        if best is not None:
            heads.add(subject_head(best[1]))
            found.append((form, *best))
    if len(found) < len(plan.parts):
        if len(found) != 1 or not conf.get("point_one"):
            return []
        # (the note's sentence: it names the collectivité)
        found = [(fill_template(conf["point_one"], values or {}), replace(found[0][1],
                                                                          origin="note"),
                  found[0][2])]
    points = []
    for form, sentence, point in found:
        kind = sentence.kind
        if kind == "document" and point != leading_connectors().sub("", sentence.text):
            kind = "compressed"         # its main clause: the body gave the detail
        text = fill_template(form, {"point": lower_first(point)})
        points.append(replace(sentence, text=french_typography(upper_first(text)), kind=kind))
    return points


@dataclass(frozen=True)
class _PointRules:
    """The plan's rules for a main point (`main_points`)."""

    most: int
    event: float
    audience: float
    salience: float
    salient: frozenset[str]
    detail: float
    never: tuple[re.Pattern[str], ...]
    judging: frozenset[str]
    known: frozenset[str]
    subject: frozenset[str]

    @classmethod
    def of(cls, conf: dict[str, Any], known: frozenset[str]) -> _PointRules:
        return cls(int(conf.get("points_words") or 30), float(conf.get("points_event") or 1),
                   float(conf.get("points_audience") or 1),
                   float(conf.get("points_salience") or 1),
                   frozenset(conf.get("points_salient") or []),
                   float(conf.get("points_detail") or 1),
                   tuple(re.compile(p, re.IGNORECASE) for p in conf.get("points_not") or []),
                   frozenset(conf.get("points_judging") or []), known, known - audience_lemmas())


def _best_point(body: list[Any], rules: _PointRules, sentence_of: Callable[[Any], Any],
                avoid: frozenset[str], heads: set[str]) -> tuple[Any, str] | None:
    """The sentence of a part's `body` that makes its main point, and that point (its main
    clause), or None (`main_points`)."""
    words = [set(content_lemmas(st.text)) - rules.known for st in body]
    best: tuple[float, Any, str] | None = None
    for st, own in zip(body, words, strict=True):
        if st.kind or st.context_ids or st.function == "exemple" or st.sentence_id in avoid:
            continue
        sentence = sentence_of(st)
        if st.followed_ids:
            # (a statement the body elaborated: its own sentence, « La loi dite « EGAlim »…
            # a introduit de nouvelles obligations… », not the one quoted after it)
            sentence = replace(sentence, text=split_outside_quotations(sentence.text)[0],
                               source_ids=[i for i in sentence.source_ids
                                           if i not in st.followed_ids])
        point = main_clause(sentence.text)
        # (a pattern of `points_not` reads the point after the date it opens on too: « En
        # 2024, 10 % présentent des problèmes… » counts nothing named)
        lead = _DATE_LEAD.match(point) if DATED_OPENING.match(point) else None
        if (word_count(point) > rules.most or subject_head(point) in heads
                or any(p.search(point) or lead and p.search(point[lead.end():])
                       for p in rules.never) or _refused(point, sentence.text)
                or _classed(point, rules.salient | rules.judging)
                or _bare_definite(st.subject[0] or _leading_noun(point), rules.subject)):
            continue
        shared = centrality(own, words)
        if not shared:
            continue        # (it shares no word with its part: an aside, not its point)
        weight = _weight(st, shared, set(content_lemmas(sentence.text)), rules.subject,
                         rules.event, rules.audience)
        weight *= rules.salience if rules.salient & set(content_lemmas(point)) else 1
        weight *= rules.detail if len(figure_numbers(point)) + len(years_in(point)) >= 3 else 1
        if best is None or weight > best[0]:
            best = (weight, sentence, point)
    return None if best is None else best[1:]


# « X est un/une/des/le/la N [adjective] »: what X is classed as
_CLASSED = re.compile(r"^(?:les?|la|l['’])\s?[^,;:]{2,80}?\s(?:sont|est)\s"
                      r"(?:des\s|un\s|une\s|les?\s|la\s|l['’])"
                      r"(?P<class>[a-zà-ÿœ-]+(?:\s+[a-zà-ÿœ-]+)?)", re.IGNORECASE)


def _classed(point: str, judging: frozenset[str]) -> bool:
    """Whether a point says what a thing is classed as (« les cours d'école… sont des
    ouvrages publics… », « la déclaration… est le résultat d'une évaluation… »), not what it
    is worth: neither its class nor the word after it is one of `judging` (« …est un levier
    puissant », « …est une étape fondamentale »)."""
    m = _CLASSED.search(re.sub(r"\s*\([^()]*\)", "", point))     # (a parenthesis aside)
    return bool(m) and not set(content_lemmas(m.group("class"))) & judging


def _refused(point: str, text: str) -> bool:
    """Whether a statement (`text`, its main clause `point`) can be no main point: it needs
    its context, opens on no general subject or on a local body, defines a word, tells what
    someone says (« le témoignage de X souligne… »), holds « d'une part… d'autre part » (inside
    « D'une part, … »), announces kinds it does not tell (« …prévoit des exceptions pour
    plusieurs types d'entité »), opens on a subject too general to say what (« l'idée avait été
    initiée en 2014… »), tells history (« l'éclairage public est apparu dans les villes au XVIIe
    siècle ») or is a noun phrase (`_nominal`), or names a place (`names_place`)."""
    return bool(context_needs(text) or not opens_general(point)
                or names_actor(point, local=True) or names_place(point) or is_definition(point)
                or _GENERIC_DEFINITION.search(point)
                or any(speech_verb().fullmatch(w) for w in text.lower().split())
                or _TEMPLATE_WORDS.search(point) or announces(point)
                or _vague_subject(point) or historical(point) or _nominal(point))


# a place a statement is set in (« Dans le Var, le syndicat… a dû interconnecter… »), or a body
# a place's people name (« la limitation… dans toute l'agglomération grenobloise », « la
# métropole lilloise »; not « la population française »)
_PLACE_SCOPE = re.compile(r"(?:^|,\s)[Dd]ans\s+(?:le|la|les|l['’])\s?[A-ZÀ-Þ]|"
                          r"(?i:\b(?:agglomération|métropole|ville|commune|communauté|région|"
                          r"département|population|municipalité)s?\s+(?!français|anglais|mauvais|épais)"
                          r"[a-zà-ÿ]{3,}(?:ois|oise|oises|ais|aise|aises)\b)")


def names_place(point: str) -> bool:
    """Whether a point names a place of France (a région, a département, a commune or a
    métropole of the gazetteer: « le centre de santé multisite de Saône-et-Loire continue de
    grandir ») or is set in one (`_PLACE_SCOPE`: « Dans le Var, … », « l'agglomération
    grenobloise »): the case of a place, not what a part found."""
    g = gazetteer()
    return bool(_PLACE_SCOPE.search(point)) or any(
        r.search(point) for r in (g.re_region, g.re_dep, g.re_commune, g.re_metro))


def _weight(st: Any, shared: float, lemmas: set[str], subject: frozenset[str], event: float,
            audience: float) -> float:
    """A candidate point's weight (`main_points`): its `shared` words, more for each document
    that supports it, less for an event, more when it names the audience, and its subject."""
    return (shared * (1 + 0.5 * (len(st.docs) - 1)) * (event if st.tense else 1)
            * (audience if audience_lemmas() & lemmas else 1)
            * (audience if subject & lemmas else 1))


def subject_head(text: str) -> str:
    """What a statement or its subject is about: its first content lemma, after the date it
    may open on (« La formation des agents… » → formation)."""
    m = _DATE_LEAD.match(text) if DATED_OPENING.match(text) else None
    return (content_lemmas(text[m.end():] if m else text) or [""])[0]


def _nominal(point: str) -> bool:
    """Whether a point is a noun phrase whose only verbs are those of the clause it opens
    (« Des avancées bénéfiques pour le secteur mais qui ne sont pas jugées suffisantes… »,
    « Des recettes significatives pour la métropole alors que de plus en plus de quartiers
    sont soumis… »): no sentence."""
    m = re.match(r"(?:Des|Un|Une|De)\s[^,;:]*?(?=\s(?:mais\s+)?(?:qui|que|qu['’]|dont|où|"
                 r"alors qu|tandis qu|car|puisqu|lorsqu|quand|si)\b)", point)
    return bool(m) and not has_finite_verb(m.group(0))


def _vague_subject(point: str) -> bool:
    """Whether a point opens on a noun too general to say what it is about, with no
    complement after « de » (« L'idée avait été initiée en 2014… », « L'aspect plateforme
    permet… »; not « La proposition de loi n° 1727 vise… » nor « 18,3 millions de Français… »,
    nor the commande's audience, what a point is best about: « Les communes ne proposent pas
    toujours chaque type de concession… »)."""
    m = _DATE_LEAD.match(point) if DATED_OPENING.match(point) else None
    text = point[m.end():] if m else point
    after = re.match(r"(?i)(?:les?|la|l['’]|un|une|des|ce|cet|cette|ces)\s?[\w-]+\s+(\S+)", text)
    return bool(after and subject_head(text) in generic_heads() - audience_lemmas()
                and not re.match(r"(?i)(?:de|du|des)$|d['’]", after.group(1)))


# a singular definite noun, with one adjective at most and no complement
_BARE_SUBJECT = re.compile(r"^(?:Le|La|L['’])\s?(?P<noun>[a-zà-ÿœ-]{3,})(?:\s+[a-zà-ÿœ-]+)?$")


def _bare_definite(subject_text: str, subject: frozenset[str]) -> bool:
    """Whether a point's subject (`Statement.subject`, the parse's) is a definite noun that
    says neither which nor whose (« La stratégie doit obligatoirement se décliner sur 5
    axes », « L'organisateur public se réserve… »): the one a sentence before named, unless
    the commande's `subject` names it (« La restauration collective est un levier
    puissant… »)."""
    m = _BARE_SUBJECT.match(subject_text)
    return bool(m) and not set(content_lemmas(m.group("noun"))) & subject


# a definite noun of a thing, not of a notion (« Le camping est régulièrement inondé… »;
# not « La sobriété est un levier fort… »), and the verb after it
_LEADING_NOUN = re.compile(r"^(?:Le|La|L['’])\s?[a-zà-ÿœ-]{3,}"
                           r"(?<!té)(?<!ion)(?<!isme)(?<!ment)(?<!nce)(?<!ude)(?<!ie)"
                           r"(?:\s+[a-zà-ÿœ-]+)?"
                           r"(?=\s+(?:est|a|doit|peut|va|sera|reste|demeure|ne|n['’]))")


def _leading_noun(point: str) -> str:
    """The subject a point opens on when the parse gave none: a definite noun of a thing,
    one word after it at most, before its verb."""
    m = _LEADING_NOUN.match(point)
    return m.group(0) if m else ""


def main_clause(text: str) -> str:
    """A statement as a main point tells it: without its leading connector, the detail after
    its main clause (`_TRAILING_DETAIL`: « …, dont 5,3 milliards pour l'eau potable ») and an
    aside between commas (`_ASIDE`: « le non-respect de l'accessibilité des sites, déjà rendue
    obligatoire depuis la loi de 2005, sera passible… »), each when 8 words at least remain
    and the clause they leave is not left open (`note.text.ends_open`: « …prévoit que. »), nor
    cut inside a quotation (« l'habitat « accompagné est… »), nor without its verb (« Le
    niveau de cybersécurité des entités, notamment de taille moyenne, demeure insuffisant »
    holds its verb after the detail)."""
    point = leading_connectors().sub("", text)
    for pattern, by in ((_TRAILING_DETAIL, "."), (_ASIDE, " ")):
        cut = pattern.sub(by, point)
        if word_count(cut) >= 8 and not ends_open(cut) and has_finite_verb(cut, strict=True) \
                and balanced(cut):
            point = cut
    return point


def opens_general(text: str) -> bool:
    """Whether a statement opens on a general subject (`_GENERAL_OPENING`), after the date or
    the scope it may open on (« Dès 2024, le non-respect… », « Fin 2017, 63 % des
    démarches… », « En agglomération, quatre personnes tuées sur cinq… »)."""
    m = _DATE_LEAD.match(text) if DATED_OPENING.match(text) else _SCOPE_LEAD.match(text)
    return bool(_GENERAL_OPENING.match(upper_first(text[m.end():]) if m else text))


def centrality(words: set[str], others: list[set[str]]) -> float:
    """How much of what a set of statements says one of them says: the sum of its cosine
    overlaps (on content lemmas) with each of them, itself left out."""
    return sum(len(words & o) / math.sqrt(len(words) * len(o))
               for o in others if o and words and o is not words)
