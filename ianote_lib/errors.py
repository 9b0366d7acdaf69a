"""User-facing errors: one sentence saying what is wrong and what to do.

The messages are French, written with plain spaces; French typography (no-break spaces before
« : ; » and inside guillemets) is given to them where they are shown to the user: the CLI's
printing, the batch summary and the runner's message for a failed notebook (`ianote_lib.running`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class IanoteError(Exception):
    """An error the analyst can act on; the CLI prints its message without a traceback."""


class InputError(IanoteError):
    """The dossier cannot be read: missing, empty, not a PDF or a text, unreadable, scanned."""


class ParametersError(IanoteError):
    """A run parameter, or the parameters file, is missing or invalid."""


class OverridesError(IanoteError):
    """The analyst's overrides file is missing or invalid."""


class NotebookError(IanoteError):
    """A notebook of the run failed: its name and the number of the cell that failed (None
    when unknown) come with the message."""

    def __init__(self, message: str, notebook: str, cell: int | None = None) -> None:
        super().__init__(message)
        self.notebook = notebook
        self.cell = cell


class VerificationError(IanoteError):
    """The note holds analyst text that fails its verification and the run was not told to
    accept it (`--accepter-anomalies`): the failed checks come with the message."""

    def __init__(self, message: str, anomalies: list | None = None) -> None:
        super().__init__(message)
        self.anomalies = list(anomalies or [])


def error_names() -> frozenset[str]:
    """The class names of `IanoteError` and of every subclass of it (as a failed notebook's
    kernel reports the error it raised)."""
    names: set[str] = set()
    todo: list[type[IanoteError]] = [IanoteError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return frozenset(names)


def did_you_mean(name: str, known: Iterable[str], label: str = "attendu") -> str:
    """The end of a message refusing `name`: the closest known name, else the known names
    (after `label`)."""
    known = sorted(known)
    close = difflib.get_close_matches(name, known, n=1) or [
        k for k in known if k.lower() == name.lower()]
    return f"vouliez-vous dire « {close[0]} » ?" if close else f"{label} : {', '.join(known)}."
