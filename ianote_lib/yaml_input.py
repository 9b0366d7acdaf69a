"""YAML files the analyst writes (run parameters, overrides of the note), read so that every
mistake is named with its line and column, in French: a syntax error, a key written twice (which
YAML would otherwise silently resolve by keeping the last one), and, for the callers' own
checks, the line of every key and list item (`YamlDocument.line`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ianote_lib.errors import IanoteError

KeyPath = tuple[Any, ...]

# PyYAML's problems, in the analyst's words: (pattern on "context problem", French, which mark)
_PROBLEMS = (
    (r"while scanning a quoted scalar", "guillemet ouvert et jamais refermé", "context"),
    (r"flow sequence", "liste entre crochets mal fermée (« ] » ou virgule manquante ?)",
     "context"),
    (r"flow mapping", "accolades mal fermées (« } » ou virgule manquante ?)", "context"),
    (r"character '\\t'", "tabulation, indentez avec des espaces", "problem"),
    (r"mapping values are not allowed",
     "deux-points inattendu (mettez entre guillemets une valeur qui contient « : »)", "problem"),
    (r"could not find expected ':'", "« : » manquant après un nom", "problem"),
    (r"undefined alias|expected alphabetic or numeric character",
     "une valeur qui commence par « * » ou « & » doit être entre guillemets", "problem"),
    (r"expected <block end>|did not find expected key|did not find expected '-'",
     "indentation incohérente avec les lignes précédentes", "problem"),
)


@dataclass
class YamlDocument:
    """A parsed YAML file and the line (1-based) of every mapping key and list item, by path:
    `("ban", 0)` is the first item of `ban`, `("titles", "I.A")` the key `I.A` of `titles`."""

    path: Path
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line(self, *keys: Any) -> int | None:
        return self.lines.get(tuple(keys))

    def where(self, *keys: Any) -> str:
        """« , ligne N » for the given path (empty when unknown), to follow the file's name."""
        line = self.line(*keys)
        return f", ligne {line}" if line else ""


def _syntax_message(exc: yaml.MarkedYAMLError) -> tuple[str, Any]:
    text = f"{exc.context or ''} {exc.problem or ''}"
    for pattern, french, which in _PROBLEMS:
        if re.search(pattern, text):
            mark = exc.context_mark if which == "context" and exc.context_mark else None
            return french, mark or exc.problem_mark
    return f"syntaxe YAML incorrecte ({(exc.problem or exc.context or '').strip()})", \
        exc.problem_mark or exc.context_mark


def read_yaml_file(path: str | Path, what: str, error: type[IanoteError]) -> YamlDocument:
    """Parse the file; raise `error` with one French sentence (what is wrong, where, what to
    do) when it is unreadable, not UTF-8, not valid YAML, or has a key written twice. `what`
    names the file for the analyst (« Le fichier de corrections »)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise error(f"{what} « {path} » est introuvable : vérifiez son chemin.") from exc
    except UnicodeDecodeError as exc:
        raise error(f"{what} « {path} » n'est pas encodé en UTF-8 : enregistrez-le en UTF-8 "
                    "depuis votre éditeur.") from exc
    except OSError as exc:
        raise error(f"{what} « {path} » est illisible ({exc.strerror}) : vérifiez ses droits."
                    ) from exc
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        problem, mark = _syntax_message(exc)
        where = f", ligne {mark.line + 1}, colonne {mark.column + 1}" if mark else ""
        raise error(f"{what} « {path} » n'est pas un YAML valide{where} : {problem} ; "
                    "corrigez-le puis relancez.") from exc
    except yaml.YAMLError as exc:
        raise error(f"{what} « {path} » n'est pas un YAML valide ({exc}) : corrigez-le puis "
                    "relancez.") from exc
    finally:
        loader.dispose()
    document = YamlDocument(path, data)
    if node is not None:
        _walk(node, (), document, what, error)
    return document


def _walk(node: yaml.Node, at: KeyPath, document: YamlDocument, what: str,
          error: type[IanoteError]) -> None:
    """Record the line of every key and item under `node`; refuse a key written twice."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1
            if key in seen:
                raise error(f"{what} « {document.path} », ligne {line} : « {key} » est déjà "
                            f"donné ligne {seen[key]} ; réunissez les deux en un seul.")
            seen[key] = line
            document.lines[(*at, key)] = line
            _walk(value_node, (*at, key), document, what, error)
    elif isinstance(node, yaml.SequenceNode):
        for k, item in enumerate(node.value):
            document.lines[(*at, k)] = item.start_mark.line + 1
            _walk(item, (*at, k), document, what, error)
