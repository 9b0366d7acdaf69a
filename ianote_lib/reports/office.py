"""Markdown to Word (.docx) and LibreOffice Writer (.odt) files, with pandoc.

pandoc comes inside the `pypandoc-binary` wheel: nothing to install on the machine. The look
(page size, fonts, footer with the page numbers, the styles the note names) comes from a
reference document: the ones shipped in `resources/templates/office/` (built by
`tools/make_office_templates.py` from pandoc's defaults), or the analyst's own (`modele`).

The Markdown given here is already escaped (document text is untrusted, see `safe_text`); it is
read with the pandoc extensions that could turn plain text into something else switched off
(smart quotes, citations, super/subscripts, lettered lists, TeX, raw HTML…), so that the
document's text is the Markdown's text. Files are written to a temporary file and moved into
place (`tables.atomic_write`): a failed export never leaves half a file.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from ianote_lib.config import resource_path
from ianote_lib.errors import IanoteError, ParametersError
from ianote_lib.tables import atomic_write

FORMATS = {".docx": "docx", ".odt": "odt"}
KIND = {"docx": "Word (.docx)", "odt": "LibreOffice Writer (.odt)"}
PANDOC_INPUT = "markdown" + "".join(f"-{ext}" for ext in (
    "smart", "citations", "superscript", "subscript", "fancy_lists", "example_lists",
    "definition_lists", "tex_math_dollars", "raw_tex", "raw_html", "raw_attribute",
    "latex_macros", "pandoc_title_block", "yaml_metadata_block", "task_lists",
    "implicit_figures", "auto_identifiers"))
# zip dates and document properties as pandoc writes them when SOURCE_DATE_EPOCH is set:
# 1980-01-01, so that the same note gives the same bytes
SOURCE_DATE_EPOCH = "315532800"
ANNOTATION_PREFIX = "ianote-annotation-"
_REQUIRED = {"docx": "word/document.xml", "odt": "styles.xml"}


def shipped_reference(fmt: str) -> Path:
    """The reference document shipped for `fmt` ("docx" or "odt")."""
    return resource_path("templates") / "office" / f"reference.{fmt}"


def check_modele(value: object) -> Path | None:
    """The analyst's reference document (`modele`), checked: an existing, readable .docx or .odt
    file. None when no model is given; ParametersError (one French sentence) otherwise."""
    if value is None or str(value).strip() == "":
        return None
    path = Path(str(value)).expanduser()
    advice = ("donnez le chemin d'un fichier .docx ou .odt, par exemple une copie modifiée de "
              "ianote_lib/resources/templates/office/reference.docx")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ParametersError(f"Le modèle « {value} » n'est ni un .docx ni un .odt : {advice}.")
    if not path.is_file():
        raise ParametersError(f"Le modèle « {value} » est introuvable : {advice}.")
    try:
        with zipfile.ZipFile(path) as archive:
            archive.getinfo(_REQUIRED[fmt])
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ParametersError(f"Le modèle « {value} » n'est pas un document {KIND[fmt]} "
                              f"lisible : {advice}.") from exc
    return path.resolve()


def references(modele: str | Path | None) -> dict[str, Path]:
    """The reference document of each format: the analyst's model for its own format, the
    shipped one for the other."""
    chosen = check_modele(modele)
    refs = {fmt: shipped_reference(fmt) for fmt in FORMATS.values()}
    if chosen is not None:
        refs[FORMATS[chosen.suffix.lower()]] = chosen
    return refs


def write_office(markdown: str, path: Path, reference: Path,
                 annotations: dict[str, str] | None = None) -> Path:
    """Write `markdown` as `path` (.docx or .odt, by its suffix) with `reference`'s styles.
    `annotations` (ODT only; pandoc writes Word comments itself): bookmark id → the text of the
    comment that replaces the empty span `[]{#id}` of the Markdown."""
    fmt = FORMATS[path.suffix.lower()]

    def write(tmp: str) -> None:
        _pandoc(markdown, tmp, fmt, reference)
        if fmt == "odt" and annotations:
            annotate_odt(Path(tmp), annotations)

    return atomic_write(path, write, suffix=path.suffix)


def _pandoc(markdown: str, target: str, fmt: str, reference: Path) -> None:
    import pypandoc  # imported when writing (start-up of the notebooks that do not write)

    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    try:
        pypandoc.convert_text(markdown, fmt, format=PANDOC_INPUT, outputfile=target,
                              extra_args=["--reference-doc", str(reference)])
    except (RuntimeError, OSError) as exc:
        detail = " ".join(str(exc).split())[:300]
        raise IanoteError(f"pandoc n'a pas pu écrire la note au format {KIND[fmt]} avec le "
                          f"modèle « {reference} » ({detail}) : vérifiez le modèle.") from exc
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def annotate_odt(path: Path, annotations: dict[str, str]) -> None:
    """Replace each bookmark `id` of the ODT's text by a comment (office:annotation) holding
    `annotations[id]` (plain text, escaped here)."""
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    out = []
    for info, data in members:
        if info.filename == "content.xml":
            text = data.decode("utf-8")
            for key, note in annotations.items():
                comment = ("<office:annotation><dc:creator>ianote</dc:creator><text:p>"
                           f"{escape(note)}</text:p></office:annotation>")
                text = re.sub(rf'<text:bookmark text:name="{re.escape(key)}"\s*/>',
                              lambda _m, c=comment: c, text)
            data = text.encode("utf-8")
        out.append((info, data))
    with zipfile.ZipFile(path, "w") as archive:
        for info, data in out:
            archive.writestr(info, data)
