"""Verification of the note, always on.

Rules: every paragraph of the body cites at least one document; every number of a sentence
appears in a document the sentence cites; every proper noun (capitalised word not at the start of
a sentence, acronym) appears in a cited document; template sentences (plan) hold no number and
no name foreign to the dossier or the commande; no first or second person of press copy, no
question, no fragment; the running text holds 1 400 to 2 200 words; every document is cited; the
announcement of the plan quotes the part titles exactly.

In automatic mode the sentences drawn from the documents that fail are dropped
(`enforce`); analyst-written text is never dropped: its failures are reported as errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pandas as pd
from text_to_num import alpha2digit

from ianote_lib.fr.normalize import fold, normalize, word_count
from ianote_lib.note.text import numbers_in, press_pronouns, proper_nouns, style
from ianote_lib.note.write import Note, NoteParagraph, NoteSentence

MIN_WORDS = 1400
MAX_WORDS = 2200
BODY_PREFIXES = ("I", "II")


@dataclass
class Issue:
    level: str          # error | warning
    rule: str
    section: str
    sentence: str       # note_sentence_id or ""
    origin: str         # document | template | analyst | note
    message: str


@dataclass
class Report:
    issues: list[Issue]
    words: int
    cited_docs: list[int]
    all_docs: list[int]
    dropped: list[str]

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.level == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def table(self) -> pd.DataFrame:
        rows = [{"niveau": i.level, "règle": i.rule, "section": i.section,
                 "phrase": i.sentence, "origine": i.origin, "message": i.message}
                for i in self.issues]
        return pd.DataFrame(rows, columns=["niveau", "règle", "section", "phrase", "origine",
                                           "message"])

    def summary(self) -> dict[str, object]:
        return {"mots": self.words, "documents cités": len(self.cited_docs),
                "documents du dossier": len(self.all_docs), "erreurs": len(self.errors),
                "avertissements": len(self.issues) - len(self.errors),
                "phrases écartées": len(self.dropped)}


class DocIndex:
    """Numbers and words of each document, for the checks."""

    def __init__(self, sentences: pd.DataFrame, extra_words: Iterable[str] = ()):
        self.numbers: dict[int, set[str]] = {}
        self.words: dict[int, set[str]] = {}
        col = "norm" if "norm" in sentences else "text"
        for doc, rows in sentences.groupby("doc"):
            text = "\n".join(rows[col].astype(str))
            self.numbers[int(doc)] = set(numbers_of(text))
            self.words[int(doc)] = words_of(text)
        self.all_words = set().union(*self.words.values()) if self.words else set()
        self.extra = {w for text in extra_words for w in words_of(text)}
        # (the commande's numbers: a template that names its subject may hold them, « la
        # limitation à 30 km/h », « la loi 3DS »)
        self.extra_numbers = {n for text in extra_words for n in sentence_numbers(text)}
        self.docs = sorted(self.numbers)


def words_of(text: str) -> set[str]:
    """Folded words of a text (apostrophes and hyphens split)."""
    return set(re.findall(r"[a-z0-9]+", fold(text)))


@cache
def _a2d(text: str) -> str:
    try:
        return alpha2digit(text, "fr")
    except Exception:  # noqa: BLE001 - text2num is best effort
        return text


def numbers_of(text: str) -> list[str]:
    """Numbers of a text, written with digits or in French words, in canonical form."""
    text = normalize(text)
    found = numbers_in(text)
    found += numbers_in(_a2d(text))
    return found


def sentence_numbers(text: str) -> list[str]:
    """Numbers written with digits in a sentence of the note (the ones a reader checks)."""
    return sorted(set(numbers_in(normalize(text))))


def strip_citations(text: str) -> str:
    return re.sub(r"\s*\(doc\.[^)]*\)", "", text)


def running_words(note: Note) -> int:
    """Words of the running text: every paragraph, citations excluded (header and titles out)."""
    return sum(word_count(strip_citations(s.text)) for p in note.paragraphs for s in p.sentences)


def is_body(section: str) -> bool:
    return section.split(".")[0] in BODY_PREFIXES


def check_sentence(sentence: NoteSentence, section: str, index: DocIndex,
                   paragraph_docs: list[int] | None = None) -> list[Issue]:
    """The checks that concern one sentence."""
    issues: list[Issue] = []
    text = strip_citations(sentence.text)
    origin = sentence.origin
    level = "warning" if origin == "template" else "error"

    def add(rule: str, message: str, lvl: str = "error") -> None:
        issues.append(Issue(lvl, rule, section, sentence.id, origin, message))

    if press_pronouns(text):
        add("personne", f"Première ou deuxième personne : {', '.join(press_pronouns(text))}.")
    if "?" in text:
        add("question", "Phrase interrogative.")
    bare = text.strip()
    if not bare or not (bare[0].isupper() or bare[0].isdigit() or bare[0] == "«"):
        add("fragment", "La phrase ne commence pas par une majuscule.")
    if not re.search(r"[.!…]\s*[»)]?$", bare):
        add("fragment", "La phrase ne se termine pas par un point.")
    if origin == "template":
        if re.match(r"^(?:Il|Elle|Ils|Elles)\s+(?!faut|existe|s'agit|convient|importe)", bare):
            add("sujet", "Un gabarit du plan commence par un pronom sans antécédent : nommer le "
                         "sujet (« Cette partie… »).")
        if set(sentence_numbers(text)) - index.extra_numbers:
            add("nombre", "Un gabarit du plan ne doit contenir aucun chiffre que la commande "
                          "ne contient pas.", level)
        for noun in proper_nouns(text):
            if not (words_of(noun) <= index.all_words | index.extra):
                add("nom propre", f"« {noun} » n'apparaît ni dans le dossier ni dans la commande.",
                    level)
        return issues
    docs = sentence.docs or (paragraph_docs or [])
    docs = [d for d in docs if d in index.numbers]
    if not docs:
        add("citation", "La phrase ne cite aucun document du dossier.")
        return issues
    known_numbers = set().union(*(index.numbers[d] for d in docs))
    for number in sentence_numbers(text):
        if number not in known_numbers:
            add("nombre", f"Le nombre {number} n'apparaît dans aucun document cité "
                          f"({', '.join(map(str, docs))}).")
    known_words = set().union(*(index.words[d] for d in docs))
    if origin == "note":
        known_words |= index.extra          # a sentence of the note may name the collectivité
    for noun in proper_nouns(text):
        if not words_of(noun) <= known_words:
            add("nom propre", f"« {noun} » n'apparaît dans aucun document cité "
                              f"({', '.join(map(str, docs))}).")
    return issues


def verify(note: Note, index: DocIndex, min_words: int = MIN_WORDS,
           max_words: int = MAX_WORDS, short_dossier: bool = False) -> Report:
    """Check the whole note. With `short_dossier` (the dossier had too few relevant sentences to
    fill the plan), a note shorter than `min_words` is a warning, not an error."""
    issues: list[Issue] = []
    for para in note.paragraphs:
        pdocs = para.docs()
        for sentence in para.sentences:
            issues += check_sentence(sentence, para.section, index, pdocs)
        if is_body(para.section) and not pdocs and any(
                s.origin != "template" for s in para.sentences):
            origin = "analyst" if any(s.origin == "analyst" for s in para.sentences) else "note"
            issues.append(Issue("error", "citation", para.section, para.sentences[0].id
                                if para.sentences else "", origin,
                                "Paragraphe du développement sans aucune citation."))
    words = running_words(note)
    if words < min_words and short_dossier:
        issues.append(Issue("warning", "longueur", "note", "", "note",
                            f"{words} mots de texte courant seulement (attendu : {min_words} à "
                            f"{max_words}) : le dossier ne fournit pas assez de phrases "
                            "citables pour remplir le plan ; la note est plus courte."))
    elif not min_words <= words <= max_words:
        issues.append(Issue("error", "longueur", "note", "", "note",
                            f"{words} mots de texte courant (attendu : {min_words} à "
                            f"{max_words})."))
    cited = sorted({d for p in note.paragraphs for s in p.sentences for d in s.docs})
    missing = sorted(set(index.docs) - set(cited))
    if missing and len(index.docs) <= cite_every_document_max():
        issues.append(Issue("error", "couverture", "note", "", "note",
                            "Documents jamais cités : " + ", ".join(map(str, missing)) + "."))
    elif missing:
        shown = ", ".join(map(str, missing[:30])) + (
            f" et {len(missing) - 30} autres" if len(missing) > 30 else "")
        issues.append(Issue("warning", "couverture", "note", "", "note",
                            f"{len(missing)} documents sur {len(index.docs)} ne sont pas cités "
                            f"(doc. {shown}) : grand dossier, la note cite ce dont ses phrases "
                            "ont besoin, le rapport d'analyse présente tous les documents."))
    announcement = _spaces(" ".join(s.text for p in note.paragraphs
                                    if p.section == "introduction" for s in p.sentences))
    for key in ("I", "II"):
        title = _spaces(note.titles.get(key, ""))
        if title and title[1:] not in announcement:     # its first letter lower-cased
            issues.append(Issue("error", "annonce", "introduction", "", "note",
                                f"L'annonce du plan ne reprend pas le titre de la partie {key}."))
    return Report(issues=issues, words=words, cited_docs=cited, all_docs=index.docs, dropped=[])


def _spaces(text: str) -> str:
    """Text with its no-break spaces as plain spaces (typography is not content)."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


def enforce(note: Note, index: DocIndex, short_dossier: bool = False) -> Report:
    """Drop the document sentences that fail their checks (automatic text only), then verify
    again. Analyst text and templates are kept: their failures stay in the report."""
    dropped: list[str] = []
    for para in note.paragraphs:
        pdocs = para.docs()
        keep = []
        for sentence in para.sentences:
            bad = [i for i in check_sentence(sentence, para.section, index, pdocs)
                   if i.level == "error"]
            if bad and sentence.origin in ("document", "note"):
                dropped.append(f"{sentence.id} : {bad[0].message} — {sentence.text}")
                continue
            keep.append(sentence)
        para.sentences = keep
    note.paragraphs = [p for p in note.paragraphs if p.sentences]
    report = verify(note, index, short_dossier=short_dossier)
    report.dropped = dropped
    return report


def paragraph_texts(note: Note) -> list[tuple[NoteParagraph, str]]:
    """Each paragraph with its plain text (no citation), for evaluation."""
    return [(p, " ".join(strip_citations(s.text) for s in p.sentences)) for p in note.paragraphs]


def cite_every_document_max() -> int:
    """Up to this many documents (an exam-style dossier), the note cites every one of them;
    beyond (a large folder), it cites what its statements need (`style.yaml`)."""
    return int(style()["cite_every_document_max"])
