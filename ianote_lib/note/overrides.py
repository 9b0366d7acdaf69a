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
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ianote_lib.errors import OverridesError, did_you_mean
from ianote_lib.fr.names import and_list
from ianote_lib.yaml_input import YamlDocument, read_yaml_file

if TYPE_CHECKING:
    from ianote_lib.note.write import Note, NoteParagraph

# Every plan (shipped, automatic or the analyst's file) has two parts of two sub-parts.
SECTIONS = ("I", "II", "I.A", "I.B", "II.A", "II.B")
PARTS = ("I", "II")
KEYS = ("titles", "chapeaux", "pin", "ban", "rewrite")
WHAT = "Le fichier de corrections"
# the form of the ids of the `sentences` table (reading.dossier writes them)
_SENTENCE_ID = re.compile(r"d\d{2}s\d{4}")
_CITATION = re.compile(r"\s*\(doc\.\s*([\d\s,et]+)\)", re.IGNORECASE)


@dataclass
class Overrides:
    titles: dict[str, str] = field(default_factory=dict)
    chapeaux: dict[str, str] = field(default_factory=dict)
    pins: dict[str, list[str]] = field(default_factory=dict)   # section or "auto" → ids
    bans: set[str] = field(default_factory=set)
    rewrites: dict[str, str] = field(default_factory=dict)
    source: str = ""
    # where each sentence id is named in the file: id → (key, line)
    id_lines: dict[str, tuple[str, int | None]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.titles or self.chapeaux or self.pins or self.bans or self.rewrites)


def default_overrides_path(root: str | Path) -> Path | None:
    """`overrides/note.yml` under the project root if the analyst has written one."""
    path = Path(root) / "overrides" / "note.yml"
    return path if path.exists() else None


def load_overrides(path: str | Path | None,
                   sentence_ids: Iterable[str] | None = None) -> Overrides:
    """Read and check the overrides file (None: no override): its YAML, its keys, its sections
    (those of the plan) and the form of its sentence ids, and, when `sentence_ids` (the
    dossier's) is given, that every id it names exists. Raise `OverridesError` with one French
    sentence naming the line."""
    if path is None:
        return Overrides()
    doc = read_yaml_file(path, WHAT, OverridesError)
    data = {} if doc.data is None else doc.data
    if not isinstance(data, dict):
        raise OverridesError(f"{WHAT} « {doc.path} » doit être une suite de rubriques « nom: "
                             f"valeur » ({', '.join(KEYS)}) : voyez l'exemple du README.")
    for key in data:
        if str(key) not in KEYS:
            raise OverridesError(
                f"{WHAT} « {doc.path} »{doc.where(str(key))} : rubrique inconnue « {key} », "
                + did_you_mean(str(key), KEYS, "rubriques connues"))
    ov = Overrides(source=str(doc.path))
    ov.titles = _texts(doc, data, "titles", SECTIONS)
    ov.chapeaux = _texts(doc, data, "chapeaux", PARTS)
    ov.rewrites = _texts(doc, data, "rewrite", SECTIONS, strip=False)
    pins = data.get("pin")
    if isinstance(pins, dict):
        for key, ids in pins.items():
            _check_section(doc, ("pin", key), SECTIONS)
            ov.pins[str(key)] = _ids(doc, ov, ("pin", key), ids)
    elif pins is not None:
        ov.pins["auto"] = _ids(doc, ov, ("pin",), pins)
    ov.bans = set(_ids(doc, ov, ("ban",), data.get("ban")))
    if sentence_ids is not None:
        refuse_unknown_ids(ov, sentence_ids)
    return ov


def refuse_unknown_ids(ov: Overrides, sentence_ids: Iterable[str]) -> None:
    """Refuse the overrides when a sentence id they name is not one of the dossier's."""
    known = set(sentence_ids)
    missing = [(sid, *where) for sid, where in ov.id_lines.items() if sid not in known]
    if not missing:
        return
    def one(sid: str, key: str, line: int | None) -> str:
        return f"« {sid} » ({key}{f', ligne {line}' if line else ''})"
    names = [one(*m) for m in missing]
    listed = and_list(names)
    verb = "n'existe pas" if len(names) == 1 else "n'existent pas"
    raise OverridesError(
        f"{WHAT} « {ov.source} » : {'la phrase' if len(names) == 1 else 'les phrases'} "
        f"{listed} {verb} dans ce dossier ; reprenez l'identifiant dans la colonne sentence_id "
        "de data/processed/sentences.csv, ou retirez-le.")


def _check_section(doc: YamlDocument, at: tuple[Any, ...], allowed: tuple[str, ...]) -> None:
    key = str(at[-1])
    if key not in allowed:
        raise OverridesError(
            f"{WHAT} « {doc.path} »{doc.where(*at)} : « {key} » n'est pas une section du plan "
            f"pour « {at[0]} », " + did_you_mean(key, allowed, "sections possibles"))


def _texts(doc: YamlDocument, data: dict, name: str, allowed: tuple[str, ...],
           strip: bool = True) -> dict[str, str]:
    """A rubric mapping sections to texts (titles, chapeaux, rewrite), checked."""
    value = data.get(name)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise OverridesError(
            f"{WHAT} « {doc.path} »{doc.where(name)} : « {name} » attend une section par ligne "
            f"(par exemple « {name}: {{I.A: \"…\"}} ») : corrigez la rubrique.")
    out = {}
    for key, text in value.items():
        _check_section(doc, (name, key), allowed)
        if not isinstance(text, (str, int, float)) or not str(text).strip():
            raise OverridesError(
                f"{WHAT} « {doc.path} »{doc.where(name, key)} : le texte de « {key} » dans "
                f"« {name} » est vide ou n'est pas un texte : écrivez-le entre guillemets.")
        out[str(key)] = str(text).strip() if strip else str(text)
    return out


def _ids(doc: YamlDocument, ov: Overrides, at: tuple[Any, ...], values: Any) -> list[str]:
    """The sentence ids of `pin` or `ban` (one id or a list), each checked for its form and
    remembered with its line."""
    if values is None:
        return []
    items = [(values, at)] if isinstance(values, str) else (
        [(v, (*at, k)) for k, v in enumerate(values)] if isinstance(values, list) else None)
    if items is None:
        raise OverridesError(
            f"{WHAT} « {doc.path} »{doc.where(*at)} : « {at[0]} » attend une liste "
            "d'identifiants de phrases, par exemple [d01s0039, d09s0481].")
    out = []
    for value, where in items:
        sid = str(value).strip()
        if not _SENTENCE_ID.fullmatch(sid):
            raise OverridesError(
                f"{WHAT} « {doc.path} »{doc.where(*where)} : « {value} » n'est pas un "
                "identifiant de phrase (de la forme d01s0039, colonne sentence_id de "
                "data/processed/sentences.csv) : corrigez-le.")
        ov.id_lines.setdefault(sid, (str(at[0]), doc.line(*where)))
        out.append(sid)
    return out


def analyst_paragraphs(section: str, text: str) -> list[NoteParagraph]:
    """The analyst's text of a sub-part as paragraphs of sentences with their citations."""
    # the writer, imported here: checking an overrides file (before a run) stays light
    from ianote_lib.note.write import NoteParagraph, NoteSentence, french_typography

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
                sp.idea_title = ""          # the analyst's title is not rewritten


def apply_rewrites(note: Note, ov: Overrides) -> None:
    """Replace the paragraphs of each rewritten sub-part by the analyst's text (in place)."""
    from ianote_lib.note.write import EMPTY_SUBPART, french_typography  # see analyst_paragraphs

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
