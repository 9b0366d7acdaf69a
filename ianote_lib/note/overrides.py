"""The analyst's overrides of the note (a YAML file the code reads and never writes).

```yaml
titles:            # change any title: part ("I", "II") or sub-part ("I.A", …)
  I.A: "Des usages déjà opérationnels"
chapeaux:          # replace a part's chapeau (template text, may use {A} and {B})
  II: "…"
pin:               # sentences that must appear: a list (placed where they fit best) …
  - d01s0039
ban:               # sentences that must never appear
  - d09s0481
rewrite:           # write a sub-part yourself; paragraphs separated by a blank line;
  II.B: |          # cite with (doc. N) or (doc. N, M): the checks apply to your text too
    Le règlement européen … (doc. 8).
```
`pin` may also be a mapping `{I.A: [d01s0039]}` to choose the sub-part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ianote_lib.errors import IanoteError
from ianote_lib.note.text import SENTENCE_ID
from ianote_lib.note.write import (
    EMPTY_SUBPART,
    Note,
    NoteParagraph,
    NoteSentence,
    french_typography,
)

SECTIONS = ("I", "II", "I.A", "I.B", "II.A", "II.B")
_CITATION = re.compile(r"\s*\(doc\.\s*([\d\s,et]+)\)", re.IGNORECASE)


@dataclass
class Overrides:
    titles: dict[str, str] = field(default_factory=dict)
    chapeaux: dict[str, str] = field(default_factory=dict)
    pins: dict[str, list[str]] = field(default_factory=dict)   # section or "auto" → ids
    bans: set[str] = field(default_factory=set)
    rewrites: dict[str, str] = field(default_factory=dict)
    source: str = ""

    @property
    def empty(self) -> bool:
        return not (self.titles or self.chapeaux or self.pins or self.bans or self.rewrites)


def load_overrides(path: str | Path | None) -> Overrides:
    """Read the overrides file (None or a missing default file: no override)."""
    if path is None:
        return Overrides()
    path = Path(path)
    if not path.exists():
        raise IanoteError(f"Le fichier de corrections {path} est introuvable.")
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
    except yaml.YAMLError as exc:
        raise IanoteError(f"Le fichier de corrections {path} n'est pas un YAML valide.") from exc
    if not isinstance(data, dict):
        raise IanoteError(f"Le fichier de corrections {path} doit être un dictionnaire YAML.")
    ov = Overrides(source=str(path))
    for key, value in (data.get("titles") or {}).items():
        _check_section(str(key), path)
        ov.titles[str(key)] = str(value).strip()
    for key, value in (data.get("chapeaux") or {}).items():
        if str(key) not in ("I", "II"):
            raise IanoteError(f"{path} : chapeau d'une section inconnue « {key} » (I ou II).")
        ov.chapeaux[str(key)] = str(value).strip()
    pins = data.get("pin") or []
    if isinstance(pins, dict):
        for key, ids in pins.items():
            _check_section(str(key), path)
            ov.pins[str(key)] = _ids(ids, path)
    else:
        ov.pins["auto"] = _ids(pins, path)
    ov.bans = set(_ids(data.get("ban") or [], path))
    for key, text in (data.get("rewrite") or {}).items():
        _check_section(str(key), path)
        ov.rewrites[str(key)] = str(text)
    return ov


def _check_section(key: str, path: Path) -> None:
    if key not in SECTIONS:
        raise IanoteError(f"{path} : section inconnue « {key} » (attendu : "
                          + ", ".join(SECTIONS) + ").")


def _ids(values: Any, path: Path) -> list[str]:
    values = [values] if isinstance(values, str) else list(values or [])
    out = []
    for value in values:
        if not SENTENCE_ID.fullmatch(str(value).strip()):
            raise IanoteError(f"{path} : identifiant de phrase invalide « {value} » "
                              "(attendu : d01s0039).")
        out.append(str(value).strip())
    return out


def analyst_paragraphs(section: str, text: str) -> list[NoteParagraph]:
    """The analyst's text of a sub-part as paragraphs of sentences with their citations."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        block = " ".join(block.split())
        if not block:
            continue
        sentences = []
        for raw in re.split(r"(?<=[.!?…])(?<!doc\.)\s+(?=[«A-ZÀ-Þ0-9])", block):
            docs = sorted({int(n) for m in _CITATION.finditer(raw)
                           for n in re.findall(r"\d+", m.group(1))})
            clean = _CITATION.sub("", raw).strip()
            sentences.append(NoteSentence(french_typography(clean), docs, [], origin="analyst"))
        paragraphs.append(NoteParagraph(section, "body", sentences))
    return paragraphs


def apply_to_plan(plan: Any, ov: Overrides) -> None:
    """Titles and chapeaux of the overrides, set on the plan before writing."""
    for part in plan.parts:
        if part.key in ov.titles:
            part.title = ov.titles[part.key]
        if part.key in ov.chapeaux:
            part.chapeau = ov.chapeaux[part.key]
        for sp in part.subparts:
            if sp.key in ov.titles:
                sp.title = ov.titles[sp.key]


def apply_rewrites(note: Note, ov: Overrides) -> None:
    """Replace the paragraphs of each rewritten sub-part by the analyst's text (in place)."""
    for section, text in ov.rewrites.items():
        new = analyst_paragraphs(section, text)
        positions = [k for k, p in enumerate(note.paragraphs) if p.section == section]
        if positions:
            start = positions[0]
            # the part's transition goes on after the analyst's text; the automatic
            # "nothing in the dossier on this point" would now be false
            transition = [s for k in positions for s in note.paragraphs[k].sentences
                          if s.origin == "template" and s.text != french_typography(EMPTY_SUBPART)]
            note.paragraphs = [p for p in note.paragraphs if p.section != section]
            if transition and new:
                new[-1].sentences += transition
            note.paragraphs[start:start] = new
        else:
            # insert after the last paragraph of the preceding section of the plan
            order = list(note.titles)
            before = order[:order.index(section)] if section in order else []
            idx = max((k for k, p in enumerate(note.paragraphs) if p.section in before),
                      default=len(note.paragraphs) - 1)
            note.paragraphs[idx + 1:idx + 1] = new
    note.number()
