"""The anaphora rules (`note.anaphora.context_needs`) do not reject a sentence that names what it
speaks of: an institution written with its capital, a text named after « dite » or « relatif
à », an impersonal « il est possible » after an opening phrase, a list closed by « Enfin, »."""

from __future__ import annotations

from ianote_lib.note.anaphora import context_needs


def test_a_named_institution_or_text_needs_no_previous_sentence():
    for text in ["La loi dite « EGAlim » du 30 octobre 2018 a introduit de nouvelles obligations "
                 "pour la restauration collective.",
                 "Le décret relatif aux obligations d'accessibilité précise les sanctions.",
                 "L'Agence nationale de la sécurité des systèmes d'information (Anssi) met en "
                 "place un plan d'action.",
                 "Grâce à l'IA, il est en effet possible de diviser par quatre le nombre de "
                 "capteurs nécessaires.",
                 "Enfin, l'échange de photos de produits entre producteurs et chefs de cuisine "
                 "permet de connaître le calibrage."]:
        assert context_needs(text) == [], text
    # the dossier says which one elsewhere, or the sentence has lost its subject
    for text in ["Le dispositif coûte 55 000 euros par an à la commune.",
                 "Enfin sont plus ou moins agiles dans la manipulation de données brutes.",
                 "Enfin, cette initiative sera renforcée par la loi."]:
        assert context_needs(text), text
