"""Tables as the analyst and the direction read them: French headers, escaped text."""

from __future__ import annotations

import pandas as pd

from ianote_lib.safe_text import md_escape
from ianote_lib.segmentation import Commande

DOCUMENT_HEADERS = {
    "doc": "N°", "title": "Titre", "source": "Source", "authors": "Auteurs", "date": "Date",
    "declared_pages": "Pages annoncées", "first_page": "Première page",
    "last_page": "Dernière page", "n_words": "Mots", "n_sentences": "Phrases",
}
SENTENCE_HEADERS = {"sentence_id": "Identifiant", "doc": "Doc.", "page": "Page", "kind": "Type",
                    "text": "Texte"}


def commande_markdown(commande: Commande) -> str:
    """The commande as a Markdown list (escaped: it comes from the dossier)."""
    rows = [
        ("Auteur", f"{commande.author_grade}, {commande.author_role}".strip(", ")),
        ("Collectivité", commande.collectivite
         + (f" ({commande.population:,} habitants)".replace(",", "\u202f")
            if commande.population else "")),
        ("Service", commande.service),
        ("Destinataire", commande.salutation),
        ("Objet", commande.object),
        ("Contrainte", commande.constraint),
    ]
    lines = [f"- **{label}\u00a0:** {md_escape(value) if value else '—'}" for label, value in rows]
    return "\n".join(lines)


def commande_fields(table: pd.DataFrame) -> dict[str, str]:
    """The two-column `commande` table (field, value) written by notebook 01 as a dict
    (missing values as empty strings)."""
    return {str(f): ("" if pd.isna(v) else str(v))
            for f, v in zip(table["field"], table["value"], strict=True)}


def documents_display(documents: pd.DataFrame) -> pd.DataFrame:
    """The documents table with French headers, for display."""
    cols = [c for c in DOCUMENT_HEADERS if c in documents.columns]
    return documents[cols].rename(columns=DOCUMENT_HEADERS).set_index("N°")


def sentences_sample(sentences: pd.DataFrame, per_document: int = 2) -> pd.DataFrame:
    """The first quotable sentences of each document, for display."""
    quotable = sentences[sentences["quotable"]]
    sample = quotable.groupby("doc", group_keys=False).head(per_document)
    cols = list(SENTENCE_HEADERS)
    return sample[cols].rename(columns=SENTENCE_HEADERS).set_index("Identifiant")
