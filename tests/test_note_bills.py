"""The provisions of a bill's summary are told as the bill's (`note.bills`): the held-out heat
dossier quoted « L'installation de climatiseurs individuels est interdite dans les constructions
neuves… » from the summary of a proposition de loi, as if it were the law."""

from __future__ import annotations

from pathlib import Path

from exam_dossier import write_exam_dossier

from ianote_lib.fr.parse import parse_table
from ianote_lib.note.bills import bill_documents
from ianote_lib.note.evidence import build_evidence
from ianote_lib.note.render import compose
from ianote_lib.reading.dossier import load_dossier

SITUATION = ("Les vagues de chaleur en ville", "Le Quotidien", "12 juillet 2025", [
    "Depuis 2000, une vague de chaleur se produit presque chaque année en France.",
    "Les communes doivent adapter leurs écoles et leurs espaces publics aux fortes chaleurs.",
    "Les personnes âgées représentent les deux tiers de la surmortalité lors des canicules."])
BILL = ("Lutter contre la chaleur en ville - N° 1623", "Assemblée Facile", "24 juin 2025", [
    "Source : résumé de la proposition de loi n° 1623 déposée à l'Assemblée nationale le "
    "24 juin 2025.",
    "Cette proposition de loi vise à lutter contre les îlots de chaleur urbains dans les villes.",
    "L'installation de climatiseurs individuels est interdite dans les constructions neuves et "
    "ne sera autorisée qu'en dernier recours pour les bâtiments existants.",
    "Les seuils précis de température seront définis par arrêté ministériel selon l'âge des "
    "enfants.",
    "Actuellement, aucune loi claire ne fixe les températures maximales dans les écoles "
    "françaises."])


def test_a_bills_provisions_are_told_as_the_bills(tmp_path: Path):
    path = write_exam_dossier(tmp_path / "dossier.txt", [SITUATION, BILL],
                              "l'adaptation de la ville aux vagues de chaleur")
    d = load_dossier(path)
    assert bill_documents(d.sentences, d.documents) == {2: "La proposition de loi n° 1623"}
    ev = build_evidence(d.sentences, d.documents, sentence_parse=parse_table(d.sentences))
    clean = dict(zip(ev.sentences["text"], ev.sentences["clean"], strict=True))
    # a ban, a future: what the bill proposes
    assert clean[BILL[3][2]] == (
        "La proposition de loi n° 1623 prévoit que l'installation de climatiseurs individuels "
        "est interdite dans les constructions neuves et ne sera autorisée qu'en dernier recours "
        "pour les bâtiments existants.")
    assert clean[BILL[3][3]] == (
        "La proposition de loi n° 1623 prévoit que les seuils précis de température seront "
        "définis par arrêté ministériel selon l'âge des enfants.")
    # the situation it answers, another document's obligation: as written
    # (its « Actuellement » told by its page's year: `fr.dates.dated_today`)
    assert clean[BILL[3][4]] == BILL[3][4].replace("Actuellement", "En 2025")
    assert clean[SITUATION[3][1]] == SITUATION[3][1]
    # a sentence that names it without its number names it by it, and points back no longer
    # (the heat note never cited the summary of the bill n° 1728, whose sentences all opened
    # on « cette proposition de loi » or took it up)
    assert clean[BILL[3][1]] == ("La proposition de loi n° 1623 vise à lutter contre les îlots "
                                 "de chaleur urbains dans les villes.")
    row = ev.sentences[ev.sentences["text"] == BILL[3][1]].iloc[0]
    assert not row["reasons"]
    # told in a note, such a sentence passes the verification (the bill's number is its
    # document's)
    comp = compose(d.sentences, d.documents, d.commande,
                   sentence_parse=parse_table(d.sentences))
    told = [s.text for p in comp.note.paragraphs for s in p.sentences]
    assert not any(t.startswith("L'installation de climatiseurs") for t in told)
    assert comp.report.ok


def test_a_document_that_names_no_bill_is_none():
    from ianote_lib.note.bills import _patterns

    name = _patterns()["name"]
    assert name.search("Résumé du projet de loi n° 2024-12 relatif à l'eau").group("kind") == (
        "projet")
    assert name.search("Une proposition de loi").group("number") is None
    assert not name.search("La loi du 3 août 2018 a permis de repousser le transfert.")


def test_an_article_that_mentions_a_bill_or_a_hearing_about_one_is_no_bill():
    """The held-out reading dossier's France 3 article opens « Dans son projet de loi, le
    ministre de l'économie… a voulu permettre l'ouverture des magasins le dimanche »: its
    « L'amendement doit encore être validé par le Sénat » was told « Le projet de loi prévoit
    que l'amendement doit encore… », and a librarians' petition « Le projet de loi prévoit
    qu'une partie des professionnels… a répliqué… ». A hearing of elected officials on a bill
    is what they said, not what the bill provides."""
    import pandas as pd

    def bills(title: str, lines: list[str]) -> dict[int, str]:
        sents = pd.DataFrame({"doc": [1] * len(lines), "text": lines})
        return bill_documents(sents, pd.DataFrame({"doc": [1], "title": [title]}))

    article = ["Dans son projet de loi, le ministre de l'économie a voulu permettre "
               "l'ouverture des magasins le dimanche.",
               "Un amendement pose aussi la question de l'ouverture des bibliothèques.",
               "L'amendement doit encore être validé par le Sénat."]
    assert bills("Et si on ouvrait les bibliothèques le dimanche ?", article) == {}
    hearing = ["Sénat, commission spéciale sur le projet de loi relatif à la résilience des "
               "infrastructures critiques, compte rendu, 4 février 2025",
               "Les collectivités devront désigner un responsable de la sécurité."]
    assert bills("Audition d'associations d'élus sur la cybersécurité", hearing) == {}
    # (nor an opinion on one, a report of information or a press release: the budget vert
    # note read « Le projet de loi prévoit que… les collectivités territoriales doivent…
    # investir massivement », the senators' words)
    opinion = ["Sénat, communiqué de presse (rapport d'information de MM. Guené et Raynal) et "
               "avis n° 132 (2023-2024) sur le projet de loi de finances pour 2024",
               "Une réflexion urgente doit également être menée sur les autres outils."]
    assert bills("Financement de la transition écologique des collectivités", opinion) == {}
    # (a report on a bill, or its summary, is the bill's)
    report = ["Sénat, rapport fait au nom de la commission des affaires sociales sur la "
              "proposition de loi relative aux outils de lutte contre la désertification "
              "médicale, 8 mars 2023", "Les communes pourront recruter des médecins."]
    assert bills("L'essentiel", report) == {1: "La proposition de loi"}
    # (a bill its document says was promulgated is a law: « La proposition de loi prévoit que,
    # en 2030, 21 millions de seniors… vivront en France » opened the bien-vieillir note)
    enacted = ["La loi « portant mesures pour bâtir la société du bien vieillir » a été "
               "promulguée le 8 avril dernier.",
               "En 2030, 21 millions de seniors de 60 ans ou plus vivront en France."]
    assert bills("Promulgation de la proposition de loi sur le bien vieillir", enacted) == {}
    assert bills("Lutter contre la chaleur en ville - N° 1623", [BILL[3][0]]) == {
        1: "La proposition de loi n° 1623"}


def test_a_bill_its_title_names_or_of_another_kind_keeps_its_words(monkeypatch):
    """The violences note read « …a alerté l'auteur de le projet de loi renforçant la sécurité
    des élus locaux…, votée à l'unanimité par le Sénat »: its document's bill was a projet de
    loi, the sentence spoke of a proposition de loi its title named."""
    import pandas as pd

    import ianote_lib.note.bills as bills

    sents = pd.DataFrame({"doc": [1, 1], "clean": [
        "Le sénateur a alerté l'auteur de la proposition de loi renforçant la sécurité des élus "
        "locaux, votée à l'unanimité par le Sénat.",
        "Cette proposition de loi vise à protéger les maires."]})
    for name, told in [("Le projet de loi n° 12",
                        "Cette proposition de loi vise à protéger les maires."),
                       ("La proposition de loi n° 1623",
                        "La proposition de loi n° 1623 vise à protéger les maires.")]:
        monkeypatch.setattr(bills, "bill_documents", lambda s, d, name=name: {1: name})
        named = sents.copy()
        bills.name_bills(named, pd.DataFrame({"doc": [1]}))
        assert named.at[0, "clean"] == sents.at[0, "clean"]
        assert named.at[1, "clean"] == told
