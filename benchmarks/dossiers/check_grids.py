"""Check the key-idea grids of the evaluation dossiers against their own documents.

For every idea of a grid: which listed documents have at least one paragraph matching it
(the grid's rule: one alternative whose regexes all match in one paragraph), and which share
of all the dossier's paragraphs match it (should stay at or under 25 %).

    .venv/bin/python benchmarks/dossiers/check_grids.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ianote_lib.note.evaluation import idea_covered, load_grid, markdown_paragraphs, normalise

HERE = Path(__file__).resolve().parent


def exam_documents(path: Path) -> dict[int, list[str]]:
    """Paragraphs by document number (0 = the cover and the list of documents)."""
    text = path.read_text(encoding="utf-8")
    parts = re.split(r"^DOCUMENT (\d+)\s*$", text, flags=re.M)
    docs = {0: markdown_paragraphs(parts[0])}
    for number, body in zip(parts[1::2], parts[2::2], strict=True):
        docs[int(number)] = markdown_paragraphs(body)
    return docs


def folder_documents(folder: Path) -> dict[int, list[str]]:
    files = sorted(p for p in folder.iterdir() if p.suffix in (".md", ".txt"))
    return {i: markdown_paragraphs(p.read_text(encoding="utf-8")) for i, p in enumerate(files, 1)}


def check(name: str, docs: dict[int, list[str]], grid_path: Path) -> bool:
    grid = load_grid(grid_path)
    every = [p for paras in docs.values() for p in paras]
    print(f"\n== {name}: {len(grid)} ideas, {len(docs) - (0 in docs)} documents, "
          f"{len(every)} paragraphs")
    ok = True
    for idea in grid:
        hits = sum(idea_covered(idea, [normalise(p)]) for p in every)
        share = hits / len(every)
        missing = [d for d in idea.docs
                   if not idea_covered(idea, [normalise(p) for p in docs.get(d, [])])]
        flag = "OK " if not missing and hits and share <= 0.25 else "BAD"
        ok &= flag == "OK "
        print(f"{flag} {idea.id}: {hits:3d} paragraphs ({share:5.1%}); docs {idea.docs}"
              + (f"; NOT matched in doc {missing}" if missing else ""))
    return ok


# the evaluation dossiers and their form: an exam's single text, or a folder of articles
DOSSIERS = [("accessibilite_numerique", "exam"), ("numerique_territoires", "folder"),
            ("zero_artificialisation_nette", "exam"), ("egalim_restauration_scolaire", "folder"),
            ("open_data_collectivites", "exam"), ("achat_public_responsable", "exam"),
            ("adaptation_chaleur_ville", "folder"),
            ("renovation_energetique_batiments_publics", "exam"),
            ("reduction_valorisation_biodechets", "exam"),
            ("mobilites_territoires_ruraux", "folder"),
            ("cybersecurite_collectivites", "exam"),
            ("prevention_inondations_gemapi", "exam"), ("participation_citoyenne", "folder"),
            ("accueil_jeune_enfant", "exam"), ("revitalisation_centres_villes", "folder"),
            ("acces_soins_proximite", "exam"), ("projets_alimentaires_territoriaux", "folder"),
            ("eclairage_public_sobriete", "exam"), ("videoprotection_communes", "folder"),
            ("equipements_sportifs", "exam"), ("lecture_publique", "folder"),
            ("meubles_tourisme", "exam"), ("bien_vieillir", "folder"),
            ("logement_social", "exam"), ("ville30", "folder"), ("incendies_old", "exam"),
            ("cimetieres", "exam"), ("tarification_incitative", "folder"),
            ("forets_communales", "exam"), ("attractivite_fpt", "folder"),
            ("moustique_tigre", "exam"), ("permis_de_louer", "folder"),
            ("bornes_recharge", "folder"), ("stationnement", "exam"),
            ("zfe", "exam"), ("cours_oasis", "folder"),
            ("france_services", "exam"), ("politique_cyclable", "folder"),
            ("plan_communal_sauvegarde", "exam"), ("tiers_lieux", "folder"),
            ("budget_vert", "exam"), ("depots_sauvages", "folder"),
            ("communes_nouvelles", "exam"), ("police_municipale", "folder"),
            ("ponts_ouvrages_art", "exam"), ("violences_elus", "folder"),
            ("eau_assainissement", "exam"), ("gens_du_voyage", "folder"),
            ("trait_de_cote", "exam"), ("absenteisme_agents", "folder"),
            ("energies_renouvelables", "exam"), ("ecoles_rurales", "folder")]


if __name__ == "__main__":
    results = [check(f"{name} ({form})",
                     exam_documents(HERE / name / "dossier.txt") if form == "exam"
                     else folder_documents(HERE / name / "articles"),
                     HERE / name / "key_ideas.yaml")
               for name, form in DOSSIERS]
    sys.exit(0 if all(results) else 1)
