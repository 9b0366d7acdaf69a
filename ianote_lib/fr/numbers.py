"""Numbers written the French way: '1 500 000 000', '5,5', '0,0004'."""

from __future__ import annotations

import math
import numbers

import numpy as np
import pandas as pd

from ianote_lib.fr.normalize import NNBSP


def is_missing(value: object) -> bool:
    """True for None, NaN, pandas' NA and NaT (and not for an empty string or a list)."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # list-like values
        return False


def french_number(value: object, decimals: int = 3, fixed: bool = False) -> str:
    """A number as French text prints it, narrow no-break spaces between thousands and a
    decimal comma.

    By default: '1 500 000 000', '5,5', '100' (not '100.0'), at most `decimals` decimals,
    trailing zeros dropped (a tiny value keeps its first significant digit: '0,0004');
    missing → ''; a boolean → 'oui'/'non'. With `fixed`, exactly `decimals` decimals
    ('12,0'), as chart labels print them."""
    if fixed:
        return f"{value:,.{decimals}f}".replace(",", NNBSP).replace(".", ",")
    if is_missing(value):
        return ""
    if isinstance(value, bool | np.bool_):
        return "oui" if value else "non"
    if isinstance(value, numbers.Integral):
        text = f"{int(value):,}"
    else:
        number = float(value)  # type: ignore[arg-type]
        if math.isinf(number):
            return "∞" if number > 0 else "-∞"
        if number.is_integer() and abs(number) < 1e16:
            text = f"{int(number):,}"
        else:
            places = decimals
            while places < 12 and round(number, places) == 0:
                places += 1
            text = f"{number:,.{places}f}"
            if "." in text:
                text = text.rstrip("0").rstrip(".")
    return text.replace(",", NNBSP).replace(".", ",")
