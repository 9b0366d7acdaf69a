"""Charts and display tables of the use cases (notebook 03)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from ianote_lib.actors import ACTOR_TYPE_LABELS
from ianote_lib.plots import docs_label
from ianote_lib.report_tables import display_table
from ianote_lib.use_cases import doc_list, documents_by_domain

STATUS_ORDER = ["déployé", "expérimentation", "projet", "envisagé", "abandonné", "interdit"]
STATUS_COLORS = {"déployé": "#2f7d4f", "expérimentation": "#5aa0d8", "projet": "#f0b43c",
                 "envisagé": "#c9c9c9", "abandonné": "#8c5a3c", "interdit": "#c0392b"}
USE_CASE_HEADERS = {"use_case_id": "N°", "actor": "Acteur", "actor_type": "Type d'acteur",
                    "use": "Usage", "domain": "Domaine", "status": "Statut", "docs": "Documents",
                    "outcome": "Résultat chiffré", "evidence": "Phrase(s) source"}


def domain_status_figure(use_cases: pd.DataFrame) -> Figure:
    """Stacked horizontal bars: use cases by domain, coloured by status."""
    table = pd.crosstab(use_cases["domain"], use_cases["status"])
    table = table[[s for s in STATUS_ORDER if s in table.columns]]
    table = table.loc[table.sum(axis=1).sort_values().index]
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(table) + 1.8), dpi=100)
    ax.spines[["top", "right"]].set_visible(False)
    left = pd.Series(0, index=table.index)
    for status in table.columns:
        ax.barh(table.index, table[status], left=left, color=STATUS_COLORS[status], label=status)
        left = left + table[status]
    ax.set_xlabel("Nombre de cas d'usage")
    ax.set_title("Cas d'usage de l'IA par domaine et par statut")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(title="Statut", frameon=False, loc="lower right")
    docs = sorted({d for docs in use_cases["docs"] for d in doc_list(docs)})
    fig.text(0.01, -0.02, docs_label(docs), fontsize=8, color="#555")
    return fig


def use_cases_display(use_cases: pd.DataFrame, with_evidence: bool = False) -> pd.DataFrame:
    """The use cases with French headers and labels, for display (pandas escapes HTML);
    the evidence, when asked for, cut when very long."""
    cols = ["use_case_id", "actor", "actor_type", "use", "domain", "status", "docs", "outcome"]
    if with_evidence:
        cols.append("evidence")
    frame = use_cases[cols].copy()
    frame["actor_type"] = frame["actor_type"].map(lambda t: ACTOR_TYPE_LABELS.get(t, t))
    frame["docs"] = frame["docs"].str.replace(";", ", ")
    return display_table(frame.rename(columns=USE_CASE_HEADERS), "N°")


def domains_display(use_cases: pd.DataFrame, documents: pd.DataFrame | None = None
                    ) -> pd.DataFrame:
    """Documents × domains (`use_cases.documents_by_domain`) for display: the document as row
    header, one column per domain, then the total."""
    table = documents_by_domain(use_cases, documents)
    frame = table.rename(columns={"total": "Total"}).rename_axis(columns=None).reset_index()
    return display_table(frame.rename(columns={"doc": "Doc."}), "Doc.")
