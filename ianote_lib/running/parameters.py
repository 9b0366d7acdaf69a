"""The run's parameters, checked before any kernel starts: names, types and values.

A name no notebook declares is refused with the closest known one. A value is checked against
what its parameter means (a date, a choice, a file) or, for the others, against the type of the
notebook's default (a number stays a number, a text a text). Paths are made absolute, since
the notebooks run in another folder than the one the analyst typed them in.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path
from typing import Any

from ianote_lib.errors import ParametersError, did_you_mean

CHOICES = {"citations": ("doc", "none")}
PLAN_WORDS = ("default", "auto")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_parameters(parameters: dict[str, Any], known: set[str],
                     defaults: dict[str, str] | None = None) -> dict[str, Any]:
    """The parameters as the notebooks get them, or `ParametersError` naming the first wrong
    one and what to write instead. `defaults` maps a name to its default in the notebook, as
    source text (papermill's `inspect_notebook`)."""
    for name in parameters:
        if name not in known:
            raise ParametersError(f"Paramètre inconnu « {name} » : "
                                  + did_you_mean(name, known, "paramètres connus"))
    defaults = defaults or {}
    return {name: _checked(name, value, defaults.get(name))
            for name, value in parameters.items()}


def _literal(source: str | None) -> Any:
    try:
        return ast.literal_eval(source) if source else None
    except (ValueError, SyntaxError):
        return None


def _checked(name: str, value: Any, default_source: str | None) -> Any:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):    # YAML reads `2025-06-30` unquoted as a date
        value = value.isoformat()
    if isinstance(value, (list, dict, set, tuple)):
        raise ParametersError(f"Le paramètre « {name} » attend une seule valeur, pas une liste "
                              "ni un dictionnaire : donnez-en une.")
    if value is None or name in ("dossier", "output_dir"):
        return value
    if name == "date":
        return _date(value)
    if name in CHOICES:
        if str(value) not in CHOICES[name]:
            raise ParametersError(
                f"Le paramètre « {name} » vaut « {value} » : "
                + did_you_mean(str(value), CHOICES[name], "valeurs possibles"))
        return str(value)
    if name == "plan":
        return _plan(value)
    if name == "modele":
        # the office export: imported only when a model is given (start-up)
        from ianote_lib.reports.office import check_modele

        return str(check_modele(value))
    if name == "overrides":
        path = Path(str(value)).expanduser()
        if not path.is_file():
            raise ParametersError(f"Le fichier de corrections « {value} » (paramètre "
                                  "« overrides ») est introuvable : vérifiez son chemin.")
        return str(path.resolve())
    default = _literal(default_source)
    if isinstance(default, int) and not isinstance(default, bool):
        return _integer(name, value, default)
    if isinstance(value, bool):
        raise ParametersError(f"Le paramètre « {name} » attend un texte (reçu « {value} », lu "
                              "comme un booléen) : mettez la valeur entre guillemets.")
    return str(value) if isinstance(value, (int, float)) else value


def _date(value: Any) -> str:
    text = str(value).strip()
    try:
        if _ISO_DATE.fullmatch(text):
            return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise ParametersError(f"Le paramètre « date » doit être une date AAAA-MM-JJ qui existe "
                          f"(reçu « {value} ») : écrivez par exemple -p date 2025-06-30.")


def _plan(value: Any) -> str:
    text = str(value)
    if text in PLAN_WORDS:
        return text
    path = Path(text).expanduser()
    if path.is_file():
        return str(path.resolve())
    raise ParametersError(f"Le paramètre « plan » vaut « {value} », qui n'est ni « default », ni "
                          "« auto », ni un fichier de plan existant : donnez l'un des trois.")


def _integer(name: str, value: Any, default: int) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ParametersError(f"Le paramètre « {name} » doit être un nombre entier positif "
                              f"(reçu « {value} ») : écrivez par exemple -p {name} {default}.")
    return value
