"""Command line: ``vnplan extract``, ``vnplan eval``, ``vnplan refs``. Arguments, progress
and exit codes only; the work happens in ``batch``, ``dataset``, ``evaluate`` and ``index``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vnplan", description=__doc__)
    parser.add_argument("--version", action="version", version=f"vnplan {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract a dataset from files and folders")
    p.add_argument("inputs", nargs="+", type=Path, help="files or folders (searched recursively)")
    p.add_argument("--out", type=Path, default=Path("outputs"), help="output folder (replaced)")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")

    p = sub.add_parser("eval", help="precision/recall/F1 against the gold annotation")
    p.add_argument("--gold", type=Path, default=Path("tests/gold"))
    p.add_argument("--corpus", type=Path, default=Path("corpus"))
    p.add_argument("--errors", action="store_true", help="list every miss and false alarm")

    p = sub.add_parser("refs", help="query the legal-reference index of an output folder")
    p.add_argument("key", nargs="?", help="reference key or prefix, e.g. 4424/QĐ-UBND")
    p.add_argument("--out", type=Path, default=Path("outputs"), help="output folder to query")
    p.add_argument("--text", help="full-text search over the mention context")
    p.add_argument("--doc", help="references cited by this doc_id")
    p.add_argument("--limit", type=int, default=50)

    args = parser.parse_args(argv)
    return {"extract": _extract, "eval": _eval, "refs": _refs}[args.command](args)


def _extract(args: argparse.Namespace) -> int:
    from . import batch, dataset

    missing = [p for p in args.inputs if not p.exists()]
    files = batch.collect_inputs([p for p in args.inputs if p.exists()]) + missing
    if not files:
        print("vnplan: no input files found", file=sys.stderr)
        return 2
    show = not args.quiet and sys.stderr.isatty()
    bar = None
    if show:
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="doc", file=sys.stderr)
    t0 = time.perf_counter()
    results = batch.run(files, jobs=args.jobs, on_done=(lambda _r: bar.update(1)) if bar else None)
    if bar:
        bar.close()
    results, dupes = batch.drop_duplicates(results)
    same_bytes: dict[str, list[str]] = {}
    for d in dupes:
        same_bytes.setdefault(d["duplicate_of"], []).append(d["path"])
    inputs = [
        {
            "path": r.document.source_path,
            "status": r.status,
            "error": r.error,
            "timings": r.timings,
            "identical_files": same_bytes.get(r.document.source_path, []),
        }
        for r in results
    ]
    summary = dataset.write_dataset(results, args.out, tool_version=__version__, inputs=inputs)
    elapsed = time.perf_counter() - t0
    failed = [r for r in results if r.status == "failed"]
    if not args.quiet:
        _print_summary(results, summary, args.out, elapsed, dupes)
    for r in failed:
        print(f"failed: {r.document.source_path}: {r.error}", file=sys.stderr)
    return 1 if failed else 0


def _print_summary(results, summary: dict, out: Path, elapsed: float, dupes: list[dict]) -> None:
    counts = {s: sum(1 for r in results if r.status == s) for s in ("ok", "partial", "failed")}
    print(f"{'document':<58} {'status':<8} {'refs':>5} {'targets':>7} {'deadl.':>6} {'tasks':>5}")
    for r in results:
        name = Path(r.document.source_path).name
        name = name if len(name) <= 57 else name[:54] + "..."
        print(
            f"{name:<58} {r.status:<8} {len(r.legal_refs):>5} {len(r.targets):>7} "
            f"{len(r.deadlines):>6} {len(r.tasks):>5}"
        )
    rows = ", ".join(f"{k} {v}" for k, v in summary.get("rows", summary).items())
    print(
        f"{len(results)} files: {counts['ok']} ok, {counts['partial']} partial, "
        f"{counts['failed']} failed"
        + (f", {len(dupes)} duplicate(s) skipped" if dupes else "")
        + f" in {elapsed:.1f}s → {out}/"
    )
    print(f"rows: {rows}")


def _eval(args: argparse.Namespace) -> int:
    from . import evaluate
    from .pipeline import process

    names: set[str] = set()
    for entity in evaluate.ENTITIES:
        names |= set(evaluate.load_gold(args.gold, entity))
    if not names:
        print(f"vnplan: no gold files under {args.gold}", file=sys.stderr)
        return 2
    results = {}
    for name in sorted(names):
        path = args.corpus / name
        if not path.exists():
            print(f"vnplan: gold names {name} but {path} does not exist", file=sys.stderr)
            return 2
        results[name] = process(path)
    scores = evaluate.evaluate(results, args.gold)
    print(evaluate.format_table(scores))
    if args.errors:
        for entity, s in scores.items():
            for e in s.errors:
                print(f"[{entity}] {e}")
    return 0


def _refs(args: argparse.Namespace) -> int:
    from . import index

    db = args.out / "index.sqlite"
    if not db.exists():
        print(
            f"vnplan: {db} not found; run 'vnplan extract ... --out {args.out}' first",
            file=sys.stderr,
        )
        return 2
    rows = index.query_refs(db, key=args.key, text=args.text, doc=args.doc, limit=args.limit)
    for r in rows:
        date = r.get("issue_date") or ""
        where = Path(r.get("source_path") or r.get("doc_id", "")).name
        page = f" p.{r['page']}" if r.get("page") else ""
        print(
            f"{r.get('ref_key', ''):<24} {r.get('ref_type') or '':<11} {date:<10} "
            f"{r.get('relation') or '':<10} {where}{page}: {r.get('quote', '')}"
        )
    if not rows:
        print("no matching references")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
