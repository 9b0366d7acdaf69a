"""From a document's body lines to paragraphs and sentences (French-aware).

Hard-wrapped lines are joined into paragraphs, end-of-line hyphenation is undone only where the
joined word is French and the hyphenated one is not, headings are told apart, and sentences are
split without cutting abbreviations, numbers (1,5 · 200.000), initials or « guillemets ».
Sentences cut in two by out-of-order blocks are re-stitched when the evidence is clear, and
otherwise marked as fragments so that later steps never quote them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ianote_lib.fr.lemmas import is_known
from ianote_lib.fr.normalize import clean_display, normalize
from ianote_lib.reading.segmentation import BodyLine

TERMINAL = tuple(".!?…:;")
SENTENCE_END = tuple(".!?…")
# a list item's glyph or number (« 1. », « 2) », the « 3° » of a text of law)
BULLET_RE = re.compile(r"^\s*(?:[•▪●◦‣·\-–—*]|\d{1,2}[.)°])\s*(?=\S)")
HEADING_MAX_WORDS = 14
FULL_LINE = 60  # characters: a wrapped line of running text is at least this long
ABBREVIATIONS = {
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "st", "ste", "p", "pp", "art", "cf",
    "ex", "etc", "vol", "n", "no", "op", "cit", "av", "bd", "fig", "env", "min", "max", "hab",
    "ch", "chap", "éd", "ed", "coll", "dir", "cie", "inc", "ltd", "vs", "resp", "tél", "mds",
    "md", "mrd", "approx", "sq", "sqq", "al",
}


@dataclass
class Paragraph:
    doc: int
    page: int
    text: str
    kind: str  # title | heading | text | bullet
    line_no: int
    headless: bool = False  # starts in the middle of a sentence
    last_line: str = ""  # last raw line, to tell a heading from running text cut at a page end
    ends_page: bool = False
    dangling: bool = False  # ends in the middle of a sentence
    pages: list[int] = field(default_factory=list)
    after_blank: bool = False  # opened after a blank line


@dataclass
class Sentence:
    doc: int
    page: int
    paragraph: int
    text: str
    kind: str  # title | heading | sentence | bullet | fragment
    line_no: int


def _ends_sentence(text: str) -> bool:
    """Whether a text ends a sentence: final punctuation, possibly inside closing quotes."""
    stripped = text.rstrip().rstrip("»\"”)’ ")
    return stripped.endswith(TERMINAL) or (
        text.rstrip().endswith(("»", '"', "”")) and stripped.endswith(tuple(".!?…"))
    )


# a letter or a small roman numeral that numbers an item or a heading (« a) L'adaptation au
# vieillissement… »): it opens a block, it does not carry on a sentence in lower case
_ENUMERATOR = re.compile(r"^(?:[a-z]|i{1,3}|iv|vi{0,3}|ix|x)\)\s+\S")


# a line that is only a numbered label (« Recommandation 3 », « Proposition n° 12 », « Mesure
# 4 : »): it heads the block under it, even one that opens in lower case (« le conseil
# municipal crée… »), never a sentence of it
_NUMBERED_LABEL = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ]+(?:\s+[a-zà-ÿ]+)?\s+(?:n°\s*)?\d{1,3}[a-z]?"
                             r"\s*[.:–-]?\s*$")


def _starts_lower(text: str) -> bool:
    if _ENUMERATOR.match(text.lstrip()):
        return False
    first = text.lstrip(" «\"“(")[:1]
    return first.islower()


_LINKING_WORDS = {
    "de", "du", "des", "la", "le", "les", "l", "d", "et", "ou", "à", "a", "en", "un", "une",
    "pour", "par", "sur", "avec", "dans", "au", "aux", "que", "qui", "son", "sa", "ses", "leur",
    "ce", "cette", "ces", "est", "sont", "entre", "vers", "chez", "sans", "sous", "selon",
}


def _looks_like_heading(line: str, following: str) -> bool:
    """A one-line paragraph that reads as a heading: short, complete, followed by a capital."""
    return _short_and_whole(line) and following[:1].isupper()


def _short_and_whole(line: str) -> bool:
    """A line short enough for a heading that ends on a full word, not on a link (« de »)."""
    words = line.split()
    last = re.sub(r"^.*['’]", "", words[-1].lower()) if words else ""
    return (len(words) <= 12 and not line.rstrip().endswith((",", "-", "–"))
            and last not in _LINKING_WORDS)


def _isolated_heading(paragraph: Paragraph, last_line: str) -> bool:
    """A line standing alone between blank lines, short, opening on a capital, without a
    comma and ending on a full word (« Les avantages de l'IA pour les citoyens »): a heading,
    whatever follows (« Dans son rapport, l'ancien lauréat » goes on after the blank)."""
    return (paragraph.after_blank and paragraph.text == last_line and "," not in last_line
            and paragraph.text.lstrip(" «\"“(")[:1].isupper()
            and _short_and_whole(paragraph.text))


def join_hyphenated(left: str, right: str) -> str:
    """Join a line ending with a hyphen to the next one.

    The hyphen is dropped only when the joined word is known French and the second half alone
    is not a word ('dévelop-' + 'pement'); compounds keep it ('outre-' + 'Atlantique',
    'non-' + 'compatibilité', 'c'est-' + 'à-dire').
    """
    head = re.search(r"([\w’']+)-$", left)
    tail = re.match(r"([\w’']+)", right)
    if head and tail and tail.group(1)[:1].islower():
        joined = head.group(1) + tail.group(1)
        second = tail.group(1)
        if _is_word(joined) and not _is_word(second):
            return left[:-1] + right
    return left + right


# a paragraph's first letter set apart from its word: the drop cap of a page (« L a start-up »,
# « D ans ce cadre »); « A », « Y » and « À » are words on their own
_DROP_CAP = re.compile(r"^([B-XZÂÇÉÈÊÎÔ]) ([a-zà-ÿœ]+)\b(?!['’-])")


def join_drop_cap(text: str) -> str:
    """The paragraph with its first letter joined to the rest of its word when the PDF or the
    copy set it apart (a drop cap: « L a start-up » → « La start-up »): only when the joined
    word is known French."""
    match = _DROP_CAP.match(text)
    if match and _is_word(match.group(1) + match.group(2)):
        return match.group(1) + text[2:]
    return text


def _is_word(word: str) -> bool:
    word = word.lower().replace("’", "'").split("'")[-1]
    return bool(word) and is_known(word)


def build_paragraphs(doc: int, lines: list[BodyLine]) -> list[Paragraph]:
    """Join a document's body lines into paragraphs, headings and bullets."""
    paragraphs: list[Paragraph] = []
    current: Paragraph | None = None
    last_line = ""
    prev_page = None
    blank_before = False

    def close() -> None:
        nonlocal current
        if current is not None:
            current.text = join_drop_cap(clean_display(current.text))
            if current.text:
                paragraphs.append(current)
        current = None

    for line in lines:
        raw = clean_display(line.text)
        if not raw:
            blank_before = True
            continue
        new_page = prev_page is not None and line.page != prev_page
        if new_page and current is not None:
            current.ends_page = True
        prev_page = line.page
        bullet = bool(BULLET_RE.match(raw)) and not re.match(r"^\d{1,2}[.)]\d", raw)
        if line.is_title:
            if current is not None and current.kind == "title":
                current.text += " " + raw
            else:
                close()
                current = Paragraph(doc, line.page, raw, "title", line.line_no, pages=[line.page])
            last_line = raw
            blank_before = False
            continue
        if current is not None and _continues(current, raw, bullet, last_line, new_page,
                                              blank_before):
            _append_line(current, raw, line.page)
        else:
            # a block right under a heading opens a sentence, even one that lost its capital
            under_heading = current is not None and (
                (blank_before and _isolated_heading(current, last_line))
                or (current.text == last_line and bool(_NUMBERED_LABEL.match(last_line))))
            close()
            kind = "bullet" if bullet else "text"
            if under_heading and _starts_lower(raw):
                raw = raw[:1].upper() + raw[1:]
            current = Paragraph(doc, line.page, raw, kind, line.line_no, pages=[line.page],
                                after_blank=blank_before)
            current.headless = _starts_lower(raw) and not bullet
        last_line = raw
        current.last_line = raw
        blank_before = False
    if current is not None:
        current.ends_page = True
    close()
    _mark_unfinished(paragraphs)
    return paragraphs


def _continues(current: Paragraph, raw: str, bullet: bool, last_line: str, new_page: bool,
               blank_before: bool) -> bool:
    """Whether the body line `raw` carries on the paragraph `current` (else it opens a new one):
    `last_line` is the line before it, `new_page` and `blank_before` what separates them."""
    if current.kind == "title" or bullet:
        return False
    prev_text = current.text
    if _NUMBERED_LABEL.match(raw) or (prev_text == last_line
                                      and _NUMBERED_LABEL.match(prev_text)):
        return False
    if prev_text.endswith("-") and re.search(r"\w-$", prev_text):
        return True
    if not _ends_sentence(prev_text):
        # a short line without final punctuation followed by a capital: a heading
        if (
            len(last_line) < FULL_LINE * 0.85
            and not _starts_lower(raw)
            and current.kind != "bullet"
            and len(prev_text.split()) <= HEADING_MAX_WORDS
        ):
            return False
        if (new_page or blank_before) and not _starts_lower(raw):
            return False
        if blank_before and _isolated_heading(current, last_line):
            return False        # a heading whose next block lost its capital (« l'IA pourrait »)
        return not (prev_text == last_line and _looks_like_heading(prev_text, raw))
    if _starts_lower(raw):
        return not (new_page or blank_before)  # else a block starting in the middle of a sentence
    return not blank_before and current.kind != "bullet" and not new_page \
        and len(last_line) >= FULL_LINE


def _append_line(paragraph: Paragraph, raw: str, page: int) -> None:
    """Join a line to the paragraph it carries on (undoing end-of-line hyphenation)."""
    if paragraph.text.endswith("-"):
        paragraph.text = join_hyphenated(paragraph.text, raw)
    else:
        paragraph.text += " " + raw
    if page not in paragraph.pages:
        paragraph.pages.append(page)


def _mark_unfinished(paragraphs: list[Paragraph]) -> None:
    """A text paragraph without final punctuation is a heading when short and whole, else a
    dangling paragraph (cut by a page end or an out-of-order block)."""
    for para in paragraphs:
        if para.kind == "text" and not _ends_sentence(para.text):
            words = len(para.text.split())
            cut_at_page_end = para.ends_page and len(para.last_line) >= FULL_LINE
            if words <= HEADING_MAX_WORDS and not para.headless and not cut_at_page_end:
                para.kind = "heading"
            else:
                para.dangling = True


def restitch(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Join a paragraph cut at the end of a page to the block that continues it.

    A dangling paragraph (ends mid-sentence) is joined to a headless one (starts mid-sentence)
    of the same document when exactly one such block stands on the same page or the next one;
    the joined text takes the headless block's place, which is where the reader expects it.
    """
    out = list(paragraphs)
    for para in list(out):
        if not para.dangling or para not in out:
            continue
        heads = [
            p for p in out
            if p.headless and p is not para and p.page in (para.page, para.page + 1)
            and not _is_continuation_of_previous(out, p)
        ]
        if len(heads) == 1:
            head = heads[0]
            head.text = para.text + " " + head.text
            head.headless = False
            head.pages = sorted(set(para.pages + head.pages))
            head.page = para.page if para.page < head.page else head.page
            out.remove(para)
    return out


def _is_continuation_of_previous(paragraphs: list[Paragraph], para: Paragraph) -> bool:
    """A headless paragraph right after a dangling one is its natural continuation."""
    k = paragraphs.index(para)
    return k > 0 and paragraphs[k - 1].dangling


_SPLIT_RE = re.compile(
    r"""(?<=[.!?…])            # a sentence end
        (?:\s*[»"”)])?        # optionally closed by a quote or parenthesis
        \s+
        (?=[«"“(]?\s*[A-ZÀ-ÖØ-Þ0-9•])   # followed by a capital, a digit or a quote
    """,
    re.X,
)


# a sentence end glued to the next sentence (« …de la vie privée.À partir du… », « …de
# manière anonyme ».Il était… »): a word of two letters or a closing quote, then a capital
# that opens a word or is one (« À »)
_MISSING_SPACE_RE = re.compile(r"((?:[a-zà-ÿ]{2}|[a-zà-ÿ]\s?[»”\"])[.!?])([A-ZÀ-Þ](?:[a-zà-ÿ]|\s))")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations, initials and numbers whole."""
    text = _MISSING_SPACE_RE.sub(r"\1 \2", text)
    pieces: list[str] = []
    start = 0
    for match in _SPLIT_RE.finditer(text):
        cut = _cut_position(text, start, match)
        if cut is None:
            continue
        pieces.append(text[start:cut].strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def _cut_position(text: str, start: int, match: re.Match[str]) -> int | None:
    """Where the sentence ends for a split candidate, or None when it is not a real end."""
    span = text[match.start():match.end()]
    closing = re.match(r"\s*[»\"”)]", span)
    cut = match.start() + (closing.end() if closing else 0)
    before = text[start:match.start()]
    token = re.search(r"(\S+)$", before)
    if not token:
        return None
    word = token.group(1)
    if word.endswith("."):
        stem = word[:-1].lstrip("(«\"“").lower()
        # (after an elided article: « de l'art. L. 2223-4 »)
        if stem in ABBREVIATIONS or re.sub(r"^(?:l|d|qu)['’]", "", stem) in ABBREVIATIONS:
            return None
        if re.fullmatch(r"[A-ZÀ-Þ]", word[:-1].lstrip("(«\"“-")):
            return None  # an initial: "J. Dupont"
        if re.fullmatch(r"(?:[A-Za-zÀ-ÿ]\.){2,}", word):
            return None  # "C.F.C." or "e.g."
    # an opening quote without its closing one: the quotation goes on
    if before.count("«") > before.count("»") and not closing:
        return None
    return cut


def sentences_of(paragraphs: list[Paragraph]) -> list[Sentence]:
    """Sentences of a document's paragraphs, with kinds; fragments are marked."""
    out: list[Sentence] = []
    for number, para in enumerate(paragraphs):
        if para.kind in ("title", "heading"):
            out.append(Sentence(para.doc, para.page, number, para.text, para.kind, para.line_no))
            continue
        parts = split_sentences(para.text) if para.kind != "bullet" else [para.text]
        for k, part in enumerate(parts):
            kind = "bullet" if para.kind == "bullet" else "sentence"
            first, last = k == 0, k == len(parts) - 1
            if (first and para.headless) or (last and para.dangling and para.kind == "text"):
                kind = "fragment"
            out.append(Sentence(para.doc, para.page, number, part, kind, para.line_no))
    return out


def is_quotable(text: str, kind: str) -> bool:
    """Whether a sentence may be quoted as a sentence (not a fragment, heading or title)."""
    return kind in ("sentence", "bullet") and len(normalize(text).split()) >= 4
