"""The `subject` of a figure: what it is about, as a short French noun phrase of its sentence.

No parser: a sentence is cut into tokens (words, elided words such as « l' », punctuation, and
the figures themselves as single tokens), words are sorted into classes from the word lists of
`resources/figure_subject.yaml` (determiners, prepositions, pronouns, auxiliaries, adverbs) and
simplemma (finite verbs, past participles), and a noun phrase is a run of content words tied by
« de », « à », « en », « pour », « sur », « dans » (« coût de la recherche », « empreinte carbone
liée à l'entraînement de ChatGPT »). The subject of a figure is, in this order:

1. for a count, the counted noun and its modifiers (« projets estampillés IA par les
   collectivités interrogées »), with a relative clause or a predicate when the noun stands
   alone (« facteurs qui ont mené à l'arrêt de ce projet », « options possibles »), and for a
   noun that names the parts of a list, whose parts (« axes principaux de cette stratégie »);
   a bare count that is the subject of a verb (« seulement quatre étaient déployés ») takes
   the counted noun of the sentence before; « deux fois » takes what is repeated;
2. for a share, the noun it is a share of and its predicate (« appels décrochés », « emplois
   susceptibles d'être automatisés (OCDE) »); « d'entre eux » takes the noun of the sentence
   before; for a multiplying verb (« diviser par quatre le nombre de capteurs »), its object;
3. a figure after « et », « à », « contre », « soit », « dont » with nothing of its own takes
   the subject of the figure before it (« 100 % des appels… (contre 30 % auparavant) »);
4. the noun the figure complements (« budget de N », « levée de fonds de N »), with the « de »
   complement of a duration (« l'arrivée depuis un an de ChatGPT »);
5. the subject of the verb whose object is the figure (« les pertes… sont estimées à N »),
   named by the verb's noun when it has one (« ChatGPT coûte N » → « coût de ChatGPT »,
   « augmenterait de N le PIB » → « augmentation du PIB »), or the purpose of an amount
   (« a débloqué N pour le déploiement des dispositifs »);
6. the noun phrase after the figure (« 1,9 million d'euros pour les stades », a heading figure
   and its caption);
7. the subject of the figure's clause.

A pronoun subject (« c'est N », « cela représente N », « elle coûte ») is replaced by a noun
phrase of the sentence before, or of the sentence that introduces a bulleted list, preferring a
phrase on the figure's theme. A noun standing alone gets a fronted place (« Ainsi, en Isère, … »
→ « fuites en Isère »). Subjects keep the sentence's words, have at most `max_words` words, no
ellipsis, and a lower-case first letter unless the word is a name.

Modules: `sentence_tokens` (tokens, figure spans), `subject_lexicon` (the word lists),
`word_classes`, `phrases` (noun phrases, predicates, tidying), `antecedents` (pronouns),
`sentence_reading` (phrases around a figure) and `subject_choice` (the rules above).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ianote_lib.figures.antecedents import Antecedent
from ianote_lib.figures.phrases import tidy_subject, word_count
from ianote_lib.figures.sentence_tokens import SubjectFigure
from ianote_lib.figures.subject_choice import SubjectChooser


def figure_subjects(text: str, figures: Sequence, antecedents: Sequence[Antecedent] = ()
                    ) -> list[str]:
    """The subject of each figure of `text` (objects with start, end, unit, counted), in
    order. `antecedents`: the sentences a pronoun may refer to, nearest first (the
    introduction of a bulleted list, the sentence before)."""
    if not isinstance(text, str) or not figures:
        return ["" for _ in figures]
    figs = [SubjectFigure(f.start, f.end, f.unit, f.counted or "", getattr(f, "category", ""))
            for f in figures]
    sentence = SubjectChooser(text, figs, antecedents)
    for n in range(len(figs)):
        try:
            subject, head = sentence.subject(n)
        except (IndexError, ValueError, KeyError):
            subject, head = "", ""
        fi = sentence.index.get(n)
        first = None
        if subject and fi is not None:
            word = re.match(r"[^\W_]+", subject)
            first = next((t for t in sentence.toks if word and t.text == word.group()), None)
        sentence.subjects.append(tidy_subject(text, subject, first))
        sentence.heads.append(tidy_subject(text, head, first))
        if sentence.subjects[-1] and word_count(sentence.subjects[-1]) == 1:
            place = sentence.place()
            if place and place.split(" ", 1)[1] not in sentence.subjects[-1]:
                sentence.subjects[-1] = f"{sentence.subjects[-1]} {place}"
    return sentence.subjects
