"""``make bench``: throughput and peak memory of ``vnplan extract``, beside a baseline.

Not a test: it prints numbers, asserts nothing. The corpus text files are repeated
``--repeat`` times (each copy made distinct by one trailing line, so doc ids differ) and
extracted in one worker process, so MB/s and documents/s are per core. The baseline is
what one would write first: one regular expression for ``number/symbol`` over the raw file,
scored against the same gold, so speed and quality are compared on the same run.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .evaluate import load_gold, ref_key_norm

TEXT_SUFFIXES = {".txt", ".md"}
_NAIVE_REF = re.compile(r"\b\d{1,5}(?:/\d{4})?/[A-ZĐ][A-Za-zĐ0-9-]*|\b\d{1,4}-[A-Z]+/[A-Z]+")


def _make_batch(corpus: Path, repeat: int, dest: Path) -> tuple[list[Path], int]:
    files = sorted(p for p in corpus.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES)
    total = 0
    for i in range(repeat):
        for f in files:
            data = f.read_bytes() + f"\n\n{i}\n".encode()
            out = dest / f"{i:03d}-{f.name}"
            out.write_bytes(data)
            total += len(data)
    return files, total


def _run_extract(inputs: Path, out: Path) -> tuple[float, int, str]:
    """Wall time and peak RSS (KiB) of one `vnplan extract` process with one worker."""
    cmd = [
        sys.executable,
        "-m",
        "extract.cli",
        "extract",
        str(inputs),
        "--out",
        str(out),
        "--jobs",
        "1",
        "--quiet",
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before), proc.stderr.strip()


def _baseline(files: list[Path], gold_dir: Path, repeat: int) -> dict:
    gold = load_gold(gold_dir, "legal_refs")
    tp = fp = fn = 0
    t0 = time.perf_counter()
    nbytes = 0
    for _ in range(repeat):
        for f in files:
            raw = f.read_bytes()
            nbytes += len(raw)
            found = {
                ref_key_norm(m.group(0))
                for m in _NAIVE_REF.finditer(raw.decode("utf-8", "replace"))
            }
            g = gold.get(f.name)
            if g is None or _ != 0:
                continue
            keys = {ref_key_norm(str(r["key"])) for r in g.get("legal_refs") or []}
            tp += len(found & keys)
            fp += len(found - keys)
            fn += len(keys - found)
    elapsed = time.perf_counter() - t0
    return {"seconds": elapsed, "bytes": nbytes, "tp": tp, "fp": fp, "fn": fn}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m extract.bench")
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--gold", type=Path, default=Path("tests/gold"))
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args(argv)

    from . import evaluate
    from .pipeline import process

    tmp = Path(tempfile.mkdtemp(prefix="vnplan-bench-"))
    try:
        batch = tmp / "in"
        batch.mkdir()
        files, nbytes = _make_batch(args.corpus, args.repeat, batch)
        ndocs = len(files) * args.repeat
        elapsed, peak_kib, err = _run_extract(batch, tmp / "out")
        if err and "failed" in err:
            print(err)
        results = {f.name: process(f) for f in files}
        scores = evaluate.evaluate(results, args.gold)
        ours = scores.get("legal_refs")
        base = _baseline(files, args.gold, args.repeat)
        mb = nbytes / 1e6
        print(
            f"vnplan bench: {ndocs} text documents ({len(files)} files x {args.repeat}), "
            f"{mb:.2f} MB, 1 worker process"
        )
        print(
            f"{'method':<34} {'MB/s/core':>10} {'docs/s/core':>12} {'peak MB':>8}  legal refs P / R"
        )
        if ours:
            print(
                f"{'vnplan extract (whole pipeline)':<34} {mb / elapsed:>10.2f} "
                f"{ndocs / elapsed:>12.1f} "
                f"{peak_kib / 1024:>8.0f}  {ours.precision:.3f} / {ours.recall:.3f}"
            )
        bp = base["tp"] / (base["tp"] + base["fp"]) if base["tp"] + base["fp"] else 0.0
        br = base["tp"] / (base["tp"] + base["fn"]) if base["tp"] + base["fn"] else 0.0
        print(
            f"{'baseline: one regex, raw text':<34} {base['bytes'] / 1e6 / base['seconds']:>10.2f} "
            f"{ndocs / base['seconds']:>12.1f} {'-':>8}  {bp:.3f} / {br:.3f}"
        )
        print(
            "(the pipeline's time includes process start-up, reading, structure, extraction "
            "and writing "
            "Parquet, CSV, Excel, SQLite and the report)"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
