"""Writing the note's sentences from the selected statements, behind a small interface.

`Writer` is the interface: it turns one source sentence into the note's sentence and joins the
sentences of a paragraph. `RuleWriter` is the deterministic implementation shipped: it strips the
leading connectors that pointed to a sentence the note does not hold, removes discourse adverbs,
drops parenthetical asides and trailing incidental clauses (note.text.compress), turns a whole
quoted statement followed by its speaker into reported speech (« Selon X, … ») only when that is
safe, applies French typography, and joins the sentences of a paragraph with connectors chosen by
the relation between two sentences (addition, example, contrast, consequence:
`note.relations.relation`), sparingly: never two sentences in a row, never before a sentence
that already opens on a connector, never the same connector twice in a row. It never adds a
fact: the verification (note.verify) checks its output as it would check a language model's
plugged in behind the same interface.

The composition (`write_note`) orders the sentences of a paragraph so that the sentences about one
actor stand together, the one that names it first; it opens the note on the introduction's
statements without connector, frames each part with a chapeau whose subject is explicit
(« Cette partie examine… ») and links the sub-parts and the parts with the plan's one-sentence
transitions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from itertools import accumulate
from typing import Any, Protocol

from rapidfuzz import fuzz

from ianote_lib.fr.accents import restore_accents
from ianote_lib.fr.lemmas import content_lemmas
from ianote_lib.fr.names import (
    contract,
    with_article,
    with_preposition,
)
from ianote_lib.fr.normalize import clean_display, strip_bullet
from ianote_lib.note.anaphora import leading_connectors
from ianote_lib.note.asides import without_inner_adverbs
from ianote_lib.note.conclusion import conclusion_sentences
from ianote_lib.note.functions import classify
from ianote_lib.note.header import header_of, tidy_object
from ianote_lib.note.joining import joined_pair, same_subject_joined
from ianote_lib.note.model import Note, NoteParagraph, NoteSentence
from ianote_lib.note.openers import (
    Openers,
    holders_first,
    known_words,
    opener_text,
    paragraph_ideas,
    title_heads,
    told_first,
)
from ianote_lib.note.ordering import in_source_order, speaking_first, threaded
from ianote_lib.note.paragraphs import (
    closest,
    consolidate,
    nouns_together,
    paragraph_chunks,
    seam,
)
from ianote_lib.note.plan import from_intention
from ianote_lib.note.relations import relation
from ianote_lib.note.scoring import defined_as
from ianote_lib.note.text import (
    compress,
    contrast_words,
    fill_template,
    french_typography,
    lower_first,
    own_text,
    split_outside_quotations,
    starts_with_connector,
    stray_capitals,
    style,
    upper_first,
    without_adverb,
)
from ianote_lib.note.titles import write_titles

# where or when a quote was said, after its speaker (« …, lors du congrès »; not « …, en charge »)
_UTTERANCE_CIRCUMSTANCE = re.compile(r"(?i),\s*(?:en(?!\s+(?:charge|tant|qualité)\b)|dans|lors|"
                                     r"au cours|à l['’]occasion|devant|pendant|durant)\b[^,]*$")
# the adverbs that may follow a verb of saying before its speaker (« », relève d'emblée
# l'enquête », « », souligne encore le maire »)
_SPEAKER_ADVERB = re.compile(r"^(?:(?:d['’]emblée|encore|ainsi|aussi|également|alors|par "
                             r"exemple|déjà|enfin|d['’]ailleurs|pour sa part|de son côté|"
                             r"[a-zà-ÿ]+ment)\s+)+")


class Writer(Protocol):
    """What the composer needs from a writer (rule-based today, a local model tomorrow)."""

    def rewrite(self, text: str) -> str:
        """The note's version of one source sentence (same facts, no new fact)."""
        ...

    def join(self, sentences: list[str], known: frozenset[str] = frozenset()) -> list[str]:
        """The sentences of one paragraph, with the connectors that link them (`known`: the
        words every sentence of the note speaks of, which link none)."""
        ...


class RuleWriter:
    """Deterministic writer: rules over the source sentence, no generated content."""

    def __init__(self) -> None:
        st = style()
        verbs = "|".join(sorted(st["speech_verbs"], key=len, reverse=True))
        self._quote = re.compile(
            rf'^[«"]\s*(?P<q>[^"«»]+?)\s*[,.]?\s*[»"]\s*,?\s*(?:a\s+)?(?P<v>{verbs})\w*\s+'
            rf"(?P<who>[^,.;:«»\"]+?)(?P<tail>,[^.]*)?\.$", re.IGNORECASE)
        self._connectors: dict[str, list[str]] = {
            k: list(v) for k, v in st["relation_connectors"].items()}
        self._turn: dict[str, int] = {}
        self._actions = frozenset(st["action_connectors"])
        self._last = ""                 # the last connector written in the note
        contrasts = "|".join(st["inner_contrasts"])
        self._contrast = re.compile(rf"(?<=\w) (?:{contrasts})\b"
                                    r"(?![^,.;:]{0,30}?\bqu(?:e\b|['’]))")

    def rewrite(self, text: str) -> str:
        """The note's version of a statement: one source sentence, or two when the first is
        quoted to give the second its context (the second keeps its own connector, which now
        points to a sentence the note holds)."""
        parts = split_outside_quotations(strip_bullet(clean_display(text)))
        written = [self._rewrite_one(part, first=(k == 0)) for k, part in enumerate(parts)]
        if len(written) == 2:
            return joined_pair(*written) or " ".join(written)
        return " ".join(written)

    def _rewrite_one(self, text: str, first: bool = True) -> str:
        text = restore_accents(text)          # (« A partir… »: a capital that lost its accent)
        if first:
            text = leading_connectors().sub("", text)
            # « Les administrations ont néanmoins l'obligation… »: set against a sentence the
            # note does not quote before it (a second sentence keeps it: its first is there)
            text = without_adverb(text, self._contrast)
        text = without_inner_adverbs(text)
        text = re.sub(r"(?:^|\s)\(\d\)(?=[\s,.;:])", "", text)   # footnote calls " (1)"
        text = own_text(stray_capitals(compress(upper_first(text.strip()))))
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
        # (an adverb after the verb is no speaker: « », relève d'emblée l'enquête »; a relative
        # after it says more: « l'enquête, qui ajoute… »; whom it was told: « à 20 Minutes X »)
        who = _SPEAKER_ADVERB.sub("", who)
        if len(who.split()) > 8 or re.match(r"(?i),\s*(?:qui|dont|où)\b", tail) \
                or re.match(r"(?i)(?:à|au|aux)\s", who):
            return text
        tail = _UTTERANCE_CIRCUMSTANCE.sub("", tail)        # (no part of the speaker)
        speaker = who + (", " + tail.lstrip(",").strip() if tail.strip(", ") else "")
        return f"Selon {speaker}, {lower_first(quote)}."

    def connector(self, kind: str, actions: bool = True) -> str:
        """The next connector of a relation, never the one written last, nor one that links
        actions (`style.yaml action_connectors`) unless the two sentences are `actions`."""
        options = self._connectors.get(kind) or self._connectors["addition"]
        allowed = [o for o in options if actions or o not in self._actions] or options
        for _ in range(len(options)):
            turn = self._turn.get(kind, 0)
            self._turn[kind] = turn + 1
            choice = options[turn % len(options)]
            if choice != self._last and choice in allowed:
                return choice
        return allowed[0]

    def join(self, sentences: list[str], known: frozenset[str] = frozenset(),
             docs: list[list[int]] | None = None) -> list[str]:
        """Link the sentences of one paragraph: a connector only where the relation between a
        sentence and the previous one calls for it (example, contrast, consequence), an
        additive one now and then between two points of one kind on one thing (`known` words
        aside: `note.relations.relation`), never on two sentences in a row, never before a
        sentence that opens on a connector or a quotation. A contrast or a consequence is
        stated only between two sentences of one document (`docs`: each sentence's): across
        documents, two judgements of opposite sign are seldom about one thing (« La marque
        employeur correspond à un ensemble d'outils… En revanche, plus d'un tiers des
        employeurs… éprouvaient des difficultés… »), and one problem seldom what another
        document's rule answers (« …les collectivités ont investi à perte… Dès lors, un bon
        réseau public apparaît indispensable… »)."""
        out: list[str] = []
        linked = False
        additions = 0       # counted per paragraph: the first is linked, then every other one
        for n, sentence in enumerate(sentences):
            if n and (setting := _SETTING.match(sentence)) \
                    and sentences[n - 1].startswith(setting.group(0)):
                # (a place or a year said once for the sentences in a row it holds for: « À
                # Lons-le-Saunier, il a fallu distribuer… Il a notamment fallu convaincre… »)
                sentence = upper_first(sentence[setting.end():])
            if n == 0 or linked:
                out.append(sentence)
                linked = False
                continue
            kind = relation(sentences[n - 1], sentence, known)
            if kind in ("contrast", "consequence") and docs is not None \
                    and not set(docs[n - 1]) & set(docs[n]):
                kind = ""
            locative = bool(re.match(r"^(?:À|A|En) [A-ZÀ-Þ]", sentence))
            opened = starts_with_connector(sentence) and not (kind == "example" and locative)
            # (a contrast the sentence already states, « La région partage cependant… », takes
            # no connector of another relation before it)
            opened = opened or bool(contrast_words().search(" ".join(sentence.split()[:8])))
            if (not kind or opened or sentence.startswith(("Selon", "«"))
                    or lower_first(sentence) == sentence):
                # (a sentence opening on a name, or on a word the lexicon does not know, keeps
                # its capital: no connector before it)
                out.append(sentence)
                continue
            if kind == "addition":
                additions += 1
                if not additions % 2 or len(sentences) < 3:
                    out.append(sentence)
                    continue
            word = self.connector(kind, actions=all(
                classify(x) in ("levier", "exemple") for x in (sentences[n - 1], sentence)))
            self._last = word
            out.append(f"{word} {lower_first(sentence)}")
            linked = True
        return out


# a sentence set in a place or a year by its opening (« À Grenoble, », « Au Havre, », « En
# 2023, »)
_SETTING = re.compile(r"(?:(?:À|Au|Aux) [A-ZÀ-Þ][\w'’-]*(?:[ -][\w'’-]+){0,4}|"
                      r"En (?:19|20)\d\d), ")


def template_values(commande: Any) -> dict[str, str]:
    """The commande's words a template may use: {collectivite} with its article ("la ville de
    Saint-Brieuc", "Admiville"), {a_collectivite} and {de_collectivite} with the preposition
    contracted ("au conseil départemental du Gers", "d'Admiville"), {objet} and {intention}
    (what the collectivité intends, `reading.commande.intention_of`)."""
    name = str(getattr(commande, "collectivite", "") or "la collectivité")
    objet = str(getattr(commande, "object", "") or "")
    return {"collectivite": with_article(name),
            "a_collectivite": with_preposition("à", name),
            "de_collectivite": with_preposition("de", name),
            "objet": lower_first(tidy_object(objet)) if objet else "le sujet du dossier",
            "intention": str(getattr(commande, "intention", "") or "")}


def write_note(selection: Any, commande: Any, n_docs: int, writer: Writer | None = None,
               date: str | dt.date | None = None) -> Note:
    """Compose the note from a selection: introduction, two parts, conclusion."""
    writer = writer or RuleWriter()
    plan = selection.plan
    openers = Openers(known_words(plan))             # the paragraphs' ideas
    bodies = {sp.key: _subpart_paragraphs(sp, selection.statements.get(sp.key, []), writer,
                                          order=getattr(selection, "topic_order", {}).get(sp.key),
                                          openers=openers)
              for sp in plan.subparts}
    # a sub-part is titled by what its paragraphs open on, once they are written
    write_titles(plan, selection, openers, bodies)
    titles: dict[str, str] = {}
    for part in plan.parts:
        titles[part.key] = part.title
        for sp in part.subparts:
            titles[sp.key] = sp.title
    values = {**template_values(commande),
              "I": lower_first(plan.parts[0].title), "II": lower_first(plan.parts[1].title),
              "II_de": contract("de", lower_first(plan.parts[1].title))}

    def doc_sentence(st: Any) -> NoteSentence:
        return document_sentence(st, writer)

    def template(text: str, extra: dict[str, str] | None = None) -> NoteSentence:
        return NoteSentence(french_typography(fill_template(text, {**values, **(extra or {})})),
                            origin="template")

    paragraphs: list[NoteParagraph] = []
    # the opening fact, then the definition and the context: no connector opens the note
    opening = [doc_sentence(s) for s in selection.hook]
    terms = [definition_sentence(s, plan, writer) for s in getattr(selection, "definition", [])]
    terms += [doc_sentence(s) for s in selection.context]
    if opening:
        paragraphs.append(NoteParagraph("introduction", "opening", opening))
    if terms:
        paragraphs.append(NoteParagraph("introduction", "context", terms))
    intro = plan.intro or {}
    frame = [template(from_intention(intro[k], values["intention"]) if k == "problematique"
                      else intro[k]) for k in ("problematique", "announcement") if intro.get(k)]
    if frame:
        paragraphs.append(NoteParagraph("introduction", "problematique", frame))
    for part in plan.parts:
        chapeau: list[NoteSentence] = []
        lead = selection.chapeau_leads.get(part.key)
        if lead is not None:
            chapeau.append(doc_sentence(lead))
        # (the titles as the reader sees them, a claim's too: the chapeau announces the
        # headings that follow, never the frame's)
        titles_ab = {"A": lower_first(part.subparts[0].title),
                     "B": lower_first(part.subparts[1].title),
                     "TA": part.subparts[0].title, "TB": part.subparts[1].title}
        if part.chapeau:
            chapeau.append(template(explicit_subject(part.chapeau), titles_ab))
        if chapeau:
            paragraphs.append(NoteParagraph(part.key, "chapeau", chapeau))
        for sp in part.subparts:
            written = bodies[sp.key]
            if not written:
                # the dossier has nothing left for this sub-part: say so, invent nothing
                written = [NoteParagraph(sp.key, "body", [template(EMPTY_SUBPART)])]
            paragraphs += written
            if (getattr(sp, "transition", "") and sp is part.subparts[0] and paragraphs
                    and paragraphs[-1].section == sp.key):
                paragraphs[-1].sentences.append(template(sp.transition, titles_ab))
        if part.transition and paragraphs and paragraphs[-1].section.startswith(part.key + "."):
            paragraphs[-1].sentences.append(template(part.transition))
    # (the paragraph the conclusion follows gives it no main point: read again two lines
    # further, it would be a copy, not a conclusion)
    last = next((bodies[sp.key][-1] for sp in reversed(plan.subparts) if bodies[sp.key]), None)
    closing = conclusion_sentences(selection, openers, values, template, doc_sentence,
                                   avoid={i for s in last.sentences for i in s.source_ids}
                                   if last is not None else set())
    if closing:
        paragraphs.append(NoteParagraph("conclusion", "conclusion", closing))
    note = Note(header=header_of(commande, n_docs, date), titles=titles, paragraphs=paragraphs,
                plan_name=plan.name)
    note.number()
    return note


def document_sentence(st: Any, writer: Writer) -> NoteSentence:
    """The note's sentence for a statement, with its kind (see `NoteSentence.kind`)."""
    written = {"énumération": "enumeration", "fiche": "written"}.get(getattr(st, "kind", ""))
    if written:         # written by the note from a table or from a record's fields
        return NoteSentence(french_typography(st.text), list(st.docs), list(st.source_ids),
                            kind=written)
    text = writer.rewrite(st.text)
    if getattr(st, "context_ids", None) or getattr(st, "followed_ids", None):
        kind = "merged"
    else:
        original = french_typography(strip_bullet(clean_display(getattr(st, "original", "")
                                                                or st.text)))
        kind = "document" if fuzz.ratio(text, original) >= 95 else "compressed"
    return NoteSentence(text, list(st.docs), list(st.source_ids), kind=kind)


def definition_sentence(st: Any, plan: Any, writer: Writer) -> NoteSentence:
    """The definition of the introduction, without the claim its sentence goes on to make
    (`note.scoring.defined_as`)."""
    sentence = document_sentence(st, writer)
    subject = [t.lower().replace("’", "'") for t in (plan.intro or {}).get("subject_terms") or {}]
    short = defined_as(sentence.text, subject)
    if short is None:
        return sentence
    return NoteSentence(short, sentence.docs, sentence.source_ids, kind="compressed")


EMPTY_SUBPART = "Les documents du dossier n'apportent pas d'élément propre à ce point."
_PRONOUN_SUBJECT = re.compile(r"^(?:Elle|Il)\s+(?=[a-zà-ÿ])")


def explicit_subject(chapeau: str) -> str:
    """A chapeau opens the part: its subject cannot be a pronoun ("Elle examine…" →
    "Cette partie examine…")."""
    return _PRONOUN_SUBJECT.sub("Cette partie ", " ".join(str(chapeau).split()))


# a sub-part's paragraphs, each with its statements and the paragraphs it was made of
Merged = list[tuple[NoteParagraph, list[Any], list[NoteParagraph]]]


def _subpart_paragraphs(sp: Any, statements: list[Any], writer: Writer,
                        max_sentences: int = 4, order: list[str] | None = None,
                        openers: Openers | None = None,
                        ) -> list[NoteParagraph]:
    """One paragraph per topic of the sub-part (in the plan's order, or in `order` when the
    selection gives one: the uses by domain), split when long. A statement of the use cases
    keeps the order of the selection (by status within a domain). With `openers`, each argued
    paragraph opens on its idea (`paragraph_ideas`), the sentences that hold it first; the
    connectors are written once the order is final. A sub-part titled from its ideas opens on
    its opened paragraphs; one on the commande's axes on the paragraph that speaks it most."""
    order = list(order or [t.name for t in sp.topics])
    known = openers.known if openers is not None else frozenset()
    claims = set(getattr(sp, "claims", []) or [])
    paragraphs = []
    argued: list[tuple[NoteParagraph, list[Any]]] = []   # the paragraphs an idea may open
    ends: list[tuple[NoteParagraph, Any]] = []    # a lone list, told at the end of a paragraph
    for chunk in paragraph_chunks(statements, order, openers, max_sentences):
        target = (closest(argued, chunk[0], openers) if len(chunk) == 1
                  and len(split_outside_quotations(chunk[0].text)) < 3 else None)
        if target is not None and getattr(chunk[0], "kind", ""):
            ends.append((target[0], chunk[0]))      # (not argued: after its connectors)
            continue
        if target is not None:
            # a lone sentence is not a paragraph: it joins the argued paragraph it shares
            # most words with (one that shares none would lose its thread: it stays apart)
            target[0].sentences.append(document_sentence(chunk[0], writer))
            target[1].append(chunk[0])
            continue
        if any(getattr(s, "kind", "") for s in chunk):
            # the uses of a domain are listed, not argued: no connector between them
            paragraphs.append(NoteParagraph(sp.key, "body",
                                            [document_sentence(s, writer) for s in chunk]))
            continue
        paragraphs.append(NoteParagraph(sp.key, "body", argued_sentences(chunk, writer)))
        argued.append((paragraphs[-1], list(chunk)))
    evidence = {id(para): items for para, items in argued}
    merged = _split_lone(_consolidated(paragraphs, evidence, sp.key, known), evidence, sp.key,
                         writer, known)
    # a paragraph opens on its idea once it has its final sentences: an idea sentence never
    # stands inside a paragraph, and the ordinals count the paragraphs that follow
    ideas = paragraph_ideas([(p, items) for p, items, _ in merged if items],
                            list(getattr(sp, "functions", []) or []), openers,
                            title_heads(getattr(sp, "title", ""))) if openers else {}
    for para, items, pieces in merged:
        idea = ideas.get(id(para))
        own = [piece for piece in pieces if id(piece) in evidence]
        listed = [s for piece in pieces if id(piece) not in evidence for s in piece.sentences]
        if listed and not idea:
            for piece in own:
                link(piece.sentences, writer, known)    # each argued piece on its own
            continue
        # the idea's evidence follows it, before the uses the paragraph lists
        ordered = evidence_order(items, idea, claims, known)
        sentences = [s for piece in own for s in piece.sentences]
        if any(a is not b for a, b in zip(ordered, items, strict=True)):
            sentences = argued_sentences(ordered, writer)   # written again in that order
        # linked in pieces of the sizes it was made of (as many connectors as before)
        cuts = list(accumulate(len(piece.sentences) for piece in own[:-1]))
        for a, b in zip([0, *cuts], [*cuts, len(sentences)], strict=True):
            link(sentences[a:b], writer, known)
        para.sentences = sentences + listed
    for piece, st in ends:
        # (at the end of its paragraph; of the last, when that paragraph was split in two)
        para = next((p for p, _, pieces in merged if any(x is piece for x in pieces)),
                    merged[-1][0])
        para.sentences.append(document_sentence(st, writer))
    if getattr(sp, "idea_title", ""):   # the opened first: the title names their ideas
        # (those that list texts of law after: no title names them)
        merged.sort(key=lambda m: (id(m[0]) not in ideas,
                                   id(m[0]) in ideas and ideas[id(m[0])].untitled))
    elif claims:                        # on the commande's axes, what speaks the axis first
        merged.sort(key=lambda m: _speaking(m[0].sentences, claims, getattr(sp, "title", "")))
    # (not a noun alone, not what the first sentence opens on: not stated)
    open_paragraphs([(p, ideas[id(p)]) for p, _, _ in merged if id(p) in ideas
                     and ideas[id(p)].stated and not told_first(ideas[id(p)], p.sentences[0].text)],
                    openers.forms if openers is not None else None)
    return [para for para, _, _ in merged]


def _consolidated(paragraphs: list[NoteParagraph], evidence: dict[int, list[Any]], key: str,
                  known: frozenset[str]) -> Merged:
    """A sub-part's paragraphs gathered into two or three (`note.paragraphs.consolidate`), each
    with its statements (`evidence`: the argued paragraphs') and the paragraphs it is made of."""
    merged: Merged = []
    for group in consolidate([len(p.sentences) for p in paragraphs],
                             int(style()["subpart_paragraphs"]),
                             [nouns_together(evidence.get(id(p), []), known) for p in paragraphs],
                             int(style()["paragraph_sentences"])):
        para = NoteParagraph(key, "body", [s for k in group for s in paragraphs[k].sentences])
        merged.append((para, [st for k in group for st in evidence.get(id(paragraphs[k]), [])],
                       [paragraphs[k] for k in group]))
    return merged


def _split_lone(merged: Merged, evidence: dict[int, list[Any]], key: str, writer: Writer,
                known: frozenset[str]) -> Merged:
    """A sub-part's paragraphs, its only argued one of `style.yaml split_sentences` sentences
    or more split in two where its halves share least (`note.paragraphs.seam`): one paragraph
    is no sub-part. The halves' statements are recorded in `evidence`."""
    if (len(merged) != 1 or not all(id(p) in evidence for p in merged[0][2])
            or len(merged[0][0].sentences) < int(style()["split_sentences"])):
        return merged
    cut = seam(merged[0][1], known)
    if cut is None:
        return merged
    out = []
    for half in (merged[0][1][:cut], merged[0][1][cut:]):
        para = NoteParagraph(key, "body", argued_sentences(half, writer))
        evidence[id(para)] = half
        out.append((para, half, [para]))
    return out


def _speaking(items: list[Any], claims: set[str], title: str) -> tuple[int, int]:
    """How much a paragraph speaks its sub-part's axis, as a sort key (most first): its
    sentences (the uses it lists too) that name the axis's head noun (« le calendrier »:
    `title_heads`), then those the axis claims."""
    heads = title_heads(title)
    return (-sum(bool(heads & set(content_lemmas(st.text))) for st in items),
            -sum(bool(set(st.source_ids) & claims) for st in items))


def evidence_order(items: list[Any], idea: Any, claims: set[str],
                   known: frozenset[str]) -> list[Any]:
    """The order of an argued paragraph's statements: those that hold its idea first
    (`holders_first`), else the first that speaks the sub-part's axis (`speaking_first`); then
    each drawn up behind the one it speaks of the same thing as (`ordering.threaded`); those of
    one document in its order (`ordering.in_source_order`), the holders or the one that speaks
    the axis still first (not for an idea no opener states, `Idea.stated`)."""
    if idea is not None and idea.stated:
        ordered = holders_first(items, idea, known)
        holders = sum(st.sentence_id in idea.source_ids for st in ordered)
        return in_source_order(threaded(ordered, known, keep=holders), keep=holders)
    ordered = threaded(speaking_first(items, claims), known)
    return in_source_order(ordered, keep=int(bool(ordered) and ordered[0].sentence_id in claims))


def argued_sentences(statements: list[Any], writer: Writer) -> list[NoteSentence]:
    """The sentences of an argued paragraph: its statements as the note writes them, two that
    open on the same subject joined (`link` writes its connectors)."""
    return join_same_subject(statements, [document_sentence(s, writer) for s in statements])


def link(sentences: list[NoteSentence], writer: Writer,
         known: frozenset[str] = frozenset()) -> None:
    """The connectors that link the sentences of an argued paragraph, written in place
    (`known`: the words every sentence of the note speaks of)."""
    for s, t in zip(sentences, writer.join([s.text for s in sentences], known,
                                           [s.docs for s in sentences]), strict=True):
        s.text = t


def join_same_subject(statements: list[Any], sentences: list[NoteSentence]) -> list[NoteSentence]:
    """Two neighbouring sentences that open on the same subject (the same noun at the head of
    the phrase each opens on: `Statement.subject`, from the parse) become one: the second's
    subject gives way to its pronoun after a semicolon (« La formation des agents devient
    nécessaire… ; elle ne se résume pas… »), as a writer avoids repeating it. A pair at most,
    within `note.joining.MAX_JOINED_WORDS` words, citing the documents of both."""
    out: list[NoteSentence] = []
    k = 0
    while k < len(sentences):
        first = sentences[k]
        if k + 1 < len(sentences):
            second = sentences[k + 1]
            text = same_subject_joined(statements[k], statements[k + 1], first.text,
                                       second.text)
            if text is not None:
                out.append(NoteSentence(text, sorted(set(first.docs) | set(second.docs)),
                                        first.source_ids + second.source_ids,
                                        origin="document", kind="merged"))
                k += 2
                continue
        out.append(first)
        k += 1
    return out


def open_paragraphs(ideas: list[tuple[NoteParagraph, Any]],
                    used: Counter[str] | None = None) -> None:
    """Open each paragraph with its idea: a sentence written by the note, which cites nothing
    of its own (the paragraph's citations follow) and keeps the sentences holding its phrase
    as sources; the ordinals count the sub-part's paragraphs of the same function, `used` the
    note's forms written so far (each form's variants in turn)."""
    functions = Counter(idea.function for _, idea in ideas)
    ranks: Counter[str] = Counter()
    for para, idea in ideas:
        rank = ranks[idea.function]
        ranks[idea.function] += 1
        text = french_typography(upper_first(opener_text(idea, rank, functions[idea.function],
                                                         used)))
        para.sentences.insert(0, NoteSentence(text, [], idea.source_ids, origin="note",
                                              kind="written"))
