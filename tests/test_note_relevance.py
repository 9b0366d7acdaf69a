"""What a note to the DGS of a collectivité keeps out, and how it prints what it keeps: an
ampersand as written; no sentence that points to an antecedent the note does not quote; no
headline, teaser, question, event logistics or private-sector point in the body."""

from __future__ import annotations

import re
from pathlib import Path

import mistune
import nbformat
import pytest
import yaml
from exam_dossier import write_exam_dossier

from ianote_lib.note.candidates import rejection_reasons
from ianote_lib.note.introduction import weak_opening
from ianote_lib.note.render import body_markdown, compose, export_note_html, write_note_md
from ianote_lib.note.scoring import (
    corroboration,
    event_announcement,
    event_mention,
    off_audience,
    project_narrative,
)
from ianote_lib.safe_text import md_escape

# ----------------------------------------------------------------------------- ampersand


AMPERSAND = ("La commune de Testville a rejoint le réseau Villes & Territoires numériques "
             "pour mutualiser ses outils de gestion avec 40 autres collectivités.")


def test_md_escape_keeps_a_plain_ampersand_and_neutralises_markup():
    assert md_escape("Numérique & Territoires") == "Numérique & Territoires"
    assert md_escape("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
    # an ampersand that would start a character reference is escaped: the text reads as written
    assert md_escape("&lt; et &#60;") == "&amp;lt; et &amp;#60;"
    assert mistune.html(md_escape("A & B &lt; <i>")).strip() == "<p>A &amp; B &amp;lt; &lt;i&gt;</p>"


def test_note_md_prints_the_ampersand_and_note_html_escapes_it_once(tmp_path):
    from ianote_lib.reading.dossier import load_dossier

    write_exam_dossier(tmp_path / "dossier.txt", [
        ("Les réseaux de collectivités", "Gazette test", "3 octobre 2023", [
            AMPERSAND,
            "Le service des usagers de Testville constate que les délais de réponse ont été "
            "divisés par deux grâce à ces outils numériques partagés."]),
        ("Les données des territoires", "Revue test", "5 juin 2023", [
            "Le département de Testland utilise des images satellites pour détecter les dépôts "
            "sauvages sur son territoire depuis le mois de mars.",
            "Le projet de Testland a permis de repérer 120 dépôts illégaux en six mois selon le "
            "rapport publié par le département."]),
        ("Les risques du numérique", "Journal test", "20 juin 2023", [
            "Le règlement européen sur l'intelligence artificielle classe les systèmes selon "
            "leur niveau de risque pour les droits fondamentaux.",
            "Les biais des algorithmes peuvent produire des discriminations lorsque les données "
            "d'apprentissage reflètent des inégalités passées."])],
        "la transformation numérique des collectivités territoriales")
    d = load_dossier(tmp_path / "dossier.txt")
    sid = d.sentences.loc[d.sentences["text"].str.contains("Villes &"), "sentence_id"].iloc[0]
    overrides = tmp_path / "note.yml"
    overrides.write_text(yaml.safe_dump({"pin": [str(sid)]}), encoding="utf-8")
    out = compose(d.sentences, d.documents, d.commande, overrides=overrides, date="2026-11-28")
    md = write_note_md(out, tmp_path / "reports").read_text(encoding="utf-8")
    assert "Villes & Territoires" in md and "&amp;" not in md
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("display(...)")
    cell.metadata["tags"] = ["note"]
    cell.outputs = [nbformat.v4.new_output(
        "display_data", data={"text/markdown": body_markdown(out.note, "doc", out.sources)})]
    nb.cells.append(cell)
    nbformat.write(nb, str(tmp_path / "05.ipynb"))
    html = export_note_html(tmp_path / "05.ipynb", tmp_path / "note.html").read_text("utf-8")
    assert "Villes &amp; Territoires" in html and "&amp;amp;" not in html


# ----------------------------------------------------------------------------- anaphora

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "benchmarks" / "dossiers" / "numerique_territoires" / "articles"


@pytest.fixture(scope="module")
def folder_evidence():
    """The evidence of the folder dossier of the benchmarks (text rules, no parse table)."""
    from ianote_lib.note.evidence import build_evidence
    from ianote_lib.reading.dossier import load_dossier

    d = load_dossier(FOLDER)
    return build_evidence(d.sentences, d.documents)


@pytest.fixture(scope="module")
def embedded_evidence(dossier):
    from ianote_lib.note.evidence import build_evidence

    return build_evidence(dossier.sentences, dossier.documents)


def _row(evidence, fragment: str):
    rows = evidence.sentences[evidence.sentences["text"].str.replace("’", "'").str.contains(
        fragment, regex=False)]
    assert len(rows) == 1, fragment
    return rows.iloc[0]


@pytest.mark.parametrize("text", [
    "Afin d'y remédier, la ministre et le président de l'association ont lancé les travaux "
    "d'une charte d'engagement avec les collectivités.",
    "Pour y parvenir, les zones à surveiller sont réduites aux tronçons qui concentrent les "
    "fuites du réseau.",
    "Pour en bénéficier, les communes doivent déposer un dossier auprès de la préfecture "
    "avant la fin de l'année.",
    "C'est pour cela que l'entreprise propose des abonnements à 20 dollars par mois.",
    "C'est pourquoi le travail en commun de l'État et des territoires est essentiel.",
    "Pour cette raison, le syndicat a décidé de renouveler ses canalisations les plus "
    "anciennes dès l'an prochain.",
    "Initialement dédiée à l'information des associations, elle est aujourd'hui devenue un lieu "
    "d'échange et de coconstruction autour des sujets numériques.",
    "Créée en 2011, elle réunit les associations d'élus et les services de l'État.",
    # (the absentéisme note: a present participle in apposition to the pronoun)
    "Répondant aux obligations de l'ordonnance du 17 février 2021, il transpose le premier "
    "accord conclu à l'échelle de la fonction publique territoriale.",
    # an adjective that stands for the noun of the sentence before
    "Les principaux sont la mobilité, la prévention des risques et l'environnement.",
    "La plus importante reste la formation des agents chargés de l'accueil du public.",
    "Le premier est la formation des agents chargés de l'accueil du public en mairie.",
    "La première (2018-2022) a renforcé la recherche avec 1,85 milliard d'euros "
    "d'investissements.",
    "Si cela permet de démocratiser la marque, cela entraîne des coûts encore plus importants "
    "pour l'entreprise.",
    "Changement de nom, structure repensée, clarté améliorée, il est aussi renforcé de "
    "nouvelles obligations.",
    # a subject pronoun after a long participial opening; « c'est ce que », « c'est une
    # façon » after an adverb; a verb of addition before its subject
    "Commandée par le Centre de recherche de l'école des officiers de la gendarmerie nationale "
    "(CREOGN), elle a été menée par un chercheur associé au centre d'études.",
    "C'est en tout cas ce que laissent entendre les conclusions d'un rapport remis au "
    "gouvernement.",
    "Le plus souvent, c'est aussi une façon de réaliser des économies d'énergie.",
    "S'ajouteront deux quartiers du centre à partir du 14 décembre prochain.",
    "Viennent s'ajouter les frais de maintenance des équipements installés en 2023.",
    # « le poste » with nothing that says which: the one the sentence before created
    "Le poste n'existait pas il y a encore dix ans dans les petites villes.",
    "Le poste ainsi créé permet d'apporter de l'ingénierie aux communes du territoire.",
])
def test_sentences_that_point_back_are_not_quoted_alone(text):
    assert "renvoie à une phrase précédente" in rejection_reasons(text)


@pytest.mark.parametrize("text", [
    "La première annonce importante a été la signature d'une nouvelle convention entre la "
    "DINUM et le FIPHFP.",
    "Il y a dix ans, les collectivités territoriales ne disposaient d'aucun outil de détection des fuites.",
    "Toutes les communes sont concernées, y compris les plus petites d'entre les communes "
    "rurales du département.",
    "Pour les collectivités territoriales, la dématérialisation des actes est devenue "
    "obligatoire en 2020.",
    "C'est en 2016 que la loi pour une République numérique a ouvert les données publiques "
    "des collectivités.",
    "Créée en 2011, l'instance nationale partenariale réunit les associations d'élus et les "
    "services de l'État.",
    "Le plus souvent, les communes éteignent l'éclairage public entre 23 heures et 5 heures.",
    "C'est en zone B1 que les besoins de logements sont les plus importants du département.",
    "S'ajoutant aux aides de l'État, les subventions régionales couvrent 20 % de la dépense.",
    "Le poste de manager de centre-ville est financé à 40 % par la Banque des Territoires.",
])
def test_self_contained_sentences_still_pass(text):
    assert rejection_reasons(text) == []


def test_dossier_sentences_whose_antecedent_is_elsewhere_are_left_out(folder_evidence,
                                                                      embedded_evidence):
    # « y » stands for a problem told in the previous paragraph: never quoted without it
    row = _row(folder_evidence, "Afin d'y remédier")
    assert "renvoie à une phrase précédente" in row["reasons"]
    # « C'est pour cela » points to a sentence that itself points back: left out, and the
    # « Cependant » that restricts it with it
    row = _row(embedded_evidence, "C'est pour cela que l'entreprise")
    assert "renvoie à une phrase précédente" in row["reasons"]
    assert _row(embedded_evidence, "peu de personnes y souscrivent")["reasons"]
    # « C'est pourquoi » right after its antecedent, in its paragraph: quoted with it
    row = _row(folder_evidence, "C'est pourquoi le travail en commun")
    assert row["resolution"] == "précédée" and row["clean"].startswith(
        "La transformation de l'action publique est un engagement collectif.")


# ----------------------------------------------------------------------------- headlines, teasers


@pytest.mark.parametrize(("text", "reason"), [
    ("Journée Numérique & Territoires : l'État dévoile les résultats du fonds France Relance.",
     "titre ou intitulé"),
    ("Plan eau potable : le Gouvernement annonce 53 mesures pour une gestion plus sobre.",
     "titre ou intitulé"),
    # the label of an article's summary, however long (« … (Article 3): »)
    ("Mise en place de plans de gestion des eaux pluviales (Article 3): Les collectivités "
     "de plus de 50 000 habitants devront mettre en place un plan.", "titre ou intitulé"),
    # a note's own heading, a bare noun and its complements, before its colon (the heat note
    # quoted « Gestion de l'eau… : Importantes économies en entretien avec la végétalisation,
    # car désimperméabilise… », the open data note « Parallèlement, système de subsidiarité à
    # trois étages pour que… : la région soutient… »)
    ("Gestion de l'eau et stress des infrastructures réseau : Importantes économies en "
     "entretien avec la végétalisation, car désimperméabilise.", "titre ou intitulé"),
    ("Système de subsidiarité à trois étages pour que les petites communes parviennent à mettre "
     "en œuvre une politique d'open data : la région soutient les départements.",
     "titre ou intitulé"),
    ("L'État dévoile les résultats du fonds France Relance pour les collectivités. Explications.",
     "accroche"),
    ("Décryptage : la loi du 21 février 2022 accélère le partage de données entre "
     "administrations.", "accroche"),
    ("Quelles applications concrètes de l'intelligence artificielle pour les collectivités ?",
     "question"),
    # a written question's formulas, which ask without a question mark (the mosquito note
    # quoted « Dans ce contexte, il lui demande si le Gouvernement envisage de les
    # accompagner… » under the species' spread)
    ("Dans ce contexte, il lui demande si le Gouvernement envisage d'accompagner les communes "
     "dans la lutte contre le moustique tigre.", "question"),
    ("M. Hervé Maurey attire l'attention de M. le ministre d'État, ministre de l'intérieur, sur "
     "la gestion des équipements aquatiques.", "question"),
    ("Le sénateur souhaiterait connaître les mesures prévues pour les communes forestières.",
     "question"),
    ("M. François-Michel Lambert alerte Mme la ministre de la transition écologique sur le "
     "risque d'apparition de résistances au Bti.", "question"),
])
def test_headlines_teasers_and_questions_are_never_quoted(text, reason):
    assert reason in rejection_reasons(text)


@pytest.mark.parametrize("text", [
    "Le rendement moyen des réseaux plafonne à 80 % : sur cinq litres produits et traités, un "
    "seul se perd avant d'atteindre le robinet.",
    "Les élus disposent d'un levier : le schéma directeur, qui programme les travaux sur dix "
    "ans à partir d'un inventaire des canalisations.",
    "La commune de Testville a confié à un cabinet spécialisé l'analyse de ses consommations "
    "d'eau.",
    "Nombre de communes ont adopté un plan : la région les soutient depuis 2020.",
    "Maintenir les surfaces en agriculture biologique reste l'objectif : la région les soutient.",
    "Si la réclamation est incomplète, l'organisme concerné demande à l'usager de la compléter "
    "dans un délai de quinze jours.",
])
def test_statements_with_a_colon_or_a_teaser_word_still_pass(text):
    assert rejection_reasons(text) == []


def test_the_folder_headline_is_left_out(folder_evidence):
    row = _row(folder_evidence, "Journée Numérique & Territoires : l'État dévoile")
    assert "titre ou intitulé" in row["reasons"]


# ----------------------------------------------------------------------------- audience


@pytest.mark.parametrize("text", [
    "La formation IA permet au secteur privé de se doter des moyens pour améliorer ses outils "
    "de travail.",
    "BPI France a lancé à l'occasion de Vivatech, via un fonds doté de 50 millions d'euros, une "
    "aide à l'amorçage destinée aux entreprises tricolores souhaitant se lancer sur l'IA "
    "générative.",
    "L'entreprise propose des abonnements à 20 dollars par mois à ses clients les plus fidèles.",
    "Sans surprise, les géants américains de la high-tech sont en tête.",
])
def test_points_about_firms_are_off_audience(text):
    assert off_audience(text)


@pytest.mark.parametrize("text", [
    "Les start-ups spécialistes de la technologie peuvent offrir un accompagnement adéquat pour "
    "le déploiement de l'IA dans les collectivités.",
    "L'utilisation de l'IA dans le secteur privé est plus répandue et plus ambitieuse car les "
    "acteurs sont plus aptes à supporter les coûts d'acquisition.",
    "Les entreprises titulaires des marchés publics de la commune doivent respecter le RGAA.",
])
def test_sentences_on_firms_that_serve_the_public_side_are_kept(text):
    assert not off_audience(text)


@pytest.mark.parametrize("text", [
    "Tous les agents et élus des collectivités territoriales et des services déconcentrés sont "
    "conviés.",
    "Après un an de mise en œuvre, à mi-parcours, l'heure est au premier bilan.",
    "Le vice-président en charge des mobilités de l'association dresse un premier bilan après "
    "une étude menée sur le sujet.",
    "Au programme : des interventions thématiques sur le fonds et ses résultats.",
    "Marc Durand, directeur d'un cabinet de conseil, accompagne de nombreuses collectivités "
    "dans leurs projets ; il détaille les enjeux d'un déploiement devenu incontournable.",
    "Il détaille les enjeux d'un déploiement devenu, selon lui, incontournable.",
    "La journée a été l'occasion de rappeler les défis actuels auxquels le numérique doit faire "
    "face.",
    "Une occasion de réunir les lauréats et les autres collectivités autour des projets financés.",
    "La première annonce a été la signature d'une convention entre la DINUM et le FIPHFP, en "
    "présence de Fadila Khattabi, ministre déléguée.",
    # a committee's sitting (the incendies note told it as a state of play)
    "Réunie le mercredi 3 août 2022, la commission a examiné le rapport d'information sur la "
    "mission de contrôle relative à la prévention du risque incendie.",
    # a press release's own voice (the bien-vieillir note quoted it as a fact)
    "La Ville de Saumur et son Centre Communal d'Action Sociale (CCAS) sont fiers d'annoncer "
    "que leur initiative « Transport Solidaire » a été désignée lauréate du Prix Coup de pouce.",
    "La métropole a le plaisir de vous présenter son nouveau plan climat.",
    # and a publication's own output (the cimetières note told it as the legal frame)
    "Résonance a déjà publié de nombreux articles sur la législation en matière d'ossuaire.",
    # or what it covers, with nothing of what it found (the attractivité note told it)
    "Une étude mise en ligne le 12 février par Profil public, fait le point.",
    # a day to come (the accueil du jeune enfant note told it as a lever)
    "Pour favoriser les échanges se tiendra à Nanterre la Journée des professionnels.",
    "Le prochain forum des maires ruraux aura lieu le 12 mars à Lyon.",
])
def test_event_announcements_are_recognised(text):
    assert event_announcement(text)


def test_who_attended_is_logistics_but_a_presence_of_things_is_not():
    assert not event_announcement("Les habitants sont fiers de leur centre-ville rénové.")
    assert not event_announcement("La commune a publié un arrêté qui fixe les règles du "
                                  "cimetière.")
    assert not event_announcement("La réforme aura lieu en 2025 et concernera toutes les "
                                  "communes.")
    assert event_announcement("Le plan a été présenté en présence du ministre de l'Intérieur.")
    assert not event_announcement("En présence de données sensibles, un hébergement souverain "
                                  "est requis.")
    assert event_mention("Les ateliers donneront la parole à différents publics, notamment aux "
                         "plus vulnérables.")
    assert not event_mention("Des ateliers numériques sont proposés aux seniors de la commune.")


def test_event_mentions_rank_lower_and_institutions_are_not_events():
    assert event_mention("L'événement a rassemblé plus de 350 participants des différentes "
                         "parties prenantes.")
    assert event_mention("Une table-ronde réunissant des acteurs de l'État et des collectivités "
                         "permettra de poursuivre les réflexions sur la mutualisation.")
    for text in [
        "Le programme répond à la volonté de renforcer la concertation à travers la conférence "
        "nationale des territoires, mise en place par le Gouvernement.",
        "En l'absence de texte spécifique, il convient de respecter certaines règles, a-t-il été "
        "rappelé lors des 3es Assises de l'intelligence artificielle des territoires.",
        "Pendant plusieurs mois, associations d'élus et représentants des services de l'État se "
        "sont réunis autour d'une même table pour écrire leur stratégie commune.",
    ]:
        assert not event_mention(text) and not event_announcement(text), text


def test_an_interview_presentation_is_not_told_with_the_sentence_before_it():
    """The video-protection note quoted « Marc Pichaud, directeur du cabinet Just Do IP,
    accompagne de nombreuses collectivités dans leurs projets ; il détaille les enjeux d'un
    déploiement… »: « Il détaille… », kept out alone, came back paired with the sentence its
    pronoun points to."""
    from ianote_lib.reading.dossier import load_dossier

    d = load_dossier(ROOT / "benchmarks" / "dossiers" / "videoprotection_communes" / "articles")
    d.commande.object = ("la vidéoprotection dans les communes et les intercommunalités et ses "
                         "enjeux (cadre juridique, efficacité, coûts et financements, centres de "
                         "supervision mutualisés, vidéosurveillance algorithmique, libertés "
                         "publiques)")
    d.commande.collectivite = "Ville de Castelrive-sur-Odre"
    comp = compose(d.sentences, d.documents, d.commande, **_tables(d.sentences),
                   date="2026-12-01")
    body = _body(comp)
    assert "détaille les enjeux" not in body
    assert "FIPD" in body


def test_history_told_over_centuries_is_never_told_in_the_body():
    """The street-lighting note filled a sub-part with its dossier's history of lighting
    (« L'éclairage public est apparu dans les villes au XVIIe siècle », « Jusqu'alors et
    depuis la préhistoire, le feu était… ») and concluded on the first of them: background,
    kept out of the body like an event's announcement, unless the object speaks of history;
    the present century is no history."""
    import pandas as pd

    from ianote_lib.note.scoring import historical, never_told

    history = ["L'éclairage public est apparu dans les villes au XVIIe siècle.",
               "Jusqu'alors et depuis la préhistoire, le feu était l'unique source "
               "d'éclairage.",
               "Au fil des siècles suivants, les fonctions de l'éclairage urbain s'élargissent.",
               "Le marché couvert, construit en 1850, accueille toujours les producteurs."]
    present = ["Le défi du XXIe siècle est celui de la sobriété énergétique des communes.",
               "En 2019, le conseil municipal a voté l'extinction de l'éclairage public.",
               "Le parc compte 11 millions de points lumineux, dont 40 % ont plus de 25 ans."]
    assert all(historical(t) for t in history) and not any(historical(t) for t in present)
    rows = pd.Series(history + present)
    assert never_told(rows, {"éclairage public": 1.0}).tolist() == [True] * 4 + [False] * 3
    assert not never_told(rows, {"patrimoine du XVIIe siècle": 1.0}).any()


def _tables(sentences) -> dict:
    """The tables of notebooks 01 to 03 the note reads (parse, figures, checks, use cases)."""
    from ianote_lib.figures.checks import build_checks
    from ianote_lib.figures.extraction import extract_figures
    from ianote_lib.fr.parse import parse_table
    from ianote_lib.use_cases.detection import build_use_cases

    figures = extract_figures(sentences)
    return {"sentence_parse": parse_table(sentences), "figures": figures,
            "checks": build_checks(figures, sentences),
            "use_cases": build_use_cases(sentences, figures)}


def _body(comp) -> str:
    return " ".join(s.text for para in comp.note.paragraphs
                    for s in para.sentences).replace("’", "'")


def test_the_folder_note_leaves_out_headline_logistics_and_dangling_sentences():
    from ianote_lib.reading.dossier import load_dossier

    d = load_dossier(FOLDER)
    d.commande.object = ("la transformation numérique des collectivités territoriales et "
                         "l'appui de l'État")
    d.commande.collectivite = "Ville de Montclar-sur-Lèze"
    comp = compose(d.sentences, d.documents, d.commande, **_tables(d.sentences),
                   date="2026-12-01")
    body = _body(comp)
    for gone in ["Journée Numérique & Territoires :", "sont conviés", "l'heure est au",
                 "a été l'occasion de"]:
        assert gone not in body, gone
    # « Afin d'y remédier, … » only right after what it remedies
    for m in re.finditer(r"Afin d'y remédier", body):
        assert "devoir fournir sans cesse les mêmes données" in body[max(0, m.start() - 160):
                                                                      m.start()]
    assert "?" not in body
    # the sentences of substance of the same documents are still told (the same document's
    # « plus de 194 M€ ont été investis… pour la cybersécurité des services publics » is told in
    # 5 of 8 draws of the topics, its fund in this one)
    assert "FranceConnect" in body and "France Relance" in body
    assert "Transformation numérique des collectivités\xa0» a mobilisé 90 millions" in body


def test_the_embedded_note_leaves_out_points_about_firms(dossier):
    comp = compose(dossier.sentences, dossier.documents, dossier.commande,
                   **_tables(dossier.sentences), date="2026-12-01")
    body = _body(comp)
    for gone in ["permet au secteur privé", "destinée aux entreprises tricolores",
                 "l'entreprise propose des abonnements"]:
        assert gone not in body, gone
    assert "?" not in body
    # the document of the firms' aid (doc. 4) is still cited, for what it says of the State
    told = [st for st in comp.selection.all_statements() if 4 in st.docs]
    assert told and not any(off_audience(st.text) for st in told)
    # the introduction's opening fact and context are about the public side
    for st in comp.selection.hook + comp.selection.context:
        assert not off_audience(st.text) and not event_announcement(st.text), st.text
    # and the note does not open on one collectivité's initiative (« Pionnier, le département
    # du Val-d'Oise utilise… »): that is an example for the body
    from ianote_lib.note.introduction import initiative_sentences
    from ianote_lib.note.picker import Picker

    local = initiative_sentences(Picker(comp.evidence, comp.plan))
    assert local and comp.selection.hook
    assert not {st.sentence_id for st in comp.selection.hook} & local
    # nor does its context name one place's case (the biowaste note's « Le service de collecte
    # des déchets ménagers évolue…, à Fouras et dans toute la communauté d'agglomération
    # Rochefort Océan »)
    from ianote_lib.note.text import names_actor

    assert comp.selection.context
    for st in comp.selection.context:
        assert st.sentence_id not in local and not names_actor(st.text, local=True), st.text


def _list_rows(texts: list[str], kinds: list[str]):
    """One document's sentences as `build_evidence` holds them before lists are joined."""
    import pandas as pd

    return pd.DataFrame({
        "sentence_id": [f"d03s000{k}" for k in range(len(texts))], "doc": [3] * len(texts),
        "kind": kinds, "text": texts, "clean": texts,
        "reasons": [rejection_reasons(t, "sentence", anaphora=False) for t in texts],
        "context_ids": [[] for _ in texts], "resolution": [""] * len(texts)})


def test_a_list_announced_by_a_sentence_is_quoted_as_its_enumeration():
    from ianote_lib.note.lists import join_labelled_lists

    texts = ["L'accessibilité numérique consiste à rendre les services en ligne accessibles aux "
             "personnes handicapées, c'est-à-dire :",
             "perceptibles : par exemple, faciliter la perception visuelle du contenu ;",
             "utilisables : par exemple, fournir des éléments d'orientation ;",
             "robustes : par exemple, optimiser la compatibilité avec les technologies.",
             "Le référentiel général fixe les critères que les services doivent respecter."]
    sents = _list_rows(texts, ["sentence", "bullet", "bullet", "bullet", "sentence"])
    assert sents.at[0, "reasons"] == ["fragment (fin)"]
    join_labelled_lists(sents)
    assert sents.at[0, "clean"] == (
        "L'accessibilité numérique consiste à rendre les services en ligne accessibles aux "
        "personnes handicapées, c'est-à-dire perceptibles, utilisables et robustes.")
    assert sents.at[0, "reasons"] == [] and sents.at[0, "resolution"] == "liste"
    assert sents.at[0, "context_ids"] == ["d03s0001", "d03s0002", "d03s0003"]
    assert sents.at[4, "clean"] == texts[4]          # no list after it: left as it is


def test_a_list_of_short_items_is_quoted_as_one_enumeration():
    from ianote_lib.note.lists import join_listed_items

    texts = ["Parmi les mesures qui concernent directement les collectivités figurent :",
             "- un fonds pour les communes dont les réseaux perdent le plus d'eau ;",
             "- l'obligation pour chaque service de se doter d'un schéma directeur ;",
             "- l'installation de compteurs communicants dans les bâtiments publics.",
             "Le plan prévoit aussi une tarification progressive de l'eau potable."]
    sents = _list_rows(texts, ["sentence", "bullet", "bullet", "bullet", "sentence"])
    join_listed_items(sents)
    assert sents.at[0, "clean"] == (
        "Parmi les mesures qui concernent directement les collectivités figurent : un fonds pour "
        "les communes dont les réseaux perdent le plus d'eau, l'obligation pour chaque service "
        "de se doter d'un schéma directeur et l'installation de compteurs communicants dans les "
        "bâtiments publics.")
    assert sents.at[0, "reasons"] == [] and sents.at[0, "resolution"] == "liste"
    assert sents.at[0, "context_ids"] == ["d03s0001", "d03s0002", "d03s0003"]
    # a lead « Parmi… : » with no verb of its own: the items « figurent » (the water note read
    # « parmi les mesures qui concernent directement les collectivités : un fonds… »)
    bare = _list_rows([texts[0].replace(" figurent :", " :"), *texts[1:]],
                      ["sentence", "bullet", "bullet", "bullet", "sentence"])
    join_listed_items(bare)
    assert bare.at[0, "clean"] == sents.at[0, "clean"].replace("figurent :", "figurent")
    # of a catalogue of more than five items, the first four, after « notamment », each by its
    # words before its conditions (« …, sauf… », « …, y compris… »)
    long = _list_rows(texts[:1] + [f"- un dispositif de soutien numéro {k}, sauf pour les "
                                   "communes nouvelles créées après la réforme de 2015 ;"
                                   for k in range(6)], ["sentence"] + ["bullet"] * 6)
    join_listed_items(long)
    assert long.at[0, "clean"] == (
        "Parmi les mesures qui concernent directement les collectivités figurent : notamment un "
        "dispositif de soutien numéro 0, un dispositif de soutien numéro 1, un dispositif de "
        "soutien numéro 2 et un dispositif de soutien numéro 3.")
    assert long.at[0, "context_ids"] == ["d03s0001", "d03s0002", "d03s0003", "d03s0004"]
    # an item too long to enumerate, or a catalogue of bare labels (headings), stays out
    wordy = _list_rows(texts[:2] + ["- " + "une mesure très détaillée " * 6 + ";"],
                       ["sentence", "bullet", "bullet"])
    labels = _list_rows(texts[:1] + [f"- Dispositif de soutien numéro {k}" for k in range(6)],
                        ["sentence"] + ["bullet"] * 6)
    for rows in (wordy, labels):
        join_listed_items(rows)
        assert rows.at[0, "resolution"] == "" and rows.at[0, "reasons"] == ["fragment (fin)"]
    # a short lead is the usual one (the open data note quoted one of its items alone, « Les
    # données dont la publication présente un intérêt économique… »)
    short = _list_rows(["Les collectivités doivent mettre en ligne :",
                        "- Les documents qu'elles communiquent suite à des demandes d'accès",
                        "- Les principales bases de données qu'elles produisent ou reçoivent",
                        "- Les données dont la publication présente un intérêt économique"],
                       ["sentence"] + ["bullet"] * 3)
    assert "trop courte" in short.at[0, "reasons"]
    join_listed_items(short)
    assert short.at[0, "clean"] == (
        "Les collectivités doivent mettre en ligne : les documents qu'elles communiquent suite à "
        "des demandes d'accès, les principales bases de données qu'elles produisent ou reçoivent "
        "et les données dont la publication présente un intérêt économique.")


def test_a_comma_between_a_name_and_its_verb_goes():
    from ianote_lib.note.text import compress

    assert compress("Jean-Noël Barrot, a reconnu que la régulation envisagée par l'Europe "
                    "n'intégrait pas les IA génératives.").startswith("Jean-Noël Barrot a reconnu")
    for kept in ["En France, a été créé un fonds de soutien aux communes rurales du pays.",
                 "Jean Dupont, maire de la ville, a reconnu que le projet était en retard."]:
        assert compress(kept) == kept


def test_the_documents_slips_are_not_copied():
    from ianote_lib.note.text import compress

    assert "il s'agit d'une aide à la décision" in compress(
        "Selon Jean-Paul Muller d'Inetum, il s'agit une aide à la décision, la décision finale "
        "restant humaine.")
    assert compress('"Il s\'agit une aide à la décision", explique Jean Dupont.').startswith(
        '"Il s\'agit d\'une aide')
    assert compress("Lorsque'elle est utilisée dans les services publics, l'IA peut réduire "
                    "les coûts.").startswith("Lorsqu'elle est utilisée")
    # a noun in -ité takes « la » (the embedded note concluded « …le rapidité du déploiement
    # de l'intelligence artificielle rend difficile… »); « le comité », « le traité » stay
    assert compress("Le rapidité du déploiement de l'IA rend difficile l'évaluation des "
                    "impacts.").startswith("La rapidité du déploiement")
    assert compress("Le comité de suivi examine le traité et le rapport sur la qualité des "
                    "services.").startswith("Le comité de suivi examine le traité")


def test_an_incise_between_hyphens_is_set_between_en_dashes():
    from ianote_lib.note.write import french_typography

    text = ("L'intégration de l'IA au sein des collectivités - et plus globalement dans le "
            "secteur public - semble difficile.")
    assert french_typography(text) == (
        "L'intégration de l'IA au sein des collectivités – et plus globalement dans le secteur "
        "public – semble difficile.")
    # (after a parenthesis too: the charging stations note read « La Commission de régulation
    # de l'énergie (CRE) - dans un avis… », a list marker to any reader)
    assert french_typography("La Commission de régulation de l'énergie (CRE) - dans un avis - "
                             "estime le coût.") == (
        "La Commission de régulation de l'énergie (CRE) – dans un avis – estime le coût.")
    # compound words and ranges keep their hyphen
    assert french_typography("Les Alpes-de-Haute-Provence, 2020-2024.") == (
        "Les Alpes-de-Haute-Provence, 2020-2024.")


def test_a_comma_glued_to_the_next_word_gets_its_space():
    from ianote_lib.note.write import french_typography

    # (the ZAN dossier: « En cas de carence du PLU(i) … au 22 août 2027,aucune autorisation… »)
    assert french_typography("Au 22 août 2027,aucune autorisation ne sera accordée.") == (
        "Au 22 août 2027, aucune autorisation ne sera accordée.")
    assert french_typography("Les partenaires : ARS,DDTM,Conseil régional.") == (
        "Les partenaires\u00a0: ARS, DDTM, Conseil régional.")
    # a decimal comma stays
    assert french_typography("Le taux atteint 0,67 % par an.") == "Le taux atteint 0,67\u00a0% par an."


def test_words_between_single_quotes_are_set_between_guillemets():
    from ianote_lib.note.write import french_typography

    # (the heat note's levers: « mettre en place un 'plan pluie' »)
    assert french_typography("Il faut mettre en place un 'plan pluie' ; capter l'investissement.") \
        == "Il faut mettre en place un «\u00a0plan pluie\u00a0»\u00a0; capter l'investissement."
    assert french_typography("Le label ‘Bio’ est connu.") == "Le label «\u00a0Bio\u00a0» est connu."
    # apostrophes stay
    for text in ["L'école d'été de l'État.", "Aujourd'hui, l'eau manque.",
                 "Les communes' budgets."]:
        assert french_typography(text) == text


def test_a_list_of_numbered_labels_or_after_a_pronoun_is_not_joined():
    from ianote_lib.note.lists import join_labelled_lists

    def frame(texts):
        return _list_rows(texts, ["sentence"] + ["bullet"] * (len(texts) - 1))

    numbered = frame(["Des principes généraux, au nombre de sept, sont détaillés dans l'étude :",
                      "Principe 1 : la primauté humaine ;", "Principe 2 : la performance ;"])
    pronoun = frame(["Elle doit également permettre la réduction des risques ou leur prévention :",
                     "Usage de données conformes : un jeu de données vérifié ;",
                     "Minimisation des données : le strict nécessaire ;"])
    for sents in (numbered, pronoun):
        before = sents["clean"].tolist()
        join_labelled_lists(sents)
        assert sents["clean"].tolist() == before and sents.at[0, "resolution"] == ""


def test_a_fact_other_documents_give_is_corroborated():
    texts = [
        "Les repas servis doivent comporter 50 % de produits durables dont 20 % de produits bio.",
        "La loi fixe un objectif d'au moins 50 % de produits durables, dont au moins 20 % de bio.",
        "Sur l'année 2020, la cuisine centrale est à 20 % de bio et 50 % de produits durables.",
        "Le même document répète : 50 % de produits durables, dont 20 % de bio.",
        # one shared figure and nothing else of the fact: another fact
        "La commune a réduit de 20 % sa facture d'énergie en rénovant ses écoles.",
        # small counts and dates in digits tell nothing
        "Les 3 axes du plan ont été adoptés le 10/05/2021 par 2 votes.",
        "Le rapport du 10/05/2021 présente 3 axes et 2 priorités.",
    ]
    docs = [1, 2, 3, 1, 4, 5, 6]
    assert corroboration(texts, docs).tolist() == [2, 2, 2, 2, 0, 0, 0]


@pytest.fixture(scope="module")
def egalim():
    """The EGalim folder of the benchmarks composed with its parse (its objet given)."""
    from ianote_lib.fr.parse import parse_table
    from ianote_lib.note.render import compose
    from ianote_lib.reading.dossier import load_dossier

    d = load_dossier(ROOT / "benchmarks" / "dossiers" / "egalim_restauration_scolaire"
                     / "articles")
    d.commande.object = "la mise en œuvre de la loi EGalim dans la restauration scolaire"
    return compose(d.sentences, d.documents, d.commande,
                   sentence_parse=parse_table(d.sentences), date="2026-12-01")


def test_a_fact_four_documents_give_is_told_once_and_kept(egalim):
    """The EGalim folder of the benchmarks: the 50 % of sustainable products, 20 % of them
    organic, that the law imposes is given by four documents, and no topic of the built plan
    names it. The body tells it once — picked by its topic, else told for its corroboration
    (`tell_corroborated`) — and the trims that bring a sub-part full of initiatives down to its
    share drop it last (the conclusion may take it again as a main point)."""
    from ianote_lib.note.functions import compatible
    from ianote_lib.note.picker import Picker
    from ianote_lib.note.render import render_markdown

    comp = egalim
    picker = Picker(comp.evidence, comp.plan)
    row = next(i for i, t in enumerate(picker.pool["clean"])
               if "issus de l'agriculture biologique ou en conversion" in t.replace("’", "'"))
    assert picker.corroborated[row] >= 3
    body = render_markdown(comp).split("En définitive")[0]
    assert body.count("issus de l'agriculture biologique ou en conversion") == 1
    sid = picker.pool.at[row, "sentence_id"]
    section = next(k for k, items in comp.selection.statements.items()
                   if any(st.sentence_id == sid for st in items))
    assert compatible(picker.functions[row], comp.plan.section(section).functions)


def test_the_making_of_a_product_is_no_lever(egalim):
    """The EGalim folder holds the page of a digital service that tells its own making (« L'équipe
    interroge institutions, acheteurs… afin de proposer une hypothèse de solution », « Le comité
    final… a validé la construction du produit imaginé »): the levers' sub-part told it, and a
    paragraph opened « L'action doit d'abord porter sur la construction ». The body tells none
    of it; the same reading holds for the ZAN dossier's service (« Après une phase
    d'investigation…, la construction du service a débuté »)."""
    from ianote_lib.note.render import render_markdown

    sentences = egalim.evidence.sentences
    flagged = sentences[sentences["text"].map(project_narrative)]
    assert len(flagged) >= 3 and set(flagged["doc"]) == {3, 4, 5}
    told = {sid for items in egalim.selection.statements.values() for st in items
            for sid in st.source_ids}
    assert not told & set(flagged["sentence_id"])
    assert "porter sur la construction" not in render_markdown(egalim)
    assert project_narrative("Après une phase d'investigation de mars à mai 2020, la "
                             "construction du service a débuté fin 2020.")
    # a team of the collectivité, the development of a public service: public action
    for kept in ["L'équipe municipale a voté un plan alimentaire territorial.",
                 "Le développement du service public de la restauration scolaire progresse.",
                 "Les équipes de cuisine ont réduit le gaspillage de 30 %."]:
        assert not project_narrative(kept)
    # nor does a body's history (the mobility note's state of play told « …la communauté de
    # communes Saint-Pourçain Sioule Limagne, est née, en 2017, de la fusion de trois
    # communautés de communes »), unless it says what came of it
    assert project_narrative("Dans l'Allier, la communauté de communes, est née, en 2017, de "
                             "la fusion de trois communautés de communes.")
    assert project_narrative("Ce service, créé en 2012, était auparavant porté par le "
                             "Syndicat Mixte du Pays de Dinan.")
    assert not project_narrative("Dinan Agglomération, né de la fusion de plusieurs "
                                 "communautés de communes, a hérité d'un patrimoine public "
                                 "conséquent.")


def test_a_key_figure_set_as_a_label_is_written_as_a_sentence(egalim):
    """« - 56 809 : nombre de cantines inscrites en octobre 2025, soit près de 65% du volume
    total estimé des établissements » (the EGalim folder's state of play) had no verb: it was
    never quotable. It is now, as the note writes it."""
    from ianote_lib.note.candidates import figure_label_sentence

    pool = egalim.evidence.pool.set_index("sentence_id")
    row = next(sid for sid, t in pool["text"].items() if str(t).startswith("- 56 809 :"))
    assert pool.at[row, "clean"] == (
        "Le nombre de cantines inscrites en octobre 2025 est de 56 809, soit près de 65% du "
        "volume total estimé des établissements.")
    assert pool.at[row, "candidate"]
    assert figure_label_sentence("• 3 % des revenus : le seuil d'accessibilité retenu par les "
                                 "Nations unies") == ("Le seuil d'accessibilité retenu par les "
                                                      "Nations unies est de 3 % des revenus.")
    assert figure_label_sentence("- 2 : les priorités retenues") == (
        "Les priorités retenues sont au nombre de 2.")
    # a year is a date, not a figure; what holds a verb or a relative clause is a sentence
    for other in ["2019 : création de la plateforme", "2024 : la loi entre en vigueur",
                  "12 : les communes qui ont adopté le plan", "3 axes : formation, éthique"]:
        assert figure_label_sentence(other) is None


def test_a_dossier_mostly_of_facts_still_fills_its_note(egalim):
    """Most of the EGalim folder's statements are facts (`constat`): the frame's other
    sub-parts run out of the statements filed under them. The body still reaches the genre's
    1 400 words, with facts told where their function fits (`body.loose_pick`), no sub-part
    over a third of the page (the conclusion counted with the last), and no sentence in the
    first person (« j'organise… »)."""
    from ianote_lib.note.functions import classify_all, compatible

    # (1 371 words without the collectivité's name: the folder has few levers, and its levers'
    # sub-part no longer tells the making of a product, `test_the_making_of_a_product_is_no_lever`;
    # before `body.loose_pick` the body stopped at 1 294)
    assert 1350 <= egalim.report.words <= 2200, egalim.report.words
    words = {k: sum(len(st.text.split()) for st in items)
             for k, items in egalim.selection.statements.items()}
    # (the conclusion follows the last sub-part without a title: the page counts it there)
    words[list(words)[-1]] += sum(len(s.text.split()) for p in egalim.note.paragraphs
                                  if p.role == "conclusion" for s in p.sentences)
    assert max(words.values()) <= sum(words.values()) / 3, words
    pool = egalim.evidence.pool.set_index("sentence_id")["clean"]
    for key, items in egalim.selection.statements.items():
        quoted = [st for st in items if st.sentence_id in pool.index and not st.kind]
        functions = classify_all([pool[st.sentence_id] for st in quoted])
        for st, function in zip(quoted, functions, strict=True):
            assert compatible(function, egalim.plan.section(key).functions), (key, st.text)
            assert not re.search(r"(?i)(?<![\w'])j['’]\w", st.text), st.text


def test_a_sub_part_of_rules_tells_no_fact_without_a_rule(egalim):
    """The EGalim folder's built plan has a sub-part that asks only for rules (« Un cadre
    juridique… »): a plain fact goes there only when it holds a rule's cue (« la loi »,
    « doivent »…). A market's growth or what experts agree on is no legal framework; before
    this rule the sub-part told « Le marché français des produits biologiques a connu une
    croissance historique… » and « Les experts sont unanimes… »."""
    from ianote_lib.note.functions import compatible, function_scores

    rules = [sp.key for sp in egalim.plan.subparts if sp.functions == ["regle"]]
    assert rules, [sp.functions for sp in egalim.plan.subparts]
    pool = egalim.evidence.pool.set_index("sentence_id")["clean"]
    told = [st for key in rules for st in egalim.selection.statements[key]
            if st.sentence_id in pool.index]
    assert len(told) >= 4
    for st in told:
        assert function_scores(pool[st.sentence_id])["regle"] > 0, st.text
    assert not any("croissance historique" in st.text or "unanimes" in st.text for st in told)
    market = "Le marché français des produits biologiques a connu une croissance historique."
    assert compatible("constat", ["regle"]) and not compatible(
        "constat", ["regle"], function_scores(market))
    assert compatible("constat", ["risque"], function_scores(market))


def test_the_introduction_s_context_is_no_programme_s_presentation():
    """The cybersecurity note's context read « MonServiceSécurisé est la solution de
    cybersécurité de l'ANSSI pour aider les entités publiques à sécuriser… », an initiative of
    the State the body tells; its context is the directive and the level of security."""
    from ianote_lib.reading.dossier import load_dossier

    d = load_dossier(ROOT / "benchmarks" / "dossiers" / "cybersecurite_collectivites"
                     / "dossier.txt")
    tables = _tables(d.sentences)
    assert tables["use_cases"]["evidence_sentence_ids"].astype(str).str.len().sum() > 0
    comp = compose(d.sentences, d.documents, d.commande, **tables, date="2026-12-01")
    context = [st.text for st in comp.selection.context]
    assert context and not [t for t in context if "MonServiceSécurisé" in t], context


def test_a_place_told_by_its_streets_its_village_or_its_agents_is_local():
    """The plan communal de sauvegarde note opened on « Pendant la crise sanitaire du Covid, les
    élus et les agents municipaux de Ballots, un village de Mayenne de 1 300 habitants, ont
    pris conscience… », one village's case; « les rues de France » is no place's."""
    from ianote_lib.note.text import names_actor

    for text in ["Pendant la crise sanitaire, les agents municipaux de Ballots, un village de "
                 "Mayenne, ont pris conscience qu'ils n'étaient pas équipés.",
                 "Désormais 88 % des rues de Lille sont limitées à 30 km/h."]:
        assert names_actor(text, local=True), text
    assert not names_actor("Les rues de France comptent 10 000 radars.", local=True)


def test_the_note_opens_on_a_fact_not_on_a_local_body_s_tool(tmp_path):
    """The heat note opened on « La Charte de l'arbre est un outil rassemblant l'ensemble des
    acteurs du territoire de la Métropole de Lyon… », an example for the body, when the dossier
    held « Après un été 2025 déjà classé troisième plus chaud depuis 1900, juin 2026 a battu
    tous les records… »."""
    from ianote_lib.reading.dossier import load_dossier

    tool = ("La Charte de l'arbre est un outil rassemblant l'ensemble des acteurs de la "
            "Métropole de Lyon autour de la chaleur en ville et des arbres depuis 2011.")
    fact = ("Après un été 2025 déjà classé troisième plus chaud depuis 1900, juin 2026 a battu "
            "tous les records de chaleur en ville, avec 5 700 décès attribuables à la chaleur.")
    def hook(name: str, docs: list, subject: str) -> list[str]:
        d = load_dossier(write_exam_dossier(tmp_path / name, docs, subject))
        comp = compose(d.sentences, d.documents, d.commande, **_tables(d.sentences),
                       date="2026-12-01")
        return [st.text for st in comp.selection.hook]

    opening = hook("chaleur.txt", [
        ("La Charte de l'arbre", "Métropole de Lyon", "3 mars 2024",
         [tool, "Les arbres plantés rafraîchissent la ville pendant les vagues de chaleur.",
          "La Métropole de Lyon plante 300 000 arbres pour lutter contre la chaleur en ville."]),
        ("Un été record", "Météo-France", "5 juillet 2026",
         [fact, "Les vagues de chaleur en ville menacent la santé des personnes âgées.",
          "Les îlots de chaleur urbains aggravent les vagues de chaleur dans les villes."])],
        "la chaleur en ville")
    assert opening and opening[0].startswith("Après un été 2025"), opening
    # nor on what acting would bring (the rénovation note opened on « Pour atteindre les
    # objectifs du dispositif…, il est possible d'optimiser l'exploitation des bâtiments… »)
    lever = ("Pour atteindre les objectifs du dispositif Éco Énergie Tertiaire de 2019 dans les "
             "bâtiments publics, il est possible d'optimiser la rénovation énergétique des "
             "bâtiments publics et de moderniser leurs équipements.")
    law = ("La loi ELAN de 2018 a inscrit au code de la construction une obligation de réduire "
           "la consommation énergétique des bâtiments publics.")
    opening = hook("renovation.txt", [
        ("Le dispositif Éco Énergie Tertiaire", "ADEME", "3 mars 2024",
         [lever, "La rénovation des bâtiments publics réduit leur consommation d'énergie.",
          "Les bâtiments publics consomment trop d'énergie en hiver."]),
        ("La loi ELAN", "Légifrance", "5 juillet 2024",
         [law, "Les communes doivent déclarer chaque année la consommation de leurs bâtiments.",
          "La rénovation énergétique des bâtiments publics est une priorité des communes."])],
        "la rénovation énergétique des bâtiments publics")
    assert opening == [law], opening
    # nor on what a tool brought, however strong its figure, when a fact can open it (the
    # cybersecurity note opened on « Ayant déjà permis de sécuriser plus de 3 800 services
    # publics numériques, … MonServiceSécurisé est devenu un outil de référence »)
    tool = ("Ayant déjà permis de sécuriser plus de 3 800 services publics numériques des "
            "collectivités, MonServiceSécurisé est devenu un outil de référence de la "
            "cybersécurité.")
    law = ("Depuis le 17 octobre 2024, la directive NIS 2 sur la cybersécurité s'applique et "
           "les 15 000 entités concernées devront être en conformité d'ici le 31 décembre 2027.")
    opening = hook("cyber.txt", [
        ("MonServiceSécurisé", "ANSSI", "3 mars 2024",
         [tool, "La cybersécurité des collectivités progresse avec les outils de l'ANSSI.",
          "Les collectivités homologuent leurs services numériques."]),
        ("La directive NIS 2", "ANSSI", "5 juillet 2024",
         [law, "Les collectivités subissent de nombreuses cyberattaques.",
          "La cybersécurité des collectivités dépend de leurs agents."])],
        "la cybersécurité des collectivités")
    assert opening == [law], opening
    # nor on a person's view (the participation note opened on « Selon Antoine Bezard,
    # consultant…, un budget participatif nécessite… »)
    view = ("« La vidéoprotection des communes nécessite beaucoup d'ingénierie, difficilement "
            "mobilisable pour 20 000 petites communes en 2024 », note Jean Martin, consultant "
            "en sécurité.")
    law = ("Depuis la loi du 21 janvier 1995, la vidéoprotection des communes est autorisée par "
           "le préfet pour cinq ans, et 1 200 communes sont équipées de caméras.")
    opening = hook("video.txt", [
        ("Un entretien", "Ifop", "3 mars 2024",
         [view, "La vidéoprotection des communes rassure les habitants.",
          "Les habitants demandent des caméras dans les rues."]),
        ("La loi de 1995", "CNIL", "5 juillet 2024",
         [law, "Les communes installent des caméras de vidéoprotection.",
          "La vidéoprotection des communes coûte cher aux budgets locaux."])],
        "la vidéoprotection des communes")
    assert opening == [law], opening
    assert weak_opening(view) and weak_opening("Selon Jean Martin, consultant, la "
                                               "vidéoprotection est utile.")
    # nor on a tool's presentation while a fact can (the cybersécurité note opened on
    # « MonAideCyber s'adresse aux entités publiques et privées… »)
    tool = ("En 2023, l'ANSSI a lancé le dispositif MonAideCyber, qui accompagne gratuitement "
            "3 000 collectivités dans le renforcement de leur cybersécurité.")
    fact = ("En 2020, près de 30 % des collectivités territoriales ont été victimes d'une "
            "attaque au rançongiciel selon une étude du Clusif.")
    opening = hook("aide.txt", [
        ("MonAideCyber", "ANSSI", "3 mars 2024",
         [tool, "La cybersécurité des collectivités progresse avec les outils de l'ANSSI.",
          "Les collectivités homologuent leurs services numériques."]),
        ("Les attaques", "Clusif", "5 juillet 2024",
         [fact, "Les collectivités subissent de nombreuses cyberattaques.",
          "La cybersécurité des collectivités dépend de leurs agents."])],
        "la cybersécurité des collectivités")
    assert opening == [fact], opening
    assert not weak_opening(law) and not weak_opening("Selon l'Insee, la population vieillit.")


@pytest.mark.parametrize("text", [
    "Hervé Maurey attire l'attention de M. le ministre d'État, sur la gestion des équipements "
    "aquatiques.",
    "Jean Louis Masson expose à M. le ministre de l'intérieur le cas d'une communauté de "
    "communes ayant réalisé un équipement sportif.",
    "Mme Dupont appelle l'attention de Mme la ministre de la culture sur les horaires des "
    "bibliothèques.",
])
def test_a_parliamentary_question_s_presentation_states_nothing(text):
    """The sports dossier's written questions open « X attire l'attention de M. le ministre…
    sur… »: who asked, not what is so."""
    assert event_announcement(text)


def test_drawing_a_body_s_attention_is_a_statement():
    assert not event_announcement("La Cour des comptes attire l'attention des communes sur le "
                                  "coût de fonctionnement des piscines.")


def test_one_fact_that_two_documents_state_in_other_words_is_told_once(tmp_path):
    """The forêts note gave « 2,9 millions d'hectares » of communal forests in its introduction
    (doc. 3) and again in its levers (doc. 1): once chosen, a row absorbs those of other
    documents that restate its fact — a figure two documents at most give, no figure it
    lacks, half its words — and cites them; a figure every document repeats (« 30 km/h »)
    joins nothing."""
    from ianote_lib.note.picker import Picker, restated_rows

    write_exam_dossier(tmp_path / "dossier.txt", [
        ("La forêt publique", "Revue test", "3 octobre 2023", [
            "L'office gère 1,7 million d'hectares de forêts domaniales et 2,9 millions "
            "d'hectares de forêts appartenant aux communes forestières propriétaires.",
            "Les rues limitées à 30 km/h se multiplient dans les villes forestières de France."]),
        ("Les communes forestières", "Gazette test", "5 juin 2023", [
            "Les communes forestières sont propriétaires de 2,9 millions d'hectares de forêts "
            "en métropole.",
            "Les rues limitées à 30 km/h se multiplient dans les communes forestières."]),
        ("La vitesse en ville", "Journal test", "20 juin 2023", [
            "La limitation des rues à 30 km/h réduit le bruit dans les communes forestières de "
            "montagne."])],
        "la gestion des forêts communales")
    evidence, plan = _evidence_and_plan(tmp_path / "dossier.txt")
    picker = Picker(evidence, plan)

    def row(start: str) -> int:
        # (a count of a page of 2023 is told with its year: « En 2023, l'office gère… »)
        return next(i for i, t in enumerate(picker.pool["clean"])
                    if str(t).removeprefix("En 2023, ").lower().startswith(start.lower()))

    office, owners = row("L'office gère"), row("Les communes forestières sont propriétaires")
    assert restated_rows(picker, office) == {owners}
    assert not restated_rows(picker, owners)     # (it lacks the 1,7 million the other gives)
    st = picker.make(office, plan.subparts[0].key, "t", 1.0)
    assert picker.used[owners] and st.docs == [1, 2]
    streets = row("Les rues limitées à 30 km/h se multiplient dans les communes")
    assert not restated_rows(picker, streets)


def test_what_a_document_announced_for_a_time_now_past_is_not_told_as_to_come():
    """The bornes note told in December 2026 « Le Siéml installera 250 bornes publiques
    supplémentaires d'ici 2025 », the tiers-lieux note « Pour la première vague, les candidats
    devront envoyer leur dossier avant le 4 novembre 2021 »: stale on the note's day. A state
    from a date on (« Dès 2024, le non-respect… sera passible… ») is the rule, and holds."""
    import pandas as pd

    from ianote_lib.fr.parse import parse_texts
    from ianote_lib.note.outdated import outdated, outdated_ids

    stale = "Le syndicat installera 250 bornes publiques de recharge supplémentaires d'ici 2025."
    rule = ("Dès 2024, le non-respect de l'obligation de déploiement des bornes de recharge sera "
            "passible de sanctions financières.")
    assert outdated(stale, "futur", 2026) and not outdated(stale, "futur", 2025)
    assert not outdated(rule, "futur", 2026)
    assert not outdated("Les métropoles pourront laisser circuler les véhicules Crit'Air 3 dans "
                        "leur ZFE au-delà du 1er janvier 2025.", "futur", 2026)
    assert not outdated("Le syndicat installera 250 bornes d'ici 2030.", "futur", 2026)
    # (the year a sentence opens on dates its main verb, whatever the later years: the
    # cybersécurité note told in December 2026 « Le 17 octobre 2024, la directive européenne
    # NIS 2 sur la cybersécurité entrera en vigueur… d'ici le 31 décembre 2027 »)
    assert outdated("Le 1er mars 2024, la réforme entrera en vigueur et les communes devront "
                    "s'y conformer d'ici 2028.", "futur", 2026)
    assert outdated("En 2025, le syndicat installera 250 bornes d'ici 2030.", "futur", 2026)
    assert not outdated("En 2026, le syndicat installera 250 bornes d'ici 2030.", "futur", 2026)
    assert not outdated("Le syndicat a installé 250 bornes en 2021.", "passé", 2026)
    # (a future inside the sentence is for the year that follows it, whatever the main verb's
    # time: the stationnement and équipements sportifs notes)
    assert outdated("La Cnil a rendu publiques ses recommandations sur la réforme du "
                    "stationnement, qui entrera en vigueur au 1er janvier 2017.", "passé", 2026)
    assert outdated("Les contours de la piscine intercommunale qui va ouvrir en 2022 à Maurepas "
                    "ont été dévoilés.", "passé", 2026)
    assert not outdated("La Cnil a publié ses recommandations sur la réforme, qui entrera en "
                        "vigueur en 2027.", "passé", 2026)
    assert not outdated("Les caméras installées en 2019 ont permis de réduire les dépôts.",
                        "passé", 2026)
    # (a future of être, pouvoir, devoir… inside the sentence, for the date it names: the trait
    # de côte note told in December 2026 « …et le comité sera à nouveau convoqué en juin
    # 2024 »; not a year it is compared with)
    assert outdated("Les collèges se sont réunis depuis avril 2023 et le comité sera à nouveau "
                    "convoqué en juin 2024.", "passé", 2026)
    assert outdated("Le déploiement se poursuit et devra être complet d'ici le 31 mars 2020.",
                    "présent", 2026)
    assert not outdated("D'ici à 2030, leur nombre aura augmenté de 49 % par rapport à 2020.",
                        "futur", 2026)
    assert not outdated("L'objectif est de protéger les vélos qui y seront accrochés, alors qu'en "
                        "2020, 6 631 plaintes ont été déposées.", "présent", 2026)
    # a month counts against the note's day (the meublés note told in December 2026 « D'ici mai
    # 2026, tous les meublés de tourisme devront être enregistrés en mairie »); a year alone
    # holds until its end
    import datetime as dt
    register = "D'ici mai 2026, tous les meublés de tourisme devront être enregistrés en mairie."
    assert outdated(register, "futur", dt.date(2026, 12, 1))
    assert not outdated(register, "futur", dt.date(2026, 3, 1))
    assert not outdated(register, "futur", 2026)
    assert not outdated("Le syndicat installera 250 bornes d'ici 2026.", "futur",
                        dt.date(2026, 12, 1))
    assert outdated("La Suite territoriale sera déployable à l'échelle nationale au 1er janvier "
                    "2026.", "futur", dt.date(2026, 12, 1))
    # what held until a date now past is not told as holding still (the trait de côte note
    # opened in December 2026 on « Jusqu'au 29 mars 2022, le ministère… soumet à la
    # consultation du public un projet de décret »); told in the past, it is history
    consultation = ("Jusqu'au 29 mars 2022, le ministère soumet à la consultation du public un "
                    "projet de décret.")
    assert outdated(consultation, "", dt.date(2026, 12, 1))
    assert not outdated(consultation, "", dt.date(2022, 3, 1))
    assert outdated("Jusqu'en 2025, les communes peuvent déroger à la règle.", "", 2026)
    assert not outdated("Jusqu'en 2026, les communes peuvent déroger à la règle.", "", 2026)
    assert not outdated("Jusqu'en 2020, la commune gérait seule le service.", "imparfait", 2026)
    deadline = ("Pour la première vague, les candidats devront envoyer leur dossier avant le 4 "
                "novembre 2021.")
    texts = [stale, rule, deadline]
    table = pd.DataFrame({"sentence_id": ["s1", "s2", "s3"], "text": texts,
                          "tense": [r["tense"] for r in parse_texts(texts)]})
    assert outdated_ids(table, 2026) == {"s1", "s3"}
    assert outdated_ids(table, 2021) == set()
    # (a row of several sentences by its first: the fund it creates is told still)
    fund = pd.DataFrame({"sentence_id": ["s4"], "tense": ["présent"], "text": [
        "Un fonds national est créé et doté de 350 millions d'euros. Un premier appel à projets "
        "sera lancé en 2019."]})
    assert outdated_ids(fund, 2026) == set()


def test_a_state_announced_from_a_date_now_past_is_told_in_the_present():
    """A jury read in a note of December 2026 « Dès 2024, le non-respect de l'accessibilité des
    sites… sera passible de sanctions », twice: the state holds on the note's day, and the note
    says so in the present; a state from a date still to come, or a sentence that names a year
    to come, keeps its future; what is no state from a date keeps its tense."""
    from ianote_lib.note.model import Note, NoteParagraph, NoteSentence
    from ianote_lib.note.outdated import in_force, tell_in_force

    assert in_force("Dès 2024, le non-respect de l'accessibilité des sites, déjà rendue "
                    "obligatoire depuis la loi de 2005, sera passible de sanctions.", 2026) == (
        "Dès 2024, le non-respect de l'accessibilité des sites, déjà rendue obligatoire depuis "
        "la loi de 2005, est passible de sanctions.")
    assert in_force("À partir du 1er janvier 2025, les communes devront publier leur schéma et "
                    "les règles s'appliqueront à toutes.", 2026) == (
        "À partir du 1er janvier 2025, les communes doivent publier leur schéma et les règles "
        "s'appliquent à toutes.")
    assert in_force("La ZFE concernera à partir du 1er juillet 2023 les voitures les plus "
                    "polluantes.", 2026) == ("La ZFE concerne à partir du 1er juillet 2023 les "
                                             "voitures les plus polluantes.")
    for same in ("À partir de 2028, le paiement sera variable.",
                 "Dès 2024, les communes devront atteindre l'objectif d'ici 2030.",
                 "Le comité sera convoqué en juin 2024.",
                 "La caméra sera installée sur le parking."):
        assert in_force(same, 2026) == same
    assert in_force("Dès 2024, le paiement sera variable.", 2024) == (
        "Dès 2024, le paiement sera variable.")
    import datetime as dt
    assert in_force("À partir du 1er juillet 2026, la ZFE concernera les voitures.",
                    dt.date(2026, 12, 1)) == ("À partir du 1er juillet 2026, la ZFE concerne les "
                                              "voitures.")
    assert in_force("À partir du 1er juillet 2026, la ZFE concernera les voitures.",
                    dt.date(2026, 3, 1)) == ("À partir du 1er juillet 2026, la ZFE concernera "
                                             "les voitures.")
    quoted = NoteSentence("Dès 2024, le paiement sera variable.", [2], ["d02s0001"],
                          kind="document")
    template = NoteSentence("Dès 2024, la note sera relue.", origin="template")
    note = Note({}, {}, [NoteParagraph("I.A", "body", [quoted, template])])
    tell_in_force(note, 2026)
    assert (quoted.text, quoted.kind) == ("Dès 2024, le paiement est variable.", "compressed")
    assert template.text == "Dès 2024, la note sera relue."


def test_what_a_document_of_a_past_year_told_as_near_is_not_told_in_the_note():
    """The dépôts sauvages note, dated December 2026, told « La mairie de Pia va bientôt se
    doter d'appareils photo… » (a document of 2021), the cimetières note « …s'apprête à franchir
    une nouvelle étape »: whether it happened the dossier does not say."""
    import pandas as pd

    from ianote_lib.fr.parse import parse_texts
    from ianote_lib.note.outdated import near_future, outdated_ids

    texts = ["La mairie de Pia va bientôt se doter d'appareils photo à détecteurs de mouvements.",
             "La commune s'apprête à franchir une nouvelle étape avec un columbarium.",
             "Le décret sera publié dans les prochains mois, selon le ministère.",
             "Toutes les caméras seront reliées au centre de supervision d'ici la fin de l'année.",
             "La mairie a installé des appareils photo à détecteurs de mouvements."]
    assert [near_future(t) for t in texts] == [True, True, True, True, False]
    table = pd.DataFrame({"sentence_id": ["s1", "s2", "s3", "s4", "s5"], "doc": [1, 2, 3, 1, 1],
                          "text": texts, "tense": [r["tense"] for r in parse_texts(texts)]})
    documents = pd.DataFrame({"doc": [1, 2, 3], "date": ["2021-06-03", "2026-02-01", ""]})
    # (a document of the note's year still tells what is near; an undated one cannot be
    # placed: the trait de côte note told « Les bulldozers s'attaqueront à l'édifice d'ici
    # quelques jours » from an undated page)
    assert outdated_ids(table, 2026, documents) == {"s1", "s3", "s4"}
    assert outdated_ids(table, 2026) == set()


def test_a_banned_sentence_is_not_quoted_as_the_context_of_the_next(tmp_path):
    """The bornes note still told « Le Siéml installera 250 bornes… d'ici 2025 » in December
    2026: banned alone, it came back as the context of « Il a axé son programme… »."""
    from ianote_lib.note.picker import Picker

    write_exam_dossier(tmp_path / "dossier.txt", [
        ("Les bornes du syndicat", "Revue test", "3 octobre 2023", [
            "Le Siéml installera 250 bornes publiques supplémentaires d'ici 2025. Il a axé son "
            "programme de travaux sur les zones urbaines les plus denses du département."]),
        ("Les communes et la recharge", "Gazette test", "5 juin 2023", [
            "Les communes rurales attendent des bornes de recharge publiques sur leurs places "
            "et leurs parkings.",
            "Le schéma directeur des bornes de recharge fixe les objectifs de déploiement du "
            "territoire.",
            "Les collectivités financent une part importante des bornes de recharge publiques "
            "installées en France.",
            "Le coût d'une borne de recharge rapide dépasse souvent 40 000 euros pour une "
            "commune rurale."])],
        "les bornes de recharge")
    evidence, plan = _evidence_and_plan(tmp_path / "dossier.txt")
    pool = evidence.pool.set_index("sentence_id")
    stale = next(i for i, t in pool["text"].items() if "installera" in t)
    paired = [i for i, ctx in pool["context_ids"].items() if stale in map(str, ctx)]
    assert paired                   # (the second is quoted with the first before it)
    picker = Picker(evidence, plan, bans={stale})
    allowed = dict(zip(picker.pool["sentence_id"], picker.candidate, strict=True))
    assert not any(allowed[i] for i in paired) and not allowed[stale]


def _evidence_and_plan(path: Path) -> tuple:
    """The evidence of the exam dossier at `path` (parsed) and the plan built for it."""
    from ianote_lib.fr.parse import parse_table
    from ianote_lib.note.evidence import build_evidence
    from ianote_lib.note.plan import choose_plan
    from ianote_lib.reading.dossier import load_dossier

    d = load_dossier(path)
    evidence = build_evidence(d.sentences, d.documents, sentence_parse=parse_table(d.sentences))
    return evidence, choose_plan("auto", str(d.commande.object), d.sentences, axes=[])
