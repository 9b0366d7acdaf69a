"""The verbs of saying (`resources/fr/reporting.yaml`): a press sentence often puts its speaker
after what was said (« Les économies sont réelles, explique le maire. »), and what a speaker
says is no claim of the dossier's own."""

from __future__ import annotations

import re
from functools import cache

from ianote_lib.config import load_yaml


@cache
def speech_verb() -> re.Pattern:
    """A form of a verb of saying (`resources/fr/reporting.yaml`: « explique », « souligné »)."""
    return verb_forms("stems", "forms", "e|ent|é")


def verb_forms(stems_key: str, forms_key: str, endings: str) -> re.Pattern:
    """The forms of the verbs of `resources/fr/reporting.yaml` under `stems_key` (a stem and
    one of `endings`) and `forms_key` (whole forms)."""
    data = load_yaml("fr", "reporting.yaml")
    stems = "|".join(map(re.escape, data[stems_key]))
    forms = "|".join(map(re.escape, data[forms_key]))
    return re.compile(rf"(?:(?:{stems})(?:{endings})|{forms})")
