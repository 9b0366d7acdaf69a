"""A sentence that points back to what its document's title names is completed with the title's
words instead of being rejected (`note.completion.title_completion`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ianote_lib.fr.parse import parse_table
from ianote_lib.note.anaphora import context_needs
from ianote_lib.note.completion import title_completion
from ianote_lib.note.evidence import build_evidence
from ianote_lib.reading.dossier import load_dossier

ZAN = (Path(__file__).resolve().parents[1] / "benchmarks" / "dossiers"
       / "zero_artificialisation_nette" / "dossier.txt")


def completed(text: str, title: str) -> str | None:
    needs = context_needs(text)
    assert len(needs) == 1, needs
    return title_completion(text, needs[0], title)


@pytest.mark.parametrize("text, title, expected", [
    ("Le rapport est transmis aux préfets dans un délai de quinze jours.",
     "Rapport local de suivi de l’artificialisation des sols",
     "Le rapport local de suivi de l'artificialisation des sols est transmis aux préfets dans "
     "un délai de quinze jours."),
    ("Ce rapport doit être présenté à l'organe délibérant.",
     "Rapport local de suivi de l’artificialisation des sols",
     "Le rapport local de suivi de l'artificialisation des sols doit être présenté à l'organe "
     "délibérant."),
    ("L'outil a d'autres externalités positives sur les économies carbone.", "Bénéfriches",
     "L'outil Bénéfriches a d'autres externalités positives sur les économies carbone."),
    ("La plateforme recense 4 000 friches.", "Mutafriches : définir la mutabilité d’un site",
     "La plateforme Mutafriches recense 4 000 friches."),
    ("Les partenaires ont salué l'élaboration de ce programme.",
     "Retour sur la première année du programme DCANT",
     "Les partenaires ont salué l'élaboration du programme DCANT."),
    # an event named in guillemets, whole (its name holds « et »)
    ("La journée a été l'occasion de rappeler les défis du numérique.",
     "Retour sur la journée « Numérique et Territoires », les projets à l'honneur",
     "La journée « Numérique et Territoires » a été l'occasion de rappeler les défis du "
     "numérique."),
    # a title that ends on an exclamation gives its name, not its « ! »
    ("Ce programme a été élaboré avec les associations d'élus.",
     "Quand État et collectivités transforment ensemble le service public : découvrez le "
     "programme DCANT 2018-2020 !",
     "Le programme DCANT 2018-2020 a été élaboré avec les associations d'élus."),
    # « en », « et » between capitals are the name's (the rénovation note read « la ville de
    # Dinan mutualisait le service de Conseil avec… »)
    ("Jusqu'en 2020, la ville de Dinan mutualisait ce service avec Dinan Agglomération.",
     "Déployer le service de Conseil en Energie Partagé (CEP)",
     "Jusqu'en 2020, la ville de Dinan mutualisait le service de Conseil en Energie Partagé "
     "avec Dinan Agglomération."),
    # « la structure » stands in for the body the title names (the care note opened on « Au
    # total, la structure a déjà réalisé 170 000 consultations »)
    ("Au total, la structure a déjà réalisé 170 000 consultations.",
     "Le centre de santé de Saône-et-Loire franchit une nouvelle étape avec l'embauche de 7 "
     "médecins spécialistes",
     "Au total, le centre de santé de Saône-et-Loire a déjà réalisé 170 000 consultations."),
    ("La structure emploie sept médecins salariés.", "La commune de Plaisir, pionnière",
     "La commune de Plaisir emploie sept médecins salariés."),
    ("La structure emploie sept médecins salariés.", "Les centres de santé se multiplient",
     None),
    # « la commune » of a page whose title names the place it tells of, after a date too (the
    # food note quoted « De 1999 à 2012, la commune est passée de 4 % à 100 % de bio… »)
    ("De 1999 à 2012, la commune est passée de 4 % à 100 % de bio dans ses cantines.",
     "La régie agricole à Mouans-Sartoux (06)",
     "De 1999 à 2012, la commune de Mouans-Sartoux est passée de 4 % à 100 % de bio dans ses "
     "cantines."),
    ("La ville a ouvert un centre de santé en 2023.",
     "À Saint-Médard-en-Jalles, un centre communal de santé aux petits soins",
     "La ville de Saint-Médard-en-Jalles a ouvert un centre de santé en 2023."),
    ("La commune a ouvert un centre de santé en 2023.", "Le centre de santé de Saône-et-Loire",
     None),
    ("La commune a ouvert un centre de santé en 2023.", "Des cantines à Nantes et à Rennes",
     None),
    # the name is already there: the determiner only
    ("Cet outil, ma cantine, permettra d'évaluer sa conformité.",
     "Présentation de l'outil ma cantine",
     "L'outil, ma cantine, permettra d'évaluer sa conformité."),
])
def test_a_sentence_is_completed_by_what_its_title_names(text, title, expected):
    assert completed(text, title) == expected


@pytest.mark.parametrize("text, title", [
    # the title names no tool: a word of French is no name, nor is a phrase in lower case
    ("L'outil est gratuit.", "Présentation"),
    ("La plateforme recense 4 000 friches.", "Zéro logement vacant : mobiliser les propriétaires"),
    # a word of the subject is not what a title names (« cette transformation »)
    ("Les collectivités doivent relever le défi de cette transformation.",
     "88 millions d'euros pour la transformation numérique des collectivités"),
    # the title names another noun
    ("Le dispositif coûte 55 000 euros par an à la commune.",
     "Tarification sociale et progressive : ces villes qui font payer l’eau autrement"),
    # « l'événement » that the title does not name stays out (an event's logistics, to boot)
    ("L'événement a rassemblé plus de 350 participants.",
     "Retour sur la journée « Numérique et Territoires », les projets à l'honneur"),
])
def test_a_title_that_names_nothing_for_it_completes_nothing(text, title):
    assert completed(text, title) is None


def test_the_zan_report_is_told_by_its_name():
    """The ZAN dossier's document on the local report calls it « le rapport » and « ce
    rapport »: those sentences become statements that name it, traced to the title."""
    d = load_dossier(ZAN)
    sents = build_evidence(d.sentences, d.documents,
                           sentence_parse=parse_table(d.sentences)).sentences
    title = sents[(sents["doc"] == 3) & (sents["kind"] == "title")].iloc[0]
    by_title = sents[sents["context_ids"].map(lambda ids: list(ids) == [title["sentence_id"]])]
    texts = by_title["clean"].tolist()
    assert any(t.startswith("Le rapport local de suivi de l'artificialisation des sols est "
                            "transmis") for t in texts), texts
    assert any(t.startswith("Le rapport local de suivi de l'artificialisation des sols doit "
                            "être présenté") for t in texts), texts
    assert by_title["candidate"].all()
    assert (by_title["resolution"] == "complétée").all()
