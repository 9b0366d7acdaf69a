"""Which sentences of the dossier can be quoted as statements of the note: a full, impersonal,
self-contained sentence (never a title, heading, fragment, question, first- or second-person
sentence, imperative, or sentence cut by the extraction); `rejection_reasons` says why not."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pandas as pd

from ianote_lib.fr.accents import restore_accents
from ianote_lib.fr.lemmas import is_known, lemmatize
from ianote_lib.fr.normalize import normalize, strip_bullet, word_count
from ianote_lib.fr.speech import speech_verb
from ianote_lib.fr.stopwords import clitic_pronouns, function_words
from ianote_lib.note.anaphora import context_needs
from ianote_lib.note.text import (
    bare_noun_head,
    compress,
    first_clause,
    lower_first,
    press_pronouns,
    style,
    upper_first,
)

QUOTABLE_KINDS = ("sentence", "bullet")
_LABEL = re.compile(r"^([^.:;,]{2,40}?)\s?:\s")
# the label of an article's summary, whatever its words (« Compensation financière (Article 5):
# Prévoit… »)
_ARTICLE_LABEL = re.compile(r"^[^.:;,()]{2,90}?\s\((?:[Aa]rticles?|[Aa]rt\.)\s[^)]{1,20}\)\s?:\s")
_HEAD_LABEL = re.compile(r"^[^.:;]{2,160}?\s?:\s")
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
# the end of the sentence before, cut at its full stop (« Soit une hausse de 32 % par rapport à
# l'année 2021… »); not « Soit X, soit Y »
_SENTENCE_TAIL = re.compile(r"Soit\s(?!.*\bsoit\b)")


@cache
def _patterns() -> dict[str, Any]:
    st = style()
    return {
        "imperative": re.compile(
            r"^(?:" + "|".join(re.escape(w) for w in st["imperative_openings"]) + r")\b",
            re.IGNORECASE),
        "anaphoric": [re.compile(p, re.IGNORECASE) for p in st["anaphoric_openings"]],
        "demonstrative": re.compile(st["demonstrative_openings"], re.IGNORECASE),
        "reader_address": [re.compile(p, re.IGNORECASE) for p in st["reader_address_patterns"]],
        "document_reference": [re.compile(p, re.IGNORECASE) for p in st["document_references"]],
        "process_report": [re.compile(p, re.IGNORECASE) for p in st["process_reports"]],
        "survey_sample": [re.compile(p, re.IGNORECASE) for p in st["survey_samples"]],
        "finding": re.compile(st["findings"], re.IGNORECASE),
        "oral": [re.compile(p, re.IGNORECASE) for p in st["oral_register"]],
        "partisan": [re.compile(p, re.IGNORECASE) for p in st["partisan"]],
        "indirect_question": [re.compile(p, re.IGNORECASE) for p in st["indirect_questions"]],
    }



@cache
def _words(key: str) -> frozenset[str]:
    """A style.yaml word list as a set."""
    return frozenset(style()[key])


def demonstrative_opening(text: str) -> bool:
    """Whether a sentence opens on a demonstrative or a possessive ("Cette approche…")."""
    return bool(_patterns()["demonstrative"].search(text))


_WORD_OR_PAUSE = re.compile(r"[a-zà-ÿ]+|[,;:]")
_VERB_ENDING = re.compile(r"(e|es|ent|ait|aient|r?a|r?ont|r?aient|rait|ons|ez|it|ut)$")
_INFINITIVE_ENDING = re.compile(r"(er|ir|re|oir)$")
_SINGULAR_PLURAL_E = re.compile(r"(?:ent|es|e)$")
# a feminine past participle (« renforcée », « consacrées », « commises »), never conjugated
# alone but in the verbs in -éer (« crée », « agréée »)
_PARTICIPLE_EE = re.compile(r"(?<!é)(?<!cr)ées?$|ises$")


_SUBJECT_PRONOUNS = frozenset({"on", "il", "ils", "elle", "elles", "je", "nous", "vous"})
_STRESSING = frozenset({"avec", "pour", "sans", "chez", "par", "entre", "contre", "sur", "selon",
                        "de", "d", "à", "comme", "qu", "que", "et", "ou"})


def has_finite_verb(text: str, loose: bool = False, strict: bool = False) -> bool:
    """Rough test that `text` holds a conjugated verb (a sentence, not a noun phrase); `loose`
    also takes a word that may be a verb or a noun/adjective ("présente") as a verb; `strict`
    never takes a plural noun whose singular ends like an infinitive ("territoires") for one
    (for a short label, where such a noun is all there is)."""
    common = _words("common_finite_verbs")
    relative_pronouns = _words("relative_pronouns")
    lookalikes = style()["preposition_lookalikes"]
    relative = subject = False
    words = _WORD_OR_PAUSE.findall(re.sub(r"\bn[°º]", " ", normalize(text).lower())
                                   .replace("'", " "))
    for k, word in enumerate(words):
        if word in ",;:":
            relative = subject = False
            continue
        # (the word after a subject pronoun or a negation and their clitics is a verb: « on
        # note », « il s'agit », « ne dispense pas »)
        if subject and not relative and word not in clitic_pronouns():
            return True
        subject = subject and word in clitic_pronouns() or word in ("ne", "n") or (
            word in _SUBJECT_PRONOUNS and words[k - 1:k] not in ([w] for w in _STRESSING))
        if word in lookalikes and next(
                (w for w in words[k + 1:] if not w.endswith("ment")), "") not in lookalikes[word]:
            continue
        if word in relative_pronouns:
            relative = True
            continue
        if relative:
            continue
        if word in common:
            return True
        if len(word) > 4 and _VERB_ENDING.search(word) and not _PARTICIPLE_EE.search(word):
            lemma = lemmatize(word)
            plural = strict and lemma == word[:-1]
            if lemma != word and not plural and _INFINITIVE_ENDING.search(lemma):
                return True
            stem = _SINGULAR_PLURAL_E.sub("", word)
            if loose and word.endswith(("e", "ent")) and is_known(stem + "er"):
                return True                     # "présente": présent or présenter
    return False


_SECOND_PERSON_VERB = re.compile(r"\b([a-zà-ÿ]{3,}ez)\b")


def verb_in_aside(text: str) -> bool:
    """Whether the only verbs of a sentence are in a relative clause set off by a comma
    (« La mise en commun… entre communes…, dont les conditions… ont été étendues… »): the
    tagger takes that clause's verb for the sentence's."""
    return not has_finite_verb(text) and has_finite_verb(
        re.sub(r",\s*(?:dont|qui|où)\b", ",", text))


def second_person_verbs(text: str) -> list[str]:
    """Verbs in the second person plural ("consultez", "imaginez"): press copy speaking to the
    reader."""
    out = []
    for word in _SECOND_PERSON_VERB.findall(normalize(text).lower()):
        if word in _words("not_second_person_verbs"):
            continue
        lemma = lemmatize(word)
        if lemma != word and re.search(r"(er|ir|re|oir)$", lemma):
            out.append(word)
    return out


def rejection_reasons(text: str, kind: str = "sentence", anaphora: bool = True) -> list[str]:
    """Why a sentence cannot be quoted in the note (empty list: it can). With
    `anaphora=False`, a sentence that only points back to a previous one is not rejected here:
    `build_evidence` resolves it (completion, pairing) or rejects it (note.anaphora)."""
    reasons = []
    if kind not in QUOTABLE_KINDS:
        reasons.append(f"type {kind}")
    body = strip_bullet(normalize(text))
    n = word_count(body)
    pats = _patterns()
    if "?" in body or any(p.search(body) for p in pats["indirect_question"]):
        reasons.append("question")
    if "!" in body:
        reasons.append("exclamation")       # (at its end or in what it quotes: press copy)
    label = _LABEL.match(body)
    if _ARTICLE_LABEL.match(body) or label and not has_finite_verb(
            label.group(1), strict=True) and (kind == "bullet" or word_count(label.group(1)) > 1):
        # a list item's label, or a headline ("Journée Numérique & Territoires : l'État …")
        reasons.append("intitulé de liste" if kind == "bullet" else "titre ou intitulé")
    elif (_HEAD_LABEL.match(body) and bare_noun_head(body)
          and not re.match(r"[A-ZÀ-Þ][a-zà-ÿ]+(?:er|ir|re|oir)\s", body)):
        # a note's own heading, a bare noun and its complements, before its colon (« Gestion
        # de l'eau et stress des infrastructures réseau : Importantes économies… », « Système
        # de subsidiarité à trois étages pour que… : la région soutient… »)
        reasons.append("intitulé de liste" if kind == "bullet" else "titre ou intitulé")
    if is_teaser(body):
        reasons.append("accroche")
    if is_page_furniture(body):
        reasons.append("légende ou signature")
    # (an aside the note drops, « (voir notre article du 16 mars) », neither refers the reader
    # elsewhere nor speaks in the first person: read on the sentence as the note quotes it)
    quoted = compress(body)
    if press_pronouns(quoted):
        reasons.append("première ou deuxième personne")
    if pats["imperative"].search(body) or second_person_verbs(body) or any(
            p.search(body) for p in pats["reader_address"]):
        reasons.append("impératif ou apostrophe")
    if any(p.search(quoted) for p in pats["document_reference"]):
        reasons.append("renvoie à un autre passage du document")
    if (any(p.search(body) for p in pats["process_report"]) and not pats["finding"].search(body)
            or any(p.search(body) for p in pats["survey_sample"])):
        reasons.append("déroulement ou suivi d'une démarche")
    if any(p.search(body) for p in pats["oral"]):
        reasons.append("registre oral")
    if any(p.search(body) for p in pats["partisan"]):
        reasons.append("prise de position partisane")
    if anaphora and (any(p.search(body) for p in pats["anaphoric"]) or context_needs(body)):
        reasons.append("renvoie à une phrase précédente")
    if not body or not (body[0].isupper() or body[0].isdigit() or body[0] in "«\"") or (
            _SENTENCE_TAIL.match(body)):
        reasons.append("fragment (début)")
    if not re.search(r"[.!]\s*[»\"”)]?$", body) or body.endswith(("….", "...")):
        reasons.append("fragment (fin)")
    if n < 8:
        reasons.append("trop courte")
    if n > 60 and word_count(compress(body)) > 60:
        reasons.append("trop longue")       # too long, even once shortened as the note quotes it
    if body.count('"') % 2 or body.count("«") != body.count("»"):
        reasons.append("citation tronquée")
    if body.count("(") > body.count(")"):
        reasons.append("parenthèse non fermée")     # (« Cinq appareils (5 à 600 euros pièces… »)
    if _URL.search(body):
        reasons.append("adresse web")       # (« …leur liste figure sur : https://… »)
    if _verbless(body, n):
        reasons.append("sans verbe")
    if _DOUBLED.search(body):
        reasons.append("mot répété")        # a typo of the source (« C'est est un dispositif »)
    if _RUN_TOGETHER.search(body):
        reasons.append("deux lignes fusionnées")
    if _PERSON_TITLE.match(body):
        reasons.append("présentation d'une personne")
    if _INTERVIEW_TURN.match(body):
        reasons.append("tour de parole d'un entretien")
    nominal = _NOUN_THEN_SUBORDINATE.match(body)
    if _SUBORDINATE_ALONE.match(body) or (nominal and not has_finite_verb(nominal.group("lead"))):
        reasons.append("sans proposition principale")
    if _PLACEHOLDER.search(body):
        reasons.append("texte à compléter")
    return reasons


def _verbless(body: str, words: int) -> bool:
    """Whether a sentence of `words` words has no finite verb, or none but those of a sentence
    it quotes (« Entre un vieux lave-linge et un vieux frigo, une pancarte sur fond jaune
    « Votre ville n'est pas une décharge » »; not words it quotes inside its own, « les
    collectivités « doivent agir vite » »)."""
    outside = re.sub(r"«\s*[A-ZÀ-Þ][^«»]*»|[\"“][A-ZÀ-Þ][^\"“”]*[\"”]", " ", body)
    # (a verb of saying, « note », « souligne », is one: the quotation is what was said)
    return (words >= 8 and not has_finite_verb(body, loose=True)) or (
        outside != body and word_count(outside) >= 5 and not has_finite_verb(outside)
        and not any(speech_verb().fullmatch(w) for w in re.findall(r"[\wÀ-ÿ]+", outside.lower())))


# a noun phrase, then a subordinate clause that runs to the end (« Des recettes significatives
# pour la métropole alors que de plus en plus de quartiers sont soumis au stationnement
# payant. », « Un atout quand on sait les relations… »): a title or a comment, no sentence
_NOUN_THEN_SUBORDINATE = re.compile(r"^(?P<lead>(?:Des|Un|Une|De)\s[^,;:]*?)\s(?:mais\s+)?"
                                    r"(?:alors qu|tandis qu|car\b|puisqu|lorsqu|quand\b|"
                                    r"même si\b|bien qu)[^,;:]*[.!]\s*[»\"]?$")


# a count left for the writer to fill (« le questionnaire a été envoyé à X personnes », « X %
# des communes »): no figure the note can give
_PLACEHOLDER = re.compile(r"(?<![\w'’.-])X{1,3}(?:\s*%|\s*€|\s+(?!(?:dans|sans|sous|vers|depuis|"
                          r"après|plus|moins|puis|alors|dès|très|mais|lors|jamais|toujours)\b)"
                          r"[a-zà-ÿ]+s\b)")


# one word and a subordinate clause that runs to the end, no main clause after it (« Utile
# lorsque l'on a à gérer quelque 45.000 emplacements sur quatre sites. », « Déjà parce que
# nous avions… »): the rest of a sentence the one before it began
_SUBORDINATE_ALONE = re.compile(
    r"^(?:[«\"]\s*)?[A-ZÀ-Þ][a-zà-ÿ'’-]+\s+(?:lorsque|lorsqu['’]|quand|si|s['’]ils?|puisque|"
    r"puisqu['’]|dès que|dès lors que|parce que|parce qu['’]|car|afin que|pour que|bien que|"
    r"même si|tant que)\b[^,;:]*[.!]\s*[»\"]?$")


# the turn of an interview set as a one-letter label (« Q : Avez-vous… », « X : C'est une chose
# dont on peut se féliciter. »): someone speaking, not a statement of the note
_INTERVIEW_TURN = re.compile(r"^[A-ZÀ-Þ]\s?:\s")


# a sentence that starts inside another, with no stop between them (« …mener de nombreuses
# actions sur le sujet Des actions de sensibilisation sont menées. »): two lines of a table or
# a list the extraction ran together; not a name (« à La Rochelle », « Le Havre »)
_RUN_TOGETHER = re.compile(r"[a-zà-ÿ] (?:Des|Les|La|Le|Un|Une|Il|Elle|Ils|Elles|Ce|Cette|Ces|On|"
                           # (or a preposition or a connector with its capital: « …des prix
                           # d'entrée sur les installations Avec la fermeture de… »)
                           r"Avec|Dans|Pour|Depuis|Selon|Sans|Face|Après|Avant|Entre|Chez|Par|"
                           r"Sur|Sous|Vers|Mais|Ainsi|Cependant|Toutefois|Enfin|Alors)"
                           r" [a-zà-ÿ]{2,}")
# a word written twice in a row (not « nous nous », « vous vous »)
_DOUBLED = re.compile(r"(?i)\b(?!nous\b|vous\b)([a-zà-ÿ]{2,})\s+\1\b")
# a sentence that only gives a person's title (« Luc Lignon est directeur de la politique
# alimentaire de la Ville de Montpellier. »): who speaks, not what a note tells (no figure, no
# second clause: « …, et a lancé un plan de 2 millions d'euros » tells something)
_PERSON_TITLE = re.compile(
    r"^(?:[A-ZÀ-Þ][\w'’-]+\s){1,3}(?:est|était|a été)\s+(?:l['’]|le |la |un |une )?"
    r"(?:directeur|directrice|chargée?|responsable|chef|cheffe|adjointe?|président|présidente|"
    r"maire|conseill[eè]re?|coordinat(?:eur|rice)|fondat(?:eur|rice)|délégué|déléguée|"
    r"secrétaire|vice-président|vice-présidente|élue?|ingénieure?|cuisinier|cuisinière)\b"
    r"(?:(?!\d|\bet\b)[^.;:]){0,120}\.$")


_LAST_PART = re.compile(r"(?:^|[.!?…]\s+)(?P<last>[^.!?…]+)[.!?…]*\s*[»\"”)]?\s*$")


def is_page_furniture(text: str) -> bool:
    """Whether a line is the furniture of a press page rather than a sentence: a caption or a
    credit set as a label (« Photo : la mairie… »), or a byline (« Par Marie Dupont, publié
    le… »: `style.yaml caption_labels`, `byline`)."""
    body = normalize(text).strip()
    label = _LABEL.match(body)
    captions = re.compile(r"(?i)^(?:" + "|".join(style()["caption_labels"]) + r")$")
    return bool((label and captions.match(label.group(1).strip()))
                or re.match(style()["byline"], body))


def is_teaser(text: str) -> bool:
    """Whether a sentence is press copy announcing what follows rather than stating a fact: it
    is, or ends on, a word such as « Explications. », « Décryptage. » (style.yaml
    `teaser_words`), or opens on one as a label (« Décryptage : … »)."""
    body = normalize(text).strip()
    teaser = re.compile(r"(?i)^(?:" + "|".join(style()["teaser_words"]) + r")$")
    last = _LAST_PART.search(body)
    if last and word_count(last.group("last")) <= 3 and teaser.match(
            last.group("last").strip(" «»\"")):
        return True
    label = _LABEL.match(body)
    return bool(label and teaser.match(label.group(1).strip()))


# a sentence left open at its end: a suspension (« …persistent... »), an enumeration left open
# (« …comme à Gouville-sur-Mer, Lacanau, Sète ou Biscarosse,… ») or a cut the dossier marks
# (« …2,5 fois plus élevée que la moyenne (…) »)
_SUSPENDED_END = re.compile(r"\s*,?\s*(?:\(…\)|\[…\]|\(\.\.\.\)|\[\.\.\.\]|…|\.\.\.)\s*$")


def closed_item(text: str, kind: str, raw: str = "") -> str:
    """A list item written as a sentence (« - La gestion des flux est plus fluide au sein du
    self », « - 90 % des régions ont un score de transparence égal à E ») with the full stop
    lists leave out, and a sentence left open at its end closed by a full stop when what it
    says is whole: a verb the text shows, its last word no grammar word (« …sont passés de
    6,50 euros à… », « …les coûts futurs sont (…) », « Multiplicité des intervenants…,
    nécessité d'un dialogue… » stay open); any other text as it is (an item that opens in lower
    case continues the sentence that announces the list, one that ends on « ; » the list).
    `raw`: the sentence as its document wrote it, whose end the parse's compression may have
    dropped with the parenthesis that marked the cut (« …que la moyenne (…) »)."""
    suspended = _SUSPENDED_END.search(text)
    if suspended or (_SUSPENDED_END.search(raw) and re.search(r"[\wÀ-ÿ)»%]$", text)):
        head = text[:suspended.start()].rstrip() if suspended else text.rstrip()
        last = re.findall(r"[\wÀ-ÿ]+", head)[-1:]
        if (last and last[0].lower() not in function_words()
                and has_finite_verb(head, strict=True)
                and re.search(r"[\wÀ-ÿ)»%]$", head)):
            return head + "."
        return text
    if (kind == "bullet" and (text[:1].isupper() or text[:1].isdigit())
            and re.search(r"[\wÀ-ÿ)»%]$", text)):
        return text + "."
    return text


# a key figure set as a label before what it counts (« 56 809 : nombre de cantines inscrites
# en octobre 2025, soit près de 65 % du volume total », « 3 % des revenus : le seuil
# d'accessibilité retenu par les Nations unies »), the figure not a year alone
_FIGURE_LABEL = re.compile(
    r"^(?P<fig>(?:(?:plus|près|moins) de |environ )?(?!(?:19|20)\d\d\s*:)\d[\d\s\u202f\u00a0,.]*"
    r"(?:\s?(?:%|€|k€|M€|Md€))?(?:\s+[a-zà-ÿ0-9'’«»]+){0,3}?)\s?:\s+"
    r"(?P<np>(?P<article>(?:les|le|la)\s|l['’]\s?)?(?P<head>[a-zà-ÿ]+)[^:;]*?)"
    r"(?P<tail>,\s+(?:soit|dont)\b[^:;]*?)?\.?$")


def figure_label_sentence(text: str) -> str | None:
    """A key figure set as a label before what it counts, written as a sentence (« 56 809 :
    nombre de cantines inscrites…, soit près de 65 % » → « Le nombre de cantines inscrites… est
    de 56 809, soit près de 65 % »): what it counts opens on an article, or on a noun of
    `style.yaml figure_label_nouns` that takes one, and holds no conjugated verb nor relative
    clause (its participles say which: « inscrites en octobre 2025 »); None for any other
    text."""
    m = _FIGURE_LABEL.match(strip_bullet(normalize(text)).strip())
    words = set(re.findall(r"[\wà-ÿ]+", m.group("np").lower())) if m else set()
    if not m or words & (_words("common_finite_verbs") | _words("relative_pronouns")):
        return None
    np_, article = m.group("np").strip(), m.group("article")
    if not article:
        article = style()["figure_label_nouns"].get(m.group("head"))
        if article is None:
            return None
        np_ = article + np_
    figure = m.group("fig").strip()
    verb = "est de"
    if article.strip().lower() == "les":     # « les priorités retenues sont au nombre de 2 »
        verb = "sont au nombre de" if re.fullmatch(r"[\d\s\u202f\u00a0]+", figure) else "sont de"
    return f"{upper_first(np_)} {verb} {figure}{m.group('tail') or ''}."


# a definition set as a label before the text it quotes (« Définition de l'artificialisation à
# l'article L.101-2-1 du code de l'urbanisme : « L'artificialisation est définie comme… » »)
_DEFINITION_LABEL = re.compile(
    r"^Définitions? (?:de la |de l['’]|du |des |de )[^:«»\"]{2,60}? (?:à|dans|selon|par) "
    r"(?P<ref>(?:l['’]|le |la |les )[^:«»\"]{3,80}?)\s?:\s*[«\"“]\s*(?P<quote>[^«»\"“”]{20,}?)"
    r"\s*[»\"”]\s*\.?$")


def definition_label_sentence(text: str) -> str | None:
    """A definition set as a label before the text it quotes, written as a sentence that
    quotes it after its source: « Selon l'article L.101-2-1 du code de l'urbanisme,
    « l'artificialisation est définie comme… » »; None for any other text."""
    m = _DEFINITION_LABEL.match(strip_bullet(normalize(text)).strip())
    if not m:
        return None
    quote = m.group("quote").strip().rstrip(".")
    return f"Selon {m.group('ref').strip()}, « {lower_first(quote)} »."


_NUMBERED_ITEM = re.compile(r"^\s*(?:[•\-–—*▪◦●]\s*)?\(?\d{1,2}[.)]\s")


def numbered_item(text: str) -> bool:
    """Whether a line opens on an item's number (« - 7. », « 3) », « (1) »)."""
    return bool(_NUMBERED_ITEM.match(normalize(text)))


def statement_text(text: str) -> str:
    """The quotable part of a row: bullet glyph and a press box's label removed (« Chiffres-clés
    23 000 policiers… »: `_box_label`), a leading verbless label sentence of a
    bullet dropped ("• La fracture numérique. La digitalisation … soulève …"), a date label
    or a scope label written as the opening of the sentence (« Dès 2024 : X » → « Dès 2024,
    X », « À l'échelle régionale : le SRADDET… » → « À l'échelle régionale, le SRADDET… »),
    and of a long sentence of clauses joined by semicolons, the first clause
    (`note.text.first_clause`); a row of several sentences loses the verb-less ones that end
    it (`without_trailing_fragments`). A numbered item keeps its label."""
    # (the label of a numbered item is what the item defines, a rung or a type: « - 7.
    # Délégation de pouvoir : le pouvoir central délègue… » is no fact without it)
    numbered = numbered_item(text)
    body = restore_accents(_box_label().sub("", strip_bullet(normalize(text)), count=1))
    written = figure_label_sentence(body) or definition_label_sentence(body)
    if written is not None:
        return written
    parts = re.split(r"(?<=[.!])\s+(?=[A-ZÀ-Þ«])", body, maxsplit=1)
    if len(parts) == 2 and word_count(parts[0]) <= 12 and not has_finite_verb(parts[0]):
        return parts[1]
    # a date or a scope set as a label (« Dès 2024 : le non-respect… sera passible… », « À
    # l'échelle régionale : le SRADDET doit… ») opens the sentence
    body = _DATE_LABEL.sub(r"\g<when>, ", body, count=1)
    body = _SCOPE_LABEL.sub(r"\g<where>, ", body, count=1)
    body = scope_taken_up(body)
    body = label_taken_up(body)
    # a one-word label (« Bilan : aujourd'hui… », « Chronophage : elle suppose… ») goes: what
    # follows is what the note quotes, and what its context needs are read on
    body = _WORD_LABEL.sub("", body, count=1)
    # a judgement without a verb before its reason (« Des chiffres à relativiser, car selon une
    # étude…, 39 % du parc ne fonctionne pas… »): the reason is the fact
    judged = _JUDGED_REASON.match(body)
    if judged and not has_finite_verb(judged.group("lead"), strict=True):
        body = body[judged.end():]
        body = body[:1].upper() + body[1:]
    # one more of a series the sentence does not quote (« Autre nouveauté, il est désormais
    # imposé de… », « Autre constat du rapport, si les budgets… »): what follows is the fact
    other = _OTHER_LEAD.match(body)
    if other and not has_finite_verb(other.group(0).rstrip(" ,"), strict=True) \
            and has_finite_verb(body[other.end():]) and word_count(body[other.end():]) >= 8:
        body = body[other.end():]
        body = body[:1].upper() + body[1:]
    # a label that names the sentence's role (« Le problème investigué : au niveau national, le
    # gaspillage… représente… », « PRÉSENTATION DE LEUR SOLUTION : … ») goes
    role = _ROLE_LABEL.match(body) or _NOUN_LABEL.match(body)
    rest = body[role.end():] if role else ""
    if (role and not numbered and not has_finite_verb(role.group(0).rstrip(" :"), strict=True)
            and not re.match(r"(?i)(?:pour|afin|[a-zà-ÿ]+(?:er|ir|re))\b", rest)
            and has_finite_verb(rest) and word_count(rest) >= 8):
        body = body[role.end():]
        body = body[:1].upper() + body[1:]
    elif role and re.match(r"[A-ZÀ-Þ][a-zà-ÿ]+(?:er|ir|re)\s", rest):
        # (the infinitive a kept label announces takes no capital after the colon: « L'objectif :
        # créer une solution… »)
        body = body[:role.end()] + lower_first(rest)
    body = without_trailing_fragments(body)
    head = first_clause(body)
    return head if head != body and has_finite_verb(head) else body


def without_trailing_fragments(text: str) -> str:
    """A row of several sentences without the verb-less ones that end it (« La valeur augmente
    si… Augmentations qui peuvent aller jusqu'à +20 %… »): the note quotes complete sentences
    only. A row none of whose sentences has a verb stays as it is (what is not a sentence is
    rejected as such)."""
    parts = re.split(r"(?<=[.!])\s+(?=[A-ZÀ-Þ«])", text)
    while len(parts) > 1 and _fragment(parts[-1]) and has_finite_verb(parts[-2]):
        parts.pop()
    return " ".join(parts)


def _fragment(text: str) -> bool:
    """A sentence of a few words that ends like one but has no verb (not the end of a reference
    cut at its abbreviation: « (art. R.2152-7). »)."""
    return (word_count(text) >= 4 and bool(re.search(r"[.!]\s*[»\"”)]?$", text))
            and not has_finite_verb(text))


@cache
def _box_label() -> re.Pattern[str]:
    """A press box's label run into its first sentence (`style.yaml box_labels`), or a rubric
    in capitals before a dash."""
    return re.compile(r"^(?:(?i:" + "|".join(style()["box_labels"]) + r")\s*:?"
                      # (or a rubric in capitals: « SOCIÉTÉ – Pour aider les élus… »)
                      r"|[A-ZÀ-Þ]{3,}(?:[ '’-][A-ZÀ-Þ]{2,})*\s[–—-])\s+(?=\d|[A-ZÀ-Þ«])")


_JUDGED_REASON = re.compile(r"^(?P<lead>(?:Un|Une|Des)\s[^,;:]{2,60}?),?\s+(?:car\s+|"
                            r"puisqu(?:e\s+|['’])|parce qu(?:e\s+|['’]))")
# (and the turn of a written question and its answer: « Réponse. - L'article 14 de la loi… »)
_WORD_LABEL = re.compile(r"^[A-ZÀ-Þ][\wÀ-ÿ]+\s?:\s+|^(?:Réponse|Question)\s?\.\s?[-–—]\s+")
# (not an aside that runs on: « Une autre étude publiée en 2021, que la presse a relayée, … »)
_OTHER_LEAD = re.compile(r"^(?:(?:Un|Une)\s+autres?|Autres?)\s[^,;:]{2,50}?,\s+"
                         r"(?!(?:qui|que|qu['’]|dont|où|et|ou|mais)\b)")
_DATE_LABEL = re.compile(
    r"^(?P<when>(?:Dès|Depuis|À partir de|A partir de|À compter de|D'ici|En|Au|Fin|Début|Mi-)"
    r"\s(?:le\s|l'an\s|la fin de\s)?(?:\d{1,2}(?:er)?\s[a-zéû]+\s)?(?:19|20)\d\d)\s?:\s")

# a common noun phrase (« Le problème investigué », « Une transparence renforcée ») or a label in
# capitals: never a name or an event (« Journée Numérique et Territoires : … » is a headline)
_ROLE_LABEL = re.compile(r"^(?:(?:Le|La|Les|L['’]|Un|Une|Des)\s?[a-zà-ÿ'’ -]{2,40}?"
                         r"(?:\s[A-ZÀ-Þ][\wÀ-ÿ'’-]*)?|"
                         r"[A-ZÀ-Þ'’ -]{6,40}?)"
                         r"\s?:\s+")
# a noun phrase without article (« Sécurité des données : Des mesures… doivent… ») before a
# sentence of its own, which opens on a capital or on a determiner (« Exploitable par un
# système de traitement automatisé : la publication est optimisée… »)
_NOUN_LABEL = re.compile(r"^(?![A-ZÀ-Þ][a-zà-ÿ]+(?:er|ir|oir)\s|(?:Il|Ils|Elle|Elles|On|Ce|Cela|"
                         r"Ceci|Nous|Vous|Je|Tu|Le|La|Les|Un|Une|Des|Ces|Cette|Cet|Avec|Pour|"
                         r"Dans|En|Sur|Par|Sans|Sous|Selon|Chez|Entre|Vers|Depuis|Pendant)\b)"
                         r"[A-ZÀ-Þ][a-zà-ÿ'’-]+"
                         r"(?:\s[a-zà-ÿ'’-]+){0,6}\s?:\s+(?=[A-ZÀ-Þ«]|(?:le|la|les|un|une|"
                         r"des|chaque)\s|l['’])")
# a scope of a few words (« À l'échelle des SCoT », « Au niveau local », « Pour les sites
# internet ») set as a label before the lower-case rest of its sentence (not before a pronoun
# that takes up the label's noun: « À l'échelle des SCoT : ils doivent… » keeps its label)
_SCOPE_LABEL = re.compile(
    r"^(?P<where>(?:À|A|Au|Aux|En|Sur|Pour|Dans)\s[^:;,.«»]{2,40}?)\s?:\s"
    r"(?=[a-zà-ÿ])(?!(?:il|ils|elle|elles|on)\s)")


# a scope label whose noun the pronoun after the colon takes up (« À l'échelle des SCoT : ils
# doivent… »): the article that « des », « du », « de la » hold, and the pronoun's number
_SCOPE_PRONOUN = re.compile(
    r"^(?:À|A|Au niveau)\s(?:l['’]échelle\s)?(?P<de>des|du|de la|de l['’])\s?"
    r"(?P<noun>[^:;,.«»]{2,30}?)\s?:\s(?P<pronoun>ils|elles|il|elle)\s+(?=[a-zà-ÿ])")
_SCOPE_ARTICLES = {"des": ("Les ", ("ils", "elles")), "du": ("Le ", ("il",)),
                   "de la": ("La ", ("elle",)), "de l'": ("L'", ("il", "elle")),
                   "de l’": ("L'", ("il", "elle"))}


def scope_taken_up(text: str) -> str:
    """« À l'échelle des SCoT : ils doivent… » → « Les SCoT doivent… »: a scope label whose
    noun the subject pronoun after the colon takes up (in number) becomes that subject. Any
    other text as it is."""
    m = _SCOPE_PRONOUN.match(text)
    if not m:
        return text
    article, pronouns = _SCOPE_ARTICLES[m.group("de").lower()]
    if m.group("pronoun") not in pronouns:
        return text
    return article + m.group("noun").strip() + " " + text[m.end():]


# a label that the sentence after its colon takes up: a demonstrative on the label's own noun
# (« Article L.2196-2 : Cet article impose… »), a pronoun after an infinitive (« Réduire la
# quantité de déchets : cela permet… »)
_DEMONSTRATIVE_LABEL = re.compile(r"^(?P<label>(?P<noun>[A-ZÀ-Þ][\w-]+)\b"
                                  r"(?:[^:;.]|\.(?=\S)){1,60}?)\s?:\s+"
                                  r"(?P<dem>Cet|Ce|Cette|Ces)\s+(?P=noun)\b\s*", re.IGNORECASE)
_INFINITIVE_LABEL = re.compile(
    r"^(?P<label>[A-ZÀ-Þ][a-zà-ÿ]+(?:er|ir|re)\s(?:le|la|les|l['’]|des|du|un|une|en|à|au|aux|"
    r"de|d['’])[^:;.]{2,80}?)\s?:\s+(?:cela|ceci|ça)\s+(?=[a-zà-ÿ])")
_DEFINITE = {"cet": "l'", "ce": "le ", "cette": "la ", "ces": "les "}
# (« Le Programme d'intérêt général (PIG) dédié à l'habitat indigne : il s'applique… »)
_PRONOUN_LABEL = re.compile(r"^(?P<label>(?:Le|La|Les|L['’]|Un|Une)\s?[^.:;«»\"]{2,120}?)\s?:\s"
                            r"(?P<pro>il|elle|ils|elles)\s+(?=[a-zà-ÿ])")


def label_taken_up(text: str) -> str:
    """A label and the sentence after its colon that takes it up, written as one sentence
    whose subject is the label: « Article L.2196-2 : Cet article impose… » → « L'article
    L.2196-2 impose… », « Réduire la quantité de déchets : cela permet… » → « Réduire la
    quantité de déchets permet… », « Le Programme d'intérêt général (PIG) dédié à l'habitat
    indigne : il s'applique… » → « Le Programme… dédié à l'habitat indigne s'applique… » (a
    label without a verb, and a pronoun of its number). Any other text as it is."""
    m = _DEMONSTRATIVE_LABEL.match(text)
    if m:
        article = _DEFINITE[m.group("dem").lower()]
        if article == "la " and re.match(r"(?i)[aeiouyàâéèêîôh]", m.group("label")):
            article = "l'"
        return upper_first(article + lower_first(m.group("label")) + " " + text[m.end():])
    m = _INFINITIVE_LABEL.match(text)
    if m:
        return f"{m.group('label')} {text[m.end():]}"
    m = _PRONOUN_LABEL.match(text)
    if (m and not has_finite_verb(m.group("label"), strict=True)
            and bool(re.match(r"(?:Les|Des)\s", m.group("label"))) == m.group("pro").endswith("s")):
        return f"{m.group('label')} {text[m.end():]}"
    return text


def repair_stray_quotes(sents: pd.DataFrame) -> None:
    """Drop an opening straight quotation mark that nothing closes: it opens inside the
    sentence, the sentence holds no closing mark for it, and no following sentence of the
    paragraph closes it (a typo of the source, not a quotation cut by the sentence split)."""
    texts = sents["clean"].tolist()
    paragraphs = (sents["paragraph_id"].tolist() if "paragraph_id" in sents
                  else list(range(len(sents))))
    docs = sents["doc"].tolist()
    for k, text in enumerate(texts):
        if text.count('"') % 2 == 0:
            continue
        pos = text.rfind('"')
        opening = 0 < pos < len(text) - 1 and text[pos - 1] == " " and text[pos + 1].isalnum()
        if not opening:
            continue
        following = [texts[j] for j in range(k + 1, min(k + 4, len(texts)))
                     if docs[j] == docs[k] and paragraphs[j] == paragraphs[k]]
        if any(t.count('"') % 2 for t in following):
            continue                    # a later sentence closes it: a quotation cut in two
        texts[k] = text[:pos] + text[pos + 1:]
    sents["clean"] = texts


def flag_continuations(sents: pd.DataFrame) -> None:
    """A sentence that directly follows a long heading without final punctuation is probably
    the end of a sentence the extraction cut in two: it is not quoted."""
    prev = None
    for k in range(len(sents)):
        row = sents.iloc[k]
        if (prev is not None and prev["doc"] == row["doc"]
                and prev["kind"] in ("heading", "fragment")
                and word_count(str(prev["text"])) >= 8
                and not re.search(r"[.!?:;»\"]\s*$", str(prev["text"]))
                and _continues(str(prev["text"]), str(row["text"]))
                and row["kind"] in QUOTABLE_KINDS):
            sents.at[sents.index[k], "reasons"] = list(row["reasons"]) + ["phrase coupée"]
        prev = row


def _continues(heading: str, sentence: str) -> bool:
    """Whether `sentence` reads as the end of an unpunctuated `heading` the extraction cut off:
    the heading ends on a function word or a comma, or the sentence opens on a lower-case word
    or on a word that is not French (the rest of a name: "… organisée par Smart" / "City Mag
    au sein du Hub …")."""

    words = re.findall(r"[\wÀ-ÿ']+", normalize(heading).lower())
    first = (re.findall(r"[\wÀ-ÿ]+", normalize(sentence)) or [""])[0]
    if not words or not first:
        return False
    return (words[-1] in function_words() or heading.rstrip().endswith(",") or first[0].islower()
            or not _french(first.lower()))


def _french(word: str) -> bool:
    """Whether a word is French: simplemma knows it, or it is a function word or an adverb in
    -ment, which simplemma's dictionary often lacks (« actuellement », « notamment »)."""
    return is_known(word) or word in function_words() or (len(word) > 6
                                                           and word.endswith("ment"))
