"""The collectivité's name in a French sentence: article, contractions, elision."""

from __future__ import annotations

import pytest

from ianote_lib.fr.names import standalone, with_article, with_preposition


@pytest.mark.parametrize("name, bare, to, of", [
    ("Ville de Saint-Brieuc", "la ville de Saint-Brieuc", "à la ville de Saint-Brieuc",
     "de la ville de Saint-Brieuc"),
    ("Communauté d'agglomération du Pays de Lunel",
     "la communauté d'agglomération du Pays de Lunel",
     "à la communauté d'agglomération du Pays de Lunel",
     "de la communauté d'agglomération du Pays de Lunel"),
    ("Conseil départemental du Gers", "le conseil départemental du Gers",
     "au conseil départemental du Gers", "du conseil départemental du Gers"),
    ("Eurométropole de Strasbourg", "l'eurométropole de Strasbourg",
     "à l'eurométropole de Strasbourg", "de l'eurométropole de Strasbourg"),
    ("Services de l'État", "les services de l'État", "aux services de l'État",
     "des services de l'État"),
    ("Admiville", "Admiville", "à Admiville", "d'Admiville"),
    ("Orléans", "Orléans", "à Orléans", "d'Orléans"),
    ("Le Havre", "Le Havre", "au Havre", "du Havre"),
    ("Les Mureaux", "Les Mureaux", "aux Mureaux", "des Mureaux"),
    ("La Rochelle", "La Rochelle", "à La Rochelle", "de La Rochelle"),
    ("  Ville   de Lyon ", "la ville de Lyon", "à la ville de Lyon", "de la ville de Lyon"),
    # the document's capitals on the adjectives of a body's name are not kept
    ("Conseil Départemental de l'Isère", "le conseil départemental de l'Isère",
     "au conseil départemental de l'Isère", "du conseil départemental de l'Isère"),
    ("Syndicat Mixte Mégalis Bretagne", "le syndicat mixte Mégalis Bretagne",
     "au syndicat mixte Mégalis Bretagne", "du syndicat mixte Mégalis Bretagne"),
])
def test_name_in_a_sentence(name, bare, to, of):
    assert with_article(name) == bare
    assert with_preposition("à", name) == to
    assert with_preposition("de", name) == of


def test_empty_name_gives_nothing():
    assert with_article("") == "" and with_preposition("à", "") == ""


def test_the_note_templates_get_the_name_with_its_article():
    from ianote_lib.note.text import fill_template
    from ianote_lib.note.write import template_values
    from ianote_lib.reading.commande import Commande

    plan_text = "La question posée {a_collectivite} porte sur {objet}, comme {collectivite}."
    lunel = template_values(Commande(collectivite="Communauté d'agglomération du Pays de Lunel",
                                     object="La sobriété foncière"))
    assert fill_template(plan_text, lunel) == ("La question posée à la communauté d'agglomération du "
                                       "Pays de Lunel porte sur la sobriété foncière, comme la communauté "
                                       "d'agglomération du Pays de Lunel.")
    gers = template_values(Commande(collectivite="Conseil départemental du Gers"))
    assert gers["a_collectivite"] == "au conseil départemental du Gers"
    assert gers["objet"] == "le sujet du dossier"
    admiville = template_values(Commande(collectivite="Admiville"))
    assert (admiville["collectivite"], admiville["de_collectivite"]) == ("Admiville",
                                                                         "d'Admiville")
    assert template_values(Commande())["a_collectivite"] == "à la collectivité"


def test_contract_each_member_of_a_coordinated_phrase():
    from ianote_lib.fr.names import contract_each

    assert contract_each("de", "le cadre juridique et les sanctions encourues") == (
        "du cadre juridique et des sanctions encourues")
    assert contract_each("de", "la transformation numérique et l'appui de l'État") == (
        "de la transformation numérique et de l'appui de l'État")
    # « et » inside a member, not before an article, does not split it
    assert contract_each("à", "les droits et devoirs des usagers") == (
        "aux droits et devoirs des usagers")
    # nor the « et » that closes the members of an « entre » (the mosquito note's
    # problématique read « …entre l'État, le département et du maire »)
    assert contract_each("de", "le cadre juridique et la répartition des rôles entre l'État, "
                               "le département et le maire") == (
        "du cadre juridique et de la répartition des rôles entre l'État, le département et le "
        "maire")
    # nor the « et » of a relative clause's subject (the parking note's problématique read
    # « …dans lequel la commune et de l'intercommunalité organisent… »)
    assert contract_each("de", "le cadre juridique dans lequel la commune et l'intercommunalité "
                               "organisent le stationnement") == (
        "du cadre juridique dans lequel la commune et l'intercommunalité organisent le "
        "stationnement")
    assert contract_each("de", "le partage entre la commune et l'intercommunalité et les "
                               "financements") == (
        "du partage entre la commune et l'intercommunalité et des financements")


def test_and_list():
    from ianote_lib.fr.names import and_list

    assert and_list([]) == ""
    assert and_list(["la formation"]) == "la formation"
    assert and_list(["a", "b"]) == "a et b"
    assert and_list([1, 4, 11]) == "1, 4 et 11"


def test_the_name_an_acronym_spells():
    from ianote_lib.fr.names import acronym_expansions

    def spelt(text: str) -> list[str]:
        return [text[a:b] for a, b in acronym_expansions(text)]

    assert spelt("Une étude de l'Institut national de recherche pour l'agriculture, "
                 "l'alimentation et l'environnement (INRAE) publiée en 2021.") == [
        "l'Institut national de recherche pour l'agriculture, l'alimentation et "
        "l'environnement (INRAE)"]
    assert spelt("Le projet de la direction interministérielle de la transformation publique "
                 "(DITP) a été abandonné.") == [
        "direction interministérielle de la transformation publique (DITP)"]
    assert spelt("Les espaces naturels, agricoles et forestiers (NAF) reculent.") == [
        "naturels, agricoles et forestiers (NAF)"]
    # an acronym of syllables, or one whose words are not before it, spells nothing
    assert spelt("La direction interministérielle du numérique (DINUM) pilote le projet.") == []
    assert spelt("Une hausse des prix (UE) est attendue.") == []


@pytest.mark.parametrize("phrase, expected", [
    # a commande's axis points to what its own sentence named: the plan names it
    ("l'essor de ces locations de courte durée et leurs effets",
     "l'essor des locations de courte durée et leurs effets"),
    ("Cette politique, le rôle de cet établissement et l'aide à ces communes",
     "La politique, le rôle de l'établissement et l'aide aux communes"),
    ("l'accès de ce public au service", "l'accès du public au service"),
    ("le cadre juridique et fiscal qui leur est applicable",
     "le cadre juridique et fiscal applicable"),
    # a pronoun, a set phrase stay
    ("ce qui freine les communes et ce sont les leviers", None),
    ("les besoins à ce stade et de ce fait", None),
])
def test_an_axis_said_on_its_own_names_what_its_pointers_stand_for(phrase, expected):
    assert standalone(phrase) == (expected or phrase)
