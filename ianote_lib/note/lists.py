"""Lists told as one sentence: a list of the documents is never quoted item by item.

A sentence that announces a list (« Parmi les mesures… figurent : », « … c'est-à-dire : »)
followed by its items, the rows of its document, is quoted with them as one enumeration, its
items as its sources (resolution `liste`, for `note.evidence`): labelled items by their labels
(`join_labelled_lists`), short items whole and a long one by its words before its conditions
(`join_listed_items`); of a catalogue, its first items after « notamment ».
"""

from __future__ import annotations

import re

import pandas as pd

from ianote_lib.fr.names import and_list
from ianote_lib.fr.normalize import strip_bullet, word_count
from ianote_lib.note.candidates import rejection_reasons

_LIST_INTRO = re.compile(r"\s*(?:,\s*)?(?P<cest>c['’]est-à-dire\s*)?:\s*$")
# what refuses the sentence that announces a list alone: it ends on its colon, and is short
# (« Les collectivités doivent mettre en ligne : »)
_LEAD_REASONS = {"fragment (fin)", "trop courte"}
_ITEM_LABEL = re.compile(r"^\s*(?:[•\-–—*▪◦●]\s*)?(?P<label>[^.:;,]{2,40}?)\s?:\s")


def join_labelled_lists(sents: pd.DataFrame, max_words: int = 60) -> None:
    """A sentence that announces a list (« … accessibles aux personnes handicapées,
    c'est-à-dire : ») followed by items that each open on a short label (« perceptibles : par
    exemple, … ») is quoted with the labels as its enumeration (« …, c'est-à-dire
    perceptibles, utilisables, compréhensibles et robustes. »), the items as its sources
    (resolution `liste`). A label holds at most four words and no digit; two items at least;
    the sentence must then be quotable (it does not point back)."""
    texts = sents["clean"].tolist()
    for k in range(len(sents)):
        intro = _LIST_INTRO.search(texts[k])
        if not intro or set(sents.at[sents.index[k], "reasons"]) != {"fragment (fin)"}:
            continue
        labels, ids = [], []
        for j in range(k + 1, len(sents)):
            if sents.at[sents.index[j], "doc"] != sents.at[sents.index[k], "doc"]:
                break
            m = _ITEM_LABEL.match(str(sents.at[sents.index[j], "text"]))
            if not m or len(m.group("label").split()) > 4 or re.search(r"\d", m.group("label")):
                break                       # (« Principe 1 : » names nothing)
            label = m.group("label").strip()
            labels.append(label[:1].lower() + label[1:] if label[1:2].islower() else label)
            ids.append(str(sents.at[sents.index[j], "sentence_id"]))
        if len(labels) < 2:
            continue
        listed = and_list(labels)
        head = texts[k][:intro.start()].rstrip()
        text = f"{head}, {intro.group('cest').strip()} {listed}." if intro.group("cest") \
            else f"{head} : {listed}."
        reasons = rejection_reasons(text, str(sents.at[sents.index[k], "kind"]))
        if reasons or word_count(text) > max_words:
            continue
        sents.at[sents.index[k], "clean"] = text
        sents.at[sents.index[k], "reasons"] = []
        sents.at[sents.index[k], "context_ids"] = ids
        sents.at[sents.index[k], "resolution"] = "liste"


# a lead that names the set the items belong to, with no verb of its own (« Parmi les mesures
# qui concernent les collectivités : »)
_AMONG = re.compile(r"(?i)^(?:parmi|au nombre de)\s(?!.*\b(?:figur\w*|compt\w*|trouv\w*|"
                    r"cit\w*|not\w*|retien\w*|relev\w*)\b)")


# where a list item's own words end and its conditions begin (« Les cartes et les services
# de cartographie en ligne, sous réserve que… »; never the comma of « A, B et C »)
_ITEM_END = re.compile(r";|, (?:sauf|qui|dont|y compris|sous réserve|jusqu['’]à|notamment|"
                       r"lorsque|lorsqu['’]|à condition)\b")


_DETERMINED = re.compile(r"(?i)^(?:les?|la|l['’]|des|du|un|une|ses|leurs?)\s?\w")


def _listed(item: str, item_words: int, whole: bool = True) -> str:
    """A list item as an enumeration tells it: `whole` when short, else its words before its
    conditions (`_ITEM_END`) when those are short; "" when it cannot be told so."""
    if ":" in item or not (whole or _DETERMINED.match(item)):
        return ""                       # (a catalogue's bare labels are headings, not items)
    if whole and word_count(item) <= item_words:
        return item
    head = _ITEM_END.split(item, maxsplit=1)[0].strip()
    return head if 2 <= word_count(head) <= item_words * 3 // 4 else ""


def join_listed_items(sents: pd.DataFrame, max_words: int = 60, item_words: int = 20,
                      max_items: int = 5, longer: int = 4) -> None:
    """A sentence that announces a list (« Parmi les mesures qui concernent les collectivités
    figurent : ») followed by short items (list rows of its document, at most `item_words`
    words each, or a long item's words before its conditions: `_listed`) is quoted with its
    items as one enumeration (« … : un fonds…, l'obligation… et l'installation… »), the items
    as its sources (resolution `liste`): a list is told in a sentence, never item by item.
    Two to `max_items` items are all told; of a longer list, the first `longer`, after
    « notamment ». The sentence must be quotable and hold at most `max_words` words."""
    texts = sents["clean"].tolist()
    kinds = sents["kind"].tolist()
    docs = sents["doc"].tolist()
    for k in range(len(sents) - 1):
        reasons = set(sents.at[sents.index[k], "reasons"])
        if (not texts[k].rstrip().endswith(":") or _LIST_INTRO.search(texts[k]) is None
                or "fragment (fin)" not in reasons or reasons - _LEAD_REASONS):
            continue
        rows = []
        for j in range(k + 1, len(sents)):
            if kinds[j] != "bullet" or docs[j] != docs[k]:
                break
            rows.append(j)
        # (a longer list is a catalogue: its first items say what it holds)
        some = "notamment " if len(rows) > max_items else ""
        rows = rows[:longer] if some else rows
        items = [_listed(strip_bullet(str(sents.at[sents.index[j], "text"])).strip()
                         .rstrip(";,.").strip(), item_words, whole=not some) for j in rows]
        if len(items) < 2 or not all(items):
            continue
        items = [item[:1].lower() + item[1:] if item[1:2].islower() else item for item in items]
        ids = [str(sents.at[sents.index[j], "sentence_id"]) for j in rows]
        head = texts[k].rstrip()[:-1].rstrip()
        # « Parmi les mesures… : » announces without a verb of its own: the items « figurent »
        text = (f"{head} figurent {some}{and_list(items)}." if _AMONG.match(head)
                else f"{head} : {some}{and_list(items)}.")
        if rejection_reasons(text, kinds[k]) or word_count(text) > max_words:
            continue
        sents.at[sents.index[k], "clean"] = text
        sents.at[sents.index[k], "reasons"] = []
        sents.at[sents.index[k], "context_ids"] = ids
        sents.at[sents.index[k], "resolution"] = "liste"
