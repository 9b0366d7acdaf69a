"""Time told against a page's date (`fr.dates`): what a sentence tells in the present of a page
read years later."""

import pandas as pd

from ianote_lib.fr.dates import dated_ago, dated_days, dated_state
from ianote_lib.note.page_dates import date_relative_years


def test_a_day_of_the_pages_own_month_is_of_its_year_whatever_the_tense():
    """« À partir du 19 août, la ville de Lille abaisse… » on a page of August 2019: the
    present leaves the year open, the page's month does not. A sentence that tells a year of
    its own (« …qui débute le 5 avril jusqu'au 17 mai 2023 » on a page of April 2021) is
    left as it is: its days are of that year, not the page's."""
    assert dated_days("À partir du 19 août, la ville de Lille abaisse la vitesse.", "2019-08",
                      "") == "À partir du 19 août 2019, la ville de Lille abaisse la vitesse."
    assert dated_days("Dès le 2 août, la ville abaisse la vitesse.", "2019-08-16", "") == (
        "Dès le 2 août 2019, la ville abaisse la vitesse.")
    consultation = ("La consultation débute le 5 avril jusqu'au 17 mai 2023 pour le grand "
                    "public.")
    assert dated_days(consultation, "2021-04", "") == consultation
    # (another month: the present still leaves it open)
    assert dated_days("À partir du 19 septembre, la ville abaisse la vitesse.", "2019-08",
                      "") == "À partir du 19 septembre, la ville abaisse la vitesse."


def test_a_measure_told_in_the_present_is_told_with_its_pages_year():
    """« La tarification incitative est appliquée dans plus de 200 collectivités en France »,
    on a page of 2022, read in 2026: the count is that of 2022. A rule's figure (a threshold,
    what must or may be, an article of law), a time told otherwise, a sentence that opens on
    a word no year can precede stay as they are."""
    for text, year, told in [
            ("La tarification incitative est appliquée dans plus de 200 collectivités en "
             "France.", 2022, "En 2022, la tarification incitative est appliquée dans plus"),
            ("Un habitant jette en moyenne 246 kg d'ordures ménagères par an.", 2024,
             "En 2024, un habitant jette en moyenne 246 kg"),
            ("88 % des communes sont rurales et regroupent 33 % de la population.", 2023,
             "En 2023, 88 % des communes sont rurales"),
            ("L'État possède plus de 100 millions de m² de bâtiments.", 2024,
             "En 2024, l'État possède plus de 100 millions")]:
        assert dated_state(text, year).startswith(told), text
    for text in ["Sont concernés les bâtiments dont la superficie est supérieure à 1 000 m2.",
                 "La stratégie doit obligatoirement se décliner sur 5 axes thématiques.",
                 "Si la collectivité gère plus de 50 millions d'euros d'achats, elle adopte un "
                 "schéma.",
                 "Des dispositions similaires, prévues par les articles L. 3123-29 et L. 4135-29 "
                 "du CGCT, s'appliquent aux présidents.",
                 "Depuis quelques mois, 40 artisans profitent d'ateliers partagés.",
                 "Dans environ 50 jours, la zone à faibles émissions entre en vigueur.",
                 "En 2021, 117 cyclistes sont décédés hors agglomération.",
                 "Ainsi, 12 communes adhèrent au syndicat.",
                 "« 40 % des communes engagées n'ont pas mis en œuvre plus de deux éditions », "
                 "note l'enquête.",
                 "Les collectivités participent au financement du réseau.",
                 "Le montant des amendes sera entre 68 et 1500 euros.",
                 "La proposition de loi n° 1623 vise à lutter contre les îlots de chaleur.",
                 "Les communes dont les pénalités n'excèdent pas 4 000 euros ne sont pas "
                 "prélevées.",
                 "Une étude réalisée dans un cimetière a montré que 70 % des tombes possédaient "
                 "un gîte.",
                 "Les grands rassemblements commencent début mai avec 3 000 caravanes.",
                 "La mesure 1.2.3 du plan régional fixe les priorités.",
                 "Le camping municipal a dû être déplacé de 700 mètres.",
                 # (a state that was, and a span counted back, say their own time)
                 "44 % des routes étaient en zone 30.",
                 "Il y a un an et demi, 44 % des routes sont en zone 30.",
                 # (a risk holds in any year; what is to come, what is denounced, no state:
                 # the politique cyclable and cimetières notes)
                 "Le risque de perdre la vie suite à une collision à 50 km/h est de 80 %.",
                 "Au cimetière, on estime à 5 000 le nombre d'emplacements récupérables dans les "
                 "prochaines années.",
                 "Les projets déposés par 400 territoires risquent de rester lettre morte, "
                 "dénoncent les associations.",
                 "Les véhicules gaz et hybrides rechargeables sont tous considérés comme "
                 "Crit'Air 1."]:
        assert dated_state(text, 2022) == text, text


def test_a_documents_sentences_in_the_present_are_dated_by_its_page_not_its_past_ones():
    """The evidence dates a measure of a dated document told in the present (no tense, a
    finite verb), not one told in the past, nor one whose verb the parse did not find."""
    sents = pd.DataFrame({
        "doc": [1, 1, 1, 1, 1, 2],
        "clean": ["Le réseau compte 1 094 km de pistes cyclables.",
                  "Par ailleurs, 52 km de coronapistes sont pérennisés.",
                  "Ces pistes accueillent 12 000 cyclistes par jour.",
                  "Le réseau comptait 900 km de pistes cyclables.",
                  "Le réseau compte 1 094 km de pistes cyclables.",
                  "Le réseau compte 1 094 km de pistes cyclables."],
        "tense": ["", "", "", "imparfait", "", ""],
        "finite_verb": [True, True, True, True, None, True]})
    date_relative_years(sents, pd.DataFrame({"doc": [1, 2], "date": ["2021-10-21", ""]}))
    assert sents["clean"].tolist() == [
        "En 2021, le réseau compte 1 094 km de pistes cyclables.",
        # (after the connectors it opens on)
        "Par ailleurs, en 2021, 52 km de coronapistes sont pérennisés.",
        # (one that points back is quoted after the sentence it needs, which tells its year)
        "Ces pistes accueillent 12 000 cyclistes par jour.",
        "Le réseau comptait 900 km de pistes cyclables.",
        "Le réseau compte 1 094 km de pistes cyclables.",
        "Le réseau compte 1 094 km de pistes cyclables."]


def test_a_span_counted_back_from_the_page_is_told_by_its_year():
    """« Il y a un an et demi, 44 % des routes étaient en zone 30 », on a page of February 2021,
    read in 2026: the span is counted from the page's day. The trait de côte note read « Il y a
    un peu plus d'un an, en 2022, c'est une saison comme les autres… »: the year the sentence
    tells says when, and the span goes."""
    assert dated_ago("Il y a un an et demi, 44 % des routes étaient en zone 30.", "2021-02") == (
        "En 2019, 44 % des routes étaient en zone 30.")
    assert dated_ago("Les locataires évacués il y a 5 mois sont relogés.", "2019-04-02") == (
        "Les locataires évacués en 2018 sont relogés.")
    assert dated_ago("Il y a un peu plus d'un an, en 2022, c'est une saison qui démarre.",
                     "2022-11") == "En 2022, c'est une saison qui démarre."
    assert dated_ago("La commune, il y a trois ans, en 2018, a créé un tiers-lieu.",
                     "2021-05") == "La commune, en 2018, a créé un tiers-lieu."
    # (« il y a » that counts things, or a page dated by its year alone: as written)
    for text, date in [("Il y a 300 communes concernées par le plan.", "2019-04"),
                       ("Il y a deux ans, la commune a créé un tiers-lieu.", "2020")]:
        assert dated_ago(text, date) == text
