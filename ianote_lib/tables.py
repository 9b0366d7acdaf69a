"""Tables of `data/processed/`: each written as NAME.parquet and NAME.csv (UTF-8, comma, header)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ianote_lib.errors import IanoteError


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
    """Write `df` as NAME.parquet and NAME.csv in `processed_dir`; return the Parquet path."""
    processed_dir = Path(processed_dir)
    frame = df.reset_index(drop=True)
    parquet = processed_dir / f"{name}.parquet"
    atomic_write(parquet, lambda tmp: frame.to_parquet(tmp, index=False))
    atomic_write(processed_dir / f"{name}.csv",
                  lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8"))
    return parquet


def read_table(name: str, processed_dir: str | Path) -> pd.DataFrame:
    """Read NAME.parquet written by an earlier notebook of the pipeline."""
    path = Path(processed_dir) / f"{name}.parquet"
    if not path.exists():
        raise IanoteError(
            f"La table « {name} » est absente de {processed_dir} : exécutez d'abord les "
            "carnets précédents (ou `ianote run`)."
        )
    return pd.read_parquet(path)
