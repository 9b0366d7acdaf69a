"""Composition of the note end to end, its Markdown (`reports/note.md`), its trace table and its
HTML export (nbconvert, template `resources/templates/note/`).

`compose()` runs the whole chain in one pass: evidence → plan → selection → writing → analyst
overrides → verification (always on; failing automatic sentences are dropped and the pass is run
again without them). All document text that goes into Markdown passes through `md_escape`.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ianote_lib.config import resource_path
from ianote_lib.context import project_root
from ianote_lib.errors import IanoteError
from ianote_lib.fr.legal import dossier_references
from ianote_lib.fr.normalize import NBSP
from ianote_lib.note.acronyms import expansions_by_doc, spell_out_acronyms
from ianote_lib.note.evidence import Evidence, build_evidence
from ianote_lib.note.header import note_day, references_line
from ianote_lib.note.outdated import outdated_ids, tell_in_force
from ianote_lib.note.overrides import (
    Overrides,
    apply_rewrites,
    apply_to_plan,
    default_overrides_path,
    load_overrides,
)
from ianote_lib.note.plan import Plan, choose_plan
from ianote_lib.note.select import select
from ianote_lib.note.statements import Selection
from ianote_lib.note.text import style
from ianote_lib.note.verify import DocIndex, Report, enforce, verify
from ianote_lib.note.write import (
    Note,
    NoteSentence,
    RuleWriter,
    Writer,
    write_note,
)
from ianote_lib.reading.dossier import commande_from_table
from ianote_lib.reports import export
from ianote_lib.safe_text import html_escape, md_escape
from ianote_lib.tables import read_table

NOTE_TAG = "note"
HEADER_TAG = "note-header"
TRACE_COLUMNS = ["note_sentence_id", "section", "text", "cited_docs", "source_sentence_ids",
                 "kind", "origin"]


@dataclass
class Composition:
    note: Note
    plan: Plan
    selection: Selection
    report: Report
    overrides: Overrides
    evidence: Evidence
    sources: dict[str, tuple[int, str]]     # sentence_id → (doc, text)


def compose(sentences: pd.DataFrame, documents: pd.DataFrame, commande: Any,
            figures: pd.DataFrame | None = None, use_cases: pd.DataFrame | None = None,
            checks: pd.DataFrame | None = None, sentence_parse: pd.DataFrame | None = None,
            plan: str | Path | None = "default",
            overrides: str | Path | Overrides | None = None,
            date: str | dt.date | None = None, writer: Writer | None = None,
            rounds: int = 4) -> Composition:
    """Compose, write and verify the note from the dossier's tables.

    `figures`, `use_cases` and `checks` are the tables of notebooks 02 and 03; the note can be
    written without them (None: see `build_evidence`), notebook 05 always passes them.
    One pass: plan → select → write → analyst overrides → verify. When the verification drops
    automatic sentences, their source sentences are banned and the pass runs again (at most
    `rounds` passes)."""
    evidence = build_evidence(sentences, documents, figures=figures, use_cases=use_cases,
                              checks=checks, sentence_parse=sentence_parse)
    ov = overrides if isinstance(overrides, Overrides) else load_overrides(
        overrides, sentence_ids=sentences["sentence_id"])   # an unknown id is refused
    objet = str(getattr(commande, "object", "") or "")
    extra_words = [str(v) for v in vars(commande).values() if isinstance(v, str)] \
        if hasattr(commande, "__dict__") else []
    index = DocIndex(evidence.sentences, extra_words=extra_words)
    n_docs = int(documents["doc"].nunique())
    # the plan is chosen (an automatic plan: built) once; each pass works on its own copy,
    # since the overrides and the selection mark sub-parts
    axes = [a.strip() for a in str(getattr(commande, "axes", "") or "").split("|") if a.strip()]
    chosen = choose_plan(plan, objet, sentences, axes=axes)
    # (nor what a document announced for a time now past: `note.outdated`)
    bans = set(ov.bans) | outdated_ids(evidence.sentences, note_day(date), documents)
    share, narrowings = float(style()["max_subpart_share"]), 0
    wider: tuple[float, Selection, Note] | None = None      # the attempt before a narrowing
    spelt = expansions_by_doc(evidence.sentences)
    for attempt in range(rounds):
        the_plan = copy.deepcopy(chosen)
        apply_to_plan(the_plan, ov)
        selection = select(evidence, the_plan, pins=ov.pins, bans=bans,
                           skip_sections=set(ov.rewrites), share=share)
        note = write_note(selection, commande, n_docs, writer=writer, date=date)
        spell_out_acronyms(note, spelt)
        tell_in_force(note, note_day(date))
        excess = largest_share(note) - float(style()["max_written_subpart_share"])
        if wider is not None and excess >= wider[0]:
            # (narrower, the other sub-parts lost more than the largest: the communes
            # nouvelles note went from 0.365 to 0.402 of its body; the wider one stays)
            excess, selection, note = wider
            narrowings = 2
        if excess > 0 and narrowings < 2 and attempt < rounds - 1:
            # what the writer adds (openers, pairs quoted in full) or the top-up's last pick
            # put a sub-part over its share of the page: selected again (twice at most) to a
            # share lowered by the excess
            wider = (excess, selection, note)
            share, narrowings = share - excess - 0.01, narrowings + 1
            continue
        apply_rewrites(note, ov)
        report = enforce(note, index, short_dossier=bool(selection.starved))
        failed = _source_of_dropped(selection, report) if report.dropped else set()
        if not failed - bans:
            break
        bans |= failed         # the source sentences whose written form failed
        wider = None
    note.header["references"] = references_line(
        note, n_docs, dossier_references(evidence.sentences["text"].astype(str)))
    sources = {
        str(r.sentence_id): (int(r.doc), str(r.text))
        for r in evidence.sentences[["sentence_id", "doc", "text"]].itertuples(index=False)}
    return Composition(note=note, plan=the_plan, selection=selection, report=report,
                       overrides=ov, evidence=evidence, sources=sources)


def subpart_words(note: Note) -> dict[str, int]:
    """The words of each sub-part as the page shows them (a sentence's text holds no
    citation: `render_markdown` adds them); the conclusion, which follows the last sub-part
    without a title of its own, counted with it."""
    words: dict[str, int] = {}
    last = ""
    for paragraph in note.paragraphs:
        if paragraph.role == "body":
            last = paragraph.section
        if paragraph.role in ("body", "conclusion") and last:
            key = last if paragraph.role == "conclusion" else paragraph.section
            words[key] = words.get(key, 0) + sum(len(s.text.split())
                                                 for s in paragraph.sentences)
    return words


def largest_share(note: Note) -> float:
    """The largest sub-part's share of the words of all sub-parts (`subpart_words`)."""
    words = subpart_words(note)
    total = sum(words.values())
    return max(words.values()) / total if total else 0.0


def _source_of_dropped(selection: Selection, report: Report) -> set[str]:
    """Source sentence ids of the dropped sentences (their text ends each `dropped` entry)."""
    ids = set()
    dropped_texts = [d.split(" — ", 1)[-1] for d in report.dropped]
    writer = RuleWriter()
    for st in selection.all_statements():
        written = writer.rewrite(st.text)
        if any(written in t for t in dropped_texts):
            ids.add(st.sentence_id)
    return ids


def reverify(comp: Composition) -> Report:
    """Verify the composition's note again (after a manual change)."""
    index = DocIndex(comp.evidence.sentences, extra_words=list(comp.note.header.values()))
    return verify(comp.note, index)


# ----------------------------------------------------------------------------- Markdown

def citation(docs: list[int]) -> str:
    """`(doc. 3)` or `(doc. 1, 11)`."""
    return "(doc. " + ", ".join(str(d) for d in sorted(docs)) + ")" if docs else ""


def _md_text(text: str) -> str:
    return md_escape(text).replace("$", "\\$")


def _cite_title(sentence: NoteSentence, sources: dict[str, tuple[int, str]]) -> str:
    parts = []
    for sid in sentence.source_ids:
        if sid in sources:
            doc, text = sources[sid]
            parts.append(f"doc. {doc} ({sid}) : « {' '.join(text.split())} »")
    return " ; ".join(parts) or "texte de l'analyste"


def footnote_numbers(note: Note) -> dict[str, int]:
    """The number of the footnote of each cited sentence of the note (reading order)."""
    numbers: dict[str, int] = {}
    for para in note.paragraphs:
        for s in para.sentences:
            if s.docs:
                numbers[s.id] = len(numbers) + 1
    return numbers


def sources_markdown(note: Note, sources: dict[str, tuple[int, str]]) -> str:
    """« Sources citées »: for each footnote number, the documents and the exact source
    sentences the note's sentence rests on, so that the printed note can be checked on paper.
    Document text goes through md_escape."""
    numbers = footnote_numbers(note)
    lines = ["## Sources citées", ""]
    for para in note.paragraphs:
        for s in para.sentences:
            if s.id not in numbers:
                continue
            quoted = [f"doc.{NBSP}{sources[sid][0]}{NBSP}: «{NBSP}"
                      f"{_md_text(' '.join(sources[sid][1].split()))}{NBSP}»"
                      for sid in s.source_ids if sid in sources]
            text = " ; ".join(quoted) if quoted else (
                "texte de l'analyste, " + _md_text(citation(s.docs)).strip("()"))
            lines.append(f"{numbers[s.id]}. {text}")
    return "\n".join(lines) + "\n"


def sentence_markdown(sentence: NoteSentence, citations: str = "doc",
                      sources: dict[str, tuple[int, str]] | None = None,
                      footnote: int | None = None) -> str:
    """One sentence in Markdown, its citation placed before the final period; with `sources`
    (the HTML export), the citation shows its source sentences on hover and carries the
    number of its footnote in « Sources citées »."""
    raw = sentence.text.rstrip()
    m = re.search(r"[.!…]$", raw)
    body, end = (raw[:m.start()], m.group(0)) if m else (raw, ".")
    if end == "." and re.search(r"\betc$", body):
        body += "."         # « …, sacs prépayés, etc. (doc. 1). »: the abbreviation keeps its own
    if citations == "none" or not sentence.docs:
        return _md_text(body) + _md_text(end)
    cite = citation(sentence.docs)
    if sources is not None:
        cite = (f'<span class="cite" title="{html_escape(_cite_title(sentence, sources))}">'
                f"{cite}</span>")
        if footnote is not None:
            cite += f'<sup class="fn">{footnote}</sup>'
    return _md_text(body).rstrip() + NBSP + cite + _md_text(end)


def header_markdown(note: Note) -> str:
    """The header block of the administrative note."""
    h = note.header
    lines = [f"**{_md_text(h['collectivite'])}**  ", f"{_md_text(h['service'])}", "",
             f"Le {_md_text(h['date'])}", "",
             f"**{_md_text(h['destinataire'])}**", "",
             f"**Objet{NBSP}:** {_md_text(h['objet'])}  ",
             f"**Références{NBSP}:** {_md_text(h['references'])}"]
    return "\n".join(lines) + "\n"


def body_markdown(note: Note, citations: str = "doc",
                  sources: dict[str, tuple[int, str]] | None = None,
                  mark: Callable[[NoteSentence, str], str] | None = None) -> str:
    """Introduction, parts, sub-parts and conclusion. `mark` (see `note.verdict`) may wrap the
    Markdown of a sentence, to flag the ones that failed a check."""
    mark = mark or (lambda _sentence, markdown: markdown)
    if citations not in ("doc", "none"):
        raise IanoteError(f"Paramètre citations « {citations} » inconnu (doc ou none).")
    out: list[str] = []
    seen: set[str] = set()
    numbers = footnote_numbers(note) if sources is not None else {}
    for para in note.paragraphs:
        section = para.section
        part = section.split(".")[0]
        if part in ("I", "II") and part not in seen:
            seen.add(part)
            out.append(f"## {part}. {_md_text(note.titles.get(part, ''))}")
        if "." in section and section not in seen:
            seen.add(section)
            out.append(f"### {section.split('.')[1]}. {_md_text(note.titles.get(section, ''))}")
        out.append(" ".join(mark(s, sentence_markdown(s, citations, sources, numbers.get(s.id)))
                            for s in para.sentences))
    return "\n\n".join(out) + "\n"


def render_markdown(comp: Composition, citations: str = "doc") -> str:
    """The whole note as Markdown (note.md)."""
    return header_markdown(comp.note) + "\n---\n\n" + body_markdown(comp.note, citations)


def write_note_md(comp: Composition, reports_dir: str | Path, citations: str = "doc") -> Path:
    """Write `reports/note.md` (atomically)."""
    path = Path(reports_dir) / "note.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".md.tmp")
    tmp.write_text(render_markdown(comp, citations), encoding="utf-8")
    tmp.replace(path)
    return path


def trace_table(comp: Composition) -> pd.DataFrame:
    """note_trace: every sentence of the note with its documents and source sentences."""
    rows = []
    for para in comp.note.paragraphs:
        for s in para.sentences:
            rows.append({"note_sentence_id": s.id, "section": para.section, "text": s.text,
                         "cited_docs": ";".join(str(d) for d in sorted(s.docs)),
                         "source_sentence_ids": ";".join(s.source_ids), "kind": s.kind,
                         "origin": s.origin})
    return pd.DataFrame(rows, columns=TRACE_COLUMNS)


def plan_markdown(plan: Plan) -> str:
    """Which plan the note follows and why (Markdown, French; the commande's words escaped)."""
    kind = "Plan construit pour le dossier" if plan.name == "construit" else f"Plan « {plan.name} »"
    return f"**{kind}**{NBSP}— {_md_text(plan.reason or plan.source)}"


def plan_table(plan: Plan) -> pd.DataFrame:
    """note_plan: the plan followed (parts and sub-parts with their titles), its name and why it
    was chosen, for the reports and the run's summary."""
    rows = [{"section": key, "title": title, "plan": plan.name, "reason": plan.reason}
            for part in plan.parts
            for key, title in [(part.key, part.title)] + [(sp.key, sp.title)
                                                          for sp in part.subparts]]
    return pd.DataFrame(rows, columns=["section", "title", "plan", "reason"])


def evidence_table(comp: Composition) -> pd.DataFrame:
    """The selected evidence per section with scores (French headers, for the notebook)."""
    return comp.selection.table()


# ----------------------------------------------------------------------------- HTML

def template_dir() -> Path:
    return resource_path("templates")


def export_note_html(executed_notebook_path: str | Path, out_path: str | Path) -> Path:
    """Export `note.html` from the executed notebook 05 (see `ianote_lib.reports.export`, where it
    lives so that exporting does not import the note's composition stack)."""
    return export.export_note_html(executed_notebook_path, out_path)


# ----------------------------------------------------------------------------- notebook glue

EARLIER_TABLES = ("sentence_parse", "figures", "use_cases", "checks")


def earlier_tables(processed: str | Path) -> dict[str, pd.DataFrame]:
    """The tables of notebooks 01 to 03 the note draws on (`EARLIER_TABLES`), read from
    `processed`. In the pipeline they are required: a missing one means an earlier notebook
    has not run, and `read_table` raises `IanoteError` (in French) saying so."""
    return {name: read_table(name, processed) for name in EARLIER_TABLES}


def compose_from_processed(processed: str | Path, plan: str | Path | None = "default",
                           overrides: str | Path | None = None,
                           date: str | dt.date | None = None,
                           root: str | Path | None = None) -> Composition:
    """Compose the note from the tables of `processed` (notebook 05): those of notebook 01
    and those of notebooks 02 and 03 (`earlier_tables`: each is required). The overrides
    default to `overrides/note.yml` under the project root when the analyst has written it."""
    if overrides is None:
        overrides = default_overrides_path(root or project_root())
    sentences = read_table("sentences", processed)
    documents = read_table("documents", processed)
    commande = commande_from_table(read_table("commande", processed))
    return compose(sentences, documents, commande, **earlier_tables(processed), plan=plan,
                   overrides=overrides, date=date)
