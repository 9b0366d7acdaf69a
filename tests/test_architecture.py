"""The shape of the library: imports flow one way (tools/import_graph.py), and no module,
class or function grows past the sizes a newcomer can read."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import import_graph  # noqa: E402

MODULE_LINES, CLASS_LINES, FUNCTION_LINES = 700, 300, 80


def test_imports_flow_one_way_without_cycles():
    packages, problems = import_graph.check()
    assert problems == []
    assert "note" not in packages.get("topics", set())      # the stages' order holds
    assert packages.get("base", set()) == set()              # base imports nothing of ours


def test_import_graph_finds_a_cycle_and_a_private_import(tmp_path):
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}
    assert import_graph.find_cycle(graph) == ["a", "b", "c", "a"]
    assert import_graph.find_cycle({"a": {"b"}, "b": set()}) == []
    module = tmp_path / "m.py"
    module.write_text("from ianote_lib.fr.normalize import _SPACES, fold\n"
                      "def f():\n    from ianote_lib.note import plan\n")
    found = import_graph.imports_of(module, "ianote_lib.x")
    assert ("ianote_lib.fr.normalize", ["_SPACES", "fold"], 1) in found
    assert ("ianote_lib.note.plan", [], 3) in found        # an import inside a function counts


def _sizes() -> list[tuple[str, str, int, int]]:
    """(path, name, lines, limit) of every module, class and function of ianote_lib."""
    rows = []
    for path in sorted((ROOT / "ianote_lib").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        rel = str(path.relative_to(ROOT))
        rows.append((rel, "(module)", len(text.splitlines()), MODULE_LINES - 1))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef):
                rows.append((rel, node.name, node.end_lineno - node.lineno + 1, CLASS_LINES))
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                rows.append((rel, node.name, node.end_lineno - node.lineno + 1, FUNCTION_LINES))
    return rows


def test_no_module_class_or_function_too_long():
    rows = _sizes()
    assert len(rows) > 500                                   # the whole library was read
    too_long = [row for row in rows if row[2] > row[3]]
    assert too_long == []
