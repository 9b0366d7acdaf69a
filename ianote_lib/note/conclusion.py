"""The note's conclusion: a recap, the main point of each part, then the pistes d'action.

A conclusion says what the parts found and what the collectivité could do next (NOTE_CRAFT):
the recap (`recap_sentence`: a frame's logic, or what each part brought out), the main point of
each part (`note.points.main_points`), the actions the documents prescribe to the collectivité
(`actions_sentence`, from `note.pistes`) or else the levers the body opened on
(`pistes_sentence`), and what they serve when the commande says what the collectivité means to
present.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ianote_lib.fr.lemmas import content_lemmas
from ianote_lib.fr.names import and_list, contract, contract_each
from ianote_lib.note.model import NoteSentence
from ianote_lib.note.openers import Openers
from ianote_lib.note.pistes import listed
from ianote_lib.note.plan import intention_close
from ianote_lib.note.points import main_points, subject_head
from ianote_lib.note.text import fill_template, french_typography


def conclusion_sentences(selection: Any, openers: Openers, values: dict[str, str],
                         template: Callable[..., NoteSentence],
                         sentence_of: Callable[[Any], NoteSentence],
                         avoid: set[str] | frozenset[str] = frozenset()) -> list[NoteSentence]:
    """The conclusion: the recap and the main point of each part (none from the sentences
    `avoid`, nor from a piste's), then the pistes (the actions the documents prescribe, else
    the levers the body opened on), then the selection's own closing sentences but those on
    a main point's subject. `template` writes a template of the note, `sentence_of` a
    statement's sentence (`note.write.document_sentence`)."""
    plan = selection.plan
    # (nor a piste's sentence: what must be done is no finding, and the pistes tell it)
    told = {st.sentence_id for st in selection.actions}
    points = main_points(plan, selection, sentence_of, openers.known,
                         avoid=frozenset(avoid) | told, values=values)
    if not plan.conclusion.get("text"):
        closing = []
    elif len(points) == 1 < len(plan.parts):    # (one point, which says the recap too)
        closing = points
    else:
        closing = [recap_sentence(plan, openers, values, template, bool(points)), *points]
    pistes = (actions_sentence(plan.conclusion, selection.actions)
              or pistes_sentence(plan.conclusion.get("pistes", ""), openers, values))
    if pistes is not None:
        closing += [pistes, *(template(t) for t in intention_close(values.get("intention", "")))]
    elif selection.conclusion and plan.conclusion.get("opening"):
        closing.append(template(plan.conclusion["opening"]))
    # (nor one that speaks again of a main point's subject or of a piste: « La formation IA
    # pour les collectivités devient nécessaire… » after the point « la formation IA…
    # permet… », « La formation des agents… est une piste intéressante » after the piste « se
    # reposer sur une éducation et des formations adaptées »)
    pointed = {subject_head(st.subject[0]) for sts in selection.statements.values() for st in sts
               if st.subject[0] and any(st.sentence_id in p.source_ids for p in points)}
    pointed |= set(content_lemmas(pistes.text)) if pistes is not None else set()
    pointed.discard("")
    return closing + [sentence_of(st) for st in selection.conclusion
                      if st.sentence_id not in told and subject_head(st.subject[0]) not in pointed]


def recap_sentence(plan: Any, openers: Openers, values: dict[str, str],
                   template: Any, pointed: bool = False) -> NoteSentence:
    """The conclusion's first sentence: with the plan's `recap_ideas` (a built plan) and ideas
    opened in both parts, what each part brought out; without them, on a plan of the
    commande's axes (whose titles name topics, not findings) `recap_axes` (what was examined),
    else the plan's recap (a frame's: its logic). `pointed`: the main points follow
    (`main_points`), which say what each part brought out better than its ideas' phrases: a
    frame's recap alone, the plan's `recap_points` on the commande's axes."""
    if pointed:
        return template(plan.conclusion.get("recap_points") or plan.conclusion["text"])
    parts = [openers.of_part(part.key) for part in plan.parts]
    if not plan.conclusion.get("recap_ideas"):
        return template(plan.conclusion["text"])
    extra = {}
    for part, phrases in zip(("I", "II"), parts, strict=True):
        extra[f"de_{part}"] = contract_each("de", values[part])
        extra[f"ideas_{part}"] = " et ".join(phrases)
        extra[f"a_ideas_{part}"] = " et ".join(contract("à", p) for p in phrases)
    if not all(parts):
        return template(plan.conclusion.get("recap_axes") or plan.conclusion["text"], extra)
    sentence = template(plan.conclusion["recap_ideas"], extra)
    sentence.source_ids = [sid for _, idea in openers.ideas for sid in idea.source_ids
                           if idea.phrase in parts[0] + parts[1]]
    return sentence


def pistes_sentence(template: str, openers: Openers,
                    values: dict[str, str]) -> NoteSentence | None:
    """The conclusion's sentence naming the levers the body opened on for the collectivité
    (`template`: the plan's `pistes`), citing their documents; None without a lever."""
    pistes = openers.pistes()
    if not pistes or not template:
        return None
    phrases = [idea.phrase for idea in pistes]
    text = fill_template(template, {**values, "pistes": and_list(phrases)})
    return NoteSentence(french_typography(text), sorted({d for i in pistes for d in i.docs}),
                        [sid for i in pistes for sid in i.source_ids], origin="note",
                        kind="written")


def actions_sentence(conclusion: dict[str, Any], actions: list[Any]) -> NoteSentence | None:
    """The conclusion's sentence listing the actions the documents prescribe to the
    collectivité (`note.pistes`), with the plan's `actions` template for their number, citing
    their documents; None when the plan has no such template or the selection no actions."""
    template = (conclusion.get("actions") or {}).get(len(actions))
    if not template:
        return None
    text = fill_template(template, {"actions": listed([a.text for a in actions])})
    return NoteSentence(french_typography(text), sorted({d for a in actions for d in a.docs}),
                        list(dict.fromkeys(a.sentence_id for a in actions)), origin="note",
                        kind="written")
