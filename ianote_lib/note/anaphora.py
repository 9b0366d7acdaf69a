"""What a sentence needs from the sentences before it (`context_needs`), and how the note gives
it. Everything here is a general rule over French text (patterns and lexicons of
`resources/note/style.yaml`), never a rule keyed to one sentence of a dossier.

A sentence whose subject points to context the note does not give ("La commune utilise…",
"Cette IA…", "Ces derniers…", "Il…", "Thierry Breton, lui, a répliqué…") is resolved in one of
these ways, in this order (`note.evidence.resolve_context`):

1. *completion*: a singular definite noun phrase whose head is an actor noun ("la commune",
   "la région", "le département") is completed with the name the PREVIOUS sentence of the same
   document gives it ("la région Île-de-France" → "La région Île-de-France partage…"; "à Plaisir"
   → "La commune de Plaisir"); the name is then sourced by that sentence, which joins the
   statement's sources. A demonstrative on a bare noun (« de ces données ») whose previous
   sentence names one noun phrase on that noun with what says which (« les données
   publiques ») takes that phrase (`demonstrative_completion`: « des données publiques »);
2. *pairing*: the previous sentence of the same paragraph is quoted before it, when that sentence
   is self-contained and names what the anaphora points to (the noun of a demonstrative, the
   head of a definite noun phrase);
3. a list item whose subject pronoun takes up the subject of the item before it
   (`subject_taken_up`);
4. the report, the tool or the programme its document's title names
   (`note.completion.title_completion`);
5. a demonstrative category of actors read as « les … concernés » (`note.evidence`);
6. otherwise the sentence is not quoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ianote_lib.fr.lemmas import lemmatize
from ianote_lib.fr.names import keeps_capital
from ianote_lib.fr.normalize import fold, normalize
from ianote_lib.note.owners import may_stand_for, owner_before
from ianote_lib.note.text import CAPITALISED, MONTH_WORDS, NAME, compress, style


@dataclass
class ContextNeed:
    """What a sentence needs from the sentence before it."""

    kind: str           # pronoun | connector | demonstrative | definite | contrastive | opening
    noun: str = ""      # the noun the anaphora points to ("commune", "cartes"), if any
    start: int = 0      # where the definite noun phrase starts (for completion)
    end: int = 0        # where its head noun ends


def _lemma(word: str) -> str:
    return fold(lemmatize(word.lower()))


def _lemmas(text: str) -> set[str]:
    return {_lemma(w) for w in re.findall(r"[A-Za-zÀ-ÿœ-]+", normalize(text))}


@cache
def _generic() -> frozenset[str]:
    """The lemmas of the nouns a demonstrative takes without a previous sentence (`style.yaml
    generic_demonstratives`: « cette année », « ce type de »), folded as `_lemma` folds."""
    return frozenset(_lemma(w) for w in style()["generic_demonstratives"])


@cache
def leading_connectors() -> re.Pattern:
    """The connectors a sentence may open on (`style.yaml strip_connectors`), a run of them:
    the note strips them when it quotes the sentence alone."""
    connectors = sorted(style()["strip_connectors"], key=len, reverse=True)
    alternatives = "|".join(c.replace("'", "['’]").replace(".", "['’]") for c in connectors)
    # (« De plus en plus de collectivités… » opens on no connector, nor « Ainsi que l'a
    # rappelé… » on « Ainsi »: « ainsi que » compares)
    # (one that ends on its elided « qu' » runs into the next word: « D'autant qu'à… »)
    return re.compile(r"^(?:(?:" + alternatives + r")(?:\s*(?:,|:)?\s+|(?<=['’]))"
                      r"(?!en plus\b|que\b|qu['’]))+", re.IGNORECASE)


# a complement a sentence opens on before its subject (« Depuis sa création, », « En 2020, »)
_FRONTED = re.compile(rf"(?i)^(?:(?:depuis|dès|lors d[eu']|après|avant|à partir d[eu']|"
                      rf"au cours d[eu']|pendant)\b[^,]{{1,40}}|(?:en|fin|début) "
                      rf"(?:(?:{MONTH_WORDS}) )?(?:19|20)\d\d|de (?:19|20)\d\d à (?:19|20)\d\d|"
                      rf"au total),\s+")

_OPENING_CIRCUMSTANCE = re.compile(r"^(?:(?i:dans|en|pour|face à|afin d[e'’]|avec|après|sur|"
                                   r"par|lors d[eu'’]|malgré|grâce à)\b[^,A-ZÀ-Þ\d]{2,50}|"
                                   r"(?i:à l['’]époque|aujourd['’]hui|à ce jour|actuellement)),"
                                   r"\s+")

# an apposition the sentence opens on, a noun without its article (« Service aval de
# l'Observatoire…, le service numérique s'appuie… »), not a circumstance (« En application de
# l'article…, », « Sauf imprévu de dernière minute, »)
_APPOSITION = re.compile(r"^(?!(?:Les?|La|Une?|Des|Du|Aux?|Ces?|Cet|Cette|Sa|Son|Ses|Leurs?|"
                         r"Notre|Nos|Votre|Vos|Mon|Ma|Mes|En|Dans|Pour|Par|Sur|Avec|Sans|Sous|"
                         r"Après|Avant|Depuis|Selon|Lors|Face|Afin|Hors|Outre|Malgré|Grâce|"
                         r"Suite|Vu|Compte|Faute|Parmi|Entre|Chez|Vers|Près|Loin|Autour|Auprès|"
                         r"Sauf|Hormis|Conformément|Quant|Concernant|Dès|Durant|Pendant|"
                         r"Contrairement|Comme|Si|Lorsque?|Quand|Alors|Plus|Moins)\b)"
                         r"[A-ZÀ-Þ][a-zà-ÿ]+(?:\s+[a-zà-ÿ]+)?"
                         r"\s+(?:de|du|des|d['’])\s?[^,;:.]{2,80},\s+")

# a sentence that opens on its topic (« En ce qui concerne l'accessibilité des sites, … »):
# what a demonstrative after the comma takes up is that topic
_TOPIC = re.compile(r"(?i)^(?:en ce qui concerne|s['’]agissant d[eu']|concernant|quant (?:à|aux?)|"
                    r"pour ce qui (?:est|concerne) d[eu']?)\s*[^,]{3,}[^,]*,")


def context_needs(text: str) -> list[ContextNeed]:
    """The anaphoric links of a sentence to a previous sentence (empty: self-contained), read
    after the connectors it opens on (« Néanmoins, les principaux sont… ») and inside the
    quotation it opens on."""
    st = style()
    body = normalize(text).strip()
    bare = leading_connectors().sub("", body)
    # (and a pronoun or a possessive inside the quotation it opens on: « « Il est aussi le
    # symbole de… », estime X », « « C'est inédit dans les Vosges », affirmait… »)
    inner = re.sub(r"^[«\"“]\s*", "", body)
    if inner != body and re.match(r"(?i)(?:il|elle|ils|elles|son|sa|ses|leurs?|ce sont|cela|ça)\s"
                                  r"|c['’]est\b", inner):
        bare = inner
    readings = (body,) if bare == body else (body, bare)
    needs: list[ContextNeed] = []
    if owner_before(bare):
        needs.append(ContextNeed("possessive"))
    for pattern in st["anaphoric_openings"]:
        if any(re.search(pattern, text, re.IGNORECASE) for text in readings):
            kind = "pronoun" if re.match(r"(?i)^(il|elle|ils|elles)\b", bare) else "opening"
            needs.append(ContextNeed(kind))
            break
    needs += _definite_actor(body, bare)
    needs += _bare_artefacts(body, {n.noun for n in needs})
    needs += [] if needs else _unnamed_bodies(body)
    needs += _demonstratives(body)
    if not any(n.kind == "opening" for n in needs):     # (« Les 3 autres… » opens on one)
        needs += _counted_sets(body)
    needs += _such_or_same(body)
    # « Thierry Breton, lui, a répliqué… », « La vocation de ce référentiel, elle, reste
    # inchangée »: set against what the sentence before it says
    if (re.match(rf"^{NAME},\s+(?:lui|elle|eux|elles)\b", body)
            or re.match(r"^[^,]{3,80},\s+(?:lui|elle|eux|elles),\s", body)):
        needs.append(ContextNeed("contrastive"))
    # "En cas de manquement, elle pourra…": a subject pronoun after an opening phrase that
    # names nothing it could stand for
    # (one opening phrase or a run of them: « Changement de nom, structure repensée, il… »)
    # (a decimal comma is no pause: « sur un budget de 6,2 millions d'euros, elle… »; nor is
    # an aside: « Réalisée sous son pilotage (avec Amorce, l'AMF…) et par questionnaire, elle… »)
    unaside = re.sub(r"\s*\([^()]*\)", "", bare)
    m = re.match(r"(?i)^((?:(?:[^,]|(?<=\d),(?=\d)){2,60},\s+){0,3}"
                 r"(?:[^,]|(?<=\d),(?=\d)){2,140}),\s+(?:il|elle|ils|elles)\s+"
                 r"(?!faut|existe|s'agit|convient|y a|est à (?:noter|souligner|rappeler)|"
                 r"(?<=il )(?:est|serait|sera|était) (?:(?:en effet|donc|aussi|également|"
                 r"ainsi|désormais|alors|déjà|plus|bien) )*(?:possible|nécessaire|important|"
                 r"essentiel|difficile|préférable|souhaitable|utile|judicieux|opportun|"
                 r"pertinent|envisageable|avisé)|(?<=il )est (?:\w+ )?\w+(?:é|u|is) "
                 r"(?:qu|(?:de|d') ?(?:s'|se )?\w+(?:er|ir|re)\b)|"
                 # (an impersonal passive: « il a été relevé un manque… »)
                 r"(?<=il )(?:a été|est|sera|avait été) (?:\w+ )?\w+(?:é|u|is|it) "
                 r"(?:un|une|des|deux|trois|plusieurs|\d))", unaside)
    # a gerund, a purpose, or a participle in apposition to the pronoun ("Initialement
    # dédiée à l'information des associations, elle…", "Créée en 2011, elle…", « Tout en
    # permettant la diffusion de données, elle… », « Répondant aux obligations de
    # l'ordonnance du 17 février 2021, il transpose… »)
    # (or a circumstance its preposition opens, « Face à une situation politique instable…,
    # elle appelle à la mobilisation »: the subject of the clause is none of its nouns)
    gerund = m and re.match(r"(?i)^(?:(?:tout )?en (?:se |s')?\w+ant\b|après avoir|avant de|"
                            r"afin de|pour |face à|malgré|grâce à|faute d|[a-zéèêàâîôûç]{3,}ant\s|"
                            r"(?:\w+ment )?[a-zéèêàâîôûç]{3,}(?:é|ée|és|ées|ie|ies|ue|ues)\s)",
                            m.group(1))
    # (or a circumstance a preposition opens, whatever it names: « En échec face aux
    # démarches en ligne dans un job center, il est orienté… » — not « Quant à la région,
    # elle… », which names its subject first)
    circumstance = m and "," not in m.group(1) and re.match(
        r"(?i)^(?:en|dans|face à|après|avant|depuis|lors d|malgré|avec|sans|par|sous|dès|"
        r"durant|pendant|au cours d|à la suite d|suite à|au-delà d|outre)\b", m.group(1))
    if m and (gerund or circumstance or not re.search(
            r"(?i)(?:^|\s)(?:l'|le |la |les |un |une |des |du |ce |cette |ces )",
            m.group(1)) or not may_stand_for(m.group(1), unaside[m.end(1):])) and not needs:
        needs.append(ContextNeed("pronoun"))
    # « En coût denrée, cela représente 35 000 € »: a demonstrative pronoun always takes up
    # what came before, whatever the opening phrase names
    if not needs and re.match(r"(?i)^(?:[^,]{2,90},\s+){1,3}(?:cela|ceci|ça)\s+(?!dit\b)", bare):
        needs.append(ContextNeed("pronoun"))
    return needs


def _such_or_same(body: str) -> list[ContextNeed]:
    """« L'élaboration d'un tel schéma… », « de telles structures »: such as the sentence
    before it described (not « de telle sorte que », « un tel que »; nor one the sentence
    names or describes itself: « de telles structures, créées par la loi… afin de… »); and
    « l'article R112-9-1 du même code »: the code the sentence before it names."""
    needs = []
    for m in re.finditer(r"(?i)\b(?:un|une|de|d['’])\s+tel(?:le)?s?\s+(?!que\b|qu['’]|quel)"
                         r"(?!(?:sorte|manière|façon)\b)(?P<noun>[a-zà-ÿœ-]{3,})\b"
                         r"(?!,?\s+(?:qui|dont|[a-zà-ÿ]+(?:é|ée|és|ées|is|ise|ises)\s+"
                         r"(?:par|pour|en|à|dans|afin|sur))\b)", body):
        if _lemma(m.group("noun")) not in _lemmas(body[:m.start()]):
            needs.append(ContextNeed("demonstrative", m.group("noun")))
    for m in re.finditer(r"(?i)\b(?:du|au|le|la|de la|à la) même (code|article|décret|texte|"
                         r"arrêté|loi|ordonnance|directive|règlement)\b", body):
        needs.append(ContextNeed("demonstrative", m.group(1).lower()))
    return needs


# « les trois cours », « les 17 postes LCZ », « les 3 autres familles d'irritants », « les
# résultats des trois espaces »: a definite
# set counted, with nothing after it that says which one (a complement, a relative, a
# participle), is a set a sentence before named (not a share, « les deux tiers », nor a span of
# time, « les trois derniers mois »)
_COUNTED_SET = re.compile(r"(?i)\b(?:les|des|aux)\s+"
                          r"(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+"
                          r"(?P<other>autres\s+)?(?!tiers\b|quarts\b|premi|derni|prochain)"
                          r"(?P<noun>[a-zà-ÿœ-]{3,})\b")
# (or a parenthesis that lists them, after an adjective or two: « les trois outils
# réglementaires existants (zone 30, zone de rencontre et aire piétonne) »; each after the
# name of their kind: « les 140 bus France Services existants »; or a superlative: « des 250
# démarches administratives les plus utilisées »)
_SAYS_WHICH = re.compile(r"^\s*(?:[A-ZÀ-Þ][\w'’-]*\s+){0,3}(?i:de|des|du|d['’]|qui|que|qu['’]|"
                         r"dont|où|à|en|pour|sur|par|[a-zà-ÿ]+(?:é|és|ée|ées|ant|ants)\b|"
                         r"(?:[a-zà-ÿ-]+\s+){0,2}(?:\(|(?:les|le|la)\s+(?:plus|moins)\b))")


def _counted_sets(body: str) -> list[ContextNeed]:
    """The counted sets of a sentence a sentence before it named (`_COUNTED_SET`), outside its
    parentheses (the note drops them: « (au lieu des 3 prévus dans le projet de loi) »)."""
    needs = []
    for m in _COUNTED_SET.finditer(re.sub(r"\([^()]*\)", lambda p: " " * len(p.group(0)), body)):
        noun = m.group("noun")
        before = body[:m.start()]
        if _lemma(noun) in _generic() or _lemma(noun) in _lemmas(before) or re.search(
                r"\s[A-ZÀ-Þ]", before):
            # « les trois mois »; or the set, or what it belongs to, is named earlier in the
            # sentence (« …entre la DINUM et le FIPHFP, … entre les 2 partenaires », « …au
            # Fonds friches sur les 3 éditions »)
            continue
        if not m.group("other") and _SAYS_WHICH.match(body[m.end():]):
            continue                # « les 35 actions à engager », « les 12 000 communes étudiées »
        needs.append(ContextNeed("definite", noun, m.start(), m.end()))
    return needs


# the nouns of a way of doing, which « par » completes (« cette approche par les usages »)
_APPROACHES = frozenset({"approche", "entrée", "méthode", "démarche", "logique", "angle",
                         "prisme", "voie", "biais"})


# a place or a thing set apart for a purpose, which the sentence itself tells (« le
# stationnement… en dehors des aires et terrains aménagés à cet effet »), not an action taken
# for one the sentence before told (« L'État mobilise 3 milliards d'euros à cet effet »)
_PURPOSE_HERE = re.compile(r"(?i).*\b(?:aménagé|prévu|réservé|destiné|dédié|conçu|équipé|"
                           r"affecté)(?:e|s|es)?\s+à\s+(?:cet\s+effet|cette\s+fin)$")
STEM = 7        # letters a noun and a verb of one family share (« transfér-é », « transfer-t »)


def _same_family_before(noun: str, before: str) -> bool:
    """Whether a word before the demonstrative in its sentence is of the noun's family, which
    it takes up (« les communes qui n'ont pas encore transféré les compétences… ne seront
    plus obligées de procéder à ce transfert »)."""
    stem = fold(noun)[:STEM]
    return len(noun) >= STEM and any(fold(w)[:STEM] == stem
                                     for w in re.findall(r"[a-zà-ÿœ-]{7,}", before.lower()))


def _demonstratives(body: str) -> list[ContextNeed]:
    """The demonstrative noun phrases of a sentence that point to a previous sentence."""
    needs: list[ContextNeed] = []
    # (« ce qui », « ce que », « ce dont »: a relative, not a demonstrative; « ce sont »,
    # « ce sera »: a pronoun, which `anaphoric_openings` reads)
    # (a number between them: « Ces 4 axes sont déclinés… », « ces trois pistes », an ordinal
    # « Cette 19e journée nationale »; not a span of time, « ces 6 derniers mois », « ces dix
    # dernières années »)
    # (read on the sentence as the note quotes it: a demonstrative in an aside or a date
    # relative to the article's day that compression drops is not there, « …50 mètres (avec
    # la possibilité pour le maire d'étendre cette obligation à 100 mètres)… », « …a été
    # signé ce lundi 6 janvier »)
    quoted = compress(body)
    # (and before the term it quotes, « cette « débitumisation » », « ces « bois de crise » »:
    # a name the writer gives to what the sentence before told, in words of their own)
    for m in re.finditer(r"(?i)\b(ce|cet|cette|ces)\s+(?P<q>[«\"“]\s*)?"
                         r"(?!(?:qui|que|dont)\b|qu['’])"
                         r"(?!(?:sont|sera|serait|seront|seraient|fut|furent|soit|soient|fût|peut|"
                         r"doit|pourrait|devrait)\b)"
                         r"(?P<n>(?:\d+(?:e|er|ère|ème)?|deux|trois|quatre|cinq|six|sept|huit|"
                         r"neuf|dix)\s+)?"
                         r"(?:derni\w+(?:\s+(?P<span>[a-zà-ÿ]+))?|(?P<noun>[a-zà-ÿœ-]+))", quoted):
        noun = m.group("noun") or ""
        if m.group("span") and _lemma(m.group("span")) in _generic():
            continue        # (« ces dernières années »: a span of time, counted or not)
        if noun and (re.match(r"\s+en matière\b", quoted[m.end():]) or (
                re.match(r"\s+par\b", quoted[m.end():]) and _lemma(noun) in _APPROACHES)):
            # "cette approche par la commande publique" (« ce service par les mairies »: the
            # means of the verb, the service the sentence before named)
            continue
        generic = (noun and m.group(1).lower() != "ces"
                   and _lemma(noun) in _generic())
        if noun and (generic or _lemma(noun) in _lemmas(quoted[:m.start()])
                     or _same_family_before(noun, quoted[:m.start()])):
            continue    # "cette année" (not « ces moments »), or named earlier in the sentence
        if _PURPOSE_HERE.match(quoted[max(0, m.start() - 40):m.end()]):
            continue    # « les aires aménagées à cet effet »: the purpose the sentence tells
        if _TOPIC.match(quoted[:m.start()]):
            continue            # « En ce qui concerne X, …, le non-respect de cette exigence… »
        needs.append(ContextNeed("demonstrative", "" if m.group("q") else noun))
    return needs


def _definite_actor(body: str, bare: str) -> list[ContextNeed]:
    """A definite actor with nothing that names it (`style.yaml actor_nouns`) opening the
    sentence `body`, or after its connectors (`bare`) and a complement of time (« Depuis sa
    création, le service connaît un fort développement ») or an apposition (`_APPOSITION`)."""
    fronted = _FRONTED.match(bare)
    # (or after a circumstance that names nothing, « Dans un dossier récemment publié, le
    # centre s'appuie… », « Dans un contexte de sobriété énergétique, la ville a décidé… »:
    # not a local body any commune may be, `generic_actor_nouns`)
    opening = fronted or _OPENING_CIRCUMSTANCE.match(bare) or _APPOSITION.match(bare)
    start = len(body) - len(bare) + (opening.end() if opening else 0)
    m = re.match(rf"(?i)(?:l['’]|la |le )(?P<noun>{'|'.join(style()['actor_nouns'])})"
                 # (a size is no name: « la commune de 3 600 habitants travaillent… »)
                 r"(?P<rest>\s+(?!de\b(?!\s+(?:près de\s+|plus de\s+|moins de\s+)?"
                 r"\d[\d\s\u202f\u00a0.]*habitants\b)|du\b|des\b|d['’]|"
                 r"(?-i:[A-ZÀ-Þ(«\"])|et\b|ou\b|,|n[°º]|\d)\S+)",
                 body[start:])
    # (after a connector or a circumstance alone, « la commune », « la collectivité » are as
    # often any one, or the reader's own (`generic_actor_nouns`); not one that did something,
    # « Dans un premier temps, la commune n'a pas prévenu les habitants »; after a date, the
    # one the document tells of)
    if (m and start and not fronted and m.group("noun").lower() in style()["generic_actor_nouns"]
            and not _PARTICULAR.match(body[start + m.end("noun"):])):
        m = None
    if not m:
        return _unplaced_person(body[start:], start)
    if (re.match(r"\s+[a-zà-ÿ]+ée?s?\s+par\b", body[start + m.end("noun"):])
            or re.match(r"\s+(?:qui|dont|que|dite?s?|intitulée?s?|relati(?:f|ve)s?|portant|"
                          r"visant|tendant|pour|sur|fran[cç]ai(?:s|se|ses)|[\w-]+\.[a-z]{2,}|"
                          r"(?:inter)?ministériel(?:le)?s?|préfectora(?:l|le|ux|les)|"
                          r"municipa(?:l|le|ux|les))(?:\b|$)",
                          m.group("rest"))
            or (m.group("noun")[0].isupper() or keeps_capital(m.group("noun")))
            and m.group("noun").lower() not in style()["unnamed_local_bodies"]):
        # (« Le Gouvernement », « l'Agence nationale… »: an institution written with its capital
        # is named, not « la Ville », « la Métropole » of the article; so is « la loi dite
        # « EGAlim » », « le décret relatif à… », « la démarche proposée par l'ONF »;
        # « l'arrêté préfectoral » is a kind)
        return _unplaced_person(body[start:], start)
    return [ContextNeed("definite", m.group("noun").lower(), start, start + m.end("noun"))]


# what a body did (« a décidé », « n'a pas prévenu », « avait lancé », « proposait ») or the
# people it counts (« est peuplée de 12.000 habitants »), not what any body does or must do
_PARTICULAR = re.compile(r"(?i)\s+(?:(?:est peuplée?|compte|comptait|regroupe)\s+"
                         r"(?:de\s+)?(?:près de\s+|plus de\s+)?\d|"
                         r"(?:n['’]|ne\s+)?(?:(?:a|avait|ont|avaient|eut)\s+"
                         r"(?:(?:pas|déjà|ainsi|alors|aussi|donc|également|notamment|"
                         r"finalement|récemment|d['’]abord|ensuite|vite)\s+){0,2}"
                         r"[a-zà-ÿ]+(?:é|i|u|is|it|ert|int)\b|"
                         r"(?!(?:re)?fait\b|satisfait\b|(?:con|dispar|appar|par|pl|n)ait\b|"
                         r"(?:ex|sous|dis)?trait\b)[a-zà-ÿ]{2,}(?:ait|aient)\b))")


def _unplaced_person(text: str, start: int) -> list[ContextNeed]:
    """« La maire Sylvie de Gaetano veut faire réagir… »: a local office with its holder's
    name and not its place (`style.yaml unplaced_roles`) is the one of the town a sentence
    before named."""
    roles = "|".join(style()["unplaced_roles"])
    m = re.match(rf"(?i)(?:l['’]|la |le )(?P<noun>{roles})\s+"
                 rf"{CAPITALISED}(?:[ -](?:de |du |d['’])?{CAPITALISED}){{1,3}}"
                 r"(?!\s*,?\s*(?:maire|président|adjoint)|\s+(?:de|du|d['’])\s)", text)
    if not m:
        return []
    return [ContextNeed("definite", m.group("noun").lower(), start, start + m.end("noun"))]


_AFTER_BARE = (r"(?=\s*(?:[.,;:)]|$)|\s+(?:pour|avec|dans|sur|par|afin|est|sera|sont|seront|a|ont|"
               r"permet|permettra|doit|devra|peut|pourra)\b)")


def _bare_artefacts(body: str, known: set[str]) -> list[ContextNeed]:
    """Inside the sentence, a definite artefact with nothing that says which one (« L'accès à
    la plateforme sera… », « …précisé au sein de l'application. »: `style.yaml
    artefact_nouns`) points to the one a previous sentence named, unless this sentence names
    it first, or names who made it right after (« Parmi les principaux enseignements de
    l'étude, Gart et Cerema notent que… »), or a survey its subject (« l'enquête sur « la
    caractérisation… » »), or it is an investigation led (« mener l'enquête »)."""
    nouns = "|".join(style()["artefact_nouns"])
    out = []
    for m in re.finditer(rf"(?i)\b(?:l'|la |le |du |au )(?P<noun>{nouns}){_AFTER_BARE}", body):
        noun = m.group("noun").lower()
        after = body[m.end("noun"):]
        if noun in style()["survey_nouns"] and (
                re.match(r"\s+sur\b", after)
                or re.search(r"(?i)\b(?:mener|ouvrir|diligenter|conduire)\s+$", body[:m.start()])):
            continue
        if m.start() > 0 and noun not in known and not re.search(
                rf"(?i)\b{noun}", body[:m.start()]) and not re.match(rf",\s+{CAPITALISED}", after):
            out.append(ContextNeed("definite", noun, m.start(), m.end("noun")))
            known.add(noun)
    return out


def _unnamed_bodies(body: str) -> list[ContextNeed]:
    """Inside the sentence, a local body written with its capital and no name (« les agents de
    la Ville s'assurent… », `style.yaml unnamed_local_bodies`) is the article's, named before;
    not one in a name (« l'Institut pour la Ville et le Commerce »)."""
    nouns = "|".join(n.capitalize() for n in style()["unnamed_local_bodies"])
    for m in re.finditer(rf"(?<=\s)(?:la |l['’])(?P<noun>(?-i:{nouns}))\b"
                         rf"(?!\s+(?:de|du|des|d['’])\s?\S|\s+(?-i:[A-ZÀ-Þ]))", body):
        name = re.search(r"\b(?!(?:Les?|La|L|Une?|Des|Ces?|Cet|Cette|Leurs?|Ses|Sa|Son)\b)"
                         r"[A-ZÀ-Þ][\w'’-]+\s+(?:[a-zà-ÿ'’]+\s+){0,2}$", body[:m.start()])
        if not name or not name.start():        # (a capital that opens the sentence names none)
            return [ContextNeed("definite", m.group("noun").lower(), m.start(), m.end("noun"))]
    # (and in lower case, a body that is always one in particular: « les habitants et la
    # mairie se réjouissent… », « Pour la métropole, c'est près de 6 millions d'euros… »,
    # « …, analyse l'association »; not one its complement, its name or its demonym names,
    # « l'association « Les amis de la Terre » », « la métropole lilloise »)
    lower = "|".join(style()["unnamed_local_bodies_lower"])
    for m in re.finditer(rf"(?<=\s)(?:la |l['’]|le )(?P<noun>(?-i:{lower}))\b"
                         r"(?!\s+(?:de|du|des|d['’])\s?\S|\s*[«\"(]|\s+(?-i:[A-ZÀ-Þ])"
                         r"|\s+[a-zéè]+(?:ois|ais|ien|in)(?:e|es|s|nes?)?\b)", body):
        if not re.search(rf"(?i)\b{m.group('noun')}\s+(?:de|du|d['’])\s?(?-i:[A-ZÀ-Þ])|"
                         rf"(?-i:\b[A-ZÀ-Þ]{m.group('noun')[1:]}\s+(?:de |du |d['’])?[A-ZÀ-Þ])",
                         body[:m.start()]):
            return [ContextNeed("definite", m.group("noun"), m.start(), m.end("noun"))]
    return []


def quant_a(text: str) -> str:
    """'Quant à la Métropole X, elle a voulu…' → 'La Métropole X a voulu…' (the pronoun takes
    back the topic the sentence itself names)."""
    m = re.match(r"(?i)^quant (à la|à l'|aux|au|à)\s*(?P<np>[^,]{2,60}),\s*"
                 r"(?:il|elle|ils|elles)\s+(?P<rest>.+)$", normalize(text).strip())
    if not m:
        return text
    article = {"à la": "La ", "à l'": "L'", "au": "Le ", "aux": "Les ", "à": ""}[
        m.group(1).lower()]
    rest = m.group("rest")
    if re.match(r"(?i)(?:n['’]|ne |se |s['’]|y |en |l['’]|le |la |les |lui |leur )", rest):
        return text
    return f"{article}{m.group('np')} {rest}"


def completion(text: str, need: ContextNeed, previous: str) -> str | None:
    """The sentence with its definite noun phrase completed by the name the previous sentence
    gives it, or None when the previous sentence names nothing for it."""
    if need.kind != "definite" or not need.noun:
        return None
    prev = normalize(previous)
    head = re.escape(need.noun)
    # the same head noun with its name in the previous sentence: "la région Île-de-France",
    # "le département du Gers", "la ville de Montpellier"
    # (or the parties it binds: « une nouvelle convention entre la DINUM et le FIPHFP »)
    m = re.search(rf"(?i)\b{head}s?\s+(?P<name>(?:(?:de la|de l'|des|de|du|d')\s*)?{NAME}"
                  rf"|entre\s+(?:la |le |l')?{NAME}\s+et\s+(?:la |le |l')?{NAME})", prev)
    if m and re.match(r"[A-ZÀ-Þ]", m.group("name").split()[-1] if m.group("name") else ""):
        # (a name goes on after « en », « et », « pour » when capitals follow: « le service de
        # Conseil en Energie Partagé », not « le service de Conseil »)
        name = m.group("name").strip()
        tail = re.match(rf"(?:\s(?:en|et|pour)\s{CAPITALISED}(?:\s{CAPITALISED})*)+",
                        prev[m.start("name") + len(name):])
        name += tail.group(0) if tail else ""
    else:
        # a town named by "à X" / "À X" for commune, ville, mairie, municipalité
        if need.noun not in style()["place_nouns"]:
            return None
        m = re.search(rf"(?:^|[\s,(])[àÀA]\s+(?P<town>{CAPITALISED}(?:[- ]{CAPITALISED})*)", prev)
        if not m or m.group("town").lower() in ("la", "le", "les", "l"):
            return None
        town = m.group("town")
        name = ("d'" if town[0].lower() in "aeiouyéèêàâîôû" else "de ") + town
    if re.search(rf"(?i)\b{head}", name):
        return None     # « le Gouvernement » is not « le Gouvernement du Gouvernement »
    body = normalize(text)
    glue = "" if name.startswith("d'") else " "
    return body[:need.end] + glue + name + body[need.end:]


def subject_taken_up(text: str, subject: str, pronoun: str) -> str | None:
    """« Elle fixe un objectif… » after « La loi Climat et Résilience introduit… »: the
    sentence with its subject pronoun (after its connectors) replaced by the noun phrase the
    previous sentence opens on as its subject, when the pronoun is the one that phrase takes
    (`fr.parse.opening_subject`: gender and number agree); None otherwise."""
    body = normalize(text).strip()
    lead = leading_connectors().match(body)
    start = lead.end() if lead else 0
    m = re.match(rf"(?i){re.escape(pronoun)}\s+(?=[a-zà-ÿ])", body[start:]) if pronoun else None
    if not subject or not m:
        return None
    name = subject if start == 0 else subject[:1].lower() + subject[1:]
    return body[:start] + name + " " + body[start + m.end():]


def resolvable_by(previous_row: dict[str, Any], need: ContextNeed) -> bool:
    """Whether quoting the previous sentence first gives the reader what `need` points to."""
    prev = str(previous_row.get("clean", ""))
    if need.kind in ("demonstrative", "definite") and need.noun:
        if re.match(r"(?i)derni", need.noun):
            return True
        return _lemma(need.noun) in _lemmas(prev)
    return True


def unnamed_thing(before: str, needs: list[ContextNeed]) -> bool:
    """Whether one of `needs` is a demonstrative on the noun of an actor or a thing a document
    names (« Ce projet », « cette charte »: `style.yaml actor_nouns`, `artefact_nouns`) that
    `before` does not name: it stands for what a sentence further back names, not for what
    `before` says, as « cette approche » may; or on a quantity (« un tel taux », « ce
    montant »: `style.yaml figure_label_nouns`) when `before` gives no figure either."""
    quantities = style()["figure_label_nouns"]
    return any(n.kind == "demonstrative" and not resolvable_by({"clean": before}, n) and (
        _lemma(n.noun) in named_nouns()
        or (_lemma(n.noun) in quantities and not re.search(r"\d", before))) for n in needs)


@cache
def named_nouns() -> frozenset[str]:
    """The nouns of what a title names: the actors, the artefacts, the levies and funds a
    document names once (`style.yaml actor_nouns`, `artefact_nouns`, `titled_nouns`), not a
    word of its subject (« cette transformation »)."""
    return frozenset(style()["actor_nouns"] + style()["artefact_nouns"]
                     + style()["titled_nouns"])


def generic_actor(needs: list[ContextNeed], document: str) -> bool:
    """Whether a sentence's only need is a definite actor noun its document uses for whoever
    reads it, never naming one: « La collectivité définit le cadre… » in a guide that says
    « la collectivité » at least `generic_actor_uses` times and never « la collectivité de X »
    (`style.yaml generic_actor_nouns`). Such a sentence needs no antecedent."""
    if len(needs) != 1 or needs[0].kind != "definite":
        return False
    noun = needs[0].noun
    if noun not in style()["generic_actor_nouns"]:
        return False
    uses = len(re.findall(rf"(?i)\b(?:la|le|l['’])\s?{noun}\b", document))
    named = re.search(rf"\b(?i:{noun})s?\s+(?:(?i:de|du)\s+|(?i:d)['’]\s?)?[A-ZÀ-Þ]", document)
    return uses >= int(style()["generic_actor_uses"]) and named is None
