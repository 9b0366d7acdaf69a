"""Recover the commande, the list of documents and each document's body from a raw dossier.

PDF extractors print exam dossiers with flaws: the list of documents with its numbers and
titles in separate runs, documents without a "DOCUMENT N" marker or with the marker at the
bottom of their first page, blocks of a page extracted before the block that opens it, page
numbers, URL lines, and the cover page anywhere.  The segmenter works from anchors (markers and
fuzzy matches of the listed titles), page cues and the declared page counts.
"""

from __future__ import annotations

import bisect
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rapidfuzz import fuzz

from ianote_lib.config import load_yaml
from ianote_lib.fr.dates import parse_french_date
from ianote_lib.fr.normalize import clean_display, fold, french_typography
from ianote_lib.reading.commande import Commande, parse_commande
from ianote_lib.reading.readers import RawDossier

TITLE_MIN_SCORE = 85
MARKER_TITLE_WINDOW = 80  # lines: a marker and a title this close belong to one page
MAX_TITLE_LINES = 3


class SegmentationWarning(UserWarning):
    """The dossier's structure was only partly recognised."""


@dataclass
class ListedDocument:
    doc: int
    title: str = ""
    authors: str = ""
    source: str = ""
    date: str = ""
    declared_pages: int | None = None
    raw: str = ""


@dataclass
class BodyLine:
    text: str
    page: int
    line_no: int
    is_title: bool = False


@dataclass
class Segmentation:
    commande: Commande
    listed: list[ListedDocument]
    bodies: dict[int, list[BodyLine]]
    boilerplate: list[str] = field(default_factory=list)
    total_pages: int | None = None
    warnings: list[str] = field(default_factory=list)


@cache
def _layout() -> dict[str, Any]:
    data = load_yaml("layout.yaml")
    compiled: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, list):
            compiled[key] = [re.compile(p, re.I) for p in value]
        else:
            compiled[key] = re.compile(value, re.I)
    return compiled


def squash(line: str) -> str:
    """A line with its spaces collapsed, for matching layout cues."""
    return clean_display(line)


def is_furniture(line: str) -> bool:
    """Page numbers, URL lines and exam boilerplate: never part of a document."""
    text = squash(line)
    lay = _layout()
    if lay["page_number"].match(text):
        return True
    return any(p.match(text) for p in lay["furniture"] + lay["boilerplate"])


# --------------------------------------------------------------------------- the list


def parse_document_list(lines: list[str], start: int) -> tuple[list[ListedDocument], int]:
    """Parse the list of documents after its heading; return the entries and the end line.

    Numbers ("Document 3 :") and entries (« title » - source - date - N pages) may come in
    separate runs; they are paired in order of appearance.
    """
    lay = _layout()
    numbers: list[int] = []
    entries: list[tuple[int | None, str]] = []
    current: list[str] = []
    current_number: int | None = None
    end = start + 1
    for i in range(start + 1, len(lines)):
        text = squash(lines[i])
        if not text:
            continue
        number = lay["list_number"].match(text)
        if number and not current:
            rest = number.group(2).strip()
            if rest:
                current, current_number = [rest], int(number.group(1))
            else:
                numbers.append(int(number.group(1)))
            end = i + 1
        elif current or text.startswith(("«", '"', "“")):
            current.append(text)
        elif entries or numbers:
            break
        else:
            continue
        if current and lay["list_pages"].search(_join_wrapped(current)):
            entries.append((current_number, _join_wrapped(current)))
            current, current_number = [], None
            end = i + 1
    pending = list(numbers)
    listed: list[ListedDocument] = []
    for number, raw in entries:
        if number is None:
            if not pending:
                break
            number = pending.pop(0)
        listed.append(_parse_entry(number, raw))
    listed.sort(key=lambda d: d.doc)
    return listed, end


def _join_wrapped(parts: list[str]) -> str:
    out = parts[0]
    for part in parts[1:]:
        if re.search(r"\w-$", out) and part[:1].isupper():
            out += part  # "Lise-" + "Marie"
        else:
            out += " " + part
    return squash(out)


def _parse_entry(number: int, raw: str) -> ListedDocument:
    entry = ListedDocument(doc=number, raw=raw)
    match = re.match(r"^[«\"“]\s*(?P<title>.+?)\s*[»”\"]\s*(?P<rest>(?:[-–]|\s)\s*.*)$", raw)
    if match:
        entry.title = match["title"].strip()
        rest = match["rest"]
    else:
        entry.title, _, rest = raw.partition(" - ")
    parts = [p.strip() for p in re.split(r"\s+[-–]\s+|^\s*[-–]\s+|\s+[-–]$", rest) if p.strip()]
    pages = _layout()["list_pages"].search(" - " + parts[-1]) if parts else None
    if pages:
        entry.declared_pages = int(pages.group(1))
        parts = parts[:-1]
    if parts and parse_french_date(parts[-1]):
        entry.date = parse_french_date(parts[-1])
        parts = parts[:-1]
    if parts:
        entry.source = parts[-1]
        entry.authors = " - ".join(parts[:-1])
    return entry


# --------------------------------------------------------------------------- the commande


# --------------------------------------------------------------------------- the bodies


def page_cues(raw: RawDossier) -> tuple[list[int], dict[int, int]]:
    """Lines that start a page, and page-number lines with their printed number.

    In text mode a PDF extractor leaves two cues: a single leading space on the first line of
    a page, and page numbers ("27/38") at the bottom of a page.
    """
    lay = _layout()
    numbers: dict[int, int] = {}
    for i, line in enumerate(raw.lines):
        if m := lay["page_number"].match(squash(line)):
            numbers[i] = int(m.group(1))
    if raw.pages_known:
        return list(raw.page_starts), numbers
    cues = {0}
    for i, line in enumerate(raw.lines):
        if re.match(r"^ [^\s]", line):
            cues.add(i)
    for i in numbers:
        j = i + 1
        while j < len(raw.lines) and not raw.lines[j].strip():
            j += 1
        cues.add(j)
    return sorted(cues), numbers


def _title_candidates(
    lines: list[str], lo: int, hi: int, title: str, keys: dict[str, str] | None = None
) -> list[tuple[int, int, float]]:
    """(first line, last line, score) of windows of 1-3 lines that match a listed title.

    `keys` memoises the windows' keys across the titles of one dossier (every title is compared
    with the same windows)."""
    keys = {} if keys is None else keys
    target = _title_key(title)
    if len(target) < 8:
        return []
    found = []
    nonempty = [i for i in range(lo, hi) if lines[i].strip()]
    for k, i in enumerate(nonempty):
        joined = ""
        for n in range(MAX_TITLE_LINES):
            if k + n >= len(nonempty):
                break
            j = nonempty[k + n]
            joined = (joined + " " + lines[j]).strip()
            key = keys.get(joined)
            if key is None:
                key = keys[joined] = _title_key(joined)
            if len(key) > 1.5 * len(target) + 10:
                break
            score = fuzz.ratio(target, key)
            if score >= TITLE_MIN_SCORE:
                found.append((i, j, score))
    return found


def _title_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()


def _choose_anchors(
    candidates: dict[int, list[tuple[int, int, float]]], docs: list[int]
) -> dict[int, tuple[int, int]]:
    """Pick one (line, title_end) per document, increasing with the document number, maximising
    the total score (dynamic programming over the candidates)."""
    best: list[tuple[float, list[tuple[int, tuple[int, int]]]]] = [(0.0, [])]
    # states: list of (score, chosen path); keep for each last line the best path
    states: dict[int, tuple[float, list[tuple[int, tuple[int, int]]]]] = {-1: (0.0, [])}
    for doc in docs:
        new_states = dict(states)
        for line, title_end, score in candidates.get(doc, []):
            prev = [(s, path) for last, (s, path) in states.items() if last < line]
            if not prev:
                continue
            s, path = max(prev, key=lambda x: x[0])
            cand = (s + score, path + [(doc, (line, title_end))])
            if line not in new_states or new_states[line][0] < cand[0]:
                new_states[line] = cand
        states = new_states
    best = [max(states.values(), key=lambda x: x[0])]
    return dict(best[0][1])


def _choose_breaks(cands: list[int], forced: set[int], start: int, end: int, n: int,
                   weight: list[int]) -> list[int]:
    """Choose n page breaks among candidates (forced ones kept) so that pages have even lengths.

    `weight[i]` is the cumulative count of non-empty lines before line i.
    """
    if n <= 0:
        return []
    cands = sorted(c for c in cands if start < c < end)
    if len(cands) <= n:
        return cands
    target = (weight[end] - weight[start]) / (n + 1)
    inf = float("inf")
    # cost[k][j]: best cost with k breaks, last one at cands[j]
    cost = [[inf] * len(cands) for _ in range(n + 1)]
    back = [[-1] * len(cands) for _ in range(n + 1)]
    for j, c in enumerate(cands):
        if any(f < c for f in forced):
            continue
        cost[1][j] = (weight[c] - weight[start] - target) ** 2
    for k in range(2, n + 1):
        for j, c in enumerate(cands):
            for i in range(j):
                if cost[k - 1][i] == inf:
                    continue
                if any(cands[i] < f < c for f in forced):
                    continue
                value = cost[k - 1][i] + (weight[c] - weight[cands[i]] - target) ** 2
                if value < cost[k][j]:
                    cost[k][j], back[k][j] = value, i
    best_j, best_cost = -1, inf
    for j, c in enumerate(cands):
        if cost[n][j] == inf or any(f > c for f in forced):
            continue
        value = cost[n][j] + (weight[end] - weight[c] - target) ** 2
        if value < best_cost:
            best_cost, best_j = value, j
    if best_j < 0:
        return sorted(forced | set(cands[:n]))[:n]
    chosen, k, j = [], n, best_j
    while j >= 0 and k >= 1:
        chosen.append(cands[j])
        j, k = back[k][j], k - 1
    return sorted(chosen)


def segment(raw: RawDossier) -> Segmentation:
    """Split a raw dossier into commande, listed documents and bodies (with page numbers)."""
    lay = _layout()
    lines = raw.lines
    notes: list[str] = []
    cues, page_numbers = page_cues(raw)

    list_start = next((i for i, ln in enumerate(lines) if lay["list_heading"].match(squash(ln))),
                      None)
    listed: list[ListedDocument] = []
    body_lo = 0
    commande = Commande()
    if list_start is not None:
        listed, body_lo = parse_document_list(lines, list_start)
        commande_lines = [ln for ln in lines[:list_start] if not _is_cover_line(ln)]
        commande = parse_commande("\n".join(commande_lines))
    total_pages = _total_pages(lines, page_numbers)
    markers = _doc_markers(lines, body_lo)
    if not listed:
        listed = _listed_from_markers(markers, notes)
    body_hi = _cover_start(lines, cues, body_lo)
    anchors = _document_anchors(lines, listed, markers, body_lo, body_hi, notes)
    order, regions = _document_regions(anchors, cues, body_lo, body_hi)
    weight = [0]
    for ln in lines:
        weight.append(weight[-1] + (1 if ln.strip() else 0))
    declared = {d.doc: d.declared_pages for d in listed}
    page_of = _page_numbering(raw, cues, page_numbers, regions, order, declared, weight, notes)
    bodies = {doc: _document_body(lines, regions[doc], anchors[doc], page_of) for doc in order}
    boilerplate = [
        squash(lines[i])
        for i in range(len(lines))
        if squash(lines[i]) and not any(s <= i < e for s, e in regions.values())
        and (list_start is None or i >= body_lo)
    ]
    notes = [french_typography(note) for note in notes]
    for note in notes:
        warnings.warn(note, SegmentationWarning, stacklevel=2)
    return Segmentation(commande=commande, listed=listed, bodies=bodies,
                        boilerplate=boilerplate, total_pages=total_pages, warnings=notes)


def _doc_markers(lines: list[str], body_lo: int) -> dict[int, list[int]]:
    """The lines of each "DOCUMENT N" marker after the list of documents, by N."""
    marker = _layout()["doc_marker"]
    markers: dict[int, list[int]] = {}
    for i in range(body_lo, len(lines)):
        if m := marker.match(squash(lines[i])):
            markers.setdefault(int(m.group(1)), []).append(i)
    return markers


def _listed_from_markers(markers: dict[int, list[int]], notes: list[str]) -> list[ListedDocument]:
    """Without a list of documents: one document per marker, or the whole text as one."""
    if markers:
        notes.append("Aucune liste de documents reconnue : un document par marqueur "
                     "« DOCUMENT N ».")
        return [ListedDocument(doc=n) for n in sorted(markers)]
    notes.append("Aucune liste de documents ni marqueur « DOCUMENT N » reconnu : "
                 "le texte entier est traité comme un seul document.")
    return [ListedDocument(doc=1)]


def _document_anchors(lines: list[str], listed: list[ListedDocument],
                      markers: dict[int, list[int]], body_lo: int, body_hi: int,
                      notes: list[str]) -> dict[int, tuple[int, int]]:
    """The line that opens each document and the last line of its title, chosen among its
    markers and the fuzzy matches of its listed title; a document not found is noted."""
    docs = [d.doc for d in listed]
    candidates: dict[int, list[tuple[int, int, float]]] = {}
    window_keys: dict[str, str] = {}
    for entry in listed:
        titles = (_title_candidates(lines, body_lo, body_hi, entry.title, window_keys)
                  if entry.title else [])
        doc_markers = [m for m in markers.get(entry.doc, []) if m < body_hi]
        candidates[entry.doc] = _marker_title_pairs(doc_markers, titles)
    if len(listed) == 1 and not candidates.get(listed[0].doc):
        anchors = {listed[0].doc: (body_lo, body_lo - 1)}
    else:
        anchors = _choose_anchors(candidates, docs)
    missing = [d for d in docs if d not in anchors]
    if missing:
        notes.append(
            "Début introuvable pour le(s) document(s) "
            + ", ".join(map(str, missing))
            + " : leur texte reste rattaché au document précédent."
        )
    return anchors


def _marker_title_pairs(doc_markers: list[int], titles: list[tuple[int, int, float]]
                        ) -> list[tuple[int, int, float]]:
    """A document's anchor candidates (start, title end, score): each marker paired with the
    best title match near it (a marker scores 100, plus its title's score), then the titles
    left alone."""
    group: list[tuple[int, int, float]] = []
    used_titles = set()
    for m in doc_markers:
        near = [t for t in titles if abs(t[0] - m) <= MARKER_TITLE_WINDOW]
        if near:
            t = max(near, key=lambda x: x[2])
            used_titles.add(t)
            group.append((min(t[0], m), t[1] if t[0] <= m + 3 else m, 100 + t[2]))
        else:
            group.append((m, m, 100.0))
    return group + [t for t in titles if t not in used_titles]


def _document_regions(anchors: dict[int, tuple[int, int]], cues: list[int], body_lo: int,
                      body_hi: int) -> tuple[list[int], dict[int, tuple[int, int]]]:
    """The documents in the order of their anchors, and the lines (start, end) of each: a
    document starts at the page cue before its anchor when no other document lies between."""
    ordered = sorted(anchors.items(), key=lambda kv: kv[1][0])
    starts: dict[int, int] = {}
    prev_anchor = body_lo - 1
    for doc, (anchor, _) in ordered:
        start = anchor
        k = bisect.bisect_right(cues, anchor) - 1
        if k >= 0 and cues[k] > prev_anchor and cues[k] >= body_lo:
            start = cues[k]
        starts[doc] = start
        prev_anchor = anchor
    order = [doc for doc, _ in ordered]
    regions = {}
    for k, doc in enumerate(order):
        end = starts[order[k + 1]] if k + 1 < len(order) else body_hi
        regions[doc] = (starts[doc], end)
    return order, regions


def _document_body(lines: list[str], region: tuple[int, int], anchor: tuple[int, int],
                   page_of: Callable[[int], int]) -> list[BodyLine]:
    """A document's body lines, with their pages, markers and page furniture left out."""
    start, end = region
    first, title_end = anchor
    local = list(range(start, end))
    if first > start:
        # Blocks extracted before the block that opens the document: move them to the end
        # of the document's first page.
        first_page = page_of(first)
        page_end = next((i for i in range(first, end) if page_of(i) != first_page), end)
        local = list(range(first, page_end)) + list(range(start, first)) + list(
            range(page_end, end))
    marker = _layout()["doc_marker"]
    body = []
    for i in local:
        text = lines[i]
        if marker.match(squash(text)) or is_furniture(text):
            continue
        body.append(BodyLine(text=text, page=page_of(i), line_no=i + 1,
                             is_title=first <= i <= title_end and bool(text.strip())))
    return body


def _is_cover_line(line: str) -> bool:
    text = squash(line)
    return any(p.match(text) for p in _layout()["cover"])


def _cover_start(lines: list[str], cues: list[int], lo: int) -> int:
    """First page start after `lo` whose page holds three or more cover lines, else the end."""
    for k, cue in enumerate(cues):
        if cue < lo:
            continue
        hi = cues[k + 1] if k + 1 < len(cues) else len(lines)
        hi = max(hi, min(len(lines), cue + 80)) if k + 1 == len(cues) else hi
        hits = sum(1 for ln in lines[cue:hi] if _is_cover_line(ln))
        if hits >= 3:
            return cue
    return len(lines)


def _total_pages(lines: list[str], page_numbers: dict[int, int]) -> int | None:
    lay = _layout()
    for ln in lines:
        if m := lay["total_pages"].match(squash(ln)):
            return int(m.group(1))
    for i in page_numbers:
        if m := lay["page_number"].match(squash(lines[i])):
            return int(m.group(2))
    return None


def _page_numbering(raw, cues, page_numbers, regions, order, declared, weight, notes):
    """Return a function line index -> page number of the dossier."""
    if raw.pages_known:
        starts = raw.page_starts

        def page_of_known(i: int) -> int:
            return bisect.bisect_right(starts, i)

        return page_of_known

    forced = {i + 1 for i in page_numbers}
    breaks: dict[int, list[int]] = {}
    for doc in order:
        start, end = regions[doc]
        forced_here = {
            next((c for c in cues if c > f - 1), f) for f in forced if start < f < end
        }
        n = (declared.get(doc) or 0) - 1
        region_cues = [c for c in cues if start < c < end]
        if declared.get(doc) is None:
            breaks[doc] = region_cues
        else:
            breaks[doc] = _choose_breaks(region_cues, forced_here, start, end, n, weight)
    # Absolute numbering: documents follow each other; the first page of the first document is
    # placed by the printed page numbers when there are any, else after the pages before it.
    all_declared = all(declared.get(d) for d in order)
    first_pages: dict[int, int] = {}
    offsets: list[int] = []
    running = 0
    for doc in order:
        first_pages[doc] = running
        running += (declared[doc] if all_declared else len(breaks[doc]) + 1)
    for line, printed in page_numbers.items():
        for doc in order:
            start, end = regions[doc]
            if start <= line < end:
                local = bisect.bisect_right(breaks[doc], line)
                offsets.append(printed - local - first_pages[doc])
    if offsets:
        base = max(set(offsets), key=offsets.count)
    else:
        first_start = regions[order[0]][0] if order else 0
        base = 1 + sum(1 for c in cues if c < first_start)

    def page_of(i: int) -> int:
        for doc in order:
            start, end = regions[doc]
            if start <= i < end:
                return base + first_pages[doc] + bisect.bisect_right(breaks[doc], i)
        return 0

    return page_of
