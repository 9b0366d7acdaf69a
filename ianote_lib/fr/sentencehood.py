"""Whether a parsed line is a sentence (`verbs_of`, the `finite_verb` and `tagged_verb` columns of
`fr.parse`): each of its sentences holds a finite verb in a main clause with its subject. A
caption, a heading, the item of a list or the note of a plan of action holds none, or only in
an aside, a relative or a subordinate clause: « Plateforme citoyenne visant à… »,
« Parallèlement, de détecter… », « Montant alloué : 50 000 €. », « Baisse du nombre de
réutilisations, peut être… », « Article R.2196-1 : Précise que… », « Parallèlement, si les
documents figurent dans la liste… », « …une bonne chose, mais besoin de partenariat… »."""

from __future__ import annotations

import re
from typing import Any

from ianote_lib.fr.actions import line_words
from ianote_lib.fr.lemmas import is_known


def verbs_of(doc: Any) -> tuple[bool, bool]:
    """(finite_verb, tagged_verb) of a parsed line: whether each of its sentences holds a finite
    verb that makes it a sentence, and whether the tagger itself found one in each (not only a
    verb it took for a noun, « mesure » in « Le réseau mesure 900 000 kilomètres »)."""
    # every sentence of the text needs its verb: a list item « Collec-data. Syndicat mixte…
    # Montant alloué : 281 777 €. Accompagné par la DINUM. » is a record, not a sentence
    # an aside's verb (« volonté manifeste du producteur (base officiellement ouverte…) »)
    # makes no sentence of a note that the compressed text, without its asides, quotes
    aside = set().union(*parentheses(doc))
    tagged = [t for t in doc if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
              and t.i not in aside and not _determined(t) and not _after_de(t)
              and not _participle_form(t)]
    verbs = tagged + [t for t in doc if t.i not in aside
                      and (_mistagged_verb(t) or _present_as_participle(t))]
    spans = _sentence_spans(doc.text)
    finite = (all(any(start <= t.idx < end for t in verbs) for start, end in spans)
              and not _headless(doc, verbs) and not _no_subject(doc)
              and not _label_and_verb(doc) and not _subordinate_alone(doc)
              and not _noun_then_conjunction(doc, verbs) and not _relative_alone(doc, verbs)
              and not _main_clause_missing(doc, verbs) and not _telegraphic_clause(doc, aside))
    return bool(finite), all(any(start <= t.idx < end for t in tagged) for start, end in spans)


def main_verb(doc: Any) -> bool:
    """Whether the tagger found each sentence's main verb conjugated, with its subject: its
    root a finite verb (« Cela permettra… », or a present it took for a participle: « Le
    rendement descend sous 50 % »), or a participle or an adjective with a conjugated
    auxiliary or copula (« Les risques … sont nombreux »), not introduced by a conjunction
    (« Parce qu'elle soustrait… »). A line whose only verbs stand in its relative clauses has
    none (« Les documents qu'elles communiquent… »), nor an item of a plan of action
    (« Suivre l'approvisionnement… »: no subject)."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    return bool(roots) and all(_conjugated_root(root) for root in roots)


def event_tense(doc: Any) -> str:
    """The time of the event the first sentence's main verb tells: « passé » (« Le projet a
    coûté… », « Les échanges se sont poursuivis… », « Le marathon aura duré… », « Le projet
    fut abandonné »), « futur » (« Un décret précisera… », « Les seuils seront définis… »),
    « imparfait » (a state that was: « Une MSAP réunissait en moyenne 3,6 partenaires »,
    « 44 % des routes étaient en zone 30 »), or empty: a present, a conditional, a modal (« Les
    communes doivent… »), a future copula (« sera passible de… »: a state), or no verb the
    tagger read."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if not roots or any(c.dep_ == "mark" for c in roots[0].children):
        return ""
    root = roots[0]
    for c in root.children:
        if "Fin" not in c.morph.get("VerbForm"):
            continue
        if c.dep_ == "aux:tense":
            return "passé"
        if c.dep_ == "aux:pass":
            return _time(c)
        if c.dep_ == "cop" and "Imp" in c.morph.get("Tense"):
            return "imparfait"
    return _time(root) if root.pos_ == "VERB" and "Fin" in root.morph.get("VerbForm") else ""


def _time(verb: Any) -> str:
    """« futur », « passé » (a simple past) or « imparfait » for a finite verb so conjugated,
    else empty."""
    tense = verb.morph.get("Tense")
    return ("futur" if "Fut" in tense else "passé" if "Past" in tense
            else "imparfait" if "Imp" in tense and "Ind" in verb.morph.get("Mood") else "")


def _conjugated_root(root: Any) -> bool:
    """`main_verb` for one sentence's root. A noun taken for the root (« Le prix moyen de
    l'eau… atteint 4,34 euros… ») has its verb below it, conjugated, in no relative clause."""
    if any(c.dep_ == "mark" for c in root.children):
        return False
    if root.pos_ in ("NOUN", "PROPN"):
        return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
                   and not _subordinate(t) for t in root.subtree if t.i != root.i)
    return any(c.dep_.startswith(("nsubj", "csubj", "expl")) for c in root.children) and (
        (root.pos_ in ("VERB", "AUX") and "Fin" in root.morph.get("VerbForm"))
        or _present_as_participle(root)
        or any(c.dep_ in ("aux", "aux:pass", "aux:tense", "cop")
               and "Fin" in c.morph.get("VerbForm") for c in root.children))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«])")


_CORE_ARGUMENTS = {"obj", "iobj", "obl:arg"}
# participles, infinitives, and adjectives that take a complement (« respectueuse de la
# production », « accessible à tous », « inférieure à 100 kg », « issus du réemploi »)
_NON_FINITE_ENDINGS = ("é", "ée", "és", "ées", "ant", "er", "ir", "euse", "euses", "eux",
                       "ible", "ibles", "ive", "ives", "if", "ifs", "ieur", "ieure", "ieurs",
                       "ieures", "issu", "issus", "issue", "issues")
_RELATIVES = {"qui", "que", "qu'", "qu’", "dont", "où", "auquel", "auxquels", "auxquelles",
              "duquel", "desquels", "desquelles", "lequel", "laquelle", "lesquels", "lesquelles"}


def _headless(doc: Any, verbs: list[Any]) -> bool:
    """A line that opens on a noun or an infinitive heading it, whose finite verbs all stand
    in relative or subordinate clauses (« 3. Contact avec 2 établissements ayant mis en place
    un modèle qui repositionne l'élève », « Former les cuisiniers pour que les changements
    soient appropriés : … »): an item of a list or of a plan of action, not a sentence.
    « Préserver cette ressource est une opportunité » has its verb in its main clause. Only
    the verbs of that first sentence count (« Mise en lumière des freins… qui limitent…. Ces
    freins incluent… » opens on an item all the same)."""
    words = line_words(doc)
    if not words:
        return False
    first = words[0].sent
    root = first.root
    if words[0].i != root.i or not (root.pos_ in ("NOUN", "PROPN") or (
            root.pos_ == "VERB" and "Inf" in root.morph.get("VerbForm"))):
        return False
    own = [t for t in verbs if first.start <= t.i < first.end] or verbs
    return all(_subordinate(t) for t in own)


# verbs that stand without a subject in French (« Reste à savoir si… », « Suffit-il… »)
_SUBJECTLESS = {"rester", "suffire"}


def _no_subject(doc: Any) -> bool:
    """A line that opens on a bare common noun (no article) that is the subject of its
    conjugated main verb, or when that verb has no subject at all (« Baisse du nombre de
    réutilisations, peut être une conséquence… », « Réduction des coûts et délais, favorise la
    visibilité… »): notes taken in a list, not sentences. « Nombre de communes ont… » is
    French; a name (« Études Tech revient… », « Ekwateur… »), an acronym, a quotation or the
    label of an item (« Justice : les systèmes… ») is no bare noun."""
    words = line_words(doc)
    if not words:
        return False
    first, root = words[0], words[0].sent.root
    after = doc[first.i + 1] if first.i + 1 < len(doc) else None
    if (first.pos_ != "NOUN" or not first.text[:1].isupper() or first.text.isupper()
            or not is_known(first.text.lower())
            or (after is not None and (after.text[:1].isupper() or after.text == ":"))
            or doc[:first.i].text.strip(" -•o▪") or first.lower_ == "nombre"
            or any(c.dep_ == "det" for c in first.children)
            or root.pos_ not in ("VERB", "AUX") or "Fin" not in root.morph.get("VerbForm")
            or "Imp" in root.morph.get("Mood") or root.lemma_ in _SUBJECTLESS):
        return False
    subjects = [c for c in root.children if c.dep_.startswith(("nsubj", "csubj", "expl"))]
    return not subjects or any(s.i == first.i for s in subjects)


def _label_and_verb(doc: Any) -> bool:
    """A label, a colon, then a conjugated verb with no subject (« Article R.3131-1 : Définit
    les conditions… », « Open data : Permet de… »): an entry of a list of definitions, whose
    subject is the label, not a sentence."""
    for t in doc:
        if (t.i > 1 and doc[t.i - 1].text == ":" and t.text[:1].isupper()
                and t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
                and "Imp" not in t.morph.get("Mood")
                and not any(c.dep_.startswith(("nsubj", "csubj", "expl")) for c in t.children)):
            return True
    return False


_CONJUNCTIONS = {"si", "s'", "s’", "lorsque", "lorsqu'", "lorsqu’", "quand", "puisque",
                 "puisqu'", "puisqu’", "quoique", "parce", "bien", "afin", "pour"}


def _subordinate_alone(doc: Any) -> bool:
    """A sentence of the line that is a subordinate clause with no main clause
    (« Parallèlement, si les documents figurent dans la liste prévue par le décret. », « Par
    exemple, lorsque le citoyen estime qu'il n'est pas dans une situation d'urgence, ou bien
    pour une visite de routine : … »): the first half of a sentence that a list goes on with,
    its other finite verbs all in clauses of its own (`_under`). « Lorsque la ressource manque,
    les maires doivent… » (a comma before the verb) has its main clause."""
    for start, end in _sentence_spans(doc.text):
        sent = [t for t in doc if start <= t.idx < end]
        roots = [t for t in sent if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
        if len(roots) != 1:
            continue
        root = roots[0]
        finite = [t for t in sent if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
                  and t != root and not (t.head == root and t.dep_.startswith(("aux", "cop")))]
        marks = [c for c in root.children if c.dep_ == "mark" and c.lower_ in _CONJUNCTIONS
                 and c.i < root.i]
        conjugated = [t for t in (root, *root.children) if "Fin" in t.morph.get("VerbForm")
                      and (t == root or t.dep_.startswith(("aux", "cop")))]
        if (marks and conjugated
                and not any(t.text == "," for t in doc[marks[0].i:root.i])
                and all(_under(t, root) for t in finite)
                and not any(_infinitive_main(t, root) for t in sent)):
            return True
    return False


def _infinitive_main(token: Any, root: Any) -> bool:
    """An infinitive the parse hangs on a subordinate root after its comma, the main clause of
    an instruction (« Si la collecte est assurée par une prestation, rédiger un cahier… »)."""
    return (token.head == root and token.i > root.i and "Inf" in token.morph.get("VerbForm")
            and not any(c.dep_ == "mark" for c in token.children)
            and any(t.text == "," for t in root.doc[root.i:token.i]))


def _under(token: Any, root: Any) -> bool:
    """Whether a verb stands in a relative clause or a clause a conjunction introduces below
    the root (« …estime qu'il n'est pas… »), not in a clause the parse hangs on the root
    without its conjunction (« Si la commune le souhaite elle peut agir »)."""
    node = token
    while node != root and node.dep_ != "ROOT":
        # (a conjunction or a relative pronoun that the parse shows: a clause it only labels
        # a relative, « …au sein de l'INP, cette démarche n'est pas généralisée », may be the
        # main one)
        if any((c.dep_ == "mark" and c.lower_ in _CLAUSE_MARKS)
               or (c.lower_ in _RELATIVES and c.pos_ in ("PRON", "ADV") and c.dep_ != "fixed")
               for c in node.children):
            return True
        node = node.head
    return False


# the conjunctions of a finite clause (not « de », « pour » before an infinitive)
_CLAUSE_MARKS = (_CONJUNCTIONS - {"pour", "afin"}) | {"que", "qu'", "qu’"}


def _noun_then_conjunction(doc: Any, verbs: list[Any]) -> bool:
    """A line that opens on a bare noun (no article) whose finite verbs all come after a
    conjunction (« Découverte du goût, autorisé à goûter puisque on gère la quantité… »): the
    note of a list, even when the parse, taking the conjunction for something else, makes the
    subordinate clause's verb its root (what `_headless` reads on the tree)."""
    words = line_words(doc)
    if not words or not verbs:
        return False
    first = words[0]
    if (first.pos_ != "NOUN" or not first.text[:1].isupper() or first.text.isupper()
            or any(c.dep_ == "det" for c in first.children) or first.lower_ == "nombre"):
        return False
    conjunctions = [t.i for t in doc if t.i > first.i and (
        t.lower_ in _CONJUNCTIONS - {"pour", "bien", "s'", "s’"}
        or (t.lower_ in ("s'", "s’") and t.i + 1 < len(doc)
            and doc[t.i + 1].lower_ in ("il", "ils")))]       # (« s'il », not « s'appuie »)
    # (« si X, la formalisation… est facilitée »: a verb after the clause's comma is the main one)
    return bool(conjunctions) and all(
        v.i > conjunctions[0] and not any(t.text in ",:;" for t in doc[conjunctions[0]:v.i])
        for v in verbs)


def _relative_alone(doc: Any, verbs: list[Any]) -> bool:
    """A sentence that opens on a noun phrase and whose one conjugated verb stands in the
    relative clause completing it (« Les données dont la publication présente un intérêt
    économique, social ou environnemental. », « Les communes qui ont ouvert leurs données. »):
    an entry of a list, even when the parse makes the relative's verb its root; a participle of
    the noun phrase is no verb of it (`_noun_participle`: « - Le décret du 10 mai 2021 relatif
    aux infrastructures de recharge ouvertes au public qui décrit le contenu du schéma »).
    « Les communes qui publient leurs données sont rares » has its main verb after the
    relative. The verbs of a relative inside the first one do not count, and a count may open
    the noun phrase (« 2500 Conseillers Numériques dont les contrats ont été signés… qui ne
    seront plus payés »)."""
    words = line_words(doc)
    first = words[0].i if words else 0        # (after a list's glyph or number: « - », « 8. »)
    for start, end in _sentence_spans(doc.text):
        sent = [t for t in doc if start <= t.idx < end and t.i >= first]
        relative = next((t for t in sent if t.lower_ in _RELATIVES - {"où"}), None)
        if relative is None:
            continue
        # (a compound tense has one finite word, its auxiliary: « qui ont ouvert »)
        finite = [t for t in verbs if start <= t.idx < end and not any(
            w.lower_ in ("qui", "que", "qu'", "qu’") for w in sent if relative.i < w.i < t.i)]
        if len(finite) != 1 or finite[0].i < relative.i:
            continue
        before = [t for t in sent if t.i < relative.i and not t.is_space]
        # (a count the list's numbering took: « 2500 conseillers… »)
        counted = first > 0 and doc[first - 1].pos_ == "NUM"
        if (len(before) >= 2 and (before[0].pos_ in ("DET", "NUM") or counted)
                and before[-1].pos_ in ("NOUN", "ADJ", "PROPN")
                and not any(t.text in ",;:()" or (t.pos_ in ("VERB", "AUX")
                                                   and not _noun_participle(t))
                            for t in before)):
            return True
    return False


def _noun_participle(token: Any) -> bool:
    """A participle that qualifies a noun (« ouvertes au public »): no object of its own, which
    a present read as a participle has (« Le schéma adopté par le syndicat décrit les
    besoins… »)."""
    return "Part" in token.morph.get("VerbForm") and all(c.dep_ != "obj" for c in token.children)


# the conjunctions that open a clause of its own, which needs its verb
_CLAUSE_CONJUNCTIONS = {"mais", "car", "donc", "or"}


def _telegraphic_clause(doc: Any, aside: set[int]) -> bool:
    """A clause a conjunction opens on a bare noun and its complement, with no verb (« …serait
    une bonne chose, mais besoin de partenariat durable… », « …difficile d'imposer car
    appartenance de la majorité des territoires arborés au privé »), or on a bare noun as its
    subject (« Métropole gère entretien des arbres, mais communes gèrent… »): notes taken in an
    interview, not a sentence. Inside a parenthesis, an aside of a list (« (baignade dans les
    fontaines publiques car absence d'îlot de fraîcheur) »), it is the list's."""
    for tok in doc[:-2]:
        noun, after = doc[tok.i + 1], doc[tok.i + 2]
        if (tok.lower_ in _CLAUSE_CONJUNCTIONS and tok.i not in aside and noun.pos_ == "NOUN"
                and not any(c.dep_ == "det" for c in noun.children) and noun.lower_ != "nombre"
                and (after.lower_ in ("de", "d'", "d’", "des", "du")
                     or (after.pos_ in ("VERB", "AUX") and "Fin" in after.morph.get("VerbForm")))):
            return True
    return False


# what opens a clause that cannot be a sentence's main one: a conjunction, « étant »
# (« La cible étant que… »); « s' » only before « il » (« s'il », not « s'appuie »)
_CLAUSE_OPENERS = (_CONJUNCTIONS - {"pour", "bien", "afin", "s'", "s’"}) | {"sauf", "étant"}


def _main_clause_missing(doc: Any, verbs: list[Any]) -> bool:
    """A sentence that opens on a determined noun phrase whose finite verbs all stand in the
    clause a conjunction or « étant » opens after it, none after that clause's closing comma
    (« Les entités importantes, si elles ne sont pas entités essentielles et emploient au moins
    50 personnes. », « La cible étant que les utilisateurs sachent : »): the item of a list of
    definitions, not a sentence (a relative clause: `_relative_alone`). « Les entités, si
    elles emploient 50 personnes, sont concernées » has its main verb."""
    words = line_words(doc)
    if _elliptical_head(doc, words):
        return True
    if len(words) < 3 or words[0].pos_ != "DET" or not verbs:
        return False
    opener = next((t for t in words[2:] if t.lower_ in _CLAUSE_OPENERS or (
        t.lower_ in ("s'", "s’") and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("il", "ils"))),
        None)
    return opener is not None and all(
        v.i > opener.i and not any(t.text in ",;:" for t in doc[opener.i:v.i]) for v in verbs)


def _elliptical_head(doc: Any, words: list[Any]) -> bool:
    """A sentence headed by an adjective with no verb of its own, a conjunction's clause after
    its comma (« Utile, parce que le constat est très largement partagé… ; et inefficace,
    parce que… »): the second half of the sentence before it (« …jugent à la fois cette
    disposition « utile » et… « inefficace ». »), not a sentence. « Simple et gratuit, le
    service permet… » has its verb."""
    head = words[0] if words else None
    return bool(head is not None and head.pos_ == "ADJ" and head.dep_ == "ROOT"
                and head.i + 2 < len(doc) and doc[head.i + 1].text == ","
                and doc[head.i + 2].pos_ == "SCONJ"
                and not any(c.dep_ in ("cop", "aux", "aux:pass", "nsubj") for c in head.children))


def _subordinate(token: Any) -> bool:
    """Whether a verb stands in a relative clause or a clause a conjunction introduces."""
    node = token
    for _ in range(12):
        if (node.dep_ == "acl:relcl" or any(c.dep_ == "mark" for c in node.children)
                or any(c.dep_.startswith("nsubj") and c.lower_ in _RELATIVES
                       for c in node.children)):
            return True
        if node.dep_ == "ROOT":
            return False
        node = node.head
    return False


def parentheses(doc: Any) -> list[set[int]]:
    """The token indices of each outermost parenthesis of a parsed text, the parentheses
    included (an unclosed one holds nothing; the tokenizer may glue one to a word, « 8) », or
    to the colon after it, « (Article 1): »)."""
    spans: list[set[int]] = []
    depth, start = 0, 0
    for tok in doc:
        if tok.text == "(" or (tok.text.startswith("(") and ")" not in tok.text):
            depth += 1
            start = tok.i if depth == 1 else start
        elif (tok.text in (")", "):") or (tok.text.endswith(")") and "(" not in tok.text)) \
                and depth:
            depth -= 1
            if depth == 0:
                spans.append(set(range(start, tok.i + 1)))
    return spans


def _determined(token: Any) -> bool:
    """A noun the tagger took for a conjugated verb, which the article before it shows
    (« l'offre », « la mesure »): no verb takes an article (« leur permet » is a pronoun)."""
    before = token.doc[token.i - 1] if token.i else None
    return (before is not None and before.dep_ == "det" and before.head.i == token.i
            and "Art" in before.morph.get("PronType"))


def _participle_form(token: Any) -> bool:
    """A past participle the tagger took for a present (« Un effort assumé pour offrir un
    service… », a heading): no conjugated form of a French verb ends in « é » or « és »."""
    return token.lower_.endswith(("é", "és")) and "Pres" in token.morph.get("Tense")


def _after_de(token: Any) -> bool:
    """A noun the tagger took for a conjugated verb, which the « de » before it shows (« un
    mauvais geste de tri »): no conjugated verb follows the preposition."""
    before = token.doc[token.i - 1] if token.i else None
    return before is not None and before.pos_ == "ADP" and before.lower_ in ("de", "d'", "d’")


def _mistagged_verb(token: Any) -> bool:
    """A word the tagger took for a noun or an adjective although a verb's core argument (an
    object, « obl:arg ») hangs on it, after a subject: « Le réseau français d'eau potable
    mesure environ 900 000 kilomètres » (« mesure » tagged as an adjective). Only verbs take
    such arguments; a participle or an infinitive ending is not counted as finite, nor an
    adjective set apart by a comma (« Open Source, conforme au RGPD, dotée d'une API… »: an
    apposition, whose « au RGPD » the parse hangs on it as on a verb) or right after its noun
    without an object (« Le contact local cyber de la police… », not « une collectivité
    dynamise l'écosystème »); or one a negation frames (`_negated`)."""
    if _negated(token):
        return True
    return (token.pos_ in ("NOUN", "ADJ") and token.i > 1 and token.text.islower()
            and not (token.pos_ == "ADJ" and (token.nbor(-1).text == "," or (
                token.head.i == token.i - 1 and all(c.dep_ != "obj" for c in token.children))))
            and not token.text.endswith(_NON_FINITE_ENDINGS)
            and any(c.dep_ in _CORE_ARGUMENTS for c in token.children))


def _negated(token: Any) -> bool:
    """A word the tagger took for a noun or an adjective between the two words of a negation
    (« La pertinence des applications qui émergent n'éclipse pas… »): only a conjugated verb
    stands there."""
    return (token.pos_ in ("NOUN", "ADJ") and token.text.islower()
            and 0 < token.i < len(token.doc) - 1 and token.nbor(-1).lower_ in ("ne", "n'", "n’")
            and token.nbor(1).lower_ in ("pas", "plus", "jamais", "guère", "point"))


def _present_as_participle(token: Any) -> bool:
    """A present the tagger took for a past participle (« La loi introduit une définition… »:
    « introduit », « produit », « construit » are both; « participe »): the sentence's root,
    with a subject and an object of its own and no auxiliary, which only a conjugated verb
    has."""
    deps = {c.dep_ for c in token.children}
    # (« La collectivité participe à la promotion… »: an indirect object, after a word that no
    # past participle ends on)
    argument = "obj" in deps or ("obl:arg" in deps
                                 and not token.lower_.endswith(_PARTICIPLE_ENDINGS))
    return (token.dep_ == "ROOT" and token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm")
            and "nsubj" in deps and argument
            and not deps & {"aux", "aux:pass", "aux:tense", "cop"})


_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues",
                       "t", "te", "ts", "tes", "s", "se", "ses")


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the sentences of a text (cut after « . ! ? » before a capital),
    those of three words or more."""
    spans, start = [], 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.start() if m else len(text)
        if len(text[start:end].split()) >= 3:
            spans.append((start, end))
        start = m.end() if m else start
    return spans or [(0, len(text))]


# what a label opens on: a noun or a name, with its article or its adjective (« Le problème : »,
# « Participation minimale du maître d'ouvrage (article L. 1111-10 du CGCT) : »); not a date,
# a place in time or a preposition (« Dès 2024 : », « Le 21/11/23 : », « Avec un avantage… : »)
_LABEL_OPENINGS = {"NOUN", "PROPN", "DET", "ADJ"}
# what, at the head of the sentence after a label, stands for the label (« Transparence : elle
# est un principe… », « Fournitures administratives : pour ce marché… »)
_POINTING = {"il", "elle", "ils", "elles", "ce", "cet", "cette", "ces", "son", "sa", "ses",
             "leur", "leurs", "celui", "celle", "ceux", "celles", "cela", "ça"}


def labelled_clause(doc: Any, max_label: int = 25) -> str | None:
    """The sentence that follows a label and its colon (« Participation minimale du maître
    d'ouvrage (article L. 1111-10 du CGCT) : toute collectivité… doit assurer… », « la
    documentation : 22 % des jeux de données ont… »): the heading of a paragraph or of a
    list's item, which the note drops (its capital restored), and whose parse is the
    sentence's (`note.candidates.statement_text` drops the labels the text alone shows, for a
    line the parse has not read). The label is a noun phrase with a common noun and no verb,
    number, comma or relative of its own; a speaker (« Xavier : », « Q : »), a place, a date
    or a headline (« Journée Numérique & Territoires : ») is none. None for any other line,
    and when what follows opens on a bare noun (notes: « … : Importantes économies en
    entretien… »), on a quotation, or points back to the label in its first words
    (« Transparence : elle est… », « Fournitures administratives : pour ce marché… »).
    Whether what follows is a sentence is the caller's to check (`verbs_of`, `main_verb`)."""
    colon = next((t.i for t in doc if t.text in (":", "):")), None)   # (« (Article 1): »)
    words = line_words(doc)
    if colon is None or not words or not 0 < colon - words[0].i <= max_label:
        return None
    aside = set().union(*parentheses(doc))
    label = [t for t in doc[words[0].i:colon] if t.i not in aside]
    named = [t for t in label if t.is_alpha and len(t.text) > 3]
    if (words[0].pos_ not in _LABEL_OPENINGS or words[0].like_num
            or not any(t.pos_ == "NOUN" and len(t.text) > 2 for t in label)
            # (a list the sentence takes up, « Écoles, gymnases, piscines : le patrimoine
            # communal consomme… », is its own; a headline's capitals name an event)
            or any(t.text == "," for t in label)
            or sum(t.text[:1].isupper() for t in named) > max(1, len(named) // 2)
            or any(t.like_num or t.lower_ in _RELATIVES for t in label)
            or any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
                   for t in label)):
        return None
    clause = [t for t in doc[colon + 1:] if not t.is_space]
    if (len(clause) < 5 or clause[0].text[:1] in "«\"“"
            or (clause[0].pos_ in ("NOUN", "ADJ") and clause[0].dep_ != "det")
            or any(t.lower_ in _POINTING for t in clause[:8])):
        return None
    rest = doc[clause[0].i:].text.strip()
    return rest[:1].upper() + rest[1:]
