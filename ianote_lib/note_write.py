"""Writing the note's sentences from the selected statements, behind a small interface.

`Writer` is the interface: it turns one source sentence into the note's sentence and joins the
sentences of a paragraph. `RuleWriter` is the deterministic implementation shipped: it strips the
leading connectors that pointed to a sentence the note does not hold, removes discourse adverbs,
turns a whole quoted statement followed by its speaker into reported speech (« Selon X, … ») only
when that is safe, applies French typography, and joins the sentences of a paragraph with
additive connectors. It never adds a fact: the verification (note_verify) checks its output as it
would check a language model's plugged in behind the same interface.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

import simplemma

from ianote_lib.errors import IanoteError
from ianote_lib.note_plan import STOPWORDS
from ianote_lib.note_select import strip_bullet, style
from ianote_lib.textnorm import clean_display

NBSP = "\u00a0"
NNBSP = "\u202f"


class Writer(Protocol):
    """What the composer needs from a writer (rule-based today, a local model tomorrow)."""

    def rewrite(self, text: str) -> str:
        """The note's version of one source sentence (same facts, no new fact)."""
        ...

    def join(self, sentences: list[str]) -> list[str]:
        """The sentences of one paragraph, with the connectors that link them."""
        ...


def french_typography(text: str) -> str:
    """Straight quotes to « », narrow no-break space before ; ! ? and no-break space before : %
    and inside guillemets; no space before a comma or period."""
    text = clean_display(text)
    text = re.sub(r"[“”]", '"', text)
    # pair straight double quotes into guillemets
    parts = text.split('"')
    if len(parts) % 2 == 1 and len(parts) > 1:
        out = parts[0]
        for k, part in enumerate(parts[1:]):
            out += ("«" if k % 2 == 0 else "»") + part
        text = out
    text = re.sub(r"«\s*", "«" + NBSP, text)
    text = re.sub(r"\s*»", NBSP + "»", text)
    text = re.sub(r"\s*([;!?])", NNBSP + r"\1", text)
    text = re.sub(r"(?<=\S)\s*:(?=\s|$)", NBSP + ":", text)
    text = re.sub(r"(\d)\s*%", r"\1" + NBSP + "%", text)
    text = re.sub(r"(\d) (\d{3})\b", r"\1" + NNBSP + r"\2", text)
    text = re.sub(r"\s+([,.])", r"\1", text)
    return text


def lower_first(text: str) -> str:
    """Lower-case the first letter when the first word is a common French word (not a proper
    noun or an acronym)."""
    m = re.match(r"([A-ZÀ-Þ][\wÀ-ÿ]*)(['’]|-[A-ZÀ-Þ])?", text)
    if not m:
        return text
    word = m.group(1)
    if (word.isupper() and len(word) > 1) or (m.group(2) or "").startswith("-"):
        return text
    if m.group(2) and m.group(2) in "'’" and len(word) > 2:
        return text[0].lower() + text[1:]      # "Aujourd’hui", "Jusqu'à"
    if word == "A":
        return "à" + text[1:]                   # "A Plaisir" (capital à without its accent)
    low = word.lower()
    if low in STOPWORDS or low in ("l", "d", "c", "qu", "s", "n", "j") or simplemma.is_known(
            low, lang="fr"):
        return text[0].lower() + text[1:]
    return text


def upper_first(text: str) -> str:
    """Upper-case the first character when it is a letter (a leading figure stays as is)."""
    k = 0
    while k < len(text) and text[k] in "«\"' \u00a0":
        k += 1
    if k < len(text) and text[k].isalpha():
        return text[:k] + text[k].upper() + text[k + 1:]
    return text


class RuleWriter:
    """Deterministic writer: rules over the source sentence, no generated content."""

    def __init__(self) -> None:
        st = style()
        connectors = sorted(st["strip_connectors"], key=len, reverse=True)
        alternatives = "|".join(c.replace("'", "['’]").replace(".", "['’]") for c in connectors)
        self._lead = re.compile(r"^(?:(?:" + alternatives + r")\s*(?:,|:)?\s+)+", re.IGNORECASE)
        adverbs = "|".join(sorted(st["inner_adverbs"], key=len, reverse=True))
        self._inner = re.compile(rf",\s*(?:{adverbs})\s*,|\s(?:{adverbs})(?=\s)", re.IGNORECASE)
        verbs = "|".join(sorted(st["speech_verbs"], key=len, reverse=True))
        self._quote = re.compile(
            rf'^[«"]\s*(?P<q>[^"«»]+?)\s*[,.]?\s*[»"]\s*,?\s*(?:a\s+)?(?P<v>{verbs})\w*\s+'
            rf"(?P<who>[^,.;:«»\"]+?)(?P<tail>,[^.]*)?\.$", re.IGNORECASE)
        self._connectors = list(st["join_connectors"])
        self._turn = 0
        self._label = re.compile(r"^[A-ZÀ-Þ][\wÀ-ÿ]+\s?:\s+")

    def rewrite(self, text: str) -> str:
        text = strip_bullet(clean_display(text))
        text = self._label.sub("", text)                 # "Bilan : aujourd'hui…"
        text = self._lead.sub("", text)
        text = self._inner.sub(lambda m: "," if m.group(0).startswith(",") else "", text)
        text = re.sub(r"(?:^|\s)\(\d\)(?=[\s,.;:])", "", text)   # footnote calls " (1)"
        text = self._reported(text)
        text = upper_first(text.strip())
        text = re.sub(r"[.]\s*([»\"”])$", r" \1.", text)   # « … an. » → « … an ».
        if not re.search(r"[.!…]$", text):
            text += "."
        return french_typography(text)

    def _reported(self, text: str) -> str:
        """« X », explique Y. → Selon Y, x. — only when the quote is the whole statement, has no
        first or second person and no inner quote."""
        m = self._quote.match(text.replace("“", '"').replace("”", '"'))
        if not m:
            return text
        quote = m.group("q").strip().rstrip(".")
        who = m.group("who").strip()
        tail = (m.group("tail") or "").strip()
        if re.search(r"\b(je|j'|nous|notre|nos|vous|votre|vos|on|mon|ma|mes)\b", quote,
                     re.IGNORECASE):
            return text
        if len(who.split()) > 8:
            return text
        speaker = who + (", " + tail.lstrip(",").strip() if tail else "")
        return f"Selon {speaker}, {lower_first(quote)}."

    def join(self, sentences: list[str]) -> list[str]:
        out = []
        for n, sentence in enumerate(sentences):
            if n == 1 and not sentence.startswith(("Selon", "«")) and not re.match(
                    r"^[\wÀ-ÿ'’-]+,", sentence):
                connector = self._connectors[self._turn % len(self._connectors)]
                self._turn += 1
                sentence = f"{connector} {lower_first(sentence)}"
            out.append(sentence)
        return out


# ----------------------------------------------------------------------------- the note model

@dataclass
class NoteSentence:
    """One sentence of the note, with the documents it rests on."""

    text: str                       # written text, without citation
    docs: list[int] = field(default_factory=list)
    source_ids: list[str] = field(default_factory=list)
    origin: str = "document"        # document | template | analyst
    id: str = ""                    # n001, … (set when the note is numbered)


@dataclass
class NoteParagraph:
    section: str                    # introduction, I, I.A, …, conclusion
    role: str                       # body, chapeau, opening, problematique, conclusion
    sentences: list[NoteSentence]

    def docs(self) -> list[int]:
        return sorted({d for s in self.sentences for d in s.docs})


@dataclass
class Note:
    """The composed note: header, titles and paragraphs in reading order."""

    header: dict[str, str]
    titles: dict[str, str]          # "I" → part title, "I.A" → sub-part title
    paragraphs: list[NoteParagraph]
    plan_name: str = ""

    def number(self) -> None:
        n = 0
        for para in self.paragraphs:
            for sentence in para.sentences:
                n += 1
                sentence.id = f"n{n:03d}"

    def sections(self) -> list[str]:
        return list(self.titles)

    def paragraphs_of(self, section: str) -> list[NoteParagraph]:
        return [p for p in self.paragraphs if p.section == section]


MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")


def french_date(value: str | dt.date | None = None) -> str:
    """'2026-11-28' (or a date, or None for today) → '28 novembre 2026' ('1er' for the 1st)."""
    if value is None or value == "":
        day = dt.date.today()
    elif isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value))
        except ValueError as exc:
            raise IanoteError(f"Date « {value} » illisible : attendu AAAA-MM-JJ.") from exc
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {MONTHS_FR[day.month - 1]} {day.year}"


def tidy_object(objet: str) -> str:
    """The commande's object for the header: common words lower-cased, first letter upper."""
    words = []
    for k, word in enumerate(objet.strip().rstrip(".").split(" ")):
        if k > 0:
            head = re.split(r"['’]", word)
            if len(head) == 2 and head[1][:1].isupper() and not head[1].isupper():
                word = head[0] + "'" + lower_first(head[1])
            elif word[:1].isupper() and not word.isupper():
                word = lower_first(word)
        words.append(word)
    return french_typography(upper_first(" ".join(words)))


def header_of(commande: Any, n_docs: int, date: str | dt.date | None) -> dict[str, str]:
    """Header block of the note from the commande (no name, no signature)."""
    salutation = getattr(commande, "salutation", "") or "Madame la Directrice générale des services"
    return {
        "collectivite": str(getattr(commande, "collectivite", "") or ""),
        "service": str(getattr(commande, "service", "") or ""),
        "date": french_date(date),
        "destinataire": f"NOTE à l'attention de {salutation}",
        "objet": tidy_object(str(getattr(commande, "object", "") or "")),
        "references": f"dossier de {n_docs} documents",
    }


def _fill(template: str, values: dict[str, str]) -> str:
    text = " ".join(str(template).split())
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def write_note(selection: Any, commande: Any, n_docs: int, writer: Writer | None = None,
               date: str | dt.date | None = None) -> Note:
    """Compose the note from a selection: introduction, two parts, conclusion."""
    writer = writer or RuleWriter()
    plan = selection.plan
    titles: dict[str, str] = {}
    for part in plan.parts:
        titles[part.key] = part.title
        for sp in part.subparts:
            titles[sp.key] = sp.title
    values = {"collectivite": str(getattr(commande, "collectivite", "") or "la collectivité"),
              "objet": tidy_object(str(getattr(commande, "object", ""))).lower()
              if getattr(commande, "object", "") else "le sujet du dossier",
              "I": plan.parts[0].title, "II": plan.parts[1].title}

    def doc_sentence(st: Any) -> NoteSentence:
        return NoteSentence(writer.rewrite(st.text), list(st.docs), list(st.source_ids))

    def template(text: str, extra: dict[str, str] | None = None) -> NoteSentence:
        return NoteSentence(french_typography(_fill(text, {**values, **(extra or {})})),
                            origin="template")

    paragraphs: list[NoteParagraph] = []
    opening = [doc_sentence(s) for s in selection.hook + selection.context]
    if opening:
        texts = writer.join([s.text for s in opening])
        for s, t in zip(opening, texts, strict=True):
            s.text = t
        paragraphs.append(NoteParagraph("introduction", "opening", opening))
    intro = plan.intro or {}
    frame = [template(intro[k]) for k in ("problematique", "announcement") if intro.get(k)]
    if frame:
        paragraphs.append(NoteParagraph("introduction", "problematique", frame))
    for part in plan.parts:
        chapeau: list[NoteSentence] = []
        lead = selection.chapeau_leads.get(part.key)
        if lead is not None:
            chapeau.append(doc_sentence(lead))
        if part.chapeau:
            chapeau.append(template(part.chapeau, {
                "A": lower_first(part.subparts[0].title),
                "B": lower_first(part.subparts[1].title)}))
        if chapeau:
            paragraphs.append(NoteParagraph(part.key, "chapeau", chapeau))
        for sp in part.subparts:
            paragraphs += _subpart_paragraphs(sp, selection.statements.get(sp.key, []), writer)
        if part.transition and paragraphs and paragraphs[-1].section.startswith(part.key + "."):
            paragraphs[-1].sentences.append(template(part.transition))
    closing: list[NoteSentence] = []
    if plan.conclusion.get("text"):
        closing.append(template(plan.conclusion["text"]))
    if selection.conclusion is not None:
        closing.append(doc_sentence(selection.conclusion))
    if closing:
        paragraphs.append(NoteParagraph("conclusion", "conclusion", closing))
    note = Note(header=header_of(commande, n_docs, date), titles=titles, paragraphs=paragraphs,
                plan_name=plan.name)
    note.number()
    return note


def _subpart_paragraphs(sp: Any, statements: list[Any], writer: Writer,
                        max_sentences: int = 4) -> list[NoteParagraph]:
    """One paragraph per topic of the sub-part (in the plan's order), split when long."""
    order = [t.name for t in sp.topics]
    groups: dict[str, list[Any]] = {}
    for st in statements:
        groups.setdefault(st.topic, []).append(st)
    paragraphs = []
    for name in sorted(groups, key=lambda n: order.index(n) if n in order else len(order)):
        items = groups[name]
        for k in range(0, len(items), max_sentences):
            chunk = items[k:k + max_sentences]
            if len(chunk) == 1 and paragraphs and paragraphs[-1].section == sp.key and k > 0:
                chunk_sentences = [NoteSentence(writer.rewrite(s.text), list(s.docs),
                                                list(s.source_ids)) for s in chunk]
                paragraphs[-1].sentences += chunk_sentences
                continue
            sentences = [NoteSentence(writer.rewrite(s.text), list(s.docs), list(s.source_ids))
                         for s in chunk]
            joined = writer.join([s.text for s in sentences])
            for s, t in zip(sentences, joined, strict=True):
                s.text = t
            paragraphs.append(NoteParagraph(sp.key, "body", sentences))
    return paragraphs
