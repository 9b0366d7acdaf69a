"""The analyst's loop: every input is checked before the first notebook (the parameters and
their file, the overrides file, the files of a folder dossier), an edit of the overrides reruns
only the note, and the executed notebooks of a run rerun as they are."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from ianote_lib.errors import OverridesError, ParametersError
from ianote_lib.fr.normalize import NBSP
from ianote_lib.note.overrides import load_overrides
from ianote_lib.reading.folder import folder_files, skipped_notes
from ianote_lib.running.parameters import check_parameters
from ianote_lib.running.runner import CACHED, EXPORT_STAGE, notebook_parameters

ROOT = Path(__file__).resolve().parents[1]
ANALYSIS = ("01_lecture_dossier", "02_chiffres_cles", "03_cas_usage", "04_themes_chronologie")


def ianote(*args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "ianote_lib", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    done.stdout, done.stderr = (t.replace(NBSP, " ") for t in (done.stdout, done.stderr))
    return done


def _refused(tmp_path: Path, text: str) -> str:
    path = tmp_path / "note.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OverridesError) as info:
        load_overrides(path)
    return str(info.value)


# ----------------------------------------------------------------------------- overrides file

@pytest.mark.parametrize("text, where, what", [
    ('titles:\n  I.A: "Des usages\nban: [d01s0001]\n', "ligne 2, colonne 8", "guillemet"),
    ("titles:\n  I.A: Usages : oui: non\n", "ligne 2, colonne", "deux-points"),
    ("ban:\n\t- d01s0001\n", "ligne 2, colonne 1", "tabulation"),
    ("ban: [d01s0001, d01s0002\npin: []\n", "ligne 1, colonne 6", "crochets"),
    ("titles:\n  I.A: x\n   I.B: y\n", "ligne 3, colonne", "deux-points"),
])
def test_a_yaml_error_is_named_by_line_and_column(tmp_path, text, where, what):
    message = _refused(tmp_path, text)
    assert "n'est pas un YAML valide, " + where in message and what in message
    assert "corrigez-le" in message


def test_rubrics_sections_duplicates_and_ids_are_checked_with_their_line(tmp_path):
    assert "ligne 2 : rubrique inconnue « bans », vouliez-vous dire « ban » ?" in _refused(
        tmp_path, "titles: {I.A: x}\nbans: [d01s0001]\n")
    message = _refused(tmp_path, "rewrite:\n  II.A: x\n  III.B: y\n")
    assert "ligne 3 : « III.B » n'est pas une section du plan" in message
    assert "vouliez-vous dire « II.B »" in message
    assert "sections possibles : I, II" in _refused(tmp_path, "chapeaux:\n  I.A: x\n")
    assert "ligne 3 : « ban » est déjà donné ligne 1" in _refused(
        tmp_path, "ban: [d01s0001]\ntitles: {I: x}\nban: [d01s0002]\n")
    assert "ligne 3 : « d1s2 » n'est pas un identifiant de phrase" in _refused(
        tmp_path, "ban:\n  - d01s0001\n  - d1s2\n")
    assert "ligne 2 : le texte de « I.A » dans « titles » est vide" in _refused(
        tmp_path, "titles:\n  I.A:\n")
    assert "« ban » attend une liste" in _refused(tmp_path, "ban: {a: 1}\n")


def test_ids_the_dossier_does_not_have_are_refused_with_their_line(tmp_path, sentences):
    ids = sentences["sentence_id"]
    path = tmp_path / "note.yml"
    path.write_text(f"ban:\n  - {ids.iloc[3]}\n  - d01s9999\npin:\n  I.A: [d77s0001]\n",
                    encoding="utf-8")
    with pytest.raises(OverridesError) as info:
        load_overrides(path, sentence_ids=ids)
    assert ("les phrases « d77s0001 » (pin, ligne 5) et « d01s9999 » (ban, ligne 3) "
            "n'existent pas dans ce dossier") in str(info.value)
    path.write_text(f"ban: [{ids.iloc[3]}]\npin: {{I.A: [{ids.iloc[4]}]}}\n", encoding="utf-8")
    ov = load_overrides(path, sentence_ids=ids)
    assert ov.bans == {ids.iloc[3]} and ov.pins == {"I.A": [ids.iloc[4]]}


# ----------------------------------------------------------------------------- parameters

def test_parameter_values_are_checked_and_paths_made_absolute(tmp_path, monkeypatch):
    known = {"date", "citations", "plan", "overrides", "top_keywords", "objet"}
    defaults = {"top_keywords": "10", "citations": '"doc"', "plan": '"default"'}

    def refused(name: str, value: object) -> str:
        with pytest.raises(ParametersError) as info:
            check_parameters({name: value}, known, defaults)
        return str(info.value)

    assert "date AAAA-MM-JJ qui existe (reçu « 30/06/2025 »)" in refused("date", "30/06/2025")
    assert "reçu « 2025-02-30 »" in refused("date", "2025-02-30")
    assert "« citations » vaut « docs » : vouliez-vous dire « doc » ?" in refused(
        "citations", "docs")
    assert "nombre entier positif (reçu « dix ») : écrivez par exemple -p top_keywords 10" in \
        refused("top_keywords", "dix")
    assert "ni un fichier de plan existant" in refused("plan", "mon_plan.yaml")
    assert "(paramètre « overrides ») est introuvable" in refused("overrides", "absent.yml")
    assert "entre guillemets" in refused("objet", True)
    assert "pas une liste" in refused("objet", ["a", "b"])
    (tmp_path / "plan.yaml").write_text("parts: []\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    checked = check_parameters({"plan": "plan.yaml", "top_keywords": "12", "objet": 2030},
                               known, defaults)
    assert checked == {"plan": str(tmp_path / "plan.yaml"), "top_keywords": 12, "objet": "2030"}


def test_the_declared_parameters_are_papermill_s():
    """The runner reads each notebook's parameters without papermill (which it imports only
    once the kernel boots): the same names and defaults as papermill's inspection."""
    import papermill as pm

    for notebook in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        inspected = {name: spec["default"]
                     for name, spec in pm.inspect_notebook(str(notebook)).items()}
        assert notebook_parameters(notebook) == inspected, notebook.name


def test_a_broken_params_file_is_refused_with_line_and_column(tmp_path):
    params = tmp_path / "params.yml"
    params.write_text("date: 2026-11-28\nobjet: 'la sobriété\n", encoding="utf-8")
    done = ianote("run", "--output-dir", str(tmp_path / "out"), "--params", str(params))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "n'est pas un YAML valide, ligne 2, colonne 8 : guillemet" in done.stderr
    assert not (tmp_path / "out").exists()


# ----------------------------------------------------------------------------- folder dossier

def test_what_a_folder_leaves_out_is_said_with_the_reason(tmp_path):
    (tmp_path / "a.txt").write_text("Titre\n\nUn texte.\n", encoding="utf-8")
    for name in ("notes.docx", "page.html", ".DS_Store", "~$brouillon.docx", "sans_extension"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "annexes").mkdir()
    notes = skipped_notes(tmp_path)
    assert [n.split(" »", 1)[0] for n in notes] == [
        "« .DS_Store", "« annexes", "« notes.docx", "« page.html", "« sans_extension",
        "« ~$brouillon.docx"]
    said = dict(zip(["hidden", "folder", "docx", "html", "bare", "temp"], notes, strict=True))
    assert "traitement de texte ; enregistrez-le en PDF" in said["docx"]
    assert "page web ; enregistrez-la en PDF" in said["html"]
    assert "fichier caché" in said["hidden"] and "sous-dossier" in said["folder"]
    assert "sans extension ; donnez-le en PDF, TXT ou MD" in said["bare"]
    assert [p.name for p in folder_files(tmp_path)] == ["a.txt"]


def test_the_run_lists_what_a_folder_leaves_out_and_stops_on_a_bad_overrides_file(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Titre\n\nUn texte.\n", encoding="utf-8")
    (folder / "b.docx").write_bytes(b"PK")
    overrides = tmp_path / "note.yml"
    overrides.write_text("titles:\n  I.A: x\nrewrite:\n  IIB: y\n", encoding="utf-8")
    out = tmp_path / "out"
    done = ianote("run", "--dossier", str(folder), "--output-dir", str(out),
                  "-p", "overrides", str(overrides))
    assert "« b.docx » laissé de côté : c'est un document de traitement de texte" in done.stdout
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert (f"« {overrides} », ligne 4 : « IIB » n'est pas une section du plan pour "
            "« rewrite », vouliez-vous dire « II.B » ?") in done.stderr
    assert "01_lecture_dossier" not in done.stdout and not (out / "reports").exists()


# ----------------------------------------------------------------------------- the edit loop

def _stage_lines(stdout: str) -> dict[str, str]:
    return {line.split()[0]: line for line in stdout.splitlines() if line.startswith("  0")
            or line.startswith("  export")}


@pytest.fixture(scope="module")
def edited(full_run, tmp_path_factory):
    """A copy of the session's run, rerun after the analyst wrote an overrides file."""
    base = tmp_path_factory.mktemp("loop")
    out = base / "run"
    shutil.copytree(full_run, out)
    overrides = base / "note.yml"
    overrides.write_text('titles:\n  I.A: "Des usages déjà opérationnels"\n', encoding="utf-8")
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    done = ianote("run", "--output-dir", str(out), "-p", "date", "2026-11-28",
                  "-p", "overrides", str(overrides))
    assert done.returncode == 0, done.stderr
    return out, overrides, before, done


def test_an_overrides_edit_reruns_only_the_note(edited):
    out, _, before, done = edited
    lines = _stage_lines(done.stdout)
    assert all(CACHED in lines[name] for name in ANALYSIS)
    assert CACHED not in lines["05_note"]
    assert CACHED in lines[EXPORT_STAGE.split()[0]]          # analysis.html: not exported again
    untouched = [out / "data" / "processed" / "sentences.parquet", out / "figures",
                 out / "reports" / "analysis.html",
                 out / "reports" / "notebooks" / "02_chiffres_cles.ipynb"]
    for path in untouched:
        for item in [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]:
            assert item.stat().st_mtime_ns == before[item], item
    for name in ("note.md", "note.html"):
        assert "Des usages déjà opérationnels" in (out / "reports" / name).read_text("utf-8")


def test_unknown_ids_stop_the_rerun_before_any_notebook(edited, tmp_path):
    out, _, _, _ = edited
    bad = tmp_path / "note.yml"
    bad.write_text("titles:\n  I.A: x\nban:\n  - d01s0001\n  - d15s9999\n", encoding="utf-8")
    note = (out / "reports" / "note.md").read_bytes()
    done = ianote("run", "--output-dir", str(out), "-p", "date", "2026-11-28",
                  "-p", "overrides", str(bad))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "la phrase « d15s9999 » (ban, ligne 5) n'existe pas dans ce dossier" in done.stderr
    assert "05_note" not in done.stdout                     # checked as 01 came from the cache
    assert (out / "reports" / "note.md").read_bytes() == note


def test_executed_notebooks_point_at_the_output_folder(full_run):
    for path in sorted((full_run / "reports" / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(str(path), as_version=4)
        injected = [c.source for c in nb.cells
                    if "injected-parameters" in c.metadata.get("tags", [])]
        assert f"output_dir = {str(full_run)!r}".replace("'", '"') in injected[0], path.name
        assert nb.metadata["papermill"]["parameters"]["output_dir"] == str(full_run)


def test_the_executed_note_notebook_reruns_as_it_is_and_refreshes_the_note(edited, tmp_path):
    """What the analyst does in JupyterLab: edit the overrides, rerun notebook 05 alone, as it
    is; then `ianote run` does not take the files the notebook rewrote for its own."""
    import papermill as pm

    out, overrides, _, _ = edited
    first = overrides.read_text(encoding="utf-8")
    overrides.write_text('titles:\n  I.A: "Des usages bien réels"\n', encoding="utf-8")
    analysis = (out / "reports" / "analysis.html").read_bytes()
    executed = out / "reports" / "notebooks" / "05_note.ipynb"
    pm.execute_notebook(str(executed), str(tmp_path / "05_rerun.ipynb"), progress_bar=False,
                        cwd=str(executed.parent))
    for name in ("note.md", "note.html"):
        text = (out / "reports" / name).read_text("utf-8")
        assert "Des usages bien réels" in text and "Des usages déjà opérationnels" not in text
        assert "28 novembre 2026" in text
    assert (out / "reports" / "analysis.html").read_bytes() == analysis

    overrides.write_text(first, encoding="utf-8")      # the inputs of the fixture's run again
    done = ianote("run", "--output-dir", str(out), "-p", "date", "2026-11-28",
                  "-p", "overrides", str(overrides))
    assert done.returncode == 0, done.stderr
    assert CACHED not in _stage_lines(done.stdout)["05_note"]  # its files were rewritten
    for name in ("note.md", "note.html"):
        assert "Des usages déjà opérationnels" in (out / "reports" / name).read_text("utf-8")
