"""What a sentence states, as a title's noun phrase (`fr.claims`), on the parse of sentences
written here: a sub-part's title may state it (`note.titles.claim_title`)."""

from __future__ import annotations

import pytest

from ianote_lib.fr.parse import parse_texts


def claims_of(texts: list[str]) -> list[str]:
    return [row["claim"] for row in parse_texts(texts)]


@pytest.mark.parametrize("text, claim", [
    # the subject takes the indefinite article, the verb follows « qui »
    ("Les mairies multiplient les offres alléchantes.",
     "des mairies qui multiplient les offres alléchantes"),
    ("Les petites communes rurales restent les plus démunies face aux sécheresses.",
     "de petites communes rurales qui restent les plus démunies face aux sécheresses"),
    # a copula or a passive auxiliary of the present goes before its adjective or participle
    ("Les bibliothèques sont souvent gérées par des bénévoles.",
     "des bibliothèques souvent gérées par des bénévoles"),
    ("Les cyberattaques sont de plus en plus fréquentes.",
     "des cyberattaques de plus en plus fréquentes"),
    # a noun attribute follows its subject, which keeps its article, after a comma
    ("La gestion des cimetières représente un défi croissant pour les communes.",
     "la gestion des cimetières, un défi croissant pour les communes"),
    ("L'habitat indigne désigne un local impropre à l'habitation.",
     "l'habitat indigne, un local impropre à l'habitation"),
    # an opening phrase, a linking adverb, a subject's complement with a date go
    ("Depuis 2021, les communes renforcent leur coopération.",
     "des communes qui renforcent leur coopération"),
    ("L'achat groupé permet en effet une négociation des prix.",
     "un achat groupé qui permet une négociation des prix"),
    ("La loi du 21 décembre 2021 fixe les missions des bibliothèques.",
     "une loi qui fixe les missions des bibliothèques"),
    # a relative a comma opens after the object is an aside: the claim ends before it
    ("Le plan encourage la tarification progressive, qui fait payer plus cher les gros "
     "consommateurs.", "un plan qui encourage la tarification progressive"),
    # a negation stays whole
    ("Le covoiturage ne peut se déployer sans masse critique.",
     "un covoiturage qui ne peut se déployer sans masse critique"),
    ("L'élaboration n'est obligatoire que pour les grandes villes.",
     "une élaboration qui n'est obligatoire que pour les grandes villes"),
])
def test_a_sentence_states_its_claim_as_a_noun_phrase(text, claim):
    # (after an opening phrase the claim drops, that makes the sentence long enough for the
    # claim not to read as it: `test_a_short_sentence_is_no_claim_of_its_own`)
    assert claims_of([LEAD + text[:1].lower() + text[1:]]) == [claim]


LEAD = "Selon le rapport publié l'an dernier par les services de l'État dans les départements, "


def test_a_short_sentence_is_no_claim_of_its_own():
    """A claim that reads as its short sentence nearly as it is would title a sub-part with a
    line of the dossier (the embedded note's « B. Une mise en œuvre de la technologie qui ne
    s'improvise pas », of « La mise en œuvre de la technologie ne s'improvise pas. »)."""
    short = "La forêt communale est une ressource financière pour les communes."
    assert claims_of([short, LEAD + short[:1].lower() + short[1:]]) == [
        "", "la forêt communale, une ressource financière pour les communes"]


def test_a_verb_the_tagger_took_for_an_adverb_of_the_subject_makes_no_claim():
    # (the tiers-lieux note titled a sub-part « Des tiers-lieux florissent qui réinventent les
    # territoires »: « florissent » tagged as an adverb of « tiers-lieux »)
    missed, plain = claims_of([
        LEAD + "les tiers-lieux florissent, réinventent les territoires et contribuent à leur "
        "vitalité, aussi bien en milieu rural qu'en contexte urbain.",
        LEAD + "les tiers-lieux réinventent les territoires ruraux."])
    assert missed == ""
    assert plain == "des tiers-lieux qui réinventent les territoires ruraux"


@pytest.mark.parametrize("text", [
    # what points to another sentence: a demonstrative, a pronoun, a possessive of nothing
    "Cette mesure permet de réduire les coûts.",
    "Les communes les accompagnent dans leurs démarches.",
    "Le législateur renforce l'arsenal pénal à leur encontre.",
    # an opening phrase that points to another sentence: what holds then is said elsewhere
    "Dans ce cas de figure, le fournisseur peut offrir une formation à l'administration "
    "publique cliente.",
    "Pour y parvenir, les communes renforcent leur coopération avec les départements.",
    # a subject whose complement points to another sentence (« de celui-ci »)
    "La levée de celui-ci reste en effet conditionnée à l'exercice d'un service régulier.",
    # an event, a conditional, reported speech: no state a title keeps
    "Les communes ont renforcé leur coopération.",
    "Le vote du conseil municipal a été unanime.",
    "Les communes devraient renforcer leur coopération.",
    "Le maire explique le projet aux habitants.",
    # a clause that stops before what it announces or lists
    "La déclaration comprend : le nom, l'adresse.",
    "Les bibliothèques doivent garantir l'égal accès de tous à la culture, à l'information, "
    "aux loisirs.",
    "Le budget participatif est une façon pour un élu, selon lui, d'associer les habitants.",
    "Le but est de réduire le nombre de logements indignes.",
    # a count, a subject that says nothing without its complement, a comparison with
    # what is elsewhere, two subjects
    "La majorité des communes renforcent leur coopération.",
    "Le rôle de l'arbre est essentiel.",
    "La reprise est plus sensible encore dans les grandes villes.",
    "Les communes et leurs maires sont un maillon important.",
])
def test_a_sentence_that_states_no_claim_of_its_own_gives_none(text):
    assert claims_of([text]) == [""]
