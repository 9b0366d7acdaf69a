"""Charts and display tables of the use cases (notebook 03)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from ianote_lib.fr.normalize import NBSP
from ianote_lib.reports.display import display_table
from ianote_lib.reports.plots import docs_label
from ianote_lib.use_cases.actors import ACTOR_TYPE_LABELS
from ianote_lib.use_cases.detection import doc_list, documents_by_domain, technology

STATUS_ORDER = ["déployé", "expérimentation", "projet", "envisagé", "abandonné", "interdit"]
STATUS_COLORS = {"déployé": "#2f7d4f", "expérimentation": "#5aa0d8", "projet": "#f0b43c",
                 "envisagé": "#c9c9c9", "abandonné": "#8c5a3c", "interdit": "#c0392b"}
USE_CASE_HEADERS = {"use_case_id": "N°", "actor": "Acteur", "actor_type": "Type d'acteur",
                    "use": "Usage", "domain": "Domaine", "status": "Statut", "docs": "Documents",
                    "outcome": "Résultat chiffré", "evidence": "Phrase(s) source"}


def domain_status_figure(use_cases: pd.DataFrame) -> Figure | None:
    """Stacked horizontal bars: use cases by domain, coloured by status (None: no use case)."""
    if use_cases.empty:
        return None
    table = pd.crosstab(use_cases["domain"], use_cases["status"])
    table = table[[s for s in STATUS_ORDER if s in table.columns]]
    table = table.loc[table.sum(axis=1).sort_values().index]
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(table) + 1.8), dpi=100)
    ax.spines[["top", "right"]].set_visible(False)
    left = pd.Series(0, index=table.index)
    for status in table.columns:
        ax.barh(table.index, table[status], left=left, color=STATUS_COLORS[status], label=status)
        left = left + table[status]
    ax.set_xlabel("Nombre d'initiatives et de cas d'usage")
    ax.set_title("Cas d'usage et initiatives par domaine et par statut")
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


def use_cases_summary(use_cases: pd.DataFrame, with_figures: bool, n_documents: int) -> str:
    """The notebook's opening count of the use cases, in French (Markdown); when the dossier
    tells none, a sentence that says so and why it can be so."""
    tech = technology()
    if use_cases.empty:
        return (f"**Aucune initiative ni aucun cas d'usage** n'est relevé dans les "
                f"{n_documents} documents{NBSP}: aucune phrase n'y raconte ce qu'un organisme "
                "public nommé a lancé, déployé, expérimenté, financé ou mis en place (un outil, "
                f"un programme, un fonds, une règle appliquée), ni l'usage de {tech['name']} "
                f"par l'un d'eux{NBSP}: les tableaux et le graphique de ce carnet restent vides, "
                "et la note n'a pas de sous-partie consacrée aux initiatives.")
    n_docs = len({d for docs in use_cases["docs"] for d in doc_list(docs)})
    shared = int(use_cases["docs"].str.contains(";").sum())
    link = ("Les résultats chiffrés sont reliés à la table `figures`." if with_figures else
            f"La table `figures` n'existe pas encore{NBSP}: les résultats chiffrés sont repris "
            "tels quels des phrases, sans lien vers elle.")
    return (f"**{len(use_cases)} initiatives et cas d'usage** (dont ceux de {tech['short']}) "
            f"relevés dans **{n_docs} documents**{NBSP}; {shared} sont racontés par plusieurs "
            f"documents. {link}")
