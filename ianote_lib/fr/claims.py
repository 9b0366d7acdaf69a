"""A sentence's claim as a title may state it: its subject and what its main verb says of it,
turned into a noun phrase (« Les bibliothèques sont souvent gérées par des bénévoles. » → « des
bibliothèques souvent gérées par des bénévoles »; « Les mairies multiplient les offres. » →
« des mairies qui multiplient les offres »; « La gestion des cimetières représente un défi
croissant. » → « la gestion des cimetières, un défi croissant »).

A note's titles state ideas, not topics (« Des usages qui se diffusent mais restent
expérimentaux » rather than « Les usages »). A claim is only taken from a sentence that opens on
its subject, a common noun with an article, and whose main verb, in the present, says something
whole before the first punctuation: no name, no figure, nothing that points to another sentence
(a pronoun object, a demonstrative: `resources/fr/claims.yaml pointing`), no reported speech, no
complement that the end of the clause cuts off, no count or rank for a subject
(`counting_heads`), and not a short sentence nearly as it is (`_copied`). The subject takes the
indefinite article (a title introduces what it names) and the verb follows « qui »; a copula or
a passive auxiliary of the present is dropped before its adjective or participle; a noun
attribute (« représente un défi ») follows its subject, which keeps its article, after a comma;
a subject whose noun says nothing without its definite complement (`relational_heads`: « le rôle
de l'arbre ») gives no other claim. The adverbs that link to the sentence before go
(`linking`).
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import cache
from typing import Any

from ianote_lib.config import load_yaml
from ianote_lib.fr.lemmas import lemmatize
from ianote_lib.fr.normalize import fold
from ianote_lib.fr.speech import speech_verb

_INDEFINITE = {("Masc", "Sing"): "un", ("Fem", "Sing"): "une", ("Masc", "Plur"): "des",
               ("Fem", "Plur"): "des"}
_ARTICLES = {"le", "la", "l'", "les", "un", "une", "des"}
_DEFINITE = {"le", "la", "l'", "les", "du", "des", "au", "aux"}
_CLAUSE_END = {",", ";", ":", ".", "!", "?", "(", ")", "«", "»", '"', "–", "—", "…", "...", "/"}
_OWN_PRONOUNS = {"se", "s'", "qui", "que", "qu'", "dont", "où"}
_BAD_ENDINGS = {"ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX"}
_NEGATION_ENDS = {"pas", "plus", "jamais", "rien", "guère", "point", "aucun", "aucune",
                  "personne", "que", "qu'", "nullement"}
# what a comma may open after a complement without cutting it (a relative, an apposition)
_ASIDES = {"acl:relcl", "acl", "appos", "advcl", "parataxis"}
# what completes a verb or a noun: beyond the end of the clause, it is cut off
_COMPLEMENTS = {"obj", "iobj", "xcomp", "ccomp", "acl", "nmod", "obl:arg"}
# verbs whose negation may stand with « ne » alone (« ne peut se déployer sans… »)
_NE_ALONE = ("peu", "pouv", "sai", "sav", "cess", "os")
# the phrases of the main verb that may open a sentence before its subject
_FRONTED = {"obl", "obl:mod", "obl:arg", "advmod", "advcl", "punct"}
_PERSONAL = {"je", "j'", "nous", "vous", "notre", "nos", "votre", "vos", "mon", "ma", "mes"}
# verbs whose noun attribute says what the subject is (« représente un défi »)
_ATTRIBUTIVE = {"est", "sont", "représente", "représentent", "constitue", "constituent",
                "reste", "restent", "demeure", "demeurent", "devient", "deviennent", "désigne",
                "désignent"}


def claim(doc: Any, most_words: int = 12) -> str:
    """The claim of a parsed sentence as a title's noun phrase (first letter lower-cased), or
    "" when the sentence does not state one in at most `most_words` words."""
    clause = _main_clause(doc)
    if clause is None:
        return ""
    root, subject = clause
    start = subject.left_edge.i
    end = subject.right_edge.i + 1 if subject.right_edge.i < root.i else root.i
    words = _subject_words(doc[start:end], subject)
    if _points(doc[start:end]):
        return ""       # (« La levée de celui-ci… » is no « levée » of its own)
    if not _opening(doc, root, start) or subject.pos_ != "NOUN" \
            or not _plain_subject(words, subject):
        return ""
    finite = _finite(root)
    stop = _clause_end(doc, end)
    if finite is None or _saying(root) or _saying(finite) or root.i >= stop or root.i < end:
        return ""
    if _cut(root, stop):
        return ""
    stop = _without_circumstance(doc, root, end, stop)
    predicate = _kept(doc[end:stop])
    if (not predicate or not _plain(predicate) or predicate[-1].pos_ in _BAD_ENDINGS
            or _unfinished(doc, root, predicate, stop)):
        return ""
    if _foreign_possessive(predicate, subject) or not _agrees(doc, subject, finite, end):
        return ""
    text = _phrase(words, subject, predicate, root, finite)
    if not text or len(text.split()) > most_words or _copied(text, doc.text):
        return ""
    return text


def _copied(claim_text: str, sentence: str) -> bool:
    """Whether a claim is its short sentence copied (`claims.yaml copied_ratio` alike, the
    sentence at most `short_sentence_words` long: « La forêt est une ressource pour les
    communes. » → « la forêt, une ressource pour les communes »): a title written so reads as
    a line of the dossier."""
    conf = load_yaml("fr", "claims.yaml")
    if len(sentence.split()) > int(conf["short_sentence_words"]):
        return False
    strip = " .;:,!?…«»\""
    ratio = SequenceMatcher(None, fold(claim_text).strip(strip), fold(sentence).strip(strip))
    return ratio.ratio() >= float(conf["copied_ratio"])


def _main_clause(doc: Any) -> tuple[Any, Any] | None:
    """The main verb (or attribute) and its one subject: the root's, or its copula's or
    auxiliary's (« les moyens… restent insuffisants »), or, when the tagger took the verb for
    a word of the noun phrase it opens on (« L'habitat indigne désigne un local… »: the noun
    as root, the verb as its modifier), that verb and that noun."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if not roots:
        return None
    root = roots[0]
    holders = [root, *(c for c in root.children if c.dep_ in ("cop", "aux", "aux:pass"))]
    subjects = [c for h in holders for c in h.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if len(subjects) == 1:
        return root, subjects[0]
    if subjects or root.pos_ != "NOUN" or root.i > 3:
        return None
    for t in doc[root.i + 1:]:
        if t.is_punct:
            return None
        if t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm") and t.head.i <= t.i:
            return t, root
    return None


def _opening(doc: Any, root: Any, start: int) -> bool:
    """Whether the sentence opens on its subject, or on a phrase of the main verb a comma
    closes (« Depuis la loi de 2021, les bibliothèques… »: a title states what holds) that
    points to no other sentence (« Dans ce cas de figure, le fournisseur peut… », « Pour y
    parvenir, … »: what holds then is said elsewhere)."""
    if start == 0:
        return True
    if doc[start - 1].text != ",":
        return False
    lead = {t.i for c in root.children if c.i < start and c.dep_ in _FRONTED
            for t in c.subtree}
    # (« l'an dernier » points nowhere: of the pointing words, only determiners count here)
    return all(t.i in lead or t.text == "," for t in doc[:start]) \
        and not _points(doc[:start], ("DET",))


def _agrees(doc: Any, subject: Any, finite: Any, end: int) -> bool:
    """Whether the subject is one noun phrase (no coordination) that its verb agrees with,
    the verb coming right after it (a negation, a reflexive or an adverb between)."""
    if any(c.dep_ in ("conj", "cc") for c in subject.children):
        return False
    number = subject.morph.get("Number")
    plural_verb = _low(finite).endswith(("ent", "ont")) and not _low(finite).endswith(
        ("vient", "tient"))        # (the tagger errs on the verb's number)
    if number and (number == ["Plur"]) != plural_verb:
        return False
    return all(t.pos_ in ("ADV", "PART", "PRON") or _low(t) in ("ne", "n'")
               for t in doc[end:finite.i])


def _foreign_possessive(predicate: list[Any], subject: Any) -> bool:
    """Whether a possessive of the predicate cannot take up the subject (« leur » after a
    singular one, « son » after a plural one, « notre »): what it owns is elsewhere."""
    plural = "Plur" in subject.morph.get("Number")
    for t in predicate:
        low = _low(t)
        if low in _PERSONAL or t.pos_ == "DET" and (
                low in ("leur", "leurs") and not plural or low in ("son", "sa", "ses") and plural):
            return True
    return False


def _subject_words(span: Any, head: Any) -> list[Any]:
    """The subject's tokens without a count before its noun or a complement after it that
    holds a name or a figure (« Les 15 000 bibliothèques françaises » → « Les bibliothèques
    françaises »; « La loi du 21 décembre 2021 » → « La loi »)."""
    drop: set[int] = set()
    for child in head.children:
        sub = list(child.subtree)
        if child.dep_ == "nummod" or child.i > head.i and child.dep_ != "amod" and not _plain(sub):
            drop |= {t.i for t in sub}
    return [t for t in span if t.i not in drop]


def _plain_subject(words: list[Any], head: Any) -> bool:
    article = words[0]
    return (article.dep_ == "det" and article.head.i == head.i and _low(article) in _ARTICLES
            and _low(head) not in _words()["counting"]
            and not any(_low(t) in _words()["counting"] and t.pos_ == "ADJ" for t in words)
            and not any(t.pos_ == "DET" for t in words[1:] if t.head.i == head.i)
            and not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
                        or _low(t) in ("qui", "que", "qu'", "dont", "où") or _missed_verb(t)
                        for t in words)
            and _plain(words))


def _missed_verb(token: Any) -> bool:
    """A conjugated verb the tagger took for an adverb or an adjective of the subject (« les
    tiers-lieux florissent, réinventent les territoires… » titled a sub-part « Des tiers-lieux
    florissent qui réinventent les territoires »): a plural in « -issent », « -aient », or a
    form whose lemma is a verb."""
    low = _low(token)
    if token.pos_ not in ("ADV", "ADJ") or not low.endswith("ent"):
        return False
    lemma = lemmatize(low)
    return low.endswith(("issent", "aient")) or (lemma != low
                                                 and lemma.endswith(("er", "ir", "re")))


def _finite(root: Any) -> Any:
    """The finite verb of the main clause (the root, or its auxiliary) when it is an
    indicative present; None otherwise (a past, a future, a conditional)."""
    if root.pos_ in ("PROPN", "PRON", "NUM"):
        return None
    auxes = [c for c in root.children if c.dep_ in ("aux", "aux:pass", "cop", "aux:tense")
             and c.i < root.i]
    finite = auxes[0] if auxes else root
    if any(_low(c) in ("a", "ont", "avait", "avaient", "été", "eu") for c in auxes):
        return None         # a past event (« a renforcé », « a été unanime »), not a state
    if finite.morph.get("Mood") != ["Ind"] or finite.morph.get("Tense") != ["Pres"] \
            or _low(finite).endswith(("rait", "raient")):    # (a conditional the tagger missed)
        return None
    return finite


def _points(tokens: Any, kinds: tuple[str, ...] = ("DET", "ADJ")) -> bool:
    """Whether `tokens` hold a pronoun or a pointing word (of the parts of speech `kinds`) that
    stands for what another sentence names (« celui-ci », « cette mesure »)."""
    return any(t.pos_ == "PRON" and _low(t) not in _OWN_PRONOUNS
               or _low(t) in _words()["pointing"] and t.pos_ in kinds for t in tokens)


def _plain(tokens: Any) -> bool:
    """Tokens a title may hold: no name, figure, pronoun pointing elsewhere, demonstrative,
    quotation or parenthesis."""
    for t in tokens:
        if t.pos_ in ("PROPN", "NUM") or any(ch.isdigit() for ch in t.text):
            return False
        if t.text in _CLAUSE_END or _low(t) in _words()["pointing"] and t.pos_ in ("DET", "ADJ"):
            return False
        if t.pos_ == "PRON" and _low(t) not in _OWN_PRONOUNS:
            return False
        if _low(t) in ("en", "y") and t.i + 1 < len(t.doc) and t.nbor().pos_ in ("VERB", "AUX"):
            return False        # « en fait une condition »: what « en » stands for is elsewhere
        if t.text[:1].isupper() and t.i > 0:
            return False
    return True


def _clause_end(doc: Any, start: int) -> int:
    """Where the main clause's predicate ends: at the first punctuation, or a coordination of
    the main verb (« …et permet aussi… »)."""
    for t in doc[start:]:
        if t.text in _CLAUSE_END:
            return t.i
        if t.pos_ == "CCONJ" and t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT":
            return t.i
    return len(doc)


def _cut(root: Any, stop: int) -> bool:
    """Whether a complement of the main verb runs past the end of the clause (an enumeration,
    a relative or a complement that a comma opens: the clause would be cut)."""
    for child in root.children:
        if child.i >= stop and child.dep_ in _COMPLEMENTS:
            return True     # (« une façon pour un élu, …, d'associer… »)
        if child.dep_ == "punct" or not child.i < stop <= child.right_edge.i:
            continue
        beyond = [t for t in child.subtree if t.i >= stop and not t.is_punct]
        tops = [t for t in beyond if t.head.i < stop]
        if not tops or any(t.dep_ not in _ASIDES for t in tops):
            return True
    return False


def _without_circumstance(doc: Any, root: Any, start: int, stop: int) -> int:
    """Where the predicate ends without its last complement when that one is a circumstance
    holding a figure or a name (« …séduit les familles depuis 2019 » → « …séduit les
    familles »): a title states what holds."""
    last = [c for c in root.children if start <= c.i < stop and c.dep_ != "punct"]
    if last and last[-1].dep_ in ("obl", "obl:mod", "obl:agent", "advcl") \
            and last[-1].i > root.i \
            and not _plain(list(last[-1].subtree)) and len(last) > 1:
        return last[-1].left_edge.i
    return stop


def _unfinished(doc: Any, root: Any, predicate: list[Any], stop: int) -> bool:
    """Whether the clause stops before what its verb announces: a colon after it, or a verb
    with nothing after it that a comma cuts from the rest (« La déclaration comprend : … »,
    « Le cabinet désigne, … »)."""
    if stop < len(doc) and doc[stop].text == ":" or any(
            t.dep_.startswith("nsubj") for t in predicate):
        return True         # (a list it announces; a clause of its own inside)
    if _low(predicate[0]) in ("est", "sont") and len(predicate) > 2 \
            and _low(predicate[1]) in ("de", "d'") and predicate[2].pos_ in ("VERB", "AUX"):
        return True         # « Le but est de réduire… »: what it is lies in the infinitive
    lows = [_low(t) for t in predicate]
    if _comparative(predicate, lows):
        return True
    if any(w in ("ne", "n'") for w in lows) and not set(lows) & _NEGATION_ENDS \
            and not any(w.startswith(_NE_ALONE) for w in lows):
        return True         # « n'est obligatoire » of « n'est obligatoire que pour… »
    last = stop >= len(doc) or doc[stop].text in ".!?…"
    return not last and (predicate[-1].i == root.i and root.pos_ in ("VERB", "AUX")
                         or predicate[-1].head.i >= stop)


def _comparative(predicate: list[Any], lows: list[str]) -> bool:
    """Whether the predicate compares without saying with what (« une reprise plus sensible
    encore », « de meilleure qualité »): what it is compared with is elsewhere."""
    if "que" in lows or "qu'" in lows or " ".join(lows).count("de plus en plus"):
        return False
    return any(w in ("plus", "moins", "meilleur", "meilleure", "meilleurs", "meilleures",
                     "pire", "pires") and t.head.pos_ in ("ADJ", "ADV", "NOUN")
               and t.dep_ in ("advmod", "amod")
               and not (k and lows[k - 1] in ("le", "la", "les", "l'"))    # a superlative
               for k, (w, t) in enumerate(zip(lows, predicate, strict=True)))


def _kept(span: Any) -> list[Any]:
    """The span's tokens without the adverbs (and phrases) that link to the sentence
    before."""
    doc, drop = span.doc, set()
    for t in span:
        for phrase in _words()["phrases"]:
            end = t.i + len(phrase)
            if end <= len(doc) and tuple(_low(w) for w in doc[t.i:end]) == phrase \
                    and not (end < len(doc) and _low(doc[end]) == "en"):  # « de plus en plus »
                drop |= set(range(t.i, end))
        if t.pos_ == "ADV" and _low(t) in _words()["linking"]:
            drop.add(t.i)
    return [t for t in span if t.i not in drop]


def _text(tokens: list[Any]) -> str:
    return " ".join("".join(t.text_with_ws for t in tokens).split()).replace("' ", "'")


def _phrase(subject: list[Any], head: Any, predicate: list[Any], root: Any, finite: Any) -> str:
    """The subject and its predicate as a noun phrase (see the module's docstring)."""
    words = _text(predicate)
    negated = any(_low(t) in ("ne", "n'") for t in predicate)
    complemented = any(_low(c) in _DEFINITE for t in subject[1:] if t.dep_ == "nmod"
                       for c in t.subtree)
    attribute = [root] if finite is not root else [c for c in root.children if c.dep_ == "obj"]
    # (the attribute's noun phrase right after the verb, an adverb between: « est une
    # ressource », not « est à l'étude »)
    after = next((w for w in predicate if w.i > finite.i and w.pos_ != "ADV"), None)
    attribute = [t for t in attribute if t.pos_ == "NOUN" and t.i > finite.i
                 and after is not None and after.pos_ in ("DET", "ADJ", "NOUN")]
    if _low(finite) in _ATTRIBUTIVE and attribute and not negated:
        rest = _text([t for t in predicate if t.i > finite.i])
        lead = _text(subject)
        return f"{lead[:1].lower()}{lead[1:]}, {rest}"
    if complemented and _low(head).rstrip("sx") in _words()["relational"]:
        return ""       # (« le rôle de l'arbre »: « un rôle de l'arbre » says another thing)
    noun = _indefinite(subject, head)
    if not noun:
        return ""
    if finite is not root and finite.dep_ in ("cop", "aux:pass") and not negated \
            and _low(finite) in ("est", "sont") and not complemented:
        if root.pos_ == "ADJ" or "Part" in root.morph.get("VerbForm"):
            rest = _text([t for t in predicate if t.i != finite.i])
            return f"{noun} {rest}"
    if finite is not root and finite.dep_ == "cop" and root.pos_ != "ADJ":
        return ""
    return f"{noun} qui {words}"


def _indefinite(words: list[Any], head: Any) -> str:
    """The subject with the indefinite article (« les petites communes » → « de petites
    communes »); "" when its gender is unknown."""
    number = (head.morph.get("Number") or ["Sing"])[0]
    gender = (head.morph.get("Gender") or ["Masc" if number == "Plur" else ""])[0]
    article = _INDEFINITE.get((gender, number))
    if article is None:
        return ""
    rest = _text(words[1:])
    if article == "des" and words[1].pos_ == "ADJ" and words[1].i < head.i:
        article = "de"
        if rest[:1].lower() in "aeiouyéèêàâîôûh":
            return f"d'{rest}"
    return f"{article} {rest}"


def _saying(token: Any) -> bool:
    return bool(speech_verb().fullmatch(token.lower_))


def _low(token: Any) -> str:
    return token.lower_.replace("’", "'")


@cache
def _words() -> dict[str, frozenset]:
    data = load_yaml("fr", "claims.yaml")
    return {"pointing": frozenset(data["pointing"]), "linking": frozenset(data["linking"]),
            "phrases": frozenset(tuple(p.replace("'", "' ").split())
                                for p in data["linking_phrases"]),
            "counting": frozenset(data["counting_heads"]),
            "relational": frozenset(data["relational_heads"])}
