"""The note's verdict, where the analyst cannot miss it.

`note.verify` checks the note; this module carries what it found out of notebook 05: the table
`note_checks` (every failed check with its sentence, read by `ianote run` after the notebooks),
the marks on the failing sentences of `note.html` (a highlight whose tooltip says why) and the
summary box at the top of the note. Document text is untrusted: everything that goes into
Markdown or HTML here is escaped (`safe_text`).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ianote_lib.fr.normalize import NBSP
from ianote_lib.note.labels import LEVELS, ORIGINS, VERDICT_TABLE
from ianote_lib.note.verify import Issue, Report
from ianote_lib.note.write import Note, NoteSentence
from ianote_lib.safe_text import html_escape, md_escape

VERDICT_COLUMNS = ["level", "rule", "section", "note_sentence_id", "origin", "message", "text"]


def issue_sentences(note: Note) -> dict[str, NoteSentence]:
    """The note's sentences by id."""
    return {s.id: s for p in note.paragraphs for s in p.sentences}


def verdict_table(note: Note, report: Report) -> pd.DataFrame:
    """note_checks: one row per failed check, with the text of the sentence it concerns (empty
    for a check of the whole note: word budget, documents never cited)."""
    sentences = issue_sentences(note)
    rows = [{"level": i.level, "rule": i.rule, "section": i.section,
             "note_sentence_id": i.sentence, "origin": i.origin, "message": i.message,
             "text": sentences[i.sentence].text if i.sentence in sentences else ""}
            for i in report.issues]
    return pd.DataFrame(rows, columns=VERDICT_COLUMNS)


def sentence_issues(note: Note, report: Report) -> dict[str, list[Issue]]:
    """The failed checks of each sentence of the note that has some."""
    ids = issue_sentences(note)
    marks: dict[str, list[Issue]] = {}
    for issue in report.issues:
        if issue.sentence in ids:
            marks.setdefault(issue.sentence, []).append(issue)
    return marks


def note_issues(note: Note, report: Report) -> list[Issue]:
    """The failed checks that concern the whole note rather than one of its sentences."""
    ids = issue_sentences(note)
    return [i for i in report.issues if i.sentence not in ids]


def issue_text(issues: list[Issue]) -> str:
    """What a mark says (plain text): each failed check, with its level."""
    return f"{NBSP}; ".join(f"{LEVELS.get(i.level, i.level).capitalize()} ({i.rule}){NBSP}: "
                          f"{i.message}" for i in issues)


def html_marker(note: Note, report: Report) -> Callable[[NoteSentence, str], str]:
    """A `body_markdown` mark for note.html: a failing sentence (already escaped Markdown) is
    wrapped in `<mark class="anomalie">`, its tooltip saying why (escaped)."""
    marks = sentence_issues(note, report)

    def mark(sentence: NoteSentence, markdown: str) -> str:
        issues = marks.get(sentence.id)
        if not issues:
            return markdown
        level = "erreur" if any(i.level == "error" for i in issues) else "avertissement"
        return (f'<mark class="anomalie {level}" title="{html_escape(issue_text(issues))}">'
                f"{markdown}</mark>")

    return mark


def _count(n: int, word: str) -> str:
    return f"{n}{NBSP}{word}{'s' if n > 1 else ''}"


def verification_markdown(note: Note, report: Report) -> str:
    """The summary box of the note's failed checks (Markdown, escaped), or "" when the note
    passes every check."""
    if not report.issues:
        return ""
    errors = sum(1 for i in report.issues if i.level == "error")
    warnings = len(report.issues) - errors
    counts = " et ".join(c for c in (_count(errors, "anomalie") if errors else "",
                                     _count(warnings, "avertissement") if warnings else "") if c)
    lines = [f"**Vérification de la note{NBSP}: {counts}.** Les phrases en cause sont "
             f"surlignées{NBSP}; le détail de chaque contrôle est dans la table "
             f"`{VERDICT_TABLE}`.", ""]
    sentences = issue_sentences(note)
    for issue in report.issues:
        where = f"{issue.section}, {ORIGINS.get(issue.origin, issue.origin)}"
        level = LEVELS.get(issue.level, issue.level).capitalize()
        line = (f"- **{md_escape(level)}** ({md_escape(where)}){NBSP}: "
                f"{md_escape(issue.message)}")
        if issue.sentence in sentences:
            line += f" — «{NBSP}{md_escape(' '.join(sentences[issue.sentence].text.split()))}" \
                    f"{NBSP}»"
        lines.append(line)
    return "\n".join(lines) + "\n"
