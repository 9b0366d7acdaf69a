"""Shared fixtures: the embedded dossier, read once per test session."""

from __future__ import annotations

import pytest

from ianote_lib.context import default_dossier
from ianote_lib.dossier import Dossier, load_dossier


@pytest.fixture(scope="session")
def dossier() -> Dossier:
    return load_dossier(default_dossier())


@pytest.fixture(scope="session")
def sentences(dossier: Dossier):
    return dossier.sentences
