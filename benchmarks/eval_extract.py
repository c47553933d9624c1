"""Score the extractor on an annotated corpus (docs/NNN.txt + gold.jsonl).

Run: .venv/bin/python benchmarks/eval_extract.py tests/data/extract_own_dev [--verbose]
The project's own corpus (tests/data/extract_own_dev, texts written for the project) is
the default; any corpus in the same layout works (e.g. ../shared/eval-dev).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sanctionwatch.extract.evaluate import score_corpus

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "data" / "extract_own_dev"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--verbose", action="store_true", help="list misses and false alarms")
    args = ap.parse_args()
    result = score_corpus(args.corpus)
    print(result.summary())
    if args.verbose:
        for tag, rows in (("MISS ", result.misses), ("FALSE", result.false)):
            for doc, row in rows:
                brief = {k: row.get(k) for k in ("type", "from", "to", "item", "quantity",
                                                 "unit", "when", "stance")}
                print(doc, tag, json.dumps(brief, ensure_ascii=False))


if __name__ == "__main__":
    main()
