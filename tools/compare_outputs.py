"""Check that a change leaves every output of `ianote run` byte-identical.

    python tools/compare_outputs.py snapshot DIR   # run three dossiers into DIR, hash every output
    python tools/compare_outputs.py compare A B    # compare two snapshots; exit 1 on any difference

The three dossiers: the embedded one, the water dossier of the tests, and a folder dossier made
from the water dossier's documents (one text file per "DOCUMENT N" block). Every file under
`data/processed/`, `figures/` and `reports/` is hashed, except the executed notebooks of
`reports/notebooks/` (they hold timings and the notebooks' own code cells); a spreadsheet is
compared by its parts, less its creation time.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WATER = ROOT / "tests" / "data" / "dossier_eau" / "dossier_eau.txt"
SKIPPED = ("reports/notebooks/",)
RUN_ARGS = ["--no-cache", "-p", "date", "2026-11-28"]


def water_folder(folder: Path) -> Path:
    """The water dossier's documents as a folder of text files (doc1.txt, doc2.txt, ...)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = WATER.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Documents reproduits"))
    blocks: list[list[str]] = [[]]
    for line in lines[start + 1:]:
        if re.fullmatch(r"\s*DOCUMENT \d+\s*", line):
            blocks.append([])
            continue
        blocks[-1].append(line)
    for number, block in enumerate((b for b in blocks if "".join(b).strip()), start=1):
        (folder / f"doc{number}.txt").write_text("\n".join(block).strip() + "\n",
                                                encoding="utf-8")
    return folder


def run(dossier: Path | None, out: Path, extra: list[str]) -> None:
    command = [sys.executable, "-m", "ianote_lib", "run", "--output-dir", str(out), *RUN_ARGS]
    if dossier is not None:
        command += ["--dossier", str(dossier)]
    done = subprocess.run(command + extra, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"ianote run failed for {dossier or 'the embedded dossier'}:\n{done.stderr}")


def digest(path: Path) -> str:
    """The file's SHA-256; for a spreadsheet, of its parts but the creation time in docProps."""
    if path.suffix != ".xlsx":
        return hashlib.sha256(path.read_bytes()).hexdigest()
    sha = hashlib.sha256()
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            if name != "docProps/core.xml":
                sha.update(name.encode() + archive.read(name))
    return sha.hexdigest()


def hashes(out: Path) -> dict[str, str]:
    result = {}
    for sub in ("data/processed", "figures", "reports"):
        for path in sorted((out / sub).rglob("*")):
            rel = path.relative_to(out).as_posix()
            if path.is_file() and not rel.startswith(SKIPPED):
                result[rel] = digest(path)
    return result


def snapshot(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    folder = water_folder(target / "input_folder")
    cases = {
        "embedded": (None, []),
        "water": (WATER, []),
        "folder": (folder, ["-p", "destinataire", "Directeur général des services",
                            "-p", "collectivite", "Villeneuve",
                            "-p", "objet", "la gestion de l'eau potable"]),
    }
    manifest = {}
    for name, (dossier, extra) in cases.items():
        run(dossier, target / name, extra)
        manifest[name] = hashes(target / name)
        print(f"{name}: {len(manifest[name])} files")
    (target / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))


def compare(a: Path, b: Path) -> int:
    left = json.loads((a / "manifest.json").read_text())
    right = json.loads((b / "manifest.json").read_text())
    differences = 0
    for case in sorted(set(left) | set(right)):
        files_a, files_b = left.get(case, {}), right.get(case, {})
        for rel in sorted(set(files_a) | set(files_b)):
            if files_a.get(rel) != files_b.get(rel):
                differences += 1
                state = ("missing in " + str(b) if rel not in files_b else
                         "missing in " + str(a) if rel not in files_a else "differs")
                print(f"{case}/{rel}: {state}")
        print(f"{case}: {len(files_a)} files, "
              f"{sum(files_a.get(r) == files_b.get(r) for r in files_a)} identical")
    print("byte-identical" if not differences else f"{differences} differences")
    return 1 if differences else 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "snapshot":
        snapshot(Path(argv[1]))
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        return compare(Path(argv[1]), Path(argv[2]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
