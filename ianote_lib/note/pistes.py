"""The conclusion's pistes d'action, written from what the documents say must be done.

A note ends on what the collectivité could do next, drawn from the levers the documents
describe. The parse gives each sentence's prescription (`fr.actions`: « Les collectivités
doivent publier un schéma pluriannuel… », « Il faut former les agents… ») as an infinitive
phrase and its agent. A piste is such a phrase when the prescription is impersonal or
addressed to a public body or its people (`pistes.yaml agents`: a collectivité, its services,
its agents, its élus — not firms, users or the State), from a sentence the selection may quote
(a lever or a rule first, relevant to the commande's object, naming the collectivité's people
rather than not). The pistes are different actions (no two with the same
verb or most of their words in common), from different documents when the dossier allows,
and the note writes them in one sentence of its own (`frames.yaml conclusion.actions`), citing
each document: every word of a piste is the dossier's. The conclusion recommends only what the
body has shown: the body quotes each piste's sentence (`prepare_pistes`), and a piste whose
sentence it does not quote leaves the conclusion for an action its quoted sentences prescribe,
unless there is none (`prepared`). What a text allows the collectivité to do (`fr.actions`
OPTION: « La loi… permet au maire de généraliser le 30 km/h… ») and what someone's words
prescribe (`said`: a witness's wish, a circular's order to others) are pistes after those.

The other actions the documents prescribe are listed in one sentence of the levers' sub-part
(`lever_enumeration`), an item of a list counting when the parse reads it as a lever: each
action reads alone there, without its sentence and its agent (`_whole`); so is a piste whose
sentence the body cannot quote (an item of a list, an intertitle).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from os.path import commonprefix
from typing import Any

import numpy as np

from ianote_lib.config import load_yaml
from ianote_lib.fr.actions import LIST_ITEM, OPTION, lexicon, possessives
from ianote_lib.fr.lemmas import content_lemmas
from ianote_lib.fr.names import and_list
from ianote_lib.fr.normalize import fold, normalize
from ianote_lib.note.anaphora import context_needs
from ianote_lib.note.bills import told_as_provision
from ianote_lib.note.body import filed_elsewhere
from ianote_lib.note.candidates import numbered_item
from ianote_lib.note.picker import Picker
from ianote_lib.note.scoring import event_noun
from ianote_lib.note.statements import Statement
from ianote_lib.note.text import fill_template


@cache
def config() -> dict:
    return load_yaml("note", "pistes.yaml")


@cache
def _agents() -> frozenset[str]:
    return frozenset(w for t in config()["agents"] for w in content_lemmas(t))


@cache
def _vague_objects() -> frozenset[str]:
    """The nouns an action may not bear on alone (`pistes.yaml heading_vague_objects`), folded
    and without their plural's s."""
    return frozenset(fold(str(w)).rstrip("s") for w in config()["heading_vague_objects"])


def names_something(action: str) -> bool:
    """Whether an action bears on something its words name, besides its verb: « amplifier la
    démarche », « pérenniser la démarche » name nothing a recommendation could bear on."""
    return bool({fold(w).rstrip("s") for w in content_lemmas(action)[1:]} - _vague_objects())


def addressed(agent: str, phrase: str) -> bool:
    """Whether the action is the collectivité's to take: impersonal (« il faut ») with no
    possessive that would refer to no one, or prescribed to a public body or its people."""
    if agent == "":
        return not possessives(phrase)
    return bool(set(content_lemmas(agent)) & _agents())


def conclusion_actions(picker: Picker) -> list[Statement]:
    """The pistes of the conclusion (see the module docstring), at most `pistes.yaml limit`,
    best first, none cut short (`incomplete_end`: « mettre en ligne » without what), none on
    the collectivités as a class (`on_the_bodies`: the State's to take); when the
    documents' sentences prescribe fewer, the items of lists that read as levers complete
    them, then the intertitles that name an action (`heading_actions`), then what a text
    allows the collectivité to do (`fr.actions.OPTION`: « La loi… permet au maire de
    généraliser le 30 km/h… »)."""
    conf = config()
    limit, most = int(conf["limit"]), int(conf["max_words"])
    chosen = _choose(picker, _fit(_candidates(picker)), limit, most)
    if len(chosen) < limit:
        # (then the items of a list that read as levers, unannounced, as the levers' sub-part
        # enumerates them)
        docs = picker.pool["doc"].tolist()
        chosen += _first_distinct(_fit(_candidates(picker, lever_items=True)), limit, most,
                                  doc=lambda c: docs[c[1]], text=lambda c: c[2], chosen=chosen)
    out = [_statement(picker, i, action, score) for score, i, action in chosen]
    options = [_statement(picker, i, action, score)
               for score, i, action in _fit(_candidates(picker, options=True))]
    for more in ([st for st in heading_actions(picker) if not _on_bodies().search(st.text)],
                 options):
        if len(out) < limit:
            out += _first_distinct(more, limit, most, doc=lambda st: st.doc,
                                   text=lambda st: st.text, chosen=out)
    return out


@cache
def _on_bodies() -> re.Pattern[str]:
    """An action on the collectivités as a class (`pistes.yaml on_the_bodies`)."""
    return re.compile(config()["on_the_bodies"], re.IGNORECASE)


def _fit(candidates: list[tuple[float, int, str]]) -> list[tuple[float, int, str]]:
    """The candidate pistes that may be written: scored, none cut short, none on the
    collectivités as a class."""
    return [c for c in candidates
            if c[0] > 0 and not _cut_short().search(c[2]) and not _on_bodies().search(c[2])]


def heading_actions(picker: Picker) -> list[Statement]:
    """The actions that intertitles name (« Former les agents et les usagers », « Programmer
    les travaux »: the parse reads a line headed by its infinitive as an action), best first:
    a verb that acts (not « comprendre », « découvrir »: `pistes.yaml heading_not_actions`)
    on something named (a noun of its own after the verb), whole (`_whole`), weighed by the
    sentences of the section it heads (their quality and their focus on the commande)."""
    sents = picker.ev.sentences
    if "action" not in sents:
        return []
    not_actions = {w for t in config()["heading_not_actions"] for w in content_lemmas(t)}
    vague = _vague_objects()
    weight = {sid: float(q * (0.5 + f)) for sid, q, f in zip(
        picker.pool["sentence_id"], picker.quality, picker.focus, strict=True)}
    out: list[Statement] = []
    heading: tuple[str, int, str, str] | None = None
    section: list[float] = []

    def close() -> None:
        if heading is not None and section:
            sid, doc, action, text = heading
            out.append(Statement(section="conclusion", topic="piste", sentence_id=sid,
                                 doc=doc, text=normalize(action), score=max(section),
                                 docs=[doc], kind="piste", original=text))

    banned = picker.bans
    for sid, doc, kind, text, cell, agent, phrases in zip(
            sents["sentence_id"], sents["doc"], sents["kind"], sents["text"], sents["action"],
            sents["action_agent"], sents["phrases"], strict=True):
        if kind in ("heading", "title") or (heading is not None and doc != heading[1]):
            close()
            heading, section = None, []
        if kind == "heading":
            action = str(cell or "")
            lemmas = content_lemmas(action)
            # (on something named: « Réutiliser et économiser », « Pérenniser la démarche »
            # name nothing)
            named = {(content_lemmas(p) or [""])[0].rstrip("s")
                     for p in str(phrases or "").split(" | ")}
            if (agent == LIST_ITEM and " | " not in action and len(lemmas) >= 2
                    and named - vague - {""} and lemmas[0] not in not_actions
                    and str(sid) not in banned
                    and _whole(action, action, _cut_short())):
                heading = (str(sid), int(doc), action, str(text))
        elif heading is not None and str(sid) in weight:
            section.append(weight[str(sid)])
    close()
    return sorted(out, key=lambda st: -st.score)


def lever_enumeration(picker: Picker, section: str, told: list[Statement],
                      relevant: np.ndarray) -> Statement | None:
    """The sentence of the levers' sub-part `section` that lists the actions the documents
    prescribe (`pistes.yaml body`): first the pistes (`told`) whose sentence the body cannot
    quote (`quotable`: an item of a list, an intertitle, a sentence that needs another), which
    the conclusion recommends only when the body quotes no piste (`prepared`), then other
    actions, each from a `relevant` row (one that says a topic of the plan): an item of a
    list counts when the parse reads it as a lever, announced or not. None under two actions,
    unless one is a piste."""
    conf = config()["body"]
    taken = {st.sentence_id for st in told}
    pool = picker.pool
    alone = picker.self_contained()
    shown = [st for st in told if not quotable(picker, st)
             and _whole(st.text, st.text, _cut_short()) and not _allowed(picker, st)]
    candidates = [_statement(picker, c[1], c[2], c[0])
                  for c in _candidates(picker, lever_items=True)
                  if str(pool["sentence_id"].iloc[c[1]]) not in taken and not picker.used[c[1]]
                  and alone[c[1]] and relevant[c[1]]
                  and _whole(c[2], str(pool["clean"].iloc[c[1]]), _cut_short())
                  and all(_distinct(c[2], st.text) for st in told)]
    # (the pistes come on top of the other actions: they do not take their places)
    others = _first_distinct(candidates, int(conf["limit"]) + len(shown),
                             int(conf["max_words"]) + sum(len(st.text.split()) for st in shown),
                             doc=lambda st: st.doc, text=lambda st: st.text, chosen=shown)
    chosen = shown + others
    if len(chosen) < (1 if shown else 2):
        return None
    ids = [st.sentence_id for st in chosen]
    for st in others:      # (a piste's sentence, the body may still quote with its list)
        picker.used[picker.index[st.sentence_id]] = True
    picker.told.update(ids)
    text = fill_template(conf["template" if len(chosen) > 1 else "template_one"],
                         {"actions": listed([normalize(st.text) for st in chosen])})
    return Statement(section=section, topic="actions", sentence_id=ids[0], doc=chosen[0].doc,
                     text=text, score=1.0, docs=sorted({st.doc for st in chosen}),
                     context_ids=ids[1:], kind="énumération", rank=-1)


def _allowed(picker: Picker, piste: Statement, words: bool = False) -> bool:
    """Whether a piste is what a body may do (fr.actions OPTION), or, with `words`, what
    someone's words prescribe (`said`): not what the documents prescribe."""
    i = picker.index.get(piste.sentence_id)
    return i is not None and (str(picker.pool["action_agent"].iloc[i]).startswith(OPTION)
                              or words and said(str(picker.pool["clean"].iloc[i]), piste.text))


def quotable(picker: Picker, piste: Statement) -> bool:
    """Whether the body may quote the sentence a piste comes from (`prepare_pistes`): one of
    the pool's candidates, read alone, not off the commande's audience, not yet quoted."""
    i = picker.index.get(piste.sentence_id)
    return i is not None and bool(picker.candidate[i] and picker.self_contained()[i]
                                  and not picker.off[i] and not picker.used[i])


@cache
def _cut_short() -> re.Pattern[str]:
    """An action cut short (`pistes.yaml body.incomplete_end`): it ends on a preposition or on
    a locution waiting for its complement or its object."""
    return re.compile(config()["body"]["incomplete_end"], re.IGNORECASE)


@cache
def _leans_on() -> re.Pattern[str]:
    """An action that takes up what its sentence or the one before named (`pistes.yaml
    body.leans_on`: « d'en faire… », « …les garanties recherchées »)."""
    return re.compile(config()["body"]["leans_on"], re.IGNORECASE)


def _whole(action: str, sentence: str, incomplete: re.Pattern[str]) -> bool:
    """Whether an action reads alone, out of its sentence and without its agent: no
    possessive (« changer son approche »: whose?), nothing it takes up (`leans_on`: « d'en
    faire un dispositif universel »), not cut short (`incomplete_end`, or before
    the parenthesis that says which: « utiliser une adresse internet (ou URL) standardisée »),
    no « être » of its own (« utiliser des algorithmes… n'est pas nécessaire » is no action),
    and its sentence self-contained (« À l'ensemble de cette liste, il faut… »)."""
    if (possessives(action) or incomplete.search(action) or _FINITE.search(action)
            or _leans_on().search(action)):
        return False
    if context_needs(sentence):
        return False
    flat = " ".join(sentence.replace("’", "'").split())
    at = flat.lower().find(action.replace("’", "'").lower())
    return at < 0 or not flat[at + len(action):].lstrip().startswith("(")


_FINITE = re.compile(r"(?i)\b(?:n['’])?(?:est|sont|était|étaient|sera|seront)\b")


def listed(actions: list[str]) -> str:
    """Actions in one sentence: set apart by semicolons when one coordinates words of its own
    (« favoriser les produits de saison et recourir… ; modifier les pratiques… »)."""
    return (" ; ".join(actions) if len(actions) > 1 and any(" et " in a for a in actions)
            else and_list(actions))


_ATTEND = re.compile(r"(?i)(?:participer|assister|s['’]inscrire|se rendre|venir)\b")


def _candidates(picker: Picker, lever_items: bool = False,
                options: bool = False) -> list[tuple[float, int, str]]:
    """Every action the documents prescribe to the collectivité, with its score and pool row,
    best first; with `options`, what they allow it to do instead (`fr.actions.OPTION`) and
    what someone's words prescribe (`said`: a witness's wish, a circular's order), less. An
    item of a list counts when the sentence that announces the list does (« …, des actions
    peuvent être initiées visant par exemple à : »), or, with `lever_items`, when it is a
    lever."""
    pool = picker.pool
    if "action" not in pool:
        return []
    conf = config()
    weights = conf["function_weights"]
    audience = float(conf["audience_weight"])
    quoted = float(conf["quoted_weight"])
    banned = pool["sentence_id"].isin(picker.bans).to_numpy()
    candidates: list[tuple[float, int, str]] = []      # score, pool row, action
    leads = list_leads(picker.ev.sentences)
    remedy = re.compile(conf["remedy_openings"], re.IGNORECASE)
    sanction = re.compile(conf["sanction_actions"], re.IGNORECASE)
    eligibility = re.compile(conf["eligibility_actions"], re.IGNORECASE)
    enabling = re.compile(conf["enabling_openings"], re.IGNORECASE)
    for i, (cell, agent, fn) in enumerate(zip(pool["action"], pool["action_agent"],
                                              picker.functions, strict=True)):
        text = str(pool["clean"].iloc[i])
        if remedy.match(text) or told_as_provision(text):
            # what a breach calls for is no piste (« En cas de non-conformité… »), nor what a
            # bill would oblige others to do (« …prévoit que les services… devront inclure… »)
            continue
        allowed = str(agent).startswith(OPTION)
        agent = str(agent).removeprefix(OPTION).strip()
        if agent == LIST_ITEM:
            # (a lever's item counts unannounced, never after a lead that announces what a
            # tool does or a plan aims at)
            lead = leads.get(str(pool["sentence_id"].iloc[i]))
            if not lead and not (lever_items and fn == "levier" and lead is None):
                continue
            agent = ""
        for action in [enabling.sub("", a) for a in str(cell or "").split(" | ") if a]:
            words = said(text, action)
            if (allowed or words and not lever_items) != options:
                # (someone's words come with the options, after; the body's list of what
                # the documents prescribe holds them still)
                continue
            if banned[i] or not addressed(str(agent), action) or picker.off[i] \
                    or (_ATTEND.match(action) and event_noun(action)) or sanction.match(action) \
                    or eligibility.search(action) or not names_something(action):
                # (nor an invitation to an event: « participer à une conférence-débat », nor
                # a sanction: « payer un prélèvement annuel… », nor who may receive an aid,
                # nor an action on nothing named: « amplifier la démarche »)
                continue
            score = (picker.quality[i] * (0.5 + picker.focus[i])
                     * float(weights.get(fn, weights["other"]))
                     * (audience if set(content_lemmas(action)) & _agents() else 1.0)
                     * (quoted if words else 1.0))
            candidates.append((float(score), i, action))
    candidates.sort(key=lambda c: -c[0])
    return candidates


def said(sentence: str, action: str) -> bool:
    """Whether an action is someone's words, not the document's: inside a quotation (« « il
    conviendra de retenir la qualification d'outrage » »), or before the verb of saying that
    closes one (« …il faut aussi soutenir les ressources humaines car… », souligne la
    présidente du Club »)."""
    flat = sentence.replace("’", "'")
    at = flat.lower().find(action.replace("’", "'").lower())
    if at < 0:
        return False
    before, after = flat[:at], flat[at:]
    if before.count("«") > before.count("»") or before.count('"') % 2 or \
            before.count("“") > before.count("”"):
        return True
    return bool(_ATTRIBUTED.search(after))


# a quotation closed, then who said it after the verb (« », plaide Jean-François Briand »,
# « », souligne la présidente du Club »)
_ATTRIBUTED = re.compile(r"[»\"”],?\s+[a-zà-ÿ]+(?:-t-(?:il|elle))?\s+"
                         r"(?:(?-i:[A-ZÀ-Þ])|(?:le|la|les|un|une)\s|l['’])")


def _choose(picker: Picker, candidates: list[tuple[float, int, str]], limit: int,
            max_words: int) -> list[tuple[float, int, str]]:
    """At most `limit` different actions of `max_words` words together: one per document
    first, then the next best of any document (`_first_distinct`)."""
    docs = picker.pool["doc"].tolist()
    return _first_distinct([c for c in candidates if c[0] > 0], limit, max_words,
                           doc=lambda c: docs[c[1]], text=lambda c: c[2])


def _first_distinct(items: list[Any], limit: int, max_words: int, doc: Callable[[Any], int],
                    text: Callable[[Any], str], chosen: list[Any] | None = None) -> list[Any]:
    """The items, best first, to add to `chosen` (none by default): different actions
    (`_distinct`) of `max_words` words together with those chosen, `limit` in all, one per
    document first, then the next best of any document."""
    out = list(chosen or [])
    for first_pass in (True, False):
        for item in items:
            if len(out) >= limit:
                break
            words = sum(len(text(c).split()) for c in out) + len(text(item).split())
            if (item not in out and words <= max_words
                    and not (first_pass and doc(item) in {doc(c) for c in out})
                    and all(_distinct(text(item), text(c)) for c in out)):
                out.append(item)
    return out[len(chosen or []):]


def list_leads(sentences: Any) -> dict[str, bool]:
    """Each list item that follows a sentence ending on a colon that announces actions (True)
    or says what a tool does or a plan aims at (False). Actions: a noun of the genre
    (`fr/actions.yaml announcing_nouns`: « actions », « mesures », « recommandations »…) or a
    word of prescription (« Il est conseillé de : »), and no past (« portaient sur 3 domaines
    d'actions : » tells what was done, not what to do). A tool or a plan
    (`describing_words`): « Les principales fonctionnalités de l'outil : », « Cette brique a
    vocation à : », « 3 objectifs : ». An item after another sentence is not in the table."""
    lex = lexicon()
    announcing = _lemma_set([*lex["announcing_nouns"], *lex["prescribing_verbs"],
                             *lex["modals"], *lex["adjectives"]])
    describing = _lemma_set(lex["describing_words"])
    presentative = re.compile(lex["presentative_lead"], re.IGNORECASE)
    out: dict[str, bool] = {}
    lead: bool | None = None
    previous, before = None, ""
    for sid, doc, kind, text in zip(sentences["sentence_id"], sentences["doc"],
                                    sentences["kind"], sentences["text"], strict=True):
        if kind == "bullet" or numbered_item(str(text)):     # (« (1) simplifier… »)
            if lead is not None and doc == previous:
                out[str(sid)] = lead
            continue
        body = str(text).strip()
        if presentative.match(body) and doc == previous:
            body = f"{before} {body}"           # (« Il s'agit notamment de : »)
        previous, before = doc, str(text).strip()
        lemmas = set(content_lemmas(body)) if body.endswith(":") else set()
        lead = None
        if lemmas & (describing | announcing):
            lead = bool(lemmas & announcing) and not _PAST.search(body)
    return out


def _lemma_set(terms: list[Any]) -> frozenset[str]:
    """The lemmas of words of `fr/actions.yaml`, and the words themselves."""
    return frozenset(w for t in terms for w in content_lemmas(str(t))) | frozenset(map(str, terms))


# (an imperfect, « portaient », not a conditional, « pourraient »)
_PAST = re.compile(r"(?i)\b(?:a|ont|avait|avaient|était|étaient) (?:été|eu)\b"
                   r"|\b\w{2,}(?<!r)aient\b"
                   r"|\b(?:ont|a|avaient|avait) \w+(?:é|és|ée|ées|i|is|u|us)\b")


def _distinct(a: str, b: str) -> bool:
    """Two actions are different: not the same verb, nor one's verb and object inside the
    other (« consacrer beaucoup de temps à animer le réseau » and « animer un réseau et
    convaincre les habitants »), nor one's verb named by the other's noun with a word in common
    (« réduire les déchets », « favoriser la réduction des déchets »), and at most half their
    words shared."""
    la, lb = content_lemmas(a), content_lemmas(b)
    if not la or not lb or la[0] == lb[0]:
        return False
    common = set(la) & set(lb)
    if (la[0] in lb or lb[0] in la) and len(common) >= 2:
        return False
    if common and (_names_the_act(la[0], lb) or _names_the_act(lb[0], la)):
        return False        # (« réduire les déchets » and « favoriser la réduction des déchets »)
    return len(common) / min(len(set(la)), len(set(lb))) <= 0.5


def _names_the_act(verb: str, lemmas: list[str]) -> bool:
    """Whether a noun among `lemmas` names the act of `verb` (« réduction » of « réduire »,
    « valorisation » of « valoriser »): they begin alike on four letters at least, all of the
    verb but its last three."""
    return any(w != verb and len(w) > len(verb)
               and len(commonprefix([verb, w])) >= max(4, len(verb) - 3) for w in lemmas[1:])


def _statement(picker: Picker, i: int, action: str, score: float) -> Statement:
    row = picker.pool.iloc[i]
    return Statement(section="conclusion", topic="piste", sentence_id=str(row["sentence_id"]),
                     doc=int(row["doc"]), text=normalize(action), score=score,
                     docs=[int(row["doc"])], kind="piste", original=str(row["text"]))


def prepare_pistes(picker: Picker, statements: dict[str, list[Statement]],
                   pistes: list[Statement], scores: Any) -> None:
    """The body tells the sentence each piste comes from, so that the conclusion recommends
    what the note has shown (a jury reads « reconstituer le milieu dunaire » in a conclusion
    whose body never spoke of the dune as an action invented): a sentence the selection may
    quote alone, in the sub-part whose topic it says best among those that may tell its
    function, next to the statements of that topic; no trim takes a piste's sentence from the
    body then (`Picker.kept`). A piste whose sentence the body cannot tell is left to
    `prepared`."""
    for piste in pistes:
        if piste.sentence_id in picker.told:
            picker.kept.add(piste.sentence_id)      # (the body quotes it: no trim takes it)
        if piste.sentence_id in picker.told or not quotable(picker, piste):
            continue
        i = picker.index[piste.sentence_id]
        best: tuple[float, str, str] | None = None
        for k, (section, topic) in enumerate(scores.keys):
            if section in picker.skip or not picker.function_fit(section)[i] \
                    or filed_elsewhere(picker, section)[i]:
                continue
            value = float(scores.relevance[(section, topic)][i]) \
                + (0.2 if scores.home[i] == k else 0.0)
            if best is None or value > best[0]:
                best = (value, section, topic)
        if best is None:
            continue
        _, section, topic = best
        items = statements[section]
        st = picker.make(i, section, topic, float(picker.quality[i]))
        picker.kept.add(st.sentence_id)
        items.insert(max((n + 1 for n, s in enumerate(items) if s.topic == topic),
                         default=len(items)), st)
        picker.log.append(f"Piste préparée dans le corps ({st.sentence_id}, {section}).")


def prepared(picker: Picker, pistes: list[Statement],
             statements: dict[str, list[Statement]]) -> list[Statement]:
    """The pistes of the conclusion once the body is chosen: those whose sentence the body
    quotes (`prepare_pistes`, or a statement of its own), then, up to `pistes.yaml limit`,
    the other actions that the body's quoted sentences prescribe (`conclusion_actions`'
    rules): a conclusion recommends nothing the body has not shown in a sentence of its own
    (an action the levers' sub-part only lists, a jury reads as never discussed), unless the
    body quotes none: then the pistes its levers' sub-part lists (`lever_enumeration`), rather
    than a conclusion that opens on nothing; then, up to the limit, what the body's quoted
    sentences allow the collectivité to do (`fr.actions.OPTION`) or someone's words
    prescribe (`said`)."""
    # (the sentences whose words the body writes, not those that only corroborate them: the
    # cimetières note concluded on an option of a sentence the body never showed)
    quoted = {sid for items in statements.values() for st in items if not st.kind
              for sid in [*st.context_ids, st.sentence_id, *st.followed_ids]}
    listed_ = {sid for items in statements.values() for st in items
               if st.kind == "énumération" for sid in st.source_ids}
    conf = config()
    ids = picker.pool["sentence_id"]
    out: list[Statement] = []
    for options in (False, True):       # (what is prescribed, then what is allowed or said)
        tier = [p for p in pistes if _allowed(picker, p, words=True) == options]
        kept = [p for p in tier if p.sentence_id in quoted]
        more = [_statement(picker, i, action, score)
                for score, i, action in _fit(_candidates(picker, options=options))
                if str(ids.iloc[i]) in quoted]
        if not options:
            out, kept = kept, []        # (the prescribed pistes the body quotes, all)
        out += _first_distinct(kept + more, int(conf["limit"]), int(conf["max_words"]),
                               doc=lambda st: st.doc, text=lambda st: st.text, chosen=out)
        out = out or [p for p in tier if p.sentence_id in listed_]
    return out
