"""A sentence does not open on a figure (`fr.opening_figure`), on the parse of sentences
written here: the compressed text the note quotes sets the figure after what it counts."""

from __future__ import annotations

import pytest

from ianote_lib.fr.parse import parse_texts


@pytest.mark.parametrize("text, written", [
    # a share of a plural whole: the whole first, the figure kept as the document gives it
    ("98 % des communes ont un score de transparence égal à E.",
     "Parmi les communes, 98 % ont un score de transparence égal à E."),
    ("25 % des marchés passés au cours de l'année comprennent au moins une clause sociale.",
     "Parmi les marchés passés au cours de l'année, 25 % comprennent au moins une clause "
     "sociale."),
    ("32 % des gestionnaires d'équipements sportifs disposent de financements.",
     "Parmi les gestionnaires d'équipements sportifs, 32 % disposent de financements."),
    # (not two wholes: « Parmi les collectivités et des salles… » is no French)
    ("78 % des collectivités et des salles privées ont révisé leur chauffage.",
     "78 % des collectivités et des salles privées ont révisé leur chauffage."),
    # a count of things or people is announced
    ("15 partenaires ont lancé, en janvier 2016, une préfiguration nationale.",
     "Au total, 15 partenaires ont lancé, en janvier 2016, une préfiguration nationale."),
    ("12 millions de Français sont touchés par le handicap.",
     "Au total, 12 millions de Français sont touchés par le handicap."),
    ("1,5 million d'habitants vivent en zone inondable.",
     "Au total, 1,5 million d'habitants vivent en zone inondable."),
    # a rate, a measure, a singular whole, a year: left as they are
    ("83 kg de déchets par habitant sont incinérés chaque année.",
     "83 kg de déchets par habitant sont incinérés chaque année."),
    ("30 km de pistes ont été créés.", "30 km de pistes ont été créés."),
    ("500 millions d'euros ont été engagés par l'État.",
     "500 millions d'euros ont été engagés par l'État."),
    ("40 % de la population vit en zone rurale.", "40 % de la population vit en zone rurale."),
    ("2023 a été une année record.", "2023 a été une année record."),
    # a sentence that opens on words is left alone
    ("Les communes ont créé 30 km de pistes.", "Les communes ont créé 30 km de pistes."),
])
def test_a_sentence_does_not_open_on_a_figure(text, written):
    assert parse_texts([text])[0]["compressed"] == written
