"""The commande of an exam dossier: who writes (grade, post, collectivité and its population),
to whom (the one who asks for the note), about what (the object, with its own case) and what
the note must present (the axes), read in the commande's usual forms."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ianote_lib.config import load_yaml
from ianote_lib.fr.normalize import clean_display, fold, normalize


@dataclass
class Commande:
    text: str = ""
    author_grade: str = ""
    author_role: str = ""
    service: str = ""
    collectivite: str = ""
    population: int | None = None
    recipient_title: str = ""
    recipient_gender: str = ""
    salutation: str = ""
    object: str = ""
    constraint: str = ""
    axes: str = ""          # what the note must present, in the commande's order, " | "-joined
    intention: str = ""     # what the collectivité intends, as the commande tells it

    def axis_list(self) -> list[str]:
        """The commande's axes as a list (empty when it lists none)."""
        return [a.strip() for a in self.axes.split("|") if a.strip()]


def parse_commande(text: str) -> Commande:
    """Read author, service, collectivité (and its population), recipient, object and axes from
    the commande's text."""
    com = Commande(text=clean_display(text.replace("\n", " ")))
    text = normalize(com.text)
    if m := re.search(r"^(.*?),\s*vous [eê]tes\s+(.*?)\s+aupr[eè]s d[eu']\s*(?:la |l')?", text):
        com.author_grade = m.group(1).strip()
        com.author_role = m.group(2).strip()
    com.service, com.collectivite, com.population = employer_of(text)
    com.recipient_title, com.recipient_gender, com.salutation = recipient_of(text)
    if m := re.search(r"une note (?:sur|relative [aà]|concernant|portant sur)\s+([^.]+)", text):
        com.object = m.group(1).strip()
    com.axes = " | ".join(axes_of(text))
    com.intention = intention_of(text)
    if m := re.search(r"(exclusivement [aà] l.aide des documents joints)", text, re.I):
        com.constraint = m.group(1)
    return com


_POPULATION = re.compile(r"\(\s*(?:[^()]*?,\s*)?([\d][\d\s.\u00a0\u202f]*)\s*habitants\s*\)")
_EMPLOYER = re.compile(r"(?:aupr[eè]s|au sein|au service)\s+d(?:e |es |u |')\s*(?:la |l')?(.+)$")
# a post said otherwise (« en poste à la direction des ressources humaines du département… »)
_POSTED = re.compile(r"(?:en poste|en fonction|affectée?|employée?)\s+(?:à|dans)\s+"
                     r"(?:la |l['’]|le |les )?(.+)$")
_PROPER = (r"[A-ZÉÈÀÂÎÔ][\w'’-]*"
           r"(?:[- ](?:(?:de|du|des|la|le|sur|en|l[’'])[- ]?)*[A-ZÉÈÀÂÎÔ][\w'’-]*)*")


def employer_of(text: str) -> tuple[str, str, int | None]:
    """(service, collectivité, population) of the author's post: « auprès de la direction des
    systèmes d'information de la communauté d'agglomération du Val-de-Sorgue (96 400
    habitants) », « auprès des services de la commune de X », « … d'Admiville (120 000
    habitants) ». A collectivité named by its kind (« communauté d'agglomération du … »,
    « département de … ») keeps it; « la ville de X », « la commune de X » give X."""
    pop = _POPULATION.search(text)
    head = text[:pop.start()] if pop else text.split(".")[0]
    population = int(re.sub(r"\D", "", pop.group(1))) if pop else None
    kinds = "|".join(collectivity_kinds())
    m = _EMPLOYER.search(head) or _POSTED.search(head)
    if m:
        post = m.group(1).strip().rstrip(",")
    elif pop and (last := list(re.finditer(rf"(?i)\b(?:{kinds})\b", head))):
        # no post named, but a collectivité before its population (« …à l'attention du maire
        # de la commune de Techniville (20 000 habitants) », « directrice de la commande
        # publique de la communauté d'agglomération d'Agglo-sur-Mer (120 000 habitants) »)
        return "", collectivity_name(head[last[-1].start():].strip().rstrip(",")), population
    else:
        return "", "", population
    k = re.search(rf"(?:^|\s)(?:de la |du |de l['’]|des |d['’]|de )(?=(?:{kinds})\b)", post,
                  re.IGNORECASE)
    if k:
        service, name = post[:k.start()].strip(), collectivity_name(post[k.end():].strip())
    elif proper := re.search(rf"\s(?:de |d['’]|du )({_PROPER})$", post):
        service, name = post[:proper.start()].strip(), proper.group(1)
    elif re.match(rf"(?:{kinds})\b", post, re.IGNORECASE):
        service, name = "", post
    else:
        return "", "", population
    if not pop and not k:
        return "", "", None     # no population, no kind of collectivité: not a post
    service = re.sub(r"^(?:services|la|le|les|l['’])\s+(?=\S)", "", service).strip()
    if service.lower() in ("", "services", "des services"):
        service = ""
    # (a post beside a person is in their service: « auprès du directeur général des
    # services » → « Direction générale des services », which the header and « Affaire suivie
    # par » name, not the recipient's title)
    if head_of := re.match(r"(?i)direct(?:eur|rice)(\s+générale?)?(\s+adjointe?)?\s+(d.+)$",
                           service):
        service = ("direction" + (" générale" if head_of.group(1) else "")
                   + (" adjointe" if head_of.group(2) else "") + " " + head_of.group(3))
    return service[:1].upper() + service[1:], name[:1].upper() + name[1:], population


def collectivity_name(name: str) -> str:
    """A collectivité's name as the header gives it: « la ville de X », « la commune de X »
    give X; any other kind keeps its noun (« Communauté d'agglomération du Val-de-Sorgue »)."""
    if town := re.match(rf"(?i)(?:ville|commune)\s+d(?:e |['’])({_PROPER})$", name):
        name = town.group(1)
    return name[:1].upper() + name[1:]


def collectivity_kinds() -> list[str]:
    """The common nouns that open the name of a collectivité (`fr/collectivites.yaml`,
    `kinds`), longest first."""
    return sorted(load_yaml("fr/collectivites.yaml")["kinds"], key=len, reverse=True)


def axes_of(text: str) -> list[str]:
    """What the commande asks the note to present, in order, from the first sentence of its
    request that names it (`_FIRST_VERB`): « Elle présentera le cadre juridique et les
    sanctions encourues, l'état des lieux et les enjeux pour les usagers, puis les leviers … »
    → three axes (an « et » inside an item stays in it; an item that narrows the one before
    it, « notamment la reconversion des friches », stays with it); « Après avoir présenté le
    cadre…, vous analyserez les enjeux…, avant de proposer les leviers… » → one axis a verb
    (`_NEXT_VERB`), the complement of each listed as by `listed_axes`. Sentences that go on in
    time (« Dans un premier temps, vous dresserez… Dans un second temps, vous proposerez… »)
    count as one. The sentences from the one that asks for the note are read first: the
    context before it may hold a verb of the list (« leur médecin traitant »)."""
    sentences = re.split(r"(?<=\.)\s+", _NEXT_TIME.sub(", ", text))
    asked = next((i for i, s in enumerate(sentences) if _NOTE.search(s)), 0)
    for sentence in sentences[asked:] + sentences[:asked]:
        first = _FIRST_VERB.search(sentence) if _REQUEST.search(sentence) else None
        if first is None:
            continue
        verbs = [first, *_NEXT_VERB.finditer(sentence, first.end())]
        ends = [v.start() for v in verbs[1:]] + [len(sentence.rstrip(" ."))]
        axes = [axis for v, end in zip(verbs, ends, strict=True)
                for axis in listed_axes(_AXIS_TAIL.sub("", sentence[v.end():end]).strip())]
        if axes:
            return axes
    return []


def objet_axes(objet: str) -> list[str]:
    """The axes an object lists in its last parenthesis, after a colon if any, when every item
    opens on an aspect of a note (`axis_concepts.yaml objet_aspects`: « (…: état des lieux,
    cadre juridique, mise en place, résultats et limites) » → « l'état des lieux », « le
    cadre juridique », « la mise en place », « les résultats et les limites »); none when an
    item names a topic, or when fewer than three are listed."""
    inner = re.findall(r"\(([^()]*)\)\s*$", objet.strip())
    if not inner:
        return []
    listed = inner[0].rsplit(":", 1)[-1].strip()
    items = [i.strip() for i in re.split(r"\s*[,;]\s*", listed) if i.strip()]
    if 0 < len(items) < 3:
        # (« enjeux, leviers et limites »: the last « et » closes the list)
        items[-1:] = re.split(r"\s+(?:et|puis)\s+", items[-1], maxsplit=1)
    axes = []
    for item in items:
        # (« résultats et limites » is one item, each of its members an aspect)
        members = [_with_aspect_article(m) for m in re.split(r"\s+et\s+", item)]
        if not all(members):
            return []
        axes.append(" et ".join(members))
    return axes if len(axes) >= 3 else []


def _with_aspect_article(item: str) -> str:
    """An item of an object's parenthesis with the article of the aspect it opens on (« cadre
    juridique applicable » → « le cadre juridique applicable »), or "" when it opens on
    none."""
    bare = re.sub(r"(?i)^(?:(?:les|la|le)\s+|l['’]\s*)", "", item.strip())
    for aspect in load_yaml("note", "axis_concepts.yaml")["objet_aspects"]:
        article, noun = re.match(r"(l['’]|\w+\s)(.*)", aspect).groups()
        if re.match(rf"(?i){re.escape(noun)}\b", bare):
            return article.strip() + ("" if article.endswith("'") else " ") + bare
    return ""


# an item whose « entre » has one singular member so far: the items after it are its members,
# up to the one its « et » closes (« la répartition des rôles entre l'État, le département et
# le maire » is one axis; « les relations entre les acteurs » is whole)
_OPEN_BETWEEN = re.compile(r"\bentre\s+(?:l['’]|le\s|la\s|un\s|une\s|[A-ZÀ-Þ])"
                           r"(?:(?!\bet\b)[^,;])*$")


def listed_axes(listed: str) -> list[str]:
    """The items of what one verb of the commande asks for (« le cadre juridique, les
    difficultés et les leviers »)."""
    # (what follows « puis » or « enfin » is an item up to the next of them, its commas its
    # own enumeration: « …, puis les leviers permettant d'en améliorer l'usage par tous les
    # publics, la sobriété et la gestion » is one axis, « d'abord A, puis B, enfin C, D et E »
    # three)
    listed = re.sub(r"(?i)^(?:tout\s+)?d['’]abord\s+", "", listed.strip())
    markers = list(re.finditer(r"(?:\s*[,;]\s*|\s+)(?:puis|ensuite|et enfin|enfin)\s+", listed))
    last = markers[0] if markers else None
    ends = [m.start() for m in markers[1:]] + [len(listed)]
    tail = [listed[m.end():end] for m, end in zip(markers, ends, strict=False)]
    listed = listed[:last.start()] if last else listed
    items = re.split(r"\s*[,;]\s*(?:et\s+)?|\s+ainsi que\s+", listed) + [t for t in tail if t]
    if len(items) > 1 and last is None:
        # « A, B et C »: the last « et » closes the list
        last = re.split(r"\s+et\s+(?=(?:le|la|les|l['’]|des|du|un|une|ses|leurs?)\b)",
                        items.pop(), maxsplit=1)
        items += last
    axes: list[str] = []
    # (a noun alone shares the complement of the item after it: « l'organisation, la
    # gouvernance et le régime financier d'une commune nouvelle »)
    alone = ""
    for item in (i.strip() for i in items):
        if axes and _OPEN_BETWEEN.search(axes[-1]):
            axes[-1] += f", {item}"     # « …des rôles entre l'État, le département et le maire »
        elif axes and PRECISION.match(item):
            axes[-1] += f", {item}"     # « …, notamment la reconversion des friches »
        elif len(item.split()) >= 2:
            axes.append(f"{alone}, {item}" if alone else item)
            alone = ""
        elif re.match(r"(?i)(?:l['’]\w{3,}|(?:le|la|les)\s+\w{3,})$", item):
            alone = f"{alone}, {item}" if alone else item
    return axes


# the verbs by which a commande asks for each part of the note, their stems
_AXIS_STEM = (r"(?:pr[ée]sent|expos|abord|analys|examin|trait|identifi|propos|formul|rappel|"
              r"dress|[ée]tudi|pr[ée]cis|[ée]valu|recens|d[ée]gag|soulign|envisag|d[ée]taill|"
              r"expliqu|compar)")
_OTHER_VERBS = r"porter(?:a|ez)?\s+sur|mettr(?:a|ez)\s+en\s+(?:évidence|lumière)"
# a sentence of the request, not of the context the cover sets
# (« vous », not the one of « rendez-vous »)
_NOTE = re.compile(r"\bnote\b", re.IGNORECASE)
_REQUEST = re.compile(r"\bnote\b|(?<![-\w])vous\b|^(?:Elle|Il)\b", re.IGNORECASE)
# the first verb of the request: a future (« vous analyserez », « elle présentera »), an
# infinitive (« devra notamment présenter »), a participle before what it presents (« une note
# présentant les enjeux », not « leur médecin traitant, les délais… »), a past infinitive
# (« après avoir présenté »), a subjunctive (« souhaite que la note présente »)
_FIRST_VERB = re.compile(
    rf"\b{_AXIS_STEM}(?:era|erez|er)\b|"
    rf"\b{_AXIS_STEM}ant(?=\s+(?:\w+ment\s+)?(?:les?|la|l['’]|une?|des|du|ses|leurs?)\b)|\bavoir\s+{_AXIS_STEM}é\b|"
    rf"\b(?:que\s+(?:la|cette|votre)\s+note|qu['’]elle)\s+{_AXIS_STEM}e\b|"
    rf"\b(?:{_OTHER_VERBS})\b", re.IGNORECASE)
# the verbs after it, each coordinated to the part before (« …, vous analyserez », « …, avant
# de proposer », « … et formulera », « …, puis exposer »): not an infinitive inside a part
# (« les moyens de traiter les déchets »)
_NEXT_VERB = re.compile(
    r"(?:[,;]\s*|\s(?:et|puis|ensuite|enfin)\s+)"
    r"(?:(?:puis|et|ensuite|enfin|avant|afin|vous|y|de|d['’]|en)\s*)*"
    rf"(?:{_AXIS_STEM}(?:era|erez|er)|{_OTHER_VERBS})\b", re.IGNORECASE)
# sentences that go on in time (« Dans un premier temps, vous dresserez… Dans un second temps,
# vous proposerez… »): one request
_NEXT_TIME = re.compile(r"\.\s+(?=(?:Dans un (?:second|deuxième|troisième|dernier) temps|"
                        r"Enfin|Puis|Ensuite),?\s+vous\b)")
# what is left of the request between a part and the next verb (« …, vous », « … et »)
_AXIS_TAIL = re.compile(r"(?:[\s,;]+|\b(?:vous|avant|puis|et|enfin|ensuite|afin|"
                        r"dans un (?:second|deuxième|troisième|dernier) temps)\b)+$",
                        re.IGNORECASE)


# what narrows the item before it (« les leviers …, notamment la reconversion des friches »)
PRECISION = re.compile(r"(?:notamment|en particulier|particulièrement|y compris|dont|"
                       r"par exemple|surtout)\b", re.IGNORECASE)


def recipient_of(text: str) -> tuple[str, str, str]:
    """(title, gender, form of address) of the recipient `text` names: the one who asks for
    the note (« Le président vous demande… », « …à l'attention du maire… ») before any other
    title the text holds (« Vous êtes directrice de la commande publique… »); else the first
    title `commande.yaml` lists that it holds; else ('', '', '')."""
    for who in [*(m.group("who") or m.group("to") for m in _ASKS.finditer(text)), text]:
        found = _recipient_in(who)
        if found[0]:
            return found
    return "", "", ""


# who asks for the note: the subject of the request, or the one it is written for
_ASKS = re.compile(r"(?:^|[.;:]\s+|,\s+)(?:Le|La|Votre|Madame|Monsieur)\s+(?P<who>[^.;,]{2,80}?)\s+"
                   r"(?:vous (?:demande|charge|a demandé|sollicite)|"
                   r"(?:souhaite|désire) (?:disposer|recevoir|obtenir|que vous))|"
                   r"à l['’]attention\s+d(?:u|e la|e l['’]|e)\s*(?P<to>[^,.;()]{2,80})")


def _recipient_in(text: str) -> tuple[str, str, str]:
    """The first recipient title of `commande.yaml` that `text` holds."""
    recipients = load_yaml("commande.yaml")
    folded = fold(text).replace("é", "e")
    for rec in recipients["recipients"]:
        if re.search(rec["pattern"], folded, re.I) or re.search(rec["pattern"], text, re.I):
            salutation = recipients["salutation"][rec["gender"]].format(title=rec["title"])
            return rec["title"], rec["gender"], salutation
    return "", "", ""


def intention_of(text: str) -> str:
    """What the collectivité intends, as the commande tells it before its request (« Le maire
    souhaite présenter au conseil municipal, avant la fin de l'année, une stratégie pour le
    cimetière communal »): the last clause whose subject is one who decides
    (`commande.yaml intention`), from that subject to the end of its clause, lower-cased
    (« le maire souhaite présenter… »); never the request itself (« …vous demande de
    rédiger… »), a pronoun's (« Il souhaite y remédier »: who, the sentence before said), nor
    a clause longer than `intention.words` words; "" when none."""
    conf = load_yaml("commande.yaml")["intention"]
    deciders = "|".join(re.escape(d).replace("'", "['’]") for d in conf["deciders"])
    verbs = "|".join(re.escape(v).replace("'", "['’]") for v in conf["verbs"])
    found = ""
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Þ])", text):
        if re.search(r"(?i)vous (?:demande|charge)|rédiger|à l['’]attention", sentence):
            break
        # (an aside between the subject and its verb goes: « le président, qui doit présenter
        # au bureau les choix possibles, souhaite… », whose words lean on the commande's)
        m = re.search(rf"(?i)(?:^|,\s+|\bet\s+)(?P<who>(?:{deciders}))\b(?:,[^,.;]{{2,90}},)?"
                      rf"\s+(?P<what>(?:{verbs})\b.*)$", sentence)
        if m is None:
            continue
        clause = f"{m.group('who')} {m.group('what')}".rstrip(" .")
        for end in conf["ends"]:
            clause = clause.split(end)[0]
        # (nor one that points to what the commande named before: « …une stratégie pour
        # l'avenir de ce patrimoine »)
        if len(clause.split()) <= int(conf["words"]) and not re.search(
                r"(?i)\b(?:ce|cet|cette|ces)\s+(?!qui\b|que\b)\w", clause):
            found = clause[:1].lower() + clause[1:]
    return found
