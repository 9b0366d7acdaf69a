"""Speed benchmarks of issue 6, printed as a Markdown table (paste it into benchmarks/RESULTS.md).

Sections (one function each, so that more can be added):

- ``run``: wall time of ``ianote run`` on the embedded dossier into a fresh temporary folder, and
  the same run's *floor*: a separate process that starts Python, imports papermill, writes the
  same kernelspec as ``ianote run`` (``ianote_lib.running.kernel`` launcher, same environment)
  and has papermill execute as many empty notebooks (one empty code cell each, the same parameters
  injected) one after the other. Nothing of the suite's own work is in the floor: no ianote_lib
  import beyond the runner's kernelspec helper, no pandas/matplotlib, no HTML export.
  ``run - floor`` is what the suite itself costs (target: under 10 s on two cores). Floor and
  run are measured in turn at each repetition. The empty notebooks run the way ``ianote run``
  runs its notebooks: in one shared kernel (``runner.SharedKernel``), reset between notebooks.
- ``pdf``: reading and segmenting a PDF of the embedded dossier (``load_dossier``: pdfminer.six's
  ``extract_pages`` + our segmentation, sentences and tables) against pdfminer.six's own
  ``extract_text`` on the same file, in one warm process (imports done before timing).
  Target: ratio at most 1.3.
- ``scaling``: the library steps on the dossier replicated ×1, ×10, ×50, as one big dossier (a
  folder of 15×N documents) and as a batch (N dossiers one after the other): time per step,
  per copy, and peak memory of the process (see ``benchmarks/scaling.py``).
- ``cache``: ``ianote run`` into a fresh folder, then the same run again with nothing changed.

Every timing is the median of N repetitions (``--repeat``, default 3). The CPU time of the run
and floor processes (user + system, kernels included) is shown too: on a shared machine it
moves less than wall time.

Usage: .venv/bin/python benchmarks/run_benchmarks.py [--repeat N]
       [--sections run,pdf,scaling,cache] [--sizes 1 10 50]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("pdfminer.six", "papermill", "nbconvert", "ipykernel", "pandas", "matplotlib",
            "wordcloud", "simplemma", "scikit-learn")
_NOTEBOOK_LINE = re.compile(r"^\s+(\S.*?)\s+([0-9]+\.[0-9]+) s$")

Row = tuple[str, str, str]  # measure, value, note


# --------------------------------------------------------------------------- machine


def machine_info() -> list[tuple[str, str]]:
    """CPU model, cores, RAM, Python, OS and the versions of the packages that matter."""
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 ** 2:.1f} GiB"
                break
    except OSError:
        pass
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} absent")
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return [
        ("CPU", cpu),
        ("Cores", str(os.cpu_count())),
        ("RAM", ram),
        ("Python", platform.python_version()),
        ("OS", platform.platform()),
        ("Packages", ", ".join(versions)),
        ("Load average at start (1/5/15 min)", load),
    ]


# --------------------------------------------------------------------------- helpers


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _timed_process(argv: list[str], cwd: Path) -> tuple[float, float, str]:
    """Run a process to completion: (wall seconds, CPU seconds of it and its children, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.stdout


# --------------------------------------------------------------------------- run vs floor

# The floor process: what any papermill run of that many notebooks pays, with the runner's own
# kernelspec (same launcher, same environment variables), nothing of the suite's work.
_FLOOR_SCRIPT = r"""
import json, sys, time
from pathlib import Path

import nbformat
import papermill as pm

from ianote_lib.running.runner import KERNEL_NAME, SharedKernel, _kernel_env

work = Path(sys.argv[1])
count = int(sys.argv[2])
shared = sys.argv[3] == "shared"
_kernel_env(work)
nb = nbformat.v4.new_notebook()
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nb.cells.append(nbformat.v4.new_code_cell(""))
kernel = SharedKernel(cwd=work) if shared else None
times = []
for i in range(count):
    source = work / f"{i + 1:02d}_vide.ipynb"
    nbformat.write(nb, str(source))
    t0 = time.perf_counter()
    params = {"dossier": "x", "output_dir": str(work)}
    target = work / f"{i + 1:02d}_vide.out.ipynb"
    if kernel is not None:
        kernel.execute(source, target, params)
    else:
        pm.execute_notebook(str(source), str(target), parameters=params,
                            kernel_name=KERNEL_NAME, progress_bar=False, log_output=False,
                            cwd=str(work))
    times.append(time.perf_counter() - t0)
if kernel is not None:
    kernel.shutdown()
print(json.dumps(times))
"""


def _notebook_count() -> int:
    from ianote_lib.running.runner import list_notebooks, notebooks_dir

    return len(list_notebooks(notebooks_dir()))


def run_once() -> tuple[float, float, dict[str, float]]:
    """`ianote run` on the embedded dossier into a fresh folder: (wall, CPU, the runner's own
    per-step times)."""
    ianote = Path(sys.executable).with_name("ianote")
    with tempfile.TemporaryDirectory(prefix="ianote-bench-run-") as tmp:
        wall, cpu, out = _timed_process([str(ianote), "run", "--output-dir", tmp], ROOT)
    steps = {m.group(1): float(m.group(2))
             for m in map(_NOTEBOOK_LINE.match, out.splitlines()) if m}
    return wall, cpu, steps


def floor_once(count: int, shared_kernel: bool = True) -> tuple[float, float, float]:
    """papermill executing `count` empty notebooks with the runner's kernelspec (one kernel for
    all, as `ianote run` does, or a kernel each): (wall, CPU, median seconds per notebook)."""
    mode = "shared" if shared_kernel else "own"
    with tempfile.TemporaryDirectory(prefix="ianote-bench-floor-") as tmp:
        wall, cpu, out = _timed_process(
            [sys.executable, "-c", _FLOOR_SCRIPT, tmp, str(count), mode], ROOT)
    return wall, cpu, _median(json.loads(out.strip().splitlines()[-1]))


def section_run(repeat: int) -> list[Row]:
    """`ianote run` against its floor, measured in turn at each repetition (the empty notebooks
    run in one shared kernel, as the runner runs its notebooks)."""
    count = _notebook_count()
    runs, floors = [], []
    for _ in range(repeat):
        floors.append(floor_once(count))
        runs.append(run_once())
    run_wall, run_cpu = _median([r[0] for r in runs]), _median([r[1] for r in runs])
    floor_wall, floor_cpu = _median([f[0] for f in floors]), _median([f[1] for f in floors])
    per_empty = _median([f[2] for f in floors])
    own = run_wall - floor_wall
    kernels = "in one shared kernel, as the runner"
    rows: list[Row] = [
        ("`ianote run`, embedded dossier (wall)", f"{run_wall:.1f} s",
         "runs: " + ", ".join(f"{r[0]:.1f}" for r in runs)),
        (f"Floor: papermill, {count} empty notebooks, {kernels} (wall)", f"{floor_wall:.1f} s",
         f"runs: {', '.join(f'{f[0]:.1f}' for f in floors)}; {per_empty:.2f} s per empty "
         "notebook; Python start and papermill import included, as in the run"),
        ("**Suite's own work: run − floor**", f"**{own:.1f} s**", "target < 10 s"),
        ("Ratio run / floor", f"{run_wall / floor_wall:.2f}", ""),
        ("CPU time, run / floor (user + system, kernels included)",
         f"{run_cpu:.1f} s / {floor_cpu:.1f} s", f"run − floor: {run_cpu - floor_cpu:.1f} s"),
    ]
    for name in runs[0][2]:
        seconds = _median([r[2].get(name, float("nan")) for r in runs])
        if name[:2].isdigit():
            rows.append((f"… {name}", f"{seconds:.1f} s",
                         f"own work ≈ {seconds - per_empty:.1f} s"))
        else:
            rows.append((f"… {name}", f"{seconds:.1f} s", "nbconvert, both reports"))
    return rows


# --------------------------------------------------------------------------- PDF


def _interleaved(funcs: dict[str, Callable[[], object]], repeat: int
                 ) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of each function, the functions called in turn at each
    repetition so that a change of the machine's load touches them alike."""
    walls: dict[str, list[float]] = {name: [] for name in funcs}
    cpus: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(repeat):
        for name, func in funcs.items():
            t0, c0 = time.perf_counter(), time.process_time()
            func()
            walls[name].append(time.perf_counter() - t0)
            cpus[name].append(time.process_time() - c0)
    return {name: (_median(walls[name]), _median(cpus[name])) for name in funcs}


def section_pdf(repeat: int) -> list[Row]:
    """Reading and segmentation of a PDF of the dossier against pdfminer.six's extract_text."""
    sys.path.insert(0, str(ROOT / "tools"))
    from dossier_pdf import dossier_as_pdf
    from pdfminer.high_level import extract_text

    from ianote_lib.reading.dossier import load_dossier
    from ianote_lib.reading.readers import read_dossier

    with tempfile.TemporaryDirectory(prefix="ianote-bench-pdf-") as tmp:
        pdf = dossier_as_pdf(Path(tmp) / "dossier.pdf")
        load_dossier(pdf)  # warm-up: imports and the resources loaded on first use
        extract_text(str(pdf))
        pages = len(read_dossier(pdf).page_starts)
        t = _interleaved({"theirs": lambda: extract_text(str(pdf)),
                          "ours": lambda: load_dossier(pdf),
                          "reading": lambda: read_dossier(pdf)}, repeat)
    (theirs, theirs_cpu), (ours, ours_cpu), (reading, _) = t["theirs"], t["ours"], t["reading"]
    return [
        (f"pdfminer.six `extract_text`, dossier as PDF ({pages} pages)", f"{theirs:.2f} s",
         f"CPU {theirs_cpu:.2f} s"),
        ("ianote `load_dossier` on the same PDF (read + segment + sentences + tables)",
         f"{ours:.2f} s", f"CPU {ours_cpu:.2f} s; of which reading (pdfminer `extract_pages`, "
         f"same `LAParams`): {reading:.2f} s"),
        ("**Ratio ianote / pdfminer**", f"**{ours / theirs:.2f}**",
         f"target ≤ 1.3; CPU-time ratio {ours_cpu / theirs_cpu:.2f}"),
    ]


# --------------------------------------------------------------------------- main

def section_scaling(repeat: int, sizes: tuple[int, ...] = (1, 10, 50)) -> str:
    """The library steps on the dossier replicated (one run per configuration: ×50 is long)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from scaling import scaling, scaling_table

    return scaling_table(scaling(sizes))


def section_cache(repeat: int) -> str:
    """A rerun with nothing changed, against the first run."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from scaling import cache_benchmark, cache_table

    return cache_table(cache_benchmark(repeat))


SECTIONS: dict[str, tuple[str, Callable[..., list[Row] | str]]] = {
    "run": ("`ianote run` against its floor", section_run),
    "pdf": ("PDF reading and segmentation against pdfminer.six", section_pdf),
    "scaling": ("Scaling of the library steps", section_scaling),
    "cache": ("Cache of unchanged stages", section_cache),
}


def markdown(machine: list[tuple[str, str]], results: dict[str, list[Row] | str],
             repeat: int) -> str:
    lines = ["## Machine", "", "| | |", "| --- | --- |"]
    lines += [f"| {key} | {value} |" for key, value in machine]
    for name, rows in results.items():
        if isinstance(rows, str):          # a section with its own table
            lines += ["", f"## {SECTIONS[name][0]}", "", rows]
            continue
        lines += ["", f"## {SECTIONS[name][0]} (median of {repeat})", "",
                  "| Measure | Value | Note |", "| --- | --- | --- |"]
        lines += [f"| {m} | {v} | {n} |" for m, v, n in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", "-n", type=int, default=3, help="repetitions (median)")
    parser.add_argument("--sections", default=",".join(SECTIONS),
                        help=f"comma-separated sections among {', '.join(SECTIONS)}")
    parser.add_argument("--sizes", nargs="+", type=int, default=[1, 10, 50],
                        help="replication factors of the scaling section")
    args = parser.parse_args(argv)
    wanted = [s.strip() for s in args.sections.split(",") if s.strip()]
    unknown = [s for s in wanted if s not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s): {', '.join(unknown)}")
    machine = machine_info()
    options = {"scaling": {"sizes": tuple(args.sizes)}}
    results = {name: SECTIONS[name][1](args.repeat, **options.get(name, {})) for name in wanted}
    print(markdown(machine, results, args.repeat), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
