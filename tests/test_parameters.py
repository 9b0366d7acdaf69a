"""Parameters are checked before any notebook runs: a misspelt name is refused with the closest
known one, and a date written unquoted in a YAML file runs as its ISO text."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from ianote_lib.errors import ParametersError
from ianote_lib.running.runner import check_parameters

ROOT = Path(__file__).resolve().parents[1]
KNOWN = {"date", "destinataire", "collectivite", "objet", "plan"}


def test_a_misspelt_parameter_is_refused_with_the_closest_name():
    with pytest.raises(ParametersError, match="« destinatair » : vouliez-vous dire « destinataire »"):
        check_parameters({"destinatair": "DGS"}, KNOWN)
    with pytest.raises(ParametersError, match="paramètres connus : collectivite, date"):
        check_parameters({"zzz": 1}, KNOWN)


def test_a_yaml_date_becomes_iso_text():
    checked = check_parameters({"date": dt.date(2025, 6, 30), "plan": "auto"}, KNOWN)
    assert checked == {"date": "2025-06-30", "plan": "auto"}


def _ianote(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ianote_lib", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


def test_the_cli_refuses_a_misspelt_parameter_before_running(tmp_path):
    done = _ianote("run", "--output-dir", str(tmp_path), "-p", "destinatair", "DGS")
    assert done.returncode == 2
    assert "vouliez-vous dire « destinataire »" in done.stderr.replace("\u00a0", " ")
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "reports").exists()          # no notebook ran


@pytest.mark.slow
def test_an_unquoted_yaml_date_runs(tmp_path):
    params = tmp_path / "params.yml"
    params.write_text("date: 2025-06-30\ncitations: doc\n", encoding="utf-8")
    out = tmp_path / "out"
    done = _ianote("run", "--output-dir", str(out), "--params", str(params))
    assert done.returncode == 0, done.stderr
    assert "30 juin 2025" in (out / "reports" / "note.md").read_text(encoding="utf-8")
    assert not pd.read_parquet(out / "data" / "processed" / "note_trace.parquet").empty
