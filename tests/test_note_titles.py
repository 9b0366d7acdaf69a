"""The titles of a built plan's sub-parts say what their statements say (`note.titles`), and
the paragraphs under them open on their idea, then its evidence (`note.openers.paragraph_ideas`).

Two dossiers of other subjects that take frames of one kind (« constat / leviers », its rules
and levers shared out by topic for the water dossier, which holds few rules): the water exam
dossier of the tests and the EGalim folder of the benchmarks. Each is composed from its own
parse; the assertions read the titles, the chapeaux that announce them and the paragraphs they
head.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ianote_lib.fr.normalize import fold
from ianote_lib.note.built_plan import frames
from ianote_lib.note.overrides import Overrides
from ianote_lib.note.titles import _distinct, idea_title

ROOT = Path(__file__).resolve().parents[1]
WATER = ROOT / "tests" / "data" / "dossier_eau" / "dossier_eau.txt"
EGALIM = ROOT / "benchmarks" / "dossiers" / "egalim_restauration_scolaire" / "articles"


def _subparts(comp) -> list[dict]:
    """The sub-parts of the frame the note's plan was built on (its label in the reason)."""
    frame = next(f for f in frames()["frames"].values()
                 if f"« {f['label']} »" in comp.plan.reason)
    return [sp for part in frame["parts"] for sp in part["subparts"]]


def _frame_titles(comp) -> list[set[str]]:
    """A sub-part's titles, by the function most of its statements have (`idea_titles`) or
    not."""
    return [{sp["title"]} | {v["title"] for v in (sp.get("idea_titles") or {}).values()}
            for sp in _subparts(comp)]


def _templates(comp) -> list[list[str]]:
    return [[sp["idea_title"]] + [v["idea_title"] for v in (sp.get("idea_titles") or {}).values()]
            for sp in _subparts(comp)]


def _compose(path: Path, objet: str = "", overrides: Overrides | None = None):
    from ianote_lib.fr.parse import parse_table
    from ianote_lib.note.render import compose
    from ianote_lib.reading.dossier import load_dossier

    d = load_dossier(path)
    if objet:
        d.commande.object = objet
    return compose(d.sentences, d.documents, d.commande, sentence_parse=parse_table(d.sentences),
                   plan="auto", overrides=overrides, date="2026-12-01")


@pytest.fixture(scope="module")
def notes():
    return {"eau": _compose(WATER),
            "egalim": _compose(EGALIM, "la mise en œuvre de la loi EGalim dans la restauration "
                                       "scolaire")}


def _written(comp) -> list[tuple[int, str]]:
    """The sub-parts whose title the note wrote from a template: (index in the frame,
    title)."""
    framed = _frame_titles(comp)
    return [(k, sp.title) for k, sp in enumerate(comp.plan.subparts)
            if sp.title not in framed[k] and not sp.frame_title]


def _stated(comp) -> list[tuple[int, str]]:
    """The sub-parts whose title states the claim of one of its sentences (`claim_title`)."""
    return [(k, sp.title) for k, sp in enumerate(comp.plan.subparts) if sp.frame_title]


def _phrases(title: str, templates: list[str]) -> list[str]:
    """What a written title filled its template with (the one it opens like), one phrase per
    « et »."""
    template = next(t for t in templates if title.startswith(t.partition("{")[0].lower()))
    head, _, tail = template.partition("{")
    tail = tail.partition("}")[2]
    filled = title[len(head):len(title) - len(tail)] if tail else title[len(head):]
    return [p.strip() for p in filled.split(" et ")]


def test_two_dossiers_of_one_frame_get_titles_of_their_own(notes):
    for comp in notes.values():
        assert "« constat / leviers" in comp.plan.reason
        # (the fallback's two sub-parts of levers keep their titles when their statements
        # share no phrase: « Un cadre et des leviers pour agir »)
        assert len(_written(comp) + _stated(comp)) >= (1 if "par thème" in comp.plan.reason
                                                       else 2)
    water = {t for _, t in _written(notes["eau"]) + _stated(notes["eau"])}
    egalim = {t for _, t in _written(notes["egalim"]) + _stated(notes["egalim"])}
    assert not water & egalim


def test_a_written_title_names_what_its_sub_part_says(notes):
    for comp in notes.values():
        lines = {fold(t) for t in comp.evidence.sentences["text"].astype(str)}
        for k, title in _written(comp):
            sp = comp.plan.subparts[k]
            assert title[:1].isupper() and len(title.split()) <= 12
            assert fold(title) not in lines                      # never a line of the dossier
            body = " ".join(s.text for p in comp.note.paragraphs if p.section == sp.key
                            for s in p.sentences)
            for phrase in _phrases(title[:1].lower() + title[1:], _templates(comp)[k]):
                # (its words, whatever their article: « les produits biologiques » is said by
                # « 20 % de produits biologiques »)
                phrase = re.sub(r"^(?:(?:au|aux|à|les?|la|des|du)\s+|l')", "", phrase)
                assert fold(phrase) in fold(body), (title, phrase)
            # the part's chapeau announces the title as the note writes it
            chapeau = " ".join(s.text for p in comp.note.paragraphs
                               if p.role == "chapeau" and p.section == sp.key.split(".")[0]
                               for s in p.sentences)
            assert title[:1].lower() + title[1:] in chapeau
            assert comp.note.titles[sp.key] == title


def test_a_stated_title_is_what_one_of_its_sentences_says(notes):
    """A title that states a claim (« La restauration collective, un levier puissant ») is
    the claim of a sentence the sub-part quotes or the plan filed under it, its nouns held by
    a share of the sub-part's statements (`openers.yaml claim_share`); the chapeau announces
    the sub-part by that title, as the reader sees it below (the egalim note announced « un
    état des lieux désormais documenté » over « La restauration collective, un levier
    puissant »)."""
    from ianote_lib.note.openers import config, generic_heads, idea_nouns

    stated = 0
    for comp in notes.values():
        lines = {fold(t) for t in comp.evidence.sentences["text"].astype(str)}
        for k, title in _stated(comp):
            stated += 1
            sp = comp.plan.subparts[k]
            statements = comp.selection.statements[sp.key]
            sources = [st.sentence_id for st in statements] + list(sp.members)
            claims = comp.selection.sentence_claims
            assert title[:1].lower() + title[1:] in {claims.get(s) for s in sources}
            assert 5 <= len(title.split()) <= 12 and fold(title) not in lines
            own = idea_nouns(title) - generic_heads()
            holders = sum(1 for st in statements if own & idea_nouns(st.text))
            assert holders >= float(config()["claim_share"]) * len(statements)
            chapeau = " ".join(s.text for p in comp.note.paragraphs
                               if p.role == "chapeau" and p.section == sp.key.split(".")[0]
                               for s in p.sentences)
            assert title[:1].lower() + title[1:] in chapeau
            assert sp.frame_title in _frame_titles(comp)[k]
            assert sp.frame_title[:1].lower() + sp.frame_title[1:] not in chapeau
    assert stated >= 1


def test_a_part_whose_sub_part_tells_benefits_does_not_end_on_facing_constats(notes):
    """The EGalim note's « Des bénéfices attendus pour les acteurs publics » ended on « Face à
    ces constats, des réponses s'organisent » (the jury: « I.B listed benefits, not
    findings »): the variant that titles a sub-part by its benefits gives its part's
    transition too."""
    told = 0
    for comp in notes.values():
        for part in comp.plan.parts:
            if not any(sp.title.startswith("Des bénéfices attendus") for sp in part.subparts):
                # (a title that states another claim keeps the frame's transition: the lecture
                # publique note's « Des horaires d'ouverture… qui sont insuffisants »)
                assert not part.transition.startswith("Encore faut-il"), part.title
                continue
            told += 1
            last = [p for p in comp.note.paragraphs if p.section.startswith(part.key + ".")][-1]
            assert last.sentences[-1].text.startswith("Encore faut-il que des réponses")
            assert "Face à ces constats" not in " ".join(s.text for s in last.sentences)
    assert told >= 1


def test_a_written_title_names_what_a_fifth_of_its_statements_hold(notes):
    """A phrase two statements of fourteen share names a paragraph, not the sub-part: the
    title names a phrase a share of its statements hold whole (`openers.yaml title_share`),
    else keeps the frame's title."""
    from ianote_lib.note.openers import config, idea_nouns, known_words
    from ianote_lib.note.titles import held_by

    share = float(config()["title_share"])
    checked = 0
    for comp in notes.values():
        known = known_words(comp.plan)
        for k, title in _written(comp):
            sp = comp.plan.subparts[k]
            statements = comp.selection.statements[sp.key]
            lemmas = [idea_nouns(st.text) for st in statements]
            for phrase in _phrases(title[:1].lower() + title[1:], _templates(comp)[k]):
                phrase = re.sub(r"^(?:au|aux|à)\s+", "", phrase)
                checked += 1
                assert held_by(phrase, lemmas, known) >= share * len(statements), (title, phrase)
    assert checked >= 3


def test_a_paragraph_s_idea_is_followed_by_a_sentence_that_holds_it(notes):
    # the sentence written on the idea, then its evidence: the first sentence after it holds
    # the idea's phrase (its sources are the sentences that do)
    opened = 0
    for comp in notes.values():
        for paragraph in comp.note.paragraphs:
            first = paragraph.sentences[0]
            if paragraph.role != "body" or first.kind != "written" or first.docs:
                continue
            opened += 1
            assert len(paragraph.sentences) > 1
            assert set(paragraph.sentences[1].source_ids) & set(first.source_ids), first.text
    # (a paragraph whose idea is a noun alone opens on its evidence; the EGalim note's « Le
    # constat porte principalement sur les produits bio » went with « Une 1ière phase de 2017
    # à 2018… », which now needs the project it is a stage of; since a sentence may be quoted
    # with the two before it, `note.evidence._resolved_before`, the water and EGalim notes
    # open one paragraph on its idea, not two)
    assert opened >= 1


def test_a_sub_part_of_risks_filled_with_benefits_is_titled_by_its_benefits(notes):
    """EGalim's sub-part of « enjeux et difficultés » holds benefits (bulk buying, less waste):
    its title says so (`idea_titles`), and its chapeau with it."""
    from ianote_lib.note.functions import classify_all

    comp = notes["egalim"]
    sp = comp.plan.section("I.B")
    # (what the documents say, not the sentences the note writes to open and close it)
    texts = [s.text for p in comp.note.paragraphs if p.section == "I.B" for s in p.sentences
             if s.origin == "document"]
    assert classify_all(texts).count("apport") * 2 >= len(texts)
    assert comp.note.titles["I.B"].startswith("Des bénéfices attendus")
    assert "difficultés" not in sp.title
    assert any(comp.note.titles["I.B"][:20].lower() in s.text for p in comp.note.paragraphs
               if p.role == "chapeau" and p.section == "I" for s in p.sentences)


def test_a_sub_part_of_risks_and_benefits_keeps_its_title_of_both_while_it_holds_both():
    """The heat note's sub-part of « enjeux et difficultés » held 8 benefits and 5 risks of 14
    statements and was titled « Des bénéfices attendus pour les acteurs publics », then opened
    on « La vigilance porte principalement sur le changement climatique »: a variant title
    needs the other functions to stay under `title_rival_share` of the statements."""
    from ianote_lib.note.statements import Statement
    from ianote_lib.note.titles import variant_function

    def statements(benefits: int, risks: int) -> list[Statement]:
        return [Statement("I.B", "", f"s{i}", 1, "Une phrase du dossier.", 1.0, [1],
                          function="apport" if i < benefits else "risque")
                for i in range(benefits + risks)]

    assert variant_function(statements(8, 5), ["risque", "apport"]) == ""
    assert variant_function(statements(8, 1), ["risque", "apport"]) == "apport"
    assert variant_function(statements(2, 11), ["risque", "apport"]) == "risque"


def test_a_sub_part_of_benefits_and_risks_grows_by_what_says_one(notes):
    """Once its topics refuse the rest, EGalim's sub-part of benefits and risks grew by plain
    facts (« Environ 23,5 % des exploitations agricoles… », the market's growth) and took its
    title from them (« Des bénéfices attendus sur les exploitations »): what it takes then
    holds a benefit's or a risk's cue; and once its benefits outnumber its risks (its title
    says benefits), a benefit's: it grew by the waste of meals at the canteen (« Au niveau
    national, le gaspillage alimentaire… représente près de 135 g… »), under « Des bénéfices
    attendus pour les acteurs publics »."""
    from ianote_lib.note.body import loose_pick
    from ianote_lib.note.functions import function_scores
    from ianote_lib.note.picker import Picker
    from ianote_lib.note.select import topic_scores

    comp = notes["egalim"]
    sp = comp.plan.section("I.B")
    assert set(sp.functions) == {"risque", "apport"}
    picker = Picker(comp.evidence, comp.plan)
    scores = topic_scores(picker, comp.plan)
    picks = [loose_pick(picker, "I.B", scores) for _ in range(12)]
    picks = [st for st in picks if st is not None]
    assert len(picks) >= 5
    for st in picks:
        i = picker.index[st.sentence_id]
        assert (picker.functions[i] in sp.functions
                or any(picker.function_scores[i].get(f, 0) > 0 for f in sp.functions)), st.text
    told = [s.text for p in comp.note.paragraphs if p.section == "I.B" for s in p.sentences
            if s.origin == "document"]
    assert comp.note.titles["I.B"].startswith("Des bénéfices attendus") and len(told) >= 4
    assert all(function_scores(text)["apport"] > 0 for text in told), told


def test_the_analyst_s_title_is_never_rewritten():
    comp = _compose(WATER, overrides=Overrides(titles={"I.B": "Des réseaux à renouveler"}))
    assert comp.plan.section("I.B").title == "Des réseaux à renouveler"
    assert comp.note.titles["I.B"] == "Des réseaux à renouveler"


def test_a_title_keeps_as_many_phrases_as_its_length_allows():
    template = "Des enjeux et des difficultés liés {a_ideas}"
    title, used = idea_title(template, ["le coût des travaux", "les restrictions"], 14)
    assert title == "Des enjeux et des difficultés liés au coût des travaux et aux restrictions"
    assert used == ["le coût des travaux", "les restrictions"]
    title, used = idea_title(template, ["le coût des travaux", "les restrictions"], 12)
    assert title == "Des enjeux et des difficultés liés au coût des travaux"
    assert used == ["le coût des travaux"]
    assert idea_title(template, ["le coût des travaux de renouvellement des réseaux"], 8) == ("", [])
    assert idea_title("Un cadre juridique centré sur {ideas}", ["la tarification"], 12) == (
        "Un cadre juridique centré sur la tarification", ["la tarification"])
    # a phrase too long for the title gives way to the next one
    assert idea_title("Un cadre et des leviers centrés sur {ideas}",
                      ["les outils d'aide à la décision", "la formation"], 12) == (
        "Un cadre et des leviers centrés sur la formation", ["la formation"])


def test_two_phrases_of_one_word_family_do_not_share_a_title():
    known = frozenset()
    assert _distinct(["les pratiques alimentaires", "l'alimentation de qualité",
                      "la certification"], known) == ["les pratiques alimentaires",
                                                      "la certification"]
    assert _distinct(["les restrictions", "la restriction"], known) == ["les restrictions"]


def test_a_sub_part_opens_on_the_idea_its_title_names(notes):
    # the paragraphs with an idea come first in their sub-part: the title, written from their
    # ideas, announces what its first paragraph says, not its last; that paragraph opens on
    # the idea when an opener states it (a noun alone opens none, `Idea.stated`: the EGalim
    # note's « Un cadre juridique centré sur la conformité » is its first paragraph's, whose
    # « …d'évaluer sa conformité… » opens on a document's sentence)
    checked = 0
    for comp in notes.values():
        for k, title in _written(comp):
            key = comp.plan.subparts[k].key
            paragraphs = [p for p in comp.note.paragraphs if p.section == key and p.role == "body"]
            opened = [p.sentences[0].kind == "written" and not p.sentences[0].docs
                      for p in paragraphs]
            if not any(opened):
                continue
            checked += 1
            first = _phrases(title[:1].lower() + title[1:], _templates(comp)[k])[0]
            first = re.sub(r"^(?:au|aux|à|la|le|les|l')\s?", "", first)
            said = paragraphs[0].sentences[0].text if opened[0] else " ".join(
                s.text for s in paragraphs[0].sentences)
            assert fold(first) in fold(said), (title, first)
    # (the others state a claim, `_stated`)
    assert checked >= 1


def test_a_paragraph_keeps_one_thread(notes):
    """A statement that shares no word with its paragraph moves to the one it shares words with
    (`note.paragraphs.regroup`), and paragraphs merge by the words they share: in both notes
    at most a fifth of the sub-parts' sentences share no word with the rest of their paragraph
    (a third of EGalim's did when paragraphs were cut by topic and merged by size)."""
    from ianote_lib.note.evaluation import lone_sentences
    from ianote_lib.note.render import render_markdown

    for comp in notes.values():
        lone, told = lone_sentences(render_markdown(comp))
        assert told >= 40 and lone <= told / 4, (lone, told)


def test_no_sub_part_is_one_long_paragraph(notes):
    """A sub-part is two or three paragraphs (the numérique note's « Des bénéfices attendus,
    sous conditions » was one of six sentences): its only paragraph of five sentences or more
    splits where its halves share fewest nouns (`note.paragraphs.seam`)."""
    from ianote_lib.note.paragraphs import seam
    from ianote_lib.note.statements import Statement

    for comp in notes.values():
        for key in (sp.key for sp in comp.plan.subparts):
            body = [p for p in comp.note.paragraphs if p.section == key]
            assert len(body) > 1 or sum(len(p.sentences) for p in body) < 5, key

    def statement(text):
        return Statement(section="I.A", topic="t", sentence_id=text[:8], doc=1, text=text,
                         score=1.0, docs=[1])

    told = [statement(t) for t in [
        "Le réseau d'eau perd un litre sur cinq dans les canalisations anciennes.",
        "Les canalisations anciennes fuient surtout en hiver.",
        "La tarification progressive réduit la consommation des ménages.",
        "Les ménages paient davantage au-delà de 120 mètres cubes par an."]]
    assert seam(told, frozenset()) == 2
    assert seam(told[:3], frozenset()) is None


def test_a_long_paragraph_splits_even_with_a_use_listed_at_its_end():
    """The town centres note's « Une situation désormais bien documentée » was one paragraph
    of eight sentences: a use of the dossier told at the end of its paragraph kept it from
    splitting. It splits, and the use ends the last half."""
    from types import SimpleNamespace

    from ianote_lib.note.statements import Statement
    from ianote_lib.note.write import RuleWriter, _subpart_paragraphs

    def statement(i: int, text: str, topic: str, kind: str = "") -> Statement:
        return Statement(section="I.A", topic=topic, sentence_id=f"s{i}", doc=i, text=text,
                         score=1.0, docs=[i], kind=kind)

    items = [statement(1, "Le réseau d'eau perd un litre sur cinq dans les canalisations "
                          "anciennes.", "t"),
             statement(2, "Les canalisations anciennes fuient surtout en hiver.", "t"),
             statement(3, "Les fuites des canalisations coûtent cher aux régies.", "t"),
             statement(4, "Les canalisations de la régie de Vernoux portent des capteurs de "
                          "fuite.", "u", kind="use_case"),
             statement(5, "Les canalisations neuves coûtent deux fois plus cher aux régies.", "v"),
             statement(6, "Les régies financent les fuites des canalisations par la facture.",
                       "w")]
    sp = SimpleNamespace(key="I.A", topics=[SimpleNamespace(name=n) for n in "tuvw"],
                         title="Un état des lieux", functions=["constat"])
    paragraphs = _subpart_paragraphs(sp, items, RuleWriter(), order=["t", "u", "v", "w"])
    assert len(paragraphs) == 2
    assert sum(len(p.sentences) for p in paragraphs) == 6
    assert "Vernoux" in paragraphs[-1].sentences[-1].text


def test_a_bill_s_provision_titles_no_sub_part():
    """The heat note was titled « A. Une installation de climatiseurs individuels interdite
    dans les constructions neuves », the claim of a bill's provision its body told as
    proposed: what a bill proposes is no rule a title states."""
    import pandas as pd

    from ianote_lib.note.select import _claims

    pool = pd.DataFrame({
        "sentence_id": ["d05s0001", "d06s0002"],
        "claim": ["une installation de climatiseurs individuels interdite dans les constructions "
                  "neuves", "des cours d'école qui se végétalisent"],
        "clean": ["La proposition de loi n° 1623 prévoit que l'installation de climatiseurs "
                  "individuels est interdite dans les constructions neuves.",
                  "Les cours d'école se végétalisent dans de nombreuses communes du pays."]})
    assert _claims(pool) == {"d06s0002": "des cours d'école qui se végétalisent"}


def test_a_sub_part_titled_by_a_claim_opens_on_the_paragraph_that_states_it():
    """The embedded note's II.A, titled « Des projets territoriaux qui se heurtent à un déficit
    de compétences », opened on « Une mauvaise règlementation de l'IA dans les armes… »; its
    second paragraph stated the title's claim. Not when a paragraph opens on a sentence the
    note writes: its ordinal counts the paragraphs before it."""
    from ianote_lib.note.titles import claim_first
    from ianote_lib.note.write import NoteParagraph, NoteSentence

    def para(*ids: str, written: bool = False) -> NoteParagraph:
        sentences = [NoteSentence(f"Phrase {i}.", [1], [i]) for i in ids]
        if written:
            sentences.insert(0, NoteSentence("Un premier constat porte sur x.", [], [ids[0]],
                                             origin="note", kind="written"))
        return NoteParagraph("II.A", "body", sentences)

    weapons, claim = para("s1", "s2"), para("s3", "s4")
    assert claim_first([weapons, claim], "s4") == [claim, weapons]
    assert claim_first([weapons, claim], "s9") == [weapons, claim]
    assert claim_first([weapons, claim], "") == [weapons, claim]
    opened = para("s1", written=True)
    assert claim_first([opened, claim], "s3") == [opened, claim]
