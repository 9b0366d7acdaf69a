"""An acronym is spelt out the first time the note names it.

A document names a body once in full, its acronym in parentheses (« l'Association des maires
de France (AMF) »), and by its acronym after; the note quotes sentences of several documents in
another order, and its reader meets « l'AMF demande… », « la CINOR », « la Capeb » with nothing
that says what they are. The first sentence of the note that names an acronym without its
expansion gets it, as one of the documents it cites spells it (`fr.names.acronym_expansions`):
« l'Association des maires de France (AMF) demande… ». Every word written is a cited
document's. Not inside a quotation, nor where the acronym is the name of a text or a programme
(« la loi ELAN », « le plan France THD »), nor when the expansion is too long to read
(`style.yaml acronym_expansion_words`).
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ianote_lib.fr.names import acronym_expansions
from ianote_lib.fr.normalize import normalize, word_count
from ianote_lib.note.text import style, upper_first

# the article or the preposition an expansion opens on in its document: the note's sentence
# keeps its own
_LEAD = re.compile(r"^(?:l['’]|la |le |les |du |des |de la |de l['’]|de |d['’]|au |aux |"
                   r"à la |à l['’])", re.IGNORECASE)
# a kind noun whose name the acronym is (« la loi ELAN »): not a body to spell out
_NAMED_KIND = re.compile(r"(?i)\b(?:loi|lois|décret|ordonnance|plan|programme|dispositif|label|"
                         r"fonds|projet|appel|zone|zones|application|plateforme|outil|réseau|"
                         r"norme|directive|règlement)\s+$")
_ACRONYM = re.compile(r"(?<![\w(])[A-ZÀ-Þ]{2,8}(?![\w)])")
# the sentences quoted from the documents (`note_trace` kinds), not those the note writes from
# its tables or templates (an enumeration of actions keeps each action's words)
_QUOTED = frozenset({"document", "compressed", "merged"})


def expansions_by_doc(sentences: pd.DataFrame) -> dict[int, dict[str, str]]:
    """For each document (`doc`, `text` of its sentences), the acronyms it spells out in
    parentheses and their expansions, without the article they open on."""
    found: dict[int, dict[str, str]] = {}
    for doc, texts in sentences.groupby("doc")["text"]:
        text = normalize(" ".join(str(t) for t in texts))
        spelt: dict[str, str] = {}
        for start, end in acronym_expansions(text):
            span = text[start:end]
            paren = span.rindex("(")
            acronym = span[paren + 1:].strip(" )")
            spelt.setdefault(acronym, _LEAD.sub("", span[:paren].strip(" ,")))
        found[int(doc)] = spelt
    return found


def spell_out_acronyms(note: Any, expansions: dict[int, dict[str, str]]) -> None:
    """The first sentence of the note (its paragraphs, in reading order) that names an acronym
    without its expansion gets it, from one of the documents it cites (in place); a
    document's sentence so written is no longer as written (`note_trace` kind « compressed »:
    rewritten by the note's rules)."""
    most = int(style()["acronym_expansion_words"])
    seen: set[str] = set()
    for paragraph in note.paragraphs:
        for sentence in paragraph.sentences:
            if sentence.kind not in _QUOTED:
                # (a sentence the note writes says the acronym as it took it; it counts as
                # named)
                seen.update(_ACRONYM.findall(sentence.text))
                continue
            text = _spelt(sentence.text, sentence.docs, expansions, seen, most)
            if text != sentence.text and sentence.kind == "document":
                sentence.kind = "compressed"
            sentence.text = text


def _spelt(text: str, docs: list[int], expansions: dict[int, dict[str, str]], seen: set[str],
           most: int) -> str:
    quoted = [(m.start(), m.end()) for m in re.finditer(r"«[^»]*»", text)]
    seen.update(re.findall(r"\(([A-ZÀ-Þ]{2,8})\)", text))
    pieces, last = [], 0
    for m in _ACRONYM.finditer(text):
        acronym = m.group(0)
        if acronym in seen:
            continue
        seen.add(acronym)
        expansion = next((expansions.get(d, {}).get(acronym, "") for d in docs
                          if expansions.get(d, {}).get(acronym)), "")
        if (not expansion or word_count(expansion) > most or expansion in text
                or any(a <= m.start() < b for a, b in quoted)
                or _NAMED_KIND.search(text[:m.start()])):
            continue
        # (at the opening of the sentence, with its capital)
        said = upper_first(expansion) if not text[:m.start()].strip() else expansion
        pieces.append(text[last:m.start()] + f"{said} ({acronym})")
        last = m.end()
    return "".join(pieces) + text[last:] if pieces else text
