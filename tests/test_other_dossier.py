"""A dossier on another subject (issue 6): the whole suite runs on it, unchanged.

`tests/data/dossier_eau/dossier_eau.txt` is a synthetic exam dossier on drinking water (six
documents, a commande from another collectivité to a Directeur général des services), printed
with the extraction flaws of the embedded one. One `ianote run` with the default parameters
(the date fixed) feeds every assertion on what the suite produced; a segmentation test reads
the dossier directly.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest
import yaml

from ianote_lib.config import resource_path
from ianote_lib.fr.normalize import word_count
from ianote_lib.note.plan import choose_plan
from ianote_lib.reading.dossier import load_dossier

ROOT = Path(__file__).resolve().parents[1]
DOSSIER = ROOT / "tests" / "data" / "dossier_eau" / "dossier_eau.txt"
ANALYST_PLAN = str(ROOT / "tests" / "data" / "plans" / "enjeux_ia_collectivites.yaml")
CITE = re.compile(r"\(doc\.\s*([\d, et]+)\)")
TITLES = [
    "Sécheresse : les communes en première ligne pour garantir l’eau potable",
    "Plan eau : 53 mesures pour une gestion plus sobre de la ressource",
    "Fuites sur les réseaux : un litre sur cinq n’arrive jamais au robinet",
    "Tarification sociale et progressive : ces villes qui font payer l’eau autrement",
    "Sobriété hydrique : les bâtiments publics montrent l’exemple",
    "Réutiliser les eaux usées traitées : un potentiel encore sous-exploité",
]
DATES = ["2023-09-12", "2023-03-31", "2024-02-14", "2023-06-06", "2023-11-22", "2024-03"]


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("eau")
    done = subprocess.run([sys.executable, "-m", "ianote_lib", "run", "--dossier",
                           str(DOSSIER), "--output-dir", str(out), "-p", "date", "2026-11-28"],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    return out


def table(run: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(run / "data" / "processed" / f"{name}.parquet")


def outputs(run: Path, notebook: str) -> str:
    """The text and Markdown outputs of an executed notebook of the run."""
    nb = nbformat.read(str(run / "reports" / "notebooks" / notebook), as_version=4)
    texts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            texts.append(str(data.get("text/markdown") or data.get("text/plain")
                             or out.get("text", "")))
    return "\n".join(texts)


# ----------------------------------------------------------------------------- segmentation

def test_segmentation_of_the_other_dossier():
    d = load_dossier(DOSSIER)
    assert d.warnings == []
    docs = d.documents
    assert docs["doc"].tolist() == [1, 2, 3, 4, 5, 6]
    assert docs["title"].tolist() == TITLES
    assert docs["date"].tolist() == DATES
    assert docs["source"].tolist() == ["Eau et Territoires", "La Lettre des collectivités",
                                       "Hydropolis.info", "Revue Finances locales",
                                       "Le Moniteur des territoires",
                                       "Cahiers de l’environnement"]
    assert docs.loc[docs["doc"] == 5, "authors"].item() == "Marc Delaunay et Sophie Bernier"
    assert docs["declared_pages"].tolist() == [2, 1, 2, 1, 2, 1]
    assert list(zip(docs["first_page"], docs["last_page"], strict=True)) == [
        (3, 4), (5, 5), (6, 7), (8, 8), (9, 10), (11, 11)]
    c = d.commande
    assert (c.author_grade, c.service, c.collectivite, c.population) == (
        "Ingénieur territorial", "Direction des services techniques", "Roncières-sur-Orbe",
        42300)
    assert (c.recipient_title, c.recipient_gender, c.salutation) == (
        "Directeur général des services", "M", "Monsieur le Directeur général des services")
    assert c.object == "la gestion de l'eau potable et la sobriété hydrique dans les communes"
    assert c.constraint == "exclusivement à l'aide des documents joints"
    s = d.sentences
    text = " ".join(s["text"])
    # markers, page numbers, the URL line, the boilerplate and the cover never enter a document
    for furniture in ("DOCUMENT", "4/11", "7/11", "hydropolis.example", "Ce sujet comprend",
                      "CONCOURS", "reproduits avec l", "signe distinctif"):
        assert furniture not in text, furniture
    # the box printed before the « DOCUMENT 4 » marker belongs to document 4, on its page;
    # its private-use bullet glyphs are read as bullets
    box = s[s["text"].str.contains("tranche « eau essentielle »")]
    assert box[["doc", "page", "kind"]].values.tolist() == [[4, 8, "bullet"]]
    assert box["text"].item().startswith("• 80 m3")
    # the marker at the bottom of document 3's first page starts document 3, not its page 2
    first = s[(s["doc"] == 3) & (s["kind"] == "title")]
    assert first["page"].tolist() == [6]
    assert s.loc[s["text"].str.startswith("La communauté d’agglomération du Val d’Orbe"),
                 ["doc", "page"]].values.tolist() == [[3, 7]]
    # document 1 has no marker and two pages; number words and hyphenated names survive
    assert set(s.loc[s["doc"] == 1, "page"]) == {3, 4}
    assert s["text"].str.contains("Trente-huit communes en ont bénéficié").any()
    assert s["text"].str.contains("Vernoux-la-Combe").sum() >= 3


def test_plan_is_built_unless_the_analyst_names_one(dossier):
    """With no plan file given, the plan is built for the dossier (the AI dossier too: an
    analyst's plan file is used only when given); its titles are written, never a line of the
    dossier; a commande that lists its axes gets them as sub-parts, in order."""
    built = choose_plan("default", dossier.commande.object, dossier.sentences)
    assert built.name == "construit" and "cadre" in built.reason
    named = choose_plan(ANALYST_PLAN, dossier.commande.object, dossier.sentences)
    assert named.name == "enjeux_ia_collectivites" and "plan du fichier" in named.reason
    other = load_dossier(DOSSIER)
    lines = {" ".join(t.split()).lower() for t in other.sentences["text"]}
    for objet in (other.commande.object, "l'intelligence artificielle dans les entreprises", ""):
        plan = choose_plan("default", objet, other.sentences)
        titles = [p.title for p in plan.parts] + [sp.title for sp in plan.subparts]
        assert plan.name == "construit" and len(set(titles)) == 6, objet
        assert not any(t.lower() in lines or t in TITLES for t in titles), objet
        assert all(sp.functions for sp in plan.subparts)
    axes = ["le cadre juridique et les sanctions", "l'état des lieux",
            "les leviers d'une démarche de mise en conformité"]
    plan = choose_plan("default", other.commande.object, other.sentences, axes=axes)
    # (the water dossier holds 11 sentences of rules: « le cadre juridique et les sanctions »
    # stays one sub-part rather than two of fillers, and a fourth completes the plan)
    assert [sp.title for sp in plan.subparts] == [
        "Le cadre juridique et les sanctions", "L'état des lieux",
        "Les leviers d'une démarche de mise en conformité",
        "Des initiatives déjà engagées sur les territoires"]
    assert plan.parts[0].title == "Des obligations à respecter et un état des lieux"
    assert "3 axes" in plan.reason


# ----------------------------------------------------------------------------- the run

def test_documents_table(run):
    docs = table(run, "documents")
    assert len(docs) == 6
    assert docs["title"].tolist() == TITLES
    assert docs["date"].tolist() == DATES
    assert (docs["n_words"] > 300).all()


def _figure(figures: pd.DataFrame, doc: int, text: str) -> pd.Series:
    found = figures[(figures["doc"] == doc) & (figures["text"] == text)]
    assert len(found) == 1, (doc, text, figures[figures["doc"] == doc]["text"].tolist())
    return found.iloc[0]


@pytest.mark.parametrize("doc, text, value, high, unit, per", [
    (2, "475 millions d’euros", 475e6, None, "EUR", "year"),
    (1, "149 litres", 149, None, "L", "day"),
    (3, "900 000 kilomètres", 9e5, None, "km", ""),
    (3, "4 millions", 4e6, None, "EUR", ""),           # « dont 4 millions apportés par… »
    (3, "0,5 kWh", 5e-4, None, "MWh", ""),
    (3, "68 % à 84 %", 68, 84, "%", ""),
    (4, "150 à 300 euros", 150, 300, "EUR", ""),
    (4, "0,5 centime", 0.005, None, "EUR", ""),
    (5, "Trente-huit communes", 38, None, "count", ""),
    (6, "5 milliards de m3", 5e9, None, "m3", "year"),  # « rejettent chaque année plus de… »
    (6, "entre 0,3 et 0,8 euro", 0.3, 0.8, "EUR", ""),
])
def test_figures_of_the_other_dossier(run, doc, text, value, high, unit, per):
    fig = _figure(table(run, "figures"), doc, text)
    assert fig.value == pytest.approx(value)
    assert (pd.isna(fig.value_high) if high is None else fig.value_high == pytest.approx(high))
    assert (fig.unit, fig.per) == (unit, per)


def test_figures_cover_every_document_and_checks_pair_only_equal_values(run):
    figures = table(run, "figures")
    assert set(figures["doc"]) == set(range(1, 7)) and len(figures) >= 100
    assert _figure(figures, 2, "53 mesures").category != "co2"    # « gestion » is no GES
    checks = table(run, "checks")
    agreed = checks[checks["kind"] == "concordance"]
    assert {"2;6", "3;5"} <= set(agreed["docs"])                 # 1 000 projets, 4,34 €
    # close values are not the same figure (3 800 / 3 500 habitants; 5,3 / 5 milliards de m3)
    for value in ("3\u202f800", "5\u202f300\u202f000\u202f000"):
        assert not agreed["values"].str.contains(value).any()
    assert not (checks["kind"] == "estimations_divergentes").any()  # price per m³ vs a bill


def test_timeline_events(run):
    events = table(run, "events")
    rows = {(r.date, r.doc): (r.tense, r.kind) for r in events.itertuples()}
    assert rows[("2015-08-07", 1)] == ("passé", "loi")            # loi NOTRe
    assert rows[("2026-01-01", 1)] == ("annoncé", "loi")          # transfer of the compétence
    assert rows[("2023-08-29", 6)] == ("passé", "décret")
    assert rows[("2030", 2)] == ("annoncé", "échéance")
    assert rows[("2023-07", 2)][0] == "annoncé"                   # « un décret attendu à l'été »
    # bylines are not events, whatever their wording
    assert not events["text"].str.contains("Par Marc Delaunay").any()
    assert not events["text"].str.startswith("Cahiers de l’environnement").any()
    assert {"passé", "annoncé"} == set(events["tense"])
    assert (run / "figures" / "chronologie.png").exists()


def test_themes_are_derived_from_the_dossier(run):
    themes = table(run, "themes")
    assert set(themes["doc"]) == set(range(1, 7))
    assert set(themes["origin"]) == {"dossier"}
    configured = {spec["label"] for spec in
                  yaml.safe_load(resource_path("themes.yaml").read_text("utf-8"))["themes"]
                  .values()}
    assert not set(themes["label"]) & configured
    assert 3 <= themes["theme"].nunique() <= 8
    # each theme is named in the dossier's words and carried by at least one document
    assert (themes.groupby("theme")["score"].max() > 0).all()
    assert themes.groupby("theme")["label"].first().isin(
        [t.split(" : ")[0] for t in TITLES]).any()
    report = outputs(run, "04_themes_chronologie.ipynb")
    assert "tirés du dossier lui-même" in report and "ne correspond pas" in report


def test_keywords_and_word_clouds(run):
    keywords = table(run, "keywords")
    assert set(keywords["doc"]) == set(range(1, 7))
    by_doc = keywords.groupby("doc")["keyword"].apply(set)
    assert by_doc[3] & {"rendement", "canalisation", "fuite"}
    assert by_doc[4] & {"tranche", "tarification", "foyer"}
    assert by_doc[6] & {"station", "épuration", "traiter"}
    # the subject of the commande, in every document, stays out of the dossier's cloud
    report = outputs(run, "04_themes_chronologie.ipynb")
    assert "Mots écartés du nuage du dossier\u00a0: eau" in report
    assert "IA" not in report.split("Mots écartés du nuage du dossier", 1)[1].split("\n")[0]
    assert len(list((run / "figures").glob("nuage_doc_*.png"))) == 6


def test_use_cases_table_holds_the_initiatives_of_the_water_dossier(run):
    """The table is not only about AI: the communes, syndicats and intercommunalités of a
    dossier on water, with what they did (tests/test_initiatives.py measures it against a hand
    annotation)."""
    use_cases = table(run, "use_cases")
    assert {"use_case_id", "actor", "actor_type", "use", "domain", "status", "docs",
            "outcome", "evidence"} <= set(use_cases.columns)
    assert len(use_cases) >= 8
    assert {"commune", "syndicat", "intercommunalite"} <= set(use_cases["actor_type"])
    report = outputs(run, "03_cas_usage.ipynb")
    html = (run / "reports" / "analysis.html").read_text(encoding="utf-8")
    assert f"{len(use_cases)} initiatives et cas d'usage" in report
    assert "Libourne" in html
    assert (run / "figures" / "cas_usage_domaines_statuts.png").exists()
    for chart in ("chiffres_co2.png", "chiffres_emploi.png"):   # nothing to draw: no image
        assert not (run / "figures" / chart).exists()
    assert "Le dossier ne chiffre aucune émission de CO2" in html
    assert (run / "figures" / "chiffres_eau.png").exists()


def test_note_follows_the_built_plan_and_cites_every_document(run):
    md = (run / "reports" / "note.md").read_text(encoding="utf-8")
    header, body = md.split("\n---\n", 1)
    assert "**Roncières-sur-Orbe**" in header
    assert "Direction des services techniques" in header
    assert "Monsieur le Directeur général des services" in header
    assert "La gestion de l'eau potable et la sobriété hydrique dans les communes" in header
    assert "dossier de 6 documents" in header
    cited = {int(n) for group in CITE.findall(body) for n in re.findall(r"\d+", group)}
    assert cited == set(range(1, 7))
    assert len(re.findall(r"(?m)^## ", body)) == 2 and len(re.findall(r"(?m)^### ", body)) == 4
    # the built plan, said in the notebook; none of the AI plan's titles
    report = outputs(run, "05_note.ipynb")
    assert "Plan construit pour le dossier" in report and "plan construit selon le cadre" in report
    ai_plan = yaml.safe_load(
        Path(ANALYST_PLAN).read_text("utf-8"))
    titles = [p["title"] for p in ai_plan["parts"]] + [
        s["title"] for p in ai_plan["parts"] for s in p["subparts"]]
    for title in titles:
        assert title not in md
    assert not re.search(r"intelligence artificielle|\bIA\b|Admiville|Directrice", md,
                         re.IGNORECASE)
    # verification: no error, every document cited, a sensible length
    summary = ast.literal_eval(report[report.index("{'mots'"):].split("}", 1)[0] + "}")
    assert summary["erreurs"] == 0 and summary["documents cités"] == 6
    assert 1000 <= summary["mots"] <= 2200
    running = sum(word_count(CITE.sub("", b)) for b in body.split("\n\n")
                  if b.strip() and not b.startswith("#"))
    assert 1000 <= running <= 2400
    plan = table(run, "note_plan")
    assert set(plan["plan"]) == {"construit"} and len(plan) == 6
    assert plan["reason"].str.contains("plan construit selon le cadre").all()
    for title in plan["title"]:
        assert title in body
    trace = table(run, "note_trace")
    docs = {int(d) for value in trace["cited_docs"] for d in str(value).split(";") if d}
    assert docs == set(range(1, 7))
    sentences = set(table(run, "sentences")["sentence_id"])
    sources = {i for value in trace["source_sentence_ids"] for i in str(value).split(";") if i}
    assert sources <= sentences


def test_the_initiatives_open_on_an_enumeration_of_their_actors(run):
    """The water dossier's initiatives fall outside the AI domains (« autre »): their paragraph
    still opens on the sentence the note writes from the use-case table, naming the local
    actors it goes on to tell, citing their documents — or on the one general statement they
    illustrate (« Les leviers sont connus : … », then the enumeration). In a plan of state of
    play and levers, what the collectivités do illustrates the levers (II.B), not the state of
    play."""
    trace = table(run, "note_trace")
    listing = trace[(trace["kind"] == "enumeration")
                    & trace["text"].str.startswith("Plusieurs collectivités")]
    assert len(listing) == 1
    row = listing.iloc[0]
    assert row["section"] == "II.B"
    uc = table(run, "use_cases")
    local = uc[uc["actor_type"].isin(["commune", "syndicat", "departement"])]
    named = [a for a in local["actor"] if a in row["text"]]
    assert len(named) >= 4 and row["text"].startswith("Plusieurs collectivités")
    assert set(row["cited_docs"].split(";")) >= {"1", "3", "4", "5"}
    md = (run / "reports" / "note.md").read_text(encoding="utf-8")
    assert re.search(r"(?m)^(?:[^\n]*?\(doc\. [\d, ]+\)\. )?" + re.escape(row["text"][:-1])
                     + r"\s\(doc\. [\d, ]+\)\.", md)


def test_the_conclusion_recommends_what_the_documents_prescribe(run):
    """The water dossier's one prescription addressed to the communes (« Les auteurs
    recommandent de désigner dans chaque commune un référent… ») is quoted in the body and is
    the conclusion's piste d'action, in the document's words, cited and traced to its
    sentence. The two intertitles that name an action (« Informer les habitants », « Former
    les agents et les usagers »), which the body cannot quote, are listed with the levers and
    not recommended: a conclusion recommends what the body has shown."""
    parse = table(run, "sentence_parse")
    sentences = table(run, "sentences").set_index("sentence_id")["text"]
    prescribed = parse[parse["action"] != ""]
    assert len(prescribed) >= 2
    trace = table(run, "note_trace")
    closing = trace[trace["section"] == "conclusion"]
    piste = closing[closing["text"].str.startswith("Il en découle une piste d'action")]
    assert len(piste) == 1
    row = piste.iloc[0]
    assert row["kind"] == "written" and row["cited_docs"] == "5"
    [source] = row["source_sentence_ids"].split(";")
    action = parse.set_index("sentence_id").at[source, "action"]
    assert action.startswith("désigner dans chaque commune un référent")
    # in the document's words (the « de » of « et de publier » goes with its governing verb)
    written = sentences[source].replace("’", "'")
    assert action in row["text"] and action.split(" et ")[0] in written
    assert set(action.split()) <= set(written.rstrip(".").split())
    body = trace[~trace["section"].isin(["conclusion", "introduction"])]
    assert body["source_sentence_ids"].str.split(";").map(lambda ids: source in ids).any()
    listed = body[body["text"].str.startswith("Plusieurs actions sont préconisées")]
    assert len(listed) == 1 and "informer les habitants" in listed.iloc[0]["text"]
    kinds = table(run, "sentences").set_index("sentence_id")["kind"]
    assert {kinds[h] for h in listed.iloc[0]["source_sentence_ids"].split(";")} == {"heading"}


def test_reports_exist(run):
    for name in ("analysis.html", "note.html", "note.md", "chiffres_cles.xlsx"):
        assert (run / "reports" / name).stat().st_size > 1000, name
    html = (run / "reports" / "note.html").read_text(encoding="utf-8")
    assert "Roncières-sur-Orbe" in html and "intelligence artificielle" not in html.lower()
