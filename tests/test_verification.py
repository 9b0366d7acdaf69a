"""A verification nobody can miss: an analyst rewrite that states 50 million euros where the
document says 35, and names a company no document names, is printed at the end of the run with
its sentence, marked in note.html (box and highlight), note.docx and note.odt (highlight and
comment), and stops the run unless `--accepter-anomalies`. Real runs: one with the flag, then
the same without it (from the cache)."""

from __future__ import annotations

import re
import zipfile

import pandas as pd
import pytest
from office_files import NBSP, docx_paragraphs, ianote, markdown_paragraphs, odt_paragraphs

from ianote_lib.reports.office import shipped_reference
from ianote_lib.running.anomalies import Anomaly, refusal, summary_lines

REWRITE = """\
rewrite:
  II.B: |
    Le règlement européen sur l'IA prévoit des amendes pouvant atteindre 50 millions d'euros (doc. 8). Le règlement européen classe les systèmes d'intelligence artificielle selon leur niveau de risque (doc. 8).

    La société <b>Zorglub</b> en a fait les frais (doc. 8).
"""


@pytest.fixture(scope="module")
def anomaly_run(tmp_path_factory) -> dict:
    """A run whose analyst rewrite of II.B states 50 million euros (the document says 35) and
    names a company no document names, published with --accepter-anomalies and with the
    analyst's own Writer model; then the same run without the flag (from the cache)."""
    base = tmp_path_factory.mktemp("anomalies")
    overrides = base / "note.yml"
    overrides.write_text(REWRITE, encoding="utf-8")
    modele = base / "modele.odt"
    with zipfile.ZipFile(shipped_reference("odt")) as src, zipfile.ZipFile(modele, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "styles.xml":
                data = data.replace(b">Page <", b">Feuille <")
            dst.writestr(info, data)
    out = base / "out"
    common = ["run", "--output-dir", str(out), "-p", "date", "2026-11-28",
              "-p", "overrides", str(overrides), "-p", "service", "Mission numérique",
              "-p", "redacteur", "Jeanne Martin", "-p", "signataire", "La cheffe de projet",
              "-p", "modele", str(modele)]
    accepted = ianote(*common, "--accepter-anomalies")
    published = {p.name: p.read_bytes() for p in (out / "reports").glob("note.*")}
    refused = ianote(*common)
    return {"out": out, "accepted": accepted, "refused": refused, "published": published}


def test_accepted_anomalies_are_printed_one_line_each_with_the_sentence(anomaly_run):
    done = anomaly_run["accepted"]
    assert done.returncode == 0, done.stderr
    lines = done.stdout.replace(NBSP, " ").splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith("Vérification de la note"))
    found = lines[start + 1:]
    assert any("Le nombre 50 n'apparaît dans aucun document cité (8)" in line
               and "« Le règlement européen sur l'IA prévoit des amendes pouvant atteindre 50 "
               "millions d'euros. »" in line for line in found)
    assert any("« Zorglub » n'apparaît dans aucun document cité" in line for line in found)
    # (besides the note's own: a document only the rewritten sub-part cited is cited no more)
    assert all(line.startswith("  - anomalie (II.B, texte de l'analyste) :")
               for line in found if "Documents jamais cités" not in line)


def test_refused_run_stops_in_one_sentence_and_publishes_nothing(anomaly_run):
    done, out = anomaly_run["refused"], anomaly_run["out"]
    assert done.returncode != 0
    err = done.stderr.strip()
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert "--accepter-anomalies" in err and "phrase(s) de l'analyste" in err
    assert "Le nombre 50 n'apparaît" in done.stdout.replace(NBSP, " ")
    now = {p.name: p.read_bytes() for p in (out / "reports").glob("note.*")}
    assert now == anomaly_run["published"]               # the last good note, untouched
    failed = out / "reports" / "failed"
    assert {"note.html", "note.docx", "note.odt", "note_checks.csv"} <= {
        p.name for p in failed.iterdir()}


def test_verdict_table_names_each_failed_sentence(anomaly_run):
    checks = pd.read_parquet(anomaly_run["out"] / "data" / "processed" / "note_checks.parquet")
    analyst = checks[checks.origin == "analyst"]
    assert set(analyst.rule) == {"nombre", "nom propre"}
    assert (analyst.section == "II.B").all() and (analyst.level == "error").all()
    assert analyst.text.str.contains("50 millions|Zorglub").all()


def test_note_html_marks_the_sentences_and_sums_them_up_escaped(anomaly_run):
    note = (anomaly_run["out"] / "reports" / "note.html").read_text(encoding="utf-8")
    box = re.search(r'<aside class="note-verification">(.*?)</aside>', note, re.S)
    assert box and note.index("note-verification\">") < note.index('class="note-header"')
    summary = box.group(1).replace(NBSP, " ")
    # the analyst's two, and the note's own when a document only the rewritten sub-part cited
    # is cited no more
    expected = 2 + ("Documents jamais cités" in summary)
    assert f"Vérification de la note : {expected} anomalies." in summary
    assert "Le nombre 50" in summary
    marks = re.findall(r'<mark class="anomalie erreur" title="([^"]*)">(.*?)</mark>', note, re.S)
    assert len(marks) == 2
    assert "50 millions" in marks[0][1] and "Le nombre 50" in marks[0][0]
    assert "Zorglub" in marks[1][1]
    assert "<b>" not in note and "&lt;b&gt;Zorglub" in note       # document text escaped
    css = note[note.index("@media print"):]
    assert ".note-verification" in css and "display: none" not in css.split("}")[0]
    header = note[note.index('class="note-header"'):note.index("</header>")]
    assert "Mission numérique" in header


def test_office_files_mark_the_sentences_with_comments(anomaly_run):
    reports = anomaly_run["out"] / "reports"
    md = markdown_paragraphs((reports / "note.md").read_text(encoding="utf-8"))
    with zipfile.ZipFile(reports / "note.docx") as docx:
        body = docx.read("word/document.xml").decode()
        comments = docx.read("word/comments.xml").decode()
    highlighted = re.findall(r'<w:highlight w:val="yellow" />\s*</w:rPr>\s*<w:t[^>]*>([^<]*)',
                             body)
    assert any("50 millions" in t for t in highlighted)
    assert any("Zorglub" in t for t in highlighted)
    # (one comment per anomaly: the analyst's two, and the note's own uncited documents)
    assert body.count("<w:commentRangeStart") == 2 + ("Documents jamais cités" in comments)
    assert "Le nombre 50 n&#39;apparaît dans aucun document cité (8)" in comments
    assert docx_paragraphs(reports / "note.docx")[:len(md)] == md   # marks add no text
    with zipfile.ZipFile(reports / "note.odt") as odt:
        content = odt.read("content.xml").decode()
        styles = odt.read("styles.xml").decode()
    notes = re.findall(r"<office:annotation>.*?<text:p>(.*?)</text:p>", content)
    assert any("Le nombre 50" in n for n in notes) and any("Zorglub" in n for n in notes)
    assert re.search(r'<text:span text:style-name="Highlighted">[^<]*50 millions', content)
    assert "Zorglub" in "".join(re.findall(r"Highlighted\">([^<]*)", content))
    assert odt_paragraphs(reports / "note.odt")[:len(md)] == md
    assert ">Feuille <" in styles                       # the analyst's model was used
    paragraphs = odt_paragraphs(reports / "note.odt")[len(md):]
    assert paragraphs[:2] == ["La cheffe de projet",
                              f"Affaire suivie par{NBSP}: Jeanne Martin, Mission numérique"]


def test_refusal_concerns_only_the_analyst_errors():
    document = Anomaly("error", "nombre", "I.A", "n003", "document", "Le nombre 7…", "x")
    warning = Anomaly("warning", "longueur", "note", "", "note", "1 200 mots…", "")
    analyst = Anomaly("error", "nombre", "II.B", "n040", "analyst", "Le nombre 50…", "y")
    assert not document.blocking and not warning.blocking and analyst.blocking
    assert "1 phrase(s) de l'analyste" in refusal([document, analyst])
    assert summary_lines([]) == ["Vérification de la note : aucune anomalie."]
    assert summary_lines([warning])[1] == "  - avertissement (note, note) : 1 200 mots…"
