"""`ianote run` end to end: real notebooks, real dossier, temporary output folders (the full run
of the embedded dossier is the `full_run` fixture of conftest.py)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from ianote_lib.errors import (
    IanoteError,
    InputError,
    NotebookError,
    OverridesError,
    ParametersError,
    error_names,
)
from ianote_lib.fr.normalize import NBSP
from ianote_lib.running.cli import main
from ianote_lib.running.runner import parallel_workers, plan_stages, run
from ianote_lib.tables import catalogue

ROOT = Path(__file__).resolve().parents[1]


def ianote(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ianote_lib", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=900)


def test_tables_written(full_run):
    processed = full_run / "data" / "processed"
    docs = pd.read_parquet(processed / "documents.parquet")
    assert len(docs) == 15
    assert {"doc", "title", "source", "date", "declared_pages", "n_words"} <= set(docs.columns)
    csv = pd.read_csv(processed / "sentences.csv")
    assert {"sentence_id", "doc", "page", "text"} <= set(csv.columns)
    assert len(csv) == len(pd.read_parquet(processed / "sentences.parquet")) > 500
    executed = sorted(p.name for p in (full_run / "reports" / "notebooks").glob("*.ipynb"))
    assert executed == sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert not list(full_run.glob(".ianote-staging-*"))
    umask = os.umask(0)
    os.umask(umask)
    for path in (processed / "documents.csv", full_run / "reports" / "chiffres_cles.xlsx"):
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask, path  # as any file the user writes


TEXT_DTYPES = {"str", "string", "object"}  # an empty text column is read back as object


def test_every_table_written_is_the_catalogue_s(full_run):
    """A full run writes exactly the tables of `resources/tables.yaml`, each with its declared
    columns in order and their dtypes, as Parquet and CSV."""
    processed = full_run / "data" / "processed"
    assert sorted(p.stem for p in processed.glob("*.parquet")) == sorted(catalogue())
    assert sorted(p.stem for p in processed.glob("*.csv")) == sorted(catalogue())
    for name, spec in catalogue().items():
        table = pd.read_parquet(processed / f"{name}.parquet")
        assert list(table.columns) == list(spec.columns), name
        for column, declared in spec.columns.items():
            dtype = str(table[column].dtype)
            assert dtype == declared or (declared == "str" and dtype in TEXT_DTYPES), \
                (name, column, dtype)
        header = (processed / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == list(spec.columns), name


def test_analysis_html_is_self_contained_without_code(full_run):
    html = (full_run / "reports" / "analysis.html").read_text(encoding="utf-8")
    assert "Lecture du dossier" in html
    assert 'class="jp-InputArea' not in html and 'class="jp-CodeMirrorEditor' not in html
    assert "from ianote_lib" not in html and "ctx = context(" not in html
    assert not re.search(r"<script[^>]*src=", html)
    assert not re.search(r"<link[^>]*href=[\"']?https?:", html)
    assert "http://" not in html and "https://" not in html
    assert '<html lang="fr"' in html
    for alt in re.findall(r"<img [^>]*?alt=\"([^\"]*)\"", html):
        assert alt and alt != "Graphique"


def test_failed_rerun_keeps_previous_reports(full_run, tmp_path):
    report = full_run / "reports" / "analysis.html"
    before = report.read_bytes()
    bad = tmp_path / "tronque.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nxref\n0 3")
    done = ianote("run", "--dossier", str(bad), "--output-dir", str(full_run))
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    message = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(message) == 1 and "illisible" in message[0]
    assert report.read_bytes() == before
    assert not list(full_run.glob(".ianote-staging-*"))


def test_missing_dossier_is_one_sentence(tmp_path):
    done = ianote("run", "--dossier", str(tmp_path / "absent.txt"), "--output-dir", str(tmp_path))
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "introuvable" in done.stderr
    assert not (tmp_path / "reports").exists()


def test_failing_notebook_is_named_and_kept(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    shutil.copy(ROOT / "notebooks" / "01_lecture_dossier.ipynb", folder)
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    params = nbformat.v4.new_code_cell("dossier = None\noutput_dir = None")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell("x = 1"),
                nbformat.v4.new_code_cell("raise ValueError('colonne absente')")]
    nbformat.write(nb, str(folder / "02_casse.ipynb"))
    out = tmp_path / "out"
    with pytest.raises(IanoteError) as info:
        run(output_dir=out, folder=folder, log=lambda _: None)
    message = str(info.value)
    assert "02_casse" in message and "cellule" in message and "colonne absente" in message
    assert isinstance(info.value, NotebookError)
    assert info.value.notebook == "02_casse"  # the cell: its execution count in the kernel
    assert isinstance(info.value.cell, int) and f"cellule [{info.value.cell}]" in message
    assert (out / "reports" / "failed" / "02_casse.ipynb").exists()
    assert not (out / "reports" / "analysis.html").exists()
    assert not (out / "data" / "processed" / "documents.parquet").exists()


def test_a_notebook_raising_a_subclass_of_ianote_error_gives_its_own_message(tmp_path):
    """The runner knows every class of the errors' hierarchy by name, not only IanoteError:
    the notebook's own sentence is what the user reads, in French typography."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    params = nbformat.v4.new_code_cell("dossier = None\noutput_dir = None")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell(
        "from ianote_lib.errors import InputError\n"
        "raise InputError('Le fichier « x.pdf » est vide : donnez le PDF.')")]
    nbformat.write(nb, str(folder / "01_vide.ipynb"))
    with pytest.raises(NotebookError) as info:
        run(output_dir=tmp_path / "out", folder=folder, log=lambda _: None)
    assert str(info.value) == f"Le fichier «{NBSP}x.pdf{NBSP}» est vide{NBSP}: donnez le PDF."
    assert info.value.notebook == "01_vide" and info.value.cell == 3  # papermill adds a cell


def test_error_hierarchy_is_known_by_name():
    assert {"IanoteError", "InputError", "ParametersError", "OverridesError",
            "NotebookError"} <= error_names()
    for cls in (InputError, ParametersError, OverridesError, NotebookError):
        assert issubclass(cls, IanoteError)
    assert str(InputError("vide : donnez le PDF")) == "vide : donnez le PDF"  # typography: shown


def test_cli_error_message_has_french_typography(tmp_path, capsys):
    absent = tmp_path / "absent.txt"
    assert main(["run", "--dossier", str(absent), "--output-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == (f"ianote{NBSP}: erreur{NBSP}: Le dossier «{NBSP}{absent}{NBSP}» est "
                   f"introuvable{NBSP}: vérifiez le chemin donné.\n")
    params = tmp_path / "params.yml"
    params.write_text("- une liste\n", encoding="utf-8")
    assert main(["run", "--params", str(params)]) == 2
    assert f"doit contenir des paires nom{NBSP}: valeur." in capsys.readouterr().err


def test_help_documents_options_and_parameters():
    done = ianote("run", "--help")
    assert done.returncode == 0
    for word in ("--dossier", "--params", "--output-dir", "-p", "--verbose", "citations", "plan",
                 "overrides", "date"):
        assert word in done.stdout


def test_notebooks_share_a_kernel_but_not_their_variables(tmp_path):
    """The runner reuses one kernel: modules imported by a notebook stay, its variables go."""
    folder = tmp_path / "notebooks"
    folder.mkdir()

    def notebook(name: str, *sources: str) -> None:
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                     "language": "python"}
        params = nbformat.v4.new_code_cell("dossier = None\noutput_dir = None")
        params.metadata["tags"] = ["parameters"]
        nb.cells = [params, *(nbformat.v4.new_code_cell(s) for s in sources)]
        nbformat.write(nb, str(folder / name))

    notebook("01_premier.ipynb", "import os, sys\nsecret = 42\nprint(os.getpid())")
    notebook("02_second.ipynb",
             "assert 'secret' not in dir() and 'sys' not in dir(), 'variables leaked'",
             "import os, sys\nprint(os.getpid(), 'json' in sys.modules)")
    out = tmp_path / "out"
    result = run(output_dir=out, folder=folder, log=lambda _: None, use_cache=False)
    assert [nb.name for nb in result.notebooks] == ["01_premier", "02_second"]
    executed = out / "reports" / "notebooks"
    first = nbformat.read(str(executed / "01_premier.ipynb"), 4)
    second = nbformat.read(str(executed / "02_second.ipynb"), 4)
    pid_first = first.cells[-1].outputs[0]["text"].split()[0]
    pid_second = second.cells[-1].outputs[0]["text"].split()[0]
    assert pid_first == pid_second                     # one kernel process for the run


def test_a_notebook_that_names_its_inputs_runs_beside_the_others(tmp_path):
    """Notebook metadata `ianote.after` lets a notebook run in a second kernel as soon as the
    notebooks it reads are done; it sees their outputs and only theirs."""
    if parallel_workers() < 2:
        pytest.skip("one core: notebooks run one after the other")
    folder = tmp_path / "notebooks"
    folder.mkdir()

    def notebook(name: str, source: str, after: list[str] | None = None) -> None:
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                     "language": "python"}
        if after is not None:
            nb.metadata["ianote"] = {"after": after}
        params = nbformat.v4.new_code_cell("dossier = None\noutput_dir = None")
        params.metadata["tags"] = ["parameters"]
        nb.cells = [params, nbformat.v4.new_code_cell(source)]
        nbformat.write(nb, str(folder / name))

    stamp = ("import os, time\nfrom pathlib import Path\n"
             "d = Path(output_dir) / 'data' / 'processed'\nd.mkdir(parents=True, exist_ok=True)\n"
             "seen = sorted(p.name for p in d.iterdir())\nstart = time.time()\n"
             "time.sleep({sleep})\n"
             "(d / '{name}.txt').write_text(f'{{start}} {{time.time()}} {{os.getpid()}} '"
             " + ','.join(seen))\n")
    notebook("01_a.ipynb", stamp.format(sleep=0, name="a"))
    notebook("02_b.ipynb", stamp.format(sleep=3, name="b"))
    notebook("03_c.ipynb", stamp.format(sleep=3, name="c"), after=["01"])
    notebook("04_d.ipynb", stamp.format(sleep=0, name="d"))
    out = tmp_path / "out"
    run(output_dir=out, folder=folder, log=lambda _: None, use_cache=False)
    processed = out / "data" / "processed"
    rows = {n: (processed / f"{n}.txt").read_text().split(" ") for n in "abcd"}
    start_b, end_b, pid_b, _ = rows["b"]
    start_c, end_c, pid_c, seen_c = rows["c"]
    assert seen_c == "a.txt"                             # 03 reads 01 only, not 02's output
    assert pid_b != pid_c                                # two kernels …
    assert float(start_c) < float(end_b) and float(start_b) < float(end_c)   # … at once
    assert rows["d"][3] == "a.txt,b.txt,c.txt"           # by default: after every notebook
    assert [s.after for s in plan_stages(sorted(folder.glob("*.ipynb")))] == [
        [], ["01_a"], ["01_a"], ["01_a", "02_b", "03_c"]]
