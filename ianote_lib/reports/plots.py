"""Common chart helpers: a sober style, French number formatting, saving PNG files."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from ianote_lib.fr.names import and_list
from ianote_lib.fr.normalize import NBSP
from ianote_lib.fr.numbers import french_number

# zlib level 3 instead of Pillow's 6: the same pixels, files no larger on these charts and
# word clouds, encoded in two thirds of the time
PNG_OPTIONS = {"compress_level": 3}


def docs_label(docs) -> str:
    """'Source : doc. 1, 4 et 11' for a chart footer."""
    numbers = sorted({int(d) for d in docs})
    if not numbers:
        return ""
    return f"Source{NBSP}: doc. {and_list(numbers)}"


def new_figure(width: float = 9, height: float = 4.5) -> tuple[Figure, plt.Axes]:
    fig, ax = plt.subplots(figsize=(width, height), dpi=100)
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def save(fig: Figure, path: str | Path) -> Path:
    """Save a figure as PNG (deterministic metadata) and return its path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="png", bbox_inches="tight", metadata={"Software": None},
                pil_kwargs=PNG_OPTIONS)
    return path


def words_per_document(documents: pd.DataFrame) -> Figure:
    """Horizontal bar chart of the number of words of each document."""
    frame = documents.sort_values("doc", ascending=False)
    fig, ax = new_figure(9, 0.35 * len(frame) + 1.2)
    labels = [f"doc. {d}" for d in frame["doc"]]
    ax.barh(labels, frame["n_words"], color="#2f5d8a")
    for y, value in enumerate(frame["n_words"]):
        ax.text(value, y, f" {french_number(value, 0, fixed=True)}", va="center", fontsize=8)
    ax.set_xlabel("Nombre de mots")
    ax.set_title("Longueur des documents du dossier")
    fig.text(0.01, -0.02, docs_label(frame["doc"]), fontsize=8, color="#555")
    return fig


NOTHING_TO_DRAW = "Rien à représenter pour ce dossier."


def publish(fig: Figure | None, path: str | Path, alt: str | None = None, empty: str = ""):
    """Save `fig` as PNG, close it, and return it as an image output for the notebook (shown
    once, with a French alternative text when given). A chart function returns None when the
    dossier gives it nothing to draw: no file is written (an older one is removed) and the
    notebook shows the French sentence `empty` instead of an empty chart."""
    from IPython.display import Image, Markdown

    if fig is None:
        Path(path).unlink(missing_ok=True)
        return Markdown(f"*{empty or NOTHING_TO_DRAW}*")
    saved = save(fig, path)
    plt.close(fig)
    metadata = {"alt": alt} if alt else None
    return Image(data=saved.read_bytes(), format="png", metadata=metadata)
