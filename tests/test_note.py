"""The note to the DGS: form, citations, verification, automatic plan, overrides, security."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import mistune
import nbformat
import pandas as pd
import pytest
import yaml
from exam_dossier import write_exam_dossier

from ianote_lib.errors import IanoteError
from ianote_lib.fr.lemmas import content_lemmas
from ianote_lib.fr.normalize import normalize, word_count
from ianote_lib.fr.parse import parse_texts
from ianote_lib.note.anaphora import completion, context_needs
from ianote_lib.note.candidates import has_finite_verb, rejection_reasons, statement_text
from ianote_lib.note.evaluation import coverage, load_grid, markdown_paragraphs
from ianote_lib.note.evidence import check_sentence_ids, concerned_category, resolve_context
from ianote_lib.note.header import note_date
from ianote_lib.note.joining import joined_pair
from ianote_lib.note.ordering import order_statements
from ianote_lib.note.overrides import load_overrides
from ianote_lib.note.relations import relation
from ianote_lib.note.render import (
    body_markdown,
    compose,
    compose_from_processed,
    earlier_tables,
    export_note_html,
    header_markdown,
    render_markdown,
    trace_table,
    write_note_md,
)
from ianote_lib.note.text import compress, figure_numbers, numbers_in, years_in
from ianote_lib.note.verify import check_sentence, numbers_of
from ianote_lib.note.write import (
    NoteSentence,
    RuleWriter,
    explicit_subject,
    split_outside_quotations,
)

ANNOTATIONS = Path(__file__).parent / "annotations"
CITE = re.compile(r"\(doc\.\s*([\d, et]+)\)")
PRESS = re.compile(r"(?<![\w'])(vous|votre|vos|tu|nous|notre|nos|je|découvrez|sache)(?![\w])",
                   re.IGNORECASE)


# an analyst's plan file for the embedded dossier (a fixture of the plan-file mechanism)
ANALYST_PLAN = str(Path(__file__).parent / "data" / "plans" / "enjeux_ia_collectivites.yaml")


@pytest.fixture(scope="module")
def processed(dossier, tmp_path_factory) -> Path:
    """The tables of notebooks 02 and 03 the note reads (figures, checks, use_cases), built
    from the dossier."""
    from ianote_lib.figures.checks import build_checks
    from ianote_lib.figures.extraction import extract_figures
    from ianote_lib.fr.parse import parse_table
    from ianote_lib.tables import write_table
    from ianote_lib.use_cases.detection import build_use_cases

    out = tmp_path_factory.mktemp("processed")
    write_table(parse_table(dossier.sentences), "sentence_parse", out)
    figures = extract_figures(dossier.sentences)
    write_table(figures, "figures", out)
    write_table(build_checks(figures, dossier.sentences), "checks", out)
    write_table(build_use_cases(dossier.sentences, figures), "use_cases", out)
    return out


@pytest.fixture(scope="module")
def comp(dossier, processed):
    """The note under the shipped plan the analyst names (the selection's tests)."""
    return compose(dossier.sentences, dossier.documents, dossier.commande,
                   **earlier_tables(processed), plan=ANALYST_PLAN, date="2026-11-28")


@pytest.fixture(scope="module")
def note_md(comp, tmp_path_factory) -> str:
    path = write_note_md(comp, tmp_path_factory.mktemp("reports"))
    return path.read_text(encoding="utf-8")


def _body_blocks(md: str) -> list[str]:
    """Paragraphs of the text (header block and titles excluded)."""
    text = md.split("\n---\n", 1)[1]
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip() and not
            b.strip().startswith("#")]


def _plain(block: str) -> str:
    return re.sub(r"\\(.)", r"\1", block)


def _running_words(md: str) -> int:
    return sum(word_count(CITE.sub("", _plain(b))) for b in _body_blocks(md))


def _docs(group: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", group)]


def test_header_block(note_md):
    header = note_md.split("\n---\n", 1)[0]
    assert "**Admiville**" in header
    assert "Direction générale des services" in header
    assert "Le 28 novembre 2026" in header
    assert "**NOTE à l'attention de Madame la Directrice générale des services**" in header
    assert re.search(r"\*\*Objet\s:\*\* Les enjeux de l'intelligence artificielle pour les "
                     r"collectivités territoriales", header)
    assert "dossier de 15 documents" in header
    assert "Références" in header


def test_note_date():
    assert note_date("2026-11-28") == "28 novembre 2026"
    assert note_date("2024-03-01") == "1er mars 2024"
    with pytest.raises(IanoteError):
        note_date("28/11/2026")


def test_two_parts_two_subparts_and_announcement(note_md, comp):
    parts = re.findall(r"(?m)^## (I|II)\. (.+)$", note_md)
    subs = re.findall(r"(?m)^### (A|B)\. (.+)$", note_md)
    assert [p[0] for p in parts] == ["I", "II"]
    assert [s[0] for s in subs] == ["A", "B", "A", "B"]
    intro = note_md.split("\n---\n", 1)[1].split("\n## I.")[0]
    for _, title in parts:
        # announced in plain words: no quotation marks, the first letter lower-cased
        plain = _plain(title)
        assert plain[:1].lower() + plain[1:] in _plain(intro), title
        assert f"«\u00a0{plain}" not in _plain(intro)
    # each part has a chapeau (a paragraph between the part title and its first sub-part)
    for block in re.split(r"(?m)^## ", note_md)[1:]:
        between = block.split("\n### ")[0].split("\n", 1)[1].strip()
        assert word_count(between) > 10


def test_word_budget(note_md, comp):
    words = _running_words(note_md)
    assert 1400 <= words <= 2200, words
    assert abs(words - comp.report.words) < 40


def test_all_documents_cited_and_no_uncited_body_paragraph(note_md):
    cited = {d for m in CITE.finditer(note_md) for d in _docs(m.group(1))}
    assert cited == set(range(1, 16))
    body = "## I." + note_md.split("\n## I.", 1)[1]
    body = body.rsplit("\n\n", 1)[0]          # the conclusion may stand without
    for block in _body_blocks("x\n---\n" + body):
        assert CITE.search(block), block[:120]


def test_every_number_is_in_a_cited_document(note_md, dossier):
    doc_numbers = {
        int(doc): set(numbers_of("\n".join(rows["norm"])))
        for doc, rows in dossier.sentences.groupby("doc")}
    checked = 0
    for block in _body_blocks(note_md):
        # each sentence ends with its own citation: split after each citation
        for sentence, group in re.findall(r"(.+?)\(doc\.\s*([\d, et]+)\)[.!…]?", _plain(block)):
            docs = _docs(group)
            known = set().union(*(doc_numbers[d] for d in docs))
            for number in numbers_in(normalize(sentence)):
                assert number in known, (number, docs, sentence[:100])
                checked += 1
    assert checked >= 15


def test_no_fragment_pronoun_or_question(note_md):
    for block in _body_blocks(note_md):
        text = CITE.sub("", _plain(block))
        assert not PRESS.search(text), PRESS.search(text).group(0)
        assert "?" not in text
        assert text[0].isupper() or text[0] in "«0123456789"
        assert re.search(r"[.!…]$", text.strip())
        for sentence in re.split(r"(?<=[.!])\s+(?=[A-ZÀ-Þ«])", text):
            assert word_count(sentence) >= 5, sentence


def test_verification_report_clean(comp):
    assert comp.report.ok, comp.report.table().to_string()
    assert comp.report.cited_docs == list(range(1, 16))


def test_near_duplicates_are_merged(comp):
    # (an enumeration written from the use-case table cites the documents of its cases)
    merged = [s for s in comp.selection.all_statements()
              if len(s.docs) > 1 and s.kind != "énumération"]
    assert merged, "no statement carries several citations"
    for st in merged:
        assert len(set(st.docs)) == len(st.docs)
        support_docs = {int(sid[1:3]) for sid in st.support_ids}
        assert support_docs == set(st.docs) - {st.doc}


def test_trace_table(comp):
    trace = trace_table(comp)
    assert list(trace.columns)[:5] == ["note_sentence_id", "section", "text", "cited_docs",
                                      "source_sentence_ids"]
    assert trace["note_sentence_id"].is_unique
    documents = trace[trace["origin"] == "document"]
    assert (documents["cited_docs"] != "").all()
    assert (documents["source_sentence_ids"].str.match(r"d\d{2}s\d{4}")).all()


def test_citations_none(comp):
    md = render_markdown(comp, citations="none")
    assert "(doc." not in md
    assert "(doc." in render_markdown(comp, citations="doc")
    assert (trace_table(comp)["cited_docs"] != "").any()


def test_an_enumeration_that_ends_on_etc_keeps_its_period_before_the_citation():
    """The tarification note wrote « …, sacs prépayés, etc (doc. 1). »."""
    from ianote_lib.note.render import sentence_markdown
    from ianote_lib.note.write import NoteSentence

    listed = NoteSentence("Les systèmes sont la pesée embarquée, les sacs prépayés, etc.", [1],
                          ["d01s0001"], kind="document")
    assert sentence_markdown(listed) == ("Les systèmes sont la pesée embarquée, les sacs "
                                         "prépayés, etc.\u00a0(doc. 1).")
    plain = NoteSentence("La collecte a lieu chaque semaine.", [2], ["d02s0001"],
                         kind="document")
    assert sentence_markdown(plain) == "La collecte a lieu chaque semaine\u00a0(doc. 2)."


@pytest.mark.parametrize("grid_file", ["key_ideas.yaml", "key_ideas_holdout.yaml"])
def test_key_idea_coverage(note_md, grid_file):
    """Both grids: ours, and one written independently without seeing the composer."""
    grid = load_grid(ANNOTATIONS / grid_file)
    result = coverage(markdown_paragraphs(note_md), grid)
    assert sum(result.values()) / len(result) >= 0.85, [k for k, ok in result.items() if not ok]


def test_a_lone_sentence_shares_no_word_with_its_paragraph():
    from ianote_lib.note.evaluation import lone_sentences

    md = "\n\n".join([
        "# Note", "## I. Partie", "Cette partie présente A.", "### A. Sous-partie",
        "Le prix de l'eau augmente. La facture d'eau des ménages suit le prix (doc. 1).",
        "Les cantines servent des produits biologiques. Le climat du self est détendu.",
        "### B. Autre", "Une phrase seule.",
        "En définitive, la conclusion."])
    # the chapeau and the conclusion aside: the two sentences on canteens and on the self
    # share nothing, and a paragraph of one sentence is lone
    assert lone_sentences(md, common_share=1.0) == (3, 5)
    # a word most sentences hold ties nothing (« prix » in two of five is common at 0.3)
    assert lone_sentences(md, common_share=0.3) == (5, 5)


def test_an_aside_the_note_drops_neither_speaks_nor_refers_elsewhere():
    """« …les autorités organisatrices de l'accueil du jeune enfant (voir notre article), ce
    qui implique… » was refused as the press speaking in the first person: the note drops the
    aside. In what the note quotes, both still refuse a sentence."""
    text = ("Les communes sont officiellement devenues au 1er janvier 2025 les autorités "
            "organisatrices de l'accueil du jeune enfant (voir notre article).")
    assert rejection_reasons(text) == []
    assert "première ou deuxième personne" in rejection_reasons(
        "Les communes sont devenues, comme nous l'avons écrit, les autorités organisatrices.")


def test_a_first_person_word_in_a_name_is_no_press_copy():
    """« Mes Adresses », « la loi NOTRe », the button « Je donne mon avis »: names, not the
    document speaking to its reader; the pronoun that speaks stays press copy."""
    from ianote_lib.note.text import press_pronouns

    for text in ["81 % de ces communes (21 000) utilisent Mes Adresses chaque semaine.",
                 "La loi NOTRe du 7 août 2015 prévoyait le transfert obligatoire de la compétence.",
                 "La satisfaction des usagers est suivie grâce au bouton « Je donne mon avis » "
                 "installé à la fin des démarches."]:
        assert press_pronouns(text) == [], text
        assert "première ou deuxième personne" not in rejection_reasons(text)
    for text, words in [("Nous devons soutenir les initiatives des collectivités.", ["Nous"]),
                        ("« Nous y arriverons », a déclaré le maire de la commune.", ["Nous"]),
                        ("Il a déclaré : « Nous allons accélérer le déploiement de ce service dans "
                         "toutes les communes. »", ["Nous"]),
                        ("Des associations peuvent vous aider, à l'instar de Ma Dada.", ["vous"])]:
        assert press_pronouns(text) == words, text


def test_sentence_filters():
    assert rejection_reasons("Vous trouverez ci-dessous quelques opportunités de l'IA.")
    # an elided first person is press copy too (a testimony, not a fact for the note)
    for apostrophe in ("'", "\u2019"):
        assert "première ou deuxième personne" in rejection_reasons(
            f"Pour échelonner la sortie des élèves, j{apostrophe}organise des petits quiz.")
    assert "première ou deuxième personne" not in rejection_reasons(
        "Le projet d'aujourd'hui associe les cuisiniers et les producteurs du territoire.")
    assert rejection_reasons("Découvrez les opportunités et les risques qu'elle entraîne.")
    assert rejection_reasons("Quelles applications concrètes de l'IA pour les collectivités ?")
    assert rejection_reasons("Il insiste sur la nécessité de focaliser l'IA sur des usages.")
    assert rejection_reasons("Prenons l'exemple de l'échec de l'intégration de l'IA au contrôle.")
    assert rejection_reasons("La publication des délibérations en open data, un enjeu", "heading")
    assert not rejection_reasons(
        "Le syndicat des eaux d'Île-de-France s'appuie sur l'IA pour optimiser son réseau.")
    # a sentence that points to another passage of its document announces what the note lacks
    elsewhere = "renvoie à un autre passage du document"
    assert rejection_reasons("Le cadre légal détaillé ci-après sera découpé en deux périodes : "
                             "depuis 2019, puis de 2016 à 2019.") == [elsewhere]
    assert elsewhere in rejection_reasons("Les services développent cet enjeu dans ce guide "
                                          "afin d'établir un diagnostic efficace.")
    assert elsewhere not in rejection_reasons(
        "La loi prévoit des règles pour les subventions et les marchés publics (ci-après).")
    assert elsewhere not in rejection_reasons(
        "Dans ce rapport, la Cour recommande de désigner un référent dans chaque commune.")
    # (the flood note quoted both)
    assert elsewhere in rejection_reasons("La procédure d'élaboration ainsi que les outils de "
                                          "coopération sont par ailleurs abordés à la suite.")
    assert elsewhere in rejection_reasons("Leur nombre est appelé à augmenter fortement du "
                                          "fait des dispositions décrites plus haut.")
    # a sentence that only announces what its document lists next (the mobility note quoted
    # « …, deux solutions s'offrent aux collectivités. » without them)
    assert elsewhere in rejection_reasons("Pour atteindre des standards en termes d'UX et de "
                                          "performance, deux solutions s'offrent aux "
                                          "collectivités.")
    assert elsewhere not in rejection_reasons("Deux solutions existent pour financer la "
                                              "rénovation : le prêt et la subvention.")
    # how a study or a meeting went, what a service counts of its use, is no fact of the
    # note; what it found is
    process = "déroulement ou suivi d'une démarche"
    for text in ["Ces entretiens ont été complétés par une enquête en ligne qui a rassemblé 567 "
                 "réponses de collectivités.",
                 "Les travaux concernant l'écosystème numérique se poursuivent à travers les "
                 "réflexions engagées par les associations.",
                 "Le développement de l'archivage électronique a fait l'objet d'une étude "
                 "collective, menée par un groupe projet.",
                 "Le marathon des discussions aura duré presque trois jours, mais l'Union "
                 "européenne a accouché d'un texte de règlement.",
                 "Les métriques d'usage et d'impact suivies sont : nombre d'employeurs "
                 "utilisateurs du service, taux de satisfaction sur le service.",
                 "Une série d'interviews ont été réalisées auprès de différents acteurs : "
                 "régions, communes, associations et services de covoiturage.",
                 # (told in the active: the attractivité note)
                 "Le CNFPT a mené des entretiens auprès de 4 026 collectivités entre le 18 "
                 "août et le 3 octobre 2023.",
                 # (a review presented, not what it found: the France services note)
                 "Lors du dernier conseil communautaire, le président de la communauté de "
                 "communes a présenté un premier bilan.",
                 # what a report or a study is about (the revitalisation and early childhood
                 # notes quoted both)
                 "Une bonne partie du rapport CGEDD-IGF porte en effet sur l'appréhension "
                 "statistique de la dévitalisation des commerces de centres-villes.",
                 "La Cour des comptes vient de publier un rapport consacré à la politique "
                 "d'accueil du jeune enfant dans lequel elle vise à en identifier les "
                 "difficultés.",
                 "L'Anett et l'UNPLV publient la première édition d'un baromètre sur la "
                 "question des meublés touristiques.",
                 # a meeting told by its being held
                 "La première rencontre nationale du programme Petites Villes de demain s'est "
                 "tenue jeudi 22 avril.",
                 "À l'initiative de l'association des maires, un webinaire dédié au cadre "
                 "juridique du service s'est tenu le 27 juin 2024.",
                 # an event told by its organiser, a publication by its coming out (the parking
                 # note quoted both)
                 "Le 5 octobre 2023, le Cerema a organisé, en partenariat avec l'AITF "
                 "(Association des Ingénieurs Territoriaux de France), une conférence technique "
                 "territoriale sur les politiques de stationnement.",
                 "Le bilan du contrôle du stationnement payant à Saint-Germain-en-Laye pour "
                 "l'année 2022 vient de tomber.",
                 # (with an adjective: the police municipale note)
                 "L'inspection générale vient de rendre public un long rapport sur la sécurité "
                 "des ponts communaux.",
                 # a mission told by its being led (the cours oasis note)
                 "Graziella Melchior et Francesca Pasquini ont mené une mission d'information "
                 "sur le sujet avec une série d'auditions.",
                 # a body's work reviewed (the numérique note)
                 "Fin septembre dernier, la commission d'orientation stratégique a permis de "
                 "dresser un bilan des travaux et d'orienter ceux des mois à venir.",
                 # who answered a survey (the meublés note)
                 "Les répondants sont issus de communes situées à 40 % sur le littoral, 34 % en "
                 "zone rurale et 20 % en montagne.",
                 "Sur l'échantillon, 58 % de ces communes sont des stations classées.",
                 # a parliamentary question told by its being asked (the violences note)
                 "Le député de la Somme interroge M. le ministre d'État, sur la recrudescence "
                 "préoccupante des violences envers les élus locaux."]:
        assert process in rejection_reasons(text), text
    for text in ["Une enquête a été menée auprès des communes : 40 % n'ont pas de schéma "
                 "directeur.",
                 "Une étude a été conduite en 2023 ; elle montre que les fuites coûtent cher.",
                 "La commune a lancé une étude sur les fuites de son réseau d'eau potable.",
                 "La commune lance une étude sur les fuites de son réseau d'eau potable.",
                 "Le baromètre publié sur la question montre que 47 % des communes s'en "
                 "inquiètent.",
                 "Une table-ronde réunissant l'État et les collectivités permettra de poursuivre "
                 "les réflexions pour renforcer la mutualisation des produits.",
                 "Pendant plusieurs mois, les associations d'élus et l'État se sont réunis avec "
                 "un objectif : élaborer leur stratégie commune.",
                 "Les indicateurs de suivi montrent une baisse de 20 % des consommations.",
                 "L'enquête de la Caisse porte sur 1 500 crèches et montre que 8 % des postes "
                 "sont vacants.",
                 "Le rapport de la Cour porte sur le financement des crèches, dont 40 % reste "
                 "à la charge des communes.",
                 "L'étude de l'Institut porte sur la vacance commerciale et la mesure dans 190 "
                 "centres-villes de plus de 25 000 habitants.",
                 "La conférence s'est tenue à Paris et a montré que 40 % des communes manquent "
                 "d'agents."]:
        assert process not in rejection_reasons(text), text
    # two lines run together are no sentence; a name is no new sentence
    assert "deux lignes fusionnées" in rejection_reasons(
        "Contrôler le brûlage des déchets verts et mener des actions sur le sujet Des actions de "
        "sensibilisation sont menées.")
    assert "deux lignes fusionnées" not in rejection_reasons(
        "La commune a ouvert une plateforme de compostage à La Rochelle en 2021.")
    # (a line that ends a heading and one that opens on a capitalised preposition: the
    # tarification note quoted « …les prix d'entrée sur les installations Avec la fermeture… »)
    assert "deux lignes fusionnées" in rejection_reasons(
        "Une augmentation conséquente des prix d'entrée sur les installations Avec la fermeture "
        "de l'installation de stockage, le syndicat exporte ses déchets.")
    # speech is no statement of a written note
    assert "registre oral" in rejection_reasons(
        "L'approche transversale, les gens sont perdus avec ça.")
    assert "registre oral" not in rejection_reasons(
        "Les acheteurs publics jugent l'approche transversale difficile à mettre en œuvre.")
    # (« ça » without its cedilla, as a capital often is: the police municipale note quoted
    # « Ca démarre bientôt car il a fallu respecter les procédures »)
    assert "registre oral" in rejection_reasons(
        "Ca fonctionne bien depuis que les agents de la commune sont formés.")
    assert "registre oral" not in rejection_reasons(
        "La CA de Cergy-Pontoise a voté un budget de 12 millions d'euros pour la voirie.")


@pytest.mark.parametrize("text", [
    "Le groupe d'opposition a voté contre le budget primitif de la commune en mars.",
    "Le chef de file de l'opposition municipale dénonce une hausse des impôts locaux.",
    "La réforme, saluée par la gauche, prévoit un doublement des effectifs des agents.",
    "La ville, tenue par les Républicains depuis 2014, a augmenté ses effectifs de police.",
    "Sur le terrain politique, les annonces du maire ont été accueillies avec prudence.",
    # (a party's label after a name: the politique cyclable note quoted « …la maire de Drancy,
    # Aude Lagarde (UDI), a même lancé une pétition… »)
    "La maire de la commune, Anne Dupuis (LR), a demandé le retrait de la piste cyclable.",
    # (an adjoint's party: the violences envers les élus note quoted « …, renchérit Michelle
    # Delage, maire-adjointe Les Républicains dans le même village »)
    "Le budget a été adopté, selon Paul Martin, maire-adjoint Les Républicains de la commune.",
])
def test_a_party_s_stand_is_never_quoted(text):
    """A note administrative is neutral: the police municipale note quoted « Le leader de
    l'opposition Emmanuel Bichot se réjouit… » and « Dijon, ville dirigée par le PS… »."""
    assert "prise de position partisane" in rejection_reasons(text)


@pytest.mark.parametrize("text", [
    "Les habitants ont exprimé leur opposition au projet de zone à faibles émissions.",
    "La majorité des communes de plus de 10 000 habitants ont créé une police municipale.",
    "Les cyclistes circulent sur la voie de droite, les bus sur la voie de gauche.",
])
def test_an_opposition_a_majority_or_a_side_that_is_no_party_s_stays(text):
    assert "prise de position partisane" not in rejection_reasons(text)


@pytest.mark.parametrize("text", [
    # a witness's words, quoted before who said them: « on » who speaks, « les gens », a
    # trailing-off (the violences envers les élus, ville 30 and communes nouvelles notes)
    "« On a le cas d'un maire qui s'est fait agresser pour deux fois rien », relate une "
    "maire-adjointe de la Somme.",
    "« On se sent démunis et assez en colère », a lancé la présidente de l'association.",
    "« Les gens ne respectent plus les agents de la commune », explique le maire.",
    "« On ne sait plus qui fait quoi… » déplore le maire délégué de la commune.",
    # (and a song's words, which the communes nouvelles note opened a paragraph on)
    "« Les histoires d'amour finissent mal, en général », chantent les Rita Mitsouko.",
    # (and a few words quoted for their tone: the violences note ended on « « Il faut tenir
    # droit », a clamé haut et fort Laurent Laroche… »)
    "« Il faut tenir droit », a clamé haut et fort le maire de la commune de 950 habitants.",
    "« Une urgence sociale et politique », alertent les associations de solidarité.",
    # (within straight quotes, as the violences note's page wrote them)
    "\"On a le cas récemment d'un maire qui s'est fait agresser... il a reçu un coup de poing\", "
    "relate une maire-adjointe de la Somme.",
    # (and a person's mood, the reporter's colour: the politique cyclable, dépôts sauvages and
    # trait de côte notes)
    "« Le contrat de confiance est rompu », ne décolère pas la présidente de l'association.",
    "Le maire s'emporte : « L'installation aura coûté 1 million d'euros à la commune ».",
    "Le président de l'association et maire de la commune est particulièrement remonté.",
])
def test_a_witness_s_words_are_not_quoted(text):
    assert "registre oral" in rejection_reasons(text)


@pytest.mark.parametrize("text", [
    # the familiar idioms of press copy (the stationnement, police municipale and communes
    # nouvelles notes): a note does not write them
    "Les agents ont continué de distribuer des forfaits post-stationnement à tout va.",
    "Dans certains cas, la commission du contentieux peut effacer l'ardoise.",
    "Pour attirer les candidats, la commune de Dijon sort le chéquier.",
    "Avec la réforme, les recettes des collectivités se sont envolées.",
    "La commune de Baugé-en-Anjou dispose d'infrastructures ultra-modernes.",
    "Dans les allées du salon des maires où s'est rendu TF1, on dénonce le climat ambiant.",
    # (and the images of a reporter's scene or verdict: the trait de côte, politique cyclable,
    # ville 30, ponts and cimetières notes)
    "Le village de Miquelon subit de plein fouet les aléas de la météo.",
    "Des pistes de financements sont sur la table pour soutenir les propriétaires.",
    "La colère était à son comble aux Rencontres Vélo & Territoires.",
    "Sobriété climatique oblige, les mobilités douces doivent encore être encouragées.",
    "Les ponts, pour beaucoup anciens, risquent de continuer de défrayer la chronique.",
    "Réduire la vitesse a tout un tas d'impacts qui jouent sur la pollution.",
    "Il suffit de se promener au cimetière du Père-Lachaise pour voir des tombes en ruine.",
])
def test_a_press_idiom_is_not_quoted(text):
    assert "registre oral" in rejection_reasons(text)


@pytest.mark.parametrize("text", [
    "« Pour rester en bonne santé, un ouvrage d'art a besoin d'un entretien courant "
    "régulier », rappelle le Cerema.",
    "« Au 30 novembre 2023, la France comptait 114 386 points de charge ouverts au public », "
    "annonce le délégué général de l'association.",
    "Selon le rapport, on dénombrait 5 541 policiers municipaux en 1984.",
    # (a name quoted, then what it does)
    "« Territoires engagés », lancé en 2019, accompagne 300 collectivités dans leur transition.",
    # (a word of mood in another sense)
    "Dans les choix des communes, la sobriété l'emporte désormais sur le confort.",
    "Les remontées des usagers ont été transmises aux services de la commune.",
])
def test_a_fact_quoted_with_its_source_stays(text):
    assert "registre oral" not in rejection_reasons(text)


def test_a_reply_a_sentence_s_tail_or_a_rubric_is_not_quoted_as_a_statement():
    """« « Les gens ne respectent plus rien », renchérit… » answers someone; « Par ailleurs,
    soit une hausse de 32 % par rapport à l'année 2021… » (the violences note) is the tail of
    the sentence before cut at its full stop; « SOCIÉTÉ – Pour aider les élus… » opened a
    sentence of that note on the article's rubric."""
    assert "renvoie à une phrase précédente" in rejection_reasons(
        "« Il faut agir vite pour protéger les maires », renchérit la sénatrice de la Loire.")
    assert "renvoie à une phrase précédente" in rejection_reasons(
        "« Les formations ont commencé en mars », ajoute-t-il.")
    # (a speaker by an office and no name, the time told before: the ponts note quoted
    # « …, précise le sénateur » and « Les rédacteurs du rapport estimaient alors que 18 à
    # 20 %… »)
    for text in ["Ces ponts présentent un risque : « l'État a lui-même reconnu que 7 % de ses "
                 "ponts présentaient un risque », précise le sénateur.",
                 "Selon le maire, la commune a dépensé 40 000 euros pour le pont.",
                 "Les rédacteurs du rapport estimaient alors que 18 à 20 % des ponts étaient en "
                 "mauvais état.",
                 "Il était alors possible de déroger à la règle des deux mètres."]:
        assert "renvoie à une phrase précédente" in rejection_reasons(text), text
    assert "renvoie à une phrase précédente" not in rejection_reasons(
        "Selon le maire de Dijon, la commune a dépensé 40 000 euros pour le pont.")

    assert "fragment (début)" in rejection_reasons(
        "Soit une hausse de 32 % par rapport à l'année 2021, notamment pour les menaces.")
    assert "fragment (début)" not in rejection_reasons(
        "Soit la commune gère le service en régie, soit elle le délègue à un syndicat.")
    assert statement_text("SOCIÉTÉ – Pour aider les élus, des formations de quatre heures sont "
                          "développées par le GIGN.") == (
        "Pour aider les élus, des formations de quatre heures sont développées par le GIGN.")


def test_an_exclamation_or_a_web_address_anywhere_is_not_quoted():
    """The moustique tigre note quoted « « 80 % des engueulades… sont liées à la présence du
    moustique ! », rapporte… » (an exclamation inside a quotation) and « …leur liste figure sur :
    https://www.anses.fr/… » (an address in a long sentence)."""
    assert "exclamation" in rejection_reasons(
        "« Les plaintes des habitants ont doublé cet été ! », rapporte la directrice du service.")
    assert "adresse web" in rejection_reasons(
        "Les produits autorisés sont ceux qui disposent d'une autorisation de mise sur le marché, "
        "dont la liste figure sur : https://www.exemple.fr/decisions.")
    assert not rejection_reasons(
        "Les produits autorisés sont ceux qui disposent d'une autorisation de mise sur le marché.")


def test_a_likeness_to_the_sentence_before_goes_as_a_connector():
    """« De la même manière, l'évolution des formes de la délinquance… justifie… » opened a
    paragraph of the police municipale note (like what?), and « À son tour, la ville de Dijon
    arme sa police municipale » another (after whom?)."""
    assert RuleWriter().rewrite("De la même façon, les départements financent les transports "
                                "scolaires.") == "Les départements financent les transports scolaires."
    assert RuleWriter().rewrite("À leur tour, les départements financent les transports "
                                "scolaires.") == "Les départements financent les transports scolaires."
    # (a reminder, a case or an « already » of what the sentence before told: the logement
    # social note read « Pour rappel, les pénalités… », the ville 30 note « Déjà, en septembre
    # 2022, on dénombrait… »)
    assert RuleWriter().rewrite("Pour rappel, les départements financent les transports "
                                "scolaires.") == "Les départements financent les transports scolaires."
    # (the answer to a question the document asked: the police municipale note quoted « Pour
    # une raison simple, les policiers municipaux n'ont pas… »)
    assert RuleWriter().rewrite("Pour une raison simple : les communes rurales n'ont pas de "
                                "service technique.") == ("Les communes rurales n'ont pas de "
                                                          "service technique.")
    assert RuleWriter().rewrite("Déjà, en 2022, les départements finançaient les transports "
                                "scolaires.") == ("En 2022, les départements finançaient les "
                                                  "transports scolaires.")


def test_a_preposition_spelt_as_a_verb_is_no_verb_of_the_sentence():
    """The police municipale note quoted « Par ailleurs, la mise en commun par convention dite
    « pluricommunale » entre communes, sur le fondement de…, dont les conditions… ont été
    étendues… »: its only verb is in its relative clause, « entre » was taken for one."""
    assert "sans verbe" in rejection_reasons(
        "Par ailleurs, la mutualisation des agents entre communes voisines, sur le fondement "
        "d'une convention, dont les modalités ont été assouplies en 2021.")
    assert "sans verbe" not in rejection_reasons(
        "La réforme entre en vigueur le 1er janvier 2025 dans toutes les communes du pays.")


def test_an_adverb_inside_a_sentence_goes_with_the_pause_it_made():
    """« La loi, en effet, prévoit… » became « La loi, prévoit… »; « Par deux fois en effet,
    dans le passé, … » kept its adverb (the police municipale note's first sentence)."""
    writer = RuleWriter()
    assert writer.rewrite("La loi, en effet, prévoit une amende forfaitaire délictuelle.") == (
        "La loi prévoit une amende forfaitaire délictuelle.")
    assert writer.rewrite("La commune a, par ailleurs, recruté deux agents.") == (
        "La commune a recruté deux agents.")
    # (the comma that closes a phrase the clause opens on stays)
    assert writer.rewrite("Dans le Gard, en effet, la commune a recruté deux agents.") == (
        "Dans le Gard, la commune a recruté deux agents.")
    # (« désormais », a time told from the article's day: « Les maires pourront désormais
    # infliger… » in the meublés note, « Désormais, les Pass ZFE 24h seront… » in the ZFE one)
    assert writer.rewrite("Les maires peuvent désormais fixer une durée de location.") == (
        "Les maires peuvent fixer une durée de location.")
    assert writer.rewrite("Désormais, les communes publient leurs données.") == (
        "Les communes publient leurs données.")
    assert writer.rewrite("Les élus ont, en effet, depuis la loi, renforcé les moyens.") == (
        "Les élus ont, depuis la loi, renforcé les moyens.")
    assert writer.rewrite("À deux reprises en effet, dans le passé, le conseil a rejeté le "
                          "projet.") == ("À deux reprises, dans le passé, le conseil a rejeté "
                                         "le projet.")


def test_writer_rules():
    writer = RuleWriter()
    # an adverb that opens a clause after a semicolon links it to the clause before it: it
    # stays (the purchasing note read « …d'exclusion ; elles souhaitent travailler »)
    assert "exclusion\u00a0; pourtant elles" in writer.rewrite(
        "Plus de deux millions de personnes sont en situation d'exclusion ; pourtant elles "
        "souhaitent travailler.")
    assert writer.rewrite("Les communes ont pourtant adopté un plan.") == (
        "Les communes ont adopté un plan.")
    # « ici », the place of the document the sentence was in, goes; « d'ici 2025 » stays
    assert writer.rewrite("Les conseils départementaux jouent ici un rôle décisif.") == (
        "Les conseils départementaux jouent un rôle décisif.")
    assert writer.rewrite("Le bailleur équipera ses logements d'ici 2025.").endswith(
        "d'ici 2025.")
    # a word of the language keeps no capital after a semicolon, nor at the head of the items a
    # colon opens (the purchasing note quoted « ; Pourtant elles… », « : Chômeurs de… »); names
    # keep theirs
    assert "exclusion\u00a0; pourtant elles" in writer.rewrite(
        "Plus de deux millions de personnes sont en situation d'exclusion ; Pourtant elles "
        "souhaitent travailler.")
    # the document drawing its reader's eye (« À noter que… ») is no part of the fact
    assert writer.rewrite("À noter que si le bâtiment est raccordé à un réseau de froid, la "
                          "réduction appliquée est de 75 %.") == (
        "Si le bâtiment est raccordé à un réseau de froid, la réduction appliquée est de 75\u00a0%.")
    # nor its restatement of the sentence before (the EGalim note quoted « Autrement dit, plus
    # le circuit est long, plus la qualité des aliments… est dégradée »)
    assert writer.rewrite("Autrement dit, plus le circuit est long, plus la qualité des "
                          "aliments est dégradée.") == (
        "Plus le circuit est long, plus la qualité des aliments est dégradée.")
    # nor the rank of an item in a list it does not quote (the parking note quoted
    # « Premièrement, la possibilité de recourir à la Lapi est… »)
    assert writer.rewrite("Premièrement, la possibilité de recourir à la lecture des plaques "
                          "est cantonnée au seul stationnement payant.") == (
        "La possibilité de recourir à la lecture des plaques est cantonnée au seul "
        "stationnement payant.")
    assert writer.rewrite("En complément, le schéma directeur doit être rendu public.") == (
        "Le schéma directeur doit être rendu public.")
    # a document's own text (« la présente instruction ») is, in the note that cites it,
    # « l'instruction » (the rénovation note's introduction quoted « la présente instruction »)
    assert writer.rewrite("L'ensemble des dotations concernées par la présente instruction doit "
                          "contribuer à la rénovation des bâtiments.") == (
        "L'ensemble des dotations concernées par l'instruction doit contribuer à la rénovation "
        "des bâtiments.")
    assert writer.rewrite("Les modalités du présent arrêté sont fixées par le préfet.") == (
        "Les modalités de l'arrêté sont fixées par le préfet.")
    # (so does the second of two sentences the note joins on its contrast: « Pourtant » is no
    # name, though the lemmatizer does not know it)
    assert "exclusion\u00a0; pourtant elles" in joined_pair(
        "Plus de deux millions de personnes sont en situation d'exclusion.",
        "Pourtant elles souhaitent travailler.")
    assert "emploi\u00a0: chômeurs de longue durée, personnes bénéficiaires des minimas sociaux, " \
        "jeunes de moins de 26 ans" in writer.rewrite(
            "L'IAE s'adresse aux personnes éloignées de l'emploi : Chômeurs de longue durée, "
            "personnes bénéficiaires des minimas sociaux, Jeunes de moins de 26 ans.")
    assert ": Montpellier, Paris et Nantes" in writer.rewrite(
        "Plusieurs collectivités mènent des projets : Montpellier, Paris et Nantes.").replace(
        "\u00a0", " ")
    # (a letter that names is no « à »: the gens du voyage note read « trois situations : à, B
    # et C »)
    assert ": A, B et C" in writer.rewrite(
        "L'article 1er distingue trois situations : A, B et C.").replace("\u00a0", " ")
    assert writer.rewrite("Ainsi, la commune a déployé un outil.") == "La commune a déployé un outil."
    reported = writer.rewrite('"Il s\'agit d\'une aide à la décision", rappelle Jean Dupont.')
    assert reported.startswith("Selon Jean Dupont, il s'agit")
    unsafe = '"Nous avions 600 appels par jour", explique la directrice.'
    assert "Selon" not in writer.rewrite(unsafe)
    assert "\u00a0%" in writer.rewrite("Le taux atteint 30% des appels reçus.")
    # inner adverbs go, conjunctions built on them stay
    assert writer.rewrite("Il faut donc une vision transverse ainsi qu'une approche neuve.") == (
        "Il faut une vision transverse ainsi qu'une approche neuve.")
    assert "dès lors qu'il" in writer.rewrite("Les deux régions choisissent des serveurs "
                                               "internes dès lors qu'il s'agit de données.")


def test_built_plan_gives_structured_note(dossier, processed):
    """With no plan file the plan is built: two parts of two written sub-parts whose titles are
    no line of the dossier, every document cited, the body within its budget."""
    built = compose(dossier.sentences, dossier.documents, dossier.commande,
                    **earlier_tables(processed), date="2026-11-28")
    assert built.plan.name == "construit" and "cadre" in built.plan.reason
    assert len(built.plan.parts) == 2 and all(len(p.subparts) == 2 for p in built.plan.parts)
    titles = [p.title for p in built.plan.parts] + [s.title for s in built.plan.subparts]
    assert len(set(titles)) == 6
    lines = {" ".join(t.split()).lower() for t in dossier.sentences["text"]}
    assert not any(t.lower() in lines for t in titles)
    md = render_markdown(built)
    assert len(re.findall(r"(?m)^## ", md)) == 2 and len(re.findall(r"(?m)^### ", md)) == 4
    assert set(built.report.cited_docs) == set(range(1, 16))
    assert 1400 <= built.report.words <= 2200
    # a benefit is never told under the risk title, nor a risk under the benefits' one
    from ianote_lib.note.functions import classify
    for sp in built.plan.subparts:
        told = [classify(st.text) for st in built.selection.statements[sp.key]
                if not st.kind]
        for opposed in [f for f in ("apport", "risque") if f not in sp.functions
                        and ({"apport", "risque"} - {f}) & set(sp.functions)]:
            assert opposed not in told, (sp.key, sp.title)
    # the first part ends on the frame's transition to the second, a sentence of logic citing
    # nothing
    last = [p for p in built.note.paragraphs if p.section == "I.B"][-1].sentences[-1]
    assert last.text == "Ces apports supposent toutefois d'en maîtriser les limites."
    assert not last.docs and not last.source_ids
        # a conclusion closes the note: how the two parts hold together, then the dossier's levers
    closing = [p for p in built.note.paragraphs if p.section == "conclusion"]
    assert len(closing) == 1 and len(closing[0].sentences) >= 2
    assert "apports / limites" in built.plan.reason
    assert closing[0].sentences[0].text.startswith(
        "En définitive, Admiville trouve dans l'intelligence artificielle un levier")
    assert "mais se heurte à des limites" in closing[0].sentences[0].text
    advice = re.compile(built.plan.conclusion["advice"], re.IGNORECASE)
    # a recommendation quoted after the levers names who acts in the collectivité
    # (« il faut une puissance informatique considérable » was the model makers' concern)
    from ianote_lib.note.select import _audience
    # (after the recap, the main point of each part, then the pistes)
    points = [s for s in closing[0].sentences if s.text.startswith(("D'une part, ",
                                                                  "D'autre part, "))]
    assert [closing[0].sentences.index(s) for s in points] == [1, 2]
    for s in closing[0].sentences[4:]:
        assert advice.search(s.text) and set(content_lemmas(s.text)) & _audience(), s.text
    # paragraphs open on their idea, a phrase their own sentences hold (note.openers), when
    # it is more than a noun alone; the conclusion names the levers the body opened on, citing
    # the documents they come from
    trace = trace_table(built)
    written = trace[(trace["origin"] == "note")]
    assert len(written) >= 2 and set(written["kind"]) == {"written"}
    from ianote_lib.note.openers import config as opener_config
    prefixes = {t.split("{")[0] for forms in opener_config()["templates"].values()
                for options in forms.values() for t in options}
    for row in written[written["section"] != "conclusion"].itertuples():
        assert any(row.text.startswith(p) for p in prefixes), row.text
        sources = row.source_sentence_ids.split(";")
        in_section = {i for st in built.selection.statements[row.section] for i in st.source_ids}
        assert len(sources) >= 2 and set(sources) <= in_section, row.text
    # then the pistes d'action: what the documents say the collectivité's people must do, in
    # the documents' words (note.pistes), each from its own document first, each from a
    # sentence the body quotes
    pistes = closing[0].sentences[3]
    assert pistes.origin == "note" and pistes.text.startswith("Il en découle deux pistes")
    actions = built.selection.actions
    assert len(actions) == 2 and len({a.doc for a in actions}) == 2
    quoted = {i for items in built.selection.statements.values() for st in items
              if not st.kind for i in st.source_ids}
    assert {a.sentence_id for a in actions} <= quoted
    sources = dict(zip(dossier.sentences["sentence_id"], dossier.sentences["text"], strict=True))
    for action in actions:
        assert action.text in pistes.text
        assert normalize(action.text) in normalize(sources[action.sentence_id]), action.text
    assert pistes.docs == sorted({a.doc for a in actions}) and built.report.ok


def test_overrides_pin_ban_rewrite(dossier, comp, tmp_path):
    chosen = [s.sentence_id for s in comp.selection.statements["I.A"]]
    ban = chosen[0]
    pool = comp.evidence.pool
    used = {sid for s in comp.selection.all_statements() for sid in s.source_ids}
    pin = next(sid for sid, ok, doc in zip(pool["sentence_id"], pool["candidate"], pool["doc"],
                                           strict=True) if ok and sid not in used and doc == 9)
    path = tmp_path / "note.yml"
    path.write_text(yaml.safe_dump({
        "titles": {"I.A": "Des usages déjà opérationnels"},
        "pin": [pin],
        "ban": [ban],
        "rewrite": {"II.B": "Le règlement européen prévoit des amendes de 99 millions "
                            "d'euros (doc. 8). Il s'applique aux collectivités (doc. 8)."},
    }, allow_unicode=True), encoding="utf-8")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    out = compose(dossier.sentences, dossier.documents, dossier.commande, overrides=path,
                  date="2026-11-28")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    trace = trace_table(out)
    sources = ";".join(trace["source_sentence_ids"])
    assert pin in sources and ban not in sources.split(";")
    assert "### A. Des usages déjà opérationnels" in render_markdown(out)
    errors = out.report.table()
    analyst = errors[(errors["origine"] == "analyst") & (errors["règle"] == "nombre")]
    assert any("99 " in m for m in analyst["message"])
    assert "99 millions" in render_markdown(out)         # analyst text is reported, not dropped
    rewritten = " ".join(s.text for p in out.note.paragraphs if p.section == "II.B"
                         for s in p.sentences)
    assert "n'apportent pas d'élément" not in rewritten   # no false placeholder after it


def test_overrides_errors(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("pin: [not-an-id]\n", encoding="utf-8")
    with pytest.raises(IanoteError):
        load_overrides(bad)
    with pytest.raises(IanoteError):
        load_overrides(tmp_path / "missing.yml")


# ----------------------------------------------------------------------------- security

EVIL = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[lien](http://x)",
        "![img](http://x)"]


def _evil_dossier(path: Path) -> None:
    docs = [
        ("Les communes et les algorithmes", "Gazette test", "3 octobre 2023", [
            f"La commune de Testville a déployé un agent conversationnel qui répond à 400 appels "
            f"par jour {EVIL[0]} depuis le mois de mars.",
            "Le service des usagers de Testville constate que les délais de réponse ont été "
            "divisés par deux grâce à cet outil numérique."]),
        ("Les données des territoires", "Revue test", "5 juin 2023", [
            f"Le département de Testland utilise des images satellites pour détecter les dépôts "
            f"sauvages {EVIL[1]} sur son territoire.",
            f"Le projet de Testland a permis de repérer 120 dépôts illégaux en six mois selon le "
            f"rapport {EVIL[2]} publié par le département."]),
        ("Les risques de l'intelligence artificielle", "Journal test", "20 juin 2023", [
            f"Le règlement européen sur l'intelligence artificielle classe les systèmes selon "
            f"leur niveau de risque {EVIL[3]} pour les droits fondamentaux.",
            "Les biais des algorithmes peuvent produire des discriminations lorsque les données "
            "d'apprentissage reflètent des inégalités passées."]),
    ]
    write_exam_dossier(path, docs, "les enjeux de l'Intelligence Artificielle pour les "
                       "collectivités territoriales")


def _no_live_markup(html: str) -> None:
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert not re.search(r"<a\s", html, re.IGNORECASE)
    assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")


def test_untrusted_text_is_plain_in_note_md_and_html(tmp_path):
    from ianote_lib.reading.dossier import load_dossier

    _evil_dossier(tmp_path / "dossier.txt")
    d = load_dossier(tmp_path / "dossier.txt")
    evil_ids = [sid for sid, text in zip(d.sentences["sentence_id"], d.sentences["text"],
                                         strict=True) if any(e in text for e in EVIL)]
    assert len(evil_ids) == 4
    overrides = tmp_path / "note.yml"
    overrides.write_text(yaml.safe_dump({"pin": evil_ids}), encoding="utf-8")
    out = compose(d.sentences, d.documents, d.commande, overrides=overrides, date="2026-11-28")
    md = write_note_md(out, tmp_path / "reports").read_text(encoding="utf-8")
    assert "<script>" not in md and "<img" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "\\[lien\\](http\\://x)" in md and "\\!\\[img\\](http\\://x)" in md
    rendered = mistune.html(md)
    _no_live_markup(rendered)
    assert "alert(1)" in rendered and "[lien](http://x)" in rendered
    # the same text through the notebook outputs and the nbconvert template
    nb = nbformat.v4.new_notebook()
    for tags, text in ((["note", "note-header"], header_markdown(out.note)),
                       (["note"], body_markdown(out.note, "doc", out.sources))):
        cell = nbformat.v4.new_code_cell("display(...)")
        cell.metadata["tags"] = tags
        cell.outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": text})]
        nb.cells.append(cell)
    hidden = nbformat.v4.new_code_cell("secret_code()")
    nb.cells.append(hidden)
    nb_path = tmp_path / "05.ipynb"
    nbformat.write(nb, str(nb_path))
    html = export_note_html(nb_path, tmp_path / "note.html").read_text(encoding="utf-8")
    _no_live_markup(html)
    assert "secret_code" not in html
    assert "alert(1)" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", html)


# ----------------------------------------------------------------------------- reading quality

CONNECTORS = ("En outre,", "Par ailleurs,", "De plus,", "Parallèlement,", "Au surplus,", "Ainsi,", "Par exemple,",
              "À titre d’exemple,", "En revanche,", "Cependant,", "Toutefois,", "Dès lors,",
              "Dans ces conditions,")
ANAPHORIC_START = re.compile(
    r"^(?:Il|Elle|Ils|Elles)\s(?!faut|existe|s'agit|est (?:possible|nécessaire|essentiel))"
    r"|^(?:Ce|Cette|Ces|Cet)\s+derni|^(?:Son|Sa|Ses|Leur|Leurs)\s"
    r"|^(?:La|Le|L')\s?(?:commune|ville|métropole|département|région)\s+(?!de\b|du\b|d'|des\b|et\b)"
    r"[a-zà-ÿ]|^[A-ZÀ-Þ][\w-]+ [A-ZÀ-Þ][\w-]+, (?:lui|elle)\b")


def _note_sentences(comp, origin: str | None = "document"):
    for para in comp.note.paragraphs:
        for k, s in enumerate(para.sentences):
            if origin is None or s.origin == origin:
                yield para, k, s


def _without_connector(text: str) -> str:
    for c in CONNECTORS:
        if text.startswith(c):
            rest = text[len(c):].strip()
            return rest[0].upper() + rest[1:]
    return text


def test_context_needs_detects_anaphora():
    assert [n.kind for n in context_needs("La commune utilise un assistant conversationnel "
                                          "pour traiter les appels.")] == ["definite"]
    assert context_needs("Cette IA extrait des données de formulaires Cerfa.")[0].noun == "IA"
    assert context_needs("Le coût d'une seule de ces cartes graphiques est estimé à 30 000 "
                         "dollars.")[0].kind == "demonstrative"
    assert context_needs("Ces derniers se basent sur une collecte de données régulière.")
    assert context_needs("Ce rapport soulève un défaut d'accompagnement.")
    assert context_needs("Elle permet également de répondre aux grands défis.")
    assert context_needs("Thierry Breton, lui a répliqué que l'IA Act est pro-business.")
    assert context_needs("En cas de manquement, elle pourra infliger des amendes.")
    assert context_needs("En se basant sur un état des lieux, il a suggéré quatre secteurs.")
    # (after a circumstance its preposition opens, whatever nouns it holds: the bien-vieillir
    # note opened on « Face à une situation politique instable…, elle appelle à la
    # mobilisation »; « il est à noter » is impersonal)
    assert context_needs("Face à une situation politique instable et à l'oubli de la loi, elle "
                         "appelle à la mobilisation.")
    assert not context_needs("Malgré la crise sanitaire, il est à noter que les conseils de "
                             "quartier se sont réunis.")
    # (« elle » after a gerund of « tout en », read after the connector the note strips)
    assert [n.kind for n in context_needs(
        "En outre, tout en permettant la diffusion de données et la création d'innovations de "
        "rupture, elle participe à la modernisation des administrations.")] == ["pronoun"]
    # an answer to a question the sentence before asked (the ville 30 note quoted « Si l'on
    # s'en tient au véhicule en lui-même, alors oui, explique… »)
    assert context_needs("Si l'on s'en tient au véhicule en lui-même, alors oui, explique un "
                         "expert du Cerema.")
    assert context_needs("Non, les communes ne sont pas tenues de publier leurs données.")
    assert not context_needs("Les communes non assujetties restent libres de publier.")
    # « Les trois… » counts what the sentence before named, unless it names them itself
    assert context_needs("Les trois communes ont signé la charte en 2021.")
    assert not context_needs("Les trois outils réglementaires existants (zone 30, zone de "
                             "rencontre et aire piétonne) proposent une graduation.")
    # a stage told by its rank belongs to a project a sentence before named (the EGalim note
    # quoted « Une 1re phase de 2017 à 2018 s'est centrée sur… » without it)
    assert context_needs("Une 1ière phase de 2017 à 2018 s'est centrée sur la caractérisation "
                         "des denrées.")
    assert context_needs("En 2020, la deuxième phase a concerné 55 autres communes.")
    assert not context_needs("Une première phase du plan vélo a concerné 55 communes.")
    # read after the connectors the sentence opens on, which the note strips
    assert context_needs("Néanmoins, les principaux sont la mobilité et l'environnement.")
    assert context_needs("Par ailleurs, son coût reste élevé.")[0].kind == "possessive"
    # self-contained sentences
    assert not context_needs("Le département du Val-d'Oise utilise la vidéoprotection augmentée.")
    assert not context_needs("La ville de Montpellier a interdit ChatGPT à ses agents.")
    assert not context_needs("Il existe de nombreux exemples d'application de l'IA.")
    assert not context_needs("Les collectivités locales peuvent opter pour une solution.")
    # an artefact named once, then « la plateforme », « l'application », anywhere in a sentence
    need = context_needs("L'accès à la plateforme sera mis à disposition des usagers.")
    assert [(n.kind, n.noun) for n in need] == [("definite", "plateforme")]
    assert context_needs("L'état de conformité est précisé au sein de l'application.")
    assert not context_needs("Les agents utilisent la plateforme numérique de la région.")
    # a demonstrative of time needs no antecedent in the singular (« cette année »), but the
    # plural takes up what was said (« ces moments de discussion »)
    assert not context_needs("À ce moment, les élus votent le budget de la commune.")
    # « ce type de » takes up the kind just described (the cybersecurity note quoted « Ce type
    # de support réduit le risque… » without the external disk it speaks of)
    assert context_needs("Ce type de support réduit le risque d'une compromission des données.")
    assert context_needs("Une sauvegarde déconnectée restera préservée malgré une attaque de ce "
                         "type.")
    # « un autre choix »: other than the one the previous sentence told
    assert context_needs("La métropole a fait un autre choix : les premiers mètres cubes sont "
                         "gratuits.")
    assert [n.kind for n in context_needs(
        "En dehors de ces moments de discussion, les enfants peuvent s'informer.")] == [
        "demonstrative"]
    # a reaction to what was just announced, not to what it names
    assert context_needs("Les associations d'élus ont salué l'effort financier mais restent sur "
                         "leur faim.")
    assert not context_needs("Les élus critiquent la réforme des retraites de 2023.")
    assert not context_needs("La ville a ouvert une plateforme de signalement : la plateforme "
                             "reçoit cent demandes par jour.")[1:]


def test_topics_impersonal_passives_and_contrasts_read_in_context():
    # a demonstrative after the topic the sentence opens on takes up that topic
    assert not context_needs(
        "En ce qui concerne l'accessibilité des sites, déjà rendue obligatoire depuis la loi de "
        "2005, le non-respect de cette exigence est passible de sanctions.")
    assert context_needs("Le non-respect de cette exigence est passible de sanctions.")
    # « il est imposé de rendre… »: an impersonal passive points at nothing; « elle est
    # chargée de… », « il est renforcé de nouvelles obligations » do
    assert not context_needs("Autre nouveauté, il est désormais imposé de rendre compte en ligne "
                             "du niveau d'accessibilité d'un service numérique.")
    assert not context_needs("Il est prévu de créer un fonds de soutien aux communes.")
    assert context_needs("Elle est chargée de piloter le plan d'action.")
    assert context_needs("Changement de nom, structure repensée, il est aussi renforcé de "
                         "nouvelles obligations.")
    # « À contrario, … » answers the sentence before it: stripped when quoted alone
    assert RuleWriter().rewrite("À contrario, la remise sur le marché des logements vacants "
                                "réduit la construction neuve.").startswith("La remise")
    assert RuleWriter().rewrite("En parallèle, on estime le stock de friches à 150 000 "
                                "hectares.").startswith("On estime")
    # « De plus en plus de… » opens on no connector
    assert RuleWriter().rewrite("De plus en plus de collectivités proposent des produits "
                                "bio.").startswith("De plus en plus de collectivités")
    assert RuleWriter().rewrite("De plus, les communes proposent des produits bio.").startswith(
        "Les communes")
    # the documents' own judgement goes, the fact stays (« Heureusement une très grande
    # communauté d'employeurs s'est spécialisée… », the purchasing note)
    assert RuleWriter().rewrite("Heureusement une très grande communauté d'employeurs s'est "
                                "spécialisée dans l'inclusion.").startswith("Une très grande")
    assert RuleWriter().rewrite("Malheureusement, les contrôles restent rares faute d'agents "
                                "assermentés.").startswith("Les contrôles restent rares")
    # an additive adverb inside a sentence quoted alone adds to nothing the note says
    assert RuleWriter().rewrite("Mieux tenir compte des retours des usagers est également "
                                "indispensable.") == ("Mieux tenir compte des retours des usagers "
                                                      "est indispensable.")
    # (the cybersecurity note wrote « De plus, l'ANSSI estime, en outre, que… »)
    assert RuleWriter().rewrite("L'ANSSI estime, en outre, que le coût de la réponse peut "
                                "s'élever à plusieurs centaines de milliers d'euros.") == (
        "L'ANSSI estime que le coût de la réponse peut s'élever à plusieurs centaines de "
        "milliers d'euros.")
    assert RuleWriter().rewrite("Les communes d'outre-mer sont en outre exposées aux "
                                "cyclones.") == "Les communes d'outre-mer sont exposées aux "\
        "cyclones."
    # so does a contrast adverb after the verb of a first sentence; the second sentence of a
    # pair keeps it (its first is quoted), and so do « mais », « et » before it
    writer = RuleWriter()
    assert writer.rewrite("Les administrations ont néanmoins l'obligation de publier leurs "
                          "données.") == "Les administrations ont l'obligation de publier leurs "\
        "données."
    pair = writer.rewrite("Les petites communes n'ont aucune obligation de publication. Les "
                          "syndicats sont toutefois tenus de publier leurs budgets.")
    assert "sont toutefois tenus" in pair
    assert "et cependant" in writer.rewrite("Le texte est ancien et cependant appliqué partout.")


def test_no_connector_before_a_sentence_that_states_its_own_contrast():
    # (a general claim, then a named case: an example, which « Ainsi » would introduce)
    general = ("Les collectivités s'interrogent sur la nature des données à confier à des IA "
               "conçues outre-Atlantique.")
    case = ("La région Île-de-France partage cependant la prudence de Montpellier quant à la "
            "nature des données à confier à des IA conçues outre-Atlantique.")
    assert relation(general, case) == "example"
    assert RuleWriter().join([general, case]) == [general, case]
    # a statement told with the sentence after it: the example is named in the first one, or
    # « Ainsi » introduces nothing named
    objective = ("La reconversion des friches est une opportunité pour les projets des "
                 "territoires.")
    pair = ("De nombreux projets de reconversion de friches restent bloqués. L'outil "
            "BENEFRICHES a été développé pour quantifier les effets des projets de reconversion.")
    assert relation(objective, pair) != "example"
    assert relation(objective, "La ville de Rennes a mené trois projets de reconversion de "
                               "friches.") == "example"


def test_a_date_label_opens_its_sentence_and_a_long_sentence_keeps_its_first_clause():
    text = ("Dès 2024 : le non-respect de l'accessibilité des sites, déjà rendue obligatoire "
            "depuis la loi de 2005, sera passible de sanctions dont le montant maximal est fixé à "
            "50 000 € ; l'Autorité de régulation de la communication audiovisuelle et numérique "
            "sera compétente pour identifier et constater les manquements ; si un manquement "
            "persiste plus de six mois, une nouvelle sanction pourra être imposée.")
    assert statement_text(text) == (
        "Dès 2024, le non-respect de l'accessibilité des sites, déjà rendue obligatoire depuis "
        "la loi de 2005, sera passible de sanctions dont le montant maximal est fixé à 50 000 €.")
    assert not rejection_reasons(statement_text(text))
    # a clause that restricts the first one is never dropped with it
    restricted = ("Les domaines d'application de l'intelligence artificielle pour servir les "
                  "collectivités territoriales sont assez vastes ; ces quelques exemples montrent "
                  "cependant que le recours à l'IA peut se heurter à des difficultés.")
    assert statement_text(restricted) == restricted
    # a label that is no date stays a label
    assert rejection_reasons("Journée Numérique et Territoires : l'État accompagne les communes "
                             "dans leurs projets.")
    # a scope set as a label opens its sentence too, unless a pronoun takes up its noun
    assert statement_text("À l'échelle régionale : le SRADDET doit définir une trajectoire.") \
        == "À l'échelle régionale, le SRADDET doit définir une trajectoire."
    assert statement_text("Au niveau local : les communes publient un bilan.") == (
        "Au niveau local, les communes publient un bilan.")
    # a pronoun that takes up the label's noun: the noun is the subject (the ZAN note read « À
    # l'échelle des SCoT : ils doivent… »); one of another number keeps the label
    assert statement_text("À l'échelle des SCoT : ils doivent se réunir en conférence "
                          "régionale.") == "Les SCoT doivent se réunir en conférence régionale."
    assert statement_text("À l'échelle du PLU : il doit prévoir un échéancier.") == (
        "Le PLU doit prévoir un échéancier.")
    kept = "À l'échelle des SCoT : elle doit se réunir en conférence régionale."
    assert statement_text(kept) == kept
    assert statement_text("Au programme : Tables rondes et ateliers.").startswith("Au programme :")
    # a label naming the sentence's role goes; a verb before the colon is no label, and what
    # follows must stand as a sentence
    assert statement_text("Le problème investigué : au niveau national, le gaspillage "
                          "alimentaire représente près de 135 g par repas.") == (
        "Au niveau national, le gaspillage alimentaire représente près de 135 g par repas.")
    # (a name may end the label: « Le problème principal adressé par UrbanVitaliz : … »)
    assert statement_text("Le problème principal adressé par UrbanVitaliz : les collectivités "
                          "sont souvent démunies face à la complexité des démarches.") == (
        "Les collectivités sont souvent démunies face à la complexité des démarches.")
    kept = ["Les autres interdictions concernent : la reconnaissance des émotions sur le lieu de "
            "travail et la notation sociale.",
            "L'objectif : décliner l'actuel FranceConnect pour les agents qui se connectent.",
            # (an infinitive after the label, capitalised or not: the note quoted « Créer une
            # solution de candidature… » as a sentence)
            "L'objectif : créer une solution de candidature réutilisable qui transforme une "
            "démarche chronophage en un processus fluide."]
    assert [statement_text(k) for k in kept] == kept
    # (whose capital after the colon goes: the purchasing note quoted « L'objectif : Créer… »)
    assert statement_text(kept[-1].replace(": créer", ": Créer")) == kept[-1]
    # a label of a noun phrase without article before a sentence of its own (a capital or a
    # determiner after the colon) goes; an infinitive, a name, a pronoun or a preposition
    # before the colon is no such label
    assert statement_text("- Sécurité des données : Des mesures suffisantes et adaptées doivent "
                          "permettre de sécuriser les données personnelles.") == (
        "Des mesures suffisantes et adaptées doivent permettre de sécuriser les données "
        "personnelles.")
    # (a feminine participle is no verb of the label: « Une transparence renforcée »)
    assert statement_text("• Une transparence renforcée: les responsables de traitement doivent "
                          "élaborer des procédures pour rendre les systèmes d’IA transparents.") == (
        "Les responsables de traitement doivent élaborer des procédures pour rendre les "
        "systèmes d'IA transparents.")
    assert not has_finite_verb("Une transparence renforcée", strict=True)
    assert has_finite_verb("La commune renforce son service", strict=True)
    assert statement_text("Exploitable par un système de traitement automatisé : la publication "
                          "est optimisée pour une utilisation par un système automatisé.") == (
        "La publication est optimisée pour une utilisation par un système automatisé.")
    kept = ["Former les agents : La formation des agents est la première des conditions.",
            "Journée Numérique et Territoires : L'État réunit les collectivités à Lyon.",
            "Il cite deux exemples concrets : les champs obligatoires indiqués par la couleur "
            "et les images sans alternative textuelle.",
            "Avec un avantage pour la collectivité : l'entreprise n'est rémunérée que si elle "
            "atteint une certaine performance."]
    assert [statement_text(k) for k in kept] == kept


@pytest.mark.parametrize("text, expected", [
    # a demonstrative on the label's noun, a pronoun after an infinitive: the label is the
    # subject (open data and EGalim dossiers of the benchmarks)
    ("- Article L.2196-2 : Cet article impose aux acheteurs publics de rendre accessibles les "
     "données essentielles des marchés publics.",
     "L'article L.2196-2 impose aux acheteurs publics de rendre accessibles les données "
     "essentielles des marchés publics."),
    ("- Réduire la quantité de déchets produits et traités : cela permet des économies de "
     "ressources naturelles.",
     "Réduire la quantité de déchets produits et traités permet des économies de ressources "
     "naturelles."),
    ("Décret n° 2019-768 : ce décret fixe les règles de l'accessibilité des sites publics.",
     "Le décret n° 2019-768 fixe les règles de l'accessibilité des sites publics."),
    # (another noun: the one-word label goes, the demonstrative stays, to be resolved)
    ("Stratégie : cette démarche suppose un référent dans chaque service de la commune.",
     "cette démarche suppose un référent dans chaque service de la commune."),
    ("Journée Numérique et Territoires : cela commence par un état des lieux des projets.", None),
    # a noun phrase that a pronoun of its number takes up (the Anah's list of the permis de
    # louer dossier, quoted « …dédié à l'habitat indigne : il s'applique… »)
    ("- Le Programme d'intérêt général (PIG) dédié à l'habitat indigne : il s'applique sur une "
     "échelle relativement vaste.",
     "Le Programme d'intérêt général (PIG) dédié à l'habitat indigne s'applique sur une "
     "échelle relativement vaste."),
    ("Les opérations programmées : elles ciblent un quartier ancien de la commune.",
     "Les opérations programmées ciblent un quartier ancien de la commune."),
    ("Le maire a tranché la question : il refuse la demande du propriétaire.", None),
    # (a short verb the ending test passes over: the budget vert note read « L'annexe vise à
    # coter l'impact environnemental des dépenses exécutées rend compte de… »)
    ("L'annexe vise à coter l'impact environnemental des dépenses exécutées : elle rend ainsi "
     "compte de l'impact réel des investissements.", None),
    # (a verb after its negation: the dépôts sauvages note read « L'enlèvement du dépôt ne
    # dispense pas du paiement de l'amende s'agit donc d'une sanction… »)
    ("Le paiement de la taxe ne dispense pas de la déclaration : il s'agit donc d'une "
     "obligation distincte.", None),
])
def test_a_label_that_the_sentence_takes_up_becomes_its_subject(text, expected):
    assert statement_text(text) == (expected or text)


def test_the_parse_reads_the_sentence_after_a_label_as_the_line():
    """A noun phrase and its colon head a sentence (the rénovation dossier's « Participation
    minimale du maître d'ouvrage (article L. 1111-10 du CGCT) : toute collectivité… doit… »):
    the parse's features are the sentence's, its capital restored; a list the sentence takes
    up, a pronoun that stands for the label, a speaker or notes after the colon keep the line
    whole."""
    texts = ["Participation minimale du maître d'ouvrage (article L. 1111-10 du CGCT) : toute "
             "collectivité maître d'ouvrage doit assurer une participation minimale au "
             "financement de ses projets.",
             "Écoles, gymnases, piscines, cimetières : le patrimoine communal consomme une part "
             "non négligeable de l'eau potable distribuée.",
             "Transparence : elle est un principe essentiel de l'éthique des systèmes publics.",
             "Xavier : nous respectons les mesures de la loi dans notre établissement scolaire.",
             "Gestion de l'eau et stress des réseaux : Importantes économies en entretien avec "
             "la végétalisation, car désimperméabilise."]
    rows = parse_texts(texts)
    assert rows[0]["compressed"] == (
        "Toute collectivité maître d'ouvrage doit assurer une participation minimale au "
        "financement de ses projets.")
    assert rows[0]["finite_verb"] and rows[0]["main_verb"] and rows[0]["subject"] == "noun"
    assert [row["compressed"] for row in rows[1:]] == texts[1:]
    # the tokenizer glues the parenthesis to the colon: « (Article 1): » (a bill's summary)
    glued = parse_texts(["Aide au permis de conduire (Article 1): Le montant de l'aide au "
                         "permis de conduire pour les apprentis sera ajusté en fonction de "
                         "leur lieu de résidence."])[0]
    assert glued["compressed"].startswith("Le montant de l'aide au permis de conduire pour")


def test_a_press_box_label_run_into_its_sentence_goes():
    """« Chiffres-clés 23 000 policiers municipaux sont aujourd'hui recensés en France. » (the
    attractivité dossier's box) was quoted with its label."""
    from ianote_lib.note.candidates import statement_text

    assert statement_text("Chiffres-clés 23 000 policiers municipaux sont aujourd’hui recensés "
                          "en France.") == (
        "23 000 policiers municipaux sont aujourd'hui recensés en France.")
    assert statement_text("En bref : La commune a voté son budget.") == (
        "La commune a voté son budget.")
    assert statement_text("L'essentiel de la loi tient en trois articles.") == (
        "L'essentiel de la loi tient en trois articles.")


def test_a_one_word_label_goes_before_the_context_of_what_follows_is_read():
    """« Chronophage : elle suppose… » (an item of a list of problems in the held-out
    dossier on public purchasing): the note quoted « Elle suppose la remise à l'acheteur… »
    alone, since the writer dropped the label after the pronoun had been looked for."""
    from ianote_lib.note.anaphora import context_needs

    text = ("Chronophage : elle suppose la remise à l'acheteur d'informations lors de chaque "
            "procédure engagée.")
    assert statement_text(text).startswith("elle suppose")
    assert context_needs(statement_text(text))
    assert statement_text("Bilan : aujourd'hui, 40 communes publient leurs données.") == (
        "aujourd'hui, 40 communes publient leurs données.")
    # (the turn of a written question's answer: the cours oasis note quoted « Réponse. -
    # L'article 14 de la loi du 30 octobre 1886… »)
    assert statement_text("Réponse. - L'article 14 de la loi du 30 octobre 1886 dispose que "
                          "l'entretien des bâtiments est une dépense obligatoire.") == (
        "L'article 14 de la loi du 30 octobre 1886 dispose que l'entretien des bâtiments est "
        "une dépense obligatoire.")


def test_a_subordinate_clause_alone_is_no_sentence():
    """The cimetières note quoted « Utile lorsque l'on a à gérer quelque 45.000 emplacements
    sur quatre sites. » (the end of the sentence before it); a subordinate clause before its
    main clause stays."""
    assert "sans proposition principale" in rejection_reasons(
        "Utile lorsque l'on a à gérer quelque 45.000 emplacements sur quatre sites.")
    for text in ["Lorsque la commune manque de place, elle peut reprendre les concessions.",
                 "Indispensable lorsque la commune manque de place, la reprise reste lente.",
                 "La reprise est possible lorsque la concession est en état d'abandon.",
                 "Des communes rurales signent des conventions alors que la loi ne l'impose pas.",
                 "Des recettes nouvelles, alors que les quartiers payants s'étendent, financent "
                 "les bus."]:
        assert "sans proposition principale" not in rejection_reasons(text), text
    # (a noun phrase before it: the parking note told « Des recettes significatives pour la
    # métropole toulousaine alors que de plus en plus de quartiers sont soumis au stationnement
    # payant. »)
    assert "sans proposition principale" in rejection_reasons(
        "Des recettes significatives pour la métropole toulousaine alors que de plus en plus de "
        "quartiers sont soumis au stationnement payant.")


def test_an_aim_in_infinitives_keeps_the_clause_after_its_colon():
    """The zones à faibles émissions note quoted « Améliorer l'acceptabilité des ZFE-m et
    identifier des pistes pour accompagner efficacement leur mise en oeuvre. », cut before
    « : telle est la mission confiée à Philippe Tabarot… », which held its verb."""
    from ianote_lib.note.text import compress

    text = ("Améliorer l'acceptabilité des ZFE-m et identifier des pistes pour accompagner "
            "efficacement leur mise en oeuvre : telle est la mission confiée à Philippe Tabarot, "
            "rapporteur, par la commission de l'aménagement du territoire.")
    assert "telle est la mission" in compress(text)


def test_a_count_left_to_fill_is_no_figure():
    """The participation note quoted « …a envoyé nomément à X personnes le questionnaire… »:
    a count the source's author left to fill; a name or a roman numeral is no such count."""
    for text in ["Le bureau d'étude a envoyé nomément à X personnes le questionnaire par "
                 "courrier postal.",
                 "Dans la commune, XX % des habitants ont répondu au questionnaire envoyé."]:
        assert "texte à compléter" in rejection_reasons(text), text
    for text in ["Le réseau social X compte de nombreux comptes de collectivités.",
                 "Le réseau social X dans sa version actuelle reste utilisé par les communes.",
                 "Sous Louis XIV, les communes avaient peu de moyens pour leurs routes."]:
        assert "texte à compléter" not in rejection_reasons(text), text


def test_a_row_loses_the_verbless_sentence_that_ends_it():
    """« La valeur augmente si… Augmentations qui peuvent aller jusqu'à +20 % du prix foncier
    sur des villes denses. » (an item of the heat dossier's list of economic models): the
    note quoted the fragment after its sentence."""
    text = ("- Valeur du foncier : La valeur des logements augmente près des espaces verts. "
            "Augmentations qui peuvent aller jusqu'à +20 % du prix foncier dans les villes.")
    assert statement_text(text) == "La valeur des logements augmente près des espaces verts."
    # a reference cut at its abbreviation, a last sentence that has a verb: as they are
    kept = ["On peut toujours introduire un critère social dans l'analyse des offres (art. "
            "R.2152-7).",
            "Les communes publient leurs données. Elles les mettent à jour chaque mois."]
    for text in kept:
        assert statement_text(text) == text


@pytest.mark.parametrize("text, expected", [
    ("Les agences de l'eau consacreront aussi 50 millions d'euros aux petites communes.",
     "Les agences de l'eau consacreront 50 millions d'euros aux petites communes."),
    ("La ville a également ouvert une plateforme de signalement pour ses usagers.",
     "La ville a ouvert une plateforme de signalement pour ses usagers."),
    # a correlation, an emphasis, a comparison, a quotation keep it
    ("Le projet concerne non seulement les écoles mais aussi les gymnases de la commune.", None),
    ("Le coût de l'inaction est lui aussi chiffré par la commune.", None),
    ("Il est aussi important que les agents soient formés à ces outils.", None),
    ("La mesure touche aussi bien les communes que les intercommunalités.", None),
    ("Le maire a déclaré « nous devons aussi former les agents de la commune ».", None),
])
def test_an_additive_adverb_that_points_back_goes(text, expected):
    assert compress(text) == (expected or text)


@pytest.mark.parametrize("text, expected", [
    ("Fin septembre dernier, la commission a dressé un bilan des travaux.",
     "La commission a dressé un bilan des travaux."),
    ("Le ministre a annoncé mardi un plan de 500 millions d'euros.",
     "Le ministre a annoncé un plan de 500 millions d'euros."),
    # after a participle in the plural or the feminine, and two days coordinated (the ville
    # 30 note opened on « …seront installés mercredi et jeudi »)
    ("Les derniers panneaux seront installés mercredi et jeudi.",
     "Les derniers panneaux seront installés."),
    ("La mesure, annoncée lundi, entre en vigueur en mars.",
     "La mesure entre en vigueur en mars."),
    # a span counted back from the article's day, the article's year, set apart by a comma or
    # a full stop (the ville 30 note: « Il y a un an et demi, 44 % des routes… »)
    ("Il y a un an et demi, 44 % des routes étaient en zone 30.",
     "44 % des routes étaient en zone 30."),
    ("La décision de l'extinction a été prise il y a un mois.",
     "La décision de l'extinction a été prise."),
    ("Tout le pays a été touché par des incendies cette année.",
     "Tout le pays a été touché par des incendies."),
    # (not where the participle would be left alone, nor a year's end or start)
    ("L'espace, créé il y a quatre ans et qui occupe 1 600 m2, accueille le public.", None),
    ("Le texte devrait être adopté à la fin de cette année pour une application en 2026.",
     None),
    ("Un décret du 28 août dernier fixe les modalités des expérimentations.",
     "Un décret fixe les modalités des expérimentations."),
    ("Le plan, présenté jeudi matin, prévoit 20 mesures pour les communes.",
     "Le plan prévoit 20 mesures pour les communes."),
    ("Le modèle a émis 502 tonnes de carbone l'an dernier, selon l'étude.",
     "Le modèle a émis 502 tonnes de carbone, selon l'étude."),
    ("Depuis cet été, la démarche est accessible aux personnes handicapées.",
     "La démarche est accessible aux personnes handicapées."),
    # (not a season that names a thing: the incendies note read « …resteront gravées dans les
    # souvenirs de (doc. 2) »)
    ("Les images des Monts d'Arrée en cendres resteront gravées dans les souvenirs de cet été.",
     None),
    # with the preposition that leads it (the meublés note: « Des quotas s'appliqueront à
    # partir dans la commune »)
    ("Des quotas s'appliqueront à partir du 1er juin prochain dans la commune.",
     "Des quotas s'appliqueront dans la commune."),
    # (the water and rénovation notes: « devra présenter avant l'été un plan de sobriété »,
    # « la loi de finances récemment adoptée »)
    ("Chaque filière économique devra présenter avant l'été un plan de sobriété.",
     "Chaque filière économique devra présenter un plan de sobriété."),
    ("La loi de finances récemment adoptée réaffirme le soutien de l'État aux communes.",
     "La loi de finances adoptée réaffirme le soutien de l'État aux communes."),
    # a restriction on it keeps it, and a year names the season
    ("Les politiques n'ont intégré que récemment les problématiques de l'environnement.", None),
    ("La démarche a été lancée avant l'été 2022 dans les communes du département.", None),
    # (a season counted from the article's day: the police municipale note told « l'examen, à
    # l'automne prochain, d'un projet de loi »)
    ("Le ministre a annoncé le dépôt, à l'automne prochain, d'un projet de loi sur les ponts.",
     "Le ministre a annoncé le dépôt d'un projet de loi sur les ponts."),
    # with the preposition that takes it and its restriction, and between two commas with
    # both (the incendies and accès aux soins dossiers: « éteint depuis seulement », « a
    # annoncé, le recrutement »)
    ("À La Teste-de-Buch, le feu est officiellement éteint depuis ce jeudi seulement.",
     "À La Teste-de-Buch, le feu est officiellement éteint."),
    ("Le président du département a annoncé, ce mardi, le recrutement de 7 médecins.",
     "Le président du département a annoncé le recrutement de 7 médecins."),
    ("Ainsi, depuis cet été, la démarche est accessible aux personnes handicapées.",
     "La démarche est accessible aux personnes handicapées."),
    ("Une trentaine de piscines sont fermées : en septembre dernier, la société a baissé le "
     "rideau.", "Une trentaine de piscines sont fermées: la société a baissé le rideau."),
    # what recurs, an absolute date, « de demain » stay
    ("Les services sont ouverts du lundi au vendredi et ferment le mercredi.", None),
    ("La méthode est de co-construire le service public de demain.", None),
    ("L'été 2022 a été le plus sec jamais mesuré en France métropolitaine.", None),
])
def test_a_date_relative_to_the_article_s_day_goes(text, expected):
    from ianote_lib.note.text import without_relative_dates

    assert without_relative_dates(text) == (expected or text)
    assert compress(text) == (expected or text)


def test_an_absolute_date_loses_the_weekday_of_the_article_s_week():
    from ianote_lib.note.text import without_relative_dates

    text = "Ensemble, ce lundi 7 mars, la ministre et les élus ont signé une charte."
    assert without_relative_dates(text) == text         # the date is kept
    assert compress(text) == ("Ensemble, le 7 mars, la ministre et les élus ont signé une "
                              "charte.")
    assert compress("Ce mardi 1er février, le conseil a voté le budget de la commune.") == (
        "Le 1er février, le conseil a voté le budget de la commune.")
    # (contracted after « de » and « à »: the ville 30 dossier's « A partir de ce lundi 19
    # août » gave « A partir de le 19 août »)
    assert compress("À partir de ce lundi 19 août, la ville abaisse la vitesse autorisée à "
                    "30 km/h.") == ("À partir du 19 août, la ville abaisse la vitesse autorisée "
                                    "à 30 km/h.")
    assert compress("La consultation reste ouverte jusqu'à ce vendredi 4 octobre dans toutes "
                    "les mairies.") == ("La consultation reste ouverte jusqu'au 4 octobre dans "
                                        "toutes les mairies.")


@pytest.mark.parametrize("text, expected", [
    # the day a release is published is not the note's day; « Aujourd'hui, » as nowadays stays
    ("L'État et les associations d'élus publient aujourd'hui leur programme.",
     "L'État et les associations d'élus publient leur programme."),
    ("La ministre lance aujourd'hui un appel à projets.", "La ministre lance un appel à projets."),
    ("Aujourd'hui, c'est le cas pour près de 90 % d'entre elles.", None),
    # ordinals abbreviated as French typography does
    ("Une 1ière phase de 2017 à 2018 puis une 2ème phase ont été menées.",
     "Une 1re phase de 2017 à 2018 puis une 2e phase ont été menées."),
    ("Les 3èmes rencontres ont eu lieu le 1er mars.", "Les 3es rencontres ont eu lieu le 1er mars."),
    # a word that lost its accent gets it back; one known without it, or a name, stays
    ("L'equipe interroge l'Etat et les Etats membres.",
     "L'équipe interroge l'État et les États membres."),
    ("Les Ecoles relèvent de l'Education nationale.",
     "Les Écoles relèvent de l'Éducation nationale."),
    ("Entre les communes, Emmanuel et Evry votent.", None),
    # a footnote call goes (its footnote is not in the note); a product's sign stays
    ("Elle est obligatoire pour tout propriétaire de location(s) saisonnière(s)*, sauf en "
     "zone rurale, dans la limite de 25 % d'un même immeuble**.",
     "Elle est obligatoire pour tout propriétaire de location(s) saisonnière(s), sauf en "
     "zone rurale, dans la limite de 25 % d'un même immeuble."),
    ("La surface retenue est de 3 * 4 mètres pour chaque emplacement de la commune.", None),
    # (a numbered call as the Sénat's reports set them, with the comma set apart with it:
    # the tarification note's « la loi de finances pour 2012 16, a effectivement créé »)
    ("Enfin, la loi de finances pour 2012 16 ( * ) , a effectivement créé la TEOM incitative.",
     "Enfin, la loi de finances pour 2012 a effectivement créé la TEOM incitative."),
    ("L'article 46 de la loi « Grenelle I » 14 ( * ) prévoit une part variable incitative.",
     "L'article 46 de la loi « Grenelle I » prévoit une part variable incitative."),
    # (its number alone, once the parse dropped « ( * ) » as an aside; a count stays)
    ("En 2010, la loi « Grenelle II » 15 s'est limitée au principe d'une part incitative.",
     "En 2010, la loi « Grenelle II » s'est limitée au principe d'une part incitative."),
    ("Enfin, la loi de finances pour 2012 16, a créé la TEOM incitative dans les communes.",
     "Enfin, la loi de finances pour 2012 a créé la TEOM incitative dans les communes."),
    ("Le dispositif « Petites villes de demain » 15 communes lauréates dans le département.",
     None),
    ("Le programme « Action cœur de ville » 20 ans après reste une référence pour les élus.",
     None),
    # an editor's insert in brackets goes, as a parenthesis does
    ("Bien souvent, la régie agricole [un modèle où la production est gérée par la commune, "
     "ndlr] répond à l'absence de maraîchers sur le territoire.",
     "Bien souvent, la régie agricole répond à l'absence de maraîchers sur le territoire."),
    # an article with a capital inside a sentence (the ponts note), not a name's
    ("Pour poser une question sur son pont ou son mur, La collectivité remplit un formulaire.",
     "Pour poser une question sur son pont ou son mur, la collectivité remplit un formulaire."),
    ("Après Brest, La Rochelle a adopté le dispositif de collecte des biodéchets.", None),
])
def test_compress_writes_what_the_document_slipped(text, expected):
    assert compress(text) == (expected or text)


def test_a_cut_never_leaves_a_list_item_s_head_without_its_verb():
    """« Système de subsidiarité… pour que… : la région soutient… »: the head before the colon
    is a bare noun and its complement, the verb of the line is after the colon; a sentence whose
    head is a sentence is still cut there."""
    item = ("Système de subsidiarité à trois étages pour que les petites communes parviennent à "
            "mettre en œuvre une politique d'open data : la région soutient les départements, "
            "les départements soutiennent les communes et leurs groupements.")
    assert compress(item) == item.replace(" : ", ": ")      # (its colon as compress writes it)
    sentence = ("La loi impose aux communes de plus de 3 500 habitants de publier leurs données "
                "en ligne : les délibérations, les budgets, les marchés publics, les subventions "
                "et les données essentielles de leurs contrats.")
    assert compress(sentence) == ("La loi impose aux communes de plus de 3 500 habitants de "
                                  "publier leurs données en ligne.")
    # an enumeration of bare nouns after the colon goes too (the rénovation dossier's « La
    # famille d'irritants la plus citée… : manque de personnel, difficulté à attirer les
    # talents, … » was too long to quote, and its idea missing from the note)
    assert compress("La famille d'irritants la plus citée est l'absence de compétence sur les "
                    "sujets énergétiques : manque de personnel, difficulté à attirer les talents, "
                    "manque de disponibilité, fiches de poste floues, absence de hotline, peu de "
                    "partage des connaissances.") == (
        "La famille d'irritants la plus citée est l'absence de compétence sur les sujets "
        "énergétiques.")
    # never a head that announces the list, nor a clause after the colon, nor the last
    # sentence's colon of a longer text
    for kept in ["Les acteurs de l'aménagement du territoire y trouvent aujourd'hui plusieurs "
                 "bénéfices : connaissance des dossiers déposés, historisation et suivi dans le "
                 "temps, coordination multi-acteurs.",
                 "La chaleur en ville est causée par plusieurs facteurs. Il n'existe pas de "
                 "solution miracle en matière de rafraîchissement urbain : il faut combiner des "
                 "actions sur la végétation, l'eau, les matériaux et les usages.",
                 # nor a head left open (the ZAN note quoted « L'investigation a permis de
                 # confirmer que les facteurs les plus déterminants pour la reconversion
                 # sont. »)
                 "L'investigation a permis de confirmer que les facteurs les plus déterminants "
                 "pour la reconversion sont : l'accès à un financement, l'attractivité du "
                 "territoire, la présence ou non de pollution sur le site et la volonté "
                 "politique portée par les élus."]:
        assert compress(kept) == kept.replace(" : ", ": "), kept
    from ianote_lib.note.text import ends_open

    # (and a head that announces what the colon lists: « …attendu par les usagers, à savoir. »)
    for text in ["La loi prévoit que.", "Les leviers comprennent.", "Elle parle d'.",
                 "Les facteurs de la reconversion sont.",
                 "La concertation a défini le positionnement attendu par les usagers, à savoir.",
                 "Les actions se répartissent comme suit.",
                 "Face aux enjeux environnementaux, les collectivités territoriales doivent."]:
        assert ends_open(text), text
    for text in ["Les objectifs de la loi sont ambitieux.", "L'administration détient déjà.",
                 "La ville a mis en place un plan.", "Il porte sur le territoire concerné.",
                 "La ressource manque l'été."]:
        assert not ends_open(text), text


def test_the_furniture_of_a_press_page_is_not_quoted():
    for furniture in ["Par Marie Dupont, publié le 12 mars 2023 à 10h30, mis à jour le 13 mars.",
                      "Photo : la mairie de Rennes a inauguré la nouvelle piste cyclable le 3 mars."]:
        assert "légende ou signature" in rejection_reasons(furniture)
    # (a commune that did something is named: « la commune a investi… » is which one?)
    for sentence in ["Par ailleurs, la commune de Rennes a investi 3 millions d'euros dans ses "
                     "écoles.",
                     "Par arrêté du 3 mars, le préfet a restreint les usages de l'eau du bassin."]:
        assert not rejection_reasons(sentence)


def test_a_caption_around_a_quoted_sentence_or_an_open_parenthesis_is_not_quoted():
    """The dépôts sauvages note quoted « Entre un vieux lave-linge et un vieux frigo, une
    pancarte sur fond jaune « Votre ville n'est pas une décharge » » (its one verb is the
    sign's) and « Cinq appareils (5 à 600 euros pièces ont été commandés… » (never closed)."""
    assert "sans verbe" in rejection_reasons(
        "Entre un vieux lave-linge et un vieux frigo, une pancarte sur fond jaune « Votre ville "
        "n'est pas une décharge ».")
    assert "sans verbe" in rejection_reasons(
        'Entre un vieux lave-linge et un vieux frigo, une pancarte sur fond jaune "Votre ville '
        "n'est pas une décharge\".")
    assert not rejection_reasons("Selon l'Ademe, les collectivités « doivent agir vite » pour "
                                 "réduire les déchets.")
    # (what someone says, before the verb of saying)
    assert not rejection_reasons('"Un budget participatif nécessite beaucoup d\'ingénierie pour '
                                 'des petites communes", note Antoine Bezard, consultant.')
    assert "parenthèse non fermée" in rejection_reasons(
        "Cinq appareils (5 à 600 euros pièces ont été commandés ; ils seront installés dans les "
        "prochaines semaines.")
    assert not rejection_reasons("Cinq appareils (de 500 à 600 euros pièce) ont été commandés "
                                 "pour les sites les plus touchés.")


def test_a_typo_a_title_and_a_demonstrative_pronoun_are_not_quoted_alone():
    assert "mot répété" in rejection_reasons(
        "C'est est un dispositif public porté par les ministères de l'Agriculture.")
    assert "mot répété" not in rejection_reasons(
        "Les communes nous ont indiqué que nous nous trompions sur leurs besoins.")
    # a person's title is who speaks, not what the note tells; with a fact it stays
    assert "présentation d'une personne" in rejection_reasons(
        "Luc Lignon est directeur de la politique alimentaire de la Ville de Montpellier.")
    assert "présentation d'une personne" not in rejection_reasons(
        "Marie Dupont est directrice des services depuis 2019 et a lancé un plan de 2 millions "
        "d'euros.")
    # « cela » after an opening phrase takes up what came before, whatever the phrase names
    assert context_needs("En coût denrée, cela représente 35 000 € par an pour le collège.")
    assert context_needs("Pour la collectivité, cela représente un coût important.")
    assert not context_needs("En 2022, les communes ont investi 35 000 € dans leurs réseaux.")


def test_a_demonstrative_category_of_actors_is_said_of_the_actors_concerned():
    text = ("Ces organismes publics et privés doivent mettre aux normes leurs supports "
            "numériques de tout type.")
    needs = context_needs(text)
    assert concerned_category(text, needs, "Ces organismes publics et privés", "ils") == (
        "Les organismes publics et privés concernés doivent mettre aux normes leurs supports "
        "numériques de tout type.")
    text = "Ces communes doivent publier un bilan annuel."
    assert concerned_category(text, context_needs(text), "Ces communes", "elles") == (
        "Les communes concernées doivent publier un bilan annuel.")
    # a thing, not a category of actors; a singular; a second link back: left to the context
    text = "Ces outils doivent être accessibles à tous."
    assert concerned_category(text, context_needs(text), "Ces outils", "ils") is None
    text = "Cette commune doit publier un bilan annuel."
    assert concerned_category(text, context_needs(text), "Cette commune", "elle") is None
    text = "Ces communes y consacrent leur budget."
    assert concerned_category(text, context_needs(text), "Ces communes", "elles") is None


def test_definite_noun_phrase_completed_by_the_name_an_earlier_sentence_gives():
    need = context_needs("La commune utilise un chatbot pour traiter les appels.")[0]
    assert completion("La commune utilise un chatbot pour traiter les appels.", need,
                      "A Plaisir, la ville dispose d'un call bot.") == (
        "La commune de Plaisir utilise un chatbot pour traiter les appels.")
    assert completion("La commune utilise un chatbot pour traiter les appels.", need,
                      "C'est pourquoi sécuriser la donnée est si important.") is None
    need = context_needs("La région partage la prudence de Montpellier.")[0]
    assert completion("La région partage la prudence de Montpellier.", need,
                      "La région Île-de-France explore le tri des courriers.") == (
        "La région Île-de-France partage la prudence de Montpellier.")
    # (a village by the town the sentence before places it in)
    text = "À l'époque, le village s'est regroupé avec quatre autres communes."
    assert completion(text, context_needs(text)[0], "C'est le cas à Baugé-en-Anjou, la première "
                      "commune à avoir franchi le pas, en 2012.") == (
        "À l'époque, le village de Baugé-en-Anjou s'est regroupé avec quatre autres communes.")


def test_a_definite_noun_is_completed_by_the_parties_named_two_sentences_before():
    import pandas as pd

    rows = [
        ("d10s0001", "La première annonce a été la signature d'une nouvelle convention entre la "
                     "DINUM et le FIPHFP."),
        ("d10s0002", "Ce budget permettra d'améliorer l'accessibilité des applications des "
                     "agents."),
        ("d10s0003", "La convention prévoit également de développer l'accompagnement de la "
                     "fonction publique territoriale."),
    ]
    sents = pd.DataFrame(rows, columns=["sentence_id", "clean"])
    sents["doc"], sents["paragraph_id"], sents["kind"] = 10, 1, "sentence"
    sents["reasons"] = [[] for _ in rows]
    resolve_context(sents)
    row = sents.set_index("sentence_id").loc["d10s0003"]
    assert row["resolution"] == "complétée" and row["context_ids"] == ["d10s0001"]
    assert row["clean"].startswith("La convention entre la DINUM et le FIPHFP prévoit")


def test_a_pronoun_is_paired_with_the_sentence_as_written_when_its_speaker_was_dropped():
    """The parse quotes « Jean Dupont, maire de Lussac, a rappelé que les fuites… » as « Les
    fuites… »: « Il a aussi lancé… » after it is paired with the sentence as its document
    wrote it, the speaker « Il » stands for included."""
    import pandas as pd

    text = ("Jean Dupont, maire de Lussac, a rappelé que les fuites du réseau d'eau ont baissé "
            "de 10 % en un an.")
    sents = pd.DataFrame({
        "sentence_id": ["d05s0001", "d05s0002"], "doc": 5, "paragraph_id": 1,
        "kind": "sentence",
        "text": [text, "Il a aussi lancé un plan de sobriété pour les bâtiments."],
        "clean": ["Les fuites du réseau d'eau ont baissé de 10 % en un an.",
                  "Il a aussi lancé un plan de sobriété pour les bâtiments."],
        "reasons": [[], []]})
    resolve_context(sents)
    row = sents.set_index("sentence_id").loc["d05s0002"]
    assert row["resolution"] == "précédée" and row["clean"].startswith(text)


def test_a_sentence_told_after_the_one_it_adds_to_needs_no_and_to_open():
    """The open data note quoted « …commandé par la commission européenne. Et elle obtient la
    seconde place au niveau mondial… »: a pair reads « Elle obtient… »."""
    sents = _quotable_rows([
        ("d05s0001", 5, 1, "La France se classe au premier rang de l'open data en Europe selon le "
                           "rapport 2024 de la Commission européenne."),
        ("d05s0002", 5, 1, "Et elle obtient la seconde place au niveau mondial dans le dernier "
                           "OurData Index de l'OCDE.")])
    resolve_context(sents)
    row = sents.set_index("sentence_id").loc["d05s0002"]
    assert row["resolution"] == "précédée"
    assert row["clean"].endswith("européenne. Elle obtient la seconde place au niveau mondial "
                                 "dans le dernier OurData Index de l'OCDE."), row["clean"]


def test_a_demonstrative_goes_on_from_the_paragraph_before_when_that_one_names_its_noun():
    """A web page sets a paragraph for each sentence: « Adoptée le 19 novembre 2024, cette loi
    permet… » opens the paragraph after « La loi… introduit un dispositif… » and is quoted
    after it; a pronoun opening a paragraph may stand for anything the one before told, and a
    demonstrative whose noun the paragraph before does not name, for something further back."""
    sents = _quotable_rows([
        ("d03s0001", 3, 4, "La loi sur les meublés introduit un dispositif pour répondre à la "
                           "raréfaction des résidences principales."),
        ("d03s0002", 3, 5, "Adoptée le 19 novembre 2024, cette loi permet d'instituer une "
                           "servitude de résidence principale dans les plans locaux."),
        ("d03s0003", 3, 6, "Elle restreint l'usage des logements neufs à la résidence "
                           "principale des ménages."),
        ("d03s0004", 3, 7, "La servitude de résidence principale figure dans le plan local "
                           "d'urbanisme de la commune."),
        ("d03s0005", 3, 9, "Cette servitude vaut pour les logements neufs construits dans "
                           "les zones urbaines de la commune."),
        ("d04s0001", 4, 1, "La commune a adopté un règlement sur les locations de courte durée "
                           "en 2023."),
        ("d04s0002", 4, 2, "Ce quota s'applique dans les quartiers où les résidences "
                           "secondaires dépassent 20 % du parc.")])
    resolve_context(sents)
    by_id = sents.set_index("sentence_id")
    assert by_id.at["d03s0002", "resolution"] == "précédée"
    assert by_id.at["d03s0002", "context_ids"] == ["d03s0001"]
    assert by_id.at["d03s0002", "clean"].startswith("La loi sur les meublés introduit")
    assert "renvoie à une phrase précédente" in by_id.at["d03s0003", "reasons"]
    # (two paragraphs apart: a heading or a caption may stand between them)
    assert "renvoie à une phrase précédente" in by_id.at["d03s0005", "reasons"]
    # (the paragraph before names no quota)
    assert "renvoie à une phrase précédente" in by_id.at["d04s0002", "reasons"]


def test_a_list_item_takes_up_the_subject_of_the_item_before_it():
    import pandas as pd

    rows = [
        ("d01s0001", "bullet", 14, "La loi Climat et Résilience introduit une définition des "
                                   "sols artificialisés.", "noun", "La loi Climat et Résilience",
         "elle"),
        ("d01s0002", "bullet", 15, "Elle fixe un objectif national de réduction de 50 % du "
                                   "rythme de consommation d'espaces naturels.", "pronoun", "", ""),
        ("d01s0003", "bullet", 16, "Elle prévoit une trajectoire par tranches de dix ans jusqu'à "
                                   "2050.", "pronoun", "", ""),
        # a masculine pronoun does not take up a feminine subject
        ("d02s0001", "bullet", 20, "La région définit une trajectoire de sobriété foncière.",
         "noun", "La région", "elle"),
        ("d02s0002", "bullet", 21, "Il fixe un objectif chiffré de réduction.", "pronoun", "", ""),
    ]
    sents = pd.DataFrame(rows, columns=["sentence_id", "kind", "paragraph_id", "clean", "subject",
                                        "subject_text", "subject_pronoun"])
    sents["doc"] = [1, 1, 1, 2, 2]
    sents["reasons"] = [[] for _ in rows]
    resolve_context(sents)
    out = sents.set_index("sentence_id")
    assert out.loc["d01s0002", "clean"].startswith("La loi Climat et Résilience fixe un objectif")
    assert out.loc["d01s0002", "resolution"] == "complétée"
    assert out.loc["d01s0002", "context_ids"] == ["d01s0001"]
    # the next item takes up the same subject through the one before it
    assert out.loc["d01s0003", "clean"].startswith("La loi Climat et Résilience prévoit")
    assert "renvoie à une phrase précédente" in out.loc["d02s0002", "reasons"]


def test_two_documents_with_the_same_calendar_say_the_same_thing():
    assert years_in("Elle fixe une réduction de 50 % entre 2021 et 2031 par rapport à la "
                    "période 2011-2021, pour atteindre zéro artificialisation nette en 2050.") == {
        "2011", "2021", "2031", "2050"}
    assert years_in("Un montant de 2,2050 millions, 12 000 habitants, en 2024, 2025.") == {
        "2024", "2025"}


def _quotable_rows(rows: list[tuple[str, int, int, str]]) -> pd.DataFrame:
    """Sentences (id, doc, paragraph, clean text) as `resolve_context` reads them."""
    sents = pd.DataFrame(rows, columns=["sentence_id", "doc", "paragraph_id", "clean"])
    sents["kind"] = "sentence"
    sents["reasons"] = [[] for _ in rows]
    return sents


def test_resolve_context_completes_pairs_or_rejects():
    rows = [
        ("d01s0001", 1, 1, "A Plaisir, la ville dispose depuis un an d'un agent vocal au standard."),
        ("d01s0002", 1, 1, "La commune traite ainsi chaque jour plusieurs centaines d'appels "
                           "de ses usagers."),
        ("d01s0003", 1, 2, "Les collectivités achètent des cartes graphiques pour leurs serveurs "
                           "de calcul."),
        ("d01s0004", 1, 2, "Le coût d'une seule de ces cartes graphiques est estimé à des "
                           "milliers d'euros."),
        ("d01s0005", 1, 3, "Le budget numérique des communes augmente chaque année depuis dix ans."),
        ("d01s0006", 1, 3, "Ce rapport souligne aussi le manque de formation des agents "
                           "territoriaux."),
    ]
    sents = _quotable_rows(rows)
    resolve_context(sents)
    by_id = sents.set_index("sentence_id")
    assert by_id.at["d01s0002", "resolution"] == "complétée"
    assert by_id.at["d01s0002", "clean"].startswith("La commune de Plaisir traite")
    assert by_id.at["d01s0002", "context_ids"] == ["d01s0001"]
    assert by_id.at["d01s0004", "resolution"] == "précédée"
    assert by_id.at["d01s0004", "clean"].startswith("Les collectivités achètent des cartes")
    assert "renvoie à une phrase précédente" in by_id.at["d01s0006", "reasons"]
    assert by_id.at["d01s0001", "resolution"] == ""


def test_a_sentence_after_a_resolved_one_is_quoted_with_the_chain():
    """« Ces agents sont employés par 3 812 communes ou EPCI » follows « Il s'élève ainsi à
    28 161 agents en 2023… », itself quoted after the sentence that says what « Il » is: the
    three are one statement, its context the two before it; a chain too long is not."""
    rows = [
        ("d01s0001", 1, 1, "Le nombre de policiers municipaux a fortement progressé."),
        ("d01s0002", 1, 1, "Il s'élève ainsi à 28 161 agents en 2023."),
        ("d01s0003", 1, 1, "Ces agents sont employés par 3 812 communes ou EPCI."),
        ("d02s0001", 2, 1, "Le nombre de policiers municipaux a fortement progressé au cours "
                           "de la dernière décennie dans les communes de toutes les tailles et "
                           "dans toutes les régions de la France métropolitaine."),
        ("d02s0002", 2, 1, "Il s'élève ainsi à 28 161 agents en 2023, soit une hausse de 45 % "
                           "depuis 2012 selon le ministère de l'Intérieur."),
        ("d02s0003", 2, 1, "Ces agents sont employés par 3 812 communes ou EPCI."),
    ]
    sents = _quotable_rows(rows)
    resolve_context(sents)
    by_id = sents.set_index("sentence_id")
    assert by_id.at["d01s0003", "resolution"] == "précédée"
    assert by_id.at["d01s0003", "context_ids"] == ["d01s0001", "d01s0002"]
    assert by_id.at["d01s0003", "clean"] == " ".join(r[3] for r in rows[:3])
    assert by_id.at["d02s0002", "resolution"] == "précédée"
    assert "renvoie à une phrase précédente" in by_id.at["d02s0003", "reasons"]


def test_the_collectivite_of_a_guide_addressed_to_any_is_no_anaphora():
    """A guide (the purchasing dossier's ADEME sheet) says « la collectivité » of whoever reads
    it and names none: its sentences need no antecedent. A document that names its commune
    (« la commune de Plaisir ») keeps the rule: « La commune » there points back."""
    guide = [("d02s0001", 2, 1, "La collectivité gère un montant annuel d'achats important."),
             ("d02s0002", 2, 2, "La collectivité définit le cadre de sa politique d'achats."),
             ("d02s0003", 2, 3, "La collectivité choisit d'évaluer la part en nombre."),
             ("d02s0004", 2, 4, "La collectivité facilite l'accès des PME à ses marchés.")]
    named = [("d03s0001", 3, 1, "La commune de Plaisir a équipé son standard d'un agent vocal."),
             ("d03s0002", 3, 2, "Les usagers appellent la commune de Plaisir chaque matin."),
             ("d03s0003", 3, 3, "La commune traite chaque jour plusieurs centaines d'appels."),
             ("d03s0004", 3, 4, "La commune publie le bilan de la commune chaque année.")]
    sents = _quotable_rows(guide + named)
    resolve_context(sents)
    by_id = sents.set_index("sentence_id")
    assert all(by_id.at[f"d02s000{i}", "resolution"] == "générique" and
               not by_id.at[f"d02s000{i}", "reasons"] for i in (2, 3, 4))
    assert by_id.at["d03s0004", "resolution"] != "générique"


def test_resolve_context_reads_object_pronouns_of_the_parse():
    """« de leur expliquer »: the parse says whom the pronoun stands for is not in the sentence
    (`fr.parse.dangling_object`); the sentence is quoted after its antecedent or not at all."""
    rows = [
        ("d01s0001", 1, 1, "Les élèves de primaire déjeunent chaque jour à la cantine municipale."),
        ("d01s0002", 1, 1, "L'objectif est de leur expliquer l'importance de la saisonnalité."),
        ("d01s0003", 1, 2, "L'objectif est de leur faire découvrir les produits du terroir."),
        ("d01s0004", 1, 3, "La mise en relation de chefs de cuisine leur permet de grouper leurs "
                           "achats."),
    ]
    sents = _quotable_rows(rows)
    sents["dangling_object"] = [f["dangling_object"] for f in parse_texts(sents["clean"])]
    assert sents["dangling_object"].tolist() == [False, True, True, False]
    resolve_context(sents)
    by_id = sents.set_index("sentence_id")
    assert by_id.at["d01s0002", "resolution"] == "précédée"
    assert by_id.at["d01s0002", "clean"].startswith("Les élèves de primaire déjeunent")
    # another paragraph: nothing the reader has just read stands for « leur »
    assert "renvoie à une phrase précédente" in by_id.at["d01s0003", "reasons"]
    assert by_id.at["d01s0004", "resolution"] == ""
    assert not by_id.at["d01s0004", "reasons"]


def test_no_unresolved_anaphora_in_the_note(comp):
    for _para, _k, s in _note_sentences(comp):
        first = _without_connector(s.text)
        for part in re.split(r"(?<=[.!])\s+(?=[A-ZÀ-Þ«])", first)[:1]:
            assert not ANAPHORIC_START.search(part), s.text
    # every completed or paired statement keeps its context sentence among its sources
    pool = comp.evidence.pool.set_index("sentence_id")
    for st in comp.selection.all_statements():
        if st.sentence_id in pool.index and pool.at[st.sentence_id, "resolution"]:
            assert st.context_ids and st.source_ids[0] == st.context_ids[0]


def test_introduction_structure(comp, note_md):
    intro = [p for p in comp.note.paragraphs if p.section == "introduction"]
    roles = [p.role for p in intro]
    assert roles[0] == "opening" and roles[-1] == "problematique"
    hook = intro[0].sentences[0]
    assert hook.origin == "document"
    # the opening fact: about the subject, with a figure or a named actor, never a sentence of a
    # checks inconsistency, no connector, no dated-event opening
    assert re.search(r"intelligence artificielle|\bIA\b", hook.text, re.IGNORECASE)
    assert re.search(r"\d|(?:^|\s)(?:à|À|du|de la|de) [A-ZÀ-Þ][a-zà-ÿ]", hook.text)
    assert not hook.text.startswith(CONNECTORS)
    assert not re.match(r"(?i)^(?:le )?\d{1,2}(?:er)? \w+", hook.text)
    checks = check_sentence_ids(comp.evidence_checks) if hasattr(comp, "evidence_checks") \
        else comp.evidence.excluded_by_checks
    assert not set(hook.source_ids) & checks
    # the context and the terms: the dossier's definition of the subject
    terms = [p for p in intro if p.role == "context"]
    assert terms and re.search(r"(?i)définie? comme|se définit comme|désigne",
                               terms[0].sentences[0].text)
    assert not any(s.text.startswith(CONNECTORS) for p in intro for s in p.sentences)
    # problématique then announcement, whose titles match the parts
    frame = intro[-1].sentences
    assert frame[-1].text.startswith("La présente note examine")
    assert comp.selection.hook and comp.selection.definition


def test_chapeau_names_its_subject(comp):
    for para in comp.note.paragraphs:
        if para.role == "chapeau":
            template = [s for s in para.sentences if s.origin == "template"]
            assert template and template[-1].text.startswith("Cette partie "), template
            assert "(A)" in template[-1].text and "(B)" in template[-1].text
    assert explicit_subject("Elle examine {A} (A), avant de présenter {B} (B).").startswith(
        "Cette partie examine")
    from ianote_lib.note.verify import DocIndex

    issues = check_sentence(NoteSentence("Elle examine les risques (A), puis le droit (B).",
                                         origin="template"), "II", DocIndex(_tiny_sentences()))
    assert any(i.rule == "sujet" for i in issues)


def test_a_template_may_name_the_numbers_of_its_commande_and_no_other():
    """« …la généralisation de la limitation à 30 km/h » names the commande's subject: its
    number is no invented figure (the ville 30 note had two warnings for it); a number the
    commande does not hold stays one."""
    from ianote_lib.note.verify import DocIndex

    objet = "la généralisation de la limitation à 30 km/h par les communes"
    index = DocIndex(_tiny_sentences(), extra_words=[objet, "Ville de Saint-Aubin"])
    told = NoteSentence("La présente note expose d'abord la généralisation de la limitation à "
                        "30 km/h (I), puis ses limites (II).", origin="template")
    assert not [i for i in check_sentence(told, "intro", index) if i.rule == "nombre"]
    invented = NoteSentence("La présente note expose d'abord les 12 communes passées à 30 km/h "
                            "(I), puis leurs limites (II).", origin="template")
    issues = [i for i in check_sentence(invented, "intro", index) if i.rule == "nombre"]
    assert len(issues) == 1 and issues[0].level == "warning"
    assert [i.rule for i in check_sentence(told, "intro", DocIndex(_tiny_sentences()))
            ].count("nombre") == 1


def _tiny_sentences():
    import pandas as pd

    return pd.DataFrame({"sentence_id": ["d01s0001"], "doc": [1],
                         "text": ["Les risques et le droit."], "norm": ["Les risques et le droit."]})


def test_transitions_between_subparts_and_parts(comp):
    templates = {p.section: [s.text for s in p.sentences if s.origin == "template"]
                 for p in comp.note.paragraphs if p.role == "body"}
    for key in ("I.A", "II.A", "I.B"):
        last = [p for p in comp.note.paragraphs if p.section == key][-1]
        assert last.sentences[-1].origin == "template", key
        assert word_count(last.sentences[-1].text) <= 30
    assert templates


def test_connectors_are_sparse_varied_and_never_doubled(comp):
    used = []
    for para in comp.note.paragraphs:
        previous_linked = False
        for k, s in enumerate(para.sentences):
            linked = s.origin == "document" and s.text.startswith(CONNECTORS)
            if linked:
                assert k > 0, s.text                      # never at a paragraph's start
                assert not previous_linked, s.text        # never two in a row
                rest = _without_connector(s.text)
                assert not rest.startswith(("Selon", "«")) and not re.match(
                    r"^(?:Par ailleurs|En outre|De plus|Ainsi|Cependant|Toutefois)\b", rest)
                used.append(next(c for c in CONNECTORS if s.text.startswith(c)))
            previous_linked = linked
    # (all different; few: an addition links only two points of one kind on one thing, and a
    # paragraph of two sentences takes no additive one)
    assert len(set(used)) == len(used)
    assert all(a != b for a, b in zip(used, used[1:], strict=False))
    n_sentences = sum(1 for _ in _note_sentences(comp))
    assert len(used) < n_sentences / 2


def test_writer_links_only_sentences_that_speak_of_one_thing():
    facts = ["Les canicules sont de plus en plus fréquentes en ville.",
             "Le terme « canopée » désigne l'étage supérieur de la forêt.",
             "Les personnes âgées représentent les deux tiers de la surmortalité.",
             "La canopée de la forêt urbaine rafraîchit les rues en été."]
    joined = RuleWriter().join(facts, frozenset({"ville"}))
    # no connector ties the second and third to what they follow: they share no word with it
    assert joined[1:3] == facts[1:3]
    # the fourth speaks of the forest the second defines: an additive connector may link them
    # when it follows the second
    linked = RuleWriter().join([facts[1], facts[3], facts[2]], frozenset({"ville"}))
    assert linked[1].split(",")[0] in ("En outre", "Par ailleurs", "De plus", "Parallèlement")
    assert linked[2] == facts[2]


def test_parallelement_links_two_actions_only():
    # (the open data note read « Parallèlement, l'open data a plusieurs objectifs… »)
    writer = RuleWriter()
    facts = [writer.connector("addition", actions=False) for _ in range(10)]
    assert "Parallèlement," not in facts and len(set(facts)) == 3
    writer = RuleWriter()
    assert "Parallèlement," in [writer.connector("addition") for _ in range(5)]


def test_connector_relations():
    # an addition joins two sentences that judge alike, not a limit to a neutral fact (the ZAN
    # note read « Les aides… sont nombreux… De plus, les accompagnements publics… ne semblent
    # pas suffire… »)
    aids = "Les aides d'accompagnement des propriétaires sont nombreuses pour la rénovation."
    assert relation(aids, "Les accompagnements des propriétaires ne semblent pas suffire à "
                          "impulser la rénovation.") == ""
    assert relation(aids, "Les propriétaires peuvent aussi solliciter les aides de l'Anah "
                          "pour la rénovation.") == "addition"
    assert relation("Les propriétaires manquent de moyens pour la rénovation.",
                    "La rénovation des propriétaires est bloquée par la complexité des "
                    "démarches.") == "addition"
    assert relation("Les agents vocaux offrent de nombreuses perspectives aux services.",
                    "À Plaisir, la ville dispose d'un agent vocal au standard.") == "example"
    # (one more point of the same kind, on the same thing, as the two limits above that share
    # two words; a fact then a risk sharing one word, or a rule then a fact, are told side by
    # side: the cybersécurité note read « Par ailleurs, … » between two such)
    assert relation("En 2021, une ville a subi une cyberattaque sur ses données.",
                    "Le laboratoire de la CNIL souligne la fragilité des données.") == ""
    assert relation("Les communes doivent publier leurs données ouvertes depuis 2016.",
                    "Les données ouvertes des communes sont consultées 2 000 fois par "
                    "mois.") == ""
    # two facts that share no word are told side by side: no « De plus » ties them (the heat
    # note read « 18 arbres tiges… sont plantés… Parallèlement, le terme « Canopée »
    # correspond à l'étage supérieur de la forêt »), nor do the words of the subject
    assert relation("En 2021, une ville a subi une cyberattaque sur ses données.",
                    "Le laboratoire de la CNIL souligne la fragilité des modèles.") == ""
    assert relation("Les vagues de chaleur sont de plus en plus sévères en ville.",
                    "Le terme « Canopée » désigne l'étage supérieur de la forêt en ville.",
                    frozenset({"ville"})) == ""
    # the whole country is the scale of a fact, not an example (« Ainsi, en France… » was wrong)
    assert relation("Produire un mètre cube d'eau potable demande en moyenne 0,5 kWh d'énergie.",
                    "En France, un million de ménages consacrent 3 % de leurs revenus à l'eau "
                    "potable.") == "addition"
    assert relation("Les capteurs acoustiques repèrent les fuites d'eau potable.",
                    "En Isère, un test a permis de trouver 14 fuites d'eau potable.") == "example"
    # a figure is no claim a case illustrates (the EGalim note read « …3 milliards de repas
    # sont servis… Ainsi, la ville de Montpellier produit… 15 400 repas »)
    assert relation("Actuellement, 3 milliards de repas sont servis en restauration collective "
                    "chaque année en France.",
                    "La ville de Montpellier produit et distribue par jour en moyenne 15 400 "
                    "repas.") == ""
    # an event is no claim a case illustrates, nor a sentence that takes up the one before
    # it, and what someone said is no case (the meublés note read « …la mesure a été validée
    # par le tribunal administratif en 2024. Ainsi, la Ville d'Annecy va devoir suspendre… »,
    # the éclairage note « Cet éblouissement est accru… Ainsi, à Maignelay-Montigny… »)
    assert relation("Attaquée en justice, la mesure a été validée par le tribunal en 2024.",
                    "La ville d'Annecy va devoir suspendre la mesure.") == ""
    assert relation("Cet éblouissement est accru par les lampes trop puissantes.",
                    "À Maignelay-Montigny, la commune éteint les lampes la nuit.") == ""
    assert relation("Les communes peuvent cofinancer des parcours cyber avec l'agence.",
                    "À La Roche-sur-Yon, la commune a assuré que l'agence continuerait de "
                    "cofinancer des parcours cyber.") != "example"
    assert relation("Les communes peuvent cofinancer des parcours cyber avec l'agence.",
                    "À La Roche-sur-Yon, la commune cofinance des parcours cyber avec "
                    "l'agence.") == "example"
    # nor a past state (« C'est en Gironde… que le feu a été le plus spectaculaire. Ainsi, à La
    # Teste-de-Buch, le feu est officiellement éteint »), and a case is no occasion nor an
    # origin (« Ainsi, lors d'un webinaire…, l'avocat… a fourni aux communes son décryptage »,
    # « Ainsi, le programme Villes Amies des Aînés est né en juin 2005… »)
    assert relation("Dans les Landes, le feu a été le plus spectaculaire cet été.",
                    "À La Teste-de-Buch, le feu est éteint dans la commune.") != "example"
    claim = "Les communes exercent une nouvelle compétence, le service de la petite enfance."
    assert relation(claim, "À Lanvoirac, la commune exerce la compétence de la petite enfance "
                    "avec deux crèches.") == "example"
    assert relation(claim, "Lors d'un webinaire, la commune de Lanvoirac a présenté sa "
                    "compétence de la petite enfance.") != "example"
    assert relation(claim, "La commune de Lanvoirac est née de la fusion de deux communes de "
                    "la petite enfance.") != "example"
    # nor is a text of law a case (« Ainsi, la loi NOTRe de 2015 confie aux régions… »)
    assert relation("Les régions coordonnent les données géographiques.",
                    "La loi NOTRe de 2015 confie aux régions la coordination des données.") \
        != "example"
    assert relation("Les régions coordonnent les données géographiques.",
                    "La région Bretagne coordonne les données géographiques.") == "example"
    # a name judges nothing (the rénovation note read « L'objectif n'est pas nécessairement
    # ambitieux… En revanche, les objectifs… seront basés sur… Effinergie Performance »)
    assert relation("L'objectif peut porter sur les émissions de gaz à effet de serre.",
                    "Les objectifs énergétiques seront basés sur le niveau Effinergie "
                    "Performance.") in ("addition", "")
    # nor a study, a firm: only a place or a local body makes a case (the water note read
    # « Le code de l'environnement place l'alimentation… Ainsi, une étude de l'INRAE… »)
    assert relation("Le code de l'environnement place l'eau potable au premier rang des usages.",
                    "Une étude de l'Institut national de recherche pour l'agriculture estime "
                    "que le prix de l'eau potable réduit peu les usages.") in ("addition", "")
    # who puts a tool at the disposal of others makes a case only as a local body: not a
    # programme whose name, spelled out in an aside, holds a local body's noun (the rénovation
    # note read « Ainsi, le programme ACTEE – Action des Collectivités Territoriales pour
    # l'Efficacité Énergétique – met à disposition un outil… »), nor « la métropole » in
    # general; a body named by its place before its kind (« Dinan Agglomération ») and the
    # document's own body named by its kind with a capital (« la Métropole ») are
    claim = "Le suivi des consommations aide à réduire les dépenses d'énergie."
    for actor, expected in [
            ("Le programme ACTEE – Action des Collectivités Territoriales pour l'Efficacité "
             "Énergétique –", "addition"),
            ("Le programme ACTEE (Action des Collectivités Territoriales pour l'Efficacité "
             "Énergétique)", "addition"),
            ("La métropole", "addition"),
            ("Dinan Agglomération", "example"),
            ("La Métropole", "example"),
            ("La communauté d'agglomération du Grand Dijon (Côte-d'Or)", "example")]:
        told = relation(claim, f"{actor} met à disposition un outil de suivi des consommations "
                               "d'énergie.")
        assert (told == "example") == (expected == "example"), actor
    assert relation("Les bâtiments tertiaires consomment beaucoup d'énergie.",
                    "Le dispositif Éco Énergie Tertiaire est une obligation réglementaire qui "
                    "impose aux bâtiments tertiaires une réduction de leur consommation "
                    "d'énergie.") in ("addition", "")
    # a public described by its situation judges nothing: no « En revanche » (the purchasing
    # note read « Le facilitateur offre un appui… En revanche, les SIAE recrutent des
    # personnes en difficulté d'insertion… »)
    assert relation("Le facilitateur offre un appui aux clauses sociales d'insertion.",
                    "Les structures d'insertion recrutent des personnes en difficulté "
                    "d'insertion sociale.") in ("addition", "")
    assert relation("Le facilitateur offre un appui aux clauses sociales d'insertion.",
                    "Les clauses sociales d'insertion se heurtent à des difficultés.") \
        == "contrast"
    # nor a help « en cas de difficulté » (the accessibility note wrote « En revanche, le
    # témoignage… souligne l'importance de l'accessibilité… » after it)
    assert relation("Les usagers doivent disposer d'une assistance en cas de difficulté pour "
                    "réaliser leurs démarches en ligne.",
                    "L'accessibilité numérique permet aux personnes handicapées de réaliser "
                    "leurs démarches en ligne.") in ("addition", "")
    assert relation("L'IA permet d'améliorer le service rendu aux usagers.",
                    "Elle présente toutefois des risques de biais pour les usagers.") == "contrast"
    # a consequence is what the connector's own sentence requires, not the one told with it
    problem = "Les stations rejettent leur eau en mer là où la ressource manque l'été."
    assert relation(problem, "Il faut donc réutiliser les eaux usées traitées.") == "consequence"
    # (not a rule on another matter, nor one more sanction: the accessibilité and stationnement
    # notes read « Dès lors » before them)
    assert relation("La Lapi est cantonnée au seul stationnement payant : pas question d'en "
                    "faire usage pour constater les infractions.",
                    "Les cartes doivent être apposées derrière le pare-brise des véhicules.") \
        != "consequence"
    assert relation("L'autorité constate les manquements et émet des injonctions préalables aux "
                    "sanctions.", "Si un manquement persiste plus de six mois, une nouvelle "
                    "sanction peut être imposée.") != "consequence"
    assert relation(problem, "Le réseau d'eau potable mesure 900 000 kilomètres. Son taux de "
                             "renouvellement impose d'investir davantage.") in ("addition", "")
    writer = RuleWriter()
    joined = writer.join(["L'IA permet d'améliorer le service rendu aux usagers.",
                          "Selon la directrice, le service rendu progresse.",
                          "Par ailleurs, les agents sont formés."])
    assert joined[1].startswith("Selon") and joined[2].startswith("Par ailleurs")


def test_a_sentence_quoted_for_its_context_is_joined_to_it():
    """Two sentences of one statement (the second needs the first) read as one sentence when
    the second opens on a contrast or a subject pronoun; otherwise they stay two."""
    writer = RuleWriter()
    assert writer.rewrite("L'intelligence artificielle a une empreinte carbone élevée. Toutefois, "
                          "elle pourrait permettre de la réduire.") == (
        "L'intelligence artificielle a une empreinte carbone élevée\xa0; toutefois, elle "
        "pourrait permettre de la réduire.")
    assert writer.rewrite("La loi a pour point de départ les travaux de la Convention citoyenne. "
                          "Elle a été promulguée le 22 août 2021.").endswith(
        "Convention citoyenne\xa0; elle a été promulguée le 22 août 2021.")
    assert writer.rewrite("L'IA révolutionne les soins. Mais les données de santé sont "
                          "sensibles.") == ("L'IA révolutionne les soins, mais les données de "
                                            "santé sont sensibles.")
    # another opening, an abbreviation, a first sentence with its own semicolon: two sentences
    for pair in ("La régie a renouvelé ses pompes. Les compteurs sont anciens.",
                 "Les ateliers réunissent les plus vulnérables, etc. Ils entendent aider.",
                 "Le réseau est ancien ; il fuit. Toutefois, la régie investit."):
        assert len(split_outside_quotations(writer.rewrite(pair))) == 2, pair


def test_additive_connectors_are_counted_per_paragraph():
    """The first addition of a paragraph of three sentences or more is linked, then every other
    one: whether a paragraph is linked no longer depends on the paragraphs before it."""
    writer = RuleWriter()
    paragraph = ["La commune compte douze écoles publiques.",
                 "Les écoles publiques accueillent deux mille élèves.",
                 "Les cantines servent des repas locaux.", "Les gymnases sont rénovés."]
    for _ in range(2):
        joined = writer.join(paragraph)
        assert joined[1] != paragraph[1] and joined[1].endswith(paragraph[1][1:])
        assert joined[2:] == paragraph[2:]
    assert writer.join(paragraph[:2]) == paragraph[:2]


def test_a_contrast_is_stated_within_one_document_only():
    """The attractivité note read « La marque employeur correspond à un ensemble d'outils…
    (doc. 3). En revanche, plus d'un tiers des employeurs… éprouvaient des difficultés… (doc.
    1) »: two judgements of opposite sign from two documents are seldom about one thing."""
    paragraph = ["Le centre aquatique permet d'améliorer l'accueil des scolaires.",
                 "Le centre aquatique rencontre des difficultés et des coûts élevés."]
    assert RuleWriter().join(paragraph, docs=[[10], [10]])[1].startswith(
        ("En revanche", "À l'inverse", "Toutefois", "Cependant", "Néanmoins", "Pour autant"))
    assert RuleWriter().join(paragraph, docs=[[3], [1]]) == paragraph


def test_a_consequence_is_stated_within_one_document_only():
    """The bornes de recharge note read « …les collectivités ont investi à perte dans le
    maillage du territoire (doc. 9). Dès lors, un bon réseau public apparaît indispensable…
    (doc. 2) », where its document had « Pourtant »: one document's problem is seldom what
    another's rule answers."""
    from ianote_lib.note.relations import relation

    paragraph = ["Les communes rencontrent des difficultés et des coûts élevés de maintenance.",
                 "Les communes doivent mutualiser la maintenance de leurs équipements."]
    assert relation(*paragraph) == "consequence"
    assert RuleWriter().join(paragraph, docs=[[4], [4]])[1].startswith(
        ("Dès lors", "Dans ces conditions"))
    assert RuleWriter().join(paragraph, docs=[[9], [2]]) == paragraph


def test_a_sub_part_holds_two_or_three_paragraphs(comp, dossier, processed):
    from collections import Counter

    from ianote_lib.note.paragraphs import consolidate

    built = compose(dossier.sentences, dossier.documents, dossier.commande,
                    **earlier_tables(processed), plan="default", date="2026-11-28")
    for note in (comp.note, built.note):
        body = [p for p in note.paragraphs if p.role == "body"]
        per_section = Counter(p.section for p in body)
        assert per_section and max(per_section.values()) <= 3, per_section
        # a paragraph's idea sentence opens it: it never stands among the evidence of a merged
        # one (the plan the note builds opens paragraphs on their ideas; the shipped plan's
        # paragraphs may share none)
        assert not [s.text for p in body for s in p.sentences[1:] if s.origin == "note"]
    assert any(p.sentences[0].origin == "note" for p in built.note.paragraphs if p.role == "body")
    # sharing no noun, the two neighbours with the fewest sentences merge first, in their order
    assert consolidate([3, 1, 1, 4, 2], 3) == [[0, 1, 2], [3], [4]]
    assert consolidate([2, 2, 1, 1], 2) == [[0, 1], [2, 3]]
    # a paragraph of one sentence joins another even when the sub-part has room for it
    assert consolidate([3, 1], 3) == [[0, 1]]
    assert consolidate([3, 2, 1], 3, [{"eau"}, {"cantine"}, {"eau", "prix"}]) == [[0, 2], [1]]
    # the two that share the most nouns merge first, neighbours or not
    words = [{"eau", "facture"}, {"cantine"}, {"menu"}, {"facture", "tarif"}]
    assert consolidate([2, 2, 2, 2], 3, words) == [[0, 3], [1], [2]]
    # unless they would make a paragraph too long while two others would not
    words = [{"eau"}, {"menu"}, {"eau"}, {"cantine"}]
    assert consolidate([4, 2, 4, 2], 3, words, 7) == [[0, 1], [2], [3]]
    assert consolidate([4, 2, 4, 2], 3, words, 8) == [[0, 2], [1], [3]]


def test_a_law_cited_with_its_date_loses_its_number_and_a_long_sentence_is_measured_short():
    long = ("La France s'est fixé, dans le cadre de la loi n° 2021-1104 du 22 août 2021 dite "
            "« Climat et résilience » complétée par la loi n° 2023-630 du 20 juillet 2023, "
            "l'objectif d'atteindre le « zéro artificialisation nette des sols » en 2050, avec un "
            "objectif intermédiaire de réduction de moitié de la consommation d'espaces NAF sur "
            "2021-2031 par rapport à la décennie précédente.")
    short = compress(long)
    assert "la loi du 22 août 2021 dite « Climat et résilience » complétée par la loi du 20 " \
        "juillet 2023," in short
    # 62 words as written, 58 as the note quotes it: not too long
    assert word_count(long) > 60 >= word_count(short)
    assert "trop longue" not in rejection_reasons(long)
    assert "trop longue" in rejection_reasons(long.replace(" avec un objectif", " avec un " * 4
                                                           + "objectif"))
    # the number of a law is no figure of the sentence
    assert not figure_numbers(long)


def test_sentences_are_shortened(comp):
    assert compress("Les contraintes budgétaires peuvent limiter la capacité des collectivités à "
                   "investir dans des outils coûteux (informatiques, logiciels, RH…), en "
                   "particulier pour des projets plus prospectifs comme ceux touchant à "
                   "l'environnement et à la mobilité durable des habitants.") == (
        "Les contraintes budgétaires peuvent limiter la capacité des collectivités à investir "
        "dans des outils coûteux.")
    kept = "Un test effectué sur trois communes a permis de trouver des fuites (180 km)."
    assert "(180 km)" in compress(kept)
    # (a year is no figure: the purchasing note lost « (200 milliards d'euros, environ 10 % du
    # PIB) » once its sentence was told with its page's year)
    kept = ("En 2022, le poids économique de la commande publique en fait l'un des principaux "
            "leviers de la transition écologique (200 milliards d'euros, environ 10 % du PIB).")
    assert "(200 milliards" in compress(kept)
    assert "(IA)" in compress("L'intelligence artificielle (IA) offre de multiples promesses "
                             "aux collectivités territoriales.")
    # a statement may quote a short passage (a use case and its outcome, a failure and its
    # causes): each of its sentences is measured
    sentences = [part for _p, _k, s in _note_sentences(comp)
                 for part in split_outside_quotations(s.text)]
    for sentence in sentences:
        assert word_count(sentence) <= 62, sentence
    long = [s for s in sentences if word_count(s) > 45]
    assert len(long) <= 3


def test_actor_named_before_its_details():
    from ianote_lib.note.statements import Statement

    details = Statement("I.A", "t", "d01s0041", 1, "Les appels sont désormais tous décrochés "
                        "par Optimus à Plaisir.", 1.0, [1])
    other = Statement("I.A", "t", "d11s0575", 11, "Le département du Val-d'Oise détecte les "
                      "dépôts sauvages.", 0.9, [11])
    named = Statement("I.A", "t", "d01s0038", 1, "À Plaisir, la ville dispose d'un call bot.",
                      0.5, [1])
    ordered = order_statements([details, other, named])
    assert [s.sentence_id for s in ordered] == ["d01s0038", "d01s0041", "d11s0575"]


def test_what_speaks_of_the_same_thing_follows_it():
    from ianote_lib.note.ordering import threaded
    from ianote_lib.note.statements import Statement

    def st(sid: str, text: str) -> Statement:
        return Statement("I.A", "t", sid, 1, text, 1.0, [1])

    # (the heat note read « Le Plan Canopée est destiné à intensifier… Les cours retrouvent
    # 650 m²… L'école actuelle… Le plan Canopée est peu connu… »: the plan twice, apart)
    plan = st("d01s0001", "Le plan Canopée est destiné à intensifier les surfaces ombragées.")
    school = st("d04s0010", "L'école actuelle a des cours entièrement en enrobé.")
    zones = st("d09s0020", "Les zones climatiques locales montrent comment la ville réagit.")
    known = st("d02s0005", "Le plan Canopée est peu connu des acteurs.")
    courts = st("d04s0012", "Les cours retrouvent 650 m² de surfaces perméables.")
    ordered = threaded([plan, school, zones, known, courts], frozenset({"ville"}))
    assert [s.sentence_id for s in ordered] == [
        "d01s0001", "d02s0005", "d04s0010", "d04s0012", "d09s0020"]
    # the first `keep` stay first; dated events keep their order
    assert threaded([school, plan, known], frozenset(), keep=2)[:2] == [school, plan]
    dated = [st("d01s0002", "En 2019, le plan Canopée est adopté."), school,
             st("d01s0003", "En 2021, le plan Canopée est révisé.")]
    assert threaded(dated, frozenset()) == dated


def test_a_documents_statements_keep_its_order():
    from ianote_lib.note.ordering import in_source_order
    from ianote_lib.note.statements import Statement

    def st(sid: str, text: str) -> Statement:
        return Statement("I.A", "t", sid, int(sid[1:3]), text, 1.0, [int(sid[1:3])])

    # (the reading note told « De janvier à mars, la médiathèque a été ouverte le dimanche »,
    # the mayor's intuition, two other towns, and only then « Rosporden teste la mesure »)
    hours = st("d07s0137", "De janvier à mars, la médiathèque a été ouverte le dimanche.")
    other = st("d10s0183", "La municipalité veut répondre aux besoins des habitants.")
    lead = st("d07s0135", "Rosporden teste la mesure pendant plusieurs mois.")
    far = st("d07s0190", "La médiathèque de Fontainebleau a augmenté son amplitude horaire.")
    quote = st("d09s0170", "Les usagers s'approprient l'endroit, décrit un bibliothécaire.")
    ordered = in_source_order([hours, other, far, quote, lead])
    # the document's passage together, from its first place and in its order; a sentence of it
    # far from the passage keeps a place of its document's, after the passage
    assert [s.sentence_id for s in ordered] == [
        "d07s0135", "d07s0137", "d10s0183", "d09s0170", "d07s0190"]
    dated = [st("d01s0009", "En 2021, le plan est révisé."), other,
             st("d01s0002", "En 2019, le plan est adopté.")]
    assert in_source_order(dated) == dated
    # the holders of the paragraph's idea stay first
    assert [s.sentence_id for s in in_source_order([hours, other, lead], keep=1)] == [
        "d07s0137", "d10s0183", "d07s0135"]


def test_inconsistent_figures_are_not_stated(comp, processed):
    from ianote_lib.tables import read_table

    checks = read_table("checks", processed)
    bad = check_sentence_ids(checks)
    assert bad
    used = {sid for s in comp.selection.all_statements() for sid in s.source_ids}
    assert not used & bad


def test_off_topic_military_use_never_quoted(comp):
    text = " ".join(s.text for _p, _k, s in _note_sentences(comp))
    assert not re.search(r"(?i)\barmes?\b|militaire|guerre", text)


def test_html_has_footnotes_for_print(comp, tmp_path):
    from ianote_lib.note.render import sources_markdown

    nb = nbformat.v4.new_notebook()
    cells = ((["note", "note-header"], header_markdown(comp.note)),
             (["note"], body_markdown(comp.note, "doc", comp.sources)),
             (["note", "note-sources"], sources_markdown(comp.note, comp.sources)))
    for tags, text in cells:
        cell = nbformat.v4.new_code_cell("display(...)")
        cell.metadata["tags"] = tags
        cell.outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": text})]
        nb.cells.append(cell)
    nbformat.write(nb, str(tmp_path / "05.ipynb"))
    html = export_note_html(tmp_path / "05.ipynb", tmp_path / "note.html").read_text("utf-8")
    n_cited = sum(1 for p in comp.note.paragraphs for s in p.sentences if s.docs)
    assert html.count('<sup class="fn">') == n_cited
    assert "Sources citées" in html and 'class="note-sources"' in html
    assert html.count("<li>") >= n_cited
    assert "@page" in html and "A4" in html and "@media print" in html
    # the sources list is compact in print: small type, two columns, no forced page break
    print_css = html.split("@media print", 1)[1].split("</style>", 1)[0]
    assert "page-break-before: always" not in print_css and "break-before: page" not in print_css
    assert re.search(r"\.note-sources ol \{[^}]*column-count: 2", print_css)
    size = re.search(r"\.note-sources \{[^}]*font-size: ([\d.]+)pt", print_css)
    assert size and float(size.group(1)) <= 8
    assert "<script" not in html.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?:""", html)
    for alt in re.findall(r"<img[^>]*>", html):
        assert re.search(r'alt="[^"]*[a-zà-ÿ]', alt)


def test_short_dossier_gives_a_shorter_note_with_a_warning(tmp_path):
    from ianote_lib.reading.dossier import load_dossier

    _evil_dossier(tmp_path / "dossier.txt")
    d = load_dossier(tmp_path / "dossier.txt")
    out = compose(d.sentences, d.documents, d.commande, plan="auto", date="2026-11-28")
    md = render_markdown(out)
    assert len(re.findall(r"(?m)^## ", md)) == 2 and len(re.findall(r"(?m)^### ", md)) == 4
    length = [i for i in out.report.issues if i.rule == "longueur"]
    assert length and length[0].level == "warning"
    assert out.report.ok
    assert "Par ailleurs" not in md.split("\n---\n", 1)[1].split("\n\n")[1][:20]


# ----------------------------------------------------------------------------- use cases

def _told_cases(comp) -> dict[str, list]:
    out: dict[str, list] = {}
    for st in comp.selection.all_statements():
        for case in st.use_case_ids:
            out.setdefault(case, []).append(st)
    return out


def test_use_cases_told_by_domain_with_their_actors(comp, processed):
    from ianote_lib.note.use_case_groups import is_failure, use_case_groups
    from ianote_lib.tables import read_table

    table = read_table("use_cases", processed)
    told = _told_cases(comp)
    uses = [s for s in comp.selection.statements["I.A"] if s.kind == "usage"]
    # many distinct use cases, each told once, in many domains
    assert len({c for s in uses for c in s.use_case_ids}) >= 15
    assert all(len(v) == 1 for v in told.values())
    assert len({s.topic for s in uses}) >= 4
    # each statement tells its case with its named actor or the case's own evidence sentence
    groups = {tuple(g.case_ids): g for g in use_case_groups(table)}
    for st in uses:
        group = groups[tuple(st.use_case_ids)]
        assert st.sentence_id in group.sentence_ids
        assert group.says_use(st.text)
    # no evidence sentence of a told case is quoted a second time (a piste of the conclusion
    # is the action a sentence prescribes, drawn from it, not a quotation of it)
    quoted = [sid for s in comp.selection.all_statements()
              if s.kind not in ("énumération", "piste")
              for sid in (s.sentence_id, *s.followed_ids)]
    assert len(quoted) == len(set(quoted))
    # paragraphs by domain: domains with the most cases first, deployed before projects
    order = comp.selection.topic_order["I.A"]
    domain_topics = [t for t in order if t in {s.topic for s in uses}]
    positions = [domain_topics.index(s.topic) for s in uses]
    assert positions == sorted(positions)
    for topic in domain_topics:
        if "," not in topic:                # one domain: deployed and experimented first
            ranks = [s.rank for s in uses if s.topic == topic]
            assert ranks == sorted(ranks), topic
    counts = [sum(len(s.use_case_ids) for s in uses if s.topic == t) for t in domain_topics]
    assert counts[0] == max(counts)
    # an overview of the domains, when the note tells one there (the introduction may have
    # taken the dossier's overview sentence), opens the sub-part
    kinds = [s.kind for s in comp.selection.statements["I.A"]]
    assert "aperçu" not in kinds[1:]
    # the abandoned use is told as a lesson in the sub-part on conditions, with its causes
    failed = set(table.loc[table["status"].map(is_failure), "use_case_id"])
    assert failed
    lessons = [s for s in comp.selection.statements["I.B"] if s.kind == "leçon"]
    assert lessons and failed <= {c for s in lessons for c in s.use_case_ids}
    assert any(re.search(r"(?i)dû|cause|raison|difficult", s.text) for s in lessons)
    md = render_markdown(comp)
    # the projects of the dossier are named (the initiatives of the State and its agencies now
    # share the sub-part's budget: three of these four at least)
    named = [name for name in ("CoSIA", "Gers", "Hérault", "ACLIA") if name in md]
    assert len(named) >= 3, named


def _invented_use_cases() -> pd.DataFrame:
    rows = [
        ("ucA", "Isère", "departement", "détecter les fuites d'eau potable", "eau",
         "expérimentation", "d11s0581"),
        ("ucB", "syndicat des eaux d'Île-de-France", "syndicat",
         "optimiser son réseau de capteurs", "eau", "projet", "d01s0025"),
        ("ucC", "Métropole Rouen Normandie", "metropole",
         "véhicules autonomes pour transporter des usagers", "mobilité", "déployé", "d02s0102"),
        ("ucD", "Marseille", "commune", "surveillance automatisée", "sécurité", "projet",
         "d02s0099"),
        ("ucE", "Nice", "commune", "reconnaître des comportements anormaux", "sécurité",
         "projet", "d02s0099"),
        ("ucF", "DGCL", "etat", "tri des documents soumis au contrôle de légalité",
         "administration", "abandonné", "d02s0108;d02s0118"),
    ]
    table = pd.DataFrame(rows, columns=["use_case_id", "actor", "actor_type", "use", "domain",
                                        "status", "evidence_sentence_ids"])
    table["docs"] = table["evidence_sentence_ids"].map(
        lambda ids: ";".join(sorted({str(int(i[1:3])) for i in ids.split(";")})))
    for col in ("outcome", "evidence", "outcome_sentence_ids", "outcome_figure_ids",
                "actor_aliases"):
        table[col] = ""
    return table


@pytest.fixture(scope="module")
def invented(dossier, processed, tmp_path_factory):
    """Evidence of the real dossier with a small invented use_cases table."""
    import shutil

    from ianote_lib.note.evidence import build_evidence
    from ianote_lib.tables import read_table, write_table

    out = tmp_path_factory.mktemp("invented")
    for name in ("figures", "checks"):
        for ext in ("parquet", "csv"):
            if (processed / f"{name}.{ext}").exists():
                shutil.copy(processed / f"{name}.{ext}", out / f"{name}.{ext}")
    write_table(_invented_use_cases(), "use_cases", out)
    tables = {name: read_table(name, out) for name in ("figures", "use_cases", "checks")}
    return build_evidence(dossier.sentences, dossier.documents, **tables)


def test_use_case_rule_on_an_invented_table(invented, dossier):
    from ianote_lib.note.plan import choose_plan
    from ianote_lib.note.select import select

    objet = dossier.commande.object
    sel = select(invented, choose_plan(ANALYST_PLAN, objet, dossier.sentences))
    uses = [s for s in sel.statements["I.A"] if s.kind == "usage"]
    cases = [s.use_case_ids for s in uses]
    # cases sharing an evidence sentence are merged into one statement
    assert ["ucD", "ucE"] in cases
    assert {c for ids in cases for c in ids} == {"ucA", "ucB", "ucC", "ucD", "ucE"}
    # the domain with the most cases first; deployed or experimented before projects
    assert [s.use_case_ids for s in uses][:2] == [["ucA"], ["ucB"]]
    assert uses[0].topic == "usages : eau" and uses[1].topic == "usages : eau"
    # small domains share a paragraph
    assert uses[2].topic == uses[3].topic == "usages : sécurité, mobilité"
    # the failure goes to the conditions as a lesson, with what its document says after it
    lesson = [s for s in sel.statements["I.B"] if s.kind == "leçon"]
    assert len(lesson) == 1 and lesson[0].use_case_ids == ["ucF"]
    assert lesson[0].sentence_id == "d02s0108" and lesson[0].followed_ids[0] == "d02s0118"
    assert len(lesson[0].followed_ids) >= 2            # the cause given right after
    assert not any(s.kind for key in ("II.A", "II.B") for s in sel.statements[key])


def test_use_case_rule_in_a_built_plan_and_without_table(invented, dossier):
    from ianote_lib.note.plan import choose_plan
    from ianote_lib.note.select import select

    objet = dossier.commande.object
    auto = choose_plan("default", objet, dossier.sentences)
    sel = select(invented, auto)
    marked = auto.drawing_on("use_cases")
    assert len(marked) == 1 and len(auto.drawing_on("use_case_failures")) == 1
    assert marked[0] is not auto.drawing_on("use_case_failures")[0]
    assert {c for s in sel.statements[marked[0].key] for c in s.use_case_ids} >= {"ucA", "ucC"}
    # no table: nothing of the rule, the sub-parts share the body equally
    table, invented.use_cases = invented.use_cases, None
    try:
        plan = choose_plan(ANALYST_PLAN, objet, dossier.sentences)
        sel = select(invented, plan)
        assert not any(s.kind or s.use_case_ids for s in sel.all_statements())
        assert len(set(plan.budgets(active=False).values())) == 1
        assert not sel.topic_order
    finally:
        invented.use_cases = table


def test_plan_draws_on_and_budgets():
    from ianote_lib.note.plan import plan_from_dict

    sub = {"title": "T", "terms": {"eau": 1}}
    data = {"body_words": 1000, "parts": [
        {"title": "P1", "subparts": [{**sub, "draws_on": "use_cases", "words": 400}, sub]},
        {"title": "P2", "subparts": [sub, sub]}]}
    plan = plan_from_dict(data, "test")
    assert plan.drawing_on("use_cases")[0].key == "I.A"
    assert plan.budgets() == {"I.A": 400, "I.B": 200, "II.A": 200, "II.B": 200}
    assert set(plan.budgets(active=False).values()) == {250}
    data["parts"][1]["subparts"][0] = {**sub, "draws_on": ["tableau_inconnu"]}
    with pytest.raises(IanoteError):
        plan_from_dict(data, "test")
    # an analyst's plan whose terms or titles by function are no « name: value » lines gets
    # one sentence saying which key of which sub-part, not a traceback
    for bad in ({**sub, "terms": ["eau"]}, {**sub, "idea_titles": "apport"},
                {**sub, "idea_titles": {"apport": "Des bénéfices"}}):
        data["parts"][1]["subparts"][0] = bad
        with pytest.raises(IanoteError, match="« T » du plan test : « (terms|idea_titles) »"):
            plan_from_dict(data, "test")
    data["parts"][1]["subparts"][0] = {**sub, "idea_titles": {"apport": {"title": "Des gains"}}}
    assert plan_from_dict(data, "test").subparts[2].idea_titles == {"apport": {"title": "Des gains"}}


def test_actor_named_when_a_use_case_sentence_points_back():
    from ianote_lib.note.anaphora import context_needs
    from ianote_lib.note.use_case_groups import name_actor

    rows = pd.DataFrame({"sentence_id": ["d05s0001", "d05s0002", "d05s0003"],
                         "norm": ["On mentionnera celui de l'IGN qui cartographie les sols.",
                                  "Son projet CoSIA vise à automatiser l'usage des sols.",
                                  "La commune utilise un robot pour les appels."]})
    text = rows["norm"][1]
    named = name_actor(text, context_needs(text)[0], "IGN", rows, "d05s0002")
    assert named == ("Le projet de l'IGN CoSIA vise à automatiser l'usage des sols.", "d05s0001")
    rows.loc[0, "norm"] = "Angela Ragenard travaille à la ville de Plaisir (Yvelines)."
    text = rows["norm"][2]
    named = name_actor(text, context_needs(text)[0], "Plaisir", rows, "d05s0003")
    assert named[0] == "La commune de Plaisir utilise un robot pour les appels."
    # a name the document does not hold is never added
    assert name_actor(text, context_needs(text)[0], "Lyon", rows, "d05s0003") is None
    # an actor named by the noun itself is not named twice
    rows.loc[0, "norm"] = "Le 22/11/23 : l'adoption du Gouvernement de l'ordonnance."
    text = "Le ministère a ratifié l'ordonnance n° 2023-859 du 6 septembre 2023."
    assert name_actor(text, context_needs(text)[0], "Ministère", rows, "d05s0003") is None
    # and an institution written with its capital, or the country's government, points back
    # to nothing
    assert context_needs("Le Gouvernement a ratifié l'ordonnance n° 2023-859.") == []
    assert context_needs("Le gouvernement a ratifié l'ordonnance n° 2023-859.") == []


def test_stray_quote_repaired_but_cut_quotation_kept():
    from ianote_lib.note.candidates import repair_stray_quotes

    sents = pd.DataFrame({
        "doc": [1, 1, 2, 2], "paragraph_id": [1, 1, 2, 2],
        "clean": ['Son projet "couverture du sol vise à cartographier les sols.',
                  "Cette IA nourrit un référentiel.",
                  'Il explique : "Nous avons 200 photos.', 'Nous allons les décrire", dit-il.']})
    repair_stray_quotes(sents)
    assert sents["clean"][0] == "Son projet couverture du sol vise à cartographier les sols."
    assert sents["clean"][2].count('"') == 1           # closed by the next sentence: kept


def test_near_duplicates_of_one_document_are_merged(comp):
    from ianote_lib.note.scoring import same_fact

    a = ("Les discussions ont duré 3 jours pour aboutir à un texte régulant l'IA dans l'UE qui "
         "ménage les positions de chacun.")
    b = ("Le marathon des discussions aura duré presque trois jours, mais l'Union européenne a "
         "accouché d'un texte de règlement concernant l'intelligence artificielle.")
    assert same_fact(a, b) and same_fact(b, a)
    assert not same_fact(a, "Les négociations ont duré 3 mois avant le vote du Parlement.")
    assert not same_fact("Le texte a été adopté après de longues discussions au Parlement.",
                         "Les discussions sur le texte ont repris au Parlement.")
    # one named actor's deed told twice in half the words, without a figure
    assert same_fact("Depuis lundi, la ville de Trouville-sur-Mer a décidé d'exposer sur un rond "
                     "point les déchets et encombrants déposés dans les rues de la commune.",
                     "La ville de Trouville-sur-Mer a décidé ce lundi de dénoncer le dépôt "
                     "sauvage d'ordures, en exposant des encombrants, sur le rond point.")
    assert not same_fact("La ville de Trouville-sur-Mer a décidé d'exposer les encombrants.",
                         "La ville de Trouville-sur-Mer a installé des caméras au port.")
    assert same_fact("La CINOR, qui recense une vingtaine de dépôts récurrents sur son territoire, "
                     "a décidé de passer à l'offensive en investissant dans des pièges "
                     "photographiques.", "La CINOR a décidé de passer à l'action et a investi "
                     "dans des pièges photographiques à installer sur les sites de dépôts "
                     "récurrents.")
    # (not on another day: a charter signed on 7 March and what it commits to)
    assert not same_fact("Le 7 mars, la ministre et les associations d'élus des collectivités "
                         "ont signé une charte visant à accélérer le déploiement de FranceConnect "
                         "et la récupération de données entre administrations.",
                         "Les associations d'élus des collectivités s'engagent à promouvoir le "
                         "déploiement de FranceConnect et le partage de données entre "
                         "administrations auprès de leurs collectivités adhérentes.")
    # a month and its year and a name stand for a figure (the meublés note told Saint-Malo's
    # rules of June 2021 twice from one article)
    malo = ("La municipalité de Saint-Malo a instauré en juin 2021 des règles strictes pour "
            "limiter les locations de courte durée de type Airbnb.")
    assert same_fact(malo, "Depuis juin 2021, la mairie de Saint-Malo expérimente la "
                           "réglementation la plus stricte en matière de locations de courte "
                           "durée de type Airbnb.")
    assert not same_fact("En juin 2021, Lyon a lancé un plan vélo dans ses quartiers.",
                         "En juin 2021, Lyon a ouvert une piscine municipale en plein air.")
    # in the note: never two statements of one document stating the same fact
    by_doc: dict[int, list[str]] = {}
    for st in comp.selection.all_statements():
        by_doc.setdefault(st.doc, []).append(st.text)
    for texts in by_doc.values():
        for i, x in enumerate(texts):
            for y in texts[i + 1:]:
                assert not same_fact(x, y), (x[:80], y[:80])


def test_private_market_sentences_lose_against_public_action(comp):
    from ianote_lib.note.scoring import off_audience

    assert off_audience("BPI France a lancé, via un fonds doté de 50 millions d'euros, une aide "
                        "à l'amorçage destinée aux entreprises tricolores.")
    assert off_audience("Les géants américains de l'high-tech sont en tête.")
    assert not off_audience("Les collectivités confient leurs marchés publics à des entreprises.")
    assert not off_audience("La commune a déployé un agent conversationnel.")
    # an amount in a foreign currency is a firm's accounts or a foreign market, unless the
    # sentence speaks of public action
    assert off_audience("Les pertes estimées de ChatGPT sont estimées à 540 millions de dollars.")
    assert off_audience("Une carte graphique coûte 30 000 $.")
    assert off_audience("Seules les très grosses entreprises sont capables d'absorber les "
                        "millions de dollars de pertes liés à leur utilisation.")
    assert not off_audience("Le gouvernement américain investit 2 milliards de dollars dans les "
                            "services publics numériques.")
    # in the note, such a sentence only stands when its document has nothing else to cite, or
    # as the introduction's definition when the dossier defines its subject nowhere else
    # (« Définie comme …, l'IA présente de nombreuses opportunités pour les entreprises »)
    statements = comp.selection.all_statements()
    for st in statements:
        if off_audience(st.text) and st.topic != "définition":
            assert not any(o is not st and st.doc in o.docs for o in statements), st.text


def test_a_missing_earlier_table_is_an_explicit_case(dossier, processed, tmp_path):
    """Notebook 05 needs the tables of notebooks 02 and 03: a missing one raises a French
    IanoteError naming it; the library takes None for a table that is not available and writes
    the note without it."""
    import shutil

    from ianote_lib.note.evidence import build_evidence

    for name in ("sentence_parse", "figures", "checks"):
        shutil.copy(processed / f"{name}.parquet", tmp_path / f"{name}.parquet")
    with pytest.raises(IanoteError, match="use_cases.*absente"):
        earlier_tables(tmp_path)
    with pytest.raises(IanoteError, match="absente"):
        compose_from_processed(tmp_path, date="2026-11-28", root=tmp_path)
    tables = earlier_tables(processed)
    evidence = build_evidence(dossier.sentences, dossier.documents, figures=tables["figures"],
                              use_cases=None, checks=tables["checks"])
    assert evidence.use_cases is None and evidence.actor_names == []
    assert evidence.excluded_by_checks == check_sentence_ids(tables["checks"])


def test_a_lone_last_domain_joins_the_paragraph_before(dossier, processed):
    """A domain of two use cases, then one of a single case (as on a dossier on another
    subject): the lone case joins the paragraph before it (a layout that once raised
    IndexError), which opens on the enumeration of its two collectivités written from the
    table, citing both their documents."""
    from ianote_lib.note.evidence import build_evidence
    from ianote_lib.note.plan import choose_plan
    from ianote_lib.note.select import select

    table = _invented_use_cases()
    table = table[table["use_case_id"].isin(["ucA", "ucB", "ucC"])].reset_index(drop=True)
    tables = earlier_tables(processed)
    evidence = build_evidence(dossier.sentences, dossier.documents, figures=tables["figures"],
                              use_cases=table, checks=tables["checks"])
    sel = select(evidence, choose_plan(ANALYST_PLAN, dossier.commande.object, dossier.sentences))
    uses = [s for s in sel.statements["I.A"] if s.kind in ("usage", "énumération")]
    assert {c for s in uses for c in s.use_case_ids} == {"ucA", "ucB", "ucC"}
    assert len({s.topic for s in uses if s.kind == "usage"}) == 1
    openers = [s for s in uses if s.kind == "énumération"]
    assert len(openers) == 1 and uses[0] is openers[0]
    assert "le département de l'Isère" in openers[0].text
    assert "le syndicat des eaux d'Île-de-France" in openers[0].text
    assert openers[0].docs == [1, 11]


def test_a_sentence_after_an_unpunctuated_heading_is_cut_only_when_it_continues_it():
    """« Problème: 1 million de repas perdus… » then « Actuellement, 3 milliards… »: a French
    adverb that simplemma does not know opens a sentence of its own, while the rest of a name
    (« City Mag au sein… ») continues the heading the extraction cut."""
    from ianote_lib.note.candidates import flag_continuations

    sents = pd.DataFrame({
        "doc": [1, 1, 2, 2],
        "kind": ["heading", "sentence", "heading", "sentence"],
        "text": ["Problème : 1 million de repas perdus chaque année dans les cantines scolaires",
                 "Actuellement, 3 milliards de repas sont servis en restauration collective.",
                 "Les Assises des territoires ont été organisées par la société Smart",
                 "City Mag au sein du Hub de la ville a accueilli les débats."],
        "reasons": [[], [], [], []]})
    flag_continuations(sents)
    assert sents["reasons"].tolist() == [[], [], [], ["phrase coupée"]]


def test_a_locution_is_no_evaluation_nor_a_function_cue():
    """« par le biais de » speaks of no bias: the sentence is neither negative (no « En
    revanche » before a positive one) nor a risk."""
    from ianote_lib.note.functions import classify
    from ianote_lib.note.relations import polarity

    text = ("Travailler sur un plan alimentaire durable est un enjeu de santé publique et "
            "d'intégration au territoire par le biais de l'alimentation.")
    assert polarity(text) == 0
    assert classify(text) != "risque"
    assert polarity("Les biais des algorithmes menacent l'égalité de traitement.") < 0
    assert classify("Les biais des algorithmes menacent l'égalité de traitement.") == "risque"


def test_a_numbered_item_keeps_its_label_however_its_glyph_and_number_come():
    """« - 7. Délégation de pouvoir : le pouvoir central délègue… », a rung of a typology in
    the participation dossier, was quoted « Le pouvoir central délègue… »: its number hid the
    label from the reader of items; a figure that opens an item is no number of a list."""
    from ianote_lib.fr.normalize import strip_bullet

    item = ("- 7. Délégation de pouvoir : le pouvoir central délègue à la communauté locale le "
            "pouvoir de décider un programme.")
    assert strip_bullet(item).startswith("Délégation de pouvoir :")
    assert "intitulé de liste" in rejection_reasons(item, "bullet")
    # the text the note would quote keeps the label it defines (a topic's label goes: « -
    # Sécurité des données : Des mesures… doivent être prises… »)
    assert statement_text(item).startswith("Délégation de pouvoir :")
    assert "intitulé de liste" in rejection_reasons(statement_text(item), "bullet")
    assert statement_text("- Sécurité des données : Des mesures de sécurité doivent être prises "
                          "par les services pour protéger les données.").startswith("Des mesures")
    # and so does the note, though the parse's compressed form lost the number and the label
    from pathlib import Path

    from ianote_lib.fr.parse import parse_table
    from ianote_lib.note.evidence import build_evidence
    from ianote_lib.reading.dossier import load_dossier

    d = load_dossier(Path(__file__).resolve().parents[1] / "benchmarks" / "dossiers"
                     / "participation_citoyenne" / "articles")
    s = build_evidence(d.sentences, d.documents, sentence_parse=parse_table(d.sentences)).sentences
    rung = s[s["text"].str.contains("7. Délégation de pouvoir", regex=False)].iloc[0]
    assert rung["clean"].startswith("Délégation de pouvoir :") and not rung["candidate"]
    assert strip_bullet("- 90 % des régions ont un score égal à E.").startswith("90 %")
    assert strip_bullet("- 1.5 million de personnes sont concernées.").startswith("1.5")
    # (a number and a slash number an item: the trait de côte note quoted « 3/ La mission
    # s'est inscrite… »; not a fraction)
    assert strip_bullet("3/ La mission s'est inscrite dans le cadre actuel.").startswith("La ")
    assert strip_bullet("1/3 des communes sont concernées.").startswith("1/3")


def test_a_law_paragraph_number_is_no_part_of_the_sentence():
    """The video-protection note quoted « IV. - Hormis le cas d'une enquête de flagrant délit,
    …, les enregistrements sont détruits… »: the number of an article's paragraph, read as list
    debris. It goes, however the law's text spaces it; a heading's roman numeral stays."""
    from ianote_lib.fr.normalize import strip_bullet

    law = ("IV. - Hormis le cas d'une enquête de flagrant délit, les enregistrements sont "
           "détruits dans un délai maximum fixé par l'autorisation.")
    assert statement_text(law).startswith("Hormis le cas")
    assert strip_bullet("II.-Toute personne intéressée peut saisir la commission.").startswith(
        "Toute personne")
    assert strip_bullet("VIII. – Les systèmes sont autorisés.").startswith("Les systèmes")
    assert strip_bullet("II. LA MISE À DISPOSITION D'UN FONCTIONNAIRE").startswith("II.")
    assert strip_bullet("Vive la commune.") == "Vive la commune."


def test_the_day_of_a_page_is_told_by_its_year():
    """« Aujourd'hui, 73,6 % de la population paloise habite en appartement » (biodéchets),
    « Il existe aujourd'hui deux régimes de protection fonctionnelle » (violences), read in
    2026 from pages of 2019 and 2023: « aujourd'hui » is the page's day, not the note's."""
    from ianote_lib.fr.dates import dated_today

    assert dated_today("Aujourd'hui, 73,6 % de la population paloise habite en appartement.",
                       2019) == "En 2019, 73,6 % de la population paloise habite en appartement."
    # (inside the sentence, the year opens it: « Les collectivités ont en 2017 le souci… »
    # reads badly; a sentence that tells a year only loses its « aujourd'hui »)
    assert dated_today("Il existe aujourd'hui deux régimes de protection fonctionnelle.",
                       2023) == "En 2023, il existe deux régimes de protection fonctionnelle."
    assert dated_today("L'ANSSI n'est pas aujourd'hui en mesure de répondre.", 2025) == (
        "En 2025, l'ANSSI n'est pas en mesure de répondre.")
    # (an aside between commas is told where it stands: which clause it belongs to, its commas
    # do not say)
    assert dated_today("Mieux tenir compte des avis est indispensable, aujourd'hui, près de 9 "
                       "millions de citoyens ont donné le leur.", 2022) == (
        "Mieux tenir compte des avis est indispensable, en 2022, près de 9 millions de citoyens "
        "ont donné le leur.")
    assert dated_today("Mis en place en 1986, le concours permet aujourd'hui de soutenir les "
                       "bibliothèques.", 2023) == ("Mis en place en 1986, le concours permet de "
                                                   "soutenir les bibliothèques.")
    assert dated_today("Rien n'a changé jusqu'à aujourd'hui.", 2023) == (
        "Rien n'a changé jusqu'en 2023.")
    assert dated_today("À ce jour, 12 communes ont adhéré au dispositif.", 2023) == (
        "En 2023, 12 communes ont adhéré au dispositif.")
    # (what a quotation says stays as said; « d'aujourd'hui » qualifies, « à ce jour » inside
    # a sentence is left)
    for text in ["« Aujourd'hui, la majorité des cimetières sont minéraux », remarque-t-elle.",
                 "La police municipale d'hier n'est pas celle d'aujourd'hui.",
                 "Le décret n'a à ce jour pas été publié."]:
        assert dated_today(text, 2023) == text


def test_a_day_without_its_year_gets_the_year_its_page_and_tense_give():
    """« Depuis le 18 mars, tous les usagers… peuvent bénéficier d'un composteur », « a
    souligné l'Una le 9 mars », « Des dizaines de collectivités ont appelé mercredi 6 novembre
    le gouvernement… »: read in 2026, which year? The page's date and the time the sentence
    tells say it; a present that leaves it open, a recurring date or a page dated by its year
    alone say nothing."""
    import pandas as pd

    from ianote_lib.fr.dates import dated_days
    from ianote_lib.note.page_dates import date_relative_years

    assert dated_days("Depuis le 18 mars, tous les usagers peuvent bénéficier d'un composteur.",
                      "2024-06", "") == ("Depuis le 18 mars 2024, tous les usagers peuvent "
                                         "bénéficier d'un composteur.")
    # an event told in the past falls on the last such day before the page
    assert dated_days("Le 17 décembre, les conseils municipaux ont approuvé la fusion.",
                      "2024-03-02", "passé").startswith("Le 17 décembre 2023,")
    assert dated_days("Ils ont appelé mercredi 6 novembre le gouvernement à agir.",
                      "2024-11-07", "passé") == ("Ils ont appelé mercredi 6 novembre 2024 le "
                                                 "gouvernement à agir.")
    # (a page's date may lag its text by a few days: the loi du 21 mars 2024 « est parue au
    # Journal officiel du 22 mars » on a page of 21 March 2024, not in 2023)
    assert dated_days("La loi est parue au Journal officiel du 22 mars.", "2024-03-21",
                      "passé") == "La loi est parue au Journal officiel du 22 mars 2024."
    # (a month alone after what sets it in time: the violences note read « La commission des
    # lois du Sénat avait rappelé, fin juillet, … »)
    assert dated_days("L'AMF avait dénoncé, dès juillet, la recrudescence des incivilités.",
                      "2019-11", "passé") == ("L'AMF avait dénoncé, dès juillet 2019, la "
                                              "recrudescence des incivilités.")
    assert dated_days("Le décret sera publié fin mars.", "2019-11", "futur") == (
        "Le décret sera publié fin mars 2020.")
    assert dated_days("Les moustiques piquent surtout en juillet.", "2024-03", "") == (
        "Les moustiques piquent surtout en juillet.")
    # one told in the future on the next; « dernier », « prochain » say which whatever the tense
    assert dated_days("La circulaire sera publiée le 15 janvier prochain.", "2024-11-07",
                      "futur") == "La circulaire sera publiée le 15 janvier 2025."
    assert dated_days("Le 5 août dernier, le maire était renversé.", "2019-11", "") == (
        "Le 5 août 2019, le maire était renversé.")
    for text, date, tense in [("Avant le 1er mars, le maire transmet le rapport.", "2019-11", ""),
                              ("Le rapport est transmis avant le 1er mars de chaque année.",
                               "2019-11", "passé"),
                              ("Le 9 mars, l'Una a présenté ses résultats.", "2023", "passé"),
                              ("Le 17 décembre 2023, les conseils ont approuvé.", "2024-03",
                               "passé")]:
        assert dated_days(text, date, tense) == text
    sents = pd.DataFrame({"doc": [1], "clean": ["Le 9 mars, l'Una a présenté ses résultats."],
                          "tense": ["passé"]})
    date_relative_years(sents, pd.DataFrame({"doc": [1], "date": ["2023-05-02"]}))
    assert sents.at[0, "clean"] == "Le 9 mars 2023, l'Una a présenté ses résultats."


def test_the_day_of_a_thing_done_is_past_whatever_the_verb_of_its_sentence():
    """« Un rapport de la commission des finances du Sénat présenté ce 17 septembre alerte… »,
    « Selon une étude d'I4CE publiée le 12 octobre, … », « La convention… signée le 12
    avril… »: the sentence's verb is a present, the day is that of a thing done, before its
    page; not one planned (« prévu le 12 mars »), nor one to come (« devra être publié le 15
    janvier »). A month « dernier » is that month of the page's year or the one before (the
    accueil du jeune enfant note read « En janvier 2024 dernier, … »)."""
    from ianote_lib.fr.dates import dated_days

    for text, told in [
            ("Un rapport du Sénat présenté ce 17 septembre alerte sur les dysfonctionnements.",
             "présenté ce 17 septembre 2023 alerte"),
            ("Selon une étude publiée le 12 octobre, une dynamique se met en place.",
             "publiée le 12 octobre 2023,"),
            ("Le rapport remis au gouvernement le 27 mai recense 3 500 tiers-lieux.",
             "le 27 mai 2023 recense"),
            ("En janvier dernier, la commission a constaté un léger tassement des demandes.",
             "En janvier 2023, la commission")]:
        assert told in dated_days(text, "2023-11-25", ""), text
    for text in ["Le conseil prévu le 12 mars examinera le budget.",
                 "Le décret devra être publié le 15 janvier.",
                 "Intervenant jeudi 23 octobre, le ministre annonce un plan."]:
        assert dated_days(text, "2023-11-25", "") == text
    # a weekday says which year when the page's date cannot (21 November fell on a Monday in
    # 2022, not in 2020: the violences note read « présentée lundi 21 novembre 2020 »)
    study = "Une étude du Cevipof présentée lundi 21 novembre montre une hausse des menaces."
    assert "lundi 21 novembre 2022 montre" in dated_days(study, "2022-11-25", "")
    assert dated_days(study, "2020-11-25", "") == study


def test_a_year_told_relative_to_its_page_is_told_by_its_number():
    """The participation note quoted « Cette année, les associations pouvaient candidater… »
    from a page of 2016: read in 2026, « cette année » is wrong."""
    import pandas as pd

    from ianote_lib.fr.dates import absolute_years
    from ianote_lib.note.page_dates import date_relative_years

    assert absolute_years("Cette année, les associations pouvaient candidater.", 2016) == (
        "En 2016, les associations pouvaient candidater.")
    assert absolute_years("Le texte devrait être adopté à la fin de cette année.", 2023) == (
        "Le texte devrait être adopté à la fin de l'année 2023.")
    assert absolute_years("La caractérisation réalisée l'an dernier montre un tiers.", 2024) == (
        "La caractérisation réalisée en 2023 montre un tiers.")
    # « cette année-là » is the year the sentence before named (the forêts note read « …25 000
    # euros de revenus en 2025-là »)
    assert absolute_years("Seulement 25 000 euros de revenus cette année-là.", 2025) == (
        "Seulement 25 000 euros de revenus cette année-là.")
    assert absolute_years("Les travaux reprendront l'année prochaine.", 2024) == (
        "Les travaux reprendront en 2025.")
    assert absolute_years("C'est 40 % de plus que l'année dernière.", 2016) == (
        "C'est 40 % de plus qu'en 2015.")
    sents = pd.DataFrame({"doc": [1, 2], "clean": ["Près de 93 000 participants cette année.",
                                                   "Près de 93 000 participants cette année."]})
    date_relative_years(sents, pd.DataFrame({"doc": [1, 2], "date": ["2016-10-31", ""]}))
    assert sents["clean"].tolist() == ["Près de 93 000 participants en 2016.",
                                       "Près de 93 000 participants cette année."]


def test_a_long_sentence_loses_the_purpose_or_relative_clause_that_ends_it():
    from ianote_lib.note.text import compress

    long = ("La mise en relation directe des chefs de cuisine d'un même secteur leur permet de "
            "coordonner leurs achats de produits locaux, afin d'en réduire le coût pour tous les "
            "établissements concernés.")
    assert compress(long) == ("La mise en relation directe des chefs de cuisine d'un même "
                              "secteur leur permet de coordonner leurs achats de produits "
                              "locaux.")
    # a purpose without a comma is what the sentence says; a restriction, a figure or a name
    # in the clause keeps it
    kept = [
        "Le conseil départemental a adopté en juin 2023 un plan de 60 millions d'euros sur cinq "
        "ans pour aider les communes à interconnecter leurs réseaux et diversifier leurs "
        "ressources.",
        "Le gouvernement a demandé aux préfets de recenser les communes exposées à un risque de "
        "rupture d'approvisionnement, afin de ne pas laisser les habitants sans eau l'été.",
        "Le gouvernement a demandé aux préfets de recenser les communes exposées à un risque de "
        "rupture d'approvisionnement, qui touchait 200 communes en 2022 selon les services.",
        "Le gouvernement a demandé aux préfets de recenser les communes exposées à un risque de "
        "rupture d'approvisionnement, pour préparer avec Vendée Eau des solutions de secours.",
    ]
    for text in kept:
        assert compress(text) == text


def test_a_turn_of_an_interview_is_not_quoted():
    assert "tour de parole d'un entretien" in rejection_reasons(
        "X : C'est une chose dont on peut se féliciter pour toute la commune.")
    assert "tour de parole d'un entretien" in rejection_reasons(
        "Q : Justement, une des mesures de la loi invite les cantines à informer les familles.")
    assert not rejection_reasons("À Lyon, la commune a réduit ses déchets de moitié en deux ans "
                                 "grâce à la pesée des restes.")


def test_a_definition_of_a_term_outranks_an_explanation():
    from ianote_lib.note.scoring import definition_strength

    defines = ("Définition de l'artificialisation à l'article L.101-2-1 du code de l'urbanisme : "
               "« L'artificialisation est définie comme l'altération durable des fonctions "
               "écologiques d'un sol. »")
    explains = ("L'application du principe éviter-réduire-compenser doit guider chaque projet, "
                "c'est-à-dire que chaque projet doit éviter toute nouvelle artificialisation.")
    both = ("L'accessibilité numérique consiste à rendre les services accessibles, c'est-à-dire "
            "perceptibles, utilisables et compréhensibles.")
    assert definition_strength(defines) == 1.0 == definition_strength(both)
    assert 0 < definition_strength(explains) < 1
    assert definition_strength("Les communes publient leurs données chaque année.") == 0
    # a kind told by its genus
    assert definition_strength("Un dépôt sauvage est un tas de déchets abandonnés ou stockés "
                               "illégalement sur une parcelle.") == 1.0
    assert definition_strength("Une commune sur deux est concernée par ces dépôts.") == 0
    # a verb of a relative clause tells of its noun (the ville 30 note defined its subject by
    # « Les bâches qui recouvrent les panneaux 30 km/h sont retirées au petit matin… »)
    assert definition_strength("Les bâches qui recouvrent les panneaux sont retirées au petit "
                               "matin.") == 0
    assert definition_strength("Les EPCI qui regroupent plus de 50 000 habitants doivent "
                               "adopter un plan.") == 0
    assert 0 < definition_strength("La location meublée touristique recouvre des réalités "
                                   "différentes selon les territoires.") < 1
    # « Par X, il est entendu… » defines X; « il est entendu que… » is agreed, not defined
    assert definition_strength("Par autopartage, il est entendu le partage régulier d'un même "
                               "véhicule à plusieurs foyers.") == 1.0
    assert definition_strength("Par ailleurs, il est entendu que les communes participent au "
                               "financement.") == 0
    # a definition of a plural term is one (« Les achats responsables consistent à… »)
    assert definition_strength("Les achats responsables consistent à acheter en tenant compte "
                               "des impacts économiques, environnementaux et sociaux.") == 1.0
    assert definition_strength("Les friches désignent des terrains laissés à l'abandon.") == 1.0
    # « définis de manière large » says how, it defines nothing
    assert definition_strength("Les publics bénéficiaires des clauses sont définis de manière "
                               "large.") == 0


def test_a_short_body_goes_on_with_what_follows_its_statements(dossier, processed):
    """The police municipale note had 1 054 words of body: no sub-part found a sentence it could
    quote alone. Under the floor, a statement goes on with the next sentence of its document
    that only points back to it, whatever it adds (`note.body.lengthen`); over the floor, or
    where the sub-part would pass its share of the body, it does not."""
    from ianote_lib.note.body import lengthen
    from ianote_lib.note.evidence import build_evidence
    from ianote_lib.note.picker import Picker
    from ianote_lib.note.plan import choose_plan

    tables = earlier_tables(processed)
    evidence = build_evidence(dossier.sentences, dossier.documents, **tables)
    plan = choose_plan("default", str(dossier.commande.object), dossier.sentences, axes=[])
    key, other = plan.subparts[0].key, plan.subparts[1].key

    def told(floor: float, share: float) -> list[str]:
        picker = Picker(evidence, plan)
        st = picker.make(picker.index["d06s0376"], key, "t", 1.0)
        rest = picker.make(picker.index["d01s0005"], other, "t", 1.0)
        lengthen(picker, {key: [st], other: [rest]}, floor=floor, share=share, tail=0)
        return st.followed_ids

    assert told(floor=5000, share=0.9) == ["d06s0377"]
    assert told(floor=10, share=0.9) == []
    assert told(floor=5000, share=0.3) == []


def test_a_pronoun_after_a_reported_fact_gets_its_speaker_back(dossier, processed):
    """« Jean-Noël Barrot, …, a reconnu que la régulation… n'intégrait pas… » is quoted as what
    was said (`fr.parse`); when the note then quotes « Il a repris à son compte les demandes
    des sénateurs… », the speaker « Il » stands for is quoted again (the embedded note read
    « La régulation… n'intégrait pas… Il a repris… »)."""
    from ianote_lib.note.body import elaborate
    from ianote_lib.note.evidence import build_evidence, opening_dropped
    from ianote_lib.note.picker import Picker
    from ianote_lib.note.plan import choose_plan

    tables = earlier_tables(processed)
    evidence = build_evidence(dossier.sentences, dossier.documents, **tables)
    plan = choose_plan("default", str(dossier.commande.object), dossier.sentences, axes=[])
    picker = Picker(evidence, plan)
    said = picker.index["d06s0376"]
    assert str(picker.pool.at[said, "clean"]).startswith("La régulation envisagée par l'Europe")
    assert opening_dropped(str(picker.pool.at[said, "text"]), str(picker.pool.at[said, "clean"]))
    st = picker.make(said, plan.subparts[0].key, "t", 1.0)
    elaborate(picker, {plan.subparts[0].key: [st]}, min_weight=0.0)
    assert st.followed_ids == ["d06s0377"]
    assert st.text.startswith("Jean-Noël Barrot, ministre délégué à la transformation numérique, "
                              "a reconnu que la régulation")
    # a sentence whose opening the compression kept is not said to have lost it
    assert not opening_dropped("Les communes forment leurs agents (voir encadré).",
                               "Les communes forment leurs agents.")


def test_the_domains_enumerations_do_not_open_on_the_same_words(comp):
    """The built note of the embedded dossier opened three paragraphs in a row on « Dans le
    domaine « … », plusieurs collectivités mènent ou préparent des projets : … »: a sub-part's
    next enumerations take the other forms of `style.yaml use_cases.enumeration`, each still
    naming its domain and its collectivités, citing their documents."""
    from ianote_lib.note.text import style

    forms = style()["use_cases"]["enumeration"]
    enumerations = [s for p in comp.note.paragraphs for s in p.sentences
                    if s.kind == "enumeration" and "domaine" in s.text]
    assert len(enumerations) >= 2
    assert len({" ".join(s.text.split()[:6]) for s in enumerations}) == len(enumerations)
    for k, s in enumerate(enumerations[:len(forms)]):
        head = forms[k].split("{")[0].rstrip(" «")
        assert s.text.startswith(head), (head, s.text)
        assert s.docs and "«" in s.text
    # each form holds a verb the tagger reads as one (« Le domaine « eau » compte aussi des
    # projets… » read « compte » as a noun: a verbless sentence to the measure of form)
    assert all(row["tagged_verb"] for row in parse_texts(
        [f.format(domain="eau", actors="la commune de Testville et Nantes") for f in forms]))


def test_an_illustration_never_opens_the_note(tmp_path):
    """A sentence its document gives as an illustration (« Par exemple, … ») illustrates a
    point of the body: the note opens on a fact of the subject, even a weaker one."""
    from ianote_lib.reading.dossier import load_dossier

    docs = [
        ("Prévenir les inondations", "Revue test", "12 mars 2024", [
            "Par exemple, en termes de prévention des inondations, les opérations inscrites "
            "dans un programme d'actions de prévention des inondations sont éligibles à un "
            "financement de l'État, entre 40 et 50 % selon le type d'opération.",
            "Les communes doivent informer leurs habitants des risques qui menacent leur "
            "territoire."]),
        ("Les inondations en France", "Journal test", "4 septembre 2024", [
            "Durant ces 40 dernières années, les inondations ont représenté plus de la moitié "
            "des reconnaissances d'état de catastrophe naturelle, touchant environ 3 500 "
            "communes par an.",
            "Les collectivités territoriales sont en première ligne pour la prévention des "
            "inondations sur leur territoire."]),
    ]
    write_exam_dossier(tmp_path / "dossier.txt", docs,
                       "la prévention des inondations par les collectivités territoriales")
    d = load_dossier(tmp_path / "dossier.txt")
    out = compose(d.sentences, d.documents, d.commande, date="2026-12-06")
    hook = next(p for p in out.note.paragraphs if p.section == "introduction").sentences[0]
    assert hook.text.startswith("Durant ces 40 dernières années"), hook.text


def test_a_quote_s_speaker_is_named_without_the_adverb_after_the_verb():
    """The reading dossier's « « La fréquentation… est ainsi en 2020 divisée par 2 », relève
    d'emblée l'enquête, qui ajoute que la baisse… » was told « Selon d'emblée l'enquête, qui
    ajoute que la baisse…, la fréquentation… »: an adverb after the verb is not the speaker, and
    a relative after the speaker says something more, which the quote alone does not carry."""
    writer = RuleWriter()
    assert writer.rewrite("« Le plan est un succès », souligne encore le maire de Blois.") == (
        "Selon le maire de Blois, le plan est un succès.")
    assert writer.rewrite("« Le plan est un succès », explique Clément Dupont.") == (
        "Selon Clément Dupont, le plan est un succès.")
    told = writer.rewrite("« La fréquentation des bibliothèques est en 2020 divisée par 2 », "
                          "relève d'emblée l'enquête, qui ajoute que la baisse est plus "
                          "sensible dans les grands établissements.")
    assert not told.startswith("Selon"), told
    assert "d'emblée" in told and "qui ajoute" in told
    # where or when it was said is no part of the speaker (the bien-vieillir note read « Selon
    # Anne Géneau, présidente…, en introduction du baromètre, l'isolement… »); what the speaker
    # is stays, « en charge de… » too
    assert writer.rewrite("« L'isolement n'est pas en recul », relève également Anne Géneau, "
                          "présidente des Petits Frères des Pauvres, en introduction du "
                          "baromètre.") == (
        "Selon Anne Géneau, présidente des Petits Frères des Pauvres, l'isolement n'est pas en "
        "recul.")
    assert writer.rewrite("« Le plan est un succès », explique Marie Dupont, en charge des "
                          "mobilités.") == (
        "Selon Marie Dupont, en charge des mobilités, le plan est un succès.")
    # « par exemple » is no part of the speaker, nor whom it was told to (the ville 30 note read
    # « Selon par exemple à 20 Minutes Laurent Gagnepain, ingénieur…, la diminution… »): a
    # speaker that cannot be told from the medium stays after the quote
    assert writer.rewrite("« Le plan est un succès », explique par exemple Marie Dupont.") == (
        "Selon Marie Dupont, le plan est un succès.")
    told = writer.rewrite("« Le plan est un succès », explique par exemple à 20 Minutes Marie "
                          "Dupont, ingénieure.")
    assert not told.startswith("Selon") and "à 20 Minutes Marie Dupont" in told, told


def test_a_participle_left_alone_by_a_relative_date_goes():
    """« Lancé en octobre dernier, le plan de sobriété… » was told « Lancé, le plan… »."""
    from ianote_lib.note.text import without_relative_dates

    assert without_relative_dates(
        "Lancé en octobre dernier, le plan de sobriété énergétique du secteur sportif "
        "s'appuyait sur quarante mesures.") == (
        "Le plan de sobriété énergétique du secteur sportif s'appuyait sur quarante mesures.")
    # (an absolute date keeps its participle)
    text = "Adopté en 2019, le plan prévoit des aides aux communes."
    assert without_relative_dates(text) == text


def test_a_first_person_pronoun_object_is_press_copy():
    """« En dernier lieu, plusieurs maires m'ont fait part de difficultés… », a deputy's
    speech: the sports note quoted it as the note's own voice."""
    from ianote_lib.note.text import press_pronouns

    assert press_pronouns("En dernier lieu, plusieurs maires m'ont fait part de difficultés "
                          "consécutives à l'automatisation du FCTVA.") == ["m'"]
    assert press_pronouns("Cette réforme me semble indispensable pour les communes.") == ["me"]
    assert "première ou deuxième personne" in rejection_reasons(
        "Mes rencontres avec les entreprises m'ont permis d'échanger sur leurs besoins.")
    # (a service's name is no speaker: « Plus fraîche ma ville », « ma cantine »)
    assert press_pronouns("Plus fraîche ma ville aide les collectivités à choisir leurs "
                          "solutions.") == []


def test_a_reply_to_the_sentence_before_loses_its_connector():
    """« En écho, la « stratégie nationale pour un numérique inclusif »… était lancée » (the
    France services note): the connector points to the sentence before it and goes; one that
    names what it answers stays."""
    from ianote_lib.note.anaphora import leading_connectors

    strip = leading_connectors().sub
    assert strip("", "En écho, la stratégie nationale était lancée.") == (
        "la stratégie nationale était lancée.")
    assert strip("", "Dans la foulée, la commune a voté son plan.") == "la commune a voté son plan."
    kept = "En écho à cette dimension, il apparaît que le stationnement est mal connu."
    assert strip("", kept) == kept


def test_a_first_name_keeps_its_capital_after_a_connector():
    """The reading note wrote « En outre, michel Loussouarn, maire de la commune… »: a first
    name is a word of the language too, but the capitalised word after it makes it a name."""
    from ianote_lib.note.text import lower_first

    assert lower_first("Michel Loussouarn, maire de Rosporden, avait une intuition.") == (
        "Michel Loussouarn, maire de Rosporden, avait une intuition.")
    assert lower_first("Les communes doivent agir.") == "les communes doivent agir."
    assert lower_first("Plusieurs Français le pensent.") == "plusieurs Français le pensent."


def test_the_note_writes_three_dots_as_the_ellipsis():
    """The bien-vieillir note wrote « …un quart de la population... et seront plus nombreux »."""
    from ianote_lib.note.text import french_typography

    assert french_typography("Ils représenteront un quart de la population... et seront plus "
                             "nombreux.") == ("Ils représenteront un quart de la population… et "
                                              "seront plus nombreux.")
    assert french_typography("Le taux est de 3,5 % en 2024.") == "Le taux est de 3,5\u00a0% en 2024."
    # (and a doubled period as one: the zones à faibles émissions note wrote « …l'un des outils
    # disponibles.. (doc. 1) »)
    assert french_typography("Les ZFE sont l'un des outils disponibles..") == (
        "Les ZFE sont l'un des outils disponibles.")
    # (and the dash that closes an incise after « etc. »: the mobilités rurales note wrote
    # « …– auto-partage, covoiturage, etc. - existent… », read as list debris)
    assert french_typography("Des offres – auto-partage, covoiturage, etc. - existent.") == (
        "Des offres – auto-partage, covoiturage, etc. – existent.")


def test_a_counted_noun_phrase_and_its_relative_is_no_sentence():
    """« - 2500 Conseillers Numériques France Service dont les contrats ont été signés… qui ne
    seront plus payés »: the France services note quoted the list item as a sentence. The
    verb of a relative inside the first does not count, and a count may open the noun phrase
    (the list's numbering takes it); a main verb after the relative, or a pause before it
    (an aside), makes a sentence."""
    rows = parse_texts([
        "- 2500 conseillers numériques dont les contrats ont été signés sur la base des "
        "engagements de l'État qui ne seront plus payés.",
        "Les communes dont la population dépasse 3 500 habitants doivent adopter un plan.",
        "Ceux dont le véhicule ne sera plus autorisé à rouler devront se rendre à un "
        "rendez-vous mobilité.",
        "De nombreux pays, dont la France, tentent désormais de rattraper leur retard.",
        "Le budget atteint 10 millions d'euros, dont 5 millions pour l'eau potable.",
        "Les agents qui le souhaitent peuvent suivre une formation que le CNFPT organise.",
        # (a verb the tagger took for a noun, framed by a negation: the embedded dossier)
        "La pertinence des applications qui émergent n'éclipse pas pour autant les "
        "interrogations que suscite l'IA."])
    assert [row["finite_verb"] for row in rows] == [False, True, True, True, True, True, True]


def test_what_opens_on_a_quantity_of_a_fact_is_told_after_the_fact_not_its_speaker():
    """« Elle relève que 58 % des usagers ont plus de 55 ans. La majorité d'entre eux sont
    des femmes »: the compression drops the speaker of the first, and the pair quoted it back
    (« Elle relève que… », the France services note); « d'entre eux » points to the
    users."""
    import pandas as pd

    sents = pd.DataFrame({
        "sentence_id": ["d07s0001", "d07s0002"], "doc": 7, "paragraph_id": 1,
        "kind": "sentence",
        "text": ["Elle relève que 58 % des usagers ont plus de 55 ans.",
                 "La majorité d'entre eux sont des femmes (56 %)."],
        "clean": ["58 % des usagers ont plus de 55 ans.",
                  "La majorité d'entre eux sont des femmes (56 %)."],
        "reasons": [[], []]})
    resolve_context(sents)
    row = sents.set_index("sentence_id").loc["d07s0002"]
    assert row["resolution"] == "précédée"
    assert row["clean"].startswith("58 % des usagers ont plus de 55 ans. La majorité"), row["clean"]
