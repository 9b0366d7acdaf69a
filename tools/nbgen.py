"""Build a notebook (without outputs) from a list of ("md"|"code"|"params", source) cells.

Used by the maintainers to write `notebooks/*.ipynb` from readable Python; run it, commit the
notebook. Not imported by the library.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat


def build(cells: list[tuple[str, str]], path: str | Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for kind, source in cells:
        source = source.strip("\n")
        if kind == "md":
            nb.cells.append(nbformat.v4.new_markdown_cell(source))
        else:
            cell = nbformat.v4.new_code_cell(source)
            if kind == "params":
                cell.metadata["tags"] = ["parameters"]
            nb.cells.append(cell)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"
    nbformat.write(nb, str(path))


if __name__ == "__main__":
    sys.exit("import build() from a script")
