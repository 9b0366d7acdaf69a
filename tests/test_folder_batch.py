"""A folder of files as a dossier, the commande from parameters, `ianote batch`, and the cache
of unchanged stages — on folders and files built in the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from fpdf import FPDF
from mixed_folder import mixed_folder

from ianote_lib.errors import IanoteError
from ianote_lib.note.header import header_of
from ianote_lib.reading.commande import Commande
from ianote_lib.reading.dossier import load_dossier, with_parameters
from ianote_lib.reading.folder import markdown_line, read_header
from ianote_lib.running.cache import StageCache, hash_path, stage_key
from ianote_lib.running.runner import CACHED, run

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from dossier_pdf import FONT  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WATER = ROOT / "tests" / "data" / "dossier_eau" / "dossier_eau.txt"
ACCESSIBILITY = ROOT / "benchmarks" / "dossiers" / "accessibilite_numerique" / "dossier.txt"


def _write_pdf(path: Path, pages: list[list[str]], title: str = "", author: str = "") -> Path:
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=8)
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.multi_cell(0, 4, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
    pdf.output(str(path))
    assert pdf.page_no() == len(pages)     # one PDF page per list of lines
    return path


def _document_text(dossier, doc: int, header: list[str]) -> str:
    """One document of the embedded dossier as the text file an analyst would save."""
    paragraphs = dossier.paragraphs
    body = paragraphs[(paragraphs["doc"] == doc) & (paragraphs["kind"] != "title")]["text"]
    return "\n".join(header) + "\n\n" + "\n\n".join(body) + "\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory, dossier) -> Path:
    """Four documents of the embedded dossier as files of three kinds, plus files to ignore."""
    folder = tmp_path_factory.mktemp("articles")
    docs = dossier.documents.set_index("doc")
    (folder / "doc2.txt").write_text(_document_text(
        dossier, 11, [docs.loc[11, "title"], "Rédaction Weka - publié le 4 octobre 2023",
                      "Par Marie Dupont"]), encoding="utf-8")
    (folder / "doc10.md").write_text(_document_text(
        dossier, 7, [f"# {docs.loc[7, 'title']}", "", "*Source : Weka, 14/09/2023*"]),
        encoding="utf-8")
    text12 = _document_text(dossier, 12, []).split("\n\n")
    half = len(text12) // 2
    _write_pdf(folder / "doc3.pdf", [text12[:half], text12[half:]],
               title=docs.loc[12, "title"], author="Ekwater")
    (folder / "doc1.txt").write_text(_document_text(
        dossier, 1, [docs.loc[1, "title"], "Banquedesterritoires.fr – 3 octobre 2023"]),
        encoding="cp1252")
    (folder / ".brouillon.txt").write_text("caché", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not a dossier file")
    return folder


def test_folder_gives_one_document_per_file_in_natural_order(folder, dossier):
    d = load_dossier(folder)
    docs = d.documents
    titles = dossier.documents.set_index("doc")["title"]
    assert docs["doc"].tolist() == [1, 2, 3, 4]
    assert docs["title"].tolist() == [titles[1], titles[11], titles[12], titles[7]]
    assert docs["source"].tolist() == ["Banquedesterritoires.fr", "Rédaction Weka", "", "Weka"]
    assert docs["authors"].tolist() == ["", "Marie Dupont", "Ekwater", ""]
    # the PDF states no date in its header: the date comes from its opening lines
    assert docs["date"].tolist() == ["2023-10-03", "2023-10-04", "2023-08-23", "2023-09-14"]
    # pages run across the dossier: the PDF has two, each text one
    assert docs["declared_pages"].tolist() == [1, 1, 2, 1]
    assert docs["first_page"].tolist() == [1, 2, 3, 5]
    assert docs["last_page"].tolist() == [1, 2, 4, 5]
    assert d.kind == "folder"           # the only warnings: the two files left out, and why
    assert [w.split("»")[0].strip(" «\u00a0") for w in d.warnings] == [".brouillon.txt",
                                                                        "notes.docx"]
    assert "traitement de texte" in d.warnings[1]


def test_folder_sentences_match_the_original_documents(folder, dossier):
    d = load_dossier(folder)
    for new_doc, old_doc in [(1, 1), (2, 11), (4, 7)]:
        new = d.sentences[(d.sentences["doc"] == new_doc) & d.sentences["quotable"]]["text"]
        old = dossier.sentences[(dossier.sentences["doc"] == old_doc)
                                & dossier.sentences["quotable"]]["text"]
        assert len(set(old) & set(new)) >= 0.9 * len(set(old)), (new_doc, old_doc)
    titles = d.sentences[d.sentences["kind"] == "title"]
    assert titles["doc"].tolist() == [1, 2, 4]                # the PDF's title is metadata
    # header lines are never quotable sentences
    assert not d.sentences[d.sentences["quotable"]]["text"].str.contains("publié le").any()


def test_markdown_is_read_as_plain_text():
    assert markdown_line("## Les **enjeux** de l'[IA](https://x.fr) ![logo](a.png)") == \
        "Les enjeux de l'IA "
    assert markdown_line("* un point *important*") == "- un point important"
    assert markdown_line("---") == ""
    assert markdown_line("2 * 3 = 6") == "2 * 3 = 6"


def test_header_title_falls_back_on_the_file_name():
    long_line = "Une première phrase de texte courant qui ouvre directement le document sans " \
                "aucun titre, et qui se termine par un point comme le reste du corps du texte."
    header = read_header([long_line], "", "", Path("03_plan_velo_lyon.txt"))
    assert header.title == "Plan velo lyon" and header.title_lines == []
    meta = read_header(["Texte."], "Microsoft Word - note.docx", "", Path("rapport.pdf"))
    assert meta.title == "Rapport"


def test_a_document_without_date_is_reported(tmp_path):
    (tmp_path / "sans_date.txt").write_text("Un titre\n\nUn texte sans date.\n",
                                             encoding="utf-8")
    d = load_dossier(tmp_path)
    assert d.documents["date"].tolist() == [""]
    assert d.warnings == ["Document 1 (sans_date.txt)\u00a0: aucune date trouvée en tête."]


def test_a_heading_numbered_by_a_letter_opens_its_own_block(tmp_path):
    """« a) L'adaptation au vieillissement est un enjeu… », a heading after the heading « 1. … »
    that has no final period, was read as that heading's lower-case continuation: the note
    wrote « …doit procéder d'une « politique à 360° » a) L'adaptation au vieillissement… »."""
    (tmp_path / "rapport.md").write_text(
        "# Bien vieillir dans nos communes\n\nSource : Sénat, 8 octobre 2024\n\n"
        "1. L'adaptation du bloc communal doit procéder d'une « politique à 360° »\n\n"
        "a) L'adaptation au vieillissement est un enjeu éminemment transversal\n\n"
        "L'adaptation au vieillissement nécessite de dépasser les approches cloisonnées.\n",
        encoding="utf-8")
    texts = load_dossier(tmp_path).sentences["text"].tolist()
    assert not any("360° » a)" in t for t in texts)
    assert any(t.endswith("un enjeu éminemment transversal") for t in texts)


def test_empty_folder_is_refused(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with pytest.raises(IanoteError, match="aucun fichier PDF, TXT ou MD"):
        load_dossier(tmp_path)


def test_a_bad_file_in_a_folder_is_named(tmp_path):
    (tmp_path / "a.txt").write_text("Un titre\n\nUn texte correct.\n", encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<")
    with pytest.raises(IanoteError, match=r"b\.pdf.*illisible"):
        load_dossier(tmp_path)


def test_commande_from_parameters_and_stated_defaults():
    com = with_parameters(Commande(), destinataire="Directeur général des services",
                          collectivite="Villeneuve", objet="la sobriété hydrique")
    assert com.salutation == "Monsieur le Directeur général des services"
    assert (com.collectivite, com.object) == ("Villeneuve", "la sobriété hydrique")
    other = with_parameters(Commande(), destinataire="Madame la Présidente")
    assert other.salutation == "Madame la Présidente"
    header = header_of(Commande(), 3, "2026-11-28")
    assert "à préciser" in header["destinataire"] and "destinataire" in header["destinataire"]
    assert "à préciser" in header["collectivite"] and "à préciser" in header["objet"]
    kept = with_parameters(Commande(collectivite="Admiville", object="les enjeux"), None, "", None)
    assert (kept.collectivite, kept.object) == ("Admiville", "les enjeux")


# ----------------------------------------------------------------------------- batch and cache


@pytest.fixture(scope="module")
def batch(tmp_path_factory, folder):
    """`ianote batch` on a folder holding a folder dossier and a broken file."""
    root = tmp_path_factory.mktemp("batch")
    dossiers = root / "dossiers"
    dossiers.mkdir()
    (dossiers / "articles").symlink_to(folder, target_is_directory=True)
    (dossiers / "casse.pdf").write_bytes(b"%PDF-1.4\ngarbage")
    # three documents on drinking water, three on web accessibility: two subjects
    mixed_folder(dossiers / "deux_sujets", [(load_dossier(WATER), [1, 2, 3]),
                                            (load_dossier(ACCESSIBILITY), [1, 2, 3])])
    out = root / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "ianote_lib", "batch", str(dossiers), "--output-dir", str(out),
         "-p", "destinataire", "Directeur général des services", "-p", "collectivite",
         "Villeneuve", "-p", "date", "2026-11-28"],
        capture_output=True, text=True, timeout=900,
    )
    return proc, out


def test_batch_runs_each_dossier_and_isolates_failures(batch):
    proc, out = batch
    assert proc.returncode == 1, proc.stderr            # one dossier failed
    assert "Traceback" not in proc.stdout + proc.stderr
    summary = pd.read_csv(out / "batch_summary.csv")
    assert summary["dossier"].tolist() == ["articles", "casse.pdf", "deux_sujets"]
    ok, bad, mixed = summary.iloc[0], summary.iloc[1], summary.iloc[2]
    # a dossier of two subjects says so in its row, and the batch prints the run's warning
    assert ok["subjects"] == 1 and pd.isna(bad["subjects"])
    assert mixed["status"] == "réussi" and mixed["subjects"] == 2
    assert "Le dossier réunit deux sujets distincts" in proc.stdout
    assert ok["status"] == "réussi" and ok["documents"] == 4
    assert ok["figures"] > 10 and 300 < ok["note_words"] < 2600
    assert bad["status"].startswith("échec") and "casse.pdf" in bad["status"]
    assert "| articles | 4 |" in proc.stdout and "2 dossier(s) réussi(s), 1 en échec" in proc.stdout
    assert (out / "batch_summary.md").read_text(encoding="utf-8").startswith("| Dossier |")
    note = (out / "articles" / "reports" / "note.md").read_text(encoding="utf-8")
    assert "Monsieur le Directeur général des services" in note and "Villeneuve" in note
    assert "objet à préciser" in note                     # no object given: the header says so
    assert (out / "articles" / "reports" / "note.html").is_file()
    assert not (out / "casse" / "reports" / "note.html").exists()


def test_the_analysis_report_lists_the_files_left_out(batch):
    _, out = batch
    html = (out / "articles" / "reports" / "analysis.html").read_text(encoding="utf-8")
    warnings = html.split("Avertissements de lecture", 1)[1]
    assert "laissé de côté" in warnings and "notes.docx" in warnings
    assert "entièrement reconnue" not in html


def test_unchanged_rerun_is_served_from_the_cache(batch, folder):
    _, out = batch
    target = out / "articles"
    params = {"destinataire": "Directeur général des services", "collectivite": "Villeneuve",
              "date": "2026-11-28"}
    before = {p: p.read_bytes() for p in (target / "reports").glob("*.*")}
    lines: list[str] = []
    result = run(dossier=folder, output_dir=target, parameters=params, log=lines.append)
    assert all(nb.cached for nb in result.notebooks) and len(lines) == 8
    said = [line.replace("\u00a0", " ") for line in lines[:2]]  # the files left out, first
    assert "« .brouillon.txt » laissé de côté" in said[0]
    assert "« notes.docx » laissé de côté" in said[1]
    assert all(CACHED in line for line in lines[2:])
    assert {p: p.read_bytes() for p in (target / "reports").glob("*.*")} == before

    # a parameter of the note only: the notebooks before it are not run again
    lines.clear()
    result = run(dossier=folder, output_dir=target, parameters={**params, "date": "2026-12-01"},
                 log=lines.append)
    assert [nb.cached for nb in result.notebooks] == [True, True, True, True, False]
    for name in ("note.md", "note.html"):               # notebook 05 writes both
        assert "1er décembre 2026" in (target / "reports" / name).read_text(encoding="utf-8")
    assert CACHED in lines[-1]             # analysis.html reads 01-04 only: not exported again


def test_stage_keys_follow_inputs_and_code(tmp_path):
    dossier = tmp_path / "d"
    dossier.mkdir()
    (dossier / "a.txt").write_text("Titre\n\nUn texte.\n", encoding="utf-8")
    notebook = tmp_path / "01_x.ipynb"
    notebook.write_text("{}", encoding="utf-8")
    key = stage_key("", notebook, {"objet": "x"}, [dossier])
    assert key == stage_key("", notebook, {"objet": "x"}, [dossier])
    assert key != stage_key("", notebook, {"objet": "y"}, [dossier])
    assert key != stage_key("previous", notebook, {"objet": "x"}, [dossier])
    plan = tmp_path / "plan.yaml"
    plan.write_text("a: 1", encoding="utf-8")
    with_plan = stage_key("", notebook, {"plan": str(plan)}, [dossier])
    plan.write_text("a: 2", encoding="utf-8")                  # a file parameter counts by content
    assert with_plan != stage_key("", notebook, {"plan": str(plan)}, [dossier])
    (dossier / "a.txt").write_text("Titre\n\nUn autre texte.\n", encoding="utf-8")
    assert key != stage_key("", notebook, {"objet": "x"}, [dossier])
    notebook.write_text('{"cells": []}', encoding="utf-8")
    assert hash_path(notebook) != hash_path(dossier)


def test_cache_restores_only_complete_unchanged_stages(tmp_path):
    out, staging = tmp_path / "out", tmp_path / "staging"
    (out / "figures").mkdir(parents=True)
    (out / "figures" / "a.png").write_bytes(b"png")
    cache = StageCache.load(out)
    cache.record("02_x", "k1", ["figures/a.png"])
    cache.save()
    assert StageCache.load(out).restore("02_x", "k1", staging)
    assert (staging / "figures" / "a.png").read_bytes() == b"png"
    assert not StageCache.load(out).restore("02_x", "k2", staging)          # inputs changed
    assert not StageCache.load(out, enabled=False).restore("02_x", "k1", staging)  # --no-cache
    (out / "figures" / "a.png").write_bytes(b"png, drawn again")
    assert not StageCache.load(out).restore("02_x", "k1", staging)   # rewritten since the run
    (out / "figures" / "a.png").unlink()
    assert not StageCache.load(out).restore("02_x", "k1", staging)          # a file is gone
    (out / ".ianote-cache.json").write_text("{not json", encoding="utf-8")
    assert StageCache.load(out).previous == {}                              # damaged manifest
