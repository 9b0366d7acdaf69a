"""Project hygiene: build files agree, notebooks are committed clean, README commands exist."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(spec: str) -> str:
    return re.split(r"[<>=!~\[ ]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _spec(spec: str) -> str:
    return spec.replace(" ", "").lower().replace("_", "-")


def test_environment_yml_agrees_with_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["dev"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda, pip = [], []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip.extend(d for d in dep["pip"] if not d.startswith("-e"))
        elif not dep.startswith(("python", "pip")):
            conda.append(dep)
    assert sorted(map(_spec, conda + pip)) == sorted(map(_spec, wanted))
    assert "python=3.11" in env["dependencies"]
    assert project["requires-python"].startswith(">=3.11")
    nbconvert = next(d for d in wanted if _name(d) == "nbconvert")
    assert nbconvert.endswith(">=7.17.1")


def test_notebooks_are_clean_numbered_and_parameterised():
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert notebooks and all(re.match(r"\d\d_", p.name) for p in notebooks)
    for path in notebooks:
        nb = nbformat.read(str(path), as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert all(not c.outputs and c.execution_count is None for c in code), path.name
        params = [c for c in code if "parameters" in c.metadata.get("tags", [])]
        assert len(params) == 1, path.name
        assert "dossier = None" in params[0].source and "output_dir = None" in params[0].source
        assert nb.metadata["kernelspec"]["name"] == "python3"


def test_readme_commands_and_ci():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme and "make lab" in readme
    assert "cron" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"(?m)^run:", makefile) and re.search(r"(?m)^test:", makefile)


def test_readme_lists_the_tables_of_the_catalogue():
    """The README's table of tables names every table of `resources/tables.yaml`, the notebook
    that writes it and its minimum columns, in the catalogue's order."""
    from ianote_lib.tables import catalogue

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Tables\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"(?m)^\| `(\w+)` \| `(\w+)` \| (.*) \|$", section)
    listed = [(name, notebook, re.findall(r"`(\w+)`", columns))
              for name, notebook, columns in rows]
    expected = [(spec.name, spec.notebook, spec.required) for spec in catalogue().values()]
    assert listed == expected
    notebooks = {p.stem for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert {spec.notebook for spec in catalogue().values()} <= notebooks
