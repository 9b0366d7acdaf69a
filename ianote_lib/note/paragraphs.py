"""How the statements of a sub-part gather into paragraphs, one thread each.

The statements that share an idea gather first (`note.openers.idea_groups`), the others stay
with their topic (`paragraph_units`); a statement that shares no noun with the rest of its
paragraph moves to the one it shares most with (`regroup`); a lone sentence joins the paragraph
it shares words with (`closest`); and a sub-part's paragraphs come down to two or three, the
ones that share most merging first (`consolidate`), and a sub-part of one long paragraph
splits it where its two halves share least (`seam`). Nouns are the content lemmas of
`note.openers.nouns_of`, the commande's subject and audience aside (`Openers.known`): every
paragraph speaks of those, they tie nothing together.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ianote_lib.note.openers import Openers, idea_groups
from ianote_lib.note.ordering import order_statements
from ianote_lib.note.text import nouns_of


def nouns_together(statements: list[Any], known: frozenset[str]) -> set[str]:
    """The nouns of some statements, the commande's subject and audience (`known`) aside."""
    return set().union(*(nouns_of(st.text) for st in statements)) - known


def paragraph_chunks(statements: list[Any], order: list[str], openers: Openers | None,
                     size: int) -> list[list[Any]]:
    """The statements of a sub-part in chunks of at most `size`, each a paragraph to be: its
    units (`paragraph_units`), the argued ones in the order of `order_statements`, cut, then
    one thread each (`regroup`, with `openers`)."""
    chunks = []
    for items in paragraph_units(statements, order, openers):
        if not any(getattr(st, "kind", "") for st in items):
            items = order_statements(items)
        chunks += [items[k:k + size] for k in range(0, len(items), size)]
    return regroup(chunks, openers.known, size) if openers is not None else chunks


def regroup(chunks: list[list[Any]], known: frozenset[str], most: int) -> list[list[Any]]:
    """The chunks of a sub-part with each argued statement that shares no noun with the rest
    of its chunk moved to the argued chunk of fewer than `most` statements it shares the most
    nouns with (`known` aside, and the words most of them hold), in the order of
    `order_statements`: a paragraph keeps one thread. A statement that shares none with any
    stays; a chunk left empty goes."""
    chunks = [list(chunk) for chunk in chunks]
    argued = [c for c in chunks if not any(getattr(st, "kind", "") for st in c)]
    nouns = {id(st): nouns_together([st], known) for chunk in argued for st in chunk}
    # a word most of the sub-part's statements hold (« permettre ») ties no thread either
    held = Counter(w for words in nouns.values() for w in words)
    common = {w for w, n in held.items() if n > max(2, 0.5 * len(nouns))}
    nouns = {k: words - common for k, words in nouns.items()}

    def shared(st: Any, chunk: list[Any]) -> int:
        return len(nouns[id(st)] & set().union(*(nouns[id(x)] for x in chunk if x is not st)))

    for chunk in argued:
        for st in [st for st in chunk if len(chunk) > 1 and not shared(st, chunk)]:
            targets = [c for c in argued if c is not chunk and len(c) < most]
            best = max(targets, key=lambda c: shared(st, c), default=None)
            if best is not None and shared(st, best):
                chunk.remove(st)
                best[:] = order_statements([*best, st])     # (dated events still in order)
    return [c for c in chunks if c]


def closest(argued: list[tuple[Any, list[Any]]], statement: Any,
            openers: Openers | None) -> tuple[Any, list[Any]] | None:
    """The argued paragraph of at most four sentences that shares the most nouns with a lone
    statement (the commande's subject and audience aside), None when none shares one."""
    known = openers.known if openers is not None else frozenset()
    own = nouns_together([statement], known)
    best, shared = None, 0
    for para, items in argued:
        if len(para.sentences) > 4:
            continue
        common = len(own & nouns_together(items, known))
        if common > shared:
            best, shared = (para, items), common
    return best


def paragraph_units(statements: list[Any], order: list[str],
                    openers: Openers | None) -> list[list[Any]]:
    """The statements of a sub-part in paragraphs before they are split: with `openers`, the
    argued statements that share an idea first gather (`note.openers.idea_groups`); the
    others stay with their topic. The units follow the topics' order (an idea's paragraph
    takes the place of its statements' most frequent topic), then the selection's."""
    argued = [st for st in statements if not getattr(st, "kind", "")]
    ideas, _ = (idea_groups(argued, openers.known, openers.taken) if openers is not None
                else ([], argued))
    grouped = {id(st) for group in ideas for st in group}
    by_topic: dict[str, list[Any]] = {}
    for st in statements:
        if id(st) not in grouped:
            by_topic.setdefault(st.topic, []).append(st)
    position = {id(st): k for k, st in enumerate(statements)}

    def place(unit: list[Any]) -> tuple[int, int]:
        topic = Counter(st.topic for st in unit).most_common(1)[0][0]
        return (order.index(topic) if topic in order else len(order),
                min(position[id(st)] for st in unit))

    return sorted([*ideas, *by_topic.values()], key=place)


def seam(statements: list[Any], known: frozenset[str], least: int = 2) -> int | None:
    """Where a sub-part's only paragraph splits in two (a sub-part is two or three paragraphs,
    never one of six sentences): the cut, `least` statements on each side at least, whose two
    sides share the fewest nouns (`known` aside), the middle one on a tie; None when the
    statements are too few."""
    if len(statements) < 2 * least:
        return None
    cuts = range(least, len(statements) - least + 1)
    return min(cuts, key=lambda k: (len(nouns_together(statements[:k], known)
                                        & nouns_together(statements[k:], known)),
                                    abs(2 * k - len(statements))))


def consolidate(sizes: list[int], most: int, words: list[set[str]] | None = None,
                longest: int = 7) -> list[list[int]]:
    """The paragraphs of a sub-part (their numbers of sentences, `sizes`) gathered into at most
    `most`, and none of one sentence while another is left: two become one — a paragraph of
    one sentence first, two that make at most `longest` sentences before two that make more —
    the two that share the most `words` (each paragraph's nouns), else neighbours, else the
    two with the fewest sentences. The indices of each final paragraph, in order."""
    groups = [[k] for k in range(len(sizes))]
    words = words or [set() for _ in sizes]
    while len(groups) > 1:
        total = [sum(sizes[k] for k in g) for g in groups]
        lone = {i for i, t in enumerate(total) if t < 2}
        if len(groups) <= most and not lone:
            break
        nouns = [set().union(*(words[k] for k in g)) for g in groups]
        pairs = [(i, j) for i in range(len(groups)) for j in range(i + 1, len(groups))
                 if not lone or {i, j} & lone]
        i, j = min(pairs, key=lambda p: (total[p[0]] + total[p[1]] > longest,
                                         -len(nouns[p[0]] & nouns[p[1]]),
                                         p[1] - p[0] > 1, total[p[0]] + total[p[1]], p))
        groups[i] += groups.pop(j)
    return groups
