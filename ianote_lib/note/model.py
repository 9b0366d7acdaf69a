"""The composed note as the writer gives it: its sentences, paragraphs and header
(`note.write` composes it, `note.verify` checks it, `note.render` prints it)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class NoteSentence:
    """One sentence of the note, with the documents it rests on."""

    text: str                       # written text, without citation
    docs: list[int] = field(default_factory=list)
    source_ids: list[str] = field(default_factory=list)
    origin: str = "document"        # document | template | analyst
    id: str = ""                    # n001, … (set when the note is numbered)
    # how the note made it (note_trace.kind): document (a source sentence, as written),
    # compressed (a source sentence shortened), merged (several source sentences), enumeration
    # (a sentence written from the use-case table), written (a template of the note, or the
    # analyst's)
    kind: str = "written"


@dataclass
class NoteParagraph:
    section: str                    # introduction, I, I.A, …, conclusion
    role: str                       # body, chapeau, opening, problematique, conclusion
    sentences: list[NoteSentence]

    def docs(self) -> list[int]:
        return sorted({d for s in self.sentences for d in s.docs})


@dataclass
class Note:
    """The composed note: header, titles and paragraphs in reading order."""

    header: dict[str, str]
    titles: dict[str, str]          # "I" → part title, "I.A" → sub-part title
    paragraphs: list[NoteParagraph]
    plan_name: str = ""

    def number(self) -> None:
        n = 0
        for para in self.paragraphs:
            for sentence in para.sentences:
                n += 1
                sentence.id = f"n{n:03d}"

    def sections(self) -> list[str]:
        return list(self.titles)

    def paragraphs_of(self, section: str) -> list[NoteParagraph]:
        return [p for p in self.paragraphs if p.section == section]
