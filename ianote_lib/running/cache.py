"""Skip the stages of `ianote run` whose inputs did not change since the last good run.

A stage (one notebook, or the HTML export) gets a key: a hash of the code version (every file
of `ianote_lib`, the versions of the libraries that shape the outputs), of the dossier's bytes,
of the notebook itself, of the parameters it declares (a parameter naming a file counts by its
content), of the analyst's overrides folder, and of the keys of the stages whose outputs it
reads, so that a change upstream reruns everything that depends on it. The keys and the files
each stage produced (with their size and modification time) are kept in `.ianote-cache.json`
in the output directory; a stage whose key is unchanged and whose files are all still there as
the run left them is not run again: its files are copied into the new run instead. A file
rewritten since — notebook 05 rerun in JupyterLab with other parameters, say — makes its stage
run again.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from ianote_lib.context import PACKAGE_DIR

MANIFEST = ".ianote-cache.json"
MANIFEST_VERSION = 2
# Libraries whose version changes what the stages write.
OUTPUT_LIBRARIES = ("pdfminer.six", "pandas", "pyarrow", "matplotlib", "wordcloud", "simplemma",
                    "text2num", "rapidfuzz", "scikit-learn", "nbconvert", "openpyxl",
                    "pypandoc-binary")


def _hash_file(digest: Any, path: Path) -> None:
    digest.update(path.name.encode())
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)


def hash_path(path: Path) -> str:
    """Content hash of a file, or of every file under a folder (names and bytes)."""
    digest = hashlib.sha256()
    if path.is_dir():
        for item in sorted(p for p in path.rglob("*") if p.is_file()):
            digest.update(str(item.relative_to(path)).encode())
            _hash_file(digest, item)
    elif path.is_file():
        _hash_file(digest, path)
    return digest.hexdigest()


@cache
def code_version() -> str:
    """Hash of the library's code and resources, Python's version and the output libraries'."""
    digest = hashlib.sha256(sys.version.encode())
    for item in sorted(PACKAGE_DIR.rglob("*")):
        if item.is_file() and "__pycache__" not in item.parts and item.suffix != ".pyc":
            digest.update(str(item.relative_to(PACKAGE_DIR)).encode())
            _hash_file(digest, item)
    for name in OUTPUT_LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=absent".encode())
    return digest.hexdigest()


def _parameter_value(value: Any) -> Any:
    """A parameter as it counts for the key: a value naming a file or folder counts by content."""
    if isinstance(value, str) and value and len(value) < 4096:
        try:
            path = Path(value)
            if path.exists():
                return {"path_content": hash_path(path)}
        except OSError:
            pass
    return value


def stage_key(previous: str, notebook: Path | None, parameters: dict[str, Any],
              extra_inputs: list[Path]) -> str:
    """The key of one stage (see the module's docstring)."""
    digest = hashlib.sha256(f"{MANIFEST_VERSION}:{previous}:{code_version()}".encode())
    if notebook is not None:
        _hash_file(digest, notebook)
    values = {name: _parameter_value(value) for name, value in sorted(parameters.items())}
    digest.update(json.dumps(values, sort_keys=True, default=str).encode())
    for path in extra_inputs:
        digest.update(hash_path(path).encode())
    return digest.hexdigest()


@dataclass
class StageCache:
    """The manifest of the last good run in `output_dir`, and the one being built."""

    output_dir: Path
    enabled: bool = True
    previous: dict[str, dict[str, Any]] = field(default_factory=dict)
    current: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, output_dir: Path, enabled: bool = True) -> StageCache:
        """Read the manifest; a missing or damaged one means an empty cache."""
        cache_ = cls(output_dir=output_dir, enabled=enabled)
        path = output_dir / MANIFEST
        if enabled and path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("version") == MANIFEST_VERSION:
                    cache_.previous = dict(data.get("stages", {}))
            except (OSError, ValueError, AttributeError):
                cache_.previous = {}
        return cache_

    def fresh(self, stage: str, key: str) -> bool:
        """Whether the last run's files of the stage can serve: its key is unchanged and all
        its files are still there, as the run left them (size and modification time)."""
        entry = self.previous.get(stage)
        if not self.enabled or not entry or entry.get("key") != key:
            return False
        stamps = entry.get("stamps", {})
        for name in entry.get("files", []):
            path = self.output_dir / str(name)
            if not path.is_file() or _stamp(path) != stamps.get(str(name)):
                return False
        return True

    def restore(self, stage: str, key: str, staging: Path) -> bool:
        """Copy the stage's files of the last run into `staging` when they can serve (`fresh`);
        say whether it did."""
        if not self.fresh(stage, key):
            return False
        files = [str(f) for f in self.previous[stage].get("files", [])]
        sources = [self.output_dir / f for f in files]
        for name, source in zip(files, sources, strict=True):
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
        self.current[stage] = {"key": key, "files": files}
        return True

    def record(self, stage: str, key: str, files: list[str]) -> None:
        self.current[stage] = {"key": key, "files": sorted(files)}

    def save(self) -> None:
        """Write the manifest of the run that just succeeded (its files published in the
        output directory)."""
        from ianote_lib.tables import atomic_write  # imports pandas: only when writing

        for entry in self.current.values():
            entry["stamps"] = {name: _stamp(self.output_dir / name) for name in entry["files"]
                               if (self.output_dir / name).is_file()}
        data = {"version": MANIFEST_VERSION, "stages": self.current}
        text = json.dumps(data, indent=1, sort_keys=True)
        atomic_write(self.output_dir / MANIFEST,
                     lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


def _stamp(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_size, info.st_mtime_ns]


def snapshot(folder: Path, roots: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """(size, mtime) of every file under the given sub-folders of `folder`."""
    state = {}
    for root in roots:
        base = folder / root
        if base.exists():
            for item in base.rglob("*"):
                if item.is_file():
                    info = item.stat()
                    state[str(item.relative_to(folder))] = (info.st_size, info.st_mtime_ns)
    return state


def changed_files(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]
                  ) -> list[str]:
    """Files new or rewritten between two snapshots."""
    return [name for name, stamp in after.items() if before.get(name) != stamp]
