"""Export executed notebooks as self-contained HTML reports with nbconvert."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from ianote_lib.config import resource_path
from ianote_lib.errors import IanoteError
from ianote_lib.safe_text import html_escape

REPORT_TEMPLATE = "ianote_report"
SKIP_TAGS = {"parameters", "injected-parameters", "report-skip"}
_NETWORK_RE = re.compile(
    r"""<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


def _heading_of(source: str) -> str | None:
    headings = re.findall(r"(?m)^#{1,4}\s+(.+?)\s*$", source)
    return headings[-1] if headings else None


def _report_cells(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    """Cells worth showing to a reader: no parameter cells, no stderr or warnings; every image
    gets a French alternative text (its own, or the title of the section it stands in)."""
    cells = []
    section = "Graphique"
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            section = _heading_of(cell.source) or section
        tags = set(cell.get("metadata", {}).get("tags", []))
        if tags & SKIP_TAGS:
            continue
        cell = copy.deepcopy(cell)
        if cell.cell_type == "code":
            cell.outputs = [
                out for out in cell.outputs
                if not (out.get("output_type") == "stream" and out.get("name") == "stderr")
            ]
            if not cell.outputs:
                continue
            for out in cell.outputs:
                data = out.get("data", {})
                if "image/png" in data:
                    meta = out.setdefault("metadata", {}).setdefault("image/png", {})
                    meta.setdefault("alt", f"Graphique\u00a0: {section}")
        cells.append(cell)
    return cells


def merge_notebooks(paths: list[Path], title: str) -> nbformat.NotebookNode:
    """One notebook made of the report cells of several executed notebooks."""
    merged = nbformat.v4.new_notebook()
    merged.metadata["title"] = title
    for path in paths:
        notebook = nbformat.read(str(path), as_version=4)
        merged.cells.extend(_report_cells(notebook))
        if "kernelspec" in notebook.metadata:
            merged.metadata["kernelspec"] = notebook.metadata["kernelspec"]
            merged.metadata["language_info"] = notebook.metadata.get("language_info", {})
    for i, cell in enumerate(merged.cells):
        cell["id"] = f"c{i:04d}"
    return merged


def html_exporter(template_name: str = REPORT_TEMPLATE) -> HTMLExporter:
    """An HTML exporter with code, prompts and every network resource removed."""
    exporter = HTMLExporter(
        template_name=template_name,
        extra_template_basedirs=[str(resource_path("templates"))],
    )
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.embed_images = True
    if hasattr(exporter, "language_code"):
        exporter.language_code = "fr"
    return exporter


def export_analysis(paths: list[Path], out: Path, title: str, subtitle: str = "") -> Path:
    """Write the analysis report (`analysis.html`) from executed notebooks."""
    merged = merge_notebooks(paths, title)
    resources = {"ianote_cover": html_escape(subtitle) if subtitle else ""}
    body, _ = html_exporter().from_notebook_node(merged, resources=resources)
    body = strip_css_comments(body)
    assert_self_contained(body, out.name)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(body, encoding="utf-8")
    return out


def export_note_html(executed_notebook_path: str | Path, out_path: str | Path) -> Path:
    """Export `note.html` from the executed notebook 05: only the cells tagged `note`, through
    the self-contained A4 template `note` (no script, no external resource)."""
    return _write_note_html(nbformat.read(str(executed_notebook_path), as_version=4), out_path)


def export_note_cells(cells: list[tuple[list[str], str]], out_path: str | Path) -> Path:
    """Export `note.html` from the note's Markdown blocks, each with the tags of the cell of
    notebook 05 that shows it (`note`, `note-header`, `note-sources`; an empty block: a cell
    without output): the page `export_note_html` gives from the executed notebook, written
    by the notebook itself, so that rerunning it alone refreshes the page."""
    nb = nbformat.v4.new_notebook()
    for tags, markdown in cells:
        cell = nbformat.v4.new_code_cell()
        cell.metadata["tags"] = list(tags)
        if markdown:
            cell.outputs = [nbformat.v4.new_output("display_data", data={
                "text/markdown": markdown, "text/plain": "<IPython.core.display.Markdown object>"})]
        nb.cells.append(cell)
    return _write_note_html(nb, out_path)


def _write_note_html(nb: nbformat.NotebookNode, out_path: str | Path) -> Path:
    exporter = HTMLExporter(template_name="note",
                            extra_template_basedirs=[str(resource_path("templates"))])
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": "Note"}})
    # heading anchors ("¶") are navigation noise on a printed note
    body = re.sub(r'<a class="anchor-link" href="#[^"]*">¶</a>', "", body)
    if re.search(r"<script", body, re.IGNORECASE):
        raise IanoteError("L'export de la note contient un script : export refusé.")
    if re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", body, re.IGNORECASE):
        raise IanoteError("L'export de la note appelle une ressource externe : export refusé.")
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_suffix(".html.tmp")
    tmp.write_text(body, encoding="utf-8")
    tmp.replace(out_path)
    return out_path


def strip_css_comments(html: str) -> str:
    """Drop comments inside <style> blocks (nbconvert's CSS cites web pages in comments)."""
    def clean(match: re.Match[str]) -> str:
        return re.sub(r"/\*.*?\*/", "", match.group(0), flags=re.S)

    return re.sub(r"<style\b[^>]*>.*?</style>", clean, html, flags=re.S | re.I)


def assert_self_contained(html: str, name: str) -> None:
    """Refuse an HTML report that would fetch a script, stylesheet or image from the network."""
    if _NETWORK_RE.search(html) or re.search(r"<script\b[^>]*\bsrc=", html, re.I):
        raise RuntimeError(f"{name} references a network resource: the export template leaks.")
