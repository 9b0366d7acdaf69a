"""Records (items of a list of projects, with no verb of their own) told as sentences the note
writes from their fields (`note.records`), on items built here and on the folder dossier."""

from __future__ import annotations

from pathlib import Path

import pytest

from ianote_lib.figures.extraction import extract_figures
from ianote_lib.fr.parse import parse_table
from ianote_lib.note.records import read_record, record_text
from ianote_lib.note.render import compose
from ianote_lib.reading.dossier import load_dossier
from ianote_lib.use_cases.detection import build_use_cases

FOLDER = Path(__file__).resolve().parents[1] / "benchmarks" / "dossiers" / \
    "numerique_territoires" / "articles"


def test_a_record_with_name_holder_amount_purpose_and_result():
    record = read_record(
        "- Vélo partagé. Communauté de communes du Val de Saône. Subvention : 120 000 €. "
        "Soutenu par la région. Déployer 40 vélos électriques dans les gares du territoire. "
        "Le service a déjà convaincu 900 abonnés réguliers dans douze communes.")
    assert record is not None
    assert (record.name, record.holder, record.amount) == (
        "Vélo partagé", "Communauté de communes du Val de Saône", "120 000 €")
    assert record.purpose.startswith("Déployer 40 vélos")
    assert record_text(record, 60) == (
        "Le projet « Vélo partagé » de la communauté de communes du Val de Saône, doté de "
        "120 000 €, vise à déployer 40 vélos électriques dans les gares du territoire. Le "
        "service a déjà convaincu 900 abonnés réguliers dans douze communes.")
    # the result goes when the whole would be too long; the purpose alone stays
    assert record_text(record, 30).endswith("dans les gares du territoire.")


def test_a_record_without_name_or_amount():
    record = read_record("Mairie de Lunel (Hérault). Accompagné par la préfecture. Créer un "
                         "guichet numérique unique pour les démarches des familles.")
    assert record is not None and record.name == "" and record.amount == ""
    assert record_text(record, 60) == (
        "Le projet de la mairie de Lunel (Hérault) vise à créer un guichet numérique unique "
        "pour les démarches des familles.")


@pytest.mark.parametrize("text", [
    # a sentence is not a record
    "La commune de Lunel a créé un guichet numérique unique pour les démarches des familles.",
    # a noun that ends like an infinitive is not a purpose, and nothing else says what is done
    "Signature électronique. Gironde Numérique. Montant alloué : 241 484 €.",
    # a caption with a date
    "Photo : la mairie de Lunel. Crédit : DR. 12 mars 2023.",
])
def test_what_is_not_a_record(text):
    record = read_record(text)
    assert record is None or record_text(record, 60) is None


def test_a_verbless_field_is_not_told_as_a_result():
    record = read_record("La salle sur demande. Conseil départemental de l'Isère. Montant "
                         "alloué : 846 984 €. Mettre en relation l'offre et la demande de salles. "
                         "Mise en place d'un service en ligne de réservation des salles.")
    assert record is not None and record.results == []


def test_the_folder_note_tells_the_laureates_from_their_records():
    d = load_dossier(FOLDER)
    figures = extract_figures(d.sentences)
    comp = compose(d.sentences, d.documents, d.commande, figures=figures,
                   use_cases=build_use_cases(d.sentences), plan="auto", date="2026-12-01",
                   sentence_parse=parse_table(d.sentences))
    written = [s for p in comp.note.paragraphs for s in p.sentences
               if s.text.startswith("Le projet ") and " vise à " in s.text]
    assert len(written) >= 2
    for sentence in written:
        assert sentence.kind == "written" and sentence.docs == [8]
        assert ", doté de " in sentence.text           # every laureate has its amount
        assert "Départemental" not in sentence.text and "Mixte" not in sentence.text
    assert comp.report.ok                              # figures and names found in doc. 8
    # a domain's enumeration of collectivités is followed by their own uses, before the
    # State's programmes of the same domain
    opened = [p.sentences for p in comp.note.paragraphs
              if p.sentences and p.sentences[0].kind == "enumeration"]
    assert opened
    for sentences in opened:
        assert sentences[1].kind == "written" and sentences[1].docs == [8]
        # the domain « numérique » is the dossier's own subject: the sentence does not name it
        assert "numérique" not in sentences[0].text
