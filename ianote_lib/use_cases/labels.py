"""The use of a use case in a few French words: the use phrase cut from the sentence around
its status cue (`use_phrase`), then the label cut from it by general rules (`use_label`)."""

from __future__ import annotations

import re

from ianote_lib.fr.lemmas import is_known
from ianote_lib.fr.normalize import fold_same_length
from ianote_lib.fr.stopwords import keyword_stop_words
from ianote_lib.use_cases.lexicon import Cue, LabelRules, Lexicon, lexicon, specific_lemmas


def trim_words(text: str, limit: int = 14) -> str:
    words = text.split()
    if len(words) > limit:
        words = words[:limit]
        while words and fold_same_length(words[-1]) in keyword_stop_words():
            words.pop()
        return " ".join(words) + "…"
    return " ".join(words)


def use_phrase(norm: str, folded: str, cue: Cue, lex: Lexicon) -> str:
    """A few French words saying the use, cut from the sentence around the cue."""
    if cue.passive:
        head = norm[:cue.start]
        head_f = folded[:cue.start]
        cut = max(head_f.rfind(", "), head_f.rfind(": "))
        if cut >= 0 and len(head[cut + 2:].split()) >= 2:
            head, head_f = head[cut + 2:], head_f[cut + 2:]
        head = lex.phrase.passive_tail.sub("", head)
        tail = norm[cue.end:]
        purpose = lex.purpose.search(fold_same_length(tail)[:40])
        phrase = head.strip()
        if purpose:
            phrase += " " + tail[purpose.start():].strip()
    else:
        phrase = norm[cue.end:]
        if cue.status == "interdit" and "interdiction" not in folded[cue.start:cue.end]:
            starts_with_article = lex.phrase.starts_with_article.match(fold_same_length(phrase))
            phrase = ("interdiction de " if starts_with_article else "interdiction ") \
                + phrase.strip()
        elif cue.status == "interdit":
            phrase = "interdiction de " + phrase.strip()
    phrase_f = fold_same_length(phrase)
    phrase = phrase[:len(lex.phrase.as_done_by.sub("", phrase_f))]
    phrase_f = fold_same_length(phrase)
    cut = lex.phrase.cut.search(phrase_f)
    if cut and len(phrase[:cut.start()].split()) >= 3:
        phrase = phrase[:cut.start()]
    phrase = re.sub(r"[\"«»“”]", "", phrase).strip(" ,")
    for _ in range(3):
        for filler in lex.fillers:
            phrase = phrase[len(phrase) - len(filler.sub("", fold_same_length(phrase))):]
    phrase_f = fold_same_length(phrase)
    if lex.generic_object.match(phrase_f):
        purpose = lex.purpose.search(phrase_f)
        if purpose:
            phrase = phrase[purpose.end():]
    return phrase.strip(" ,")


def lower_same_length(text: str) -> str:
    """Lower case with the same length (offsets stay valid), accents kept."""
    return "".join(ch.lower()[:1] or ch for ch in text)


def strip_leading(text: str, patterns: list[re.Pattern]) -> str:
    """Remove the leading words the patterns match, repeatedly, never the whole text."""
    for _ in range(8):
        low = lower_same_length(text)
        for p in patterns:
            m = p.match(low)
            if m and m.end() > 0 and text[m.end():].strip():
                text = text[m.end():].lstrip(" ,")
                break
        else:
            return text
    return text


def _cut_strong(text: str, rules: LabelRules) -> str:
    """Cut at the first strong boundary with at least two words before it."""
    low = lower_same_length(text)
    cuts = [m.start() for p in rules.strong_cuts for m in p.finditer(low)
            if len(text[:m.start()].split()) >= 2]
    return text[:min(cuts)] if cuts else text


def _drop_trailing(text: str) -> str:
    words = text.rstrip(" ,;:").split()
    while len(words) > 1 and fold_same_length(words[-1]).strip(",") in keyword_stop_words():
        words.pop()
    return " ".join(words).rstrip(" ,;:")


def _fit(text: str, rules: LabelRules) -> str:
    """At most `max_words` words: drop « permettre à X de », then end at the last weak
    boundary that fits, else at the word limit (never with an ellipsis)."""
    limit = rules.max_words
    if len(text.split()) <= limit:
        return text
    m = rules.beneficiary.search(lower_same_length(text))
    if m:
        text = text[:m.start()] + text[m.end():]
        if len(text.split()) <= limit:
            return text
    low = lower_same_length(text)
    ends = [m.start() for p in rules.weak_cuts for m in p.finditer(low)
            if 3 <= len(text[:m.start()].split()) <= limit]
    if ends:
        return _drop_trailing(text[:max(ends)])
    return _drop_trailing(" ".join(text.split()[:limit]))


def _balance(text: str) -> str:
    """No half parenthesis: an unclosed « ( » ends the label, a stray « ) » goes."""
    while text.count("(") > text.count(")"):
        text = text[:text.rfind("(")].rstrip()
    while text.count(")") > text.count("("):
        i = text.find(")")
        text = (text[:i] + text[i + 1:]).replace("  ", " ")
    return text.strip(" ,;:")


def technique_only(label: str, lex: Lexicon) -> bool:
    """« analyse d'images », « l'IA »: the label names an AI technique and nothing else."""
    folded = fold_same_length(label)
    for p in lex.ai:
        m = p.search(folded)
        if m and len(specific_lemmas(folded[:m.start()] + folded[m.end():])) == 0:
            return True
    return False


def _lower_first(text: str) -> str:
    """Lower-case the first letter of a common word (« Analyse » -> « analyse »), not of an
    acronym or a name (« IA », « ChatGPT », « Copilot »)."""
    first = text.split()[0] if text.split() else ""
    word = first.split("'")[0] if "'" in first[:3] else first
    if word[:1].isupper() and (len(word) < 2 or word[1:].islower()) \
            and is_known(word.lower()):
        return text[:1].lower() + text[1:]
    return text


def use_label(phrase: str, cue_text: str = "", lex: Lexicon | None = None) -> str:
    """A few French words naming the use (at most `use_label.max_words`, no ellipsis), cut
    from the use phrase of a sentence by general rules: a circumstance before the purpose goes
    into a parenthesis (« (test avec 1.000 agents volontaires) »), leading coordinators,
    adverbs, articles and verbs of use go, a bare AI object gives way to its purpose
    (« l'IA pour exploiter les délibérations » -> « exploiter les délibérations »), the label
    ends at the first relative clause, gerund, means or main verb, then at a weak boundary if
    still too long. When the cue names the AI tool (« a demandé à ChatGPT de… ») and the label
    does not, the tool heads it."""
    lex = lex or lexicon()
    rules = lex.label
    text = " ".join(re.sub(r"[\"«»“”]", " ", phrase).split()).strip(" ,;:")
    note = ""
    m = rules.circumstance.match(lower_same_length(text))
    if m and len(text[m.end():].split()) >= 2:
        trial = rules.trial_nouns.search(lower_same_length(cue_text))
        circumstance = text[:m.end(1)]
        note = f"({trial.group(0) + ' ' if trial else ''}{circumstance})"
        text = text[m.end():]
    for _ in range(3):
        before = text
        text = strip_leading(text, rules.leading)
        g = rules.generic_head.match(lower_same_length(text))
        if g and len(text[g.end():].split()) >= 2:
            text = text[g.end():]
        c = rules.containers.match(lower_same_length(text))
        if c and len(text[c.end():].split()) >= 1:
            text = text[c.end():]
        text = _cut_strong(text, rules)
        if text == before:
            break
    text = _balance(_fit(_balance(text), rules))
    cue_folded = fold_same_length(cue_text)
    if text and not lex.has_ai(fold_same_length(text)):
        for p in lex.ai:
            tool = p.search(cue_folded)
            if tool and re.match(r"\w+(?:er|ir|re)\b", lower_same_length(text)):
                text = f"{cue_text[tool.start():tool.end()]} pour {text}"
                break
    text = _lower_first(text)
    return f"{text} {note}".strip() if text else note.strip("()")


def split_coordination(phrase: str) -> list[str]:
    """« le tri des courriers et l'identification des risques » -> two uses (both parts
    headed by an action noun)."""
    rules = lexicon().phrase
    parts = rules.coordination.split(phrase)
    if len(parts) < 2:
        return [phrase]
    if all(rules.action_head.match(fold_same_length(p)) for p in parts):
        return parts
    return [phrase]
