"""The records of a dossier told as sentences. A list of projects, of laureates or of funded
actions is often written as records, not sentences: « La salle sur demande. Conseil
Départemental de l'Isère. Montant alloué : 846 984 €. Accompagné par l'ANCT. Mettre en relation
l'offre et la demande d'utilisation des bâtiments publics… ». Such an item has no verb of its
own and cannot be quoted; its fields say who does what, with how much: the note writes them as
one sentence (« Le projet « La salle sur demande » du conseil Départemental de l'Isère, doté de
846 984 €, vise à mettre en relation… »), followed by the record's own sentence of result when it
has one (« La plateforme Collec-data permet aujourd'hui à plus de 1600 collectivités de publier
automatiquement leurs données. »). Every word of it comes from the record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ianote_lib.fr.lemmas import is_known, lemmatize
from ianote_lib.fr.names import with_preposition
from ianote_lib.fr.normalize import normalize, strip_bullet, word_count
from ianote_lib.note.anaphora import context_needs
from ianote_lib.note.candidates import has_finite_verb, rejection_reasons
from ianote_lib.note.text import fill_template, style

_FIELD_END = re.compile(r"(?<=[.!])\s+(?=[A-ZÀ-Þ«\"\d])")
_LABELLED = re.compile(r"^(?P<label>[^:«»\"]{2,40}?)\s*:\s*(?P<value>\S.*)$")
_AMOUNT = re.compile(r"^\d[\d\s\u00a0\u202f.,]*\s*(?:k€|M€|€|euros|millions? d['’]euros)$")
_PAST_PARTICIPLE = re.compile(r"^[A-ZÀ-Þ]?[a-zà-ÿ]+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)\s+"
                              r"(?:par|avec)\b")
_MAX_LABEL_WORDS = 10


@dataclass
class Record:
    """The fields of one record: its name (« La salle sur demande », may be empty), its holder
    (« Conseil Départemental de l'Isère »), its amount (« 846 984 € »), its purpose (an
    infinitive phrase: « Mettre en relation… ») and its sentences of result."""
    holder: str
    name: str = ""
    amount: str = ""
    purpose: str = ""
    results: list[str] = field(default_factory=list)


def _infinitive(word: str) -> bool:
    """Whether a word is an infinitive (« Mettre », « Développer »): one of its conjugated forms
    is known and has it as its lemma (a noun such as « Signature » ends like one but has none)."""
    low = word.lower()
    if not re.search(r"(?:er|ir|re)$", low):
        return False
    stem = low[:-2]
    return any(is_known(form) and lemmatize(form) == low
               for form in (stem + "é", stem + "ent", stem + "ons", stem + "ait", stem + "issent",
                            stem + "sent"))


def read_record(text: str) -> Record | None:
    """The fields of a record (see the module), or None when the text is not one: a sentence
    with a verb, or fields without a holder, or without a purpose or a result."""
    body = strip_bullet(normalize(text)).strip()
    fields = [f.strip().rstrip(".").strip() for f in _FIELD_END.split(body) if f.strip()]
    if len(fields) < 3:
        return None
    labels, amount, purpose, results = [], "", "", []
    for part in fields:
        labelled = _LABELLED.match(part)
        first = part.split()[0] if part.split() else ""
        if labelled and _AMOUNT.match(labelled.group("value").strip()):
            amount = amount or labelled.group("value").strip()
        elif labelled or _PAST_PARTICIPLE.match(part):
            continue            # « Prochaines étapes : … », « Accompagné par l'ANCT »
        elif _infinitive(first) and not purpose:
            purpose = part
        elif has_finite_verb(part) and _told_alone(part + "."):
            results.append(part + ".")
        elif not (purpose or results) and word_count(part) <= _MAX_LABEL_WORDS and not (
                has_finite_verb(part, strict=True)):
            labels.append(part)
    if not labels or not (purpose or results) or len(labels) > 2:
        return None
    name, holder = (labels[0], labels[1]) if len(labels) == 2 else ("", labels[0])
    return Record(holder=holder, name=name, amount=amount, purpose=purpose, results=results)


def _told_alone(sentence: str) -> bool:
    """Whether a record's sentence can follow its purpose: a quotable sentence whose only link
    back is a definite noun (« Le service a déjà convaincu 900 abonnés… »: the record's own
    project, named just before it)."""
    return not rejection_reasons(sentence, "sentence", anaphora=False) and all(
        need.kind == "definite" for need in context_needs(sentence))


def record_text(record: Record, max_words: int) -> str | None:
    """The record as the note tells it (`style.yaml records` templates), its first sentence of
    result after it when the whole stays within `max_words`; None without a purpose or a
    result to tell."""
    cfg = style()["use_cases"]["records"]
    name = record.name if "«" in record.name else f"« {record.name} »" if record.name else ""
    values = {"name": name, "holder": with_preposition("de", record.holder),
              "amount": record.amount,
              "purpose": record.purpose[:1].lower() + record.purpose[1:]}
    key = ("named" if name else "unnamed") + ("_amount" if record.amount else "")
    parts = []
    if record.purpose:
        parts.append(fill_template(cfg[key], values))
    for sentence in record.results[:1]:
        if word_count(" ".join([*parts, sentence])) <= max_words:
            parts.append(sentence)
    if not parts or word_count(" ".join(parts)) > max_words:
        return None
    return " ".join(parts)
