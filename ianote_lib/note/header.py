"""The header block of the note: who writes to whom, when, on what, with which references."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ianote_lib.config import load_yaml
from ianote_lib.errors import IanoteError
from ianote_lib.fr.dates import french_date
from ianote_lib.fr.legal import distinct_texts, legal_references
from ianote_lib.note.text import (
    fill_template,
    french_typography,
    lower_first,
    style,
    title_case_words,
    upper_first,
)


def note_day(value: str | dt.date | None = None) -> dt.date:
    """The note's day: an ISO date or a date, today when empty; an unreadable date is
    refused."""
    if value is None or value == "":
        return dt.date.today()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise IanoteError(f"Date « {value} » illisible : attendu AAAA-MM-JJ.") from exc


def note_date(value: str | dt.date | None = None) -> str:
    """The note's date in words ('28 novembre 2026', `note_day`)."""
    return french_date(note_day(value).isoformat())


def tidy_object(objet: str) -> str:
    """The commande's object for the header: first letter upper, the capitals of title case
    (`note.text.title_case_words`) lower-cased."""
    words = []
    objet = objet.strip().rstrip(".")
    for word, lower in zip(objet.split(" "), title_case_words(objet), strict=True):
        if lower:
            head = re.split(r"['’]", word)
            if len(head) == 2 and head[1][:1].isupper() and not head[1].isupper():
                word = head[0] + "'" + lower_first(head[1])
            elif word[:1].isupper() and not word.isupper():
                word = lower_first(word)
        words.append(word)
    return french_typography(upper_first(" ".join(words)))


def without_listed_aside(objet: str) -> str:
    """The object as its header line names it: a parenthesis that lists what the note must
    cover (three items or more: « La police municipale dans les communes (missions…, effectifs…,
    convention de coordination…, …) ») is the commande's brief, not its object; an acronym or a
    name in parentheses stays (« (ZAN) », « (Petites villes de demain) »)."""
    return re.sub(r"\s*\((?:[^()]*,){2,}[^()]*\)\s*$", "", objet.strip()) or objet


def header_of(commande: Any, n_docs: int, date: str | dt.date | None) -> dict[str, str]:
    """Header block of the note from the commande (no name, no signature)."""
    defaults = load_yaml("commande.yaml")["defaults"]
    salutation = getattr(commande, "salutation", "") or defaults["salutation"]
    objet = str(getattr(commande, "object", "") or "")
    return {
        "collectivite": str(getattr(commande, "collectivite", "") or defaults["collectivite"]),
        "service": str(getattr(commande, "service", "") or ""),
        "date": note_date(date),
        "destinataire": f"NOTE à l'attention de {salutation}",
        "objet": tidy_object(without_listed_aside(objet)) if objet else defaults["object"],
        "references": fill_template(style()["header_references"]["dossier"], {"n": str(n_docs)}),
    }


def references_line(note: Any, n_docs: int, known: list[str] | None = None) -> str:
    """The header's « Références » : the texts of law the note names (`fr.legal`, each once by
    its fullest form, in the order of the note, `style.yaml header_references.most` at most;
    `known`, the texts the dossier names, tell which one a date alone names), then the
    dossier: « Décret du 27 janvier 2012 ; loi NOTRe du 7 août 2015 ; dossier de 6
    documents »."""
    conf = style()["header_references"]
    said = " ".join(s.text for p in note.paragraphs for s in p.sentences)
    texts = [re.sub(r"^(?:l['’]\s?|le |la |les )", "", ref)
             for ref in distinct_texts(legal_references(said), known or [])
             ][:int(conf["most"])]
    dossier = fill_template(conf["dossier"], {"n": str(n_docs)})
    return french_typography(" ; ".join([upper_first(texts[0]), *texts[1:], dossier])
                             if texts else dossier)
