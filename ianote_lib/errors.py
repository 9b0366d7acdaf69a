"""User-facing errors: one sentence saying what is wrong and what to do."""


class IanoteError(Exception):
    """An error the analyst can act on; the CLI prints its message without a traceback."""
