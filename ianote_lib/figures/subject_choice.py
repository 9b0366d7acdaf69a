"""The subject rules, in order: repetition, bare count, multiplying verb, counted noun,
share, inherited subject, governing noun or verb, phrase after, clause subject.
"""

from __future__ import annotations

from ianote_lib.figures.antecedents import antecedent_phrase
from ianote_lib.figures.phrases import (
    Phrase,
    join_tokens,
    np_left,
    np_right,
    predicate,
    relative_clause,
    with_de,
    word_count,
)
from ianote_lib.figures.sentence_reading import YEAR_RE, SentenceReader
from ianote_lib.figures.sentence_tokens import SubjectFigure
from ianote_lib.figures.subject_lexicon import subject_lexicon
from ianote_lib.figures.word_classes import (
    is_content,
    is_content_noun,
    is_finite_verb,
    is_name,
    is_participle_form,
    lemma_of,
    link_at,
    verb_form,
)

DURATION_UNITS = {"year", "month", "week", "day", "hour"}


class SubjectChooser(SentenceReader):
    """The rules that choose the subject of each figure of a sentence (see `subject`)."""

    def subject(self, n: int) -> tuple[str, str]:
        """(subject, head phrase) of figure n."""
        fig = self.figures[n]
        fi = self.index.get(n)
        if fi is None:
            return "", ""
        own = (self._special_subject(fig, fi) or self._counted_subject(fig, fi)
               or self._share_subject(fig, fi))
        if own:
            return own
        # 3. the second figure of a pair ('de 33 zettaoctets en 2018 à 175')
        inherited = self._inherit(n, fi)
        if inherited:
            return inherited
        # 4-5. what governs the figure on its left
        governed = self._governor(fig, fi)
        if governed:
            return governed
        # 6. the phrase after it
        phrase = self.right_phrase(fi + 1)
        if phrase is not None:
            text = self.phrase_text(phrase)
            return text, text
        # 7. the subject of its clause
        return self._clause_subject(fi)

    def _special_subject(self, fig: SubjectFigure, fi: int) -> tuple[str, str] | None:
        """A repetition, a bare count that is the subject of a verb, a multiplying verb."""
        toks, lex = self.toks, subject_lexicon()
        # a repetition ('mises à jour deux fois par mois'): what is repeated
        if fig.counted.split()[:1] == ["fois"]:
            if fi > 0 and is_content(toks, fi - 1):
                text = self.phrase_text(np_left(toks, fi - 1))
                return text, text
        # a bare count as the subject of a verb ('seulement quatre étaient déployés'): the
        # counted noun of the sentence before, and the predicate
        if fig.unit == "count" and not fig.counted and fi + 1 < len(toks) and (
                toks[fi + 1].low in lex.aux or is_finite_verb(toks[fi + 1].low)):
            noun = antecedent_phrase(self.antecedents, plural=True, counted_only=True)
            if noun:
                pred = predicate(toks, fi + 1)
                return f"{noun} {pred}".strip(), noun
        # a multiplying verb ('diviser par quatre le nombre de capteurs'): its object
        first_word = toks[fi].text.split()[0].lower()
        if fig.unit == "ratio" and lemma_of(first_word).endswith("er") and \
                lemma_of(first_word) != "le":
            phrase = self.right_phrase_det(fi + 1)
            if phrase is not None:
                text = self.phrase_text(phrase)
                return text, text
        return None

    def _counted_subject(self, fig: SubjectFigure, fi: int) -> tuple[str, str] | None:
        """1. A count of a noun: the noun and its modifiers (with a relative clause or a
        predicate when it stands alone, and whose parts for a list noun)."""
        toks, lex = self.toks, subject_lexicon()
        # 1. a count of a noun
        if fig.counted and fig.counted.split()[0].lower() != "fois":
            first = fig.counted.split()[0].lower()
            head = next((j for j in range(fi + 1, min(len(toks), fi + 8))
                         if toks[j].low == first), None)
            if head is not None:
                phrase = np_right(toks, head)
                text = self.phrase_text(phrase)
                core = text
                if len(phrase.keep) == 1 or toks[head].low in lex.list_nouns:
                    extra = relative_clause(toks, phrase) or predicate(toks, max(phrase.keep) + 1)
                    if not extra and toks[head].low in lex.list_nouns:
                        extra = self.of_whom(fi)
                    if extra:
                        text = f"{text} {extra}"
                return text, core
        return None

    def _share_subject(self, fig: SubjectFigure, fi: int) -> tuple[str, str] | None:
        """2. A share of something ('% des appels décrochés', '% d'entre eux')."""
        toks, lex = self.toks, subject_lexicon()
        # 2. a share of something
        if fig.unit == "%":
            j = fi + 1
            if j + 1 < len(toks) and toks[j].low in ("d'", "de") and toks[j + 1].low in (
                    "entre",) and j + 2 < len(toks) and toks[j + 2].low in lex.pronouns:
                noun = antecedent_phrase(self.antecedents, plural=True)
                if noun:
                    pred = predicate(toks, j + 3)
                    return (f"{noun} {pred}".strip(), noun)
            if j < len(toks) and toks[j].low in lex.of_links:
                k = j + 1
                while k < len(toks) and toks[k].low in lex.det:
                    k += 1
                if k < len(toks) and is_content(toks, k):
                    phrase = np_right(toks, k)
                    return self._share(phrase)
        return None

    def _share(self, phrase: Phrase) -> tuple[str, str]:
        toks, lex = self.toks, subject_lexicon()
        core = self.phrase_text(phrase)
        pred = predicate(toks, max(phrase.keep) + 1)
        if not pred and len(phrase.keep) == 1:
            pred = relative_clause(toks, phrase)
        if not pred:
            return core, core
        text = f"{core} {pred}"
        if word_count(text) <= lex.max_words:
            return text, core
        # too long: keep the head and its adjectives, the predicate, and a name in brackets
        short = [i for i in phrase.keep if i <= phrase.head
                 or (all(is_content(toks, j) for j in range(phrase.head, i + 1)))]
        names = [toks[i].text for i in phrase.keep if i not in short
                 and is_name(self.text, toks[i])]
        text = f"{join_tokens(toks, short)} {pred}"
        if names:
            text += f" ({names[-1]})"
        return text, join_tokens(toks, short)

    def _inherit(self, n: int, fi: int) -> tuple[str, str] | None:
        """'de 33 zettaoctets en 2018 à 175', 'contre 30 % auparavant', 'soit le double': the
        subject of the figure before, when this one has no noun of its own."""
        toks = self.toks
        k = fi - 1
        while k >= 0 and (YEAR_RE.fullmatch(toks[k].text) or toks[k].low == "en"):
            k -= 1
        if k >= 0 and toks[k].low == "dont" and self.figures[n].unit == "%":
            # '3 000 questions, dont 60 % portaient sur…': a share of the noun before
            counts = [m for m in range(n) if self.figures[m].counted and m < len(self.heads)]
            if counts and self.heads[counts[-1]]:
                return self.heads[counts[-1]], self.heads[counts[-1]]
        if k < 0 or toks[k].low not in subject_lexicon().pair_links:
            return None
        equivalence = toks[k].low == "soit"
        unit = self.figures[n].unit
        previous = [m for m in range(n) if m < len(self.subjects)
                    and (self.figures[m].unit == unit or (
                        equivalence and unit == "ratio" and self.figures[m].unit
                        not in DURATION_UNITS | {"count", "ratio"}))
                    and self.index.get(m, 10**6) < fi]
        if not previous or not self.subjects[previous[-1]]:
            return None
        last = previous[-1]
        if fi + 1 < len(toks) and is_content(toks, fi + 1):
            # '32 % supplémentaires': the noun before, with this figure's adjective
            return f"{self.heads[last]} {toks[fi + 1].text}", self.heads[last]
        if not equivalence and fi + 1 < len(toks) and link_at(toks, fi + 1, False) and \
                self.right_phrase(fi + 1) is not None:
            return None  # a noun of its own: '1,2 million d'euros pour les camps de base'
        return self.subjects[last], self.heads[last]

    def _governor(self, fig: SubjectFigure, fi: int) -> tuple[str, str] | None:
        toks, lex = self.toks, subject_lexicon()
        k = fi - 1
        preps: list[str] = []
        while k >= 0 and (toks[k].low in lex.qualifiers or toks[k].low in lex.fillers
                          or toks[k].low in lex.governing_prepositions):
            preps.append(toks[k].low)
            k -= 1
        duration = fig.unit in DURATION_UNITS
        if k >= 0 and toks[k].low == "nombre" and k >= 1 and toks[k - 1].low == "au":
            k -= 2
            while k >= 0 and toks[k].kind == "punct":
                k -= 1
            if k >= 0 and is_content(toks, k):
                text = self.phrase_text(np_left(toks, k))
                return text, text
        after, after_linked = self.after_complement(fi) if duration else ("", "")
        # 4. a noun the figure complements: 'budget de N', 'fiabilité à N'
        if k >= 0 and is_content(toks, k) and preps and (is_content_noun(toks, k) or not (
                is_participle_form(toks[k].low) or verb_form(toks[k].low))) \
                and "avec" not in preps and "soit" not in preps:
            before = self.verb_group_left(k - 1)
            phrase = np_left(toks, k)
            text = self.phrase_text(phrase)
            if before[2] and toks[k - 1].low in lex.aux and not toks[k].text[:1].isupper():
                # 'le résultat ne peut jamais être fiable à 100 %': an attribute
                subject, pronoun = self.subject_before(before[0])
                if subject is not None:
                    core = self.phrase_text(subject)
                    return f"{core} {toks[k].text}", core
            if after:
                return f"{text} {after_linked}", text
            if len(phrase.keep) == 1:
                right = self.purpose_or_of(fi)
                if right:
                    return f"{text} {right}", text
            return text, text
        if duration and after:
            return after, after
        # 5. the subject of the verb whose object is the figure
        start, lemma, found = self.verb_group_left(k)
        if not found:
            return None
        if fig.unit in ("EUR", "USD") and fi + 1 < len(toks) and toks[fi + 1].low == "pour":
            purpose = self.right_phrase_det(fi + 2)
            if purpose is not None:  # 'a débloqué N pour le déploiement des dispositifs…'
                text = self.phrase_text(purpose)
                return text, text
        if lemma in lex.change:
            right = self.right_phrase_det(fi + 1)
            if right is not None:
                noun = lex.nominal[lemma]
                text = f"{noun} {with_de(toks, right, self.text)}"
                return text, text
        subject, pronoun = self.subject_before(start)
        if pronoun:
            noun = antecedent_phrase(self.antecedents, theme_text=self.text,
                                     category=fig.category, lemma=lemma)
            return (noun, noun) if noun else None
        if subject is None:
            subject = self.comma_subject(start)
            if subject is None:
                return None
        if toks[subject.head].kind == "fig":
            text = toks[subject.head].text
            return text, text
        text = self.nominalize(lemma, subject)
        return text, self.phrase_text(subject)

    def _clause_subject(self, fi: int) -> tuple[str, str]:
        """The subject of the figure's clause (first verb of the part of the sentence that holds
        the figure, between ':' or ';'), or the noun phrase before a parenthesis."""
        toks = self.toks
        lo = 0
        for i in range(fi):
            if toks[i].text in (":", ";"):
                lo = i + 1
        if fi > 0 and toks[fi - 1].text == "(":
            k = fi - 2
            if k >= 0 and is_content(toks, k):
                text = self.phrase_text(np_left(toks, k))
                return text, text
        hi = next((i for i in range(fi, len(toks)) if toks[i].text in (";",)), len(toks))
        for i in range(lo, hi):
            tok = toks[i]
            if tok.kind != "word" or not (is_finite_verb(tok.low) and not is_content(toks, i)):
                continue
            if i > 0 and toks[i - 1].low in subject_lexicon().subordinators:
                continue
            j = i
            lemma = ""
            lex = subject_lexicon()
            while j < hi and (toks[j].low in lex.aux or toks[j].low in lex.neg
                              or toks[j].low in lex.fillers or is_finite_verb(toks[j].low)
                              or is_participle_form(toks[j].low)):
                if toks[j].low not in subject_lexicon().aux and toks[j].kind == "word":
                    lemma = lemma_of(toks[j].low)
                j += 1
            subject, pronoun = self.subject_before(i - 1)
            if pronoun:
                noun = antecedent_phrase(self.antecedents, theme_text=self.text)
                if noun:
                    return noun, noun
                continue
            if subject is not None and toks[subject.head].kind != "fig":
                return self.nominalize(lemma, subject), self.phrase_text(subject)
        for i in range(lo, len(toks)):
            if is_content(toks, i) and i != fi:
                text = self.phrase_text(np_right(toks, i))
                return text, text
        return "", ""
