"""Print the import graph of `ianote_lib` by package and fail on a cycle or an import that runs
back up the layers.

    python tools/import_graph.py          # the graph, then "ok" or the violations (exit 1)

Layers, from the bottom: base modules (`ianote_lib/*.py`) → `fr` (the French language layer) →
`reports` (presentation helpers the stages share) → the stages in pipeline order (`reading`,
`figures`, `use_cases`, `topics`, `note`: a stage may import an earlier one) → `running` → the
package's `__main__`. Every import counts, also one inside a function (an import deferred for
start-up speed must not hide a cycle), and no module imports another module's private name.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "ianote_lib"
LAYERS = ["base", "fr", "reports", "reading", "figures", "use_cases", "topics", "note",
          "running", "__main__"]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "base"
    if parts[1] in LAYERS:
        return parts[1]
    return "base"           # a module of the package's top level


def imports_of(path: Path, module: str) -> list[tuple[str, list[str], int]]:
    """(imported module, names imported from it, line) for every import of the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, [], node.lineno) for a in node.names
                      if a.name.split(".")[0] == PACKAGE]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            if base.split(".")[0] != PACKAGE:
                continue
            names = [a.name for a in node.names]
            # `from ianote_lib.topics import clustering` imports a module
            submodules = [n for n in names if (ROOT / Path(*base.split("."), f"{n}.py")).exists()]
            for name in submodules:
                found.append((f"{base}.{name}", [], node.lineno))
            others = [n for n in names if n not in submodules]
            if others:
                found.append((base, others, node.lineno))
    return found


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of `graph` as a list of nodes, or [] (iterative depth-first search)."""
    state: dict[str, int] = {}
    for start in sorted(graph):
        if state.get(start):
            continue
        stack = [(start, iter(sorted(graph[start])))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(child) == 1:
                return path[path.index(child):] + [child]
            elif not state.get(child):
                state[child] = 1
                stack.append((child, iter(sorted(graph.get(child, ())))))
                path.append(child)
    return []


def check() -> tuple[dict[str, set[str]], list[str]]:
    modules: dict[str, set[str]] = defaultdict(set)
    problems = []
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        module = module_name(path)
        modules.setdefault(module, set())
        for target, names, line in imports_of(path, module):
            where = f"{path.relative_to(ROOT)}:{line}"
            if target != module:
                modules[module].add(target)
            low, high = layer_of(target), layer_of(module)
            if low != high and LAYERS.index(low) > LAYERS.index(high):
                problems.append(f"{where}: {high} imports {target} ({low}), a later layer")
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private:
                problems.append(f"{where}: imports private name(s) {', '.join(private)} "
                                f"from {target}")
    graph = {m: {t for t in targets if t in modules} for m, targets in modules.items()}
    if cycle := find_cycle(graph):
        problems.append("import cycle: " + " → ".join(cycle))
    packages: dict[str, set[str]] = defaultdict(set)
    for module, targets in graph.items():
        for target in targets:
            if layer_of(target) != layer_of(module):
                packages[layer_of(module)].add(layer_of(target))
    return packages, problems


def main() -> int:
    packages, problems = check()
    for layer in reversed(LAYERS):
        targets = sorted(packages.get(layer, ()), key=LAYERS.index, reverse=True)
        print(f"{layer:10} → {', '.join(targets) if targets else '(nothing)'}")
    for problem in problems:
        print(problem)
    print("ok: no cycle, no import back up the layers" if not problems
          else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
