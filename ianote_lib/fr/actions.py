"""What a sentence says must be done: the infinitive phrase of a prescription, on the parse.

« Les collectivités doivent publier un schéma pluriannuel de mise en accessibilité. », « Il
faut former les agents par blocs de compétences. », « Il est essentiel de rendre accessibles en
ligne les démarches les plus utilisées. », « La Cour recommande de désigner un référent… »: the
infinitive that a verb or an adjective of prescription governs (`resources/fr/actions.yaml`)
is an action a note can recommend, in its own words: « publier un schéma pluriannuel de mise
en accessibilité ».

`action(doc)` gives that phrase and who the sentence says must act (the modal's subject:
« Les collectivités »; empty when the prescription is impersonal). Without a word of
prescription, the infinitives listed after a colon that a noun of the genre announces
(« Trois chantiers seront menés : construire…, sensibiliser les élus… ») are actions too,
« | »-separated. It gives nothing when the prescription is denied, past (« a dû »,
« devait »), inside a subordinate clause, or when the phrase could not stand alone: a pronoun
that points back (« les former »), a demonstrative, a first or second person, a year (a
deadline that may be past), a vague or forward-pointing word (« certaines », « suivants »). A
deadline that ends the phrase (« élaborer leur document d'urbanisme d'ici 2028 ») is left out
and the action kept: the note may be read after it.

Without any of these, what the sentence says a body may do is an option (`OPTION` before the
agent: « Les communes peuvent instaurer un permis de louer… », « La loi… permet au maire de
généraliser le 30 km/h… »), which the note's pistes take after what is prescribed.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ianote_lib.config import load_yaml
from ianote_lib.fr.accents import restore_accents
from ianote_lib.fr.lemmas import lemmatize

_BACK_CLITICS = {"le", "la", "les", "l'", "l’", "lui", "leur", "y", "en"}
_REFLEXIVE = {"se", "s'", "s’"}
_NEGATION = {"ne", "n'", "n’", "pas", "jamais", "plus", "aucun", "aucune", "rien", "nullement"}
_POSSESSIVES = {"son", "sa", "ses", "leur", "leurs"}
# pronouns that point back to something the phrase does not name
_BACK_PRONOUNS = _BACK_CLITICS | {"il", "elle", "ils", "elles", "eux", "celui", "celle", "ceux",
                                  "celles", "cela", "ça"}
_DEMONSTRATIVES = {"ce", "cet", "cette", "ces"}
_PAST_AUXILIARIES = {"a", "ont", "avait", "avaient", "était", "étaient", "fut", "furent"}
# the words that open a clause of purpose or of time before an infinitive
_PURPOSE = {"pour", "afin", "sans", "avant", "après"}
_STOPS = {":", ";", "(", ")", "«", "»", "–", "—", '"', "[", "!", "?"}


@cache
def lexicon() -> dict[str, Any]:
    return load_yaml("fr", "actions.yaml")


# the agent of an item of a list headed by its infinitive (« - Revoir et réduire les dépenses
# non alimentaires ; »): whoever the sentence that announces the list names (note.pistes)
LIST_ITEM = "(liste)"


def action(doc: Any) -> tuple[str, str]:
    """(the infinitive phrase of the sentence's prescription, its agent), or ("", "")."""
    for tok in doc:
        if not _infinitive(tok):
            continue
        trigger = _trigger(tok)
        if trigger is None or not _asserted(trigger) or _denied(tok):
            continue
        phrase = _phrase(tok)
        if phrase:
            return phrase, _agent(trigger)
    listed = _listed(doc)
    if listed:
        return " | ".join(listed), ""
    item = _item(doc)
    if item:
        return item, LIST_ITEM
    return _option(doc)


# the agent of what a text or a rule allows a body to do (« Les communes peuvent instaurer… »,
# « La loi… permet au maire de généraliser… », « les collectivités ont la possibilité de
# répondre… »): a lever at its reach, not a prescription (note.pistes takes it after those)
OPTION = "(option)"


def _option(doc: Any) -> tuple[str, str]:
    """(the infinitive phrase of what the sentence says a body may do, OPTION and that body),
    or ("", ""): the infinitive of « pouvoir » whose subject is a noun, of « permettre à X
    de », of « la possibilité de » that X has or is given; asserted and not denied."""
    lex = lexicon()
    for tok in doc:
        if not _infinitive(tok) or _denied(tok):
            continue
        trigger, agent = _allowing(tok, lex)
        if (trigger is None or not agent or not _asserted(trigger)
                or _lemma(tok) in lex["not_options"]):
            continue
        phrase = _phrase(tok)
        if phrase:
            return phrase, f"{OPTION} {agent}"
    return "", ""


def _allowing(inf: Any, lex: dict[str, Any]) -> tuple[Any | None, str]:
    """The verb that allows the infinitive `inf` and the body it allows (a noun), if any."""
    head = inf.head
    if head.i >= inf.i:
        return None, ""
    marked = any(c.dep_ == "mark" and c.lower_ in ("de", "d'", "d’") for c in inf.children)
    lemma = _lemma(head)
    if lemma in lex["allowing_modals"] and head.pos_ in ("VERB", "AUX") and not marked:
        return head, _noun_child(head, ("nsubj",))
    if lemma in lex["allowing_verbs"] and marked:
        return head, _noun_child(head, ("obl:arg", "iobj", "obl"))
    if head.pos_ == "NOUN" and lemma in lex["allowing_nouns"] and marked:
        verb = head.head
        if verb.i == head.i or verb.pos_ not in ("VERB", "AUX"):
            return None, ""
        return verb, (_noun_child(verb, ("nsubj",)) if _lemma(verb) in lex["having_verbs"]
                      else _noun_child(verb, ("obl:arg", "iobj", "obl"))
                      or _noun_child(head, ("nmod",)))
    return None, ""


def _noun_child(word: Any, deps: tuple[str, ...]) -> str:
    """The first child of `word` by one of `deps` that is a noun, with its adjectives: the
    body allowed is that noun (« Le non-respect… par la commune peut conduire… » allows no
    commune anything)."""
    for c in word.children:
        if c.dep_ in deps and c.pos_ in ("NOUN", "PROPN"):
            kept = [c, *[a for a in c.children if a.dep_ == "amod" and a.pos_ == "ADJ"]]
            return " ".join(t.text for t in sorted(kept, key=lambda t: t.i))
    return ""


def line_words(doc: Any) -> list[Any]:
    """The words of a line without its list marker, its numbering and its punctuation."""
    return [t for t in doc if not (t.is_punct or t.like_num or t.text in "-•o▪")]


def _item(doc: Any) -> str:
    """The action of a line headed by its infinitive (an item of a list of actions: « Revoir et
    réduire les dépenses non alimentaires ; »), "" for any other line: one whose first
    sentence has a conjugated main verb before any colon has the infinitive for its subject
    (« Répondre à un appel d'offres public reste un défi pour les petites entreprises »; not
    « Anticiper les coûts cachés : les besoins doivent être anticipés »)."""
    words = line_words(doc)
    if not words or not _infinitive(words[0]) or words[0].dep_ != "ROOT" or _denied(words[0]):
        return ""
    end = _SENTENCE_END.search(doc.text)
    stop = end.start() if end else len(doc.text)
    if any(t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
           and t.idx < stop for t in doc):
        return ""
    # (nor the infinitive subject of a copula the parse hung elsewhere: « Résider en
    # établissement est très rare jusqu'à l'âge de 85 ans »; not the copula of a relative:
    # « Former les agents qui sont… »)
    if any(t.dep_ == "cop" and "Fin" in t.morph.get("VerbForm") and t.idx < stop
           and t.head.dep_ not in _CLAUSES for t in doc):
        return ""
    return _phrase(words[0])


# the clauses a copula of an item may belong to without being its main verb
_CLAUSES = {"acl", "acl:relcl", "advcl", "ccomp", "csubj", "xcomp"}


_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÀ-Ý«])|\s?:\s")


def _listed(doc: Any) -> list[str]:
    """The actions listed after a colon that a noun of the genre announces (« Trois chantiers
    seront menés : construire…, sensibiliser les élus… et approfondir… », `announcing_nouns`),
    each an infinitive phrase standing alone; none when what leads the list is past (« ont été
    menés »)."""
    colon = next((t.i for t in doc if t.text == ":"), None)
    if colon is None or colon + 1 >= len(doc) or not _infinitive(doc[colon + 1]):
        return []
    lead = doc[:colon]
    announced = [t for t in lead if t.pos_ == "NOUN"
                 and _lemma(t) in lexicon()["announcing_nouns"]]
    # (« Ses priorités : » are someone else's, named in an earlier sentence)
    if (not announced or any(c.lower_ in _POSSESSIVES | _DEMONSTRATIVES for t in announced
                             for c in t.children if c.dep_ == "det")
            or any(t.lower_ in _PAST_AUXILIARIES or "Past" in t.morph.get("Tense")
                   and t.pos_ == "AUX" for t in lead)):
        return []
    starts = [t.i for t in doc[colon + 1:] if _infinitive(t) and (
        t.i == colon + 1 or doc[t.i - 1].text == "," or doc[t.i - 1].lower_ == "et")]
    items = []
    for start, end in zip(starts, [*starts[1:], len(doc)], strict=True):
        if _lemma(doc[start]) in {*lexicon()["light_verbs"], *lexicon()["not_actions"]}:
            continue
        tokens = list(doc[start:end])
        while tokens and (tokens[-1].is_punct or tokens[-1].lower_ == "et"):
            tokens.pop()
        phrase = _checked(tokens, lexicon()) if tokens else ""
        if phrase:
            items.append(phrase)
    return items


def _infinitive(tok: Any) -> bool:
    """An infinitive, never a word in « -ez » the tagger took for one (« Pilotez
    l'homologation… », an imperative of a product's page)."""
    return (tok.pos_ == "VERB" and "Inf" in tok.morph.get("VerbForm")
            and not tok.lower_.endswith("ez"))


def _lemma(tok: Any) -> str:
    return lemmatize(tok.lower_)


def _trigger(inf: Any) -> Any | None:
    """The word of prescription that governs the infinitive `inf`, if any."""
    head = inf.head
    if head.i >= inf.i:         # the root itself, or a word after it
        return None
    lex = lexicon()
    lemma = _lemma(head)
    if lemma in lex["modals"] and head.pos_ in ("VERB", "AUX"):
        # (its complement, not a clause of purpose: « il faudrait 170 ans pour remplacer des
        # canalisations » says how long it takes, and prescribes nothing)
        purpose = inf.dep_ == "advcl" or any(c.dep_ == "mark" and c.lower_ in _PURPOSE
                                             for c in inf.children)
        return None if purpose else head
    marked = any(c.dep_ == "mark" and c.lower_ in ("de", "d'", "d’", "à") for c in inf.children)
    if marked and (lemma in lex["prescribing_verbs"] or head.lower_ in lex["adjectives"]
                   or lemma in lex["adjectives"]) and not _forecast(head, inf):
        return head
    return None


def _forecast(head: Any, inf: Any) -> bool:
    """Whether a passive verb of prescription tells what is bound to happen, not what must
    be done: its infinitive governs nothing (« La liste des villes… est appelée à s'allonger
    encore »; not « Les communes sont appelées à renforcer leurs contrôles »)."""
    passive = any(c.dep_ == "aux:pass" for c in head.children) or (
        "Part" in head.morph.get("VerbForm")
        and any(c.dep_.startswith("aux") and c.lower_ in ("est", "sont") for c in head.children))
    # (what follows a colon after it is a list the parse may hang on it, not its complement:
    # « …appelée à s'allonger encore : Saint-Denis, Aubervilliers… ont amorcé le mouvement »)
    colon = next((t.i for t in inf.doc[inf.i:] if t.text == ":"), len(inf.doc))
    return (passive and _lemma(head) in lexicon()["forecast_when_passive"]
            and not any(c.dep_ in ("obj", "obl", "obl:arg", "obl:mod", "xcomp", "ccomp", "iobj")
                        and c.i < colon for c in inf.children))


def _asserted(trigger: Any) -> bool:
    """The prescription is the sentence's own (its main clause, or one coordinated with it),
    in the present, the future or the conditional, not denied, and not said of some cases
    only (`actions.yaml hedges`)."""
    node = trigger
    while node.dep_ == "conj":
        node = node.head
    if node.dep_ != "ROOT" or any(c.dep_ == "mark" for c in node.children):
        return False        # « Si les communes doivent…, »: a condition, not a prescription
    if any(c.lower_ in _NEGATION for c in trigger.children):
        return False
    # (nor one said of some cases: « Il faut parfois racheter… », « Il est souvent nécessaire
    # de… »)
    if any(t.lower_ in lexicon()["hedges"]
           for t in [*trigger.children, *trigger.doc[trigger.i + 1:trigger.i + 3]]):
        return False
    if "Past" in trigger.morph.get("Tense") or "Imp" in trigger.morph.get("Tense"):
        # a participle of prescription is present with « est »: « il est recommandé de »
        return ("Part" in trigger.morph.get("VerbForm")
                and any(c.dep_.startswith("aux") and c.lower_ in ("est", "sont") for c in
                        trigger.children))
    return not any(c.dep_ == "aux" and c.lower_ in ("a", "ont", "avait", "avaient", "aurait")
                   for c in trigger.children)


def _denied(inf: Any) -> bool:
    return any(c.lower_ in _NEGATION for c in inf.children)


def _phrase(inf: Any) -> str:
    """The infinitive with its clitic and what follows it in its subtree, up to a colon, a
    semicolon, a parenthesis or a comma; "" when it cannot stand alone."""
    lex = lexicon()
    doc = inf.doc
    clitics = [c for c in inf.children if c.i < inf.i and c.pos_ == "PRON"]
    if (any(c.lower_ in _BACK_CLITICS for c in clitics) or _lemma(inf) in lex["light_verbs"]
            or _lemma(inf) in lex["not_actions"]):
        return ""
    start = min([c.i for c in clitics if c.lower_ in _REFLEXIVE] or [inf.i])
    end = inf.right_edge.i + 1
    if end < len(doc) and doc[end].text == "«":
        # (a quotation right after the phrase names its last noun, wherever the parse
        # attaches it: « appliquer la règle simple « 3-2-1 » »)
        end = max(end, _quotation_end(doc, end, len(doc)) + 1)
    tokens: list[Any] = []
    closing = -1            # (the end of a short quotation the phrase goes through)
    for t in doc[start:end]:
        if t.i <= closing:
            tokens.append(t)
            continue
        if t.text == "«":
            closing = _quotation_end(doc, t.i, end)
            if closing > t.i:
                tokens.append(t)
                continue
        if t.text in _STOPS or (t.text == "," and len(tokens) >= 3):
            break
        tokens.append(t)
    opening = " ".join(t.lower_ for t in tokens[:2])
    if any(opening == x or opening.startswith(x + " ") for x in lex["not_action_locutions"]):
        return ""       # (« porter sur tout ou partie des matériels » prescribes nothing)
    after = tokens[-1].i + 1 if tokens else start
    last = tokens[-1] if tokens else None
    if (last is not None and after < len(doc) and doc[after].text == ":"
            and _infinitive(last) and not any(c.dep_ in ("obj", "ccomp", "xcomp")
                                              for c in last.children)):
        return ""       # (its object is the list after the colon: « …pouvant inclure : »)
    return _checked(tokens, lex)


def _quotation_end(doc: Any, opening: int, end: int, longest: int = 6) -> int:
    """The index of the « » » that closes the quotation opened at `opening` before `end`
    within `longest` words (« des sauvegardes dites « hors ligne » »: the phrase goes
    through it, not cut on « dites »), else -1."""
    for t in doc[opening + 1:min(end, opening + longest + 2)]:
        if t.text == "»":
            return t.i
        if t.text in _STOPS:
            break
    return -1


def _checked(tokens: list[Any], lex: dict[str, Any]) -> str:
    """The text of an action's tokens, without its final purpose when long, or "" when it
    could not stand alone (see the module docstring)."""
    tokens = _without_deadline(_without_purpose(tokens, int(lex["purpose_cut_words"])))
    while tokens and (tokens[-1].is_punct or tokens[-1].pos_ in ("CCONJ", "ADP", "DET")
                      or tokens[-1].lower_ == "ici") and not _closes_quote(tokens):
        tokens.pop()        # (« d'ici » without its year, which the parse did not attach)
    words = [t for t in tokens if not t.is_punct]
    if not (3 <= len(words) <= int(lex["max_words"])):
        return ""
    if len(tokens) > 1 and tokens[1].text == ",":
        # (its object after an aside the phrase stops in: « réaliser, sur un volume horaire
        # défini, … »)
        return ""
    low = {t.lower_ for t in tokens}
    if (low & set(lex["personal"]) or low & set(lex["vague_words"])
            or any(len(t.text) == 4 and t.text.isdigit() for t in tokens)
            or any(t.dep_ == "det" and t.lower_ in _DEMONSTRATIVES for t in tokens)
            or any(t.pos_ == "PRON" and t.lower_ in _BACK_PRONOUNS for t in tokens[1:])):
        return ""
    tokens = _without_coordinated_de(tokens)
    # (a capital that lost its accent gets it back before it is lower-cased: « Evaluer la
    # cohérence… » is « évaluer la cohérence… »)
    text = restore_accents("".join(_own_possessive(t) + t.whitespace_ for t in tokens).strip())
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _without_coordinated_de(tokens: list[Any]) -> list[Any]:
    """An action out of its sentence without the « de » that its word of prescription
    governed before a second infinitive (« il est nécessaire d'animer un réseau et de
    convaincre les habitants » → « animer un réseau et convaincre les habitants »)."""
    return [t for k, t in enumerate(tokens)
            if not (t.lower_ in ("de", "d'", "d’") and 0 < k < len(tokens) - 1
                    and tokens[k - 1].lower_ in ("et", "ou") and _infinitive(tokens[k + 1]))]


def _closes_quote(tokens: list[Any]) -> bool:
    """Whether the last token closes a quotation the tokens open (« mettre en place un 'plan
    pluie' », « un « plan pluie » »): it stays."""
    last = tokens[-1].text
    texts = [t.text for t in tokens[:-1]]
    if last in ("»", "”"):
        return texts.count({"»": "«", "”": "“"}[last]) > texts.count(last)
    return last in ("'", '"') and texts.count(last) % 2 == 1


def _without_purpose(tokens: list[Any], longest: int) -> list[Any]:
    """A phrase longer than `longest` words loses its final purpose (« …, pour garantir
    l'accessibilité des services publics », « afin de développer… »): the action stays."""
    if len(tokens) <= longest:
        return tokens
    for k, t in enumerate(tokens[4:], start=4):
        if t.lower_ == "afin" or (t.lower_ == "pour" and t.head.pos_ == "VERB"
                                  and t.head.i > t.i and "Inf" in t.head.morph.get("VerbForm")):
            return tokens[:k]
    return tokens


# the first word of a deadline (« d'ici », « avant », « à l'horizon », « jusqu'en », « fin »):
# not « en 2020 », which may date what the action acts on
_DEADLINE = {"ici", "avant", "horizon", "jusqu'en", "jusqu’en", "fin"}


def _without_deadline(tokens: list[Any]) -> list[Any]:
    """The phrase without the deadline that ends it (« d'ici 2028 », « avant fin 2025 »,
    « à l'horizon 2030 »): the words from the deadline's first word to a year that only
    punctuation follows."""
    words = [t for t in tokens if not t.is_punct]
    if not words or not (len(words[-1].text) == 4 and words[-1].text.isdigit()):
        return tokens
    end = tokens.index(words[-1])
    for k in range(end - 1, max(end - 4, 0), -1):
        if tokens[k].lower_ in _DEADLINE:
            start = k - 1 if tokens[k - 1].lower_ in {"d'", "d’", "l'", "l’", "à"} else k
            start = start - 1 if tokens[start].lower_ in {"l'", "l’"} and start > 0 else start
            return tokens[:start]
    return tokens


def _own_possessive(tok: Any) -> str:
    """« leur(s) » of the agent becomes « son », « sa », « ses »: the note recommends the
    action to one collectivité (« mettre aux normes leurs supports » → « ses supports »)."""
    if tok.lower_ == "leurs" and tok.dep_ == "det":
        return _cased("ses", tok.text)
    if tok.lower_ == "leur" and tok.dep_ == "det":
        head = tok.head
        feminine = "Fem" in head.morph.get("Gender") and head.lower_[:1] not in "aeéèêiîoôuhy"
        return _cased("sa" if feminine else "son", tok.text)
    return tok.text


def _cased(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


def _agent(trigger: Any) -> str:
    """The subject of the word of prescription when it is a noun phrase (« Les collectivités
    doivent… »), "" when the prescription is impersonal (« il faut », « il est essentiel de »)
    or said by someone (« La Cour recommande de… »: the recommendation is addressed to the
    reader), "?" when it is a pronoun or missing (« Elles doivent… »: who, the sentence alone
    does not say)."""
    lemma = _lemma(trigger)
    if lemma in lexicon()["prescribing_verbs"]:
        # « invite les communes à… », « les communes sont invitées à… »
        for c in trigger.children:
            if c.dep_ in ("obj", "nsubj:pass") and c.pos_ in ("NOUN", "PROPN"):
                return _span(c)
        return ""
    if lemma not in lexicon()["modals"] or lemma in lexicon()["impersonal"]:
        return ""
    for c in trigger.children:
        if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ in ("NOUN", "PROPN"):
            return _span(c)
    return "?"


def _span(noun: Any) -> str:
    """A noun with its adjectives and the nouns of its complements (« organismes publics »,
    « ensemble administrations »): enough to tell who it is, without its appositions."""
    kept = [noun, *[c for c in noun.children if c.dep_ in ("amod", "nmod", "conj")
                    and c.pos_ in ("ADJ", "NOUN", "PROPN")]]
    return " ".join(t.text for t in sorted(kept, key=lambda t: t.i))


def possessives(phrase: str) -> bool:
    """Whether a phrase holds a possessive (« leurs supports »), which refers to its agent."""
    return any(w.lower() in _POSSESSIVES for w in phrase.replace("’", "'").split())
