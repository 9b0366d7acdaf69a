"""The note to the DGS: form, citations, verification, automatic plan, overrides, security."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import mistune
import nbformat
import pytest
import yaml

from ianote_lib.errors import IanoteError
from ianote_lib.note_eval import coverage, load_grid, markdown_paragraphs
from ianote_lib.note_overrides import load_overrides
from ianote_lib.note_render import (
    body_markdown,
    compose,
    export_note_html,
    header_markdown,
    render_markdown,
    trace_table,
    write_note_md,
)
from ianote_lib.note_select import (
    check_sentence_ids,
    numbers_in,
    rejection_reasons,
    resolve_context,
)
from ianote_lib.note_text import completion, context_needs, relation, shorten
from ianote_lib.note_verify import check_sentence, numbers_of
from ianote_lib.note_write import (
    NoteSentence,
    RuleWriter,
    explicit_subject,
    french_date,
    order_statements,
)
from ianote_lib.textnorm import normalize, word_count

ANNOTATIONS = Path(__file__).parent / "annotations"
CITE = re.compile(r"\(doc\.\s*([\d, et]+)\)")
PRESS = re.compile(r"(?<![\w'])(vous|votre|vos|tu|nous|notre|nos|je|découvrez|sache)(?![\w])",
                   re.IGNORECASE)


@pytest.fixture(scope="module")
def processed(dossier, tmp_path_factory) -> Path:
    """The tables of notebook 02 the note reads (figures, checks), built from the dossier."""
    from ianote_lib.checks import build_checks
    from ianote_lib.figures import extract_figures
    from ianote_lib.tables import write_table

    out = tmp_path_factory.mktemp("processed")
    figures = extract_figures(dossier.sentences)
    write_table(figures, "figures", out)
    write_table(build_checks(figures, dossier.sentences), "checks", out)
    return out


@pytest.fixture(scope="module")
def comp(dossier, processed):
    return compose(dossier.sentences, dossier.documents, dossier.commande, processed=processed,
                   date="2026-11-28")


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


def test_french_date():
    assert french_date("2026-11-28") == "28 novembre 2026"
    assert french_date("2024-03-01") == "1er mars 2024"
    with pytest.raises(IanoteError):
        french_date("28/11/2026")


def test_two_parts_two_subparts_and_announcement(note_md, comp):
    parts = re.findall(r"(?m)^## (I|II)\. (.+)$", note_md)
    subs = re.findall(r"(?m)^### (A|B)\. (.+)$", note_md)
    assert [p[0] for p in parts] == ["I", "II"]
    assert [s[0] for s in subs] == ["A", "B", "A", "B"]
    intro = note_md.split("\n---\n", 1)[1].split("\n## I.")[0]
    for _, title in parts:
        assert f"«\u00a0{_plain(title)}\u00a0»" in _plain(intro), title
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
    merged = [s for s in comp.selection.all_statements() if len(s.docs) > 1]
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


def test_key_idea_coverage(note_md):
    grid = load_grid(ANNOTATIONS / "key_ideas.yaml")
    result = coverage(markdown_paragraphs(note_md), grid)
    assert sum(result.values()) / len(result) >= 0.85


def test_sentence_filters():
    assert rejection_reasons("Vous trouverez ci-dessous quelques opportunités de l'IA.")
    assert rejection_reasons("Découvrez les opportunités et les risques qu'elle entraîne.")
    assert rejection_reasons("Quelles applications concrètes de l'IA pour les collectivités ?")
    assert rejection_reasons("Il insiste sur la nécessité de focaliser l'IA sur des usages.")
    assert rejection_reasons("Prenons l'exemple de l'échec de l'intégration de l'IA au contrôle.")
    assert rejection_reasons("La publication des délibérations en open data, un enjeu", "heading")
    assert not rejection_reasons(
        "Le syndicat des eaux d'Île-de-France s'appuie sur l'IA pour optimiser son réseau.")


def test_writer_rules():
    writer = RuleWriter()
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


def test_auto_plan_gives_structured_note(dossier):
    auto = compose(dossier.sentences, dossier.documents, dossier.commande, plan="auto",
                   date="2026-11-28")
    assert auto.plan.name == "auto"
    assert len(auto.plan.parts) == 2 and all(len(p.subparts) == 2 for p in auto.plan.parts)
    titles = [p.title for p in auto.plan.parts] + [s.title for s in auto.plan.subparts]
    assert len(set(titles)) == 6
    md = render_markdown(auto)
    assert len(re.findall(r"(?m)^## ", md)) == 2 and len(re.findall(r"(?m)^### ", md)) == 4
    assert set(auto.report.cited_docs) == set(range(1, 16))
    assert 1400 <= auto.report.words <= 2200


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
    lines = ["Attaché territorial, vous êtes chargé de mission « Transformation numérique » "
             "auprès de la", "Direction générale des services de Testville (50 000 habitants).",
             "La Directrice Générale des Services vous demande de rédiger à son attention, "
             "exclusivement à l'aide des documents joints, une note sur les enjeux de "
             "l'Intelligence Artificielle pour les collectivités territoriales.", "",
             "Liste des documents :", ""]
    for k, (title, source, date, _) in enumerate(docs, 1):
        lines += [f"Document {k} : « {title} » - {source} - {date} - 1 page", ""]
    for k, (title, _, date, sentences) in enumerate(docs, 1):
        lines += ["\f", f"DOCUMENT {k}", "", title, "", f"Publié le {date}", ""]
        for sentence in sentences:
            lines += [sentence, ""]
        lines += [f"{k + 1}/4", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def _no_live_markup(html: str) -> None:
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert not re.search(r"<a\s", html, re.IGNORECASE)
    assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")


def test_untrusted_text_is_plain_in_note_md_and_html(tmp_path):
    from ianote_lib.dossier import load_dossier

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

CONNECTORS = ("En outre,", "Par ailleurs,", "De plus,", "Parallèlement,", "Ainsi,", "Par exemple,",
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
    # self-contained sentences
    assert not context_needs("Le département du Val-d'Oise utilise la vidéoprotection augmentée.")
    assert not context_needs("La ville de Montpellier a interdit ChatGPT à ses agents.")
    assert not context_needs("Il existe de nombreux exemples d'application de l'IA.")
    assert not context_needs("Les collectivités locales peuvent opter pour une solution.")


def test_definite_noun_phrase_completed_only_from_the_previous_sentence():
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


def test_resolve_context_completes_pairs_or_rejects():
    import pandas as pd

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
    sents = pd.DataFrame(rows, columns=["sentence_id", "doc", "paragraph_id", "clean"])
    sents["kind"] = "sentence"
    sents["reasons"] = [[] for _ in rows]
    resolve_context(sents)
    by_id = sents.set_index("sentence_id")
    assert by_id.at["d01s0002", "resolution"] == "complétée"
    assert by_id.at["d01s0002", "clean"].startswith("La commune de Plaisir traite")
    assert by_id.at["d01s0002", "context_ids"] == ["d01s0001"]
    assert by_id.at["d01s0004", "resolution"] == "précédée"
    assert by_id.at["d01s0004", "clean"].startswith("Les collectivités achètent des cartes")
    assert "renvoie à une phrase précédente" in by_id.at["d01s0006", "reasons"]
    assert by_id.at["d01s0001", "resolution"] == ""


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
    assert terms and re.search(r"(?i)définie? comme|désigne", terms[0].sentences[0].text)
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
    from ianote_lib.note_verify import DocIndex

    issues = check_sentence(NoteSentence("Elle examine les risques (A), puis le droit (B).",
                                         origin="template"), "II", DocIndex(_tiny_sentences()))
    assert any(i.rule == "sujet" for i in issues)


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
    assert len(used) >= 5 and len(set(used)) >= 4
    assert all(a != b for a, b in zip(used, used[1:], strict=False))
    n_sentences = sum(1 for _ in _note_sentences(comp))
    assert len(used) < n_sentences / 2


def test_connector_relations():
    assert relation("Les agents vocaux offrent de nombreuses perspectives aux services.",
                    "À Plaisir, la ville dispose d'un agent vocal au standard.") == "example"
    assert relation("En 2021, une ville a subi une cyberattaque sur ses données.",
                    "Le laboratoire de la CNIL souligne la fragilité des modèles.") == "addition"
    assert relation("L'IA permet d'améliorer le service rendu aux usagers.",
                    "Elle présente toutefois des risques de biais pour les usagers.") == "contrast"
    writer = RuleWriter()
    joined = writer.join(["L'IA permet d'améliorer le service rendu aux usagers.",
                          "Selon la directrice, le service rendu progresse.",
                          "Par ailleurs, les agents sont formés."])
    assert joined[1].startswith("Selon") and joined[2].startswith("Par ailleurs")


def test_sentences_are_shortened(comp):
    assert shorten("Les contraintes budgétaires peuvent limiter la capacité des collectivités à "
                   "investir dans des outils coûteux (informatiques, logiciels, RH…), en "
                   "particulier pour des projets plus prospectifs comme ceux touchant à "
                   "l'environnement et à la mobilité durable des habitants.") == (
        "Les contraintes budgétaires peuvent limiter la capacité des collectivités à investir "
        "dans des outils coûteux.")
    kept = "Un test effectué sur trois communes a permis de trouver des fuites (180 km)."
    assert "(180 km)" in shorten(kept)
    assert "(IA)" in shorten("L'intelligence artificielle (IA) offre de multiples promesses "
                             "aux collectivités territoriales.")
    for _para, _k, s in _note_sentences(comp):
        assert word_count(s.text) <= 62, s.text
    long = [s for _p, _k, s in _note_sentences(comp) if word_count(s.text) > 45]
    assert len(long) <= 3


def test_actor_named_before_its_details():
    from ianote_lib.note_select import Statement

    details = Statement("I.A", "t", "d01s0041", 1, "Les appels sont désormais tous décrochés "
                        "par Optimus à Plaisir.", 1.0, [1])
    other = Statement("I.A", "t", "d11s0575", 11, "Le département du Val-d'Oise détecte les "
                      "dépôts sauvages.", 0.9, [11])
    named = Statement("I.A", "t", "d01s0038", 1, "À Plaisir, la ville dispose d'un call bot.",
                      0.5, [1])
    ordered = order_statements([details, other, named])
    assert [s.sentence_id for s in ordered] == ["d01s0038", "d01s0041", "d11s0575"]


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
    from ianote_lib.note_render import sources_markdown

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
    assert "<script" not in html.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?:""", html)
    for alt in re.findall(r"<img[^>]*>", html):
        assert re.search(r'alt="[^"]*[a-zà-ÿ]', alt)


def test_short_dossier_gives_a_shorter_note_with_a_warning(tmp_path):
    from ianote_lib.dossier import load_dossier

    _evil_dossier(tmp_path / "dossier.txt")
    d = load_dossier(tmp_path / "dossier.txt")
    out = compose(d.sentences, d.documents, d.commande, plan="auto", date="2026-11-28")
    md = render_markdown(out)
    assert len(re.findall(r"(?m)^## ", md)) == 2 and len(re.findall(r"(?m)^### ", md)) == 4
    length = [i for i in out.report.issues if i.rule == "longueur"]
    assert length and length[0].level == "warning"
    assert out.report.ok
    assert "Par ailleurs" not in md.split("\n---\n", 1)[1].split("\n\n")[1][:20]
