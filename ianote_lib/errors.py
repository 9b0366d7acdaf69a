"""User-facing errors: one sentence saying what is wrong and what to do."""

from ianote_lib.fr.normalize import french_typography


class IanoteError(Exception):
    """An error the analyst can act on; the CLI prints its message without a traceback.

    The message is French: it is given French typography (no-break spaces before « : ; » and
    inside guillemets) here, once for every message."""

    def __init__(self, message: str) -> None:
        super().__init__(french_typography(message))
