"""Lists told as one sentence: a list of the documents is never quoted item by item.

A sentence that announces a list (« Parmi les mesures… figurent : », « … c'est-à-dire : »)
followed by its items, the rows of its document, is quoted with them as one enumeration, its
items as its sources (resolution `liste`, for `note.evidence`): labelled items by their labels
(`join_labelled_lists`), short items whole (`join_listed_items`).
"""

from __future__ import annotations

import re

import pandas as pd

from ianote_lib.fr.names import and_list
from ianote_lib.fr.normalize import strip_bullet, word_count
from ianote_lib.note.candidates import rejection_reasons

_LIST_INTRO = re.compile(r"\s*(?:,\s*)?(?P<cest>c['’]est-à-dire\s*)?:\s*$")
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


def join_listed_items(sents: pd.DataFrame, max_words: int = 60, item_words: int = 20,
                      max_items: int = 5) -> None:
    """A sentence that announces a list (« Parmi les mesures qui concernent les collectivités
    figurent : ») followed by short items (list rows of its document, at most `item_words`
    words each, two to `max_items` of them) is quoted with its items as one enumeration (« … :
    un fonds…, l'obligation… et l'installation… »), the items as its sources (resolution
    `liste`): a list is told in a sentence, never item by item. All the items or none: the
    sentence must be quotable and hold at most `max_words` words."""
    texts = sents["clean"].tolist()
    kinds = sents["kind"].tolist()
    docs = sents["doc"].tolist()
    for k in range(len(sents) - 1):
        if (not texts[k].rstrip().endswith(":") or _LIST_INTRO.search(texts[k]) is None
                or set(sents.at[sents.index[k], "reasons"]) != {"fragment (fin)"}):
            continue
        items, ids = [], []
        for j in range(k + 1, len(sents)):
            if kinds[j] != "bullet" or docs[j] != docs[k]:
                break
            item = strip_bullet(str(sents.at[sents.index[j], "text"])).strip().rstrip(";,.").strip()
            if not item or ":" in item or word_count(item) > item_words:
                items = []
                break
            items.append(item[:1].lower() + item[1:] if item[1:2].islower() else item)
            ids.append(str(sents.at[sents.index[j], "sentence_id"]))
        if not 2 <= len(items) <= max_items:
            continue                    # (a longer list is a catalogue, not a point)
        head = texts[k].rstrip()[:-1].rstrip()
        # « Parmi les mesures… : » announces without a verb of its own: the items « figurent »
        text = (f"{head} figurent {and_list(items)}." if _AMONG.match(head)
                else f"{head} : {and_list(items)}.")
        if rejection_reasons(text, kinds[k]) or word_count(text) > max_words:
            continue
        sents.at[sents.index[k], "clean"] = text
        sents.at[sents.index[k], "reasons"] = []
        sents.at[sents.index[k], "context_ids"] = ids
        sents.at[sents.index[k], "resolution"] = "liste"
