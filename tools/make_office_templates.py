"""Build the note's reference documents for Word and LibreOffice Writer, reproducibly.

    .venv/bin/python tools/make_office_templates.py          # rewrite the shipped templates
    .venv/bin/python tools/make_office_templates.py --check  # exit 1 if they are out of date

Starts from pandoc's own default reference documents (the pandoc shipped by pypandoc-binary)
and changes only what a French administrative note needs: A4 pages with 2 cm margins, French
as the text language, a footer « Page N sur M » (page-number fields), and three paragraph
styles the note uses (`Signature`, right-aligned; `Affaire suivie par`, small type; `Annexe`,
small type). The zip members are written in a fixed order with a fixed date, so the same pandoc
gives the same bytes. The output goes to `ianote_lib/resources/templates/office/`; an analyst's
own template (`-p modele`) is best made by editing one of these in Word or Writer.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pypandoc

OUT_DIR = Path(__file__).resolve().parents[1] / "ianote_lib" / "resources" / "templates" / "office"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_FIELD = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
          ' {name} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
          '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
DOCX_FOOTER = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="Footer"/>'
               '<w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">Page </w:t></w:r>'
               + _FIELD.format(name="PAGE")
               + '<w:r><w:t xml:space="preserve"> sur </w:t></w:r>'
               + _FIELD.format(name="NUMPAGES") + "</w:p></w:ftr>\n")

# A4 (11 906 × 16 838 twentieths of a point), 2 cm margins (1 134), footer 1 cm from the edge
DOCX_SECTION = ('<w:sectPr><w:footerReference w:type="default" r:id="rIdIanoteFooter"/>'
                '<w:pgSz w:w="11906" w:h="16838"/>'
                '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1304" '
                'w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')

DOCX_STYLES = """\
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Footer">
    <w:name w:val="Footer" /><w:basedOn w:val="Normal" /><w:rPr><w:sz w:val="18" /></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Signature">
    <w:name w:val="Signature" /><w:basedOn w:val="Normal" /><w:qFormat />
    <w:pPr><w:spacing w:before="480" w:after="0" /><w:jc w:val="right" /></w:pPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Affairesuiviepar">
    <w:name w:val="Affaire suivie par" /><w:basedOn w:val="Normal" /><w:qFormat />
    <w:pPr><w:spacing w:before="360" w:after="0" /></w:pPr><w:rPr><w:sz w:val="20" /></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Annexe">
    <w:name w:val="Annexe" /><w:basedOn w:val="Normal" /><w:qFormat />
    <w:pPr><w:spacing w:after="60" /></w:pPr><w:rPr><w:sz w:val="20" /></w:rPr>
  </w:style>
"""

ODT_STYLES = """\
    <style:style style:name="Signature" style:family="paragraph"
    style:parent-style-name="Standard">
      <style:paragraph-properties fo:text-align="end" fo:margin-top="0.85cm" />
    </style:style>
    <style:style style:name="Affaire_20_suivie_20_par" style:display-name="Affaire suivie par"
    style:family="paragraph" style:parent-style-name="Standard">
      <style:paragraph-properties fo:margin-top="0.6cm" />
      <style:text-properties fo:font-size="10pt" />
    </style:style>
    <style:style style:name="Annexe" style:family="paragraph" style:parent-style-name="Standard">
      <style:paragraph-properties fo:margin-bottom="0.1cm" />
      <style:text-properties fo:font-size="10pt" />
    </style:style>
"""

ODT_FOOTER = ('<style:footer><text:p text:style-name="MP1">Page <text:page-number '
              'text:select-page="current">1</text:page-number> sur <text:page-count>1'
              '</text:page-count></text:p></style:footer>')


def _replace_once(text: str, old: str, new: str, what: str) -> str:
    if text.count(old) != 1:
        raise SystemExit(f"pandoc's default {what} changed: {old!r} not found once")
    return text.replace(old, new)


def _default(name: str, folder: Path) -> dict[str, bytes]:
    """pandoc's default reference document `name`, as its zip members."""
    path = folder / name
    subprocess.run([pypandoc.get_pandoc_path(), "-o", str(path), "--print-default-data-file",
                    name], check=True)
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def docx_members(members: dict[str, bytes]) -> dict[str, bytes]:
    out = dict(members)
    types = out["[Content_Types].xml"].decode()
    out["[Content_Types].xml"] = _replace_once(
        types, "</Types>", '<Override PartName="/word/footer1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" /></Types>',
        "[Content_Types].xml").encode()
    rels = out["word/_rels/document.xml.rels"].decode()
    out["word/_rels/document.xml.rels"] = _replace_once(
        rels, "</Relationships>", '<Relationship Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/footer" Id="rIdIanoteFooter" Target="footer1.xml" />'
        "</Relationships>", "document.xml.rels").encode()
    document = out["word/document.xml"].decode()
    start, end = document.rindex("<w:sectPr>"), document.rindex("</w:sectPr>")
    out["word/document.xml"] = (document[:start] + DOCX_SECTION
                                + document[end + len("</w:sectPr>"):]).encode()
    styles = out["word/styles.xml"].decode()
    styles = _replace_once(styles, 'w:lang w:val="en-US"', 'w:lang w:val="fr-FR"', "styles.xml")
    out["word/styles.xml"] = _replace_once(styles, "</w:styles>", DOCX_STYLES + "</w:styles>",
                                           "styles.xml").encode()
    out["word/footer1.xml"] = DOCX_FOOTER.encode()
    return out


def odt_members(members: dict[str, bytes]) -> dict[str, bytes]:
    out = dict(members)
    styles = out["styles.xml"].decode()
    styles = _replace_once(styles, 'fo:page-width="8.5in"\n      fo:page-height="11in"',
                           'fo:page-width="21cm"\n      fo:page-height="29.7cm"', "styles.xml")
    for side, value in (("top", "2cm"), ("bottom", "1.5cm"), ("left", "2.3cm"),
                        ("right", "2cm")):
        styles = _replace_once(styles, f'fo:margin-{side}="1in"', f'fo:margin-{side}="{value}"',
                               "styles.xml")
    start = styles.index("<style:footer>", styles.index("<office:master-styles>"))
    end = styles.index("</style:footer>", start) + len("</style:footer>")
    styles = styles[:start] + ODT_FOOTER + styles[end:]
    styles = _replace_once(styles, "</office:styles>", ODT_STYLES + "</office:styles>",
                           "styles.xml")
    styles = styles.replace('fo:language="en" fo:country="US"', 'fo:language="fr" '
                            'fo:country="FR"')
    out["styles.xml"] = styles.encode()
    return out


def write_zip(members: dict[str, bytes], path: Path) -> None:
    """The members in their original order (`mimetype` first, stored, as ODF requires), each
    with a fixed date."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)


def build(out_dir: Path) -> list[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        docx = docx_members(_default("reference.docx", Path(tmp)))
        odt = odt_members(_default("reference.odt", Path(tmp)))
    written = []
    for name, members in (("reference.docx", docx), ("reference.odt", odt)):
        write_zip(members, out_dir / name)
        written.append(out_dir / name)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the shipped templates instead of writing them")
    args = parser.parse_args(argv)
    if not args.check:
        for path in build(OUT_DIR):
            print(path)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        fresh = build(Path(tmp))
        stale = [p.name for p in fresh if p.read_bytes() != (OUT_DIR / p.name).read_bytes()]
    if stale:
        print("out of date: " + ", ".join(stale) + " (run tools/make_office_templates.py)")
        return 1
    print("templates up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
