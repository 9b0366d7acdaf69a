"""The `subject` of a figure: a short noun phrase of the sentence, on the dossier (the issue's
examples) and on invented sentences (the rules are general, not tuned to the dossier)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from ianote_lib.config import load_yaml
from ianote_lib.figures.checks import build_checks, pair_subject
from ianote_lib.figures.extraction import extract_figures, extract_from_text
from ianote_lib.fr.normalize import fold


@pytest.fixture(scope="module")
def figures(sentences) -> pd.DataFrame:
    return extract_figures(sentences)


def _subject(figures: pd.DataFrame, doc: int, text: str, nth: int = 0) -> str:
    rows = figures[(figures["doc"] == doc) & (figures["text"] == text)]
    assert len(rows) > nth, (doc, text)
    return rows.iloc[nth]["subject"]


def _n_words(subject: str) -> int:
    return len(re.findall(r"[^\W_]+(?:[-‑'’][^\W_]+)*", re.sub(r"\b\w['’]", "", subject)))


# ---------------------------------------------------------------------------------------------
# the dossier


@pytest.mark.parametrize("doc, text, nth, expected", [
    (9, "700 000 dollars", 0, ["coût", "ChatGPT"]),                  # ChatGPT coûte N
    (12, "502 tonnes équivalent CO2", 0, ["empreinte carbone", "entraînement"]),  # « c'est »
    (12, "240 tonnes de CO2 éq", 0, ["empreinte carbone", "entraînement"]),       # bullet
    (12, "700 000 km", 0, ["empreinte carbone"]),                    # « cela représente »
    (1, "30%", 0, ["appels", "non traités"]),                        # « 30 % d'entre eux »
    (11, "30 %", 0, ["appels"]),                                     # « (contre 30 % …) »
    (11, "100 %", 1, ["appels", "décrochés"]),
    (5, "une quarantaine de projets estampillés", 0, ["projets estampillés IA"]),
    (15, "14 %", 0, ["emplois", "automatisés", "OCDE"]),
    (8, "35 millions", 0, ["amendes"]),
    (11, "14 fuites", 0, ["fuites", "Isère"]),
    (9, "30 000 dollars", 0, ["coût", "cartes graphiques"]),
    (9, "540 millions de dollars", 0, ["pertes", "ChatGPT"]),
    (9, "Deux facteurs", 0, ["facteurs"]),
    (5, "trois ans", 0, ["investigations"]),
    (10, "23%", 0, ["organisations"]),
    (8, "trois jours", 0, ["discussions"]),
    (2, "10 000 milliards d’euros", 0, ["PIB"]),
    (11, "400 à 600 appels", 0, ["appels"]),
    (12, "14 g de CO2 équivalent", 0, ["requête"]),
    (15, "175", 0, ["volume de données"]),                          # '… de 33 Zo à 175'
    (5, "quatre", 0, ["projets", "déployés"]),                       # 'seulement quatre étaient…'
])
def test_issue_examples(figures, doc, text, nth, expected):
    subject = _subject(figures, doc, text, nth)
    for part in expected:
        assert part in subject, subject
    assert "…" not in subject


def test_every_subject_is_a_short_phrase_of_the_text(figures, sentences):
    """No ellipsis, at most 8 words, and every word comes from the figure's sentence, its
    neighbours (a pronoun's antecedent, a list's introduction, a caption) or is the noun of a
    verb (« coûte » → « coût »)."""
    nouns = {fold(n) for n in load_yaml("figure_subject.yaml")["nominalizations"].values()}
    glue = {"de", "du", "des", "d", "non", "l", "la", "le"}
    rows = sentences[sentences["kind"] != "title"].sort_values(["doc", "sentence_id"])
    texts, ids = rows["text"].tolist(), rows["sentence_id"].tolist()
    position = {sid: i for i, sid in enumerate(ids)}
    empty = 0
    for fig in figures.itertuples():
        subject = fig.subject
        empty += not subject
        assert "…" not in subject and _n_words(subject) <= 8, subject
        i = position[fig.sentence_id]
        around = fold(" ".join(texts[max(0, i - 8):i + 2]))
        for word in re.findall(r"[^\W_]+", fold(subject)):
            assert word in around or word in nouns or word in glue, (word, subject)
    assert empty == 0


def test_subjects_are_french_lower_case_unless_a_name(figures):
    firsts = [s.split()[0] for s in figures["subject"] if s]
    capitalised = [w for w in firsts if w[:1].isupper() and w[1:].islower()]
    assert set(capitalised) <= {"Stratégie"}  # « la Stratégie nationale … » as printed


# ---------------------------------------------------------------------------------------------
# invented sentences: the same rules on text the dossier does not hold


def _first(text: str) -> str:
    found = extract_from_text(text)
    assert found, text
    return found[0].subject


@pytest.mark.parametrize("text, expected", [
    # the subject of the verb, named by the verb's noun
    ("La commune de Bourg-Joli dépense 2 millions d'euros chaque année.",
     ["dépenses", "commune de Bourg-Joli"]),
    ("Le centre de données consomme 30 gigawattheures par an.",
     ["consommation", "centre de données"]),
    ("Le marché des drones pèse 4 milliards de dollars.", ["poids", "marché des drones"]),
    ("Les pertes de l'entreprise sont estimées à 3 milliards de dollars.",
     ["pertes de l'entreprise"]),
    ("Le coût de la maintenance des serveurs est estimé à 45 000 euros.",
     ["coût de la maintenance des serveurs"]),
    ("La facture énergétique du réseau représente 800 000 euros.",
     ["facture énergétique du réseau"]),
    # a verb of change names what changes
    ("Ce capteur réduit de 40 % la consommation d'eau des espaces verts.",
     ["réduction", "consommation d'eau"]),
    ("Les émissions du secteur numérique augmenteraient de 60 % d'ici 2040.",
     ["augmentation", "émissions du secteur numérique"]),
    # the noun the figure complements
    ("Le budget de la médiathèque atteint 1,2 million d'euros.", ["budget de la médiathèque"]),
    ("La start-up a bouclé une levée de fonds de 20 M€ en mars.", ["levée de fonds"]),
    # a share of a noun, with its predicate
    ("Le chatbot répond à 90 % des demandes des usagers.", ["demandes des usagers"]),
    ("Hier, 25 % des courriers n'étaient pas traités.", ["courriers", "non traités"]),
    # a count and its noun
    ("Le robot a traité 1 200 dossiers de subvention en deux mois.", ["dossiers de subvention"]),
    ("Ainsi, à Trifouilly, le test a permis de repérer 12 fraudes.", ["fraudes", "Trifouilly"]),
    ("La Cour relève 4 raisons qui expliquent l'échec du projet.", ["raisons qui expliquent"]),
    # the figure's purpose
    ("L'État a versé 3 millions d'euros pour la rénovation des écoles.",
     ["rénovation des écoles"]),
])
def test_invented_sentences(text, expected):
    subject = _first(text)
    for part in expected:
        assert part in subject, subject
    assert "…" not in subject and _n_words(subject) <= 8


def test_second_figure_of_a_pair_takes_the_first_ones_subject():
    found = extract_from_text("18 % des agents sont formés à l'IA et 40 % supplémentaires "
                              "le seront en 2025.")
    assert [f.subject for f in found] == ["agents formés", "agents supplémentaires"]
    found = extract_from_text("Les usagers ont posé 3 000 questions au chatbot, dont 60 % "
                              "portaient sur les horaires.")
    assert all("questions" in f.subject for f in found)


def _frame(rows: list[tuple[int, str, str]]) -> pd.DataFrame:
    return pd.DataFrame([{"sentence_id": f"d{doc:02d}s{i:04d}", "doc": doc, "page": 1,
                          "kind": kind, "quotable": True, "text": text}
                         for i, (doc, kind, text) in enumerate(rows)])


def test_pronouns_take_the_sentence_before_or_the_list_introduction():
    sentences = _frame([
        (1, "sentence", "Voici les résultats de l'étude sur la consommation d'eau des centres "
                        "de données :"),
        (1, "bullet", "• pour le premier centre, c'est 300 mètres cubes par jour ;"),
        (1, "bullet", "• pour le second, cela représente 450 mètres cubes par jour."),
        (2, "sentence", "Le nouveau logiciel de tri a été déployé à Trifouilly."),
        (2, "sentence", "Il coûte 12 000 euros par an."),
        (3, "sentence", "La mairie recevait 300 courriels par semaine."),
        (3, "sentence", "Près de 40 % d'entre eux restaient sans réponse."),
    ])
    subjects = extract_figures(sentences).set_index("text")["subject"]
    assert subjects["300 mètres cubes"].startswith("consommation d'eau")
    assert subjects["450 mètres cubes"].startswith("consommation d'eau")
    assert subjects["12 000 euros"] == "coût du nouveau logiciel de tri"
    assert subjects["40 %"] == "courriels"


def test_odd_input_gives_empty_or_short_subjects():
    for text in ("%%", "12 %", "1,5,3 millions d'euros", "(((3)))", "- 5 -", "x" * 5000):
        for fig in extract_from_text(text):
            assert "…" not in fig.subject and _n_words(fig.subject) <= 8


# ---------------------------------------------------------------------------------------------
# the checks show the new subjects, and their pairing does not read them


def test_checks_show_readable_subjects(figures, sentences):
    checks = build_checks(figures, sentences)
    contradiction = checks[checks["kind"] == "contradiction"].iloc[0]
    assert contradiction.subject == "appels non traités / appels décrochés"
    estimates = checks[checks["kind"] == "estimations_divergentes"].iloc[0]
    assert "empreinte carbone" in estimates.subject
    assert not checks["subject"].str.contains("…").any()
    assert (checks["subject"] != "").all()


def test_checks_do_not_depend_on_subjects(figures, sentences):
    blank = figures.assign(subject="")
    kept = ["kind", "docs", "values", "figure_id_a", "figure_id_b", "message"]
    assert build_checks(blank, sentences)[kept].equals(build_checks(figures, sentences)[kept])


def test_pair_subject():
    assert pair_subject("appels", "appels reçus") == "appels reçus"
    assert pair_subject("", "budget") == "budget"
    assert pair_subject("a b", "c d", opposite=True) == "a b / c d"
