"""The embedded dossier is segmented as a careful reader would: 15 documents, right bounds."""

from __future__ import annotations

import re

import pytest

from ianote_lib.fr.normalize import normalize

# (doc, start of the title, source, ISO date, declared pages, first page) — read off the dossier
EXPECTED = [
    (1, "Intelligence artificielle : ces collectivités", "Banquedesterritoires.fr", "2023-10-03", 2, 4),
    (2, "Les enjeux de l’IA au sein des collectivités", "Mesinfos.fr", "2023-03-17", 5, 6),
    (3, "Les enjeux de la formation IA", "Lebigdata.fr", "2023-08-21", 4, 11),
    (4, "L’Elysée veut une régulation", "Localtis Europe et international, Numérique",
     "2023-06-15", 1, 15),
    (5, "L’intelligence artificielle territoriale entre quête", "Banque des Territoires",
     "2023-07-31", 2, 16),
    (6, "Le Sénat pointe les carences", "Banque des territoires", "2023-04-13", 1, 18),
    (7, "La vidéosurveillance", "Rédaction Weka", "2023-09-14", 1, 19),
    (8, "AI Act : une régulation européenne", "Le monde informatique", "2023-12-11", 1, 20),
    (9, "L’intelligence artificielle, un gouffre financier", "EtudeTech", "2023-10", 2, 21),
    (10, "RGPD et IA : Comment respecter", "Data Legal Drive", "2023-10-31", 3, 23),
    (11, "Intelligence artificielle : des collectivités pionnières", "Rédaction Weka",
     "2023-10-04", 2, 26),
    (12, "Quelle est l’empreinte carbone", "Ekwater", "2023-08-23", 2, 28),
    (13, "Intelligence artificielle et éthique", "Le Digitalizeur", "2024-01-18", 5, 30),
    (14, "L’intégration des Intelligences Artificielles", "NETSIO", "2024-04-04", 1, 35),
    (15, "Intelligence artificielle : opportunités et risques",
     "Parlement européen europarl.europa.eu", "2023-06-20", 3, 36),
]

# A sentence near the start and one near the end of every document (normalised text).
BOUNDARIES = {
    1: ("troisième édition de assises", "maîtrise des usages et des données"),
    2: ("Dans un discours prononcé le 29 mars 2018", "business models portés par le digital"),
    3: ("La formation IA pour les collectivités devient nécessaire", "cas de Delibia"),
    4: ("À Vivatech, rendez-vous annuel", "aille au terme de son parcours législatif"),
    5: ("Les projets structurants autour", "se forger un avis argumenté"),
    6: ("Pour préparer un débat d'actualité", "pour en générer de nouveaux"),
    7: ("Le traitement par algorithme d'images", "Saint-Étienne, Toulouse"),
    8: ("Après plusieurs jours de débat", "devrait rentrer en vigueur en 2026"),
    9: ("Grosse révolution de ces dernières années", "moins importante que les 100 milliards"),
    10: ("Définie comme étant la possibilité", "Dossier LINC « Sécurité des systèmes d’IA »"),
    11: ("Les usages de l'intelligence artificielle se développent", "mise en place dans les prochains jours"),
    12: ("Chat-GPT, Mid-journey, Bard", "ne seront plus les mêmes"),
    13: ("L'intelligence artificielle est l'une des technologies", "mise en application en 2026"),
    14: ("L'intégration des IA dans les collectivités représente", "plus transverses et agiles"),
    15: ("L'intelligence artificielle (IA) influence", "interagir avec un humain ou une IA"),
}


def _doc_text(sentences, doc):
    return [normalize(t) for t in sentences.loc[sentences["doc"] == doc, "text"]]


def test_fifteen_documents_with_titles_sources_dates(dossier):
    docs = dossier.documents.set_index("doc")
    assert list(docs.index) == list(range(1, 16))
    for doc, title, source, date, pages, first_page in EXPECTED:
        row = docs.loc[doc]
        assert row["title"].startswith(title), (doc, row["title"])
        assert row["source"] == source
        assert row["date"] == date
        assert row["declared_pages"] == pages
        assert row["first_page"] == first_page, (doc, row["first_page"])
        assert row["last_page"] == first_page + pages - 1, (doc, row["last_page"])


def test_commande(dossier):
    com = dossier.commande
    assert com.collectivite == "Admiville"
    assert com.population == 120000
    assert com.service == "Direction générale des services"
    assert com.salutation == "Madame la Directrice générale des services"
    assert com.recipient_gender == "F"
    assert normalize(com.object) == (
        "les enjeux de l'Intelligence Artificielle pour les collectivités territoriales")
    assert "exclusivement" in com.constraint
    assert com.author_role.startswith("chargé de mission")


@pytest.mark.parametrize("doc", sorted(BOUNDARIES))
def test_document_bounds(sentences, doc):
    first, last = (normalize(x) for x in BOUNDARIES[doc])
    texts = _doc_text(sentences, doc)
    quotable = [normalize(t) for t in sentences.loc[
        (sentences["doc"] == doc) & (sentences["kind"] != "title"), "text"]]
    assert any(first in t for t in quotable[:3]), (doc, quotable[:3])
    assert any(last in t for t in texts[-3:]), (doc, texts[-3:])
    # and neither belongs to another document
    others = sentences.loc[sentences["doc"] != doc, "norm"]
    assert not others.str.contains(re.escape(first)).any()


def test_blocks_before_markers_belong_to_their_document(sentences):
    gpt3 = sentences[sentences["norm"].str.contains("502 tonnes équivalent CO2")]
    assert set(gpt3["doc"]) == {12}
    assert set(gpt3["kind"]) == {"bullet"}
    transparency = sentences[sentences["norm"].str.startswith("• Transparence : elle est un")]
    responsibility = sentences[sentences["norm"].str.startswith("• Responsabilité : les concepteurs")]
    assert list(transparency["doc"]) == [13] and list(responsibility["doc"]) == [13]
    # moved after the document's title: the title is still its first row
    doc13 = sentences[sentences["doc"] == 13]
    assert doc13.iloc[0]["kind"] == "title"


def test_medaille_fields_sentence_restitched(sentences):
    hits = sentences[sentences["norm"].str.contains("Médaille Fields")]
    assert len(hits) == 1
    row = hits.iloc[0]
    assert row["doc"] == 2 and row["kind"] == "sentence"
    assert row["norm"].endswith("a proposé une stratégie dans l'optique de placer la France "
                                "comme l'un des leaders mondiaux de l'IA.")
    # the continuation no longer stands alone
    assert not sentences["norm"].str.startswith("a proposé une stratégie").any()


def test_sentence_cut_across_pages_is_joined(sentences):
    hit = sentences[sentences["norm"].str.contains(r"\(data centers\) utilisent de l'eau")]
    assert len(hit) == 1 and hit.iloc[0]["kind"] == "sentence"


BOILERPLATE = [
    "Documents reproduits avec", "Certains documents peuvent comporter", "Dans un souci environnemental",
    "CONCOURS ATTACHÉ", "Sujet élaboré par", "Ce sujet comprend", "27/38", "36/38", "http",
    "Coefficient", "Liste des documents", "DOCUMENT 1",
]


def test_no_boilerplate_in_documents(dossier):
    text = "\n".join(dossier.sentences["text"])
    for line in BOILERPLATE:
        assert line not in text, line
    assert "\uf073" not in text
    assert any("Sujet élaboré par" in b for b in dossier.boilerplate)


def test_pages_in_sentence_rows(sentences):
    pages = sentences.groupby("doc")["page"].agg(["min", "max"])
    assert pages.loc[1].tolist() == [4, 5]
    assert pages.loc[15].tolist() == [36, 38]
    # the 27/38 page number closes document 11's second page
    assert sentences.loc[sentences["norm"].str.contains("Une mission dédiée sera mise en place"),
                         "page"].tolist() == [27]


def test_no_sentence_split_inside_numbers_or_abbreviations(sentences):
    texts = sentences["norm"]
    assert texts.str.contains("plus de 200.000 photos aujourd'hui sous exploitées").any()
    assert texts.str.contains("1,5 milliard d'euros").any()
    assert not texts.isin(["C.", "F.", "M."]).any()
