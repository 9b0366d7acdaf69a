"""French sentence splitting, line joining and fragment marking on real strings."""

from __future__ import annotations

from ianote_lib.reading.segmentation import BodyLine
from ianote_lib.reading.sentences import (
    build_paragraphs,
    join_drop_cap,
    join_hyphenated,
    restitch,
    sentences_of,
    split_sentences,
)


def test_split_keeps_numbers_abbreviations_and_initials():
    text = ("Le plan est doté de 1,5 milliard d'euros. Il compte 200.000 photos et 1.000 agents. "
            "M. Dupont et J. Martin l'ont dit. Voir p. 12 du rapport.")
    assert split_sentences(text) == [
        "Le plan est doté de 1,5 milliard d'euros.",
        "Il compte 200.000 photos et 1.000 agents.",
        "M. Dupont et J. Martin l'ont dit.",
        "Voir p. 12 du rapport.",
    ]


def test_an_abbreviation_after_an_elided_article_ends_no_sentence():
    """« …visé au premier alinéa de l'art. L. 2223-4, les restes peuvent être transférés… »
    was cut after « l'art. » (the cimetières dossier)."""
    text = ("L'ossuaire est celui que vise l'art. L. 2223-4 du code. Les restes peuvent être "
            "transférés dans un autre cimetière.")
    assert split_sentences(text) == [
        "L'ossuaire est celui que vise l'art. L. 2223-4 du code.",
        "Les restes peuvent être transférés dans un autre cimetière.",
    ]


def test_split_respects_guillemets_and_questions():
    text = ("Il a parlé d'un « moment historique. Rien ne sera comme avant ». Est-ce vrai ? "
            "Oui ! Le débat continue… Les élus hésitent.")
    assert split_sentences(text) == [
        "Il a parlé d'un « moment historique. Rien ne sera comme avant ».",
        "Est-ce vrai ?",
        "Oui !",
        "Le débat continue…",
        "Les élus hésitent.",
    ]


def test_split_missing_space_after_period():
    assert split_sentences("des entreprises privées.Une étude publiée en 2022 conclut.") == [
        "des entreprises privées.", "Une étude publiée en 2022 conclut."]
    # (before a capital that is a word, and after a closing quotation: the parking dossier's
    # web pages glued « …de la vie privée.À partir du 1er janvier… » and « …de manière
    # anonyme ».Il était donc… »)
    assert split_sentences("Elle touche la vie privée.À partir de janvier, tout change.") == [
        "Elle touche la vie privée.", "À partir de janvier, tout change."]
    assert split_sentences("Ils circulent « de manière anonyme ».Il était donc utile.") == [
        "Ils circulent « de manière anonyme ».", "Il était donc utile."]
    assert split_sentences("Voir www.exemple.fr et la note de M. Dupont.") == [
        "Voir www.exemple.fr et la note de M. Dupont."]


def test_hyphenation_undone_only_for_real_words():
    assert join_hyphenated("le dévelop-", "pement local") == "le développement local"
    assert join_hyphenated("des IA conçues outre-", "Atlantique") == "des IA conçues outre-Atlantique"
    assert join_hyphenated("une non-", "compatibilité") == "une non-compatibilité"
    assert join_hyphenated("c'est-", "à-dire") == "c'est-à-dire"


def test_a_drop_cap_set_apart_is_joined_to_its_word():
    """The heat dossier's « L a start-up d'Etat a créé un outil… » was quoted as it stood."""
    rows = [("L a start-up d'Etat a créé un outil d'aide à la décision pour les collectivités.", 1),
            ("", 1), ("D ans ce cadre, la commune a lancé un plan.", 1)]
    texts = [p.text for p in build_paragraphs(3, _lines(rows))]
    assert texts == ["La start-up d'Etat a créé un outil d'aide à la décision pour les "
                     "collectivités.", "Dans ce cadre, la commune a lancé un plan."]
    # a letter that is a word, or one the next letters make no word with, stays
    for text in ("A la fin de l'année, le plan est voté.", "B to B : les achats.",
                 "X ans plus tard, le plan est voté.", "L'État a voté.", "C est la note."):
        assert join_drop_cap(text) == text


def _lines(rows):
    return [BodyLine(text=t, page=p, line_no=i + 1) for i, (t, p) in enumerate(rows)]


def test_paragraphs_headings_bullets_and_wrapping():
    rows = [
        ("Gérer la complexité administrative ", 1), ("", 1),
        ("L'IA s'impose ainsi comme un moyen de traiter la complexité administrative, telle que ", 1),
        ("l'instruction des dossiers d'aide sociale des départements. ", 1), ("", 1),
        ("• aider à classifier les actes en fonction de leur nature et thématique ;", 1),
        ("• déterminer leur transmissibilité.", 1),
        ("\uf073 une puce venue d'une police privée", 1),
    ]
    paras = build_paragraphs(1, _lines(rows))
    assert [p.kind for p in paras] == ["heading", "text", "bullet", "bullet", "bullet"]
    assert paras[1].text.endswith("aide sociale des départements.")
    assert paras[4].text.startswith("• une puce")
    # the items a text of law numbers « 1° », « 2° » are a list's (the parking note quoted
    # « 2° Le tarif du forfait de post-stationnement, applicable lorsque… » in its body)
    from ianote_lib.fr.normalize import strip_bullet

    rows = [("La délibération institutive établit :", 3), ("", 3),
            ("1° Le barème tarifaire de paiement immédiat de la redevance ;", 3), ("", 3),
            ("2° Le tarif du forfait de post-stationnement.", 3)]
    paras = build_paragraphs(3, _lines(rows))
    assert [p.kind for p in paras] == ["text", "bullet", "bullet"]
    assert strip_bullet(paras[2].text) == "Le tarif du forfait de post-stationnement."


def test_a_heading_alone_between_blank_lines_stays_a_heading_when_the_text_lost_its_capital():
    rows = [("Les pays de l'UE sont déjà performants dans le secteur numérique.", 36), ("", 36),
            (" Les avantages de l'IA pour les citoyens ", 36), ("", 36),
            ("l'IA pourrait permettre aux citoyens d'accéder à de meilleurs soins de santé. ", 36)]
    paras = restitch(build_paragraphs(15, _lines(rows)))
    assert [p.kind for p in paras] == ["text", "heading", "text"]
    assert paras[2].text.startswith("L'IA pourrait permettre") and not paras[2].headless
    # a line with a comma, or ending on a linking word, is a sentence going on after the blank
    for line in ("Dans son rapport parlementaire, l'ancien lauréat", "Le rapport de la"):
        rows[2] = (line, 36)
        paras = build_paragraphs(15, _lines(rows))
        assert [p.kind for p in paras] == ["text", "text"]
        assert paras[1].text == line + " l'IA pourrait permettre aux citoyens d'accéder à de " \
                                       "meilleurs soins de santé."


def test_cut_sentence_is_restitched_or_marked():
    rows = [
        (" a proposé une stratégie pour placer la France parmi les leaders mondiaux de l'IA.", 7),
        ("Le Gouvernement a fondé sa stratégie nationale sur ce rapport, en trois axes.", 7),
        ("", 7),
        ("Dans son rapport parlementaire, l'ancien lauréat de la Médaille Fields", 7),
        (" Il existe de nombreux exemples d'application de l'IA dans les collectivités.", 8),
    ]
    paras = restitch(build_paragraphs(2, _lines(rows)))
    sents = sentences_of(paras)
    stitched = [s for s in sents if "Médaille Fields a proposé" in s.text]
    assert len(stitched) == 1 and stitched[0].kind == "sentence"
    assert all(s.kind != "fragment" for s in sents)

    # with two candidate continuations the evidence is not clear: both are marked
    rows[1:1] = [("", 7),
                 (" continue ailleurs sans que l'on sache à quelle phrase elle se rattache.", 7),
                 ("", 7)]
    sents = sentences_of(restitch(build_paragraphs(2, _lines(rows))))
    assert any(s.kind == "fragment" and "Médaille Fields" in s.text for s in sents)


def test_a_numbered_label_heads_the_block_under_it():
    """The forêts dossier's « Recommandation 3 » over « le conseil municipal crée… » (a guide's
    boxes) was read as one sentence, quoted « Recommandation 3 le conseil municipal crée… »."""
    rows = [("Recommandation 3", 1),
            ("le conseil municipal crée une commission « Forêt communale ».", 1),
            ("Proposition n° 12 :", 1), ("Réunir la commission deux fois par an.", 1)]
    paragraphs = build_paragraphs(2, _lines(rows))
    assert [p.text for p in paragraphs] == [
        "Recommandation 3", "Le conseil municipal crée une commission « Forêt communale ».",
        "Proposition n° 12 :", "Réunir la commission deux fois par an."]
    # a line cut before its number goes on (« …pour l'année » then « 2024, les communes… »)
    rows = [("Le budget des forêts communales est voté chaque année pour un total de", 1),
            ("2 millions d'euros en 2024.", 1)]
    assert len(build_paragraphs(2, _lines(rows))) == 1
