"""Regression snapshot for speed work: every record the pipeline yields, in canonical JSON.

An optimisation must not change a single output; run this before and after and compare:

    python tools/snapshot.py corpus heldout/corpus heldout2/corpus > /tmp/before.jsonl
    ... change the code ...
    python tools/snapshot.py corpus heldout/corpus heldout2/corpus > /tmp/after.jsonl
    cmp /tmp/before.jsonl /tmp/after.jsonl

It also prints, on standard error, the CPU seconds each stage took over all files, so the
same run tells whether the change paid off. ``--skip-pdf`` leaves PDFs out (their reading
dominates and is not what text-stage work changes).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.pipeline import process
from extract.read import READERS


def _plain(obj):
    if dataclasses.is_dataclass(obj):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, (str, int, float, bool)) or obj is None:
        return obj
    return str(obj)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--skip-pdf", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="process each file N times (timing)")
    args = ap.parse_args(argv)
    files = []
    for d in args.dirs:
        for p in sorted(d.rglob("*") if d.is_dir() else [d]):
            ext = p.suffix.lower()
            if p.is_file() and ext in READERS and not (args.skip_pdf and ext == ".pdf"):
                files.append(p)
    stages: Counter[str] = Counter()
    cpu = 0.0
    for f in files:
        for _ in range(args.repeat):
            t0 = time.process_time()
            r = process(f)
            cpu += time.process_time() - t0
            stages.update(r.timings)
        row = _plain(r)
        row.pop("timings", None)
        print(json.dumps({"file": str(f), **row}, ensure_ascii=False, sort_keys=True))
    print(
        f"{len(files)} files x {args.repeat}, {cpu:.2f} s CPU: "
        + ", ".join(f"{k} {v:.2f}" for k, v in stages.items() if k != "total"),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
