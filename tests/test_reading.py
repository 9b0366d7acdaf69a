"""Reading PDFs and texts built in the tests, and refusing bad input with a clear message."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fpdf import FPDF

from ianote_lib.errors import IanoteError
from ianote_lib.reading.commande import Commande
from ianote_lib.reading.dossier import commande_from_table, commande_table, load_dossier
from ianote_lib.reading.readers import read_dossier
from ianote_lib.tables import read_table, write_table

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from dossier_pdf import FONT, dossier_as_pdf  # noqa: E402

COMMANDE = ("Attaché territorial, vous êtes chargé de mission auprès de la Direction générale des "
            "services de Belleville (45 000 habitants). Le Directeur Général des Services vous "
            "demande de rédiger, exclusivement à l'aide des documents joints, une note sur "
            "l'éclairage public.")
DOC1 = ["DOCUMENT 1", "L’éclairage public à l’heure des économies",
        "La ville a réduit sa facture de 1,5 million d’euros (≈ 30 %) grâce aux LED.",
        "« Nous avons gagné en sobriété », dit l’élue ; l’œuvre n’est pas finie."]
DOC2 = ["DOCUMENT 2", "Éteindre la nuit : un choix qui divise",
        "Les communes rurales éteignent entre 23 h et 5 h. Les habitants s’interrogent."]


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    return pdf


def _page(pdf: FPDF, lines: list[str]) -> None:
    pdf.add_page()
    for line in lines:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)


def write_exam_pdf(path: Path) -> Path:
    pdf = _pdf()
    _page(pdf, [COMMANDE, "Liste des documents :",
                "Document 1 : « L’éclairage public à l’heure des économies » - La Gazette - "
                "3 mars 2024 - 1 page",
                "Document 2 : « Éteindre la nuit : un choix qui divise » - Ouest Info - "
                "12 avril 2024 - 1 page"])
    _page(pdf, DOC1)
    _page(pdf, DOC2)
    pdf.output(str(path))
    return path


def test_multipage_pdf_with_accents(tmp_path):
    d = load_dossier(write_exam_pdf(tmp_path / "dossier.pdf"))
    assert d.kind == "pdf"
    assert list(d.documents["doc"]) == [1, 2]
    assert d.documents.loc[0, "title"] == "L’éclairage public à l’heure des économies"
    assert d.documents.loc[1, "date"] == "2024-04-12"
    assert d.commande.salutation == "Monsieur le Directeur général des services"
    assert d.commande.collectivite == "Belleville" and d.commande.population == 45000
    s = d.sentences
    led = s[s["text"].str.contains("LED")]
    assert led["text"].iloc[0] == ("La ville a réduit sa facture de 1,5 million d’euros (≈ 30 %) "
                                   "grâce aux LED.")
    assert led["page"].iloc[0] == 2 and led["doc"].iloc[0] == 1
    assert s[s["text"].str.contains("œuvre")]["text"].iloc[0].startswith("« Nous avons")
    assert s[s["text"].str.contains("23 h")]["page"].iloc[0] == 3


def test_two_column_page_keeps_columns_apart(tmp_path):
    pdf = _pdf()
    pdf.add_page()
    left = ["La colonne de gauche parle des budgets municipaux.",
            "Elle continue sur plusieurs lignes sans se mêler."]
    right = ["La colonne de droite traite des données ouvertes.",
             "Elle aussi garde son propre fil de lecture."]
    for column, x in ((left, 10), (right, 115)):
        pdf.set_xy(x, 20)
        for line in column:
            pdf.set_x(x)
            pdf.multi_cell(80, 5, line, new_x="LEFT", new_y="NEXT")
    path = tmp_path / "colonnes.pdf"
    pdf.output(str(path))
    text = " ".join(" ".join(read_dossier(path).lines).split())
    assert "budgets municipaux. Elle continue" in text
    assert "données ouvertes. Elle aussi" in text
    assert text.index("colonne de gauche") < text.index("colonne de droite")


def test_windows_1252_text(tmp_path):
    path = tmp_path / "dossier.txt"
    path.write_bytes("Le conseil municipal a voté à l'unanimité. Décision très attendue.\n"
                     .encode("cp1252"))
    d = load_dossier(path)
    assert "voté à l'unanimité" in d.sentences["text"].iloc[0]


def test_text_without_list_falls_back_to_markers(tmp_path):
    path = tmp_path / "sans_liste.txt"
    path.write_text("DOCUMENT 1\nPremier texte sur les finances locales de la commune.\n"
                    "DOCUMENT 2\nSecond texte sur la voirie et les travaux de la commune.\n",
                    encoding="utf-8")
    d = load_dossier(path)
    assert list(d.documents["doc"]) == [1, 2]
    assert any("marqueur" in w for w in d.warnings)
    assert "voirie" in " ".join(d.sentences.loc[d.sentences["doc"] == 2, "text"])


def test_text_without_structure_is_one_document(tmp_path):
    path = tmp_path / "brut.txt"
    path.write_text("Un texte sans aucune structure. Il parle de la commune.\n", encoding="utf-8")
    d = load_dossier(path)
    assert list(d.documents["doc"]) == [1]
    assert d.warnings and "un seul document" in d.warnings[0]


def _truncated(tmp_path: Path) -> Path:
    good = write_exam_pdf(tmp_path / "good.pdf").read_bytes()
    bad = tmp_path / "tronque.pdf"
    bad.write_bytes(good[: len(good) // 3])
    return bad


def _encrypted(tmp_path: Path) -> Path:
    pdf = _pdf()
    pdf.set_encryption(owner_password="proprietaire", user_password="secret")
    _page(pdf, ["Texte confidentiel du dossier."])
    path = tmp_path / "chiffre.pdf"
    pdf.output(str(path))
    return path


def _scanned(tmp_path: Path) -> Path:
    pdf = _pdf()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # an image-like page: no text layer
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    return path


def _binary(tmp_path: Path) -> Path:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return path


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "vide.txt"
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda tmp: tmp / "absent.pdf", "introuvable"),
        (_empty, "vide"),
        (_binary, "ni un PDF ni un texte"),
        (_truncated, "illisible"),
        (_encrypted, "chiffré"),
        (_scanned, "OCR"),
    ],
    ids=["missing", "empty", "binary", "truncated", "encrypted", "scanned"],
)
def test_bad_input_gives_one_sentence(tmp_path, make, expected):
    with pytest.raises(IanoteError) as info:
        load_dossier(make(tmp_path))
    message = str(info.value)
    assert expected in message
    assert "\n" not in message and message.count(" : ") <= 2


def test_embedded_dossier_as_pdf(tmp_path):
    d = load_dossier(dossier_as_pdf(tmp_path / "dossier.pdf"))
    assert d.kind == "pdf"
    docs = d.documents.set_index("doc")
    assert list(docs.index) == list(range(1, 16))
    assert docs.loc[12, "title"].startswith("Quelle est l’empreinte carbone")
    assert docs.loc[9, "date"] == "2023-10"
    s = d.sentences
    assert set(s.loc[s["norm"].str.contains("502 tonnes équivalent CO2"), "doc"]) == {12}
    assert s["norm"].str.contains("Médaille Fields a proposé une stratégie").any()
    assert not s["text"].str.contains("Sujet élaboré par|CONCOURS").any()


def test_commande_table_comes_back_typed(tmp_path):
    """The commande written as the `commande` table is read back as a `Commande`: the same
    values, the population an int again (or None when the dossier gives none)."""
    d = load_dossier(write_exam_pdf(tmp_path / "dossier.pdf"))
    write_table(d.commande_table(), "commande", tmp_path)
    back = commande_from_table(read_table("commande", tmp_path))
    assert isinstance(back, Commande) and back == d.commande
    assert back.population == 45000
    empty = commande_from_table(commande_table(Commande(object="l'eau")))
    assert empty == Commande(object="l'eau") and empty.population is None


def test_tables_are_checked_against_the_catalogue(tmp_path):
    d = load_dossier(write_exam_pdf(tmp_path / "dossier.pdf"))
    with pytest.raises(ValueError, match="norm"):
        write_table(d.sentences.drop(columns=["norm"]), "sentences", tmp_path)
    assert not (tmp_path / "sentences.parquet").exists()
    with pytest.raises(ValueError, match="not declared"):
        write_table(d.sentences, "phrases", tmp_path)
    with pytest.raises(ValueError, match="not declared"):
        read_table("phrases", tmp_path)
    d.sentences.drop(columns=["norm"]).to_parquet(tmp_path / "sentences.parquet")
    with pytest.raises(IanoteError, match="norm"):
        read_table("sentences", tmp_path)
