"""Access to the data files shipped in `ianote_lib/resources/` (lexicons, plans, templates)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def resource_path(*parts: str) -> Path:
    """Path of a file under `ianote_lib/resources/`."""
    return Path(str(resources.files("ianote_lib").joinpath("resources", *parts)))


# libyaml's parser when PyYAML was built with it (ten times faster, same objects)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(stream: Any) -> Any:
    """`yaml.safe_load` through libyaml when available."""
    return yaml.load(stream, Loader=_SAFE_LOADER)


@cache
def _load(path: str) -> Any:
    with open(path, encoding="utf-8") as handle:
        return safe_load(handle)


def load_yaml(*parts: str) -> Any:
    """Parsed YAML resource (cached: callers must not mutate it)."""
    return _load(str(resource_path(*parts)))
