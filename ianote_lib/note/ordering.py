"""The order of a paragraph's statements: the statements about one actor together, in the
order of their source; a definition first, then the general statement the others illustrate;
dated events in the order of their dates; each statement drawn up behind one that speaks of the
same thing (`threaded`); the statements of one document in the order it gives them
(`in_source_order`)."""

from __future__ import annotations

import re
from typing import Any

from ianote_lib.fr.normalize import word_count
from ianote_lib.grouping import connected_groups
from ianote_lib.note.text import proper_nouns, shared_words, starts_with_connector, style

_DEFINES = re.compile(r"(?i)\b(?:désigne|se définit|est définie?|définie? comme|on entend par)\b")
_OPENING_YEAR = re.compile(r"(?i)^(?:[^,]{0,30}?\b)?((?:19|20)\d\d)\b")


def opening_year(text: str) -> int:
    """The year a sentence opens on (« En 2021, … », « Le 29 septembre 2023, … »), else 0."""
    m = _OPENING_YEAR.match(text.strip())
    return int(m.group(1)) if m else 0


def _position(sentence_id: str) -> int:
    m = re.search(r"s(\d+)$", sentence_id)
    return int(m.group(1)) if m else 0


def order_statements(statements: list[Any]) -> list[Any]:
    """Order the statements of a paragraph: the statements about one actor (a shared proper
    name, or neighbouring sentences of one document) stand together, in the order of the
    source, so that the sentence that names the actor comes before those that detail it; a
    definition first, then a general statement standing alone (no figure, no name), which
    states what the others illustrate; the groups keep the order of selection (their best
    statement first)."""
    generic = set(style()["generic_names"])
    names = [{w for w in proper_nouns(st.text) if len(w) > 2 and w not in generic}
             for st in statements]

    def linked(i: int, j: int) -> bool:
        a, b = statements[i], statements[j]
        near = a.doc == b.doc and abs(_position(a.sentence_id) - _position(b.sentence_id)) <= 3
        return near or bool(names[i] & names[j])

    groups = connected_groups(len(statements), linked)
    ordered: list[Any] = []
    defines = [bool(_DEFINES.search(st.text)) for st in statements]
    years = [opening_year(st.text) for st in statements]
    # dated events in the order of their dates when every group opens on one
    dated = all(any(years[i] for i in g) for g in groups) and len(groups) > 1

    # a general statement (no figure, no name, short) states the idea the others illustrate
    general = [not re.search(r"\d", st.text) and not names[k] and word_count(st.text) <= 30
               and not starts_with_connector(st.text) for k, st in enumerate(statements)]

    def place(g: list[int]) -> tuple:
        year = min(years[i] for i in g if years[i]) if dated else 0
        return (not any(defines[i] for i in g), year, not (len(g) == 1 and general[g[0]]),
                min(g))

    for members in sorted(groups, key=place):
        first_doc = statements[min(members)].doc
        members.sort(key=lambda i: (statements[i].doc != first_doc, statements[i].doc,
                                    _position(statements[i].sentence_id)))
        ordered += [statements[i] for i in members]
    return ordered


def speaking_first(statements: list[Any], claims: set[str]) -> list[Any]:
    """The statements with the first that speaks the sub-part's axis (its `claims`) leading,
    the others in their order: a statement filed under the axis by resemblance does not open
    its paragraph."""
    lead = next((st for st in statements if st.sentence_id in claims), None)
    if lead is None or lead is statements[0]:
        return statements
    return [lead, *(st for st in statements if st is not lead)]


def threaded(statements: list[Any], known: frozenset[str], keep: int = 1) -> list[Any]:
    """The statements of a paragraph with each drawn up behind the one it speaks of the same
    thing as: the first `keep` stay in place (the idea's holders, the general statement), then
    each next is the one left that shares the most words with the last placed
    (`note.text.shared_words`, `known` aside: the commande's subject and audience), else the
    earliest left. Dated events keep their order."""
    if sum(1 for st in statements if opening_year(st.text)) >= 2:
        return statements
    placed = list(statements[:max(keep, 1)])
    left = list(statements[len(placed):])
    while left:
        last = placed[-1].text
        shared = [len(shared_words(last, st.text, known)) for st in left]
        nxt = left[max(range(len(left)), key=lambda k: (shared[k], -k))]
        placed.append(nxt)
        left.remove(nxt)
    return placed


def in_source_order(statements: list[Any], keep: int = 0, near: int = 3) -> list[Any]:
    """The statements with those of each document in the order the document gives them, in
    the places the paragraph's order gave that document, and those of one passage (at most
    `near` sentences apart) told together from the place of the first: a sentence that details
    an actor or a measure (« De janvier à mars, la médiathèque a été ouverte le dimanche »)
    never comes before the one of its document that introduces it (« Rosporden teste la
    mesure… »), nor apart from it. The first `keep` stay first (the holders of the idea the
    paragraph opens on); dated events keep their order."""
    if sum(1 for st in statements if opening_year(st.text)) >= 2 or len(statements) - keep < 2:
        return statements
    return statements[:keep] + _in_source_order(statements[keep:], near)


def _in_source_order(statements: list[Any], near: int) -> list[Any]:
    out = list(statements)
    for doc in {st.doc for st in statements}:
        slots = [k for k, st in enumerate(statements) if st.doc == doc]
        mine = sorted((statements[k] for k in slots), key=lambda st: _position(st.sentence_id))
        for k, st in zip(slots, mine, strict=True):
            out[k] = st
    place = list(range(len(out)))          # each statement's place: its passage's first
    for k in range(1, len(out)):
        previous = next((j for j in range(k - 1, -1, -1) if out[j].doc == out[k].doc), None)
        if previous is not None and (_position(out[k].sentence_id)
                                     - _position(out[previous].sentence_id)) <= near:
            place[k] = place[previous]
    return [out[k] for k in sorted(range(len(out)), key=lambda k: (place[k], k))]
