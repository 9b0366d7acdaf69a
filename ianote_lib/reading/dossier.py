"""The dossier as pandas tables: documents, paragraphs, sentences."""

from __future__ import annotations

import typing
import warnings
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

import pandas as pd

from ianote_lib.fr.normalize import normalize, word_count
from ianote_lib.reading.commande import Commande, objet_axes, recipient_of
from ianote_lib.reading.folder import read_folder, segment_folder, skipped_notes
from ianote_lib.reading.readers import check_path, read_dossier
from ianote_lib.reading.segmentation import Segmentation, SegmentationWarning, segment
from ianote_lib.reading.sentences import build_paragraphs, restitch, sentences_of

DOCUMENT_COLUMNS = ["doc", "title", "source", "authors", "date", "declared_pages", "first_page",
                    "last_page", "n_words", "n_sentences"]
SENTENCE_COLUMNS = ["sentence_id", "doc", "page", "paragraph_id", "kind", "quotable", "text",
                    "norm", "line_no"]
PARAGRAPH_COLUMNS = ["paragraph_id", "doc", "page", "kind", "text"]


@dataclass
class Dossier:
    """A read and segmented dossier."""

    path: Path
    kind: str
    commande: Commande
    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    boilerplate: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    total_pages: int | None = None

    def commande_table(self) -> pd.DataFrame:
        """The commande as a two-column table (field, value) for display and storage."""
        return commande_table(self.commande)


def commande_table(commande: Commande) -> pd.DataFrame:
    """The `commande` table: one (field, value) row per field, values as text (None as "")."""
    rows = [(k, "" if v is None else str(v)) for k, v in asdict(commande).items()]
    return pd.DataFrame(rows, columns=["field", "value"])


def commande_from_table(table: pd.DataFrame) -> Commande:
    """The `Commande` written as the `commande` table (`commande_table`), typed again: an
    integer field comes back as an int, or None when it was empty; unknown fields are left out."""
    values = {str(f): ("" if pd.isna(v) else str(v))
              for f, v in zip(table["field"], table["value"], strict=True)}
    hints = typing.get_type_hints(Commande)
    typed: dict[str, object] = {}
    for spec in fields(Commande):
        if spec.name not in values:
            continue
        text = values[spec.name]
        if int in typing.get_args(hints[spec.name]) or hints[spec.name] is int:
            typed[spec.name] = int(text) if text.strip() else None
        else:
            typed[spec.name] = text
    return Commande(**typed)


def load_dossier(path: str | Path) -> Dossier:
    """Read, segment and split a dossier (one file, or a folder of one file per document)
    into its tables."""
    path = Path(path)
    check_path(path)
    if path.is_dir():
        return build_tables(path, "folder",
                            segment_folder(read_folder(path), skipped_notes(path)))
    raw = read_dossier(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SegmentationWarning)
        seg = segment(raw)
    return build_tables(raw.path, raw.kind, seg)


def with_parameters(commande: Commande, destinataire: str | None = None,
                    collectivite: str | None = None, objet: str | None = None) -> Commande:
    """The commande with the run's parameters in place of what the dossier says (a folder of
    documents has no commande: the parameters are then its only source)."""
    changes: dict[str, object] = {}
    if destinataire and destinataire.strip():
        title, gender, salutation = recipient_of(destinataire)
        changes.update(recipient_title=title or destinataire.strip(), recipient_gender=gender,
                       salutation=salutation or destinataire.strip())
    if collectivite and collectivite.strip():
        changes.update(collectivite=collectivite.strip(), population=None)
    if objet and objet.strip():
        changes["object"] = objet.strip()
        if not commande.axes:
            # (a folder has no commande: the aspects the object lists are its axes)
            changes["axes"] = " | ".join(objet_axes(objet))
    return replace(commande, **changes)


def build_tables(path: Path, kind: str, seg: Segmentation) -> Dossier:
    """Paragraphs and sentences of every document, and the documents table."""
    para_rows, sent_rows, doc_rows = [], [], []
    listed = {d.doc: d for d in seg.listed}
    for doc, lines in seg.bodies.items():
        paragraphs = restitch(build_paragraphs(doc, lines))
        sentences = sentences_of(paragraphs)
        pid_base = len(para_rows)
        for k, para in enumerate(paragraphs):
            para_rows.append({"paragraph_id": pid_base + k, "doc": doc, "page": para.page,
                              "kind": para.kind, "text": para.text})
        for sent in sentences:
            number = len(sent_rows) + 1
            sent_rows.append({
                "sentence_id": f"d{doc:02d}s{number:04d}",
                "doc": doc,
                "page": sent.page,
                "paragraph_id": pid_base + sent.paragraph,
                "kind": sent.kind,
                "quotable": sent.kind in ("sentence", "bullet"),
                "text": sent.text,
                "norm": normalize(sent.text),
                "line_no": sent.line_no,
            })
        entry = listed.get(doc)
        pages = [line.page for line in lines if line.text.strip()]
        body_words = sum(word_count(p.text) for p in paragraphs if p.kind != "title")
        doc_rows.append({
            "doc": doc,
            "title": entry.title if entry else "",
            "source": entry.source if entry else "",
            "authors": entry.authors if entry else "",
            "date": entry.date if entry else "",
            "declared_pages": entry.declared_pages if entry else None,
            "first_page": min(pages) if pages else None,
            "last_page": max(pages) if pages else None,
            "n_words": body_words,
            "n_sentences": sum(1 for s in sentences if s.kind in ("sentence", "bullet")),
        })
    documents = pd.DataFrame(doc_rows, columns=DOCUMENT_COLUMNS)
    documents["declared_pages"] = documents["declared_pages"].astype("Int64")
    documents["first_page"] = documents["first_page"].astype("Int64")
    documents["last_page"] = documents["last_page"].astype("Int64")
    return Dossier(
        path=path,
        kind=kind,
        commande=seg.commande,
        documents=documents.sort_values("doc").reset_index(drop=True),
        paragraphs=pd.DataFrame(para_rows, columns=PARAGRAPH_COLUMNS),
        sentences=pd.DataFrame(sent_rows, columns=SENTENCE_COLUMNS),
        boilerplate=seg.boilerplate,
        warnings=seg.warnings,
        total_pages=seg.total_pages,
    )
