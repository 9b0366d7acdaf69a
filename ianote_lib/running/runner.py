"""`ianote run`: execute every notebook with papermill, export the reports, publish atomically.

Outputs are written to a staging folder inside the output directory and moved into place only
when every notebook and every export has succeeded: a failed rerun leaves the last good
reports where they were.  Only `data/processed/`, `figures/` and `reports/` are ever written
(plus the cache manifest, see `running.cache`): a stage whose inputs did not change since the
last good run in the same output directory is not run again.

Notebooks run in a kernel that stays up for the whole run (its namespace reset between
notebooks); a notebook whose metadata names the notebooks it reads runs, in a second kernel,
as soon as those are done (see `plan_stages`).
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ianote_lib.context import default_dossier, project_root
from ianote_lib.errors import IanoteError, NotebookError, VerificationError, error_names
from ianote_lib.fr.normalize import french_typography
from ianote_lib.note.labels import VERDICT_TABLE
from ianote_lib.note.overrides import (
    Overrides,
    default_overrides_path,
    load_overrides,
    refuse_unknown_ids,
)
from ianote_lib.reading.readers import check_path
from ianote_lib.running.anomalies import Anomaly, read_anomalies, refusal
from ianote_lib.running.cache import StageCache, changed_files, snapshot, stage_key
from ianote_lib.running.parameters import check_parameters
from ianote_lib.topics.subject_notice import read_subject_groups, subjects_warning

OUTPUT_FOLDERS = ("data/processed", "figures", "reports")
ANALYSIS_PREFIXES = ("01", "02", "03", "04")
REPORTS = ("analysis.html", "note.html", "note.md", "note.docx", "note.odt")
KERNEL_NAME = "ianote-python"
KERNEL_LOG = "kernel.log"
EXPORT_STAGE = "export analysis.html"
SENTENCES_CSV = "data/processed/sentences.csv"
CACHED = "inchangé (cache)"


@dataclass
class NotebookRun:
    name: str
    seconds: float
    cached: bool = False


@dataclass
class RunResult:
    output_dir: Path
    notebooks: list[NotebookRun] = field(default_factory=list)
    reports: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    anomalies: list[Anomaly] | None = None    # the note's failed checks (None: no note)
    subjects: str = ""      # the French warning of a dossier of separate subjects, else empty
    subject_count: int = 1  # how many separate subjects its documents fall into


def notebooks_dir() -> Path:
    return project_root() / "notebooks"


def list_notebooks(folder: Path) -> list[Path]:
    """The pipeline's notebooks, in name order (01_…, 02_…)."""
    found = sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())
    if not found:
        raise IanoteError(f"Aucun carnet numéroté dans « {folder} » : vérifiez l'installation.")
    return found


def _kernel_env(staging: Path) -> None:
    """Make papermill start kernels with this very interpreter (the project's environment)."""
    spec_dir = staging / ".jupyter" / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": [sys.executable, "-m", "ianote_lib.running.kernel", "-f", "{connection_file}"],
        "display_name": "ianote (Python 3)",
        "language": "python",
        "env": {"MPLBACKEND": "module://matplotlib_inline.backend_inline",
                "PYTHONHASHSEED": "0", "IANOTE_KERNEL_LOG": str(staging / KERNEL_LOG)},
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    paths = [str(staging / ".jupyter")]
    if os.environ.get("JUPYTER_PATH"):
        paths.append(os.environ["JUPYTER_PATH"])
    os.environ["JUPYTER_PATH"] = os.pathsep.join(paths)


RESET_CODE = """\
import matplotlib.pyplot
matplotlib.pyplot.close("all")
%reset -f
"""


class SharedKernel:
    """One kernel for all the notebooks of a run: started on first use, its user namespace
    cleared (and figures closed) before each further notebook, so that a notebook sees none of
    the previous one's variables — only the imported modules stay, which is what saves each
    notebook a second or more of imports."""

    def __init__(self, cwd: Path):
        self.cwd = cwd
        self.km: Any = None
        self.notebooks = 0

    def start(self) -> None:
        """Start the kernel's process, if not yet started: it boots while the caller goes on
        (the runner restores what the cache holds meanwhile)."""
        if self.km is None:
            from jupyter_client.manager import KernelManager  # start-up: see execute

            self.km = KernelManager(kernel_name=KERNEL_NAME)
            self.km.start_kernel(cwd=str(self.cwd))

    def execute(self, notebook: Path, target: Path, parameters: dict[str, Any],
                progress: bool = False) -> None:
        """papermill on this kernel; raises papermill's errors as they are."""
        import papermill as pm  # papermill and jupyter_client: imported when used (start-up)

        if self.notebooks:
            self._reset()
        else:
            self.start()
        self.notebooks += 1
        pm.execute_notebook(
            str(notebook), str(target), parameters=parameters, kernel_name=KERNEL_NAME,
            progress_bar=progress, cwd=str(self.cwd), log_output=False, km=self.km,
        )

    def _reset(self) -> None:
        client = self.km.blocking_client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=60)
            reply = client.execute_interactive(RESET_CODE, store_history=False, timeout=60,
                                               output_hook=lambda _msg: None)
            if reply["content"].get("status") != "ok":
                raise IanoteError("Le noyau Python n'a pas pu être remis à zéro entre deux "
                                  "carnets : relancez avec --no-cache, ou signalez l'erreur.")
        finally:
            client.stop_channels()

    def interrupt(self) -> None:
        """Stop the notebook running on this kernel (another one has failed)."""
        if self.km is not None and self.km.has_kernel:
            self.km.interrupt_kernel()

    def shutdown(self) -> None:
        """Stop the kernel at once: its work is done (or abandoned) and nothing it holds is
        kept; a polite shutdown would make every run wait for it."""
        if self.km is not None and self.km.has_kernel:
            self.km.shutdown_kernel(now=True)


@dataclass
class Stage:
    """A notebook of the run, the notebooks whose outputs it reads, and its cache key."""

    notebook: Path
    after: list[str]
    key: str = ""

    @property
    def name(self) -> str:
        return self.notebook.stem


def notebook_parameters(notebook: Path) -> dict[str, str]:
    """The parameters a notebook declares — the names assigned in its cell tagged
    `parameters` — with their defaults as source text (what papermill's `inspect_notebook`
    gives, without importing papermill before the kernel is started)."""
    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    for cell in cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell.get("source", []))
            try:
                tree = ast.parse(source)
            except SyntaxError as exc:
                raise IanoteError(f"La cellule « parameters » du carnet « {notebook.name} » "
                                  f"n'est pas du Python valide (ligne {exc.lineno}) : "
                                  "corrigez-la.") from exc
            found = {}
            for node in tree.body:
                target = node.targets[0] if isinstance(node, ast.Assign) and \
                    len(node.targets) == 1 else getattr(node, "target", None)
                if isinstance(target, ast.Name) and getattr(node, "value", None) is not None:
                    found[target.id] = ast.get_source_segment(source, node.value) or ""
            return found
    return {}


def plan_stages(notebooks: list[Path]) -> list[Stage]:
    """Each notebook comes after every notebook before it, unless its metadata names the ones
    whose outputs it reads (`"ianote": {"after": ["01"]}`, name prefixes): such a notebook may
    run beside the others once those are done."""
    stages = []
    for k, notebook in enumerate(notebooks):
        before = [p.stem for p in notebooks[:k]]
        meta = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {})
        wanted = (meta.get("ianote") or {}).get("after")
        after = before if wanted is None else [
            s for s in before if any(s.startswith(str(prefix)) for prefix in wanted)]
        stages.append(Stage(notebook, after))
    return stages


def parallel_workers() -> int:
    """Notebooks run at once: two on a machine with two cores or more, one when
    IANOTE_PROCESSES=1 (a batch already runs dossiers side by side)."""
    if os.environ.get("IANOTE_PROCESSES", "").strip() == "1":
        return 1
    return max(1, min(2, os.cpu_count() or 1))


def run(
    dossier: str | Path | None = None,
    output_dir: str | Path | None = None,
    parameters: dict[str, Any] | None = None,
    progress: bool = False,
    log: Callable[[str], None] = print,
    folder: Path | None = None,
    use_cache: bool = True,
    accept_anomalies: bool = False,
) -> RunResult:
    """Run the whole pipeline; raise IanoteError with a one-sentence message on failure.

    The note's failed checks come back in `RunResult.anomalies`; when analyst text fails its
    verification, nothing is published and `VerificationError` (holding them) is raised, unless
    `accept_anomalies`: then the note is published with its marks."""
    start = time.perf_counter()
    dossier_path = Path(dossier).resolve() if dossier else default_dossier()
    check_path(dossier_path)  # cheap checks before starting kernels; notebook 01 reads
    if dossier_path.is_dir():
        from ianote_lib.reading.folder import folder_files, skipped_notes  # only for folders

        for note in skipped_notes(dossier_path):    # nothing is left out silently
            log(french_typography(f"  {note}"))
        folder_files(dossier_path)  # a folder with no document file: say so at once
    out = Path(output_dir).resolve() if output_dir else project_root()
    notebooks = list_notebooks(folder or notebooks_dir())
    declared = {nb.name: notebook_parameters(nb) for nb in notebooks}
    params, overrides = checked_inputs(parameters or {}, declared)
    out.mkdir(parents=True, exist_ok=True)
    cache = StageCache.load(out, enabled=use_cache)
    stages = plan_stages(notebooks)
    keys: dict[str, str] = {}
    for stage in stages:
        own = {k: v for k, v in params.items()
               if k in declared[stage.notebook.name] and k not in ("dossier", "output_dir")}
        stage.key = keys[stage.name] = stage_key(
            "|".join(keys[a] for a in stage.after), stage.notebook, own, [dossier_path])
    staging = Path(tempfile.mkdtemp(prefix=".ianote-staging-", dir=out))
    result = RunResult(output_dir=out)
    params["dossier"] = str(dossier_path)
    (staging / "reports" / "notebooks").mkdir(parents=True)
    saved_jupyter_path = os.environ.get("JUPYTER_PATH")
    kernels = [SharedKernel(cwd=notebooks[0].parent) for _ in range(parallel_workers())]
    try:
        _kernel_env(staging)

        def check_ids(files: list[str], base: Path = staging) -> None:
            """The overrides' sentence ids against the dossier's, as soon as they are known:
            from the last run when notebook 01 comes from the cache (before any kernel
            starts), else as soon as it has run."""
            if overrides is not None and overrides.id_lines and SENTENCES_CSV in files:
                refuse_unknown_ids(overrides, _sentence_ids(base / SENTENCES_CSV))

        for stage in stages:
            if cache.fresh(stage.name, stage.key):
                check_ids(cache.previous[stage.name]["files"], out)
        if any(not cache.fresh(stage.name, stage.key) for stage in stages):
            kernels[0].start()      # a notebook will run: its kernel boots meanwhile
        _run_stages(stages, kernels, cache, staging, out, params, progress, log, result,
                    check_ids)
        _export_stage(stages, cache, staging, log)
        result.reports = [out / "reports" / name for name in REPORTS
                          if (staging / "reports" / name).exists()]
        result.anomalies = _note_verdict(staging, out, accept_anomalies)
        groups = read_subject_groups(staging / "data" / "processed")
        result.subjects, result.subject_count = subjects_warning(groups), max(len(groups), 1)
        _publish(staging, out)
        cache.save()
    finally:
        for kernel in kernels:
            kernel.shutdown()
        if saved_jupyter_path is None:
            os.environ.pop("JUPYTER_PATH", None)
        else:
            os.environ["JUPYTER_PATH"] = saved_jupyter_path
        shutil.rmtree(staging, ignore_errors=True)
    result.seconds = time.perf_counter() - start
    return result


def _export_stage(stages: list[Stage], cache: StageCache, staging: Path,
                  log: Callable[[str], None]) -> None:
    """Export analysis.html, or restore it from the cache: it reads notebooks 01-04 only, so
    a change of the note's inputs (overrides, date, plan) does not export it again."""
    key = stage_key("|".join(s.key for s in stages if s.name[:2] in ANALYSIS_PREFIXES),
                    None, {}, [])
    if cache.restore(EXPORT_STAGE, key, staging):
        log(f"  {EXPORT_STAGE:<28} {CACHED}")
        return
    t0 = time.perf_counter()
    before = snapshot(staging, OUTPUT_FOLDERS)
    export_reports(staging / "reports" / "notebooks", staging / "reports", staging)
    cache.record(EXPORT_STAGE, key, changed_files(before, snapshot(staging, OUTPUT_FOLDERS)))
    log(f"  {EXPORT_STAGE:<28} {time.perf_counter() - t0:6.1f} s")


def checked_inputs(parameters: dict[str, Any], declared: dict[str, dict[str, str]]
                   ) -> tuple[dict[str, Any], Overrides | None]:
    """The run's parameters and the analyst's overrides, checked before any kernel starts
    (`declared`: each notebook's parameters, see `notebook_parameters`). The note's date and
    overrides file are made explicit, so that they count for the cache and that an executed
    notebook reruns as it ran."""
    defaults = {name: default for names in declared.values()
                for name, default in names.items()}
    params = check_parameters(parameters, {"dossier", "output_dir", *defaults}, defaults)
    if "date" in defaults and params.get("date") is None:
        params["date"] = dt.date.today().isoformat()
    if "overrides" not in defaults:
        return params, None
    if params.get("overrides") is None:
        default = default_overrides_path(project_root())
        params["overrides"] = str(default) if default else None
    return params, load_overrides(params["overrides"])


def _sentence_ids(path: Path) -> list[str]:
    """The `sentence_id` column of the sentences table (as CSV: no pandas needed here)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["sentence_id"] for row in csv.DictReader(handle)]


def _run_stages(stages: list[Stage], kernels: list[SharedKernel], cache: StageCache,
                staging: Path, out: Path, params: dict[str, Any], progress: bool,
                log: Callable[[str], None], result: RunResult,
                produced_hook: Callable[[list[str]], None] = lambda _files: None) -> None:
    """Run (or restore from the cache) every stage once the stages it reads are done, as many
    at once as there are kernels; a started kernel is reused before a new one is started.
    `produced_hook` sees the files of each stage as soon as they are there, before any stage
    that reads them is started."""
    produced: dict[str, list[str]] = {}
    pending = list(stages)
    free = list(kernels)
    running: dict[Future, tuple[Stage, SharedKernel, float]] = {}
    with ThreadPoolExecutor(max_workers=len(kernels)) as pool:
        try:
            while pending or running:
                for stage in list(pending):
                    if not all(a in produced for a in stage.after):
                        continue
                    if cache.restore(stage.name, stage.key, staging):
                        produced[stage.name] = cache.current[stage.name]["files"]
                        pending.remove(stage)
                        result.notebooks.append(NotebookRun(stage.name, 0.0, cached=True))
                        log(f"  {stage.name:<28} {CACHED}")
                        produced_hook(produced[stage.name])
                    elif free:
                        kernel = free.pop(0)
                        seed = sorted({f for a in _closure(stage, stages) for f in produced[a]})
                        future = pool.submit(_run_stage, stage, kernel, seed, staging, out,
                                             params, progress)
                        running[future] = (stage, kernel, time.perf_counter())
                        pending.remove(stage)
                if not running:
                    if pending:  # cannot happen: a stage only reads stages before it
                        raise RuntimeError(f"stages never ready: {[s.name for s in pending]}")
                    break
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    stage, kernel, t0 = running.pop(future)
                    files = future.result()
                    free.insert(0, kernel)
                    produced[stage.name] = files
                    cache.record(stage.name, stage.key, files)
                    seconds = time.perf_counter() - t0
                    result.notebooks.append(NotebookRun(stage.name, seconds))
                    log(f"  {stage.name:<28} {seconds:6.1f} s")
                    produced_hook(files)
        except BaseException:
            for _stage, kernel, _t0 in running.values():
                kernel.interrupt()
            raise
    order = {stage.name: k for k, stage in enumerate(stages)}
    result.notebooks.sort(key=lambda nb: order[nb.name])


def _closure(stage: Stage, stages: list[Stage]) -> set[str]:
    """The stages whose outputs `stage` reads, directly or through another."""
    by_name = {s.name: s for s in stages}
    seen: set[str] = set()
    todo = list(stage.after)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(by_name[name].after)
    return seen


def _run_stage(stage: Stage, kernel: SharedKernel, seed: list[str], staging: Path, out: Path,
               params: dict[str, Any], progress: bool) -> list[str]:
    """Execute one notebook in a folder of its own holding the outputs it reads (copies), then
    move what it wrote into the staging folder: what each notebook produced is known exactly,
    even when two run at once."""
    from papermill.exceptions import PapermillExecutionError  # start-up: see `run`

    work = staging / ".work" / stage.name
    for name in seed:
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(staging / name, work / name)
    before = snapshot(work, OUTPUT_FOLDERS)
    target = work / "reports" / "notebooks" / stage.notebook.name
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        kernel.execute(stage.notebook, target, {**params, "output_dir": str(work)}, progress)
    except PapermillExecutionError as exc:
        kept = _keep_failed(target, out, staging / KERNEL_LOG)
        raise NotebookError(_failure_message(stage.name, exc, kept), stage.name,
                            getattr(exc, "exec_count", None)) from exc
    point_at_output(target, {**params, "output_dir": str(out)})
    files = changed_files(before, snapshot(work, OUTPUT_FOLDERS))
    for name in files:
        (staging / name).parent.mkdir(parents=True, exist_ok=True)
        os.replace(work / name, staging / name)
    shutil.rmtree(work, ignore_errors=True)
    return sorted(files)


def point_at_output(executed: Path, parameters: dict[str, Any]) -> None:
    """Write the run's final parameters (the output folder, not the stage's temporary one)
    into the executed notebook's injected cell, so that it reruns as it is — in JupyterLab or
    with papermill — on the outputs it was part of."""
    import nbformat
    from papermill.translators import translate_parameters

    notebook = nbformat.read(str(executed), as_version=4)
    for cell in notebook.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell.source = translate_parameters(KERNEL_NAME, "python", parameters, "Parameters")
    meta = notebook.metadata.get("papermill", {})
    if "parameters" in meta:
        meta["parameters"] = parameters
    if meta.get("output_path"):
        meta["output_path"] = str(Path(parameters["output_dir"]) / "reports" / "notebooks"
                                  / executed.name)
    nbformat.write(notebook, str(executed))


def export_reports(executed_dir: Path, reports_dir: Path, staging: Path) -> list[Path]:
    """analysis.html from notebooks 01-04 (notebook 05 writes the note's own files)."""
    # nbconvert: imported only when exporting (start-up)
    from ianote_lib.reports.export import export_analysis

    executed = sorted(executed_dir.glob("*.ipynb"))
    analysis = [p for p in executed if p.name[:2] in ANALYSIS_PREFIXES]
    if not analysis:
        return []
    return [export_analysis(analysis, reports_dir / "analysis.html", "Analyse du dossier",
                            _commande_subtitle(staging))]


def _commande_subtitle(staging: Path) -> str:
    """"Collectivité — objet" from the commande table (read as CSV: no pandas needed here)."""
    path = staging / "data" / "processed" / "commande.csv"
    if not path.is_file():
        return ""
    with path.open(encoding="utf-8", newline="") as handle:
        values = {row["field"]: row["value"] for row in csv.DictReader(handle)}
    parts = [values.get("collectivite", ""), values.get("object", "")]
    return " — ".join(p for p in parts if p)


def _note_verdict(staging: Path, out: Path, accept: bool) -> list[Anomaly] | None:
    """The note's failed checks (None when the run wrote no note); when analyst text fails and
    the run does not accept it, the staged note goes to `reports/failed/` (for the analyst to
    see the marks) and the run stops before publishing."""
    if not (staging / "reports" / "note.md").exists():
        return None
    anomalies = read_anomalies(staging / "data" / "processed")
    if accept or not any(a.blocking for a in anomalies):
        return anomalies
    failed_dir = out / "reports" / "failed"
    failed_dir.mkdir(parents=True, exist_ok=True)
    kept = [staging / "reports" / name for name in REPORTS if name.startswith("note.")]
    for path in kept + [staging / "data" / "processed" / f"{VERDICT_TABLE}.csv"]:
        if path.exists():
            shutil.copyfile(path, failed_dir / path.name)
    raise VerificationError(french_typography(refusal(anomalies)), anomalies)


def _publish(staging: Path, out: Path) -> None:
    """Move every produced file into place (one atomic rename per file)."""
    for folder in OUTPUT_FOLDERS:
        source = staging / folder
        if not source.exists():
            continue
        for path in sorted(source.rglob("*")):
            if path.is_dir():
                continue
            target = out / path.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)


def _keep_failed(executed: Path, out: Path, kernel_log: Path) -> Path | None:
    """Keep a failed executed notebook (and the kernel's log) for inspection, beside (not
    over) the reports."""
    if not executed.exists():
        return None
    failed_dir = out / "reports" / "failed"
    failed_dir.mkdir(parents=True, exist_ok=True)
    target = failed_dir / executed.name
    shutil.copyfile(executed, target)
    if kernel_log.exists():
        shutil.copyfile(kernel_log, failed_dir / KERNEL_LOG)
    return target


def _failure_message(name: str, exc: Exception, kept: Path | None) -> str:
    """What the user reads when notebook `name` failed, in French typography: the notebook's
    own message when it raised an `IanoteError` (or a subclass), else where it failed and why."""
    ename = getattr(exc, "ename", "")
    evalue = str(getattr(exc, "evalue", "")).strip()
    if ename in error_names() and evalue:
        return french_typography(evalue)
    cell = getattr(exc, "exec_count", None)
    where = f" à la cellule [{cell}]" if cell is not None else ""
    keep = f" ; carnet exécuté conservé dans « {kept} »" if kept else ""
    detail = f"{ename} : {evalue}".strip(" :")
    return french_typography(
        f"Le carnet {name} a échoué{where} ({detail}){keep} : corrigez puis relancez.")
