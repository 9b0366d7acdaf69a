"""How well `note.functions.classify` reads the function of a dossier's sentence, against
`benchmarks/function_labels.csv`: 420 sentences drawn at random from eleven of the evaluation
dossiers (a `dev` set of 210 from five of them, a `test` set of 210 from six others), each
labelled by a reader with the judgement of an attaché (constat, apport, risque, regle, levier,
exemple; a `second` function when two fit; `sure` 0 when they hesitated), from the sentence
and its document's title alone, without seeing the classifier's answer.

usage: .venv/bin/python benchmarks/function_accuracy.py [--errors]

Prints, per set, the share of sentences whose function is the label (`exact`) or one of the
two labels (`either`), then precision and recall per function. The sentence is read alone:
the rules that read its document (a text of law, an instruction: `as_rules`) are not applied.
Tune on `dev`; `test` says whether a rule generalises.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ianote_lib.note.functions import FUNCTIONS, classify  # noqa: E402

LABELS = ROOT / "benchmarks" / "function_labels.csv"


def report(labels: pd.DataFrame, errors: bool = False) -> list[str]:
    """The lines of the report for one set of labelled sentences."""
    labels = labels.assign(pred=[classify(t) for t in labels["text"]])
    second = labels["second"].fillna("")
    exact = labels["pred"] == labels["function"]
    either = exact | (labels["pred"] == second)
    out = [f"{len(labels)} sentences: exact {exact.mean():.3f}, either {either.mean():.3f}",
           "| function | labelled | predicted | precision | recall |", "|---|---|---|---|---|"]
    for f in FUNCTIONS:
        hit = int(((labels["pred"] == f) & (labels["function"] == f)).sum())
        told, gold = int((labels["pred"] == f).sum()), int((labels["function"] == f).sum())
        out.append(f"| {f} | {gold} | {told} | {hit / told if told else 0:.2f} | "
                   f"{hit / gold if gold else 0:.2f} |")
    if errors:
        out += [f"  {r.function} → {r.pred}: {r.text[:150]}"
                for r in labels[~either].itertuples()]
    return out


def main() -> int:
    labels = pd.read_csv(LABELS)
    for name, part in labels.groupby("set", sort=True):
        print(f"## {name}")
        print("\n".join(report(part, "--errors" in sys.argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
