"""``make bench``: throughput and peak memory of ``vnplan extract``, beside baselines.

Not a test: it prints numbers and asserts nothing. Throughput is per core: the corpus text
files are repeated ``--repeat`` times (each copy made distinct by one trailing line, so doc
ids differ) and extracted by one ``vnplan extract --jobs 1`` process; MB/s and documents/s
divide by that process's CPU time (user + system), which other work on the machine does not
inflate; wall time is printed beside it. Baselines on the same run:
- legal references: one regular expression for ``number/symbol`` over the raw file;
- deadlines: ``dateparser.search.search_dates`` (languages=["vi"]) over the same text;
- PDF reading: ``pdfplumber``'s ``extract_text`` alone on the same files;
- responsible units: ``underthesea.ner`` ORG/LOC spans on the same task spans
  (``extract.bench_units``).
Quality columns score each method against the gold in ``tests/gold``.
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
from collections import Counter
from pathlib import Path

from .evaluate import load_gold, locate, ref_key_norm

TEXT_SUFFIXES = {".txt", ".md"}
_NAIVE_REF = re.compile(r"\b\d{1,5}(?:/\d{4})?/[A-ZĐ][A-Za-zĐ0-9-]*|\b\d{1,4}-[A-Z]+/[A-Z]+")


def _make_batch(files: list[Path], repeat: int, dest: Path) -> int:
    total = 0
    for i in range(repeat):
        for f in files:
            data = f.read_bytes() + f"\n\n{i}\n".encode()
            (dest / f"{i:03d}-{f.name}").write_bytes(data)
            total += len(data)
    return total


def _run_extract(inputs: Path, out: Path) -> tuple[float, float, int, str]:
    """Wall time, CPU time and peak RSS (KiB) of one `vnplan extract --jobs 1` process."""
    cmd = [sys.executable, "-m", "extract.cli", "extract", str(inputs), "--out", str(out)]
    cmd += ["--jobs", "1", "--quiet"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss, proc.stderr.strip()


def _prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return f"{p:.3f} / {r:.3f}"


def _regex_baseline(files: list[Path], gold_dir: Path) -> tuple[float, int, str]:
    gold = load_gold(gold_dir, "legal_refs")
    tp = fp = fn = 0
    nbytes = 0
    t0 = time.process_time()
    for f in files:
        raw = f.read_bytes()
        nbytes += len(raw)
        found = {
            ref_key_norm(m.group(0)) for m in _NAIVE_REF.finditer(raw.decode("utf-8", "replace"))
        }
        keys = {
            ref_key_norm(str(r["key"])) for r in (gold.get(f.name) or {}).get("legal_refs") or []
        }
        if f.name in gold:
            tp, fp, fn = tp + len(found & keys), fp + len(found - keys), fn + len(keys - found)
    return time.process_time() - t0, nbytes, _prf(tp, fp, fn)


def _dateparser_baseline(results: dict, gold_dir: Path) -> tuple[float, int, str, list[str]]:
    """search_dates over each document's normalized text, scored like our deadlines."""
    from dateparser.search import search_dates

    gold = load_gold(gold_dir, "deadlines")
    tp = fp = fn = 0
    nbytes = 0
    odd: list[str] = []
    t0 = time.process_time()
    for name, g in gold.items():
        ex = results.get(name)
        if ex is None:
            continue
        text = ex.document.text
        nbytes += len(text.encode())
        found = search_dates(text, languages=["vi"]) or []
        spans, pos = [], 0
        for quote, when in found:
            at = text.find(quote, pos)
            if at < 0:
                continue
            pos = at + len(quote)
            spans.append((at, at + len(quote)))
            if "%" in text[at + len(quote) : at + len(quote) + 2] and len(odd) < 3:
                odd.append(f"{quote!r}% -> {when.date()}")
        gold_spans = [
            locate(text, it.get("quote", ""), it.get("occurrence", 1))
            for it in g.get("deadlines") or []
        ]
        used: set[int] = set()
        for gs in gold_spans:
            hit = next(
                (
                    i
                    for i, s in enumerate(spans)
                    if gs and i not in used and s[0] < gs[1] and gs[0] < s[1]
                ),
                None,
            )
            if hit is None:
                fn += 1
            else:
                used.add(hit)
                tp += 1
        fp += len(spans) - len(used)
    return time.process_time() - t0, nbytes, _prf(tp, fp, fn), odd


def _reading_row(label: str, files: list[Path], how: str, pages: int) -> str:
    """Pages/s per core and peak memory of reading ``files`` in a fresh process: ``how`` is
    ``vnplan`` (our readers) or ``pdfplumber`` (``extract_text`` alone). CPU time counts the
    process and what it waits for (Tesseract), so OCR is charged in full."""
    code = (
        "import resource, sys; from pathlib import Path\n"
        "pages = 0\n"
        "for f in sys.argv[2:]:\n"
        "    if sys.argv[1] == 'pdfplumber':\n"
        "        import pdfplumber\n"
        "        with pdfplumber.open(f) as pdf:\n"
        "            for page in pdf.pages:\n"
        "                page.extract_text(); pages += 1\n"
        "    else:\n"
        "        from extract.read import read_document\n"
        "        read_document(Path(f))\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(
        [sys.executable, "-c", code, how, *map(str, files)], capture_output=True, text=True
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    try:
        peak_kib = int(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return f"{label:<40} failed: {proc.stderr.strip().splitlines()[-1:]}"
    return (
        f"{label:<40} {pages / cpu if cpu else 0:>8.1f} pages/s/core  "
        f"({pages} pages, {cpu:.1f} s CPU, peak {peak_kib / 1024:.0f} MB)"
    )


def _pages(pdf: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def _format_rows(corpus: Path) -> list[str]:
    """PDF (text layer and scanned) and DOCX reading, beside pdfplumber on the same PDFs."""
    from .read import read_document

    pdfs = sorted(corpus.rglob("*.pdf"))
    text_pdfs, scans = [], []
    for p in pdfs:
        try:
            (scans if read_document(p).ocr else text_pdfs).append(p)
        except Exception:  # an unreadable file is not a speed sample
            continue
    rows = []
    if text_pdfs:
        n = sum(map(_pages, text_pdfs))
        label = f"vnplan PDF reader ({len(text_pdfs)} text PDFs)"
        rows.append(_reading_row(label, text_pdfs, "vnplan", n))
        rows.append(_reading_row("pdfplumber extract_text, same PDFs", text_pdfs, "pdfplumber", n))
    if scans:
        n = sum(map(_pages, scans))
        rows.append(
            _reading_row(f"vnplan PDF + OCR ({len(scans)} scanned PDFs)", scans, "vnplan", n)
        )
    # A DOCX has no pages of its own: its PDF rendering (same name) says how many.
    docx = [d for d in sorted(corpus.rglob("*.docx")) if d.with_suffix(".pdf").exists()]
    if docx:
        n = sum(_pages(d.with_suffix(".pdf")) for d in docx)
        rows.append(_reading_row(f"vnplan DOCX reader ({len(docx)} files)", docx, "vnplan", n))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m extract.bench")
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--gold", type=Path, default=Path("tests/gold"))
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args(argv)

    from . import evaluate
    from .pipeline import process

    files = sorted(p for p in args.corpus.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES)
    tmp = Path(tempfile.mkdtemp(prefix="vnplan-bench-"))
    try:
        batch = tmp / "in"
        batch.mkdir()
        nbytes = _make_batch(files, args.repeat, batch)
        ndocs = len(files) * args.repeat
        wall, cpu, peak_kib, err = _run_extract(batch, tmp / "out")
        if "Traceback" in err:
            print(err)
        t0 = time.process_time()
        results = {f.name: process(f) for f in files}
        one_pass = time.process_time() - t0
        stages: Counter[str] = Counter()
        for r in results.values():
            stages.update(r.timings)
        scores = evaluate.evaluate(results, args.gold)
        mb = nbytes / 1e6
        print(
            f"vnplan bench: {ndocs} text documents "
            f"({len(files)} files x {args.repeat}), {mb:.2f} MB"
        )
        print(
            f"\n{'method':<34} {'MB/s/core':>10} {'docs/s/core':>12} {'peak MB':>8}  P / R vs gold"
        )
        refs = scores.get("legal_refs")
        print(
            f"{'vnplan extract (everything)':<34} {mb / cpu:>10.2f} {ndocs / cpu:>12.1f} "
            f"{peak_kib / 1024:>8.0f}  refs {_prf(refs.tp, refs.fp, refs.fn) if refs else '-'}"
        )
        print(f"{'  wall clock, same run':<34} {mb / wall:>10.2f} {ndocs / wall:>12.1f}")
        base_cpu, base_bytes, base_prf = _regex_baseline(files, args.gold)
        print(
            f"{'baseline: one regex for refs':<34} {base_bytes / 1e6 / base_cpu:>10.2f} "
            f"{len(files) / base_cpu:>12.1f} {'-':>8}  refs {base_prf}"
        )
        dl = scores.get("deadlines")
        if dl:
            dp_cpu, dp_bytes, dp_prf, odd = _dateparser_baseline(results, args.gold)
            ours_dl = stages.get("deadlines", 0.0)
            ours_bytes = sum(len(r.document.text.encode()) for r in results.values())
            print(
                f"{'vnplan deadlines stage':<34} {ours_bytes / 1e6 / ours_dl:>10.2f} "
                f"{len(results) / ours_dl:>12.1f} {'-':>8}  deadlines {_prf(dl.tp, dl.fp, dl.fn)}"
            )
            print(
                f"{'dateparser.search_dates':<34} {dp_bytes / 1e6 / dp_cpu:>10.2f} "
                f"{len(results) / dp_cpu:>12.1f} {'-':>8}  deadlines {dp_prf}"
            )
            for o in odd:
                print(f"  dateparser reads a percentage as a date: {o}")
        print(
            f"\nstages, one pass over {len(files)} files ({one_pass:.2f} s CPU): "
            + ", ".join(f"{k} {v:.2f}s" for k, v in stages.items() if k != "total")
        )
        from .bench_units import unit_rows

        print()
        for row in unit_rows(args.corpus, args.gold):
            print(row)
        rows = _format_rows(args.corpus)
        if rows:
            print("\nreading other formats (one process each):")
            for row in rows:
                print(row)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
