"""Note quality on the evaluation dossiers: key-idea coverage against each dossier's hand-written
grid, the sub-parts' lone sentences (`note.evaluation.lone_sentences`: those that share no word
with the rest of their paragraph), and the measures of form of `../shared/tools/note_form.py`
(copied sentences, verb-less sentences, list debris, copied titles, largest sub-part, body
words) when that tool is present.

usage: .venv/bin/python benchmarks/note_quality.py [WORK_DIR] [--form PATH_TO_note_form.py]
       [--draws N]

Runs `ianote run` on each dossier into WORK_DIR/<name> (default /tmp/ianote-quality) and prints
one Markdown table (the one kept in benchmarks/NOTE_QUALITY.md).

`--draws N` adds a column: the key ideas (all grids together) of the note composed again from
its tables under N draws of the built plan's topic starts (`note.built_plan.TOPIC_SEED`; the
first draw is the shipped one), as mean [min–max]. One draw's coverage moves by a few ideas with
the draw alone: compare two versions of the code on this mean, not on one draw.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ianote_lib.note import built_plan  # noqa: E402
from ianote_lib.note.evaluation import (  # noqa: E402
    coverage,
    load_grid,
    lone_sentences,
    markdown_paragraphs,
)
from ianote_lib.note.render import compose_from_processed, render_markdown  # noqa: E402

BENCH = ROOT / "benchmarks" / "dossiers"
DOSSIERS = {
    "embedded (no plan file)": (
        ROOT / "data" / "raw" / "dossier_ia_collectivites_2024.txt",
        [ROOT / "tests" / "annotations" / "key_ideas.yaml",
         ROOT / "tests" / "annotations" / "key_ideas_holdout.yaml"], []),
    "water (exam)": (
        ROOT / "tests" / "data" / "dossier_eau" / "dossier_eau.txt",
        [ROOT / "tests" / "data" / "dossier_eau" / "key_ideas.yaml"], []),
    "accessibilité (exam, 3 axes)": (
        BENCH / "accessibilite_numerique" / "dossier.txt",
        [BENCH / "accessibilite_numerique" / "key_ideas.yaml"], []),
    "numérique des territoires (folder)": (
        BENCH / "numerique_territoires" / "articles",
        [BENCH / "numerique_territoires" / "key_ideas.yaml"],
        ["-p", "objet", "la transformation numérique des collectivités territoriales et "
         "l'appui de l'État", "-p", "destinataire", "Directrice générale des services",
         "-p", "collectivite", "Ville de Montclar-sur-Lèze"]),
    "ZAN (exam, 3 axes, one narrowed)": (
        BENCH / "zero_artificialisation_nette" / "dossier.txt",
        [BENCH / "zero_artificialisation_nette" / "key_ideas.yaml"], []),
    "open data (exam, 3 axes)": (
        BENCH / "open_data_collectivites" / "dossier.txt",
        [BENCH / "open_data_collectivites" / "key_ideas.yaml"], []),
    "purchasing (exam, 3 axes)": (
        BENCH / "achat_public_responsable" / "dossier.txt",
        [BENCH / "achat_public_responsable" / "key_ideas.yaml"], []),
    "EGalim (folder of web pages)": (
        BENCH / "egalim_restauration_scolaire" / "articles",
        [BENCH / "egalim_restauration_scolaire" / "key_ideas.yaml"],
        ["-p", "objet", "la mise en œuvre de la loi EGalim dans la restauration scolaire",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Ville de Saint-Aubin-sur-Lorme"]),
    "chaleur en ville (folder)": (
        BENCH / "adaptation_chaleur_ville" / "articles",
        [BENCH / "adaptation_chaleur_ville" / "key_ideas.yaml"],
        ["-p", "objet", "l'adaptation de la ville aux vagues de chaleur et la lutte contre les "
         "îlots de chaleur urbains", "-p", "destinataire", "Directrice générale des services",
         "-p", "collectivite", "Ville de Valbonne-sur-Aure"]),
    "rénovation énergétique (exam, 3 axes)": (
        BENCH / "renovation_energetique_batiments_publics" / "dossier.txt",
        [BENCH / "renovation_energetique_batiments_publics" / "key_ideas.yaml"], []),
    "biodéchets (exam, 3 axes by verb)": (
        BENCH / "reduction_valorisation_biodechets" / "dossier.txt",
        [BENCH / "reduction_valorisation_biodechets" / "key_ideas.yaml"], []),
    "mobilités rurales (folder)": (
        BENCH / "mobilites_territoires_ruraux" / "articles",
        [BENCH / "mobilites_territoires_ruraux" / "key_ideas.yaml"],
        ["-p", "objet", "les mobilités du quotidien dans les territoires peu denses et le rôle "
         "de la communauté de communes comme autorité organisatrice de la mobilité",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Communauté de communes du Val-de-Lorme"]),
    "cybersécurité (exam, 3 axes)": (
        BENCH / "cybersecurite_collectivites" / "dossier.txt",
        [BENCH / "cybersecurite_collectivites" / "key_ideas.yaml"], []),
    "inondations et GEMAPI (exam, 3 axes)": (
        BENCH / "prevention_inondations_gemapi" / "dossier.txt",
        [BENCH / "prevention_inondations_gemapi" / "key_ideas.yaml"], []),
    "participation citoyenne (folder)": (
        BENCH / "participation_citoyenne" / "articles",
        [BENCH / "participation_citoyenne" / "key_ideas.yaml"],
        ["-p", "objet", "la participation citoyenne dans les collectivités territoriales et ses "
         "dispositifs (budgets participatifs, conseils citoyens, consultations locales, outils "
         "numériques)",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Commune de Vernay-sur-Ouche"]),
    "accueil du jeune enfant (exam, 3 axes)": (
        BENCH / "accueil_jeune_enfant" / "dossier.txt",
        [BENCH / "accueil_jeune_enfant" / "key_ideas.yaml"], []),
    "revitalisation des centres-villes (folder)": (
        BENCH / "revitalisation_centres_villes" / "articles",
        [BENCH / "revitalisation_centres_villes" / "key_ideas.yaml"],
        ["-p", "objet", "la revitalisation des centres-villes et centres-bourgs des petites "
         "villes (Petites villes de demain, Action cœur de ville, vacance commerciale et "
         "logements vacants, opérations de revitalisation de territoire, foncières, manager "
         "de centre-ville)",
         "-p", "destinataire", "Directrice générale des services",
         "-p", "collectivite", "Ville de Vernes-sur-Arnon"]),
    "accès aux soins de proximité (exam, 3 axes)": (
        BENCH / "acces_soins_proximite" / "dossier.txt",
        [BENCH / "acces_soins_proximite" / "key_ideas.yaml"], []),
    "projets alimentaires territoriaux (folder)": (
        BENCH / "projets_alimentaires_territoriaux" / "articles",
        [BENCH / "projets_alimentaires_territoriaux" / "key_ideas.yaml"],
        ["-p", "objet", "les projets alimentaires territoriaux et la politique alimentaire "
         "locale des collectivités (agriculture de proximité, régies agricoles, foncier "
         "agricole, légumeries, précarité alimentaire)",
         "-p", "destinataire", "Directrice générale des services",
         "-p", "collectivite", "Communauté de communes du Val de Sérène"]),
    "éclairage public (exam, 3 axes)": (
        BENCH / "eclairage_public_sobriete" / "dossier.txt",
        [BENCH / "eclairage_public_sobriete" / "key_ideas.yaml"], []),
    "vidéoprotection (folder)": (
        BENCH / "videoprotection_communes" / "articles",
        [BENCH / "videoprotection_communes" / "key_ideas.yaml"],
        ["-p", "objet", "la vidéoprotection dans les communes et les intercommunalités et ses "
         "enjeux (cadre juridique, efficacité, coûts et financements, centres de supervision "
         "mutualisés, vidéosurveillance algorithmique, libertés publiques)",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Ville de Castelrive-sur-Odre"]),
    "équipements sportifs (exam, 3 axes)": (
        BENCH / "equipements_sportifs" / "dossier.txt",
        [BENCH / "equipements_sportifs" / "key_ideas.yaml"], []),
    "lecture publique (folder)": (
        BENCH / "lecture_publique" / "articles",
        [BENCH / "lecture_publique" / "key_ideas.yaml"],
        ["-p", "objet", "la lecture publique dans les communes et les intercommunalités et ses "
         "enjeux (état du réseau des bibliothèques et fréquentation, loi du 21 décembre 2021, "
         "extension des horaires d'ouverture, financements de l'État, tiers-lieux et "
         "médiation numérique, limites)",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Ville de Saint-Aubrac-sur-Lère"]),
    "meublés de tourisme (exam, 3 axes)": (
        BENCH / "meubles_tourisme" / "dossier.txt",
        [BENCH / "meubles_tourisme" / "key_ideas.yaml"], []),
    "bien vieillir (folder)": (
        BENCH / "bien_vieillir" / "articles",
        [BENCH / "bien_vieillir" / "key_ideas.yaml"],
        ["-p", "objet", "le vieillissement de la population et l'action des communes et des "
         "intercommunalités (état des lieux, loi « bien vieillir » du 8 avril 2024, rôle du "
         "département et des CCAS, service public départemental de l'autonomie, Villes amies "
         "des aînés, maintien à domicile, adaptation des logements, habitat inclusif, mobilité, "
         "lutte contre l'isolement, plans canicule, limites)",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Ville de Saint-Arvel-sur-Meurthe"]),
    "logement social (exam, 3 axes)": (
        BENCH / "logement_social" / "dossier.txt",
        [BENCH / "logement_social" / "key_ideas.yaml"], []),
    "incendies et débroussaillement (exam, 3 axes)": (
        BENCH / "incendies_old" / "dossier.txt",
        [BENCH / "incendies_old" / "key_ideas.yaml"], []),
    "ville 30 (folder)": (
        BENCH / "ville30" / "articles",
        [BENCH / "ville30" / "key_ideas.yaml"],
        ["-p", "objet", "la sécurité routière en ville et la généralisation de la limitation à "
         "30 km/h par les communes (« ville 30 » : accidentalité en agglomération, pouvoir de "
         "police du maire, zones 30 et zones de rencontre, aménagements, exemples de villes, "
         "limites)",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Ville de Saint-Aubin-sur-Lorve"]),
    "cimetières (exam, 3 axes)": (
        BENCH / "cimetieres" / "dossier.txt",
        [BENCH / "cimetieres" / "key_ideas.yaml"], []),
    "tarification incitative (folder)": (
        BENCH / "tarification_incitative" / "articles",
        [BENCH / "tarification_incitative" / "key_ideas.yaml"],
        ["-p", "objet", "la tarification incitative du service public de gestion des déchets "
         "ménagers (TEOM ou REOM incitative : état des lieux, cadre juridique, mise en place, "
         "résultats et limites)",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Communauté de communes des Coteaux de l'Orvanne"]),
    "forêts communales (exam, 3 axes)": (
        BENCH / "forets_communales" / "dossier.txt",
        [BENCH / "forets_communales" / "key_ideas.yaml"], []),
    "attractivité de la fonction publique territoriale (folder)": (
        BENCH / "attractivite_fpt" / "articles",
        [BENCH / "attractivite_fpt" / "key_ideas.yaml"],
        ["-p", "objet", "l'attractivité de la fonction publique territoriale et les "
         "difficultés de recrutement des collectivités (métiers en tension, contractuels, "
         "rémunération, apprentissage, marque employeur, logement des agents, qualité de vie "
         "au travail)",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Ville de Saint-Aubin-sur-Loire"]),
    "moustique tigre (exam, 3 axes)": (
        BENCH / "moustique_tigre" / "dossier.txt",
        [BENCH / "moustique_tigre" / "key_ideas.yaml"], []),
    "permis de louer (folder)": (
        BENCH / "permis_de_louer" / "articles",
        [BENCH / "permis_de_louer" / "key_ideas.yaml"],
        ["-p", "objet", "le permis de louer et la lutte des communes contre l'habitat indigne "
         "(marchands de sommeil, autorisation préalable et déclaration de mise en location, "
         "police de l'habitat, contrôles, accompagnement des propriétaires)",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Ville de Saint-Aurèle-sur-Loire"]),
    "bornes de recharge (folder)": (
        BENCH / "bornes_recharge" / "articles",
        [BENCH / "bornes_recharge" / "key_ideas.yaml"],
        ["-p", "objet", "le déploiement des bornes de recharge pour véhicules électriques et le "
         "rôle des collectivités (état des lieux, schéma directeur IRVE, compétence des "
         "communes et des syndicats d'énergie, financements, modes de gestion, limites)",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Communauté de communes du Val d'Orbize"]),
    "stationnement (exam, 3 axes)": (
        BENCH / "stationnement" / "dossier.txt",
        [BENCH / "stationnement" / "key_ideas.yaml"], []),
    "zones à faibles émissions (exam, 3 axes)": (
        BENCH / "zfe" / "dossier.txt",
        [BENCH / "zfe" / "key_ideas.yaml"], []),
    "cours oasis (folder)": (
        BENCH / "cours_oasis" / "articles",
        [BENCH / "cours_oasis" / "key_ideas.yaml"],
        ["-p", "objet", "la végétalisation et la transformation des cours d'école en « cours "
         "oasis » (îlots de fraîcheur, désimperméabilisation, égalité filles-garçons, "
         "concertation, financements, entretien)",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Ville de Montferrand-les-Ormes"]),
    "France services (exam, 3 axes)": (
        BENCH / "france_services" / "dossier.txt",
        [BENCH / "france_services" / "key_ideas.yaml"], []),
    "politique cyclable (folder)": (
        BENCH / "politique_cyclable" / "articles",
        [BENCH / "politique_cyclable" / "key_ideas.yaml"],
        ["-p", "objet", "la politique cyclable des communes et des intercommunalités "
         "(aménagements cyclables, plan vélo, financements, stationnement et sécurité des "
         "cyclistes, territoires ruraux, limites)",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Communauté d'agglomération du Pays de Vérande"]),
    "plan communal de sauvegarde (exam, 3 axes)": (
        BENCH / "plan_communal_sauvegarde" / "dossier.txt",
        [BENCH / "plan_communal_sauvegarde" / "key_ideas.yaml"], []),
    "tiers-lieux (folder)": (
        BENCH / "tiers_lieux" / "articles",
        [BENCH / "tiers_lieux" / "key_ideas.yaml"],
        ["-p", "objet", "les tiers-lieux et le rôle des collectivités territoriales (définition "
         "et formes, nombre et répartition, programmes de l'État et financements, Fabriques de "
         "territoire et Manufactures de proximité, rôle des communes et des intercommunalités, "
         "apports et limites)",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Communauté de communes des Monts de Vaurèle"]),
    "budget vert (exam, 3 axes)": (
        BENCH / "budget_vert" / "dossier.txt",
        [BENCH / "budget_vert" / "key_ideas.yaml"], []),
    "dépôts sauvages (folder)": (
        BENCH / "depots_sauvages" / "articles",
        [BENCH / "depots_sauvages" / "key_ideas.yaml"],
        ["-p", "objet", "les dépôts sauvages de déchets et la propreté de l'espace public dans "
         "les communes (ampleur et coût du phénomène, pouvoirs de police du maire, sanctions "
         "pénales et administratives de la loi AGEC, pièges photographiques et identification "
         "des auteurs, filière REP des déchets du bâtiment et déchèteries, exemples de communes "
         "et d'intercommunalités, limites : preuve, coût du nettoiement, moyens des petites "
         "communes)",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Commune de Vauclerc-sur-Aubette"]),
    "communes nouvelles (exam, 3 axes)": (
        BENCH / "communes_nouvelles" / "dossier.txt",
        [BENCH / "communes_nouvelles" / "key_ideas.yaml"], []),
    "police municipale (folder)": (
        BENCH / "police_municipale" / "articles",
        [BENCH / "police_municipale" / "key_ideas.yaml"],
        ["-p", "objet", "la police municipale dans les communes (missions et pouvoirs des agents "
         "sous l'autorité du maire, effectifs et communes dotées, convention de coordination "
         "avec la police et la gendarmerie nationales, mutualisation pluricommunale et "
         "intercommunale, armement et caméras individuelles, coût pour la commune, recrutement "
         "et attractivité du métier, loi « sécurité globale » de 2021, Beauvau des polices "
         "municipales et projet de loi de 2025, exemples de communes, limites et débats)",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Commune de Montferrand-sur-Loue"]),
    "ponts et ouvrages d'art (exam, 3 axes)": (
        BENCH / "ponts_ouvrages_art" / "dossier.txt",
        [BENCH / "ponts_ouvrages_art" / "key_ideas.yaml"], []),
    "violences envers les élus (folder)": (
        BENCH / "violences_elus" / "articles",
        [BENCH / "violences_elus" / "key_ideas.yaml"],
        ["-p", "objet", "les violences et menaces envers les élus locaux et la protection des "
         "maires (ampleur et évolution des atteintes, victimes et nature des faits, "
         "démissions de maires, réponse pénale et circulaires aux parquets, protection "
         "fonctionnelle et loi du 21 mars 2024, centre d'analyse et de lutte contre les "
         "atteintes aux élus, plan national et pack sécurité, formations de la gendarmerie, "
         "dépôt de plainte et soutien psychologique, limites)",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Commune de Vauclerc-sur-Aubette"]),
    "eau et assainissement (exam, 3 axes)": (
        BENCH / "eau_assainissement" / "dossier.txt",
        [BENCH / "eau_assainissement" / "key_ideas.yaml"], []),
    "gens du voyage (folder)": (
        BENCH / "gens_du_voyage" / "articles",
        [BENCH / "gens_du_voyage" / "key_ideas.yaml"],
        ["-p", "objet", "l'accueil des gens du voyage et le rôle des communes et des "
         "intercommunalités (schéma départemental, aires d'accueil et de grand passage, "
         "compétence des EPCI depuis la loi NOTRe, obligations et taux de réalisation, pouvoirs "
         "du maire et procédure d'évacuation, installations illicites, loi du 7 novembre 2018, "
         "financement, terrains familiaux et habitat adapté, scolarisation, limites)",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Commune de Montferrand-sur-Ardoise"]),
    "trait de côte (exam, 3 axes)": (
        BENCH / "trait_de_cote" / "dossier.txt",
        [BENCH / "trait_de_cote" / "key_ideas.yaml"], []),
    "absentéisme des agents (folder)": (
        BENCH / "absenteisme_agents" / "articles",
        [BENCH / "absenteisme_agents" / "key_ideas.yaml"],
        ["-p", "objet", "l'absentéisme et la santé au travail des agents territoriaux (taux "
         "d'absentéisme et études Sofaxis/Relyens, Cour des comptes, jour de carence, accidents "
         "du travail et maladies professionnelles, troubles musculo-squelettiques, vieillissement "
         "et usure professionnelle, document unique et prévention des risques psychosociaux, "
         "médecine préventive, centres de gestion, reclassement, coût de l'absentéisme, exemples "
         "de collectivités, protection sociale complémentaire obligatoire)",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Communauté d'agglomération de Brenois-Vallée"]),
    "énergies renouvelables (exam, 3 axes)": (
        BENCH / "energies_renouvelables" / "dossier.txt",
        [BENCH / "energies_renouvelables" / "key_ideas.yaml"], []),
    "écoles rurales (folder)": (
        BENCH / "ecoles_rurales" / "articles",
        [BENCH / "ecoles_rurales" / "key_ideas.yaml"],
        ["-p", "objet", "l'école en milieu rural et les communes face à la baisse démographique "
         "(baisse des effectifs et fermetures de classes, carte scolaire, regroupements "
         "pédagogiques intercommunaux dispersés ou concentrés, compétence scolaire des communes "
         "et charges : bâtiments, ATSEM, cantine, transport scolaire, conventions ruralité et "
         "observatoires des dynamiques rurales, moratoire sur les fermetures, protocole "
         "État-AMF, classes multi-niveaux, territoires éducatifs ruraux, réussite des élèves "
         "ruraux, limites)",
         "-p", "destinataire", "Directeur général des services",
         "-p", "collectivite", "Communauté de communes du Val d'Aubrelle (14 200 habitants, "
         "27 communes)"]),
}
DATE = "2026-12-01"
FORM_KEYS = ["sentences", "body_words", "verbatim", "fragments", "debris", "copied_titles",
             "max_part"]


def run(dossier: Path, out: Path, extra: list[str]) -> None:
    cmd = [str(ROOT / ".venv" / "bin" / "ianote"), "run", "--dossier", str(dossier),
           "--output-dir", str(out), "-p", "date", DATE, *extra]
    subprocess.run(cmd, check=True, capture_output=True, text=True)


def form(out: Path, tool: Path | None) -> dict[str, str]:
    if tool is None or not tool.exists():
        return {}
    done = subprocess.run([sys.executable, str(tool), str(out)], capture_output=True,
                          text=True, check=True)
    last = done.stdout.strip().splitlines()[-1]
    return dict(re.findall(r"(\w+)=(\S+)", last))


def ideas(markdown: str, grids: list[Path]) -> list[int]:
    """The key ideas of each grid that a note covers."""
    paragraphs = markdown_paragraphs(markdown)
    return [sum(coverage(paragraphs, load_grid(g)).values()) for g in grids if g.exists()]


def over_draws(out: Path, grids: list[Path], draws: int) -> str:
    """The key ideas of the note composed again from `out`'s tables under `draws` draws of the
    topics' starts: mean [min–max]."""
    totals = []
    try:
        for k in range(draws):
            built_plan.TOPIC_SEED = 7919 * k
            note = compose_from_processed(out / "data" / "processed", plan="default",
                                          date=DATE, root=out)
            totals.append(sum(ideas(render_markdown(note), grids)))
    finally:
        built_plan.TOPIC_SEED = 0
    return f"{sum(totals) / len(totals):.1f} [{min(totals)}–{max(totals)}]"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("work", nargs="?", default="/tmp/ianote-quality")
    parser.add_argument("--form", default=str(ROOT.parent / "shared" / "tools" / "note_form.py"))
    parser.add_argument("--draws", type=int, default=0)
    args = parser.parse_args()
    tool = Path(args.form) if args.form else None
    spread = [f"ideas over {args.draws} draws"] if args.draws else []
    print("| dossier | key ideas | lone | " + " | ".join(FORM_KEYS + spread) + " |")
    print("|---|---|---|" + "---|" * len(FORM_KEYS + spread))
    for name, (dossier, grids, extra) in DOSSIERS.items():
        out = Path(args.work) / re.sub(r"\W+", "_", name)
        run(dossier, out, extra)
        markdown = (out / "reports" / "note.md").read_text("utf-8")
        cells = [f"{hit}/{len(load_grid(g))}" for hit, g in
                 zip(ideas(markdown, grids), [g for g in grids if g.exists()], strict=True)]
        measures = form(out, tool)
        if args.draws:
            measures[spread[0]] = over_draws(out, grids, args.draws)
        lone, told = lone_sentences(markdown)
        print(f"| {name} | {' + '.join(cells) or '—'} | {lone}/{told} | "
              + " | ".join(measures.get(k, "—") for k in FORM_KEYS + spread) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
