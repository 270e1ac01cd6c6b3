"""Many documents: find the files, process them in parallel, write one dataset."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from .model import Extraction
from .pipeline import process


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """Files given directly, and every non-hidden file below given folders, sorted."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            found.extend(
                f
                for f in sorted(p.rglob("*"))
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        else:
            found.append(p)
    seen: set[Path] = set()
    unique = []
    for f in found:
        key = f.resolve() if f.exists() else f
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def run(
    files: list[Path],
    jobs: int | None = None,
    on_done: Callable[[Extraction], None] | None = None,
) -> list[Extraction]:
    """Process ``files``; results come back in input order whatever the worker count."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(files) < 3:
        results = []
        for f in files:
            r = process(f)
            results.append(r)
            if on_done:
                on_done(r)
        return results
    from concurrent.futures import ProcessPoolExecutor  # not needed for one job

    with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
        results = []
        for r in pool.map(process, files, chunksize=1):
            results.append(r)
            if on_done:
                on_done(r)
        return results


def drop_duplicates(results: list[Extraction]) -> tuple[list[Extraction], list[dict]]:
    """Byte-identical inputs share a doc_id; keep the first, report the others."""
    kept: list[Extraction] = []
    dupes: list[dict] = []
    first: dict[str, str] = {}
    for r in results:
        doc_id = r.document.doc_id
        if doc_id in first:
            dupes.append({"path": r.document.source_path, "duplicate_of": first[doc_id]})
            continue
        first[doc_id] = r.document.source_path
        kept.append(r)
    return kept, dupes
