"""Command line: `ianote run`, `ianote batch` and `ianote ask`."""

from __future__ import annotations

import argparse
import logging
import sys
import warnings
from pathlib import Path
from typing import Any

import yaml

from ianote_lib.errors import IanoteError, ParametersError
from ianote_lib.fr.normalize import french_typography

PARAMETERS_HELP = """\
notebook parameters (-p NAME VALUE, or in --params FILE.yml):
  dossier      path of the dossier (PDF, text, or a folder of one file per document)
               — same as --dossier
  destinataire recipient of the note (e.g. "Directrice générale des services"),
  collectivite collectivité and object of the note: needed for a folder of documents,
  objet        which has no commande (default: a "to be stated" mention in the header)
  date         date of the note, ISO YYYY-MM-DD (default: today)
  plan         plan of the note: "default", "auto" or the path of a plan YAML file
  citations    "doc" for (doc. 3) citations in the note, "none" for a clean text
  overrides    path of the analyst's overrides YAML (read, never written; default:
               overrides/note.yml in the project when it exists)
  top_keywords number of keywords shown per document (default 10)

examples:
  ianote run
  ianote run --dossier autre_dossier.pdf --output-dir runs/autre -p date 2026-12-01
  ianote run --dossier articles/ -p objet "la sobriété hydrique" -p collectivite Villeneuve
  ianote run --params params.yml -p citations none
"""

BATCH_HELP = """\
Each file (PDF, TXT, MD) or sub-folder of DIR is one dossier; its outputs go to
OUT/<name>/.
A dossier that fails does not stop the others. The summary is printed and written to
OUT/batch_summary.csv and OUT/batch_summary.md. Exit status 1 when a dossier failed.

examples:
  ianote batch dossiers/ --output-dir runs/
  ianote batch dossiers/ --output-dir runs/ --jobs 1 -p date 2026-12-01
"""


ASK_HELP = """\
examples:
  ianote ask "Quel est le montant des amendes prévues par le règlement européen ?"
  ianote ask "coût de la vidéosurveillance" --dossier autre_dossier.pdf --top 5
  ianote ask "formation des agents" --csv formation.csv
"""


def _parse_value(text: str) -> Any:
    """A -p value as YAML would read it (numbers, booleans, null), else the plain string."""
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return text
    return value if isinstance(value, (int, float, bool, type(None))) else text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ianote",
        description="ianote: tables, charts and a sourced note from a dossier of documents.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser(
        "run",
        help="run every notebook with papermill and export the reports",
        description="Execute notebooks/01_… to 05_… in order with papermill, keep the executed "
        "notebooks in reports/notebooks/, write tables to data/processed/, charts to figures/, "
        "and export reports/analysis.html and reports/note.html (self-contained). Outputs are "
        "moved into place only when the whole run succeeds.",
        epilog=PARAMETERS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument("--dossier", type=Path,
                     help="dossier to read: a PDF, a text, or a folder of one file per document "
                     "(default: data/raw/ embedded)")
    run.add_argument("--output-dir", type=Path, metavar="DIR",
                     help="where data/processed/, figures/, reports/ go (default: project root)")
    run.add_argument("--verbose", "-v", action="store_true",
                     help="show papermill's progress bar for each notebook")
    _common_options(run)
    batch = sub.add_parser(
        "batch",
        help="run every dossier of a folder, in parallel processes",
        description="Run the whole pipeline on each dossier of DIR, each into its own output "
        "folder, several at a time.",
        epilog=BATCH_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    batch.add_argument("folder", type=Path, metavar="DIR", help="folder of dossiers")
    batch.add_argument("--output-dir", type=Path, metavar="OUT", required=True,
                       help="where each dossier's outputs go (OUT/<name>/)")
    batch.add_argument("--jobs", "-j", type=int, metavar="N",
                       help="dossiers run at once (default: as many as cores)")
    _common_options(batch)
    ask = sub.add_parser(
        "ask",
        help="the dossier's passages that answer a question",
        description="Print the sentences of the dossier that answer QUESTION, grouped by "
        "document, with their citation, page and figures: a way to check a point before "
        "writing it.",
        epilog=ASK_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ask.add_argument("question", help="the question, in French")
    ask.add_argument("--dossier", type=Path,
                     help="dossier to read (default: data/raw/ embedded)")
    ask.add_argument("--top", type=int, default=12, metavar="N",
                     help="at most N passages (default 12)")
    ask.add_argument("--csv", type=Path, metavar="FILE.csv",
                     help="also write the passages as a table (a new file: never overwritten)")
    ask.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                     help="show tracebacks on errors")
    return parser


def _common_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--params", type=Path, metavar="FILE.yml",
                         help="YAML file of notebook parameters")
    command.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                         metavar=("NAME", "VALUE"), help="one notebook parameter, as papermill -p")
    command.add_argument("--no-cache", action="store_true",
                         help="run every stage even when its inputs did not change")
    command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                         help="show tracebacks on errors")


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
    result = run(dossier=dossier, output_dir=output_dir, parameters=params,
                 progress=args.verbose, use_cache=not args.no_cache)
    print(f"Terminé en {result.seconds:.1f} s ; sorties dans {result.output_dir}")
    for report in result.reports:
        print(f"  {report}")
    return 0


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
                        use_cache=not args.no_cache)
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
