"""The word lists of `resources/figure_subject.yaml` (with the stop words of
`figure_rules.yaml` and the theme stems of `figure_categories.yaml`), read once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ianote_lib.config import load_yaml
from ianote_lib.figures.sentence_tokens import TOKEN_RE
from ianote_lib.fr.normalize import fold_same_length


@dataclass
class SubjectLexicon:
    det: set[str]
    of_links: set[str]
    links: set[str]
    participle_links: set[str]
    pronouns: set[str]
    plural_pronouns: set[str]
    aux: set[str]
    neg: set[str]
    fillers: set[str]
    compound: list[tuple[str, ...]]
    qualifiers: set[str]
    nominal: dict[str, str]
    change: set[str]
    list_nouns: set[str]
    common_names: set[str]
    stop: set[str]
    max_words: int
    be_forms: set[str]
    temporal: set[str]
    governing_prepositions: set[str]
    pair_links: set[str]
    subordinators: set[str]
    verb_endings: dict[str, re.Pattern]
    theme_stems: dict[str, list[str]] = field(default_factory=dict)


@cache
def subject_lexicon() -> SubjectLexicon:
    conf = load_yaml("figure_subject.yaml")
    rules = load_yaml("figure_rules.yaml")
    cats = load_yaml("figure_categories.yaml")

    def words(key: str) -> set[str]:
        return {str(w).lower().replace("’", "'") for w in conf[key]}

    return SubjectLexicon(
        det=words("determiners"), of_links=words("of_links"), links=words("links"),
        participle_links=words("participle_links"), pronouns=words("pronouns"),
        plural_pronouns=words("plural_pronouns"), aux=words("auxiliaries"),
        neg=words("negations"), fillers=words("fillers"),
        compound=[tuple(TOKEN_RE.findall(p.lower().replace("’", "'")))
                  for p in conf["compound_prepositions"]],
        qualifiers=words("qualifiers_before"),
        nominal={k.lower(): v for k, v in conf["nominalizations"].items()},
        change=words("change_verbs"), list_nouns=words("list_nouns"),
        common_names=words("common_names"),
        stop={fold_same_length(str(w)) for w in rules["stopwords"]},
        max_words=int(conf["max_words"]),
        be_forms=words("be_forms"), temporal=words("temporal_words"),
        governing_prepositions=words("governing_prepositions"),
        pair_links=words("pair_links"), subordinators=words("subordinators"),
        verb_endings={k: re.compile(v) for k, v in conf["verb_endings"].items()},
        theme_stems={k: [fold_same_length(s) for s in v]
                     for k, v in cats["keywords"].items()},
    )
