"""The anaphora rules (`note.anaphora.context_needs`) do not reject a sentence that names what it
speaks of: an institution written with its capital, a text named after « dite » or « relatif
à », an impersonal « il est possible » after an opening phrase, a list closed by « Enfin, »."""

from __future__ import annotations

import pytest

from ianote_lib.note.anaphora import completion, context_needs, unnamed_thing


def test_a_named_institution_or_text_needs_no_previous_sentence():
    for text in ["La loi dite « EGAlim » du 30 octobre 2018 a introduit de nouvelles obligations "
                 "pour la restauration collective.",
                 "Le décret relatif aux obligations d'accessibilité précise les sanctions.",
                 "L'Agence nationale de la sécurité des systèmes d'information (Anssi) met en "
                 "place un plan d'action.",
                 "Grâce à l'IA, il est en effet possible de diviser par quatre le nombre de "
                 "capteurs nécessaires.",
                 "Enfin, l'échange de photos de produits entre producteurs et chefs de cuisine "
                 "permet de connaître le calibrage.",
                 "Le service Achats met en place les outils nécessaires.",
                 "Le service « marchés publics » a étoffé son équipe depuis septembre 2019."]:
        assert context_needs(text) == [], text
    # the dossier says which one elsewhere, or the sentence has lost its subject
    for text in ["Le dispositif coûte 55 000 euros par an à la commune.",
                 # (which algorithm? the one the previous sentence named: « l'outil X »)
                 "L'algorithme permettant de travailler avec un faible nombre de données, il "
                 "peut s'adapter à la taille des réseaux de chaque collectivité.",
                 "Enfin sont plus ou moins agiles dans la manipulation de données brutes.",
                 "Enfin, cette initiative sera renforcée par la loi.",
                 # (which service? the heat note opened its state of play on it)
                 "Le service sera diffusé et communiqué à plus grande échelle au printemps "
                 "2026.",
                 # (which city? the article's, not the reader's: the cimetières note read
                 # « Ainsi, la Ville dispose d'un nouveau logiciel de gestion des cimetières… »)
                 "La Ville dispose d'un nouveau logiciel de gestion des cimetières.",
                 "La Métropole a lancé un appel à projets pour ses communes."]:
        assert context_needs(text), text
    assert context_needs("La Ville de Paris dispose d'un nouveau logiciel de gestion.") == []


def test_a_demonstrative_takes_the_noun_phrase_the_previous_sentence_says_it_with():
    from ianote_lib.note.completion import demonstrative_completion

    def completed(text: str, phrases: str) -> str | None:
        needs = context_needs(text)
        assert [n.kind for n in needs] == ["demonstrative"], text
        return demonstrative_completion(text, needs[0], phrases.split(" | "))

    previous = "le cadre | les missions de service public | les informations publiques | " \
        "les données publiques"
    assert completed("L'open data public consiste à assurer la mise à disposition de ces "
                     "données, en accès libre et gratuit.", previous) == (
        "L'open data public consiste à assurer la mise à disposition des données publiques, en "
        "accès libre et gratuit.")
    assert completed("Cette stratégie se fonde sur trois axes principaux.",
                     "la stratégie nationale | l'intelligence artificielle") == (
        "La stratégie nationale se fonde sur trois axes principaux.")
    assert completed("À ces données s'ajoutent les budgets.", previous).startswith(
        "Aux données publiques s'ajoutent")
    # nothing to complete: the demonstrative says which already, the previous sentence names
    # two such phrases or none of its number, a phrase that does not say which
    assert completed("La nature de ces données essentielles est fixée par décret.",
                     "les données essentielles | les conventions") is None
    assert completed("Ces données sont publiées chaque année.",
                     "les données publiques | les données personnelles") is None
    assert completed("Ces stratégies sont publiées chaque année.", "la stratégie nationale") is None
    assert completed("Ces principes doivent rassurer les utilisateurs.",
                     "les principes tels") is None
    assert completed("Le partenaire de ce programme DCANT est le département.",
                     "le programme national") is None


def test_a_subject_set_off_by_its_pronoun_is_set_against_the_sentence_before():
    # « X, elle, reste inchangée »: what changed is in the sentence before
    needs = context_needs("La vocation du référentiel général, elle, reste inchangée : rendre "
                          "les services numériques accessibles à tous.")
    assert [n.kind for n in needs] == ["contrastive"]
    assert context_needs("La commune, qui compte 6 800 habitants, a installé 42 capteurs.") == []


def test_the_same_code_is_the_one_the_sentence_before_names():
    needs = context_needs("L'utilisateur doit s'identifier en suivant les prescriptions de "
                          "l'article R112-9-1 du même code.")
    assert [(n.kind, n.noun) for n in needs] == [("demonstrative", "code")]
    assert context_needs("La même année, le code de l'environnement a été modifié.") == []


def test_the_last_named_stands_for_no_noun_of_its_own():
    """« ces derniers » points back with no noun; asking whether it names an actor the sentence
    before does not name must not fail on the noun it lacks (a held-out dossier's note died
    there: simplemma refuses an empty word)."""
    needs = context_needs("En revanche, ces derniers connaissent mal la loi de novembre 2024.")
    assert ("demonstrative", "") in [(n.kind, n.noun) for n in needs]
    assert unnamed_thing("Les élus locaux ont été interrogés.", needs) is False


def test_a_counted_set_is_the_one_the_sentence_before_names():
    # (the heat note concluded « D'une part, 18 arbres tiges et 8 arbrisseaux sont plantés dans
    # les trois cours », which courtyards left out)
    for text, noun in [("18 arbres tiges et 8 arbrisseaux sont plantés dans les trois cours.",
                        "cours"),
                       ("Les 17 postes LCZ représentent les espaces bâtis.", "postes"),
                       ("Ils ont été moins cités que les 3 autres familles.", "familles")]:
        assert ("definite", noun) in [(n.kind, n.noun) for n in context_needs(text)], text
    # what says which set follows it, or the sentence names it or what it belongs to before;
    # a share or a span of time is no set
    for text, noun in [("Parmi les 35 actions à engager, la cybersécurité vient en tête.",
                        "actions"),
                       ("Sur les 12 000 communes étudiées, 5 millions d'habitants sont exposés.",
                        "communes"),
                       ("La commune emploie les trois agents du standard à plein temps.",
                        "agents"),
                       ("Une convention lie la DINUM et le FIPHFP ; les 2 partenaires la "
                        "renouvellent.", "partenaires"),
                       ("En France, les deux tiers des logements ont un DPE médiocre.", "tiers"),
                       ("Les prix ont augmenté pendant les trois derniers mois.", "derniers")]:
        assert noun not in [n.noun for n in context_needs(text)], text


def test_the_same_procedure_is_the_one_the_sentence_before_tells():
    # (the open data note quoted « En réitérant la même procédure avec le nouveau contact, le
    # référent peut alors identifier… » among its levers, the procedure left out)
    needs = context_needs("En réitérant la même procédure avec le nouveau contact, le référent "
                          "peut alors identifier toutes les parties impliquées.")
    assert [n.kind for n in needs] == ["opening"]
    # a comparison says what the same is the same as
    assert context_needs("Les communes rurales appliquent la même méthode que les "
                         "agglomérations.") == []


def test_the_present_article_is_the_text_the_sentence_stands_in():
    # (the ZAN note quoted « Un décret en Conseil d'État fixe les conditions d'application du
    # présent article », which article left out); a detail after the main clause stays
    for text in ["Un décret en Conseil d'État fixe les conditions d'application du présent "
                 "article.",
                 "Les modalités d'application de la présente loi sont fixées par décret."]:
        assert [n.kind for n in context_needs(text)] == ["opening"], text
    assert context_needs("La commande publique participe aux objectifs de développement "
                         "durable, dans les conditions définies par le présent livre.") == []


def test_a_text_given_with_its_number_names_itself():
    """« Le décret n° 2017-779… », « La loi 3DS… » say which text they are (the open data note
    left out its subsidies' decree); « Le décret précise… » alone points back."""
    assert context_needs("Le décret n° 2017-779 du 5 mai 2017 précise les données essentielles "
                         "des subventions qui doivent être rendues publiques.") == []
    assert context_needs("La loi 3DS a consacré le rôle des communes dans l'adressage.") == []
    needs = context_needs("Le décret précise les données essentielles des subventions.")
    assert [(n.kind, n.noun) for n in needs] == [("definite", "décret")]


def test_a_demonstrative_with_a_number_points_back_and_a_span_of_time_does_not():
    """« Ces 4 axes sont déclinés en recommandations… » was told in the numérique note with no
    axis before it; « ces dix dernières années », « cette année » take nothing up."""
    needs = context_needs("Ces 4 axes sont déclinés en recommandations de premières actions.")
    assert [(n.kind, n.noun) for n in needs] == [("demonstrative", "axes")]
    assert [(n.kind, n.noun) for n in context_needs(
        "Ces deux types de contenu peuvent être un obstacle majeur.")] == [
        ("demonstrative", "types")]
    for text in ["Malgré une diminution ces dix dernières années, 20 000 ha sont consommés "
                 "chaque année.",
                 "Plus de 350 000 avis ont été recueillis ces 6 derniers mois.",
                 "Le règlement devrait être adopté à la fin de cette année."]:
        assert context_needs(text) == [], text


def test_a_span_of_time_without_its_number_and_a_pronominal_infinitive_need_nothing_before():
    """« Le nombre de caméras… a fortement augmenté ces dernières années » (the
    vidéoprotection dossier's state of play) and « Il est préconisé de s'appuyer sur… » (the
    cybersécurité dossier's lever) were refused as pointing back: a span of time counted back
    from the page takes nothing up, counted or not, and an impersonal passive does not change
    with the infinitive's pronoun. « Ce dernier », « ces derniers projets » still point back."""
    for text in ["Le nombre de caméras filmant la voie publique a fortement augmenté ces "
                 "dernières années à des fins de sécurité.",
                 "La construction de logements sociaux a nettement ralenti ces derniers mois.",
                 "Il est préconisé de s'appuyer sur les compétences d'un prestataire externe."]:
        assert context_needs(text) == [], text
    for text in ["Ce dernier a été adopté par le conseil municipal.",
                 "Ces derniers projets ont été adoptés par le conseil municipal."]:
        assert context_needs(text), text


def test_a_sentence_opening_on_mais_or_car_is_quoted_without_its_conjunction():
    """« Mais », « Or », « Car » tie a sentence to the one before it as « Toutefois » does:
    the note strips them and quotes the fact (« Mais la MRN a pu passer sous un certain
    seuil… »); « Et », « Donc » still point back, and a name that starts like one is no
    conjunction (« Orléans »)."""
    from ianote_lib.note.anaphora import leading_connectors

    for text in ["Mais les émissions ont pu passer sous un certain seuil trois années sur cinq.",
                 "Or, s'agissant des petites communes, les sommes exigées sont trop élevées.",
                 "Car les départs sont estimés à quatre assistantes maternelles sur dix."]:
        assert context_needs(text) == [], text
        assert leading_connectors().sub("", text)[:1].islower(), text
    assert context_needs("Et là, on touche aux limites de l'exercice.")
    assert leading_connectors().sub("", "Orléans a lancé un plan vélo.") == (
        "Orléans a lancé un plan vélo.")


def test_an_impersonal_il_in_any_tense_needs_nothing_before_and_a_personal_elle_does():
    """« À compter du 1er janvier 2024, il est créé une dotation… » (the communes nouvelles
    dossier's new dotation), « Intuitivement, il serait donc plus avisé de créer… », « il a
    été recensé 40 dispositifs » are impersonal; « Elle est nécessaire pour les communes »
    is not (what is impersonal after « il » is not after « elle »)."""
    for text in ["À compter du 1er janvier 2024, il est créé une dotation en faveur des "
                 "communes nouvelles.",
                 "Intuitivement, il serait donc plus avisé de créer une marque employeur à une "
                 "échelle plus large.",
                 "En 2015, il a été recensé 40 dispositifs intercommunaux de police municipale.",
                 "Il serait préférable de mutualiser les moyens des communes."]:
        assert context_needs(text) == [], text
    for text in ["Elle est nécessaire pour les communes rurales.",
                 "Elle serait plus utile aux communes rurales.",
                 "En 2020, il a été élu maire de la commune."]:
        assert context_needs(text), text


def test_a_demonstrative_the_note_does_not_quote_points_back_to_nothing():
    """A demonstrative in an aside that compression drops, or in a date relative to the
    article's day, is not in the sentence the note writes: the incendies dossier's definition
    of the obligation (« …50 mètres (avec la possibilité pour le maire d'étendre cette
    obligation à 100 mètres), prévu par l'article L. 134-6… ») was refused as pointing back."""
    for text in ["Le débroussaillement autour des maisons sur une profondeur de 50 mètres "
                 "(avec la possibilité pour le maire d'étendre cette obligation à 100 mètres), "
                 "prévu par l'article L. 134-6 du code forestier, protège les habitations.",
                 "Le contrat de délégation, établi pour une durée de 25 ans, a été signé ce "
                 "lundi 6 janvier."]:
        assert context_needs(text) == [], text
    # (in what the note quotes, it still points back)
    needs = context_needs("Les propriétaires doivent respecter cette obligation autour des "
                          "constructions de la commune.")
    assert [(n.kind, n.noun) for n in needs] == [("demonstrative", "obligation")]


def test_a_day_a_purpose_or_a_word_of_its_family_the_sentence_tells_needs_nothing_before():
    """The held-out eau et assainissement and gens du voyage dossiers lost what their notes
    had to say of the law of 2025 and of the mayor's police to demonstratives that point to
    nothing before them: a day told by « ce » (« …promulguée ce 12 avril 2025 », quoted « le
    12 avril 2025 »), a place set apart « à cet effet » for what the sentence tells, a noun of
    the family of a verb before it (« …n'ont pas encore transféré… procéder à ce transfert »),
    and a law named by its title (« La loi visant à assouplir… »)."""
    from ianote_lib.note.text import compress

    for text in ["La loi visant à assouplir la gestion des compétences « eau » et "
                 "« assainissement » a été promulguée ce 12 avril 2025.",
                 "Concrètement, les communes qui n'ont pas encore transféré les compétences "
                 "« eau » et « assainissement » ne seront plus obligées de procéder à ce "
                 "transfert au 1er janvier 2026.",
                 "La loi du 5 juillet 2000 attribue au maire le pouvoir d'interdire le "
                 "stationnement des résidences mobiles en dehors des aires et terrains "
                 "aménagés à cet effet."]:
        assert context_needs(text) == [], text
    assert "promulguée le 12 avril 2025" in compress(
        "La loi a été promulguée ce 12 avril 2025.")
    # (an act done for a purpose the sentence before told; a noun of another family; a law
    # with nothing that names it)
    for text, need in [("L'État mobilise 3 milliards d'euros à cet effet.", "effet"),
                       ("Les communes ont transféré leurs agents à cette structure.",
                        "structure"),
                       ("Ce transfert des compétences est prévu par la loi depuis 2015.",
                        "transfert")]:
        assert [n.noun for n in context_needs(text)] == [need], text
    assert [n.noun for n in context_needs("La loi précise aussi les études possibles.")] == [
        "loi"]


def test_a_demonstrative_on_the_dossier_s_subject_is_made_definite():
    """« Cette tarification incitative, payée en fonction de la quantité…, permet de réduire de
    30 % en moyenne les ordures ménagères » (the tarification dossier's key result) opens its
    paragraph: the phrase a third of the documents name is the dossier's subject, the one it
    stands for; a phrase few documents name says which no more."""
    from ianote_lib.note.completion import subject_completion

    documents = {1: "La tarification incitative réduit les déchets.",
                 2: "La TEOM incitative et la tarification incitative.",
                 3: "Une tarification incitative a été votée.", 4: "La collecte des bacs.",
                 5: "Les dépôts sauvages.", 6: "Cette redevance spéciale."}
    text = ("Cette tarification incitative, payée en fonction de la quantité d'ordures, permet "
            "de réduire de 30 % les ordures ménagères.")
    needs = context_needs(text)
    assert subject_completion(text, needs[0], documents) == (
        "La tarification incitative, payée en fonction de la quantité d'ordures, permet de "
        "réduire de 30 % les ordures ménagères.")
    text = "Le succès de cette tarification incitative dépend des habitants du territoire."
    assert subject_completion(text, context_needs(text)[0], documents) == (
        "Le succès de la tarification incitative dépend des habitants du territoire.")
    text = "Cette redevance spéciale s'applique aux professionnels de la commune."
    assert subject_completion(text, context_needs(text)[0], documents) is None


def test_what_belongs_to_one_thing_points_back_and_so_does_an_actor_after_an_apposition():
    """A jury found the ZAN and open data notes telling « L'impact principal porte sur… »,
    « L'investigation a permis de confirmer… », « Le producteur voit… » and « Service aval de l'Observatoire…, le
    service numérique s'appuie… » with nothing before them that said whose impact, which
    investigation or which service: such a definite noun points back (`style.yaml
    actor_nouns`), after an apposition the sentence opens on too; with its complement, or a
    name after the apposition, it does not."""
    for text, noun in (
            ("L'impact principal porte sur la remise sur le marché des logements vacants.",
             "impact"),
            ("L'investigation a permis de confirmer les facteurs de la reconversion.",
             "investigation"),
            ("Le producteur voit aussi sa logistique simplifiée par une tournée unique.",
             "producteur"),
            ("Service aval de l'Observatoire de l'Artificialisation des Sols, le service "
             "numérique s'appuie sur les données de référence.", "service")):
        assert [(n.kind, n.noun) for n in context_needs(text)] == [("definite", noun)], text
    for text in ("L'impact de la loi sur les budgets des communes est fort.",
                 "La démarche proposée par l'ONF s'appuie sur une méthodologie pointue.",
                 "En application de l'article L 134-7 du Code forestier, le maire est "
                 "responsable du contrôle.",
                 "Lauréat d'un appel à projets de l'agence de l'eau, Dinan Agglomération a "
                 "expérimenté l'infiltration des eaux de pluie."):
        assert not context_needs(text), text


def test_an_actor_after_a_complement_of_time_or_a_connector_points_back_too():
    """« Depuis sa création, le service connaît… » was told in the rénovation note far from
    the service its document named; « Sont concernés les bâtiments… » and « Les 3 autres
    familles d'irritants… » take up what the sentence before them told. A text or a body that
    names itself (« la loi pour une République numérique », « le gouvernement ») does not."""
    cases = {
        "Depuis sa création, le service connaît un fort développement.": ("definite", "service"),
        "En 2020, le dispositif a permis de former 300 agents.": ("definite", "dispositif"),
        "En outre, la loi marque la fin de l'expansion urbaine.": ("definite", "loi"),
        "Sont concernés les bâtiments dont la superficie est supérieure à 1 000 m2.":
            ("opening", ""),
        "Les 3 autres familles d'irritants ont été moins citées.": ("opening", ""),
        "Pour atteindre les objectifs du dispositif, il est possible d'engager des travaux.":
            ("definite", "dispositif"),
        "L'objectif : créer une solution de candidature réutilisable.": ("opening", ""),
        "L'objectif est de leur expliquer l'importance de la saisonnalité.": ("opening", ""),
        "Les objectifs sont de -40 % en 2030, -50 % en 2040 et -60 % en 2050.": ("opening", ""),
        # complementary to what the sentence before told (the water note quoted it alone)
        "Le traitement complémentaire par ultraviolets a coûté 1,8 million d'euros.":
            ("opening", ""),
        # (the care note opened on the first; « Parmi elles » takes up the bodies just named)
        "Au total, la structure a déjà réalisé 170 000 consultations.": ("definite", "structure"),
        "Le centre a ouvert ses portes en 2023.": ("definite", "centre"),
        "Parmi elles, les communes ont certaines compétences en matière de santé.":
            ("opening", ""),
    }
    for text, need in cases.items():
        assert [(n.kind, n.noun) for n in context_needs(text)] == [need], text
    needs = context_needs("Depuis sa création, le service connaît un fort développement.")
    assert completion("Depuis sa création, le service connaît un fort développement.",
                      needs[0], "Le service de Dinan Agglomération est né en 2017.") == (
        "Depuis sa création, le service de Dinan Agglomération connaît un fort développement.")
    assert completion("Depuis sa création, le service connaît un fort développement.",
                      needs[0], "Il s'appuie sur le service de Conseil en Energie Partagé.") == (
        "Depuis sa création, le service de Conseil en Energie Partagé connaît un fort "
        "développement.")
    for text in ["Depuis 2016, la loi pour une République numérique a instauré des obligations.",
                 "En avril 2023, la plateforme data.gouv.fr comptait 45 000 jeux de données.",
                 "En 2018, le gouvernement français a lancé une stratégie nationale.",
                 "Le gouvernement s'est engagé en faveur d'une transition numérique.",
                 "En 2020, le dispositif Éco Énergie Tertiaire a été précisé.",
                 "Les autorités sont concernées par le texte.",
                 "L'objectif de la loi est de réduire le gaspillage.",
                 "Un traitement complémentaire par ultraviolets a coûté 1,8 million d'euros."]:
        assert context_needs(text) == [], text


def test_a_figure_that_points_back_is_told_after_the_sentence_it_needs():
    """« Les objectifs sont de -40 % en 2030… » needs « Le dispositif Éco Énergie Tertiaire
    est une obligation réglementaire… » before it: when the note tells that one alone, the
    figure follows it in the same statement, never left out nor told elsewhere."""
    from pathlib import Path

    from ianote_lib.figures.extraction import extract_figures
    from ianote_lib.fr.parse import parse_table
    from ianote_lib.note import built_plan
    from ianote_lib.note.render import compose
    from ianote_lib.reading.dossier import load_dossier

    d = load_dossier(Path(__file__).resolve().parents[1] / "benchmarks" / "dossiers" /
                     "renovation_energetique_batiments_publics" / "dossier.txt")
    def sid(start: str) -> str:
        return d.sentences.loc[d.sentences["text"].str.startswith(start), "sentence_id"].iloc[0]

    rule = sid("Le dispositif Éco Énergie Tertiaire est une obligation")
    targets = sid("Les objectifs sont de -40% en 2030")
    figures, parse = extract_figures(d.sentences), parse_table(d.sentences)
    told = []
    try:
        for k in range(4):
            built_plan.TOPIC_SEED = 7919 * k
            comp = compose(d.sentences, d.documents, d.commande, figures=figures,
                           sentence_parse=parse, plan="default", date="2026-12-05")
            for s in (s for p in comp.note.paragraphs for s in p.sentences):
                # (the sentence as a statement's, not a main point's nor a name's source)
                if (s.source_ids[:1] == [rule] and "obligation réglementaire" in s.text
                        and not s.text.startswith(("D'une part", "D'autre"))):
                    told.append(s)
                    assert targets in s.source_ids, s.text
                    assert "-40\u00a0% en 2030" in s.text
    finally:
        built_plan.TOPIC_SEED = 0
    assert told


def test_a_project_or_a_charter_named_by_its_demonstrative_is_one_the_sentence_before_names():
    """The EGalim note followed « La restauration collective est un levier puissant… » with the
    sentence after it in its document, « Ce projet s'inscrit dans le cadre du Programme National
    de l'Alimentation… », whose project that sentence does not name; « cette approche » may
    stand for what the sentence before says."""
    from ianote_lib.note.anaphora import unnamed_thing

    lever = ("La restauration collective est un levier puissant pour faire évoluer les pratiques "
             "alimentaires.")
    project = ("Ce projet s'inscrit dans le cadre du Programme National de l'Alimentation, piloté "
               "par le Ministère en charge de l'Agriculture.")
    assert unnamed_thing(lever, context_needs(project))
    assert not unnamed_thing("Le projet de la ville associe les cantines pilotes de la commune.",
                             context_needs(project))
    charter = ("Enfin, les éditeurs de solutions informatiques sont invités à rejoindre cette "
               "mobilisation en souscrivant à cette charte.")
    assert unnamed_thing("Les associations d'élus s'engagent à promouvoir FranceConnect.",
                         context_needs(charter))
    assert not unnamed_thing(lever, context_needs(
        "Cette approche suppose de former les cuisiniers de chaque établissement."))
    # a quantity stands for a figure: the bornes note quoted « La CRE… considère qu'un tel taux
    # « se justifie… » » after a condition of eligibility that gives none
    rate = ("La Commission de régulation de l'énergie considère qu'un tel taux se justifie dans "
            "la phase de démarrage de la filière.")
    assert unnamed_thing("L'implantation des bornes s'inscrit dans les objectifs publiés par la "
                         "collectivité.", context_needs(rate))
    assert not unnamed_thing("Le texte porte la prise en charge à hauteur de 75 % des coûts de "
                             "raccordement.", context_needs(rate))


def test_c_est_stands_for_what_the_sentence_before_says_unless_it_sets_off_a_complement():
    """The rénovation note quoted « C'est un poste qu'il est possible de réduire… » alone, whose
    pronoun stands for the commune's energy budget the sentence before it names; a cleft on a
    complement names what it speaks of."""
    for text in ["C'est un poste conséquent qu'il est possible de réduire en augmentant "
                 "l'efficacité énergétique des bâtiments publics.",
                 "Ce sont des projets concrets de simplification des démarches des usagers.",
                 "C'est aussi le moment de changer de mode de chauffage pour une solution moins "
                 "émettrice."]:
        assert context_needs(text), text
    assert context_needs("C'est en zone B1 que l'euro investi serait le plus efficace pour "
                         "la construction.") == []


@pytest.mark.parametrize("text", [
    "Au total, ce sont 2 Mds€ que l'État investit en 2025 au titre de ses dotations "
    "d'investissement.",
    "En France, ce sont en moyenne 23 000 hectares de terres agricoles ou naturelles qui sont "
    "urbanisés chaque année.",
    "Au total, ce sont près de 100 000 structures de restauration collective, publiques ou "
    "privées, qui distribuent plus de 3,5 milliards de repas par an.",
    "Finalement, c'est le manque de moyens des collectivités territoriales qui semble être le "
    "principal frein au développement de l'IA.",
    "C'est Dinan Agglomération qui porte le service de conseil en énergie partagé depuis 2017.",
])
def test_a_cleft_on_a_figure_a_name_or_a_noun_with_its_complement_names_its_own(text):
    """« Au total, ce sont 2 Mds€ que l'État investit… » was refused as pointing back (its
    « ce » read as a demonstrative before « sont »): a cleft sets off what it speaks of; the
    biowaste and rénovation notes lost the State's investment, the ZAN note the hectares."""
    assert context_needs(text) == []


@pytest.mark.parametrize("text", [
    "C'est le cas de nombreuses communes qui ont adopté un plan de sobriété foncière.",
    "C'est l'un des enjeux majeurs de la transition écologique qui se posent aux communes.",
    "En effet, ce sont les seules capables d'absorber les pertes liées à leur utilisation.",
    "En 2023, c'est une hausse de 10 % des dépenses des communes rurales du département.",
    # a relative that opens the sentence counts what the sentence before names
    "Dont 59 % parmi les collectivités classées en montagne mais seulement 34 % parmi celles du "
    "littoral.",
    # (an adverb between them does not make a cleft on a complement)
    "C'est en tout cas le souhait que porte le collectif des « 150.000 en 2030 », créé par 12 "
    "entreprises et associations de l'habitat partagé.",
])
def test_a_presentative_on_a_noun_that_takes_up_a_fact_still_points_back(text):
    assert context_needs(text), text


def test_a_quotation_alone_needs_its_speaker():
    """The numérique note quoted « « Ouvrir les données et les utiliser, c'est donner le moyen…
    » » alone, in another sub-part than « Stéphanie Schaer a insisté sur le rôle crucial des
    données… », the sentence that names its speaker; a quotation the sentence attributes stands
    alone."""
    assert context_needs("« Ouvrir les données et les utiliser, c'est donner le moyen à l'État "
                         "d'être plus efficace dans son action. »")
    assert context_needs("« Coconstruction, participation et collaboration » sont pour Atte "
                         "Oksannen les trois mots qui résument le programme.") == []


@pytest.mark.parametrize("text", [
    "Une première liste d'habitants pratiquants ou intéressés en ressortait après les réunions.",
    "Les opérateurs participant à la co-construction du registre de preuve sont, quant à eux, "
    "majoritairement des acteurs français.",
])
def test_what_comes_out_of_or_sets_itself_against_a_previous_sentence_points_back(text):
    """The held-out mobility note quoted both alone: « en ressortait » (out of the meetings
    the sentence before tells), « quant à eux » (against the platforms it names)."""
    assert context_needs(text)


def test_a_quantity_that_says_not_of_what_points_back():
    """The incendies note quoted « Un certain nombre doivent être élaborés par la commune ou
    nécessitent son avis » alone; a quantity that names its set stands alone."""
    for text in ["Un certain nombre doivent être élaborés par la commune ou nécessitent son avis.",
                 "Dans le département, la plupart sont gérés en régie par les communes.",
                 "Beaucoup ont réaffecté des équipements existants à leur nouvel ossuaire.",
                 "Aucun ne peut être désigné comme interlocuteur privilégié pour la commune.",
                 "D'autres restent fermées tout l'hiver faute de personnel qualifié.",
                 "Une d'elles est une personne âgée, habitante de Péronne.",
                 "Chacune d'entre elles dispose d'un columbarium et d'un jardin du souvenir."]:
        assert context_needs(text), text
    for text in ["Un certain nombre de communes doivent élaborer un plan de sauvegarde.",
                 "La quasi-totalité (95 %) des élus répondants connaissent les hébergements.",
                 "La plupart des piscines appartiennent aux communes et à leurs groupements.",
                 "Plusieurs communes ont adopté des systèmes d'alerte par SMS pour les habitants.",
                 "Aucun outil ne met en lumière les impacts des projets sur le foncier.",
                 "Certains élus ont été contraints de prendre des mesures pour alerter l'État."]:
        assert context_needs(text) == [], text


def test_a_pronoun_for_a_noun_or_since_alone_points_back():
    """The cimetières note quoted « Celui de la commune de Valleroy dispose… », « …celles
    relatives à la nature du produit complètent… » and « Depuis, face à une demande
    régulière, la municipalité a dû… » without what they stand for; the incendies note, a
    place told from the one before (« Non loin de là… ») and a quotation on « c'est »."""
    for text in ["Celui de la commune de Valleroy dispose depuis 1998 d'un columbarium.",
                 "Non loin de là, 50 hectares de forêt ont brûlé mi-août au Ménil.",
                 "Plus à l'Est, 1.000 hectares ont brûlé dans le Jura, près du lac de Vouglans.",
                 "« C'est inédit dans les Vosges », affirmait le secrétaire général de la "
                 "préfecture.",
                 "En revanche, celles relatives aux concessions perpétuelles demeurent longues.",
                 "Depuis, la baisse est continue, avec 19 % en 2008 et 15 % en 2018."]:
        assert context_needs(text), text
    for text in ["Ceux qui ne possèdent pas d'ordinateur reçoivent les conseils des agents.",
                 "Depuis 2019, les prêts ont doublé dans les communes de moins de 2 000 "
                 "habitants."]:
        assert context_needs(text) == [], text


@pytest.mark.parametrize("text", [
    "Il s'agit de l'un des objectifs de la nouvelle compétence de gestion des milieux "
    "aquatiques.",
    "Il s'agit d'un levier indispensable pour contribuer à l'adaptation des territoires.",
    "La stratégie est de lancer une expérimentation sur un à deux départements sur 6 mois.",
    "L'objectif n'est pas nécessairement hautement ambitieux.",
    "La gestion intégrée de l'eau, des milieux aquatiques et des risques liés à l'eau est visée.",
    "Plusieurs milliers d'entités réparties sur 18 secteurs d'activité seront concernés."])
def test_a_presentation_an_aim_or_a_passive_without_its_agent_points_back(text):
    """« Il s'agit de… » presents what the sentence before named; « La stratégie est de… » is
    someone's; « …est visée. » by what the sentence before told."""
    assert context_needs(text), text


@pytest.mark.parametrize("text", [
    "La stratégie nationale pour l'eau est dotée de 1,5 milliard d'euros.",
    "Les communes de plus de 3 500 habitants sont concernées par la loi.",
    "Il faut protéger la masse d'eau qui est ciblée."])
def test_an_aim_named_or_a_passive_with_its_agent_names_its_own(text):
    assert context_needs(text) == [], text


def test_ainsi_que_compares_and_opens_on_no_connector():
    from ianote_lib.note.anaphora import leading_connectors

    text = ("Ainsi que l'a rappelé la direction générale entendue par les rapporteurs, « la "
            "bonne connaissance de l'aléa constitue l'un des piliers de la politique publique ».")
    assert leading_connectors().sub("", text) == text
    assert leading_connectors().sub("", "Ainsi, la commune a créé un service.") == (
        "la commune a créé un service.")


def test_a_levy_or_a_fund_its_title_names_completes_its_demonstrative():
    """A page on « la taxe Gemapi » or « Le fonds Barnier » then says « cette taxe », « ce
    fonds »: the note names it with its title's words instead of dropping the sentence."""
    from ianote_lib.note.completion import title_completion

    text = ("Un nombre toujours croissant d'EPCI continue de déployer cette taxe pour la "
            "gestion des milieux aquatiques.")
    need, = context_needs(text)
    assert title_completion(text, need, "Plus de la moitié des EPCI prélève désormais la taxe "
                                        "Gemapi") == (
        "Un nombre toujours croissant d'EPCI continue de déployer la taxe Gemapi pour la "
        "gestion des milieux aquatiques.")
    text = "Ce fonds peut être mobilisé par les collectivités territoriales."
    need, = context_needs(text)
    assert title_completion(text, need, "Le fonds Barnier") == (
        "Le fonds Barnier peut être mobilisé par les collectivités territoriales.")


@pytest.mark.parametrize("text", [
    # the reading note told « Selon Ali Boukacem, il est aussi le symbole de l'émancipation »
    "« Il est aussi le symbole de l'émancipation et de la transformation sociale », précise "
    "Ali Boukacem.",
    "Elle est également employée dans la création des deepfakes.",
    "« Son action est reconnue par les habitants », estime le maire.",
    # a definite abstract noun with nothing that says of what: the sports note opened
    # « L'état du parc » on the first (which problem, two thirds of what?)
    "Le problème est d'autant plus criant que près des deux tiers ont plus de 30 ans.",
    "La baisse se fait ressentir plus fortement chez les titulaires du bac.",
    "Le mouvement a cependant été inégal selon les régions.",
    "En matière de sécurité routière, la tendance est même globalement inverse.",
    # a subject pronoun after a circumstance, whatever the circumstance names: the reading
    # note quoted « En échec face aux démarches en ligne…, il est orienté vers une
    # bibliothèque » (who is?)
    "En échec face aux démarches en ligne de recherche d'emploi dans un job center, il est "
    "orienté vers une bibliothèque municipale.",
    "Dans le cadre du contrat signé avec la métropole, elle finance les travaux.",
    # a judgement without a verb before what it opposes, on what the sentence before told;
    # a cause of what it told; « pour se faire », the spelling of « pour ce faire » the
    # charging stations dossier kept
    "Une somme toujours trop élevée, mais bien moins importante que les 100 milliards.",
    "En cause, selon les sénateurs : la complexité du système.",
    "Pour se faire, le syndicat a déployé 186 bornes de recharge depuis 2016.",
    # a speaker given by a pronoun after the quotation (the parking note quoted « « Les
    # communes ont très majoritairement fait le choix… », soulignent-ils »)
    "« Les communes ont très majoritairement fait le choix de ne pas augmenter le coût du "
    "stationnement », soulignent-ils.",
])
def test_a_pronoun_in_a_quote_or_an_abstract_noun_alone_points_back(text):
    assert context_needs(text), text


@pytest.mark.parametrize("text", [
    "Il est donc possible de produire un rapport plus fréquemment.",
    "Il est également possible d'obtenir des certifications spécifiques.",
    "Il est donc proposé d'identifier les aires de covoiturage.",
    # (a sentence whose subject has its verb before « mais »)
    "Des communes ont signé des chartes, mais peu les appliquent.",
    "Des communes rurales signent des conventions, car la loi impose un schéma.",
    "Une aide à la caractérisation des logements vacants est prévue par le programme.",
    # (an impersonal passive after a circumstance)
    "Lors d'échanges avec des élus du territoire, il a été relevé un manque d'aires de "
    "covoiturage.",
    "« Les communes doivent ouvrir leurs bibliothèques le dimanche », estime le maire de "
        "Rosporden.",
    "La baisse des dotations pèse sur les communes rurales.",
    "Le problème des friches est connu des élus.",
    "La situation financière des communes se dégrade depuis 2020.",
    # « tel » in a locution, or taking up what the sentence names or describes itself (the
    # care dossier's « de telles structures, créées par la loi… »)
    "Les opérations sont réalisées de telle sorte qu'elles ne visualisent pas les immeubles.",
    "Nombreux sont les élus qui mettent en place de telles structures, créées par la loi de "
    "financement de la sécurité sociale pour 2008 afin de développer des soins de proximité.",
    "L'avis d'appel à la concurrence ou, en l'absence d'un tel avis, les documents de la "
    "consultation renvoient à l'article L. 2113-12.",
    "Les outils tels que les agents conversationnels sont utiles aux communes.",
])
def test_an_impersonal_il_a_quoted_subject_or_a_named_thing_is_self_contained(text):
    assert not context_needs(text), text


def test_a_judgement_before_its_reason_goes_and_the_reason_stands():
    """The charging stations note could not quote « Des chiffres à relativiser, car selon une
    étude…, 39 % du parc ne fonctionne pas en permanence » (the judgement points back), nor the
    parking note « Un répit de courte durée, car en 2020 les dossiers ont à nouveau explosé »:
    the reason is a fact of its own."""
    from ianote_lib.note.candidates import statement_text

    for text, fact in [
            ("Des chiffres à relativiser, car selon une étude publiée en 2023, 39 % du parc ne "
             "fonctionne pas.", "Selon une étude publiée en 2023, 39 % du parc ne fonctionne "
                                "pas."),
            ("Un répit de courte durée, car en 2020 les dossiers ont à nouveau explosé.",
             "En 2020 les dossiers ont à nouveau explosé."),
            ("Un montant conséquent mais pas vraiment dissuasif puisqu'en quatre ans, le nombre "
             "de contraventions est resté stable.",
             "En quatre ans, le nombre de contraventions est resté stable.")]:
        assert statement_text(text) == fact and not context_needs(fact)
    # (a sentence with a verb before its « car » keeps it)
    text = "Des communes rurales signent des conventions, car la loi impose un schéma."
    assert statement_text(text) == text


def test_a_term_a_demonstrative_quotes_is_what_the_sentence_before_told():
    """« Cette « note de recommandations » intervient… » follows « La Cnil a rendu publiques
    ses recommandations… » in the parking dossier: the quoted term names, in its writer's own
    words, what the sentence before told, whatever noun it holds."""
    from ianote_lib.note.anaphora import resolvable_by

    needs = context_needs("Cette « note de recommandations » intervient un an après la "
                          "réforme du stationnement payant.")
    assert [n.kind for n in needs] == ["demonstrative"]
    assert resolvable_by({"clean": "La Cnil a rendu publiques ses recommandations sur la "
                                   "réforme du stationnement."}, needs[0])


def test_one_more_of_a_series_loses_its_label_and_the_fact_stands():
    """The participation note quoted « Autre constat du rapport, si les budgets participatifs
    se sont fortement développés…, ils n'attirent encore qu'une partie marginale… »: one more
    of findings it does not quote. A label with a verb, or with no sentence after it, stays."""
    from ianote_lib.note.candidates import statement_text

    for text, fact in [
            ("Autre constat du rapport, si les budgets participatifs se sont fortement "
             "développés, ils n'attirent encore qu'une partie marginale de la population.",
             "Si les budgets participatifs se sont fortement développés, ils n'attirent encore "
             "qu'une partie marginale de la population."),
            ("Autre nouveauté, il est désormais imposé de rendre compte en ligne du niveau "
             "d'accessibilité d'un service.", "Il est désormais imposé de rendre compte en ligne "
                                              "du niveau d'accessibilité d'un service.")]:
        assert statement_text(text) == fact and not context_needs(fact)
    for text in ["Autre source de tensions, les systèmes d'IA interdits par le règlement.",
                 "Une autre étude publiée en 2021, que la presse a relayée, confirme ces "
                 "chiffres."]:
        assert statement_text(text) == text


def test_a_concession_to_the_sentence_before_is_stripped():
    """« Reste que sur 2018, on recense 8100 établissements… » opened the reading note."""
    from ianote_lib.note.anaphora import leading_connectors

    assert leading_connectors().sub("", "Reste que sur 2018, on recense 8100 établissements de "
                                        "lecture publique.") == (
        "sur 2018, on recense 8100 établissements de lecture publique.")
    assert leading_connectors().sub("", "Toujours est-il que les communes manquent de "
                                        "moyens.") == "les communes manquent de moyens."
    # a summary of what the article said before (« En deux mots : en 2018, l'État… », the
    # logement social note)
    assert leading_connectors().sub("", "En deux mots : en 2018, l'État envisageait de réduire "
                                        "l'APL.") == "en 2018, l'État envisageait de réduire l'APL."
    assert leading_connectors().sub("", "En clair, les habitudes ont changé.") == (
        "les habitudes ont changé.")


@pytest.mark.parametrize("text, noun", [
    # the reading note quoted both without what « tel » takes up
    ("L'élaboration d'un tel schéma n'est obligatoire que pour les EPCI ayant fait de la lecture "
     "publique une politique d'intérêt communautaire.", "schéma"),
    ("Les partenariats avec les organismes culturels doivent faire l'objet d'une telle "
     "présentation.", "présentation"),
    ("Nombreux sont les élus qui mettent en place de telles structures.", "structures"),
])
def test_such_a_thing_points_back(text, noun):
    assert [(n.kind, n.noun) for n in context_needs(text)] == [("demonstrative", noun)]


@pytest.mark.parametrize("text", [
    # the attractivité note quoted them alone: concerned by what, set against which part,
    # not going as far as what (the sentence before told)
    "La gestion des ressources ou les métiers du social sont par exemple concernés.",
    "Les communes rurales sont particulièrement touchées.",
    "Les bénéfices psychologiques, pour leur part, sont liés aux sentiments d'appartenance et "
    "de contrôle.",
    "Sans aller jusque-là, toutes les collectivités comptent dans leurs rangs des contractuels.",
    # (the tarification note quoted both alone)
    "Elle reste malgré tout délicate à mettre en œuvre, à percevoir et comporte des risques.",
    "La mise en place dans la ville préfecture a été retardée par la crise sanitaire.",
])
def test_a_part_a_degree_or_a_passive_without_agent_points_back(text):
    assert [n.kind for n in context_needs(text)] in (["opening"], ["pronoun"])


@pytest.mark.parametrize("text", [
    "Les communes touchées par la sécheresse reçoivent une aide de l'État.",
    "Les agents concernés par la réforme sont 1 200.",
    "Pour leur part, les départements financent la prévention.",
    "Il reste malgré tout délicat de mettre en œuvre la redevance.",
    "La ville-centre de l'agglomération de Guéret a retardé la mise en place.",
])
def test_a_passive_with_its_agent_or_a_part_that_opens_the_sentence_stands_alone(text):
    assert not [n for n in context_needs(text) if n.kind == "opening"], text


def test_a_category_that_the_sentence_only_identifies_is_not_generalised():
    """« Ces agents, ce sont les secrétaires de mairie » became « Les agents concernés, ce
    sont les secrétaires de mairie », a main point of the attractivité conclusion: which
    agents, only the sentence before said."""
    from ianote_lib.note.evidence import concerned_category

    text = "Ces agents, ce sont les secrétaires de mairie."
    assert concerned_category(text, context_needs(text), "Ces agents", "ils") is None
    text = "Ces agents doivent suivre une formation de deux jours."
    assert concerned_category(text, context_needs(text), "Ces agents", "ils") == (
        "Les agents concernés doivent suivre une formation de deux jours.")


@pytest.mark.parametrize("text, kind", [
    # the reading and mobility notes quoted these alone
    ("Désormais, leurs missions et les principes qui les régissent sont clairement posés par "
     "la loi du 21 décembre 2021.", "possessive"),
    ("D'ici à 2030, leur nombre aura augmenté de 49 % par rapport à 2020.", "possessive"),
    ("Celles qui ne le pratiquaient pas n'avaient pas le temps de l'organiser.", "opening"),
    ("Au delà des possibilités offertes par des expérimentations, il s'agissait de la "
     "principale mesure pouvant être prise par une collectivité.", "opening"),
    ("Ce qui revient, soulignent les rapporteures, à « revenir sur un siècle d'urbanisme ».",
     "opening"),
    ("Michel Loussouarn ajoute qu'ouvrir ce jour-là renforce le rayonnement de la "
     "médiathèque.", "opening"),
    # (the mosquito note: a round count of the traps the sentence before named)
    ("Une centaine sont désormais installées à des endroits stratégiques de la ville.",
     "opening"),
    ("Tout s'est toujours bien passé et il n'y a pas vraiment de problème.", "opening"),
    ("Le législateur a renforcé l'arsenal pénal à leur encontre.", "opening"),
    # (the attractivité note)
    ("La marque employeur serait alors trop éloignée de la réalité du terrain.", "opening"),
    ("L'enjeu n'est rien moins que le bon fonctionnement des services publics locaux.",
     "opening"),
    # (the permis de louer note)
    ("La situation était pourtant connue : les immeubles avaient déjà fait l'objet de "
     "signalements.", "opening"),
    ("À première vue, on est tenté de saluer la volonté des élus d'éradiquer les marchands de "
     "sommeil.", "opening"),
    ("A première vue, on est tenté de saluer la volonté des élus.", "opening"),
    ("Cette 19e journée nationale démontre la continuité de l'action publique.",
     "demonstrative"),
    # (the bien vieillir note: a step after the one the sentence before told)
    ("Les résultats de l'évaluation sont ensuite diffusés aux habitants puis un plan d'action "
     "est décidé.", "opening"),
    # (the cimetières, plan communal de sauvegarde and tiers-lieux notes: a step, the end of a
    # story; the revitalisation note: likewise as what the sentence before told)
    ("Les descendants du défunt auront ensuite deux ans pour se manifester.", "opening"),
    ("Commence ensuite la phase de recrutement des volontaires bénévoles.", "opening"),
    # (the trait de côte note: a demonstrative pronoun and its complement, whose noun the
    # sentence before named)
    ("En revanche, celles non couvertes par un PPRL ont l'obligation d'élaborer une carte.",
     "opening"),
    ("Celles situées en zone tendue doivent déclarer les locations.", "opening"),
    ("Le tiers-lieu a finalement ouvert ses portes en octobre 2019.", "opening"),
    ("Dans les villes moyennes, la vacance commerciale a elle aussi baissé entre 2021 et 2022.",
     "opening"),
    # (the cybersecurity note: the consequences of the attack the sentence before told)
    ("Les conséquences peuvent aller jusqu'à l'interruption des activités et des services.",
     "opening"),
    # (the vidéoprotection note: a majority of the people the sentence before surveyed)
    ("Une immense majorité serait prête à soutenir leur maire pour l'installation de caméras.",
     "opening"),
    # (the bornes note: created then, when the sentence before told)
    ("Un comité de pilotage a alors été créé afin d'élaborer un schéma de déploiement.",
     "opening"),
    ("Des mouvements de mobilité solidaire se sont alors développés.", "opening"),
    # (the participation note: an owner the subject after the opening phrase cannot be)
    ("Dans son sillage, de nouveaux acteurs trouvent leur place aux côtés des élus locaux.",
     "possessive"),
    ("Concernant leur composition, le CGET rapporte que les collèges comptent dix membres.",
     "possessive"),
    # (the vidéoprotection note: the same as the sentence before named)
    ("La même faculté est ouverte aux autorités publiques aux fins de prévention.", "opening"),
    ("Côté politique, c'est le même son de cloche : le consensus est large.", "opening"),
    # (the cours oasis note: as well as what the sentence before told; a term it quotes)
    ("L'école Beck bénéficie elle-aussi de sa cour buissonnière.", "opening"),
    ("L'enveloppe de cette « débitumisation » des cours d'écoles approche les 20 millions "
     "d'euros.", "demonstrative"),
    # (the zones à faibles émissions note: what someone said of what the sentence before
    # told; all of those it named)
    ("Le président de la Métropole, Nicolas Mayer-Rossignol, l'avait déjà annoncé au début de "
     "l'année.", "opening"),
    ("Tous pointent le risque de fracture sociale et la nécessité de solutions "
     "d'accompagnement.", "opening"),
    # (the access to care note: whose?)
    ("Nombre de leurs administrés expriment leur désarroi, leur sentiment d'abandon.",
     "opening"),
    # (an actor after a circumstance that names nothing: which centre, which town?)
    ("Dans un dossier récemment publié, le centre s'appuie sur son partenariat avec la "
     "commune.", "definite"),
    ("Dans un contexte de sobriété énergétique, la ville a décidé d'éteindre les lampadaires.",
     "definite"),
    # (an owner inside the noun phrase the sentence opens on: whose activities, whose
    # resources?)
    ("Le déploiement de ses différentes activités s'est fait dans un contexte très difficile.",
     "possessive"),
    ("En 2021, l'essentiel de leurs ressources provenait de subventions publiques.",
     "possessive"),
    ("La mise en œuvre de sa stratégie repose sur un réseau de partenaires locaux.",
     "possessive"),
    # (the budget vert note: a commune by its size only; a share of what?)
    ("Depuis janvier, la commune de 3 600 habitants travaille avec quelques élus sur le "
     "concept.", "definite"),
    ("65,2 % ont été classées comme neutres, 21,8 % très ou plutôt favorables.", "opening"),
    # (a pronoun no noun of the opening phrase agrees with, a decimal comma in it)
    ("Aujourd'hui, sur un budget de 6,2 millions d'euros, elle a classé environ 80 % de ses "
     "dépenses.", "pronoun"),
    # (what someone confirms, of the sentence before: a relative with no main clause)
    ("Ce que confirme Emmanuel Doudat, conseiller du président du Conseil régional.",
     "opening"),
])
def test_an_owner_a_set_a_time_or_a_measure_of_the_sentence_before_points_back(text, kind):
    assert [n.kind for n in context_needs(text)] == [kind], text


@pytest.mark.parametrize("text", [
    "Dans les communes rurales, leurs élus manquent de moyens d'ingénierie.",
    "À Rennes, sa médiathèque ouvre le dimanche depuis 2019.",
    "Dans son rapport annuel, la Cour des comptes estime que le coût augmente.",
    "Pour ACV, il s'agit d'une convention-cadre pluriannuelle.",
    "Pour les communes, il s'agit de rattraper leur retard.",
    "Ceux qui ne respectent pas l'obligation encourent une amende de 1 500 euros.",
    "Ce qui compte, c'est la qualité du service rendu aux usagers.",
    "Ce que demandent les habitants, c'est une meilleure information sur les risques.",
    "Selon la commune, le montant de sa contribution atteindra 20 000 euros en 2024.",
    "Le maire et ses adjoints ont présenté le plan de sauvegarde aux habitants.",
    "En 2023, 41 % des communes ont publié un budget vert.",
    "Parmi les communes, 98 % ont un score de transparence égal à E.",
    "Lors de la dernière campagne, les agents ont recensé 300 dépôts sauvages.",
    "La commune de Danjoutin a adopté un budget vert en avril.",
    "Une centaine de bornes sont désormais installées dans la ville.",
    "Plus largement, les communes doivent agir sur leurs propres bâtiments.",
    "Plus de 40 % des communes sont concernées par le risque d'inondation.",
    "Les marchands de sommeil sont visés par la loi, qui renforce les sanctions à leur encontre.",
    "La question est de savoir comment faciliter l'accès des TPE aux marchés publics.",
    "La situation des communes rurales est difficile faute de médecins.",
    "Les communes ont refusé dix-huit demandes, qui ont ensuite donné lieu à des travaux.",
    "Les conséquences du changement climatique sur les forêts sont déjà visibles.",
    "Une large majorité des communes a adopté un plan communal de sauvegarde.",
    "Le tarif était de 50 euros par mois en 2014, alors que l'abonnement était alors de 110 euros.",
    "Les communes peuvent ajouter une part incitative — la taxe est alors dite incitative.",
    "Dans leur rapport, les sénateurs proposent de simplifier la procédure.",
    "Les mêmes conditions de transparence que pour les marchés publics s'appliquent.",
    "Les communes partageant le même massif forestier élaborent un plan commun.",
    "Selon son président, la fédération regroupe 300 communes rurales.",
    # (the setting up of what the page is about: the permis de louer)
    "En amont de sa mise en place, les collectivités doivent communiquer.",
    "Les filles ne sont pas les seules à en pâtir, les garçons sont eux aussi relégués.",
    "Les élèves de CP ont donné leurs idées pour la cour, les agents ont eux aussi participé.",
    "L'effort de l'État pour labelliser 2 000 structures semble finalement limité.",
    "L'aire de livraison n'est finalement utilisée que dans 9 % des cas.",
    "L'Anssi n'accompagne pas les petites communes, comme elle l'a rappelé à plusieurs "
    "reprises.",
    "Tous les maires du département ont signé la charte de l'arbre en ville.",
    "Dans la plupart des cas, la commune doit informer les habitants du projet.",
    "Dans le Var, le syndicat intercommunal de l'eau a interconnecté trois réseaux.",
])
def test_an_owner_or_a_topic_the_sentence_names_stands_alone(text):
    assert not context_needs(text), text


def test_a_reason_added_to_the_sentence_before_is_stripped():
    """« D'autant que, pour attirer un maximum de candidatures, les Drac ont souvent
    offert… » closed a paragraph of the reading note."""
    from ianote_lib.note.anaphora import leading_connectors

    assert leading_connectors().sub("", "D'autant que, pour attirer des candidatures, les "
                                        "Drac ont offert des subventions.") == (
        "pour attirer des candidatures, les Drac ont offert des subventions.")
    assert leading_connectors().sub("", "D'autant qu'à l'heure actuelle, 20 millions de "
                                        "Français habitent des zones polluées.") == (
        "à l'heure actuelle, 20 millions de Français habitent des zones polluées.")
    # a degree set above what the sentence before told (the mosquito dossier)
    assert leading_connectors().sub("", "Plus alarmant encore, la commission d'enquête a "
                                        "conclu que les insecticides ne suffisent pas.") == (
        "la commission d'enquête a conclu que les insecticides ne suffisent pas.")


def test_the_writer_s_own_voice_setting_a_fact_forth_is_stripped():
    """The France services note opened on « Soulignons toutefois que sur les 140 bus… » and
    told « Il faut savoir que les MSAP… sont portées… »: the fact, not the voice."""
    from ianote_lib.note.anaphora import leading_connectors

    for text in ("Soulignons toutefois que sur les 140 bus existants, seuls 55 circulent dans "
                 "les territoires ruraux.",
                 "Il faut savoir que sur les 140 bus existants, seuls 55 circulent dans les "
                 "territoires ruraux.",
                 "Force est de constater que sur les 140 bus existants, seuls 55 circulent "
                 "dans les territoires ruraux."):
        assert leading_connectors().sub("", text) == (
            "sur les 140 bus existants, seuls 55 circulent dans les territoires ruraux.")


def test_a_counted_set_after_the_name_of_its_kind_says_which_it_is():
    """« …sur les 140 bus France Services existants, seuls 55 circulent… »: the participle
    after the name says which (the France services note completed it as « les 140 bus France
    Services France Services »); « Les 17 postes LCZ mesurent… » still points back."""
    assert context_needs("Sur les 140 bus France Services existants, seuls 55 circulent "
                         "uniquement dans les territoires ruraux.") == []
    needs = context_needs("Les 17 postes LCZ mesurent la température de l'air chaque heure.")
    assert [n.kind for n in needs] == ["definite"]
    # after « de » too: which three, the sentence before said (the France services note
    # opened on « …les résultats des trois espaces montrent que le service répond… »)
    needs = context_needs("Après six mois de fonctionnement, les résultats des trois espaces "
                          "montrent que le service répond aux attentes.")
    assert [n.kind for n in needs] == ["definite"]
    assert context_needs("La moitié des 12 000 communes étudiées ont adopté un plan local.") == []
    assert context_needs("Fin 2017, 63 % des 250 démarches administratives les plus utilisées "
                         "étaient réalisables en ligne.") == []
    assert context_needs("Les contrats étalent l'obligation sur 9 ans (au lieu des 3 prévus "
                         "dans le projet de loi initial).") == []


@pytest.mark.parametrize("text", [
    "Telle est l'une des principales conclusions du sénateur, rapporteur spécial des crédits "
    "de la politique des territoires.",
    "Tel est le cas de la commune de Lussac, qui a adopté un plan de sobriété.",
    "Les maisons France services ne font pas exception à la règle, puisque ce sont les EPCI "
    "qui sont les interlocuteurs de l'État."])
def test_a_conclusion_or_a_rule_the_sentence_before_told_points_back(text):
    """The France services note quoted both: which conclusion, which rule, the sentence
    before said."""
    from ianote_lib.note.candidates import rejection_reasons

    assert "renvoie à une phrase précédente" in rejection_reasons(text)


@pytest.mark.parametrize("text", [
    "C'est donc la vice-présidente aux mobilités qui l'a soumis au vote lors du conseil du 26 "
    "novembre.",
    "Le conseil communautaire les a adoptés à l'unanimité au printemps.",
    "L'élue déléguée aux mobilités guidait alors ses homologues d'Amsterdam dans les rues de "
    "la ville.",
    # (what is left of the set the sentence before counted)
    "Le reste des places seront créées sur des espaces privés ou à proximité des gares."])
def test_an_object_pronoun_a_then_or_the_rest_of_a_set_points_back(text):
    """The politique cyclable note quoted « C'est donc Isabelle Rami qui l'a soumis au
    vote… » (what she submitted, the sentence before said) and « L'élue… guidait alors ses
    acolytes d'Amsterdam… » (then: when the sentence before told), and « Le reste des places… »."""
    assert context_needs(text)


@pytest.mark.parametrize("text", [
    "Les communes rurales ont accès à un fonds de l'État depuis 2020.",
    "Les maires ont l'avantage de connaître leur territoire et ses habitants.",
    # (« la métropole » alone would be an article's, `test_an_unnamed_body_inside_points_back`)
    "Le plan vélo, la métropole de Lyon l'a adopté en 2021 après une concertation."])
def test_an_article_before_a_noun_or_a_pronoun_of_the_sentence_s_own_phrase_stands_alone(text):
    assert context_needs(text) == []


def test_a_demonstrative_before_the_means_of_its_verb_points_back():
    """« 34 % des usagers ont connu ce service par les mairies » opened the France services
    note: « par les mairies » is how they knew it, not which service; « cette approche par la
    commande publique » says which approach."""
    assert [n.kind for n in context_needs("34 % des usagers ont connu ce service par les "
                                          "mairies.")] == ["demonstrative"]
    assert context_needs("Cette approche par la commande publique permet de réduire les "
                         "coûts.") == []


def test_a_text_a_document_named_before_is_an_actor_that_points_back():
    """« L'amendement doit encore être validé par le Sénat » closed a lever of the lecture
    publique note: which amendment, the sentence before said; « l'arrêté préfectoral » is a
    kind, any prefect's."""
    assert [n.kind for n in context_needs("L'amendement doit encore être validé par le "
                                          "Sénat.")] == ["definite"]
    assert [n.kind for n in context_needs("La délibération est transmise à la Caf et à la "
                                          "MSA.")] == ["definite"]
    assert context_needs("L'arrêté préfectoral fixe les interdictions d'arrosage et de "
                         "lavage des voitures.") == []


def test_what_is_clear_is_said_impersonally_and_stands_alone():
    """« Il est clair que les collectivités territoriales… ne pourront pas se substituer aux
    engagements financiers de l'État… » was quoted only after a list item of the France
    services dossier: « il » stands for nothing, and « il est clair que » is the writer's
    voice; « Il est vrai que… » concedes what the sentence after it sets against."""
    from ianote_lib.note.anaphora import leading_connectors

    text = ("Il est clair que les collectivités territoriales ne pourront pas se substituer aux "
            "engagements financiers de l'État.")
    assert context_needs(text) == []
    assert leading_connectors().sub("", text).startswith("les collectivités territoriales")
    assert context_needs("Il est vrai que l'arrivée de ChatGPT a changé la façon "
                         "d'appréhender la régulation.")


def test_a_local_body_that_did_something_or_an_office_without_its_place_points_back():
    """The dépôts sauvages note quoted « Dans un premier temps, la commune n'a pas prévenu les
    habitants… », « La maire Sylvie de Gaetano veut faire réagir ses concitoyens » and « La
    méthode a eu assez vite des effets », each without the sentence that said which town,
    which method: a reader takes « la commune » for their own."""
    def nouns(text: str) -> list[str]:
        return [n.noun for n in context_needs(text)]

    assert nouns("Dans un premier temps, la commune n'a pas prévenu "
                 "les habitants.") == ["commune"]
    assert nouns("Par ailleurs, la municipalité proposait un "
                 "ramassage mensuel.") == ["municipalité"]
    assert nouns("La maire Sylvie de Gaetano veut faire réagir ses "
                 "concitoyens.") == ["maire"]
    assert nouns("La méthode a eu assez vite des effets.") == ["méthode"]
    assert nouns("L'opération a coûté moins de 2 000 euros.") == ["opération"]
    # what any commune does or must do, an office with its place, a method that says which
    assert context_needs("Par ailleurs, la commune fait face à des coûts croissants.") == []
    assert context_needs("En outre, la collectivité doit désigner un référent.") == []
    assert context_needs("Le maire de Signes, Jean-Mathieu Michel, a été renversé.") == []
    assert context_needs("La méthode de cotation du budget vert repose sur six axes.") == []

    # the communes nouvelles note: a town by its people, a village, an owner before a date
    assert nouns("Aujourd'hui, la commune est peuplée de 12.000 "
                 "habitants.") == ["commune"]
    assert context_needs("Aujourd'hui, la commune doit élaborer un plan de sauvegarde.") == []
    assert nouns("À l'époque, le village s'est regroupé avec quatre "
                 "autres communes.") == ["village"]
    assert nouns("Plantée au milieu du village, une maison de santé "
                 "abrite un cabinet de radiologie.") == ["village"]
    assert [n.kind for n in context_needs("L'année suivant son adoption, en 1972, 804 mariages "
                                          "ont été enregistrés.")] == ["possessive"]
    # (a count for subject cannot own the barometer: the bien vieillir note read « Selon la
    # troisième édition de leur baromètre, plus de 750 000 personnes âgées… », whose owners
    # the sentence before named)
    assert [n.kind for n in context_needs(
        "Selon la troisième édition de leur baromètre, plus de 750 000 personnes âgées sont "
        "isolées.")] == ["possessive"]
    assert context_needs("Selon la troisième édition de leur baromètre, les associations "
                         "comptent 750 000 personnes isolées.") == []
    assert nouns("Seules dix communes ont refusé la proposition, bien "
                 "vite remplacées par d'autres.") == ["proposition"]
    assert context_needs("La proposition de loi renforce les pouvoirs du maire.") == []
    # the dépôts sauvages note: the same study as which, what procedure, which deputy
    assert context_needs("La même étude indique que 25 % des dépôts sauvages seraient liés à "
                         "l'absence de sanctions.")
    assert context_needs("Les mêmes obligations légales que les villes s'appliquent.") == []
    assert nouns("Le procédé est utilisé d'ordinaire pour photographier "
                 "des animaux sauvages.") == ["procédé"]
    assert context_needs("Mme la députée a eu l'occasion de rencontrer de nombreux maires.")
    # the participation note: which survey, what « y » stands for
    assert nouns("Selon l'enquête, 40 % des communes engagées n'ont pas "
                 "mis en œuvre plus de deux éditions.") == ["enquête"]
    assert context_needs("L'étude d'impact est obligatoire pour les grands travaux.") == []
    # (nor a survey by its subject, an investigation led)
    assert context_needs("Plus de 2 700 collectivités ont répondu à l'enquête sur « la "
                         "caractérisation de la problématique des dépôts sauvages ».") == []
    assert context_needs("Les élus contactent au besoin la gendarmerie pour mener l'enquête.") == []
    # (nor one named by who made it: the stationnement note lost the Gart and Cerema's finding)
    assert context_needs("Parmi les principaux enseignements de l'étude, Gart et Cerema notent "
                         "que la réforme n'a pas eu pour effet d'augmenter le coût.") == []
    assert context_needs("De 2016 à 2020, le nombre de collectivités y ayant recours a doublé "
                         "chaque année.")
    # a stressed pronoun in the opening phrase
    assert [n.kind for n in context_needs("Pour elle, la disparition serait plutôt celle de "
                                          "Monsieur le maire.")] == ["opening"]
    assert context_needs("Pour elle aussi, la commune est un échelon utile.") != []
    # (an aside is no pause before the pronoun)
    assert [n.kind for n in context_needs(
        "Réalisée sous son pilotage (avec Amorce, l'AMF et le ministère) et par questionnaire par "
        "le bureau d'études Ecogeos, elle a été dévoilée en petit comité.")] == ["pronoun"]


@pytest.mark.parametrize("text", [
    "En 2019, le ministère en recensait 3 200 sur l'ensemble du territoire.",
    "Il en existe plusieurs dans le département, toutes gérées par des syndicats.",
    "Dans les petites communes, la réalité est pourtant tout autre.",
    "La mesure phare, le doublement des effectifs, a été adoptée par le conseil municipal.",
])
def test_a_count_of_en_a_reality_or_a_flagship_points_back(text):
    """The police municipale note quoted « En 2013, une enquête… en dénombrait quinze » (fifteen
    of what?), then « Sur le terrain, la réalité est tout
    autre » (other than what?) and « La disposition phare, l'expérimentation…, a été
    censurée » (of which law?)."""
    assert context_needs(text)


@pytest.mark.parametrize("text", [
    "Les communes doivent prendre en compte les risques de submersion dans leurs plans.",
    "En recensant les ouvrages d'art, les départements ont mesuré l'ampleur des besoins.",
    "Pour une commune de 3 000 habitants, le coût d'un agent atteint 45 000 euros par an.",
    "L'action phare des communes rurales reste la création de pistes cyclables.",
])
def test_en_compte_a_gerund_or_a_reason_the_sentence_gives_stand_alone(text):
    assert not context_needs(text)


@pytest.mark.parametrize("text, kind", [
    # (the permis de louer note quoted « Lors de la visite, les agents de la Ville s'assurent de
    # l'état du logement… »: Elbeuf's, never named)
    ("À l'issue du contrôle, les agents de la Ville décident de valider la mise en location.",
     "definite"),
    ("Mandaté par la Ville, le cabinet a mené une large concertation auprès des usagers.",
     "definite"),
    # (and in lower case, a body that is always one in particular: the meublés, stationnement
    # and bien vieillir notes)
    ("Une plainte a été déposée mais les habitants et la mairie se réjouissent des effets.",
     "definite"),
    ("Pour la métropole, c'est près de 6 millions d'euros qui entrent chaque année.",
     "definite"),
    ("« Le constat est sans appel : la situation empire », analyse l'association.", "definite"),
])
def test_an_unnamed_body_inside_points_back(text, kind):
    needs = context_needs(text)
    assert needs and needs[0].kind == kind


@pytest.mark.parametrize("text", [
    "Les agents de la Ville de Paris contrôlent les logements mis en location.",
    # (a name that holds one: the revitalisation note's study)
    "L'étude de l'Institut pour la Ville et le Commerce porte sur 190 centres-villes.",
    "Les chiffres sont ceux de l'Institut pour le Commerce et pour la Ville en 2023.",
    "Les communes rurales adaptent la ville aux vagues de chaleur.",
    "Le Conseil d'État, saisi par l'association « Les amis de la Terre », a enjoint l'État.",
    "La limitation à 30 km/h dans toute la métropole grenobloise est difficile à respecter.",
    "En 2019, 240 demandes de permis de louer ont été adressées à la mairie de Dijon.",
    "Le dossier est déposé à la mairie du lieu de situation du bien.",
    "La métropole de Lyon a lancé un appel ; en 2020, la métropole a reçu 40 dossiers.",
    "Dans le Var, le syndicat intercommunal de l'eau a interconnecté trois réseaux.",
])
def test_a_named_body_stands_alone(text):
    assert not context_needs(text)


def test_an_acronym_is_spelt_out_the_first_time_the_note_names_it():
    """The dépôts sauvages note wrote « L'AMF demande une accélération des procédures… »: the
    reader does not know the AMF. Its document spelt it out: the note's first sentence that
    names it gets the expansion, the next ones the acronym alone; a quotation, a text's name
    and a document that does not spell it keep theirs."""
    import pandas as pd

    from ianote_lib.note.acronyms import expansions_by_doc, spell_out_acronyms
    from ianote_lib.note.write import Note, NoteParagraph, NoteSentence

    sentences = pd.DataFrame({"doc": [1, 1, 2], "text": [
        "L'Association des maires de France (AMF) a publié un guide sur les dépôts.",
        "La loi relative à l'évolution du logement, de l'aménagement et du numérique (ELAN) "
        "est parue.",
        "Les dépôts coûtent cher aux communes."]})
    spelt = expansions_by_doc(sentences)
    assert spelt[1]["AMF"] == "Association des maires de France"

    def said(*texts: tuple[str, list[int]]) -> list[str]:
        note = Note(header={}, titles={}, paragraphs=[NoteParagraph("I.A", "body", [
            NoteSentence(text=t, docs=d, kind="document") for t, d in texts])])
        spell_out_acronyms(note, spelt)
        return [s.text for s in note.paragraphs[0].sentences]

    assert said(("L'AMF demande une accélération des procédures.", [1]),
                ("L'AMF a été entendue par le Sénat.", [1])) == [
        "L'Association des maires de France (AMF) demande une accélération des procédures.",
        "L'AMF a été entendue par le Sénat."]
    assert said(("AMF et préfectures coopèrent sur les dépôts.", [1])) == [
        "Association des maires de France (AMF) et préfectures coopèrent sur les dépôts."]
    for text, docs in [("L'AMF demande une accélération des procédures.", [2]),
                       ("« L'AMF demande plus de moyens », a-t-il rappelé.", [1]),
                       ("La loi ELAN a modifié les règles.", [1])]:
        assert said((text, docs)) == [text]


def test_the_town_of_a_page_a_town_published_is_that_town():
    """« De 40 hectares, la municipalité est passée à 112 hectares… » (the food-projects note
    lost it for « la municipalité », never named): the page is the one Mouans-Sartoux
    published, its source line says so. A page no town published says nothing."""
    from ianote_lib.note.completion import source_completion

    text = ("De 40 hectares, la municipalité est passée à 112 hectares de terres classées en zone "
            "agricole.")
    need = context_needs(text)[0]
    assert source_completion(text, need, "Protéger les terres agricoles Source : Ville de "
                             "Mouans-Sartoux, mouans-sartoux.net, non daté. Texte.") == (
        "De 40 hectares, la municipalité de Mouans-Sartoux est passée à 112 hectares de terres "
        "classées en zone agricole.")
    assert source_completion(text, need, "Source : Ville, Rail & Transports (VRT), 2021.") is None
    assert source_completion(text, need, "Source : La Gazette des communes, 2021.") is None
    # (read from the document's source line as written, whatever its quotable text keeps)
    import pandas as pd

    from ianote_lib.note.evidence import resolve_context

    sents = pd.DataFrame({"sentence_id": ["d07s0001", "d07s0002", "d07s0003"], "doc": [7] * 3,
                          "paragraph_id": [1, 2, 3], "kind": ["fragment", "sentence", "sentence"],
                          "text": ["Source : Ville de Mouans-Sartoux, mouans-sartoux.net, non daté",
                                   "Les terres agricoles sont rares sur la Côte d'Azur.", text],
                          "clean": ["Mouans-Sartoux, mouans-sartoux.net, non daté",
                                    "Les terres agricoles sont rares sur la Côte d'Azur.", text],
                          "reasons": [["type fragment"], [], []]})
    resolve_context(sents)
    assert sents.at[2, "clean"].startswith("De 40 hectares, la municipalité de Mouans-Sartoux")


@pytest.mark.parametrize("text", [
    # (the bornes de recharge note's second lesson was « D'autre part, dans le cas contraire,
    # l'établissement public modifie son projet… »)
    "Dans le cas contraire, l'établissement public modifie son projet de schéma directeur.",
    "Le cas échéant, la commune transmet le plan au préfet.",
    "À défaut, le préfet se substitue au maire.",
])
def test_the_case_the_sentence_before_sets_out_is_needed(text):
    assert context_needs(text)


def test_a_default_with_its_complement_needs_nothing_before():
    assert not context_needs("À défaut d'accord entre les communes, le préfet fixe le "
                             "périmètre du syndicat.")


def test_a_name_is_read_word_by_word_whole_even_in_capitals():
    """`note.text.NAME` takes each word whole, hyphens and all (« Île-de-France »,
    « Val-d'Oise », « Jean-Pierre Dupont »): a word cut at its hyphens made a line in capitals
    (« …SIGNÉ À SAINT-PRIVAT-DES-VIEUX ») backtrack for seconds in `context_needs`."""
    import re

    from ianote_lib.note.text import NAME

    found = {t: [m.group(0).strip() for m in re.finditer(NAME, t)] for t in (
        "La région Île-de-France a lancé un appel", "le département du Val-d'Oise agit",
        "Jean-Pierre Dupont, lui, a répliqué", "la Ville de Montpellier et Nice")}
    assert found == {
        "La région Île-de-France a lancé un appel": ["La", "Île-de-France"],
        "le département du Val-d'Oise agit": ["Val-d'Oise"],
        "Jean-Pierre Dupont, lui, a répliqué": ["Jean-Pierre Dupont"],
        "la Ville de Montpellier et Nice": ["Ville de Montpellier", "Nice"]}
    assert not context_needs("UN CONTRAT DE MIXITÉ SOCIALE SIGNÉ À SAINT-PRIVAT-DES-VIEUX")
    assert [n.kind for n in context_needs("Jean-Pierre Dupont, lui, a répliqué.")] == [
        "contrastive"]
