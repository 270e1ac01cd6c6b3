"""One document: read → normalize → structure → extract → (link happens across the batch)."""

from __future__ import annotations

import time
from pathlib import Path

from . import structure
from .extractors import deadlines, legal_refs, targets, tasks
from .model import Document, Extraction
from .normalize import clear_caches
from .read import ReadError, read_document, sha256_of


def process(path: Path) -> Extraction:
    """Run every stage on one file; never raises: failures become a ``failed`` extraction."""
    timings: dict[str, float] = {}
    clear_caches()
    t0 = time.perf_counter()
    try:
        doc = read_document(path)
    except ReadError as exc:
        return _failed(path, str(exc), timings)
    except Exception as exc:
        return _failed(path, f"reader crashed: {type(exc).__name__}: {exc}", timings)
    timings["read"] = time.perf_counter() - t0
    result = Extraction(document=doc, timings=timings)
    for name, stage in _STAGES:
        t = time.perf_counter()
        try:
            stage(result)
        except Exception as exc:  # keep what the other stages found
            result.status = "partial"
            error = f"{name} failed: {type(exc).__name__}: {exc}".splitlines()[0]
            result.error = f"{result.error}; {error}" if result.error else error
        timings[name] = time.perf_counter() - t
    timings["total"] = time.perf_counter() - t0
    return result


def _structure(r: Extraction) -> None:
    r.info, r.sections = structure.analyze(r.document)


def _legal_refs(r: Extraction) -> None:
    r.legal_refs = legal_refs.extract(r.document, r.info, r.sections)


def _deadlines(r: Extraction) -> None:
    r.deadlines = deadlines.extract(r.document, r.info, r.sections, r.legal_refs)


def _targets(r: Extraction) -> None:
    r.targets = targets.extract(r.document, r.info, r.sections, r.legal_refs, r.deadlines)


def _tasks(r: Extraction) -> None:
    # Sets task_id on the deadlines it links, so it runs after them.
    r.tasks, r.units = tasks.extract(r.document, r.info, r.sections, r.deadlines)


# In order: each stage may read what the ones before it found.
_STAGES = (
    ("structure", _structure),
    ("legal_refs", _legal_refs),
    ("deadlines", _deadlines),
    ("targets", _targets),
    ("tasks", _tasks),
)


def _failed(path: Path, reason: str, timings: dict[str, float]) -> Extraction:
    try:
        digest = sha256_of(path.read_bytes())
    except OSError:
        digest = sha256_of(str(path).encode())
    doc = Document(
        doc_id=digest[:16],
        source_path=str(path),
        source_format=path.suffix.lower().lstrip(".") or "unknown",
        sha256=digest,
    )
    return Extraction(document=doc, status="failed", error=reason.splitlines()[0], timings=timings)
