"""Where a notebook reads its dossier and writes its outputs, from its parameters."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_DOSSIER_NAME = "dossier_ia_collectivites_2024.txt"


def project_root() -> Path:
    """The project folder (the one holding `data/raw/`), found from the package's location or,
    for an installed package, from the working directory."""
    for base in (PACKAGE_DIR.parent, Path.cwd(), *Path.cwd().parents):
        if (base / "data" / "raw").is_dir() and (base / "notebooks").is_dir():
            return base
    return Path.cwd()


def default_dossier() -> Path:
    """The embedded dossier in `data/raw/`."""
    return project_root() / "data" / "raw" / DEFAULT_DOSSIER_NAME


@dataclass(frozen=True)
class RunContext:
    """Input and output locations of one run."""

    dossier: Path
    output_dir: Path

    @property
    def processed(self) -> Path:
        return self.output_dir / "data" / "processed"

    @property
    def figures(self) -> Path:
        return self.output_dir / "figures"

    @property
    def reports(self) -> Path:
        return self.output_dir / "reports"

    def ensure(self) -> RunContext:
        for folder in (self.processed, self.figures, self.reports):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def context(dossier: str | Path | None = None, output_dir: str | Path | None = None) -> RunContext:
    """Run context from notebook parameters (None means the embedded dossier / project root).

    Also sets pandas' display so that tables show whole titles and sentences."""
    import pandas as pd  # here, not at the top: the runner imports this module (start-up)

    pd.set_option("display.max_colwidth", 400)
    pd.set_option("display.max_rows", 300)
    return RunContext(
        dossier=Path(dossier) if dossier else default_dossier(),
        output_dir=Path(output_dir) if output_dir else project_root(),
    ).ensure()
