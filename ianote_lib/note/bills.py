"""The provisions of a bill, told as the bill's.

A dossier may hold the summary of a bill (« Résumé de la proposition de loi n° 1623 déposée à
l'Assemblée nationale… »): what its sentences prescribe (« L'installation de climatiseurs
individuels est interdite dans les constructions neuves… », « Les seuils précis seront définis
par arrêté ministériel ») is what the bill proposes, not the law. A note that quotes them as
they are tells a DGS that they apply. Such a sentence is told as the bill's: « La proposition
de loi n° 1623 prévoit que l'installation de climatiseurs individuels est interdite… ».

A document is a bill's when its title or its first lines (`style.yaml bill.head_lines`) name
one (`bill.name`), not as someone's (« Dans son projet de loi, le ministre… a voulu… »: a
press article), and name no record of what was said about it (`bill.speech`: a hearing, the
interventions of a debate, whose speakers' « doit » are no provision) nor say that it was
enacted (`bill.enacted`: « Promulgation de la proposition de loi… », now a law); a sentence of
it is a provision when it prescribes (`bill.provision`: an obligation, a ban, a possibility
granted) or tells what will be (its main verb in the future, `fr.parse` `tense`), unless it
names the bill or its text itself (`bill.named`). A sentence that names the bill without its number
(« cette proposition de loi vise à protéger… », « La proposition s'inspire de pratiques
étrangères… ») names it by the name its document gives it
(`name_bills`), and no longer points back.
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from ianote_lib.note.text import lower_first, style

# a complement set before the subject, which the comma after « que » opens (« prévoit que, pour
# les rénovations, les solutions passives sont prioritaires »)
_FRONTED = re.compile(r"(?i)^(?:pour|dans|en|à|au|aux|dès|d['’]ici|depuis|sur|après|avant|"
                      r"lors|sauf|hors)\b[^,]{0,80},\s")


@cache
def _patterns() -> dict[str, re.Pattern]:
    conf = style()["bill"]
    return {key: re.compile(conf[key], re.IGNORECASE)
            for key in ("name", "provision", "named", "speech", "enacted")}


# a bill named as someone's (« son projet de loi »): a press article's mention, not its subject
_POSSESSED = re.compile(r"(?i)\b(?:son|sa|leur|notre|votre|mon)\s+$")


def bill_documents(sents: pd.DataFrame, documents: pd.DataFrame) -> dict[int, str]:
    """The documents that present a bill, each with the bill's name as its own lines give it
    (« La proposition de loi n° 1623 »)."""
    lines = int(style()["bill"]["head_lines"])
    titles = dict(zip(documents["doc"], documents["title"].astype(str), strict=True)) \
        if "title" in documents else {}
    pats = _patterns()
    out: dict[int, str] = {}
    for doc, rows in sents.groupby("doc", sort=False):
        head = " ".join([titles.get(doc, ""), *rows["text"].astype(str).head(lines)])
        if pats["speech"].search(head) or pats["enacted"].search(head):
            continue        # what was said about a bill, or a bill now a law
        # (« Dans son projet de loi, le ministre… a voulu… »: an article that mentions one)
        m = next((m for m in pats["name"].finditer(head)
                  if not _POSSESSED.search(head[:m.start()])), None)
        if m:
            kind = m.group("kind").lower()
            article = "La" if kind == "proposition" else "Le"
            number = re.sub(r"\s+", " ", m.group("number") or "").strip()
            out[int(doc)] = f"{article} {kind} de loi" + (f" {number}" if number else "")
    return out


# the bill named without its number, once, in a sentence of its own document
# (not one its title names, « la proposition de loi renforçant la sécurité des élus… »)
_UNNAMED = re.compile(r"\b(?:(?:[Cc]ette|[Ll]a) proposition(?: de loi)?|[Cc]e projet de loi)\b"
                      r"(?!\s+(?:de loi\s+)?(?:n°|no|numéro|visant|relative?|portant|tendant|"
                      r"pour|sur|en faveur|\w+ant\b))")


def name_bills(sents: pd.DataFrame, documents: pd.DataFrame) -> None:
    """Name the bill by its number where a sentence of its own document names it without one
    (in place, on `clean`): « Face aux vagues de chaleur…, cette proposition de loi vise à… »
    → « …, la proposition de loi n° 1728 vise à… »."""
    bills = bill_documents(sents, documents)
    for i in sents.index[sents["doc"].isin(list(bills))]:
        text = str(sents.at[i, "clean"])
        m = _UNNAMED.search(text)
        if m is None:
            continue
        name = bills[int(sents.at[i, "doc"])]
        if ("proposition" in m.group(0)) != ("proposition" in name):
            continue        # (a proposition is no projet: another bill than the document's)
        if m.start() > 0:
            name = name[:1].lower() + name[1:]
        sents.at[i, "clean"] = text[:m.start()] + name + text[m.end():]


# a bill's provision as `frame_provisions` tells it
_TOLD = re.compile(r"(?:La proposition|Le projet) de loi\b[^.;:]{0,30}? prévoit qu")


def told_as_provision(text: str) -> bool:
    """Whether a statement tells a bill's provision (« La proposition de loi n° 837 prévoit
    que les critères… prendront en compte… »): what a text of law would provide, a rule
    whatever its words, and no piste for the collectivité (what a bill would oblige others to
    do is no recommendation)."""
    return bool(_TOLD.match(text))


_OPENS = re.compile(r"(?:(?:La|Une|Cette) proposition|(?:Le|Un|Ce) projet) de loi\b")


def opens_on_a_bill(text: str) -> bool:
    """Whether a statement is about a bill it opens on (« La proposition de loi n° 1727 vise
    à… », « …prévoit que… »): what is proposed, not the law that applies."""
    return bool(_OPENS.match(text))


def frame_provisions(sents: pd.DataFrame, documents: pd.DataFrame) -> None:
    """Tell each quotable provision of a bill's document as the bill's (in place, on
    `clean`): « La proposition de loi n° 1623 prévoit que l'installation… est interdite… »."""
    bills = bill_documents(sents, documents)
    if not bills:
        return
    pats = _patterns()
    tenses = sents["tense"] if "tense" in sents else pd.Series("", index=sents.index)
    for i in sents.index[sents["doc"].isin(list(bills))]:
        text = str(sents.at[i, "clean"])
        if sents.at[i, "reasons"] or pats["named"].search(text) or not (
                pats["provision"].search(text) or tenses.at[i] == "futur"):
            continue
        said = lower_first(text)
        that = ("que, " if _FRONTED.match(said)
                else "qu'" if re.match(r"[aeiouyàâéèêëîïôûœ]", said) else "que ")
        sents.at[i, "clean"] = f"{bills[int(sents.at[i, 'doc'])]} prévoit {that}{said}"
