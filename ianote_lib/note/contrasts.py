"""A sentence never told without the next one of its paragraph when that one contradicts or
restricts it (« Toutefois », « Mais »…), or when it only announces it (« Plusieurs départements
ont déjà pris les devants. »): the two are quoted together, or the first is left out."""

from __future__ import annotations

import re

import pandas as pd

from ianote_lib.fr.normalize import word_count
from ianote_lib.note.candidates import statement_text
from ianote_lib.note.text import compress, style


def announces(text: str) -> bool:
    """A short sentence, without a figure but a year, whose subject is an indefinite set
    (« Des objectifs ambitieux ont été fixés d'ici la fin de l'année 2022. », « Plusieurs
    départements ont déjà pris les devants. »: `style.yaml announcer_openings`) or whose last
    sentence ends on one (« On note néanmoins quelques constantes. »), one that only
    announces kinds (« Deux options sont aujourd'hui sérieusement possibles… »:
    `announcer_of_kinds`), or one that opens on the time before a change (« Jusqu'à ce jour,
    le RGAA s'appliquait… »: `change_openings`): it announces what the next sentence says."""
    conf = style()
    text = text.strip()
    if re.match(r"^(?i:" + "|".join(conf["change_openings"]) + r")\s*,", text) or (
            announces_kinds(text)):
        return True
    most = int(conf["announcer_words"])

    def short(sentence: str) -> bool:
        figures = re.sub(r"\b(?:19|20)\d\d\b", "", sentence)       # (a year is no figure)
        return word_count(sentence) <= most and not re.search(r"\d", figures)

    # (or whose last sentence ends on one, its object, a quantifier other than « des »: « Les
    # dispositifs sont variés. On note néanmoins quelques constantes. », not « Les élus ont
    # rencontré des difficultés. » nor « …s'étend à de nombreux domaines. »)
    last = re.split(r"(?<=[.!?])\s+", text)[-1]
    ending = "|".join(w for w in conf["announcer_openings"] if w != "des")
    return ((short(text) and bool(re.match(r"^(?i:" + "|".join(conf["announcer_openings"])
                                           + r")\s+[a-zà-ÿ]", text)))
            or (short(last) and bool(re.search(
                r"\s(?!(?:à|aux?|en|dans|sur|pour|par|de|avec|sous|entre)\s)\S+\s(?i:"
                + ending + r")\s+[a-zà-ÿ]+\s*\.$", last))))


def announces_kinds(text: str) -> bool:
    """Whether a sentence only announces kinds its next lines tell (« Deux options sont
    aujourd'hui sérieusement possibles… »: `style.yaml announcer_of_kinds`)."""
    kinds = "|".join(style()["announced_kinds"])
    return any(re.match(pattern.replace("{kinds}", kinds), text.strip(), re.IGNORECASE)
               for pattern in style()["announcer_of_kinds"])


def keep_contrasts(sents: pd.DataFrame, max_words: int = 60) -> None:
    """A sentence that the next one of its paragraph contradicts or restricts (« Toutefois »,
    « Mais », « Cependant »…), or that announces it (`announces`), is never told without it:
    the two are quoted together (resolution `suivie`, the second's id in `context_ids`), or,
    when too long together, the first is left out; so is an announcement of kinds that ends
    its paragraph (`announces_kinds`: « annonce la suite »)."""
    opening = re.compile(r"^(?:" + "|".join(style()["contrast_openings"]) + r")(?!\w)",
                         re.IGNORECASE)
    texts = sents["clean"].tolist()
    own = sents["parsed_text"].map(statement_text).tolist()     # the sentence as written
    rows = list(range(len(sents)))
    for k, j in zip(rows, rows[1:] + [None], strict=True):
        same = j is not None and (
            sents.at[sents.index[k], "doc"] == sents.at[sents.index[j], "doc"]
            and ("paragraph_id" not in sents
                 or sents.at[sents.index[k], "paragraph_id"]
                 == sents.at[sents.index[j], "paragraph_id"]))
        reasons_k = list(sents.at[sents.index[k], "reasons"])
        if reasons_k or sents.at[sents.index[k], "resolution"]:
            continue
        if not same:
            # (the kinds it announces are told under headings, or not at all)
            if announces_kinds(own[k]):
                sents.at[sents.index[k], "reasons"] = reasons_k + ["annonce la suite"]
            continue
        if not (opening.match(own[j].strip()) or announces(own[k])):
            continue
        if sents.at[sents.index[j], "resolution"] == "précédée":
            # the pair is already told as one statement (the second's): never the first alone
            sents.at[sents.index[k], "reasons"] = reasons_k + ["nuancée par la phrase suivante"]
            continue
        if (not sents.at[sents.index[j], "reasons"]
                and word_count(compress(texts[k])) + word_count(compress(texts[j])) <= max_words):
            sents.at[sents.index[k], "clean"] = texts[k].rstrip() + " " + texts[j]
            sents.at[sents.index[k], "context_ids"] = [str(sents.at[sents.index[j],
                                                                     "sentence_id"])]
            sents.at[sents.index[k], "resolution"] = "suivie"
        else:
            sents.at[sents.index[k], "reasons"] = reasons_k + ["nuancée par la phrase suivante"]
