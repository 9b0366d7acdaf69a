"""A sentence does not open on a figure (`fr.opening_figure`), on the parse of sentences
written here: the compressed text the note quotes opens on the time its verb holds, or sets
the figure after what it counts."""

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
    # the time the verb holds comes first (not « Au total, 10 000 collectivités doivent… d'ici
    # 2028 », which sums nothing), with the commas around it
    ("15 partenaires ont lancé, en janvier 2016, une préfiguration nationale.",
     "En janvier 2016, 15 partenaires ont lancé une préfiguration nationale."),
    ("10 000 collectivités doivent élaborer ou réviser leur document d'urbanisme d'ici 2028 "
     "pour territorialiser la loi.",
     "D'ici 2028, 10 000 collectivités doivent élaborer ou réviser leur document d'urbanisme "
     "pour territorialiser la loi."),
    ("15 millions de Français prennent chaque jour au moins un repas hors de leur domicile.",
     "Chaque jour, 15 millions de Français prennent au moins un repas hors de leur domicile."),
    ("83 kg de déchets par habitant sont incinérés chaque année.",
     "Chaque année, 83 kg de déchets par habitant sont incinérés."),
    # (not the end of a range)
    ("122 téléconsultations ont été réalisées dans la cabine d'octobre 2019 à décembre 2020.",
     "Au total, 122 téléconsultations ont été réalisées dans la cabine d'octobre 2019 à "
     "décembre 2020."),
    # (not a year compared with)
    ("45 % des émissions ont augmenté de 49 % par rapport à 2020.",
     "Parmi les émissions, 45 % ont augmenté de 49 % par rapport à 2020."),
    # a count of things or people is announced
    ("15 partenaires ont lancé une préfiguration nationale.",
     "Au total, 15 partenaires ont lancé une préfiguration nationale."),
    ("12 millions de Français sont touchés par le handicap.",
     "Au total, 12 millions de Français sont touchés par le handicap."),
    ("1,5 million d'habitants vivent en zone inondable.",
     "Au total, 1,5 million d'habitants vivent en zone inondable."),
    # a rate, a measure, a singular whole, a year: left as they are
    ("83 kg de déchets par habitant sont incinérés.",
     "83 kg de déchets par habitant sont incinérés."),
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
