"""Tables of `data/processed/`: each written as NAME.parquet and NAME.csv (UTF-8, comma, header).

Every table is declared once, in `resources/tables.yaml` (the catalogue): the notebook that
writes it and its columns with their dtypes. `write_table` refuses a frame that lacks a declared
column, `read_table` a name the catalogue does not know.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from ianote_lib.config import load_yaml
from ianote_lib.errors import IanoteError

CATALOGUE = "tables.yaml"


@dataclass(frozen=True)
class TableSpec:
    """One table of the catalogue."""

    name: str
    description: str
    notebook: str  # the notebook that writes it (file stem)
    columns: dict[str, str]  # every column written, in order, with its dtype once read back
    optional: tuple[str, ...] = ()  # written, but not read by later stages

    @property
    def required(self) -> list[str]:
        """The columns a table of this name must have (its minimum columns)."""
        return [c for c in self.columns if c not in self.optional]


@cache
def catalogue() -> dict[str, TableSpec]:
    """Every table of `data/processed/`, by name, in pipeline order."""
    return {
        name: TableSpec(name=name, description=entry["description"],
                        notebook=entry["notebook"], columns=dict(entry["columns"]),
                        optional=tuple(entry.get("optional", ())))
        for name, entry in load_yaml(CATALOGUE).items()
    }


def table_spec(name: str) -> TableSpec:
    """The catalogue's entry for `name`; ValueError for a table it does not declare."""
    try:
        return catalogue()[name]
    except KeyError:
        raise ValueError(f"table {name!r} is not declared in resources/{CATALOGUE}") from None


def missing_columns(frame: pd.DataFrame, name: str) -> list[str]:
    """The required columns of table `name` that `frame` lacks."""
    present = set(frame.columns)
    return [c for c in table_spec(name).required if c not in present]


def atomic_write(path: Path, write: Callable[[str], object], suffix: str = ".tmp") -> Path:
    """Call `write(tmp)` on a temporary file beside `path`, then move it into place: readers
    never see a half-written file. The file gets the usual permissions (0666 less umask)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=suffix)
    os.close(fd)
    try:
        write(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_table(df: pd.DataFrame, name: str, processed_dir: str | Path) -> Path:
    """Write `df` as NAME.parquet and NAME.csv in `processed_dir`; return the Parquet path.

    `df` must have the columns the catalogue declares for `name` (ValueError otherwise)."""
    missing = missing_columns(df, name)
    if missing:
        raise ValueError(f"table {name!r} lacks the declared columns {missing}")
    processed_dir = Path(processed_dir)
    frame = df.reset_index(drop=True)
    parquet = processed_dir / f"{name}.parquet"
    atomic_write(parquet, lambda tmp: frame.to_parquet(tmp, index=False))
    atomic_write(processed_dir / f"{name}.csv",
                  lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8"))
    return parquet


def read_table(name: str, processed_dir: str | Path) -> pd.DataFrame:
    """Read NAME.parquet written by an earlier notebook of the pipeline (a table of the
    catalogue, with its required columns)."""
    table_spec(name)
    path = Path(processed_dir) / f"{name}.parquet"
    if not path.exists():
        raise IanoteError(
            f"La table « {name} » est absente de {processed_dir} : exécutez d'abord les "
            "carnets précédents (ou `ianote run`)."
        )
    frame = pd.read_parquet(path)
    missing = missing_columns(frame, name)
    if missing:
        raise IanoteError(
            f"La table « {name} » de {processed_dir} n'a pas les colonnes {', '.join(missing)} : "
            "relancez `ianote run` pour l'écrire à nouveau."
        )
    return frame
