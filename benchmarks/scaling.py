"""Scaling of the library steps, and the cache of unchanged stages (issue 6).

Scaling: the embedded dossier replicated ×N, either as one big dossier (a folder holding its
15 documents N times, one text file each) or as a batch (N copies of the dossier processed one
after the other). Each configuration runs in its own process, which reports the CPU time of
each library step (single-threaded steps: CPU time is the wall time of a quiet machine, and
moves less than wall time on a shared one), its wall time and its own peak resident memory.

Cache: `ianote run` into a fresh output folder, then again with nothing changed.

    python benchmarks/scaling.py [--sizes 1 10 50] [--skip-cache]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STEPS = ("read", "segment", "sentences", "parse", "figures", "checks", "use cases", "themes",
         "note")


def replicate(dossier_path: Path, copies: int, dest: Path) -> Path:
    """The dossier's documents `copies` times, one text file per document (title, source and
    date lines, then the paragraphs), as an analyst's folder of documents."""
    from ianote_lib.reading.dossier import load_dossier

    d = load_dossier(dossier_path)
    dest.mkdir(parents=True, exist_ok=True)
    paragraphs = d.paragraphs[d.paragraphs["kind"] != "title"]
    for doc in d.documents.itertuples(index=False):
        body = "\n\n".join(paragraphs[paragraphs["doc"] == doc.doc]["text"])
        text = f"{doc.title}\n{doc.source} - {doc.date}\n\n{body}\n"
        for k in range(copies):
            (dest / f"copie{k + 1:03d}_doc{doc.doc:02d}.txt").write_text(text, encoding="utf-8")
    return dest


def library_steps(path: Path, processed: Path) -> dict[str, float]:
    """CPU time of each library step on one dossier (file or folder), as the notebooks chain
    them."""
    import warnings

    from ianote_lib.figures.checks import build_checks
    from ianote_lib.figures.extraction import extract_figures
    from ianote_lib.fr.parse import parse_table
    from ianote_lib.note.render import compose, earlier_tables
    from ianote_lib.reading.dossier import build_tables
    from ianote_lib.reading.folder import read_folder, segment_folder
    from ianote_lib.reading.readers import read_dossier
    from ianote_lib.reading.segmentation import segment
    from ianote_lib.tables import write_table
    from ianote_lib.topics.themes import build_themes
    from ianote_lib.use_cases.detection import build_use_cases

    times: dict[str, float] = {}

    def timed(step: str, call):
        t0 = time.process_time()
        value = call()
        times[step] = times.get(step, 0.0) + time.process_time() - t0
        return value

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if path.is_dir():
            raw = timed("read", lambda: read_folder(path))
            seg = timed("segment", lambda: segment_folder(raw))
            kind = "folder"
        else:
            raw = timed("read", lambda: read_dossier(path))
            seg = timed("segment", lambda: segment(raw))
            kind = raw.kind
        d = timed("sentences", lambda: build_tables(path, kind, seg))
        # the spaCy parse of notebook 01, which the note reads (cached by the dossier's
        # sentences, as in `ianote run`)
        write_table(timed("parse", lambda: parse_table(d.sentences)), "sentence_parse", processed)
        figures = timed("figures", lambda: extract_figures(d.sentences))
        checks = timed("checks", lambda: build_checks(figures, d.sentences))
        use_cases = timed("use cases", lambda: build_use_cases(d.sentences, figures))
        timed("themes", lambda: build_themes(d.sentences))
        for name, table in (("figures", figures), ("checks", checks), ("use_cases", use_cases)):
            write_table(table, name, processed)
        timed("note", lambda: compose(d.sentences, d.documents, d.commande,
                                      **earlier_tables(processed), date="2026-11-28"))
    return times


def child(mode: str, copies: int) -> None:
    """One configuration, in this process: print its step times and peak memory as JSON."""
    from ianote_lib.context import default_dossier

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        if mode == "dossier":
            inputs = [replicate(default_dossier(), copies, tmp_path / "dossier")]
        else:
            inputs = [default_dossier()] * copies
        totals: dict[str, float] = {}
        t0 = time.perf_counter()
        for k, path in enumerate(inputs):
            processed = tmp_path / f"processed{k}"
            for step, seconds in library_steps(path, processed).items():
                totals[step] = totals.get(step, 0.0) + seconds
            shutil.rmtree(processed, ignore_errors=True)
        wall = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "copies": copies, "steps": totals, "wall": wall,
                      "peak_mb": peak_mb}))


def scaling(sizes: tuple[int, ...] = (1, 10, 50)) -> list[dict]:
    """Every configuration, each in a fresh process."""
    results = []
    for mode in ("dossier", "batch"):
        for copies in sizes:
            proc = subprocess.run(
                [sys.executable, __file__, "--child", mode, str(copies)],
                capture_output=True, text=True, check=True)
            results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return results


def scaling_table(results: list[dict]) -> str:
    """Markdown table: one row per configuration, CPU seconds per step, totals, CPU per copy
    and its ratio to ×1 (1.00 is linear growth), peak memory."""
    header = ["Mode", "×", *STEPS, "Total CPU (s)", "Mur (s)", "CPU par copie (s)", "vs ×1",
              "Pic mémoire (Mo)"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    base: dict[str, float] = {}
    for r in results:
        total = sum(r["steps"].values())
        per_copy = total / r["copies"]
        base.setdefault(r["mode"], per_copy)
        mode = "un grand dossier" if r["mode"] == "dossier" else "lot de dossiers"
        cells = [mode, str(r["copies"]), *(f"{r['steps'].get(s, 0.0):.1f}" for s in STEPS),
                 f"{total:.1f}", f"{r['wall']:.1f}", f"{per_copy:.2f}",
                 f"{per_copy / base[r['mode']]:.2f}",
                 f"{r['peak_mb']:.0f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def cache_benchmark(runs: int = 1) -> dict[str, float]:
    """`ianote run` into a fresh folder, then the same run again (nothing changed)."""
    first, second = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            for times in (first, second):
                t0 = time.perf_counter()
                subprocess.run([sys.executable, "-m", "ianote_lib", "run", "--output-dir",
                                tmp, "-p", "date", "2026-11-28"],
                               check=True, capture_output=True)
                times.append(time.perf_counter() - t0)
    first_s, second_s = min(first), min(second)
    return {"first": first_s, "rerun": second_s, "ratio": second_s / first_s}


def cache_table(result: dict[str, float]) -> str:
    return "\n".join([
        "| Premier `ianote run` (s) | Relance sans changement (s) | Relance / premier |",
        "|---|---|---|",
        f"| {result['first']:.1f} | {result['rerun']:.1f} | {100 * result['ratio']:.0f} % |",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs=2, metavar=("MODE", "N"), help=argparse.SUPPRESS)
    parser.add_argument("--sizes", nargs="+", type=int, default=[1, 10, 50])
    parser.add_argument("--skip-cache", action="store_true")
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], int(args.child[1]))
        return 0
    print(scaling_table(scaling(tuple(args.sizes))))
    if not args.skip_cache:
        print()
        print(cache_table(cache_benchmark()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
