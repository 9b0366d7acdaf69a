"""What a sentence says must be done (`fr.actions`), on the parse of sentences built here."""

from __future__ import annotations

import pandas as pd
import pytest

from ianote_lib.fr.parse import parse_texts
from ianote_lib.note.pistes import addressed


def action_of(text: str) -> tuple[str, str]:
    row = parse_texts([text])[0]
    return row["action"], row["action_agent"]


@pytest.mark.parametrize("text, action, agent", [
    # a quotation keeps its closing mark (the heat note listed « mettre en place un 'plan pluie »)
    ("Les communes devront mettre en place un 'plan pluie' pour restaurer au maximum le cycle "
     "de l'eau.",
     "mettre en place un 'plan pluie'", "communes"),
    # a modal and its subject
    ("Les collectivités doivent publier un schéma pluriannuel de mise en accessibilité.",
     "publier un schéma pluriannuel de mise en accessibilité", "collectivités"),
    # impersonal prescriptions: no agent
    ("Il faut former les agents aux outils numériques.",
     "former les agents aux outils numériques", ""),
    ("Il est essentiel de rendre accessibles en ligne les démarches les plus utilisées.",
     "rendre accessibles en ligne les démarches les plus utilisées", ""),
    # a recommendation said by someone is addressed to the reader
    ("La Cour recommande de désigner dans chaque commune un référent chargé de suivre les "
     "consommations.",
     "désigner dans chaque commune un référent chargé de suivre les consommations", ""),
    # an invitation: the invited act
    ("Le préfet invite les communes rurales à réviser leur schéma de distribution d'eau.",
     "réviser son schéma de distribution d'eau", "communes rurales"),
    # « leur(s) » of the agent becomes the collectivité's own
    ("Les organismes publics doivent mettre aux normes leurs supports numériques.",
     "mettre aux normes ses supports numériques", "organismes publics"),
    ("Les communes doivent revoir leur stratégie numérique d'ici deux ans.",
     "revoir sa stratégie numérique d'ici deux ans", "communes"),
    # a deadline that ends the action is left out (the note may be read after it), with its
    # « d'ici » when the parse did not attach the year to the action
    ("10 000 collectivités doivent élaborer ou réviser leur document d'urbanisme d'ici 2028 "
     "pour territorialiser la loi.",
     "élaborer ou réviser son document d'urbanisme", "collectivités"),
    ("Les collectivités doivent élaborer ou réviser leur document d'urbanisme d'ici 2028.",
     "élaborer ou réviser son document d'urbanisme", "collectivités"),
    ("Les communes doivent publier leur schéma pluriannuel avant fin 2025.",
     "publier son schéma pluriannuel", "communes"),
    ("Les communes doivent réduire leur consommation d'espaces à l'horizon 2030.",
     "réduire sa consommation d'espaces", "communes"),
    # a long action loses its final purpose, a short one keeps it
    ("Il est nécessaire d'améliorer l'environnement de travail des agents publics en situation "
     "de handicap pour garantir l'accessibilité des services publics.",
     "améliorer l'environnement de travail des agents publics en situation de handicap", ""),
    ("Il est important de sensibiliser les agents afin de prévenir les discriminations.",
     "sensibiliser les agents afin de prévenir les discriminations", ""),
    # a second infinitive loses the « de » the word of prescription governed (the mobility
    # note's piste « animer un réseau et de convaincre les personnes habitantes »)
    ("Il est nécessaire d'animer un réseau et de convaincre les habitants du territoire.",
     "animer un réseau et convaincre les habitants du territoire", ""),
    # a short quotation in guillemets is the action's, not its end (the cybersecurity note's
    # piste « compléter le dispositif de sauvegarde existant par des sauvegardes dites »)
    ("Il est donc nécessaire de compléter le dispositif de sauvegarde par des sauvegardes "
     "dites « hors ligne » et déconnectées, qui ne seront pas accessibles.",
     "compléter le dispositif de sauvegarde par des sauvegardes dites « hors ligne » et "
     "déconnectées", ""),
    # however the parse attaches it (the piste read « appliquer la règle simple »)
    ("Il est fortement recommandé d'appliquer la règle simple « 3-2-1 » : 3 copies de "
     "sauvegarde différentes, sur 2 supports différents.",
     "appliquer la règle simple « 3-2-1 »", ""),
    # a passive of prescription whose infinitive governs something is one
    ("Les communes sont appelées à renforcer leurs contrôles sur les logements.",
     "renforcer ses contrôles sur les logements", "communes"),
])
def test_the_action_a_sentence_prescribes(text, action, agent):
    found, who = action_of(text)
    assert found.replace("’", "'") == action
    assert who == agent


@pytest.mark.parametrize("text", [
    "Les communes ne doivent pas publier les données des usagers.",          # denied
    "La commune a dû interconnecter en urgence trois réseaux communaux.",    # past
    "La commune devait interconnecter trois réseaux communaux.",
    "Si les communes doivent publier un bilan annuel, le coût augmentera.",  # subordinate
    "Il faut les former rapidement aux outils de la plateforme.",           # points back
    "Il faut mettre en œuvre ce plan dans les meilleurs délais.",           # demonstrative
    "Les communes doivent respecter les délais suivants.",                  # vague
    "Nous devons moderniser nos services publics numériques.",              # first person
    "Les communes doivent achever les travaux du réseau en 2025.",          # a dated deadline
    "Les communes doivent réduire de moitié la consommation observée en 2020.",  # a dated fact
    "Il est important de souligner que les attentes diffèrent.",            # saying
    # waiting is no action (the early childhood note's first piste was « attendre la signature
    # de l'arrêté »)
    "Il faut donc attendre la signature de l'arrêté et sa parution pour savoir quand se "
    "déclenchera le délai de trois mois.",
    # a verb whose object is the list after the colon (the cybersecurity note's levers ended
    # on « mener plusieurs actions de sensibilisation pouvant inclure »)
    "Il est préconisé de mener plusieurs actions de sensibilisation pouvant inclure :",
    "Les collectivités doivent être accompagnées par l'État.",              # too light
    # what is bound to happen (the permis de louer note's piste was « s'allonger encore »)
    "La liste des villes ayant mis en place le permis de louer est désormais longue et elle "
    "est appelée à s’allonger encore : Saint-Denis, Aubervilliers, Clichy, Bagnolet ou "
    "Gennevilliers ont amorcé le mouvement.",
    # what is sometimes needed is told of practice (the politique cyclable note concluded on
    # « Il en découle une piste d'action : racheter des terres agricoles »)
    "Il faut parfois racheter des terres agricoles, voire urbanisées, pour créer une piste "
    "cyclable.",
    "Il est souvent nécessaire de réviser le plan local d'urbanisme.",
    # how long it takes is no prescription (the water note concluded on « remplacer des
    # canalisations de plus en plus vétustes »)
    "A ce rythme, il faudrait 170 ans pour remplacer des canalisations de plus en plus "
    "vétustes.",
    "Il faut du temps pour former les agents aux nouveaux outils.",
    # a second person, a slip of the source (the bien vieillir note's pistes sentence was
    # dropped by the verification for it)
    "Le maire d'une commune se doit d'instituer et de te tenir un registre communal "
    "nominatif des personnes fragiles.",
    # an infinitive subject, whatever the parse attaches its copula to (the same note's piste
    # « résider en établissement est très rare jusqu'à l'âge de 85 ans »)
    "Résider en établissement est très rare jusqu'à l'âge de 85 ans.",
    # what a body may receive is no act of its own, nor is what is denied, nor what a device
    # allows nobody named
    "Les élus peuvent bénéficier d'une protection fonctionnelle.",
    "Les communes ne peuvent pas instaurer de taxe sur les logements vacants.",
    "Ce dispositif permet de réduire les coûts de collecte.",
])
def test_no_action_when_it_could_not_stand_alone(text):
    assert action_of(text) == ("", "")


@pytest.mark.parametrize("text, action, agent", [
    ("Les communes peuvent instaurer un permis de louer sur les secteurs d'habitat dégradé.",
     "instaurer un permis de louer sur les secteurs d'habitat dégradé", "communes"),
    ("La loi relative à la transition énergétique pour la croissance verte de 2015, permet "
     "au maire de généraliser le 30 km/h sur tout ou partie de sa voirie.",
     "généraliser le 30 km/h sur tout ou partie de sa voirie", "maire"),
    ("Dans l'attente du fonds, les collectivités ont la possibilité de répondre à l'appel à "
     "projets de l'Ademe.", "répondre à l'appel à projets de l'Ademe", "collectivités"),
])
def test_what_a_text_allows_a_body_to_do_is_an_option(text, action, agent):
    from ianote_lib.fr.actions import OPTION

    found, who = action_of(text)
    assert found.replace("’", "'") == action
    assert who == f"{OPTION} {agent}"


def test_the_actions_a_list_announces():
    # without a word of prescription, the infinitives a noun of the genre announces
    action, agent = action_of(
        "Trois premiers chantiers seront menés ensemble : construire un agenda des projets de "
        "numérisation des collectivités, sensibiliser les élus et les cadres dirigeants à la "
        "transformation numérique et approfondir l'accompagnement des demandes d'urbanisme.")
    assert action.replace("’", "'").split(" | ") == [
        "construire un agenda des projets de numérisation des collectivités",
        "sensibiliser les élus et les cadres dirigeants à la transformation numérique",
        "approfondir l'accompagnement des demandes d'urbanisme"]
    assert agent == ""
    assert action_of("Le rapport formule trois recommandations : former les agents, mutualiser "
                     "les outils et évaluer les projets.")[0].split(" | ") == [
        "former les agents", "mutualiser les outils", "évaluer les projets"]
    for text in [
        "Trois chantiers ont été menés : construire un agenda des projets et sensibiliser les "
        "élus.",                                                  # done, not to do
        "Ses priorités : soutenir les instituts de recherche et les chaires d'excellence.",  # whose?
        "Ses objectifs : soutenir les instituts de recherche et les programmes doctoraux.",
        "Au programme : découvrir les outils et échanger avec les lauréats.",  # not announced
        "Première étape : savoir où part l'eau.",
        # what a specification or a product bears on, not what to do (the purchasing note
        # listed « porter sur tout ou partie des matériels achetés » among its actions)
        "Porter sur tout ou partie des matériels achetés dans le cadre du marché ;",
        "Les produits doivent correspondre à des produits bio ou en conversion.",
    ]:
        assert action_of(text) == ("", ""), text
    assert action_of("Les communes doivent porter un projet de territoire avec leurs "
                     "habitants.")[0].startswith("porter un projet de territoire")


def test_an_item_headed_by_its_infinitive_is_an_action_of_the_list_that_announces_it():
    import pandas as pd

    from ianote_lib.fr.actions import LIST_ITEM
    from ianote_lib.note.pistes import list_leads

    assert action_of("- Réduire le gaspillage alimentaire dans les cantines scolaires ;") == (
        "réduire le gaspillage alimentaire dans les cantines scolaires", LIST_ITEM)
    assert action_of("- Les cantines réduisent le gaspillage alimentaire ;")[1] != LIST_ITEM
    # (a capital that lost its accent gets it back: the budget vert conclusion read « evaluer
    # la cohérence des dépenses… »)
    assert action_of("- Evaluer la cohérence des dépenses avec les objectifs environnementaux ;"
                     ) == ("évaluer la cohérence des dépenses avec les objectifs "
                           "environnementaux", LIST_ITEM)
    # an infinitive that is the subject of the line's verb heads no item (the purchasing
    # dossier's « Répondre à un appel d'offres public reste… » was listed as an action); the
    # head of a labelled item keeps its own
    assert action_of("Répondre à un appel d'offres public reste aujourd'hui un défi pour bon "
                     "nombre de petites entreprises.") == ("", "")
    assert action_of("Intégrer des clauses environnementales implique l'appropriation de "
                     "sujets techniques.") == ("", "")
    assert action_of("Anticiper les coûts cachés : les besoins financiers doivent être "
                     "anticipés.") == ("anticiper les coûts cachés", LIST_ITEM)
    # the items count when the sentence before the list announces actions, not what was done
    # nor what a tool does
    rows = [("d01s0001", "sentence", "Pour y parvenir, des actions peuvent être initiées :"),
            ("d01s0002", "bullet", "- Réduire le gaspillage alimentaire ;"),
            ("d01s0003", "bullet", "- Former les cuisiniers aux produits bruts."),
            ("d01s0004", "sentence", "Trois domaines d'actions ont été traités :"),
            ("d01s0005", "bullet", "- Classer les actes par nature ;"),
            ("d01s0006", "sentence", "Les principales fonctionnalités de l'outil :"),
            ("d01s0007", "bullet", "- Filtrer les logements vacants ;"),
            ("d01s0008", "sentence", "Plusieurs mesures pourraient être prises :"),
            ("d01s0009", "bullet", "- Mutualiser les achats de denrées ;"),
            ("d01s0010", "sentence", "Il est notamment conseillé de :"),
            ("d01s0011", "bullet", "- Identifier une personne coordinatrice de la démarche ;"),
            ("d01s0012", "sentence", "Cette brique a vocation à :"),
            ("d01s0013", "bullet", "- Évaluer la capacité d'un site à accueillir des usages ;"),
            ("d01s0014", "sentence", "Les agents ont été formés."),
            ("d01s0015", "bullet", "- Publier les données essentielles ;")]
    sentences = pd.DataFrame(rows, columns=["sentence_id", "kind", "text"]).assign(doc=1)
    leads = list_leads(sentences)
    assert {sid for sid, announced in leads.items() if announced} == {
        "d01s0002", "d01s0003", "d01s0009", "d01s0011"}
    # what was done, what a tool does, what a brick is for: no actions, even read as levers;
    # an item after no colon is for the levers to judge
    assert not leads["d01s0005"] and not leads["d01s0007"] and not leads["d01s0013"]
    assert "d01s0015" not in leads


def test_a_presentative_lead_announces_what_the_sentence_before_it_names():
    """« Il s'agit notamment de : » after « …quatre grandes orientations semblent pouvoir être
    dégagées… », and items numbered « (1) » that the reader took for sentences."""
    import pandas as pd

    from ianote_lib.note.pistes import list_leads

    rows = [("d06s0001", "sentence", "Au terme des travaux de la mission, quatre grandes "
                                     "orientations semblent pouvoir être dégagées."),
            ("d06s0002", "sentence", "Il s'agit notamment de :"),
            ("d06s0003", "sentence", "(1) simplifier les normes et procédures ;"),
            ("d06s0004", "sentence", "(2) renforcer les moyens d'ingénierie des autorités."),
            ("d06s0005", "sentence", "Les principales fonctionnalités de l'outil sont nombreuses."),
            ("d06s0006", "sentence", "Il s'agit notamment de :"),
            ("d06s0007", "bullet", "- Filtrer les logements vacants ;")]
    sentences = pd.DataFrame(rows, columns=["sentence_id", "kind", "text"]).assign(doc=6)
    leads = list_leads(sentences)
    assert leads["d06s0003"] and leads["d06s0004"]
    assert not leads["d06s0007"]


def test_an_action_is_the_collectivites_when_impersonal_or_addressed_to_its_audience():
    assert addressed("", "former les agents aux outils numériques")
    assert not addressed("", "réviser ses pratiques")       # « ses »: whose?
    assert addressed("organismes publics", "mettre aux normes ses supports numériques")
    assert addressed("communes rurales", "réviser son schéma de distribution d'eau")
    assert not addressed("entreprises", "déclarer leurs systèmes d'IA")
    assert not addressed("usagers", "signaler les services inaccessibles")
    assert not addressed("?", "publier un bilan")           # a pronoun: who?


def test_the_pistes_are_listed_with_semicolons_when_they_coordinate_words_of_their_own():
    from types import SimpleNamespace

    from ianote_lib.note.built_plan import frames
    from ianote_lib.note.conclusion import actions_sentence

    conclusion = frames()["conclusion"]
    plain = [SimpleNamespace(text=t, docs=[1], sentence_id=f"d01s000{k}")
             for k, t in enumerate(["former les agents", "mutualiser les outils"])]
    assert actions_sentence(conclusion, plain).text == (
        "Il en découle deux pistes d'action\xa0: former les agents et mutualiser les outils.")
    coordinated = [SimpleNamespace(text=t, docs=[1], sentence_id=f"d01s000{k}") for k, t in
                   enumerate(["favoriser les produits de saison et recourir à des fournisseurs "
                              "locaux", "revoir et réduire les dépenses non alimentaires"])]
    assert actions_sentence(conclusion, coordinated).text == (
        "Il en découle deux pistes d'action\xa0: favoriser les produits de saison et recourir "
        "à des fournisseurs locaux\xa0; revoir et réduire les dépenses non alimentaires.")


def test_no_piste_of_the_conclusion_is_cut_short():
    """The open data dossier prescribes « mettre en ligne » in a relative clause (what to put
    online is its antecedent): a piste that ends on a locution waiting for its object, or on a
    preposition, is not written; the pistes that remain are whole."""
    import re
    from pathlib import Path

    from ianote_lib.fr.parse import parse_table
    from ianote_lib.note.evidence import build_evidence
    from ianote_lib.note.picker import Picker
    from ianote_lib.note.pistes import conclusion_actions, config
    from ianote_lib.note.plan import choose_plan
    from ianote_lib.reading.dossier import load_dossier

    d = load_dossier(Path(__file__).resolve().parents[1] / "benchmarks" / "dossiers"
                     / "open_data_collectivites" / "dossier.txt")
    evidence = build_evidence(d.sentences, d.documents, sentence_parse=parse_table(d.sentences))
    axes = [a.strip() for a in str(d.commande.axes or "").split("|") if a.strip()]
    plan = choose_plan("auto", str(d.commande.object), d.sentences, axes=axes)
    incomplete = re.compile(config()["body"]["incomplete_end"], re.IGNORECASE)
    candidates = [st.text for st in conclusion_actions(Picker(evidence, plan))]
    assert candidates, "the dossier prescribes actions"
    assert not [t for t in candidates if incomplete.search(t)], candidates
    assert incomplete.search("mettre en ligne") and incomplete.search("prendre en compte")
    assert not incomplete.search("mettre en ligne les délibérations du conseil")


def _benchmark_pistes(name: str) -> tuple[pd.DataFrame, list[str]]:
    """A benchmark exam dossier's sentences with their parse, and its conclusion's pistes."""
    from pathlib import Path

    from ianote_lib.fr.parse import parse_table
    from ianote_lib.note.evidence import build_evidence
    from ianote_lib.note.picker import Picker
    from ianote_lib.note.pistes import conclusion_actions
    from ianote_lib.note.plan import choose_plan
    from ianote_lib.reading.dossier import load_dossier

    d = load_dossier(Path(__file__).resolve().parents[1] / "benchmarks" / "dossiers" / name
                     / "dossier.txt")
    evidence = build_evidence(d.sentences, d.documents, sentence_parse=parse_table(d.sentences))
    axes = [a.strip() for a in str(d.commande.axes or "").split("|") if a.strip()]
    plan = choose_plan("auto", str(d.commande.object), d.sentences, axes=axes)
    return evidence.sentences, [st.text for st in conclusion_actions(Picker(evidence, plan))]


def test_what_a_breach_calls_for_is_no_piste():
    """The purchasing dossier's ADEME sheet: « En cas de non-conformité, la collectivité doit
    justifier d'un plan d'actions correctives… » says what a failure demands; the note
    concluded on it as a piste. Its recommendations (« nous vous recommandons de… ») stay."""
    sentences, pistes = _benchmark_pistes("achat_public_responsable")
    breach = sentences["clean"].str.startswith("En cas de non-conformité")
    assert breach.any() and sentences.loc[breach, "action"].str.len().gt(0).any()
    assert pistes and not [t for t in pistes if "correctives" in t], pistes


def test_an_invitation_to_an_event_is_no_piste():
    """The street-lighting note concluded « participer à une conférence-débat portant sur les
    subventions »: what a press item invites its readers to attend, not what a commune does."""
    sentences, pistes = _benchmark_pistes("eclairage_public_sobriete")
    assert sentences["action"].str.contains("participer à une conférence").any()
    assert pistes and not [t for t in pistes if "conférence" in t], pistes


def test_a_sanction_is_no_piste():
    """The logement social note concluded « …et payer un prélèvement annuel calculé sur le
    nombre de logements manquants »: what the law exacts from a commune in deficit, not what
    the commune should choose to do."""
    sentences, pistes = _benchmark_pistes("logement_social")
    assert sentences["action"].str.contains("payer un prélèvement").any()
    assert pistes and not [t for t in pistes if "prélèvement" in t], pistes


def _folder_pistes(name: str, objet: str) -> tuple[pd.DataFrame, list[str]]:
    """A benchmark folder dossier's sentences with their parse, and its conclusion's pistes."""
    from pathlib import Path

    from ianote_lib.fr.parse import parse_table
    from ianote_lib.note.evidence import build_evidence
    from ianote_lib.note.picker import Picker
    from ianote_lib.note.pistes import conclusion_actions
    from ianote_lib.note.plan import choose_plan
    from ianote_lib.reading.commande import Commande
    from ianote_lib.reading.dossier import load_dossier, with_parameters

    d = load_dossier(Path(__file__).resolve().parents[1] / "benchmarks" / "dossiers" / name
                     / "articles")
    com = with_parameters(Commande(), objet=objet)
    evidence = build_evidence(d.sentences, d.documents, sentence_parse=parse_table(d.sentences))
    plan = choose_plan("auto", com.object, d.sentences, axes=com.axis_list())
    return evidence.sentences, [st.text for st in conclusion_actions(Picker(evidence, plan))]


def test_a_cost_is_no_piste_and_what_a_tool_allows_is_the_action_itself():
    """The tarification note concluded « …et effectuer des investissements qui peuvent
    s'avérer coûteux » (a burden, not a piste); the food-projects note « permettre de partager
    un diagnostic… » (what a tool allows: the piste is to share it)."""
    sentences, pistes = _folder_pistes(
        "tarification_incitative", "la tarification incitative du service public de gestion "
        "des déchets ménagers (TEOM ou REOM incitative : état des lieux, cadre juridique, mise "
        "en place, résultats et limites)")
    assert sentences["action"].str.contains("coûteux").any()
    assert pistes and not [t for t in pistes if "coûteux" in t], pistes
    sentences, pistes = _folder_pistes(
        "projets_alimentaires_territoriaux", "les projets alimentaires territoriaux et la "
        "politique alimentaire locale")
    assert sentences["action"].str.contains("^permettre de", regex=True).any()
    assert pistes and not [t for t in pistes if t.startswith("permettre")], pistes


def test_an_action_on_nothing_named_is_no_piste():
    """The violences envers les élus note concluded « Il en découle trois pistes d'action :
    amplifier la démarche, … »: which démarche? A recommendation bears on something named."""
    from ianote_lib.note.pistes import names_something

    sentences, pistes = _folder_pistes(
        "violences_elus", "les violences et menaces envers les élus locaux et la protection "
        "des maires")
    assert sentences["action"].str.contains("amplifier la démarche").any()
    assert pistes and not [t for t in pistes if "démarche" in t], pistes
    assert not names_something("poursuivre les efforts")
    assert names_something("porter systématiquement plainte")
    assert names_something("mener des actions de sensibilisation des agents")


def test_a_sum_to_pay_is_no_piste():
    """The cimetières note concluded « Il en découle trois pistes d'action : débourser 15.000
    euros ; … »: the price of a perpetual concession, not what the commune should do."""
    sentences, pistes = _benchmark_pistes("cimetieres")
    assert sentences["action"].str.contains("débourser 15").any()
    assert pistes and not [t for t in pistes if "débourser" in t], pistes


def test_who_may_receive_an_aid_is_no_piste():
    """The zones à faibles émissions note concluded « Il en découle deux pistes d'action :
    disposer d'un revenu fiscal de référence de moins de 23 000 € et… »: a household's
    condition to receive an aid, not what the agglomeration should do."""
    sentences, pistes = _benchmark_pistes("zfe")
    assert sentences["action"].str.contains("revenu fiscal").any()
    assert pistes and not [t for t in pistes if "revenu" in t], pistes


def test_intertitles_that_name_an_action_complete_the_pistes():
    """The water dossier prescribes one action in its sentences (« Les auteurs recommandent de
    désigner dans chaque commune un référent… »); its press articles head their sections with
    actions (« Informer les habitants », « Former les agents et les usagers »), which complete
    the conclusion. An intertitle that names nothing to act on (« Réutiliser et économiser »,
    « Mesurer avant d'agir », « Préparer les prochains étés ») is none."""
    from pathlib import Path

    from ianote_lib.fr.parse import parse_table
    from ianote_lib.note.evidence import build_evidence
    from ianote_lib.note.picker import Picker
    from ianote_lib.note.pistes import conclusion_actions, heading_actions
    from ianote_lib.note.plan import choose_plan
    from ianote_lib.reading.dossier import load_dossier

    d = load_dossier(Path(__file__).resolve().parent / "data" / "dossier_eau" / "dossier_eau.txt")
    evidence = build_evidence(d.sentences, d.documents, sentence_parse=parse_table(d.sentences))
    plan = choose_plan("auto", str(d.commande.object), d.sentences, axes=[])
    picker = Picker(evidence, plan)
    headings = {st.text: st for st in heading_actions(picker)}
    assert {"informer les habitants", "former les agents et les usagers"} <= set(headings)
    assert not {"réutiliser et économiser", "mesurer avant d'agir",
                "préparer les prochains étés"} & set(headings)
    assert headings["informer les habitants"].original == "Informer les habitants"
    pistes = conclusion_actions(Picker(evidence, plan))
    assert len(pistes) == 3 and pistes[0].text.startswith("désigner dans chaque commune")
    assert all(st.kind == "piste" and st.sentence_id for st in pistes)
    assert [st.text for st in pistes[1:]] == ["informer les habitants",
                                             "former les agents et les usagers"]


def test_what_a_bill_would_oblige_others_to_do_is_no_piste():
    """The mobility dossier's summary of bill n° 837: « Les services de mobilité solidaire…
    gérés par les autorités organisatrices de la mobilité devront inclure spécifiquement les
    jeunes… » is what the bill proposes; the note concluded on « inclure spécifiquement les
    jeunes de 16 à 25 ans… » as a piste for the communauté de communes."""
    from pathlib import Path

    from ianote_lib.fr.parse import parse_table
    from ianote_lib.note.evidence import build_evidence
    from ianote_lib.note.picker import Picker
    from ianote_lib.note.pistes import conclusion_actions
    from ianote_lib.note.plan import choose_plan
    from ianote_lib.reading.dossier import load_dossier

    d = load_dossier(Path(__file__).resolve().parents[1] / "benchmarks" / "dossiers"
                     / "mobilites_territoires_ruraux" / "articles")
    evidence = build_evidence(d.sentences, d.documents, sentence_parse=parse_table(d.sentences))
    told = evidence.sentences["clean"].str.startswith("La proposition de loi n° 837 prévoit")
    assert evidence.sentences.loc[told, "action"].str.contains("inclure").any()
    plan = choose_plan("auto", "les mobilités du quotidien dans les territoires peu denses",
                       d.sentences)
    pistes = [st.text for st in conclusion_actions(Picker(evidence, plan))]
    assert pistes and not [t for t in pistes if "jeunes" in t], pistes


def test_what_only_the_state_can_do_for_the_collectivites_is_no_piste():
    """The cybersecurity note concluded on « clarifier au plus vite les obligations des
    collectivités », which the CSNP asks of the legislator: an action on the collectivités as
    a class is not one collectivité's to take."""
    from pathlib import Path

    from ianote_lib.fr.parse import parse_table
    from ianote_lib.note.evidence import build_evidence
    from ianote_lib.note.picker import Picker
    from ianote_lib.note.pistes import conclusion_actions
    from ianote_lib.note.plan import choose_plan
    from ianote_lib.reading.dossier import load_dossier

    d = load_dossier(Path(__file__).resolve().parents[1] / "benchmarks" / "dossiers"
                     / "cybersecurite_collectivites" / "dossier.txt")
    evidence = build_evidence(d.sentences, d.documents, sentence_parse=parse_table(d.sentences))
    assert evidence.sentences["action"].str.contains("obligations des collectivités").any()
    plan = choose_plan("auto", d.commande.object, d.sentences, d.commande.axis_list())
    pistes = [st.text for st in conclusion_actions(Picker(evidence, plan))]
    assert len(pistes) == 3 and not [t for t in pistes if "collectivités" in t], pistes


def test_two_pistes_are_different_unless_one_holds_the_others_verb_and_object():
    """The mobility note concluded on « animer un réseau et convaincre les personnes habitantes
    sur le territoire ; consacrer beaucoup de temps à animer le réseau »: the second's action is
    the first's."""
    from ianote_lib.note.pistes import _distinct

    assert not _distinct("consacrer beaucoup de temps à animer le réseau",
                         "animer un réseau et convaincre les personnes habitantes")
    assert not _distinct("former les agents", "former les élus aux outils numériques")
    assert _distinct("former les agents aux outils numériques",
                     "sensibiliser les élus aux outils numériques")
    assert _distinct("élargir le public visé", "animer un réseau et convaincre les habitants")
    # one's verb named by the other's noun, on the same thing (the biowaste note concluded on
    # « favoriser la réduction des déchets et les filières de recyclage ; … ; réduire les
    # déchets »)
    assert not _distinct("favoriser la réduction des déchets et les filières de recyclage",
                         "réduire les déchets")
    assert not _distinct("former les agents", "améliorer la formation des agents")
    assert _distinct("former les agents", "sensibiliser les élus à la formation")
    assert _distinct("réduire les déchets", "former les agents au tri des déchets")


def test_an_imperative_the_tagger_took_for_an_infinitive_is_no_action():
    """The cybersecurity note listed « pilotez l'homologation du service… » among its levers:
    a product page's imperative that the tagger, in its line's context, read as an
    infinitive."""
    from spacy.tokens import Doc

    from ianote_lib.fr.actions import _infinitive
    from ianote_lib.fr.parse import pipeline

    words = ["Pilotez", "piloter", "l'", "homologation"]
    doc = Doc(pipeline().vocab, words=words, pos=["VERB", "VERB", "DET", "NOUN"],
              morphs=["VerbForm=Inf", "VerbForm=Inf", "", ""])
    assert not _infinitive(doc[0]) and _infinitive(doc[1])


def test_the_levers_a_list_names_unannounced_complete_the_pistes():
    """The participation dossier prescribes little in its sentences: its recommendations are
    the items of a method sheet's lists, which no sentence announces as actions. The note
    concluded on « Son action devra dès lors porter sur la gestion »; those items, which the
    levers' sub-part enumerates, complete the pistes."""
    from pathlib import Path

    from ianote_lib.fr.actions import LIST_ITEM
    from ianote_lib.fr.parse import parse_table
    from ianote_lib.note.evidence import build_evidence
    from ianote_lib.note.picker import Picker
    from ianote_lib.note.pistes import conclusion_actions, config
    from ianote_lib.note.plan import choose_plan
    from ianote_lib.reading.dossier import load_dossier

    d = load_dossier(Path(__file__).resolve().parents[1] / "benchmarks" / "dossiers"
                     / "participation_citoyenne" / "articles")
    evidence = build_evidence(d.sentences, d.documents, sentence_parse=parse_table(d.sentences))
    plan = choose_plan("auto", "la participation citoyenne dans les collectivités territoriales",
                       d.sentences)
    pistes = conclusion_actions(Picker(evidence, plan))
    assert len(pistes) == int(config()["limit"]), [st.text for st in pistes]
    items = evidence.sentences.set_index("sentence_id")["action_agent"]
    assert any(items[st.sentence_id] == LIST_ITEM for st in pistes)


def test_the_conclusion_recommends_only_what_the_body_has_shown():
    """A jury read the trait de côte note's conclusion « Il en découle deux pistes d'action :
    mobiliser prioritairement les dispositifs existants et reconstituer le milieu dunaire »
    while its body spoke of neither. Each piste's sentence is now quoted in the body; when the
    body can quote none (an item of a list, an intertitle), the pistes are those the levers'
    sub-part lists if they read alone (not the trait de côte's two), a piste alone when it has
    no other action to list (the stationnement note's « utiliser les produits issus du
    stationnement payant »); the pistes stay different actions, at most three."""
    from pathlib import Path

    from ianote_lib.fr.parse import parse_table
    from ianote_lib.note.evidence import build_evidence
    from ianote_lib.note.plan import choose_plan
    from ianote_lib.note.select import select
    from ianote_lib.reading.dossier import load_dossier

    for name in ("trait_de_cote", "cimetieres", "stationnement"):
        d = load_dossier(Path(__file__).resolve().parents[1] / "benchmarks" / "dossiers" / name
                         / "dossier.txt")
        evidence = build_evidence(d.sentences, d.documents,
                                  sentence_parse=parse_table(d.sentences))
        axes = [a.strip() for a in str(d.commande.axes or "").split("|") if a.strip()]
        selection = select(evidence, choose_plan("auto", str(d.commande.object), d.sentences,
                                                 axes=axes))
        # (the sentences the body writes, not those that only corroborate them: the cimetières
        # note concluded on « choisir d'appliquer le régime des concessions funéraires… », a
        # sentence the body never showed)
        body = {sid for items in selection.statements.values() for st in items
                for sid in [*st.context_ids, st.sentence_id, *st.followed_ids]}
        quoted = {sid for items in selection.statements.values() for st in items
                  if not st.kind for sid in st.source_ids}
        # (« mobiliser prioritairement les dispositifs existants »: which ones, its sentence
        # said)
        assert (name != "trait_de_cote") <= len(selection.actions) <= 3, name
        assert all(st.kind == "piste" for st in selection.actions)
        assert [st.text for st in selection.actions if st.sentence_id not in body] == [], name
        told = [st.sentence_id in quoted for st in selection.actions]
        assert all(told) or not any(told), name
        assert len({st.text for st in selection.actions}) == len(selection.actions)


def test_what_a_text_allows_the_collectivite_completes_the_pistes_after_what_is_prescribed():
    """The ville 30 folder prescribes nothing to the collectivité: its note ended on two
    « enseignements » and no piste, while its documents say what the law allows the maire
    (« …permet au maire de généraliser le 30 km/h sur tout ou partie de sa voirie »). What a
    text allows is a piste, after what the documents prescribe: in a dossier that prescribes,
    no option comes before a prescription, and the body's list of what the documents
    prescribe (« Plusieurs actions sont préconisées : … ») holds none."""
    from pathlib import Path

    from ianote_lib.fr.actions import OPTION
    from ianote_lib.fr.parse import parse_table
    from ianote_lib.note.evidence import build_evidence
    from ianote_lib.note.picker import Picker
    from ianote_lib.note.pistes import conclusion_actions, said
    from ianote_lib.note.plan import choose_plan
    from ianote_lib.reading.dossier import load_dossier

    root = Path(__file__).resolve().parents[1] / "benchmarks" / "dossiers"
    for name, subject in (("ville30", "la généralisation de la limitation à 30 km/h en ville"),
                          ("permis_de_louer", "le permis de louer"),
                          ("violences_elus", "les violences envers les élus locaux")):
        d = load_dossier(root / name / "articles")
        evidence = build_evidence(d.sentences, d.documents,
                                  sentence_parse=parse_table(d.sentences))
        agents = evidence.sentences.set_index("sentence_id")["action_agent"].astype(str)
        pistes = conclusion_actions(Picker(evidence, choose_plan("auto", subject, d.sentences)))
        kinds = [agents.get(st.sentence_id, "").startswith(OPTION) or said(st.original, st.text)
                 for st in pistes]
        assert pistes, name
        assert kinds == sorted(kinds), [st.text for st in pistes]
        if name == "ville30":
            assert any("généraliser le 30 km/h" in st.text for st in pistes), pistes
        if name == "violences_elus":     # (« il conviendra de retenir la qualification d'outrage »)
            assert not kinds[0], [st.text for st in pistes]


@pytest.mark.parametrize("sentence, action, quoted", [
    ("S'agissant des insultes, « il conviendra de retenir la qualification d'outrage » plutôt "
     "que celle « d'insulte ».", "retenir la qualification d'outrage", True),
    ("« Cette pluriannualité est une vraie avancée mais il faut aussi soutenir les ressources "
     "humaines », souligne la présidente du Club.", "soutenir les ressources humaines", True),
    ("Il faut mener une réflexion globale à l'échelle de l'îlot\", plaide Jean-François "
     "Briand.", "mener une réflexion globale à l'échelle de l'îlot", True),
    ("Il est recommandé de former les agents préposés aux cimetières.",
     "former les agents préposés aux cimetières", False),
    ("Les communes doivent publier le plan « zéro phyto » sur leur site.",
     "publier le plan « zéro phyto » sur leur site", False),
])
def test_an_action_in_someone_s_words_is_told_apart(sentence, action, quoted):
    """A piste in someone's words comes after what the documents prescribe, with what they
    allow (the violences and politique cyclable notes concluded on « retenir la qualification
    d'outrage », a circular's order to the prosecutors, and « soutenir les ressources
    humaines », a president's wish)."""
    from ianote_lib.note.pistes import said

    assert said(sentence, action) is quoted
