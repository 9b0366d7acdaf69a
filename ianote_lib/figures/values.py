"""A figure value with its unit, written in French: '1,5 milliard €', '30 %', '400 à 600'."""

from __future__ import annotations

import pandas as pd

from ianote_lib.fr.normalize import NBSP, NNBSP
from ianote_lib.fr.numbers import french_number

UNIT_LABELS = {"EUR": "€", "USD": "$", "%": "%", "tCO2e": "t CO2e", "gCO2e": "g CO2e",
               "m3": "m³", "L": "L", "GWh": "GWh", "MWh": "MWh", "km": "km", "cm": "cm", "m2": "m²",
               "count": "", "year": "an(s)", "day": "jour(s)", "week": "semaine(s)",
               "month": "mois", "hour": "heure(s)", "ratio": "fois", "zettabyte": "Zo",
               "other": ""}


def french_value(value: float, unit: str, high: float | None = None) -> str:
    """'1,5 milliard €', '30 %', '502 t CO2e', '400 à 600'."""
    def one(v: float) -> str:
        for factor, word in ((1e9, "milliard"), (1e6, "million")):
            if abs(v) >= factor and unit in ("EUR", "USD", "count"):
                x = v / factor
                text = (f"{x:,.0f}".replace(",", NNBSP) if x >= 1000 else
                        f"{x:.2f}".rstrip("0").rstrip(".").replace(".", ","))
                return f"{text}{NBSP}{word}{'s' if x >= 2 else ''}"
        if float(v).is_integer():
            return french_number(float(v))
        return f"{v:.3g}".replace(".", ",")
    text = one(value) if high is None or pd.isna(high) else f"{one(value)} à {one(high)}"
    label = UNIT_LABELS.get(unit, "")
    return f"{text}{NBSP}{label}" if label else text
