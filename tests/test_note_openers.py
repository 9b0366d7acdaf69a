"""The paragraphs' openers (note.openers): the noun phrases of the parse, the idea a paragraph's
sentences share, and the sentence the note writes with it."""

from __future__ import annotations

import pytest

from ianote_lib.fr.parse import parse_texts
from ianote_lib.note.openers import (
    Idea,
    Openers,
    idea_nouns,
    opener_text,
    paragraph_function,
    paragraph_idea,
)
from ianote_lib.note.statements import Statement


def phrases(text: str) -> list[str]:
    return parse_texts([text])[0]["phrases"].split(" | ")


def test_noun_phrases_take_their_definite_article_and_agreeing_adjectives():
    got = phrases("La protection des données personnelles reste un enjeu majeur pour les "
                  "collectivités territoriales.")
    assert "la protection des données personnelles" in got
    assert "les collectivités territoriales" in got
    assert "l'enjeu majeur" in got                      # elided before a vowel
    # an adjective that agrees with another noun is not taken with this one
    assert "les données régulière" not in phrases(
        "Ces derniers se basent sur une collecte de données régulière.")
    # an aspirated h keeps its article; a demonstrative complement is left out
    got = phrases("Le handicap pèse sur l'opacité de ces systèmes et sur l'habitat.")
    assert "le handicap" in got and "l'habitat" in got
    assert not any("ces" in p.split() for p in got)


def test_a_noun_phrase_never_cuts_the_complement_that_follows_it():
    """« les outils d'aide » is not what « des outils d'aide à la décision » speaks of: a short
    « à » complement is named with the phrase, a long one leaves it out."""
    got = phrases("Les solutions se positionnent comme des outils d'aide à la décision.")
    assert "les outils d'aide à la décision" in got and "les outils d'aide" not in got
    got = phrases("Les communes facilitent l'accès aux soins des habitants.")
    assert "l'accès aux soins des habitants" in got and "l'accès" not in got


def test_a_noun_phrase_keeps_the_adjective_of_its_complement():
    """The parse attaches « personnel » to « données », whose gender it does not share: the
    phrase « les données à caractère » would cut it off (it titled a sub-part of the embedded
    note « Un cadre et des leviers centrés sur les données à caractère »)."""
    got = phrases("L'IA engendre des questions complexes au regard de la protection des données "
                  "à caractère personnel et les actes.")
    assert "les données à caractère personnel" in got
    assert "les données à caractère" not in got
    # an adjective of another noun further on is not taken (« les collectivités territoriales
    # relève… » was no phrase)
    got = phrases("Les services publics numériques des collectivités territoriales restent "
                  "inégaux.")
    assert not any(p.endswith("restent") for p in got)


def test_the_words_of_a_locution_are_no_noun_phrase():
    """« accuser réception », « prendre conscience », « en situation de », « en ligne »: a noun
    without a determiner in a locution is not what the sentence speaks of."""
    got = phrases("L'organisme accuse réception de ces réclamations dans un délai de sept jours.")
    assert "la réception" not in got and "l'organisme" in got
    got = phrases("Une évaluation permet de prendre conscience du chemin qui reste à parcourir.")
    assert "la conscience" not in got and "le chemin" in got
    got = phrases("Les familles en situation de handicap ont droit à une aide de la commune.")
    assert "la situation de handicap" not in got and "le handicap" in got
    got = phrases("Les démarches en ligne sont simplifiées par la commune.")
    assert "la ligne" not in got and "les démarches" in got
    # a noun after « en » with its own adjective names a domain
    got = phrases("La commune fait appel à des experts en accessibilité numérique.")
    assert "l'accessibilité numérique" in got


def statements(texts: list[str], doc: int = 1) -> list[Statement]:
    parsed = parse_texts(texts)
    return [Statement(section="I.A", topic="t", sentence_id=f"d{doc:02d}s{k:04d}", doc=doc,
                      text=t, score=1.0, docs=[doc], phrases=p["phrases"].split(" | "),
                      subject=(p["subject_text"], p["subject_pronoun"]))
            for k, (t, p) in enumerate(zip(texts, parsed, strict=True))]


PARAGRAPH = [
    "Les biais algorithmiques peuvent conduire à des décisions injustes envers les usagers.",
    "L'audit des algorithmes permet de déceler les biais et d'éviter toute discrimination.",
    "Les biais algorithmiques sont l'un des risques les plus préoccupants de la recherche.",
]


def test_the_idea_is_the_phrase_the_sentences_share_not_the_subject_nor_a_generic_noun():
    idea = paragraph_idea(statements(PARAGRAPH), frozenset({"usager"}), set(), ["risque"])
    assert idea is not None and idea.phrase == "les biais algorithmiques"
    assert idea.function == "risque" and len(idea.source_ids) == 3 and idea.docs == [1]
    # the commande's own subject names nothing: every paragraph speaks of it
    assert paragraph_idea(statements(PARAGRAPH), frozenset({"biais"}), set()) is None
    # a phrase already opened on is not used twice
    again = paragraph_idea(statements(PARAGRAPH), frozenset(), {"les biais algorithmiques"})
    assert again is None or again.phrase != "les biais algorithmiques"


def test_a_phrase_of_the_same_lemmas_as_one_opened_on_is_not_used_again():
    """The rénovation note opened a paragraph « Le cadre applicable porte d'abord sur les
    consommations. » and the next « Le cadre applicable concerne également la
    consommation. »."""
    texts = ["La consommation des bâtiments publics baisse de 10 % en dix ans.",
             "Un coefficient réduit la consommation des bâtiments raccordés.",
             "Le suivi de la consommation incombe au propriétaire."]
    first = paragraph_idea(statements(texts), frozenset(), set())
    assert first is not None and first.phrase == "la consommation"
    for taken in ({"les consommations"}, {"la consommation"}, {"Les Consommations"}):
        again = paragraph_idea(statements(texts), frozenset(), taken)
        assert again is None or "consommation" not in again.phrase


def test_of_two_forms_of_a_phrase_the_one_the_documents_wrote_names_the_idea():
    """The attractivité note titled a sub-part « Des leviers d'action centrés sur le secrétaire
    de mairie », a form the parse gave « la profession de secrétaire de mairie »; the documents
    wrote « les secrétaires de mairie »."""
    texts = ["La profession de secrétaire de mairie se caractérise par une pyramide des âges "
             "très défavorable.",
             "Au 10 mars 2023, 1 919 postes de secrétaires de mairie étaient à pourvoir.",
             "Les centres de gestion accompagnent les secrétaires de mairie dans leurs missions."]
    forms = {p for st in statements(texts) for p in st.phrases if "secrétaire" in p}
    assert {"le secrétaire de mairie", "les secrétaires de mairie"} <= forms
    idea = paragraph_idea(statements(texts), frozenset(), set(), ["levier"])
    assert idea is not None and idea.phrase == "les secrétaires de mairie"


def test_a_paragraph_of_bills_opens_on_what_is_proposed_not_on_the_law_that_applies():
    """The heat note opened « Le cadre applicable porte d'abord sur les températures. » on the
    provisions of two propositions de loi: what they propose does not apply. A paragraph where
    a text in force is as many as the bills stays the frame."""
    texts = ["La proposition de loi n° 1727 prévoit que la température des écoles ne peut "
             "dépasser 28°C.",
             "La proposition de loi n° 1727 prévoit que les seuils de température seront "
             "définis par arrêté.",
             "La proposition de loi n° 1728 vise à rendre obligatoire le rafraîchissement de "
             "l'air des écoles selon la température."]
    idea = paragraph_idea(statements(texts), frozenset(), set(), ["regle"])
    assert idea is not None and idea.function == "regle_projet"
    assert opener_text(idea, 0, 1).startswith("Les évolutions législatives proposées portent "
                                              "principalement sur")
    mixed = [texts[0], "L'article R. 4223-13 du code du travail impose une température des "
             "locaux adaptée, la température des écoles comprise."]
    idea = paragraph_idea(statements(mixed), frozenset(), set(), ["regle"])
    assert idea is not None and idea.function == "regle"


def test_the_facts_of_a_legal_framework_open_as_what_it_provides():
    """A paragraph of plain facts under a sub-part that asks only for rules (« Le cadre
    juridique ») is opened as the frame it is, never « Le constat porte principalement sur la
    réclamation de l'utilisateur » (the accessibility note)."""
    texts = ["L'organisme fournit aux utilisateurs la possibilité de faire une réclamation "
             "sur l'accessibilité de ses services.",
             "Si la réclamation de l'utilisateur soulève une question complexe, la réponse "
             "indique une date raisonnable.",
             "L'organisme répond à la réclamation sous deux mois."]
    idea = paragraph_idea(statements(texts), frozenset(), set(), ["regle"])
    assert idea is not None and idea.function == "regle"
    assert opener_text(idea, 0, 1).startswith("Le cadre applicable porte principalement sur")
    # the same facts in a state of play stay facts
    assert paragraph_idea(statements(texts), frozenset(), set(), ["constat"]).function \
        == "constat"


def test_a_noun_alone_names_half_the_paragraph_listed_initiatives_included():
    """« Le cadre applicable porte principalement sur la régulation » opened a paragraph of six
    sentences, two of which spoke of regulation: the initiatives listed in it count."""
    texts = ["La régulation des systèmes d'intelligence artificielle reste à construire.",
             "Le texte européen ménage l'équilibre entre régulation et innovation.",
             "La commune publie chaque année un bilan de ses services numériques."]
    assert paragraph_idea(statements(texts), frozenset(), set()).phrase == "la régulation"
    assert paragraph_idea(statements(texts), frozenset(), set(), size=6) is None


def test_a_phrase_names_only_the_sentences_that_hold_all_its_words():
    """« La vigilance porte sur le traitement équitable » opened a paragraph whose other
    sentence spoke of « un traitement automatique des demandes »: the head noun alone does not
    make two sentences share a phrase."""
    texts = ["La transparence des algorithmes est fondamentale pour garantir un traitement "
             "équitable des usagers.",
             "Pour mettre en place un traitement automatique des demandes, la métropole a "
             "choisi des agents conversationnels."]
    assert paragraph_idea(statements(texts), frozenset(), set()) is None
    texts[1] = "Un traitement équitable des demandes suppose des règles connues de tous."
    idea = paragraph_idea(statements(texts), frozenset(), set())
    assert idea is not None and idea.phrase == "le traitement équitable"


def test_an_abstract_noun_in_half_a_paragraph_names_it_and_action_never_does():
    texts = ["La simplification des démarches réduit le temps passé par les usagers.",
             "Les formulaires sont désormais préremplis par les données de l'État.",
             "Cette simplification profite aussi aux agents des guichets d'accueil.",
             "Le nombre de pièces justificatives demandées a diminué de moitié."]
    idea = paragraph_idea(statements(texts), frozenset({"usager", "agent"}), set())
    assert idea is not None and idea.phrase == "la simplification"
    actions = ["L'action des communes porte sur les cantines scolaires de la ville.",
               "Une action de sensibilisation des familles est menée chaque année.",
               "Les repas sont préparés sur place par les cuisiniers de la régie.",
               "Les menus sont affichés à l'entrée des restaurants scolaires."]
    idea = paragraph_idea(statements(actions), frozenset(), set())
    assert idea is None or "action" not in idea.phrase


def test_a_body_or_a_role_names_no_paragraph():
    """The bornes note opened « L'action doit notamment porter sur le gestionnaire de
    réseau. », the bien vieillir note « …sur le bloc communal. »: who acts, not an idea."""
    for texts in (["Le comité associe les gestionnaires de réseau et les communes du syndicat.",
                   "La demande de raccordement est reçue par le gestionnaire de réseau.",
                   "Le gestionnaire de réseau prend en charge une part du raccordement."],
                  ["L'adaptation du bloc communal au vieillissement est un défi des élus.",
                   "Le bloc communal porte des solutions de mobilité pour les aînés.",
                   "Le bloc communal finance les résidences autonomie du territoire."]):
        idea = paragraph_idea(statements(texts), frozenset(), set())
        assert idea is None or not idea.phrase.startswith(("le gestionnaire", "le bloc")), idea


def test_a_phrase_of_two_sentences_in_seven_names_no_paragraph():
    """« le changement climatique » in two sentences of seven about the reconversion of
    wasteland is not the paragraph's idea; in two of four, it is."""
    climate = ["Les documents d'urbanisme sont concernés par l'adaptation au changement "
               "climatique.",
               "L'artificialisation des sols est une cause du changement climatique."]
    others = ["En 2021, le gouvernement a lancé l'appel à projets du fonds friches.",
              "Les porteurs de projets sont principalement des collectivités locales.",
              "L'accès à un financement détermine la réussite de la reconversion.",
              "Les facteurs les plus déterminants sont l'attractivité du territoire et la "
              "pollution.",
              "Un principe d'interdiction des nouveaux centres commerciaux est posé."]
    long = paragraph_idea(statements(others + climate), frozenset(), set())
    assert long is None or long.phrase != "le changement climatique"
    short = paragraph_idea(statements(others[:2] + climate), frozenset(), set())
    assert short is not None and short.phrase == "le changement climatique"


def test_a_noun_alone_takes_the_complement_its_sentences_give_it():
    """The rénovation note opened « Le cadre applicable porte principalement sur les
    consommations. », its sentences speaking of « les consommations d'énergie » (« énergie »
    a word of the commande's subject, which alone names nothing)."""
    texts = ["Les consommations d'énergie des écoles baissent de 40 % d'ici 2030.",
             "Un coefficient de 0,77 s'applique aux consommations d'énergie finale.",
             "La déclaration des consommations d'énergie se fait chaque année.",
             "Les consommations de froid sont réduites de 75 %."]
    idea = paragraph_idea(statements(texts), frozenset({"energie"}), set())
    assert idea is not None and idea.phrase == "les consommations d'énergie"
    assert len(idea.source_ids) == 3        # the sentences that say it
    # a complement half the noun's sentences do not give is not taken, nor a name
    texts = ["La consommation d'eau des écoles baisse de 10 %.",
             "La consommation des gymnases double en hiver.",
             "La consommation de Lyon reste stable depuis 2020.",
             "Le suivi de la consommation incombe au propriétaire."]
    idea = paragraph_idea(statements(texts), frozenset(), set())
    assert idea is not None and idea.phrase == "la consommation"
    # a noun alone is not opened on after a phrase it heads
    again = paragraph_idea(statements(texts), frozenset(), {"les consommations d'eau"})
    assert again is None or "consommation" not in again.phrase


def test_a_noun_alone_names_an_idea_only_when_abstract_and_frequent():
    training = ["La formation des agents devient nécessaire au vu de l'impact du numérique.",
                "La formation doit conscientiser les agents aux enjeux du numérique.",
                "Une formation courte ne suffit pas à changer les pratiques."]
    idea = paragraph_idea(statements(training), frozenset({"agent", "numerique"}), set())
    assert idea is not None and idea.phrase.startswith("la formation")
    # a thing alone names no idea when it is what acts (« la régie »), however often it
    # comes back
    board = ["La régie a renouvelé trois kilomètres de canalisations.",
             "La régie facture désormais le mètre cube à 2 euros.",
             "La régie emploie douze agents sur le territoire."]
    assert paragraph_idea(statements(board), frozenset({"agent"}), set()) is None
    # nor does a word that names no thing (« les activités »: the heat note's legal frame was
    # « Un cadre juridique centré sur les activités »; « la création » in the rénovation note)
    vague = {"activité": ["Les activités physiques sont interdites au-dessus de 28 degrés à "
                          "l'école.",
                          "Les activités pédagogiques sont interdites au-dessus de 30 degrés à "
                          "l'école.",
                          "Les activités à l'école doivent cesser au-dessus de 35 degrés.",
                          "Les activités sont suspendues pendant les vagues de chaleur."],
             "création": ["Le service a connu depuis sa création une forte croissance.",
                          "La création de l'agglomération date de janvier 2017.",
                          "Depuis sa création, le conseil en énergie partagé a doublé ses "
                          "adhésions."]}
    # nor does a device without what it is (the bien-vieillir note opened « L'action doit
    # d'abord porter sur la démarche », « …aussi porter sur le dispositif »), nor a court (the
    # meublés note: « L'action doit enfin porter sur le tribunal administratif »)
    vague["démarche"] = ["Près d'une centaine de villes sont concernées par la démarche.",
                         "La particularité de la démarche est de s'appuyer sur les habitants.",
                         "La démarche d'inscription est volontaire et la déclaration facultative."]
    vague["dispositif"] = ["Le jury a salué le dispositif pour son impact sur la mobilité.",
                           "En 2023, 1 248 trajets ont été effectués grâce au dispositif.",
                           "Le rapport propose d'en faire un dispositif universel."]
    vague["tribunal"] = ["La Ville doit suspendre ses quotas après une décision du tribunal "
                         "administratif de Grenoble.",
                         "Attaquée par des propriétaires, la mesure a été validée par le tribunal "
                         "administratif en 2024."]
    for word, texts in vague.items():
        idea = paragraph_idea(statements(texts), frozenset(), set())
        assert idea is None or word not in idea.phrase, word
    # one sentence is not a paragraph to open
    assert paragraph_idea(statements(training[:1]), frozenset(), set()) is None
    # nor does a noun that each sentence says which of, each its own way (the participation
    # note opened « L'action doit notamment porter sur la gestion »)
    management = ["Les conseils de quartier associent les habitants à la gestion municipale.",
                  "La plateforme permet la gestion de commissions et de sous-commissions.",
                  "La gestion des contributions en ligne demande du temps aux services."]
    assert paragraph_idea(statements(management), frozenset(), set()) is None


def test_a_thing_most_sentences_speak_of_names_their_paragraph():
    """The heat note's paragraph on the trees of the metropolis opened on nothing: « arbre »
    names no action or quality."""
    trees = ["Il y a à Lyon entre 2 et 3 millions d'arbres sur le territoire.",
             "À l'est, les villes récentes se caractérisent par une présence d'arbres plus faible.",
             "À l'ouest, l'objectif est de protéger les arbres et boisements existants.",
             "Le plan prévoit de planter 300 000 arbres d'ici 2030.",
             "La canopée couvre 27 % de la surface de la métropole."]
    idea = paragraph_idea(statements(trees), frozenset(), set())
    assert idea is not None and idea.phrase == "les arbres" and len(idea.source_ids) == 4
    # not in two sentences of five, nor alone a thing that names nothing without its
    # complement (« la loi », « les projets »)
    assert paragraph_idea(statements(trees[2:]), frozenset(), set()) is None
    laws = ["La loi impose un diagnostic aux communes de plus de 3 500 habitants.",
            "Depuis 2021, la loi prévoit une amende de 20 000 euros.",
            "La loi a été complétée par un décret en 2023.",
            "Les communes appliquent la loi depuis trois ans."]
    idea = paragraph_idea(statements(laws), frozenset(), set())
    assert idea is None or idea.phrase != "la loi"


def test_the_name_of_a_text_of_law_names_no_idea():
    """The biowaste note opened « Le cadre applicable porte principalement sur
    l'environnement. » on sentences citing « le code de l'environnement »."""
    texts = ["Les biodéchets sont définis à l'article L. 541-1-1 du code de l'environnement.",
             "Le programme local est obligatoire en vertu du code de l'environnement.",
             "La commission de suivi est prévue par le code de l'environnement."]
    idea = paragraph_idea(statements(texts), frozenset(), set())
    assert idea is None or "environnement" not in idea.phrase
    assert "environnement" not in idea_nouns(texts[0])


def test_paragraph_function_prefers_the_sub_part_functions():
    texts = ["Le risque de dépendance envers un fournisseur est réel.",
             "Les communes ont recensé 40 projets en 2023."]
    assert paragraph_function(statements(texts), ["risque"]) == "risque"
    assert paragraph_function(statements(
        texts + ["La part des dépenses atteint 3 % du budget."])) in ("constat", "neutre")
    # the function the selection gave a statement (a code's article is a rule) is its own
    code = statements(["Les marchés sont passés en lots séparés.",
                       "L'acheteur détermine le nombre des lots."])
    assert paragraph_function(code) == "constat"
    for st in code:
        st.function = "regle"
    assert paragraph_function(code) == "regle"


@pytest.mark.parametrize("function, rank, count, expected", [
    ("levier", 0, 1, "L'action doit notamment porter sur la mutualisation des outils."),
    ("levier", 0, 2, "L'action doit d'abord porter sur la mutualisation des outils."),
    ("levier", 1, 2, "L'action doit aussi porter sur la mutualisation des outils."),
    ("levier", 2, 3, "L'action doit enfin porter sur la mutualisation des outils."),
    ("risque", 0, 2, "La vigilance porte d'abord sur la mutualisation des outils."),
    ("risque", 1, 3, "La vigilance porte aussi sur la mutualisation des outils."),
    ("neutre", 0, 1, "La question de la mutualisation des outils retient principalement "
                     "l'attention."),
    ("exemple", 1, 2, "D'autres exemples illustrent la question de la mutualisation des outils."),
])
def test_opener_text_says_rank_and_function(function, rank, count, expected):
    idea = Idea("la mutualisation des outils", function, ["d01s0001", "d01s0002"], [1])
    assert opener_text(idea, rank, count) == expected


def test_a_function_opened_on_in_an_earlier_sub_part_is_told_again_not_first():
    """The logement social note read « Le cadre applicable repose principalement sur la loi SRU
    et la loi 3DS » in I.B, then « Le droit applicable s'appuie avant tout sur la loi ELAN et la
    loi SRU » in II.A: two « principal » frames. The second sub-part's opener says « also »."""
    from collections import Counter

    used: Counter[str] = Counter()
    first = Idea("la loi SRU", "regle", [], [])
    second = Idea("la loi ELAN", "regle", [], [])
    assert opener_text(first, 0, 1, used) == ("Le cadre applicable repose principalement sur la "
                                              "loi SRU.")
    assert opener_text(second, 0, 1, used) == "Le cadre applicable comprend également la loi ELAN."
    # (another function of the note keeps its own first form)
    assert opener_text(Idea("les outils", "levier", [], []), 0, 2, used) == (
        "L'action doit d'abord porter sur les outils.")


def test_a_rule_paragraph_on_a_text_of_law_says_the_text_is_part_of_the_frame():
    """« Les règles encadrent également le règlement européen » was nonsense: a text of law is
    what the frame is made of, not what it frames."""
    law = Idea("le règlement européen", "regle", [], [])
    assert opener_text(law, 1, 2) == "Le cadre applicable comprend également le règlement européen."
    assert opener_text(law, 0, 1) == ("Le cadre applicable repose principalement sur le "
                                      "règlement européen.")
    topic = Idea("les données personnelles", "regle", [], [])
    assert opener_text(topic, 1, 2) == ("Le cadre applicable concerne également les données "
                                        "personnelles.")


def test_a_benefit_paragraph_is_not_said_to_bear_on_a_burden_nor_a_risk_one_on_a_benefit():
    burden = Idea("la complexité de réhabilitation", "apport", [], [])
    assert opener_text(burden, 0, 1) == ("La question de la complexité de réhabilitation "
                                         "retient principalement l'attention.")
    risk = Idea("les risques de fuite", "apport", [], [])
    assert opener_text(risk, 0, 1).startswith("La question des risques")
    gain = Idea("les économies d'énergie", "risque", [], [])
    assert opener_text(gain, 0, 1).startswith("La question des économies")
    assert opener_text(Idea("la simplification", "apport", [], []), 0, 1) == (
        "Les bénéfices attendus portent principalement sur la simplification.")


def test_an_opener_is_not_written_before_a_sentence_that_opens_on_its_phrase():
    from ianote_lib.note.openers import told_first

    # (the cimetières and logement social notes: « Le constat porte principalement sur les
    # concessions perpétuelles. Les concessions perpétuelles empêchent… », « Le cadre
    # applicable concerne également la mixité sociale. Les contrats de mixité sociale… »)
    perpetual = Idea("les concessions perpétuelles", "constat", [], [])
    assert told_first(perpetual, "Les concessions perpétuelles empêchent de nombreux habitants "
                                 "d'être inhumés dans leur ville, faute de place.")
    assert told_first(Idea("la mixité sociale", "regle", [], []),
                      "Les contrats de mixité sociale pourront, sous certaines conditions, "
                      "mutualiser l'obligation de construction.")
    # the phrase is said later, or only in part: the opener names the paragraph's idea
    assert not told_first(perpetual, "Faute de place, de nombreux habitants ne peuvent être "
                                     "inhumés dans leur ville à cause des concessions perpétuelles.")
    assert not told_first(perpetual, "Les concessions trentenaires sont les plus demandées.")
    # a phrase that gathers several texts names what no sentence names alone
    laws = Idea("le décret du 29 avril 2022 et la loi Climat et Résilience", "regle", [], [])
    assert not told_first(laws, "Le décret du 29 avril 2022 précise la notion d'artificialisation.")


def test_opener_contracts_its_preposition():
    idea = Idea("le coût des travaux", "neutre", [], [])
    assert opener_text(idea, 0, 2) == "La question du coût des travaux se pose d'abord."


def test_pistes_are_the_levers_first():
    ops = Openers(frozenset())
    a = Idea("la formation des agents", "levier", ["x"], [1])
    b = Idea("les données personnelles", "regle", ["y"], [2])
    c = Idea("les coûts", "risque", ["z"], [3])
    # (a noun alone names a topic, not a piste: « Son action devra porter sur la gestion »)
    d = Idea("la gestion", "levier", ["w"], [4])
    ops.ideas += [(["regle", "levier"], b), (["risque"], c), (["levier"], a), (["levier"], d)]
    assert ops.pistes() == [a, b]
    assert ops.taken == {"la formation des agents", "les données personnelles", "les coûts",
                         "la gestion"}


def test_pistes_name_no_text_of_law():
    """The dépôts sauvages note ended on « l'action devra dès lors porter sur la loi AGEC, le
    Code de l'environnement et la loi du 10 février 2020 »: texts frame the action."""
    ops = Openers(frozenset())
    texts = Idea("la loi AGEC, le Code de l'environnement et la loi du 10 février 2020",
                 "regle", ["x"], [4])
    removal = Idea("l'enlèvement des dépôts", "regle", ["y"], [4])
    ops.ideas += [(["regle", "levier"], texts), (["regle", "levier"], removal)]
    assert ops.pistes() == [removal]


def test_the_conclusion_names_one_lever_or_several():
    from ianote_lib.note.conclusion import pistes_sentence

    template = "Son action devra dès lors porter sur {pistes}."
    ops = Openers(frozenset())
    assert pistes_sentence(template, ops, {}) is None          # no lever: no sentence
    ops.ideas.append((["levier"], Idea("la formation des agents", "levier", ["d01s0001"], [1])))
    one = pistes_sentence(template, ops, {})
    assert one.text == "Son action devra dès lors porter sur la formation des agents."
    assert one.docs == [1]
    ops.ideas.append((["levier"], Idea("les données personnelles", "levier", ["d02s0001"], [2])))
    # (a noun alone names no piste: « Son action devra porter sur la gestion »)
    ops.ideas.append((["levier"], Idea("la gestion", "levier", ["d03s0001"], [3])))
    two = pistes_sentence(template, ops, {})
    assert two.text == ("Son action devra dès lors porter sur la formation des agents et les "
                        "données personnelles.")
    assert two.docs == [1, 2] and two.kind == "written" and two.origin == "note"


def test_the_shipped_pistes_sentence_names_its_collectivite():
    # (after « D'autre part, la loi… étend les possibilités de recours aux agents
    # contractuels », « Son action devra… » read as the law's)
    from ianote_lib.config import load_yaml
    from ianote_lib.note.conclusion import pistes_sentence

    template = load_yaml("note", "frames.yaml")["conclusion"]["pistes"]
    ops = Openers(frozenset())
    ops.ideas.append((["levier"], Idea("la formation des agents", "levier", ["d01s0001"], [1])))
    sentence = pistes_sentence(template, ops, {"collectivite": "la ville de Lanvoirac"})
    assert sentence.text == ("Pour la ville de Lanvoirac, l'action devra dès lors porter sur la "
                             "formation des agents.")


def test_a_name_a_genre_word_or_a_vague_adjective_names_no_idea():
    from ianote_lib.note.openers import naming_words, plain

    # a noun inside a name is no phrase of its own
    got = phrases("L'Autorité de régulation de la communication audiovisuelle et numérique "
                  "est compétente pour constater les manquements.")
    assert not any("communication" in p for p in got)
    assert naming_words("les risques potentiels", frozenset()) is None     # the genre's word
    assert naming_words("les contenus précis", frozenset()) is None        # vague, concrete
    assert naming_words("les biais algorithmiques", frozenset())[0] == "biais"
    # « la solution », « l'approche »: what, for what? (EGalim's levers were « centrés sur la
    # solution »); « les outils d'aide à la décision » names one
    assert naming_words("la solution", frozenset()) is None
    assert naming_words("l'approche", frozenset()) is None
    assert naming_words("les outils d'aide à la décision", frozenset())
    # « le site » alone is a thing, though it ends like « la sécurité » (the accessibility
    # note opened « L'action doit aussi porter sur le site de l'entité »)
    assert naming_words("le site de l'entité", frozenset()) is None
    assert naming_words("la sécurité", frozenset()) == ["securite"]
    # a local body names who acts, not an idea, though « agglomération » ends like an action
    # (the mobility note opened « Le cadre applicable porte principalement sur
    # l'agglomération »)
    assert naming_words("l'agglomération", frozenset()) is None
    assert naming_words("la commune", frozenset()) is None
    # so does a body of inquiry, though « mission » ends like an action (the flood note opened
    # « Le cadre applicable porte d'abord sur la mission » over « les recommandations de la
    # mission » and « les missions conduites dans le cadre de la GEMAPI »)
    assert naming_words("la mission", frozenset()) is None
    assert naming_words("la commission", frozenset()) is None
    assert plain("l'accompagnement adéquat des agents") == "l'accompagnement adéquat des agents"
    assert plain("l'accompagnement adéquat") == "l'accompagnement"


def test_idea_groups_gather_the_statements_that_share_an_idea():
    from ianote_lib.note.openers import idea_groups

    texts = ["Les biais algorithmiques peuvent conduire à des décisions injustes.",
             "Le projet a coûté 2 millions d'euros à la commune.",
             "L'audit des algorithmes permet de déceler les biais les plus graves.",
             "La commune a recruté trois agents pour le projet.",
             "Les biais algorithmiques sont l'un des risques les plus préoccupants."]
    groups, left = idea_groups(statements(texts), frozenset({"commune", "agent"}), set())
    assert [[st.text for st in g] for g in groups] == [[texts[0], texts[2], texts[4]]]
    assert [st.text for st in left] == [texts[1], texts[3]]


def test_every_opener_template_is_a_sentence_with_a_finite_verb():
    """Filled with phrases of both genders and numbers, each template keeps a verb the French
    parser reads as finite (« Un deuxième apport tient à… » was read as a verb-less phrase)."""
    from ianote_lib.fr.parse import pipeline
    from ianote_lib.note.openers import config

    ideas = [Idea(p, f, [], []) for p in ("la mutualisation des outils", "le coût des travaux",
                                          "les biais algorithmiques")
             for f in config()["templates"]]
    texts = [opener_text(idea, rank, count) for idea in ideas
             for rank, count in ((0, 1), (0, 3), (1, 3), (2, 3), (1, 4))]
    verbless = [t for t, doc in zip(texts, pipeline().pipe(texts), strict=True)
                if not any(x.pos_ in ("VERB", "AUX") and "Fin" in x.morph.get("VerbForm")
                           for x in doc)]
    assert verbless == []


def test_a_prepositional_locution_is_not_its_noun():
    from ianote_lib.note.openers import nouns_of

    got = nouns_of("La politique lancée par le biais de ses ministères au sein des communes.")
    assert "biais" not in got and "sein" not in got
    assert {"politique", "ministere", "commune"} <= got
    # « faute d'agents assermentés » is « for lack of », not a fault (« la faute grave » is one)
    assert "faute" not in nouns_of("Les contrôles restent rares faute d'agents assermentés.")
    assert "faute" in nouns_of("La faute grave du prestataire est établie.")


def _one_per_document(texts: list[str]):
    """A statement and its note sentence for each text, one document each, with the parse's
    subject."""
    from ianote_lib.note.write import NoteSentence

    parsed = parse_texts(texts)
    sts = [Statement(section="II.B", topic="t", sentence_id=f"d0{k + 1}s0001", doc=k + 1,
                     text=t, score=1.0, docs=[k + 1],
                     subject=(p["subject_text"], p["subject_pronoun"]))
           for k, (t, p) in enumerate(zip(texts, parsed, strict=True))]
    sentences = [NoteSentence(t, [k + 1], [st.sentence_id]) for k, (t, st)
                 in enumerate(zip(texts, sts, strict=True))]
    return sts, sentences


def test_two_sentences_on_the_same_subject_become_one():
    from ianote_lib.note.write import join_same_subject

    texts = ["La formation des agents devient nécessaire au vu de l'impact du numérique.",
             "La formation des agents ne se résume pas à l'apprentissage des outils.",
             "Les communes ont recruté douze agents."]
    sts, sentences = _one_per_document(texts)
    out = join_same_subject(sts, sentences)
    assert len(out) == 2
    assert out[0].text == ("La formation des agents devient nécessaire au vu de l'impact du "
                           "numérique\u00a0; elle ne se résume pas à l'apprentissage des outils.")
    assert out[0].kind == "merged" and out[0].docs == [1, 2]
    assert out[0].source_ids == ["d01s0001", "d02s0001"]
    assert out[1].text == texts[2]            # another subject: left as it is
    # the second subject says more than the first: its pronoun would lose it
    texts = ["La formation des agents devient nécessaire au vu de l'impact du numérique.",
             "La formation des agents par blocs de compétences est une piste intéressante."]
    sts, sentences = _one_per_document(texts)
    assert [s.text for s in join_same_subject(sts, sentences)] == texts


def test_a_lone_statement_joins_the_paragraph_it_shares_words_with_or_stays_apart():
    from ianote_lib.note.paragraphs import closest
    from ianote_lib.note.write import NoteParagraph, NoteSentence

    biases, costs = statements(PARAGRAPH[:2]), statements(
        ["Le coût du cloud pèse sur les budgets.", "Le coût des licences augmente."], doc=2)
    argued = [(NoteParagraph("II.A", "body", [NoteSentence(s.text) for s in group]), group)
              for group in (biases, costs)]
    openers = Openers(frozenset({"usager"}))
    lone = statements(["Les biais des modèles reproduisent les discriminations."], doc=3)[0]
    assert closest(argued, lone, openers)[1] is biases
    policy = statements(["La politique volontariste de la France prime sur la stratégie."],
                        doc=4)[0]
    assert closest(argued, policy, openers) is None


def test_a_statement_that_shares_no_noun_with_its_paragraph_moves_to_the_one_it_shares_with():
    from ianote_lib.note.paragraphs import regroup

    water = statements(["Le prix de l'eau augmente dans les communes rurales.",
                        "La facture d'eau des ménages suit le prix du service.",
                        "Les menus végétariens gagnent les cantines scolaires."])
    canteen = statements(["Les cantines scolaires servent des produits biologiques.",
                          "Les cantines scolaires réduisent le gaspillage alimentaire."], doc=2)
    lone = statements(["Le climat du self est plus détendu."], doc=3)
    chunks = regroup([water, canteen, lone], frozenset({"usager"}), 5)
    # (the paragraph that receives it keeps the order of `order_statements`)
    assert [sorted(st.text for st in c) for c in chunks] == [
        sorted(st.text for st in water[:2]), sorted(st.text for st in canteen + water[2:]),
        [lone[0].text]]
    # no room in the paragraph it shares with: it stays
    chunks = regroup([statements([st.text for st in water]), canteen], frozenset(), 2)
    assert [len(c) for c in chunks] == [3, 2]
    # one that shares no noun with any paragraph stays where it was
    odd = statements(["Le prix de l'eau augmente.", "Le prix de l'eau baisse ailleurs.",
                      "La météo reste clémente."])
    assert [len(c) for c in regroup([odd, canteen], frozenset(), 5)] == [3, 2]


def test_a_word_most_statements_hold_ties_no_thread():
    """« permettre » held by most statements of the EGalim note's benefits kept « Réduire la
    quantité de déchets… permet des économies » with « l'enjeu pour la plateforme… permettre »,
    two sentences of nothing in common; the one it shares a thread with (« le coût ») takes
    it."""
    from ianote_lib.note.paragraphs import regroup

    first = statements(["Réduire les déchets permet de limiter le coût du traitement.",
                        "La plateforme permet de poursuivre sa croissance nationale."])
    second = statements(["Le coût des repas jetés permet de mesurer le gaspillage.",
                         "Le gaspillage représente 135 grammes par repas au collège."], doc=2)
    third = statements(["L'achat groupé permet une meilleure négociation des prix.",
                        "Le producteur voit ses prix mieux négociés."], doc=3)
    chunks = regroup([first, second, third], frozenset(), 5)
    assert [st.text for st in chunks[0]] == [first[1].text]
    assert first[0].text in [st.text for st in chunks[1]]


def test_a_noun_inside_a_name_names_no_paragraph():
    """« Le cadre applicable porte d'abord sur la résilience » opened a ZAN note's paragraph on
    the law « Climat et Résilience »: a noun holds an idea only outside the names."""
    from ianote_lib.note.openers import idea_nouns, paragraph_idea

    texts = ["La loi Climat et Résilience fixe l'objectif de zéro artificialisation nette.",
             "La loi dite « Climat et résilience » a été promulguée le 22 août 2021.",
             "La résilience des territoires dépend de la sobriété foncière.",
             "La loi Climat et Résilience réforme les documents d'urbanisme."]
    assert "resilience" not in idea_nouns(texts[0]) | idea_nouns(texts[1])
    assert "resilience" in idea_nouns(texts[2])
    idea = paragraph_idea(statements(texts), frozenset(), set())
    assert idea is None or "résilience" not in idea.phrase


def test_the_whole_object_of_the_commande_names_no_paragraph():
    """« Le constat porte principalement sur les restaurations scolaires » in a note on EGalim
    in school catering: the object's scope (« dans la restauration scolaire ») is the subject of
    every paragraph, as much as its head."""
    from types import SimpleNamespace

    from ianote_lib.note.openers import known_words

    plan = SimpleNamespace(intro={"subject_terms": {"mise en œuvre de la loi egalim": 3.0}},
                           focus_terms={"restauration scolaire": 3.0})
    known = known_words(plan)
    assert {"restauration", "scolaire", "egalim"} <= known
    texts = ["Les restaurations scolaires servent chaque jour des repas aux élèves du collège.",
             "Les restaurations scolaires de la ville ont réduit leurs déchets de moitié."]
    idea = paragraph_idea(statements(texts), known, set())
    assert idea is None or "restauration" not in idea.phrase


def test_a_circumstance_and_the_subject_s_word_family_name_no_paragraph():
    """« L'action doit notamment porter sur la crise sanitaire » (the town centres note: « créé
    en réponse à la crise sanitaire », « durant la crise sanitaire ») and « Le constat porte
    principalement sur l'alimentation » (a note on « les projets alimentaires territoriaux »):
    when or why a sentence happens is not what it is about, and a word of the family of the
    subject's says no more than the subject. « La collecte » is no family of « collectivité »."""
    from types import SimpleNamespace

    from ianote_lib.note.openers import in_family, known_words

    circumstance = ["Le métier de manager, créé en réponse à la crise sanitaire, a bénéficié d'un "
                    "financement pour 515 postes.",
                    "Leur capacité à innover a été mise en évidence durant la crise sanitaire.",
                    "Au sortir de la crise sanitaire, l'État a cofinancé des managers."]
    assert not any("crise" in idea_nouns(t) for t in circumstance)
    assert "crise" in idea_nouns("La crise sanitaire a fragilisé les commerces des centres.")
    idea = paragraph_idea(statements(circumstance), frozenset(), set())
    assert idea is None or "crise" not in idea.phrase
    plan = SimpleNamespace(intro={"subject_terms": {"projets alimentaires territoriaux": 3.0}},
                           focus_terms={})
    known = known_words(plan)
    assert in_family("alimentation", known) and not in_family("collecte", known)
    food = ["L'alimentation repose de plus en plus sur des produits locaux et de saison.",
            "Dans les cantines de la commune, l'alimentation progresse vers le bio.",
            "La régie agricole assure désormais l'alimentation en légumes des cantines."]
    idea = paragraph_idea(statements(food), known, set())
    assert idea is None or "alimentation" not in idea.phrase
    assert paragraph_idea(statements(food), frozenset(), set()).phrase.startswith(
        "l'alimentation")


@pytest.mark.parametrize("text, expected", [
    ("La loi NOTRe du 7 août 2015 prévoyait le transfert de la compétence eau.",
     ["la loi NOTRe du 7 août 2015"]),
    ("Le décret n° 2017-779 du 5 mai 2017 précise les données des subventions.",
     ["le décret n° 2017-779 du 5 mai 2017"]),
    ("Rien n'a changé depuis la loi dite « CADA » de 1978 : toute administration doit répondre.",
     ["la loi dite « CADA » de 1978"]),
    ("Depuis 2016, la loi pour une République numérique a instauré de nouvelles obligations.",
     ["la loi pour une République numérique"]),
    ("En application du décret du 24 juillet 2019 et du code de l'urbanisme, la loi 3DS "
     "consacre le rôle des communes.",
     ["le décret du 24 juillet 2019", "le code de l'urbanisme", "la loi 3DS"]),
    # a text named by the one word of its object before its date
    ("Au sein des collectivités, l'expansion de l'IA est obstruée par le contrôle prévu par la "
     "loi de décentralisation du 2 mars 1982.",
     ["la loi de décentralisation du 2 mars 1982"]),
    # a name of two capitalised words, a capitalised adjective with its noun
    ("La loi Le Meur revoit les seuils du micro-BIC.", ["la loi Le Meur"]),
    ("La loi Grand âge reste attendue par les parlementaires.", ["la loi Grand âge"]),
    ("La loi Climat et Résilience fixe l'objectif.", ["la loi Climat et Résilience"]),
    # a preposition and its article between capitalised words, not before a lower-case one
    ("En plus du Règlement Général sur la Protection des Données qui s'applique à l'IA, un "
     "règlement européen a été adopté.",
     ["le règlement Général sur la Protection des Données"]),
    ("La loi Le Meur sur les meublés de tourisme renforce les maires.", ["la loi Le Meur"]),
    # a title in lower case after « relative à », « pour », « sur », up to its date
    ("Désormais, la loi relative à la transition énergétique pour la croissance verte de 2015, "
     "permet au maire de généraliser le 30 km/h.",
     ["la loi relative à la transition énergétique pour la croissance verte de 2015"]),
    ("La loi pour le plein emploi de décembre 2023 donne aux communes un rôle.",
     ["la loi pour le plein emploi de décembre 2023"]),
    # the acronym it is known by after its title: its date and that name (the dépôts sauvages
    # note's header gave « Loi AGEC ; … ; loi du 10 février 2020 », one law); not the
    # Journal officiel
    ("La loi du 10 février 2020 relative à la lutte contre le gaspillage et à l'économie "
     "circulaire (AGEC), complétée par des décrets, a apporté des nouveautés.",
     ["la loi du 10 février 2020, dite « AGEC »"]),
    ("La loi du 23 novembre 2018 portant évolution du logement (ELAN) le permet.",
     ["la loi du 23 novembre 2018, dite « ELAN »"]),
    ("Le décret du 11 décembre 2020 (JO) élargit la liste des agents.",
     ["le décret du 11 décembre 2020"]),
    # a head alone names no text; nor does a code whose name goes on in lower case
    ("La loi prévoit un calendrier ; l'arrêté préfectoral fixe les interdictions.", []),
    ("Le code de l'urbanisme précise ses grands principes.", []),
])
def test_the_texts_of_law_a_sentence_names(text, expected):
    from ianote_lib.fr.legal import legal_references

    assert legal_references(text) == expected


def test_a_paragraph_of_rules_that_shares_no_phrase_opens_on_the_texts_it_names():
    """Three decrees and laws, each of its own subject: no phrase comes back, but the texts
    are what the paragraph is about. They open it, and no title or recap takes them up."""
    rules = statements([
        "Le décret du 27 janvier 2012 impose aux services un rendement minimal.",
        "Le décret du 29 août 2023 a simplifié les procédures d'arrosage des espaces verts.",
        "La loi NOTRe du 7 août 2015 prévoyait le transfert de la compétence eau."])
    idea = paragraph_idea(rules, frozenset(), set(), ["regle"])
    assert idea is not None and idea.untitled and idea.function == "regle"
    assert opener_text(idea, 0, 1) == (
        "Le cadre applicable repose principalement sur le décret du 27 janvier 2012, le décret "
        "du 29 août 2023 et la loi NOTRe du 7 août 2015.")
    assert len(idea.source_ids) == 3
    # named as the note quotes them (a number the date already names goes)
    numbered = statements(["Le décret n° 2017-779 du 5 mai 2017 précise les données des "
                           "subventions.", "La loi 3DS consacre le rôle des communes."])
    assert paragraph_idea(numbered, frozenset(), set(), ["regle"]).phrase == (
        "le décret du 5 mai 2017 et la loi 3DS")
    openers = Openers(frozenset(), [(["regle"], idea)])
    idea.section = "I.A"
    assert openers.of_part("I") == []
    # one text is no list; two named by one sentence are no paragraph's idea
    one = statements(["Le décret du 27 janvier 2012 impose aux services un rendement minimal.",
                      "Les maires doivent afficher les arrêtés de restriction en mairie."])
    assert paragraph_idea(one, frozenset(), set(), ["regle"]) is None
    both = statements(["La loi NOTRe du 7 août 2015 modifie la loi du 3 août 2018.",
                       "Les maires doivent afficher les arrêtés de restriction en mairie."])
    assert paragraph_idea(both, frozenset(), set(), ["regle"]) is None


def test_a_mixed_paragraph_of_the_levers_opens_on_where_to_act():
    """A paragraph of the levers' sub-part whose sentences have no function in common (a
    benefit, a risk, a lever) opens as a lever's paragraph, not on « La question des logements
    retient principalement l'attention »."""
    mixed = statements([
        "La remise sur le marché des logements vacants permet de réduire la construction neuve.",
        "L'étalement urbain éloigne les logements des services et crée un risque d'isolement.",
        "Les logements vacants du centre-bourg représentent un gisement important."])
    idea = paragraph_idea(mixed, frozenset(), set(), ["levier", "exemple"])
    assert idea is not None and idea.function == "levier"
    assert opener_text(idea, 0, 1).startswith("L'action doit notamment porter sur les logements")
    assert paragraph_idea(mixed, frozenset(), set(), ["constat"]).function != "levier"


def test_a_paragraph_of_facts_or_rules_in_the_levers_opens_on_where_to_act():
    """Under « Les leviers d'une démarche de mise en conformité », a paragraph of rules opened
    on « Le cadre applicable porte principalement sur l'évaluation » and one of facts on « Le
    constat porte… »: in the levers' sub-part, what it tells it tells as where to act; a rule
    stays a rule where the sub-part asks for rules too."""
    rules = statements([
        "La déclaration d'accessibilité est le résultat d'une évaluation de la conformité du "
        "service à la norme de référence fixée par le décret.",
        "L'évaluation de la conformité est obligatoire et doit être publiée en application de "
        "la loi."])
    idea = paragraph_idea(rules, frozenset(), set(), ["levier"])
    assert idea is not None and idea.function == "levier"
    assert opener_text(idea, 0, 1).startswith("L'action doit notamment porter sur l'évaluation")
    assert paragraph_idea(rules, frozenset(), set(), ["levier", "regle"]).function == "regle"
    assert paragraph_idea(rules, frozenset(), set(), ["regle"]).function == "regle"


def test_a_phrase_cut_short_names_the_idea_already_opened():
    """« les produits biologiques » after « les produits bio »: one idea, opened once (the
    EGalim note had « Un premier constat porte sur les produits bio. » and « Un deuxième
    constat concerne les produits biologiques. »)."""
    texts = ["Les produits biologiques représentent 28 % des achats des cantines.",
             "Les produits biologiques coûtent en moyenne 20 % de plus à l'achat."]
    assert paragraph_idea(statements(texts), frozenset(), {"les produits bio"}) is None
    idea = paragraph_idea(statements(texts), frozenset(), {"les produits locaux"})
    assert idea is not None and idea.phrase == "les produits biologiques"


def test_one_text_of_law_is_named_once_by_its_fullest_form():
    from ianote_lib.fr.legal import distinct_texts, legal_references

    assert distinct_texts(["la loi EGAlim", "la loi Egalim", "la loi dite « EGAlim » du 30 "
                           "octobre 2018", "le décret du 5 mai 2017"]) == [
        "la loi dite « EGAlim » du 30 octobre 2018", "le décret du 5 mai 2017"]
    assert distinct_texts(["la loi de 2005", "l'ordonnance du 6 septembre 2023",
                           "la loi du 11 février 2005"]) == [
        "la loi du 11 février 2005", "l'ordonnance du 6 septembre 2023"]
    # (a number with the name it is known by, and that name)
    assert distinct_texts(legal_references(
        "La loi n° 2024-1039, dite « loi Le Meur », introduit un dispositif. La loi Le Meur du "
        "19 novembre 2024 renforce les outils des maires.")) == [
        "la loi n° 2024-1039, dite « loi Le Meur »"]
    # two decrees of two dates are two texts
    assert len(distinct_texts(["le décret du 27 janvier 2012", "le décret du 29 août 2023"])) == 2
    # a law by its acronym and by its date, when the dossier gives the one for the other
    assert distinct_texts(["la loi AGEC", "le Code de l'environnement", "le code de "
                           "l'environnement", "la loi du 10 février 2020"],
                          known=["la loi du 10 février 2020, dite « AGEC »"]) == [
        "la loi AGEC", "le Code de l'environnement"]
    # a text named by its date alone is the one the dossier names with that month and year
    # (the meublés note's header read « Loi n° 2024-1039, dite « loi Le Meur » ; loi de
    # novembre 2024 »); another month, or two texts of that month, leave it apart
    note = ["la loi n° 2024-1039, dite « loi Le Meur »", "la loi de novembre 2024"]
    assert distinct_texts(note, ["la loi Le Meur du 19 novembre 2024"]) == note[:1]
    assert distinct_texts(note) == note
    assert len(distinct_texts(["la loi 3DS", "la loi de juillet 2022"],
                              ["la loi 3DS du 21 février 2022"])) == 2
    assert len(distinct_texts(note, ["la loi Le Meur du 19 novembre 2024",
                                     "la loi ELAN du 23 novembre 2024"])) == 2


def test_the_header_references_the_texts_of_law_the_note_names():
    """« Références : dossier de 6 documents » said nothing of the decrees and laws the note
    relies on: the header lists them (four at most), in the order of the note, then the
    dossier."""
    from pathlib import Path

    from ianote_lib.fr.legal import distinct_texts, legal_references
    from ianote_lib.fr.parse import parse_table
    from ianote_lib.note.render import compose, header_markdown
    from ianote_lib.reading.dossier import load_dossier

    root = Path(__file__).resolve().parents[1]
    d = load_dossier(root / "tests" / "data" / "dossier_eau" / "dossier_eau.txt")
    comp = compose(d.sentences, d.documents, d.commande, sentence_parse=parse_table(d.sentences))
    said = " ".join(s.text for p in comp.note.paragraphs for s in p.sentences)
    texts = distinct_texts(legal_references(said))
    assert texts
    references = comp.note.header["references"]
    items = references.split("\u00a0; ")
    assert items[-1] == f"dossier de {d.documents['doc'].nunique()} documents"
    assert len(items) == min(len(texts), 4) + 1
    assert items[0][0].isupper()
    for item, text in zip(items, texts, strict=False):
        assert text.endswith(item[1:])
    assert references in header_markdown(comp.note)


def test_a_bodys_name_holds_no_idea_of_its_sentence():
    """The water note opened a paragraph on « l'environnement » and titled its legal frame
    « centré sur l'environnement et les interdictions »: one of its two sentences held the
    word only in « l'Institut national de recherche pour l'agriculture, l'alimentation et
    l'environnement (INRAE) ». A term its acronym spells stays an idea."""
    from ianote_lib.note.openers import idea_nouns

    study = ("Une étude de l'Institut national de recherche pour l'agriculture, l'alimentation "
             "et l'environnement (INRAE) estime qu'une hausse du prix réduit la consommation.")
    assert {"environnement", "agriculture", "alimentation", "institut"}.isdisjoint(
        idea_nouns(study))
    assert {"hausse", "prix", "consommation"} <= idea_nouns(study)
    assert {"espace", "naturel"} <= idea_nouns(
        "Les espaces naturels, agricoles et forestiers (NAF) reculent chaque année.")


def test_the_note_takes_a_forms_variants_in_turn():
    """(the accessibility note opened three sub-parts on « Le cadre applicable porte
    principalement sur… »)"""
    from collections import Counter

    used: Counter[str] = Counter()
    rules = [Idea(phrase, "regle", [], []) for phrase in
             ("les réclamations", "les manquements", "la conformité", "les sanctions")]
    texts = [opener_text(idea, 0, 1, used) for idea in rules]
    assert texts[0] == "Le cadre applicable porte principalement sur les réclamations."
    # (the next sub-parts tell the frame again, the « also » forms in turn)
    assert texts[1:] == ["Le cadre applicable concerne également les manquements.",
                         "Le droit applicable concerne aussi la conformité.",
                         "Le cadre applicable concerne également les sanctions."]
    # a sub-part's own ordinals stay whatever the note wrote before
    assert opener_text(Idea("le calendrier", "regle", [], []), 1, 3, used) in (
        "Le cadre applicable concerne également le calendrier.",
        "Le droit applicable concerne aussi le calendrier.")
