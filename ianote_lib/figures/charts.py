"""Charts of the key figures (French labels; each says which documents it draws on).

Every function takes the `figures` table and returns a matplotlib Figure (save it with
`reports.plots.save`), or None when the dossier has no figure of its kind (the notebook then
says so in a sentence: `reports.plots.publish`). Amounts of money are never converted between
currencies: euros and dollars are drawn in separate panels.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from ianote_lib.figures.category import category_labels
from ianote_lib.figures.figure import is_unit_reference
from ianote_lib.figures.values import french_value
from ianote_lib.fr.normalize import NBSP
from ianote_lib.reports.plots import docs_label, new_figure

COLORS = {"cost": "#b5473a", "funding": "#2f5d8a", "co2": "#6b6b6b", "water": "#3a8fb5",
          "energy": "#d29a2c", "jobs": "#6a8a3a", "usage": "#8a6a9a", "performance": "#3a9a7a",
          "adoption": "#9a7a3a", "population": "#aa5a7a", "other": "#bbbbbb"}


def _label(row: pd.Series, width: int = 55) -> str:
    text = f"doc.{NBSP}{row.doc} — {row.text}"
    if row.subject:
        text += f" ({row.subject})"
    return textwrap.shorten(text, width=width, placeholder="…")


def _footer(fig: Figure, docs) -> None:
    fig.text(0.01, -0.02, docs_label(docs), fontsize=8, color="#555")


def _hbars(ax, frame: pd.DataFrame, log: bool, unit_label: str) -> None:
    frame = frame.reset_index(drop=True)
    labels = [_label(r) for r in frame.itertuples()]
    y = range(len(frame))
    colors = [COLORS.get(c, "#888") for c in frame["category"]]
    ax.barh(list(y), frame["value"], color=colors)
    high = frame["value_high"].fillna(frame["value"])
    for i, (low, top) in enumerate(zip(frame["value"], high, strict=True)):
        if top > low:
            ax.plot([low, top], [i, i], color="black", lw=2)  # a range: low to high
        ax.text(top, i, f" {french_value(low, frame.loc[i, 'unit'], None if top == low else top)}",
                va="center", fontsize=7)
    ax.set_yticks(list(y), labels, fontsize=7)
    ax.invert_yaxis()
    if log:
        ax.set_xscale("log")
    ax.set_xlabel(unit_label)


def money_chart(figures: pd.DataFrame) -> Figure | None:
    """Amounts of money on a log scale, euros and dollars in separate panels."""
    title = "Montants cités dans le dossier (échelle logarithmique)"
    money = figures[figures["unit"].isin(["EUR", "USD"])].sort_values("value", ascending=False)
    if money.empty:
        return None
    panels = [(u, money[money["unit"] == u]) for u in ("EUR", "USD")]
    panels = [(u, f) for u, f in panels if not f.empty]
    heights = [max(len(f), 1) for _, f in panels]
    fig, axes = plt.subplots(len(panels), 1, figsize=(10, 0.32 * sum(heights) + 1.5 * len(panels)),
                             gridspec_kw={"height_ratios": heights}, squeeze=False, dpi=100)
    for ax, (unit, frame) in zip(axes[:, 0], panels, strict=True):
        name = "euros" if unit == "EUR" else "dollars (non convertis)"
        _hbars(ax, frame, log=True, unit_label=f"Montant en {name}")
        ax.set_title(f"En {name}", fontsize=10, loc="left")
        ax.spines[["top", "right"]].set_visible(False)
    handles = [plt.Rectangle((0, 0), 1, 1, color=COLORS[c]) for c in ("cost", "funding", "other")]
    labels = category_labels()
    fig.legend(handles, [labels["cost"], labels["funding"], labels["other"]], loc="upper right",
               fontsize=8)
    fig.suptitle(title)
    fig.tight_layout()
    _footer(fig, money["doc"])
    return fig


def co2_chart(figures: pd.DataFrame) -> Figure | None:
    """CO2 figures with the equivalences printed in the same sentence, side by side."""
    title = "Émissions de CO2 citées et leurs équivalences"
    co2 = figures[figures["unit"].isin(["tCO2e", "gCO2e"])]
    if co2.empty:
        return None
    related = figures[figures["sentence_id"].isin(co2["sentence_id"])
                      & (figures["category"] == "co2") & ~figures["unit"].isin(
                          ["tCO2e", "gCO2e", "year"])]
    panels = [(u, co2[co2["unit"] == u]) for u in ("tCO2e", "gCO2e")]
    panels = [(u, f) for u, f in panels if not f.empty]
    fig, axes = plt.subplots(1, len(panels), figsize=(12, 0.6 * max(len(f) for _, f in panels)
                                                      + 2.2), squeeze=False, dpi=100)
    for ax, (unit, frame) in zip(axes[0], panels, strict=True):
        frame = frame.reset_index(drop=True)
        ax.barh(range(len(frame)), frame["value"], color=COLORS["co2"])
        labels = []
        for row in frame.itertuples():
            eq = related[related["sentence_id"] == row.sentence_id]["text"].tolist()
            extra = f"\navec{NBSP}: {', '.join(eq)}" if eq else ""
            labels.append(textwrap.shorten(f"doc.{NBSP}{row.doc} — {row.text}", 45) + extra)
            ax.text(row.value, row.Index, f" {french_value(row.value, unit)}", va="center",
                    fontsize=8)
        ax.set_yticks(range(len(frame)), labels, fontsize=7)
        ax.invert_yaxis()
        ax.set_xlabel("tonnes équivalent CO2" if unit == "tCO2e" else "grammes équivalent CO2")
        ax.set_title("En tonnes" if unit == "tCO2e" else "En grammes (par unité)",
                     fontsize=10, loc="left")
        ax.spines[["top", "right"]].set_visible(False)
    others = figures[figures["sentence_id"].isin(figures[figures["category"] == "co2"][
        "sentence_id"]) & (figures["unit"] == "km")]
    if not others.empty:
        listed = f"{NBSP}; ".join(f"{r.text} (doc.{NBSP}{r.doc})" for r in others.itertuples())
        fig.text(0.01, -0.06, f"Autres équivalences citées sans masse de CO2{NBSP}: {listed}",
                 fontsize=8)
    fig.suptitle(title)
    fig.tight_layout()
    _footer(fig, pd.concat([co2["doc"], others["doc"]]))
    return fig


def water_chart(figures: pd.DataFrame) -> Figure | None:
    """Water figures: volumes in cubic metres and in litres, one panel each (a logarithmic
    scale when they span more than two orders of magnitude); units of reference (« un mètre
    cube ») are left out, the count a volume is compared with (« soit la consommation de
    3 800 habitants ») joins its label."""
    title = "Volumes d'eau cités"
    water = figures[figures["unit"].isin(["m3", "L"])]
    reference = [is_unit_reference(t, v) for t, v in zip(water["text"], water["value"],
                                                          strict=True)]
    water = water[[not r for r in reference]]
    if water.empty:
        return None
    panels = [(u, water[water["unit"] == u].sort_values("value", ascending=False))
              for u in ("m3", "L")]
    panels = [(u, f) for u, f in panels if not f.empty]
    heights = [len(f) for _, f in panels]
    fig, axes = plt.subplots(len(panels), 1, figsize=(10, 0.32 * sum(heights) + 1.5 * len(panels)),
                             gridspec_kw={"height_ratios": heights}, squeeze=False, dpi=100)
    counts = figures[figures["unit"] == "count"]
    for ax, (unit, frame) in zip(axes[:, 0], panels, strict=True):
        frame = frame.copy()
        compared = {sid: f"pour {text}" for sid, text in zip(counts["sentence_id"],
                                                            counts["text"], strict=True)}
        frame["subject"] = [", ".join(x for x in (subj, compared.get(sid, "")) if x)
                            for subj, sid in zip(frame["subject"], frame["sentence_id"],
                                                 strict=True)]
        span = frame["value"].max() / max(frame["value"].min(), 1e-9)
        _hbars(ax, frame, log=span > 100,
               unit_label="mètres cubes" if unit == "m3" else "litres")
        ax.set_title("En mètres cubes" if unit == "m3" else "En litres", fontsize=10, loc="left")
        ax.spines[["top", "right"]].set_visible(False)
    fig.suptitle(title + (" (échelle logarithmique quand les valeurs s'étalent)"
                          if len(water) > 1 else ""))
    fig.tight_layout()
    _footer(fig, water["doc"])
    return fig


def jobs_chart(figures: pd.DataFrame) -> Figure | None:
    """Jobs and productivity estimates: shares (with their ranges) and counts."""
    title = f"Emploi et productivité{NBSP}: estimations citées"
    jobs = figures[figures["category"] == "jobs"]
    shares = jobs[jobs["unit"] == "%"]
    counts = jobs[(jobs["unit"] == "count") & (jobs["value"] >= 1000)]
    if shares.empty and counts.empty:
        return None
    panels = [(f, lab, log) for f, lab, log in ((shares, "Part (%)", False),
                                                 (counts, "Nombre (échelle log.)", True))
              if not f.empty]
    fig, axes = plt.subplots(1, len(panels), figsize=(11, 0.5 * max(len(f) for f, _, _ in panels)
                                                      + 1.8), squeeze=False, dpi=100)
    for ax, (frame, label, log) in zip(axes[0], panels, strict=True):
        _hbars(ax, frame.sort_values("value", ascending=False), log=log, unit_label=label)
        ax.spines[["top", "right"]].set_visible(False)
    fig.suptitle(title)
    fig.tight_layout()
    _footer(fig, jobs["doc"])
    return fig


def figures_per_document(figures: pd.DataFrame) -> Figure | None:
    """Number of figures per document, by category (stacked bars)."""
    title = "Nombre de chiffres par document et par catégorie"
    if figures.empty:
        return None
    table = figures.pivot_table(index="doc", columns="category", values="figure_id",
                                aggfunc="count", fill_value=0).sort_index()
    labels = category_labels()
    fig, ax = new_figure(10, 4.5)
    bottom = pd.Series(0, index=table.index)
    for category in [c for c in COLORS if c in table.columns]:
        ax.bar([f"doc.{NBSP}{d}" for d in table.index], table[category], bottom=bottom,
               color=COLORS[category], label=labels.get(category, category))
        bottom += table[category]
    ax.set_ylabel("Nombre de chiffres")
    ax.set_title(title)
    ax.legend(fontsize=7, ncols=2, frameon=False)
    ax.tick_params(axis="x", labelsize=8)
    _footer(fig, table.index)
    return fig
