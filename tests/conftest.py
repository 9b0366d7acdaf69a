"""Shared fixtures: the embedded dossier, read once per test session, and one full `ianote run`
of it (the pipeline tests and the browser tests share that run)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ianote_lib.context import default_dossier
from ianote_lib.reading.dossier import Dossier, load_dossier


def pytest_configure(config: pytest.Config) -> None:
    """The parse cache of the test session (and of the runs it starts) lives in a temporary
    folder, not in the user's home: every session parses afresh."""
    import os
    import tempfile

    os.environ.setdefault("IANOTE_PARSE_CACHE", tempfile.mkdtemp(prefix="ianote-parse-"))


@pytest.fixture(scope="session")
def dossier() -> Dossier:
    return load_dossier(default_dossier())


@pytest.fixture(scope="session")
def sentences(dossier: Dossier):
    return dossier.sentences


@pytest.fixture(scope="session")
def full_run(tmp_path_factory) -> Path:
    """`ianote run` of the embedded dossier into a temporary output folder, once per session."""
    out = tmp_path_factory.mktemp("run")
    done = subprocess.run(
        [sys.executable, "-m", "ianote_lib", "run", "--output-dir", str(out),
         "-p", "date", "2026-11-28"],
        cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    assert "01_lecture_dossier" in done.stdout
    return out
