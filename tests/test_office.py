"""The note as Word and LibreOffice Writer files (`reports/note.docx`, `reports/note.odt`): real
files of the session's `full_run`, read back with zipfile and ElementTree (`office_files`), hold
note.md's text, then the signature block and the annex of documents, on numbered A4 pages; a
bad `modele` is refused before anything runs."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile

import pandas as pd
import pytest
from office_files import (
    NBSP,
    ROOT,
    docx_paragraphs,
    ianote,
    markdown_paragraphs,
    odt_paragraphs,
)

from ianote_lib.errors import ParametersError
from ianote_lib.reports.office import check_modele, shipped_reference


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_office_note_holds_note_md_then_signature_and_references(full_run, fmt):
    reports = full_run / "reports"
    md = markdown_paragraphs((reports / "note.md").read_text(encoding="utf-8"))
    paragraphs = (docx_paragraphs if fmt == "docx" else odt_paragraphs)(reports / f"note.{fmt}")
    assert paragraphs[:len(md)] == md                 # the note's text, paragraph by paragraph
    assert paragraphs[0].startswith("Admiville Direction générale des services")
    assert "NOTE à l'attention de Madame la Directrice générale des services" in paragraphs
    assert any(p.startswith("I. ") for p in paragraphs) and any(p.startswith("II. ")
                                                                for p in paragraphs)
    assert any(re.search(r"\(doc\. \d+(, \d+)*\)", p) for p in paragraphs)
    signature, followed, annex, *documents = paragraphs[len(md):]
    assert signature == f"Chargé de mission «{NBSP}Transformation numérique{NBSP}»"
    assert followed == (f"Affaire suivie par{NBSP}: chargé de mission «{NBSP}Transformation "
                        f"numérique{NBSP}», Direction générale des services")
    assert annex == f"Annexe{NBSP}: références des documents du dossier"
    listed = pd.read_csv(full_run / "data" / "processed" / "documents.csv")
    assert [int(re.match(r"Document (\d+)", d).group(1)) for d in documents] == list(listed.doc)
    assert documents[0] == (f"Document 1{NBSP}: «{NBSP}Intelligence artificielle{NBSP}: ces "
                            f"collectivités qui sautent le pas{NBSP}», Banquedesterritoires.fr, "
                            "3 octobre 2023.")


def test_office_files_are_styled_and_numbered(full_run):
    reports = full_run / "reports"
    with zipfile.ZipFile(reports / "note.docx") as docx:
        body = docx.read("word/document.xml").decode()
        footers = [docx.read(n).decode() for n in docx.namelist() if "footer" in n
                   and n.endswith(".xml")]
        assert any(" PAGE " in f and " NUMPAGES " in f for f in footers)
        assert 'w:w="11906" w:h="16838"' in body.replace('w:h="16838" w:w="11906"',
                                                         'w:w="11906" w:h="16838"')  # A4
        for style in ("Heading2", "Heading3", "Signature", "Affairesuiviepar", "Annexe"):
            assert f'w:val="{style}"' in body
        assert "<w:highlight" not in body and "commentReference" not in body  # a clean note
    with zipfile.ZipFile(reports / "note.odt") as odt:
        assert odt.namelist()[0] == "mimetype"
        assert odt.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        styles = odt.read("styles.xml").decode()
        assert "<text:page-number" in styles and "<text:page-count" in styles
        content = odt.read("content.xml").decode()
        assert 'text:style-name="Signature"' in content
        assert "office:annotation" not in content


def test_a_clean_note_has_an_empty_verdict_and_no_box(full_run):
    checks = pd.read_csv(full_run / "data" / "processed" / "note_checks.csv")
    assert list(checks.columns) == ["level", "rule", "section", "note_sentence_id", "origin",
                                    "message", "text"]
    note = (full_run / "reports" / "note.html").read_text(encoding="utf-8")
    if checks.empty:
        assert 'class="note-verification"' not in note and "<mark" not in note


def test_shipped_templates_are_rebuilt_identically():
    done = subprocess.run([sys.executable, "tools/make_office_templates.py", "--check"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


# ----------------------------------------------------------------------------- the model

def test_a_bad_model_is_refused_in_one_french_sentence(tmp_path):
    for value, says in ((tmp_path / "absent.docx", "est introuvable"),
                        (tmp_path / "modele.pdf", "n'est ni un .docx ni un .odt")):
        with pytest.raises(ParametersError, match=says):
            check_modele(value)
    broken = tmp_path / "casse.docx"
    broken.write_text("pas un document", encoding="utf-8")
    with pytest.raises(ParametersError, match=r"n'est pas un document Word \(\.docx\) lisible"):
        check_modele(broken)
    assert check_modele(shipped_reference("odt")) == shipped_reference("odt").resolve()


def test_the_cli_refuses_a_bad_model_before_running(tmp_path):
    done = ianote("run", "--output-dir", str(tmp_path), "-p", "modele",
                   str(tmp_path / "chemin" / "modele.docx"))
    assert done.returncode != 0
    err = done.stderr.strip()
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert re.fullmatch(r"ianote : erreur : Le modèle « .+modele\.docx » est introuvable : .+\.",
                        err.replace(NBSP, " "))
    assert not (tmp_path / "reports").exists()          # no notebook ran
