"""Kernel entry point for `ianote run`: an ipykernel whose own log goes to a file.

The kernel's stderr (shutdown notices, transport warnings) would otherwise interleave with the
run's one-line progress and error messages; with IANOTE_KERNEL_LOG set it goes to that file,
which the runner keeps beside a failed notebook.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    log = os.environ.get("IANOTE_KERNEL_LOG")
    if log:
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        os.dup2(fd, 2)
        os.close(fd)
    if sys.path and sys.path[0] in ("", os.getcwd()):
        sys.path.pop(0)  # as ipykernel_launcher does: the notebook's folder is not a package
    from ipykernel import kernelapp  # after the redirection: its import-time noise goes to the log

    kernelapp.launch_new_instance()


if __name__ == "__main__":
    main()
