"""A small exam dossier written by the tests in the text format of the embedded one: the
commande of a chargé de mission of Testville, the list of documents, then each document with
its title, date, sentences and page number."""

from __future__ import annotations

from pathlib import Path

Document = tuple[str, str, str, list[str]]         # title, source, date, sentences


def write_exam_dossier(path: Path, docs: list[Document], subject: str) -> Path:
    """Write the dossier of `docs` whose commande asks for a note on `subject`."""
    lines = ["Attaché territorial, vous êtes chargé de mission « Transformation numérique » "
             "auprès de la", "Direction générale des services de Testville (50 000 habitants).",
             "La Directrice Générale des Services vous demande de rédiger à son attention, "
             f"exclusivement à l'aide des documents joints, une note sur {subject}.", "",
             "Liste des documents :", ""]
    for k, (title, source, date, _) in enumerate(docs, 1):
        lines += [f"Document {k} : « {title} » - {source} - {date} - 1 page", ""]
    for k, (title, _, date, sentences) in enumerate(docs, 1):
        lines += ["\f", f"DOCUMENT {k}", "", title, "", f"Publié le {date}", ""]
        for sentence in sentences:
            lines += [sentence, ""]
        lines += [f"{k + 1}/{len(docs) + 1}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
