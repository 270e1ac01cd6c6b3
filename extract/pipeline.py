"""One document: read → normalize → structure → extract → (link happens across the batch)."""

from __future__ import annotations

import time
from pathlib import Path

from . import structure
from .extractors import deadlines, legal_refs
from .model import Document, Extraction
from .read import ReadError, read_document, sha256_of


def process(path: Path) -> Extraction:
    """Run every stage on one file; never raises: failures become a ``failed`` extraction."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    try:
        doc = read_document(path)
    except ReadError as exc:
        return _failed(path, str(exc), timings)
    except Exception as exc:
        return _failed(path, f"reader crashed: {type(exc).__name__}: {exc}", timings)
    timings["read"] = time.perf_counter() - t0
    result = Extraction(document=doc, timings=timings)
    try:
        t = time.perf_counter()
        result.info, result.sections = structure.analyze(doc)
        timings["structure"] = time.perf_counter() - t
        t = time.perf_counter()
        result.legal_refs = legal_refs.extract(doc, result.info, result.sections)
        timings["legal_refs"] = time.perf_counter() - t
        t = time.perf_counter()
        result.deadlines = deadlines.extract(doc, result.info, result.sections, result.legal_refs)
        timings["deadlines"] = time.perf_counter() - t
        # (targets and tasks stages are wired here, each in its own block)
    except Exception as exc:
        result.status = "partial"
        result.error = f"extraction failed: {type(exc).__name__}: {exc}"
    if result.status == "ok" and doc.warnings and doc.ocr:
        result.status = "partial"
    timings["total"] = time.perf_counter() - t0
    return result


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
