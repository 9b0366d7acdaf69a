"""The tables of notebook 01 as the analyst reads them: the commande, the documents, a sample of
sentences (French headers and labels, through `reports.display.display_table`)."""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd

from ianote_lib.fr.normalize import NBSP
from ianote_lib.fr.numbers import french_number
from ianote_lib.reading.commande import Commande
from ianote_lib.reading.dossier import commande_from_table
from ianote_lib.reports.display import display_table
from ianote_lib.safe_text import md_escape

DOCUMENT_HEADERS = {
    "doc": "N°", "title": "Titre", "source": "Source", "authors": "Auteurs", "date": "Date",
    "declared_pages": "Pages annoncées", "first_page": "Première page",
    "last_page": "Dernière page", "n_words": "Mots", "n_sentences": "Phrases",
}
SENTENCE_HEADERS = {"sentence_id": "Identifiant", "doc": "Doc.", "page": "Page", "kind": "Type",
                    "text": "Texte"}
SENTENCE_KIND_LABELS = {"sentence": "phrase", "bullet": "élément de liste",
                        "heading": "intertitre", "title": "titre", "fragment": "fragment"}


def commande_markdown(commande: Commande) -> str:
    """The commande as a Markdown list (escaped: it comes from the dossier)."""
    rows = [
        ("Auteur", f"{commande.author_grade}, {commande.author_role}".strip(", ")),
        ("Collectivité", commande.collectivite
         + (f" ({french_number(commande.population)} habitants)"
            if commande.population else "")),
        ("Service", commande.service),
        ("Destinataire", commande.salutation),
        ("Objet", commande.object),
        ("Contrainte", commande.constraint),
    ]
    lines = [f"- **{label}{NBSP}:** {md_escape(value) if value else '—'}" for label, value in rows]
    return "\n".join(lines)


def commande_fields(table: pd.DataFrame) -> dict[str, str]:
    """The `commande` table written by notebook 01 as a dict of its fields (read through
    `commande_from_table`; missing values as empty strings)."""
    return {name: "" if value is None else str(value)
            for name, value in asdict(commande_from_table(table)).items()}


def documents_display(documents: pd.DataFrame) -> pd.DataFrame:
    """The documents table, for display: French headers, dates in words, N° as row header."""
    cols = [c for c in DOCUMENT_HEADERS if c in documents.columns]
    return display_table(documents[cols].rename(columns=DOCUMENT_HEADERS), "N°",
                         dates=["Date"])


def sentences_sample(sentences: pd.DataFrame, per_document: int = 2) -> pd.DataFrame:
    """The first quotable sentences of each document, for display."""
    quotable = sentences[sentences["quotable"]]
    sample = quotable.groupby("doc", group_keys=False).head(per_document)
    sample = sample[list(SENTENCE_HEADERS)].assign(
        kind=sample["kind"].map(SENTENCE_KIND_LABELS).fillna(sample["kind"]))
    return display_table(sample.rename(columns=SENTENCE_HEADERS), "Identifiant")
