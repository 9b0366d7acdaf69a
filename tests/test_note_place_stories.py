"""A document whose title names a place tells that place's story: what it tells without
saying where is told where (`note.completion.title_places`, `needs_place`,
`place_completion`, `note.evidence.place_stories`), and its sentences open the note only
when no other can (`note.introduction`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ianote_lib.fr.parse import parse_table
from ianote_lib.note.completion import needs_place, place_completion, title_places
from ianote_lib.note.evidence import build_evidence
from ianote_lib.reading.dossier import load_dossier


def _evidence(folder: Path):
    """The evidence table of the folder dossier written in `folder`."""
    d = load_dossier(folder)
    return build_evidence(d.sentences, d.documents,
                          sentence_parse=parse_table(d.sentences)).sentences


@pytest.mark.parametrize("title, towns, areas", [
    ("Les 30 km/h en ville : quel bilan cinq ans après à Grenoble ?", ["Grenoble"], []),
    ("Lons-le-Saunier passe aux 30 km/h dans la douleur", ["Lons-le-Saunier"], []),
    ("Ville de Tours : Gescime, le nouvel outil de gestion des cimetières", ["Tours"], []),
    # (a town's name that is a word of French opens the title: not a place)
    ("Cours d'écoles buissonnières à Bordeaux", ["Bordeaux"], []),
    ("À Saint-Médard-en-Jalles, un centre communal de santé", ["Saint-Médard-en-Jalles"], []),
    ("Paris : jusqu'à 100.000 nouvelles places de stationnement vélo", ["Paris"], []),
    ("Le centre de santé de Saône-et-Loire franchit une nouvelle étape", [], ["Saône-et-Loire"]),
    ("Zones à faibles émissions à Grenoble et à Strasbourg", ["Grenoble", "Strasbourg"], []),
    ("Les élus satisfaits de l'offre de meublés touristiques", [], []),
])
def test_the_places_a_title_names(title, towns, areas):
    assert title_places(title) == (towns, areas)


def test_a_name_the_dossier_writes_in_lower_case_is_no_town():
    title = "Accès à Internet : les collectivités en première ligne"
    assert title_places(title, frozenset({"internet", "accès"})) == ([], [])
    assert title_places("Le marché couvert à Cheffes", frozenset({"marché"})) == (["Cheffes"], [])


@pytest.mark.parametrize("text, tense, expected", [
    ("Mille excès de vitesse ont été relevés en un après-midi.", "passé",
     "À Grenoble, mille excès de vitesse ont été relevés en un après-midi."),
    ("Il a fallu distribuer un tract dans chaque boîte aux lettres.", "passé",
     "À Grenoble, il a fallu distribuer un tract dans chaque boîte aux lettres."),
    ("En outre, trois zones ont dû repasser à 50 km/h.", "passé",
     "En outre, à Grenoble, trois zones ont dû repasser à 50 km/h."),
    ("Le développement des locations de courte durée dégradait la qualité de vie.", "imparfait",
     "À Grenoble, le développement des locations de courte durée dégradait la qualité de vie."),
    # told where, when or by whom already; or a state, a rule; or wider than one place
    ("Bègles s'est proclamée première ville de France à généraliser le 30 km/h.", "passé", None),
    ("En 2022, 2 265 plaintes ont été enregistrées.", "passé", None),
    ("La loi 3DS a consacré le rôle des communes dans l'adressage.", "passé", None),
    ("Le plafond d'aides est fixé à 12 000 euros.", "", None),
    ("Certaines communes n'ont réalisé aucun logement social.", "passé", None),
    ("Les tribunaux ont prononcé un nombre non négligeable de divorces.", "passé", None),
    ("Le nombre de cyclistes a doublé en France.", "passé", None),
    ("« Nous avons tout repensé », a expliqué le maire.", "passé", None),
])
def test_what_happened_once_without_saying_where_is_told_where(text, tense, expected):
    assert (place_completion(text, "Grenoble") if needs_place(text, tense) else None) == expected


def test_a_towns_article_tells_where_and_does_not_open_the_note(tmp_path):
    """A folder of two articles: a town's (its title names it) and a national one. The town's
    sentence that says no place is told where, traced to the title; every row of the town's
    article is its story, none of the national one."""
    (tmp_path / "01_valence.md").write_text(
        "# Zones de rencontre : quel bilan trois ans après à Valence ?\n\n"
        "Source : Le Dauphiné, 3 mars 2023\n\n"
        "Le nombre d'accidents par an est passé de 40 à 22 après la mise en place des zones de "
        "rencontre dans le centre historique.\n\n"
        "Les commerçants du centre historique craignaient une baisse de leur chiffre "
        "d'affaires.\n", encoding="utf-8")
    (tmp_path / "02_national.md").write_text(
        "# Les zones de rencontre, un outil d'apaisement de la circulation\n\n"
        "Source : Cerema, 12 janvier 2023\n\n"
        "Une zone de rencontre est une section de voie où les piétons sont prioritaires sur "
        "les véhicules, dont la vitesse est limitée à 20 km/h.\n\n"
        "Le nombre de zones de rencontre a doublé depuis dix ans dans les villes "
        "françaises.\n", encoding="utf-8")
    sents = _evidence(tmp_path)
    title = sents[(sents["doc"] == 1) & (sents["kind"] == "title")].iloc[0]
    told = sents[sents["clean"].str.contains("passé de 40 à 22")].iloc[0]
    assert told["clean"].startswith("À Valence, le nombre d'accidents par an est passé de 40 à "
                                    "22"), told["clean"]
    assert list(told["context_ids"]) == [title["sentence_id"]] and told["candidate"]
    assert sents.loc[sents["doc"] == 1, "local_story"].all()
    assert not sents.loc[sents["doc"] == 2, "local_story"].any()
    national = sents[sents["clean"].str.contains("a doublé depuis dix ans")].iloc[0]
    assert not national["clean"].startswith("À ")


def test_the_note_opens_on_no_town_s_story_when_another_fact_can(tmp_path):
    """The ville 30 note's introduction told « La limitation de vitesse à 30 km/h dans toute
    l'agglomération grenobloise est difficile à respecter », one town's story, when the dossier
    held what holds for every town; a town's figure, however strong and dated, opens the note
    only when no other fact can."""
    from exam_dossier import write_exam_dossier
    from test_note_relevance import _tables

    from ianote_lib.note.render import compose

    story = ("En 2023, la limitation à 30 km/h en ville a fait baisser de 40 % le nombre "
             "d'accidents graves et de 25 % le bruit sur 120 kilomètres de voirie.")
    fact = ("La limitation à 30 km/h en ville concerne plus de 250 villes, contre 90 naguère, et "
            "elle s'accompagne le plus souvent de nouveaux aménagements de voirie, de zones de "
            "rencontre et de rues piétonnes pour que les automobilistes respectent la vitesse.")
    path = write_exam_dossier(tmp_path / "ville30.txt", [
        ("Un an de limitation à 30 km/h à Valence", "Le Dauphiné", "3 mars 2024",
         [story, "La limitation à 30 km/h en ville apaise la circulation des quartiers.",
          "Les habitants soutiennent la limitation à 30 km/h en ville."]),
        ("La ville 30 gagne du terrain", "Cerema", "5 juillet 2024",
         [fact, "La limitation à 30 km/h en ville protège les piétons et les cyclistes.",
          "Les villes aménagent leurs rues pour la limitation à 30 km/h en ville."])],
        "la limitation à 30 km/h en ville")
    d = load_dossier(path)
    comp = compose(d.sentences, d.documents, d.commande, **_tables(d.sentences),
                   date="2026-12-01")
    opening = [st.text for st in comp.selection.hook]
    # (the count of a page of 2024, read in 2026, told with its year)
    assert opening == [f"En 2024, l{fact[1:]}"], opening


def test_a_capital_a_that_lost_its_accent_opens_a_sentence_as_a(tmp_path):
    """The ville 30 note quoted « À partir du 19 août, la ville abaisse progressivement… »
    alone, after a sentence on Paris: written « A partir de ce lundi 19 août, la ville… »,
    its opening was no complement of time, and « la ville » pointed back to nothing."""
    from ianote_lib.fr.accents import restore_accents

    assert restore_accents("A partir du 19 août, la ville abaisse la vitesse.") == (
        "À partir du 19 août, la ville abaisse la vitesse.")
    assert restore_accents("A Lille, 600 panneaux ont été posés.").startswith("À Lille")
    for same in ("A. Le cadre juridique", "A-t-il raison ?", "Le plan A prévoit trois axes."):
        assert restore_accents(same) == same
    (tmp_path / "01_lille.md").write_text(
        "# Lille passe au 30 km/h\n\nSource : La Voix du Nord, 19 août 2019\n\n"
        "A partir de ce lundi 19 août, la ville abaisse progressivement, par quartier, la "
        "vitesse maximale autorisée de 50 à 30 km/h.\n", encoding="utf-8")
    sents = _evidence(tmp_path)
    told = sents[sents["clean"].str.contains("abaisse")].iloc[0]
    assert "la ville de Lille abaisse" in told["clean"] and told["candidate"], told["clean"]


def test_the_mayor_of_a_towns_story_is_its_mayor(tmp_path):
    """« Le maire est même certain que le passage à 30 km/h a eu un effet sur les
    embouteillages », in an article titled on Grenoble and after a sentence that names no
    place, was rejected as pointing back to nothing: the title says whose mayor he is, as it
    says which town « la ville » is."""
    (tmp_path / "01_grenoble.md").write_text(
        "# Les 30 km/h en ville : quel bilan cinq ans après à Grenoble ?\n\n"
        "Source : France 3, 10 février 2021\n\n"
        "Les automobilistes respectent mieux la limitation de vitesse dans les rues "
        "résidentielles.\n\n"
        "Le maire est même certain que le passage à 30 km/h a eu un effet sur les "
        "embouteillages.\n", encoding="utf-8")
    sents = _evidence(tmp_path)
    told = sents[sents["clean"].str.contains("embouteillages")].iloc[0]
    assert told["clean"].startswith("Le maire de Grenoble est même certain"), told["clean"]
    assert told["candidate"] and not told["reasons"]


def test_a_place_is_said_once_for_the_sentences_in_a_row_it_holds_for():
    """The ville 30 note read « À Lons-le-Saunier, il a fallu distribuer… » then « À
    Lons-le-Saunier, il a notamment fallu convaincre… »: the place is said once, and so is
    the year two sentences in a row open on."""
    from ianote_lib.note.write import RuleWriter

    joined = RuleWriter().join(["À Lons-le-Saunier, il a fallu distribuer un tract dans chaque "
                            "boîte aux lettres.",
                            "À Lons-le-Saunier, il a notamment fallu convaincre les "
                            "commerçants.",
                            "À Grenoble, trois zones ont dû repasser à 50 km/h."])
    assert joined[0].startswith("À Lons-le-Saunier, il a fallu")
    assert joined[1].lower().endswith("il a notamment fallu convaincre les commerçants.") \
        and "Lons" not in joined[1], joined[1]
    assert "À Grenoble" in joined[2] or "à Grenoble" in joined[2]
    # (so is a year: « En 2024, 58 % des usagers ont plus de 55 ans. En 2024, 82 % des
    # demandes… »)
    joined = RuleWriter().join(["En 2024, 58 % des usagers ont plus de 55 ans.",
                                "En 2024, 82 % des demandes sont traitées sur place."])
    assert joined[1].lower().endswith("82 % des demandes sont traitées sur place.") \
        and "2024" not in joined[1], joined[1]


def test_the_sentence_quoted_after_a_place_s_fact_keeps_its_place(tmp_path):
    """The ville 30 note read « Par ailleurs, trois zones ont dû repasser à 50 km/h. C'est
    notamment le cas d'une route menant à Bordeaux »: alone, the first sentence was told
    where (« À Grenoble, trois zones… »); quoted with the one that points back to it, it lost
    its place."""
    (tmp_path / "01_grenoble.md").write_text(
        "# Les 30 km/h en ville : quel bilan cinq ans après à Grenoble ?\n\n"
        "Source : France 3, 10 février 2021\n\n"
        "Trois zones ont dû repasser à 50 km/h après la concertation avec les riverains. "
        "C'est notamment le cas d'une route menant à Bordeaux.\n", encoding="utf-8")
    sents = _evidence(tmp_path)
    alone = sents[sents["clean"].str.contains("repasser") & (sents["resolution"] == "")]
    paired = sents[sents["clean"].str.contains("route menant") & sents["clean"].str.contains(
        "repasser")]
    assert alone["clean"].iloc[0].startswith("À Grenoble, trois zones"), alone["clean"].iloc[0]
    assert len(paired) == 1 and paired["clean"].iloc[0].startswith(
        "À Grenoble, trois zones ont dû repasser"), paired["clean"].tolist()
    title = sents[sents["kind"] == "title"].iloc[0]["sentence_id"]
    assert list(paired["context_ids"].iloc[0])[0] == title
