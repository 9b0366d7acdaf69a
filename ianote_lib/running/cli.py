"""Command line: `ianote run`, `ianote batch` and `ianote ask`."""

from __future__ import annotations

import argparse
import logging
import re
import sys
import textwrap
import warnings
from pathlib import Path
from typing import Any

import yaml

from ianote_lib.errors import IanoteError, ParametersError, VerificationError
from ianote_lib.fr.normalize import french_typography

PARAMETERS_HELP = """\
paramètres des carnets (-p NOM VALEUR, ou dans --params FICHIER.yml) :
  dossier      chemin du dossier (PDF, texte, ou répertoire d'un fichier par document) ;
               comme --dossier
  destinataire destinataire de la note (par exemple « Directrice générale des services »)
  collectivite collectivité et objet de la note : nécessaires pour un répertoire de
  objet        documents, qui n'a pas de commande (sinon : une mention « à préciser »)
  date         date de la note, AAAA-MM-JJ (par défaut : aujourd'hui)
  plan         plan de la note : « default » (construit pour le dossier et sa commande)
               ou le chemin d'un plan YAML écrit par l'analyste
  citations    « doc » pour citer les documents (doc. 3) dans la note, « none » sans citation
  overrides    fichier YAML des corrections de l'analyste, lu et jamais réécrit (par
               défaut : overrides/note.yml du projet, s'il existe)
  top_keywords nombre de mots-clés affichés par document (par défaut : 10)
  service      service du rédacteur, dans l'en-tête de la note et sous la signature
               (par défaut : celui de la commande)
  redacteur    qui suit l'affaire (« Affaire suivie par » ; par défaut : la fonction du
               rédacteur dans la commande)
  signataire   le bloc de signature (par défaut : la fonction du rédacteur dans la commande)
  modele       document de référence de reports/note.docx (un .docx) ou reports/note.odt
               (un .odt) : styles, mise en page, pied de page ; par défaut :
               ianote_lib/resources/templates/office/

La vérification de la note : chaque contrôle en échec est affiché à la fin de la commande et
marqué dans note.html, note.docx et note.odt ; un texte de l'analyste (overrides/note.yml) en
échec arrête la commande (rien n'est publié, la note marquée est gardée dans reports/failed/),
sauf avec --accepter-anomalies.

Tout est vérifié avant le premier carnet : un paramètre inconnu ou mal écrit, une valeur
invalide, un fichier YAML mal formé (ligne et colonne données), une phrase ou une section
des corrections qui n'existe pas arrêtent la commande avec une phrase qui dit quoi faire.
Une étape dont les entrées n'ont pas changé n'est pas relancée (« inchangé (cache) ») :
après une modification de overrides/note.yml, seul le carnet 05 (la note) est réexécuté.

exemples :
  ianote run
  ianote run --dossier autre_dossier.pdf --output-dir runs/autre -p date 2026-12-01
  ianote run --dossier articles/ -p objet "la sobriété hydrique" -p collectivite Villeneuve
  ianote run --params params.yml -p citations none
"""

BATCH_HELP = """\
Chaque fichier (PDF, TXT, MD) ou sous-dossier de DOSSIERS est un dossier ; ses sorties vont
dans SORTIE/<nom>/.
Un dossier en échec n'arrête pas les autres. Le bilan est affiché et écrit dans
SORTIE/batch_summary.csv et SORTIE/batch_summary.md ; code de retour 1 si un dossier a échoué.

exemples :
  ianote batch dossiers/ --output-dir runs/
  ianote batch dossiers/ --output-dir runs/ --jobs 1 -p date 2026-12-01
"""


ASK_HELP = """\
exemples :
  ianote ask "Quel est le montant des amendes prévues par le règlement européen ?"
  ianote ask "coût de la vidéosurveillance" --dossier autre_dossier.pdf --top 5
  ianote ask "formation des agents" --csv formation.csv
"""

# argparse's own messages, in French (`FrenchParser.error`)
_ARGPARSE_MESSAGES = (
    (r"the following arguments are required: (.+)", r"arguments obligatoires manquants : \1"),
    (r"unrecognized arguments: (.+)", r"arguments inconnus : \1"),
    (r"argument (.+?): invalid int value: (.+)", r"l'option \1 attend un nombre entier (reçu \2)"),
    (r"argument (.+?): expected (\w+) arguments?", r"l'option \1 attend \2 valeur(s)"),
    (r"argument (.+?): expected one argument", r"l'option \1 attend une valeur"),
    (r"argument (.+?): invalid choice: (.+?) \(choose from (.+)\)",
     r"\2 n'est pas une commande connue (commandes : \3)"),
)


def _parse_value(text: str) -> Any:
    """A -p value as YAML would read it (numbers, booleans, null), else the plain string."""
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return text
    return value if isinstance(value, (int, float, bool, type(None))) else text


def _typography(text: str) -> str:
    """French typography for a help text, line by line, except in the command examples
    (their quotes are the shell's)."""
    return "\n".join(line if line.startswith("  ianote ") else french_typography(line)
                     for line in text.split("\n"))


class FrenchFormatter(argparse.RawDescriptionHelpFormatter):
    """Help laid out as written (descriptions, epilogs), its headings and usage in French."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None
                  ) -> None:
        super().add_usage(usage, actions, groups,
                          "utilisation\u00a0: " if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(f"{heading}\u00a0" if heading else heading)


class FrenchParser(argparse.ArgumentParser):
    """An argument parser whose help and errors are in French, with French typography."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("description"):
            kwargs["description"] = textwrap.fill(_typography(kwargs["description"]), 90)
        if kwargs.get("epilog"):
            kwargs["epilog"] = _typography(kwargs["epilog"])
        kwargs.pop("help", None)
        kwargs.setdefault("formatter_class", FrenchFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        self.add_argument("-h", "--help", action="help", help="affiche cette aide et quitte")

    def add_argument(self, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("help") and kwargs["help"] is not argparse.SUPPRESS:
            kwargs["help"] = _typography(kwargs["help"])
        return super().add_argument(*args, **kwargs)

    def error(self, message: str) -> Any:
        for pattern, french in _ARGPARSE_MESSAGES:
            message = re.sub(pattern, french, message)
        self.print_usage(sys.stderr)
        self.exit(2, french_typography(f"{self.prog} : erreur : {message}") + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchParser(
        prog="ianote",
        description="ianote : tableaux, graphiques et une note sourcée à partir d'un dossier "
        "de documents. « ianote COMMANDE --help » détaille chaque commande.",
    )
    parser.add_argument("--debug", action="store_true",
                        help="affiche le détail technique (traceback) des erreurs")
    sub = parser.add_subparsers(dest="command", required=True, title="commandes",
                                metavar="COMMANDE")
    run = sub.add_parser(
        "run",
        help="exécute tous les carnets avec papermill et exporte les rapports",
        description="Exécute notebooks/01_… à 05_… dans l'ordre avec papermill, garde les "
        "carnets exécutés dans reports/notebooks/ (relançables tels quels), écrit les tableaux "
        "dans data/processed/, les graphiques dans figures/, la note dans reports/note.md et "
        "reports/note.html, le rapport d'analyse dans reports/analysis.html (autonomes). Les "
        "sorties ne sont mises en place que si toute l'exécution réussit.",
        epilog=PARAMETERS_HELP,
    )
    run.add_argument("--dossier", type=Path, metavar="CHEMIN",
                     help="dossier à lire : un PDF, un texte, ou un répertoire d'un fichier par "
                     "document (par défaut : le dossier embarqué de data/raw/)")
    run.add_argument("--output-dir", type=Path, metavar="SORTIE",
                     help="où vont data/processed/, figures/ et reports/ (par défaut : la racine "
                     "du projet)")
    run.add_argument("--verbose", "-v", action="store_true",
                     help="affiche la progression de papermill pour chaque carnet")
    _common_options(run)
    _accept_option(run)
    batch = sub.add_parser(
        "batch",
        help="exécute chaque dossier d'un répertoire, en processus parallèles",
        description="Exécute toute la chaîne sur chaque dossier de DOSSIERS, chacun dans son "
        "propre répertoire de sortie, plusieurs à la fois.",
        epilog=BATCH_HELP,
    )
    batch.add_argument("folder", type=Path, metavar="DOSSIERS",
                       help="répertoire des dossiers")
    batch.add_argument("--output-dir", type=Path, metavar="SORTIE", required=True,
                       help="où vont les sorties de chaque dossier (SORTIE/<nom>/)")
    batch.add_argument("--jobs", "-j", type=int, metavar="N",
                       help="dossiers exécutés à la fois (par défaut : autant que de cœurs)")
    _common_options(batch)
    _accept_option(batch)
    ask = sub.add_parser(
        "ask",
        help="les passages du dossier qui répondent à une question",
        description="Affiche les phrases du dossier qui répondent à QUESTION, groupées par "
        "document, avec leur citation, leur page et leurs chiffres : pour vérifier un point "
        "avant de l'écrire.",
        epilog=ASK_HELP,
    )
    ask.add_argument("question", help="la question, en français")
    ask.add_argument("--dossier", type=Path, metavar="CHEMIN",
                     help="dossier à lire (par défaut : le dossier embarqué de data/raw/)")
    ask.add_argument("--top", type=int, default=12, metavar="N",
                     help="au plus N passages (par défaut : 12)")
    ask.add_argument("--csv", type=Path, metavar="FICHIER.csv",
                     help="écrit aussi les passages en tableau (un nouveau fichier : jamais "
                     "écrasé)")
    ask.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                     help="affiche le détail technique (traceback) des erreurs")
    return parser


def _common_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--params", type=Path, metavar="FICHIER.yml",
                         help="fichier YAML des paramètres des carnets")
    command.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                         metavar=("NOM", "VALEUR"),
                         help="un paramètre des carnets, comme papermill -p")
    command.add_argument("--no-cache", action="store_true",
                         help="exécute chaque étape même si ses entrées n'ont pas changé")
    command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                         help="affiche le détail technique (traceback) des erreurs")


def _accept_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--accepter-anomalies", action="store_true", dest="accept_anomalies",
                         help="publie la note même quand le texte de l'analyste échoue à la "
                         "vérification (les phrases en échec restent marquées)")


def load_params(path: Path | None, pairs: list[list[str]]) -> dict[str, Any]:
    """The parameters of the --params file (a YAML error named by its line and column), then
    those of -p, which win."""
    from ianote_lib.yaml_input import read_yaml_file  # start-up: see _run

    params: dict[str, Any] = {}
    if path is not None:
        doc = read_yaml_file(path, "Le fichier de paramètres", ParametersError)
        loaded = {} if doc.data is None else doc.data
        if not isinstance(loaded, dict):
            raise ParametersError(
                f"Le fichier de paramètres « {path} » doit contenir des paires nom: valeur."
            )
        params.update({str(name): value for name, value in loaded.items()})
    for name, value in pairs:
        params[name] = _parse_value(value)
    return params


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = args.debug
    logging.basicConfig(level=logging.WARNING)
    if not debug:
        warnings.simplefilter("ignore")
        logging.getLogger("papermill").setLevel(logging.ERROR)
        logging.getLogger("traitlets").setLevel(logging.ERROR)
    try:
        if args.command == "run":
            return _run(args)
        if args.command == "batch":
            return _batch(args)
        if args.command == "ask":
            return _ask(args)
    except IanoteError as exc:
        if debug:
            raise
        print(french_typography(f"ianote : erreur : {exc}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(french_typography("ianote : interrompu ; les rapports précédents sont intacts."),
              file=sys.stderr)
        return 130
    except Exception as exc:  # an unexpected failure still gets one sentence
        if debug:
            raise
        print(french_typography(f"ianote : erreur inattendue ({type(exc).__name__} : {exc}) ; "
                                "relancez avec --debug pour le détail."), file=sys.stderr)
        return 1
    return 0


def _run(args: argparse.Namespace) -> int:
    # imported when a command runs, not at start-up: `ianote --help` and argument errors stay
    # instant (the runner and the batch bring in the reading stage, the batch pandas)
    from ianote_lib.running.runner import run

    params = load_params(args.params, args.parameter)
    dossier = args.dossier or params.pop("dossier", None)
    output_dir = args.output_dir or params.pop("output_dir", None)
    print("ianote run")
    try:
        result = run(dossier=dossier, output_dir=output_dir, parameters=params,
                     progress=args.verbose, use_cache=not args.no_cache,
                     accept_anomalies=args.accept_anomalies)
    except VerificationError as exc:
        _print_anomalies(exc.anomalies)
        raise
    print(f"Terminé en {result.seconds:.1f} s ; sorties dans {result.output_dir}")
    for report in result.reports:
        print(f"  {report}")
    if result.subjects:
        print(french_typography(result.subjects))
    if result.anomalies is not None:
        _print_anomalies(result.anomalies)
    return 0


def _print_anomalies(anomalies: list) -> None:
    """The note's failed checks, one French line each (see `running.anomalies`)."""
    from ianote_lib.running.anomalies import summary_lines

    for line in summary_lines(anomalies):
        print(french_typography(line))


def _batch(args: argparse.Namespace) -> int:
    from ianote_lib.running.batch import OK, run_batch, summary_markdown  # start-up: see _run

    params = load_params(args.params, args.parameter)
    for name in ("dossier", "output_dir"):
        if params.pop(name, None) is not None:
            print(french_typography(f"ianote batch : paramètre « {name} » ignoré "
                                    "(chaque dossier a le sien)."), file=sys.stderr)
    if args.jobs is not None and args.jobs < 1:
        raise ParametersError("--jobs doit être un entier positif : donnez par exemple --jobs 2.")
    print(f"ianote batch {args.folder}")
    summary = run_batch(args.folder, args.output_dir, params, jobs=args.jobs,
                        use_cache=not args.no_cache, accept_anomalies=args.accept_anomalies)
    print()
    print(french_typography(summary_markdown(summary)))
    failed = int((summary["status"] != OK).sum())
    print(french_typography(f"\n{len(summary) - failed} dossier(s) réussi(s), {failed} en échec ; "
                            f"résumé dans {args.output_dir / 'batch_summary.csv'}"))
    return 1 if failed else 0


def _ask(args: argparse.Namespace) -> int:
    from ianote_lib.context import default_dossier  # start-up: see _run
    from ianote_lib.tables import atomic_write
    from ianote_lib.topics.passages import ask_dossier, passages_text

    if args.top < 1:
        raise ParametersError("--top doit être un entier positif : donnez par exemple --top 5.")
    if args.csv is not None and args.csv.exists():
        raise ParametersError(f"Le fichier « {args.csv} » existe déjà : ianote ne l'écrase pas, "
                              "donnez un autre nom.")
    passages = ask_dossier(args.question, args.dossier or default_dossier(), top=args.top)
    print(french_typography(passages_text(passages, args.question)))
    if args.csv is not None:
        atomic_write(args.csv, lambda tmp: passages.to_csv(tmp, index=False, encoding="utf-8"))
        print(f"Tableau écrit dans {args.csv}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
