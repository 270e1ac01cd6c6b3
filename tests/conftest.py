"""Shared helpers: turn a snippet of a Vietnamese plan into what the pipeline sees.

Every test writes its input to a real file under ``tmp_path`` and goes through the public
reader (``extract.read.read_document``), so the tests exercise decoding, markup removal and
the offsets exactly as a user's file would.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from extract import structure
from extract.extractors import legal_refs
from extract.model import Document, DocumentInfo, LegalRef, Section
from extract.read import read_document


@dataclass
class Parsed:
    """One document after reading, structure analysis and legal-reference extraction."""

    doc: Document
    info: DocumentInfo
    sections: list[Section]
    refs: list[LegalRef]

    @property
    def text(self) -> str:
        return self.doc.text

    def ref_keys(self) -> list[str]:
        return [r.ref_key for r in self.refs]

    def ref(self, key: str) -> LegalRef:
        """The one mention whose ``ref_key`` is ``key`` (letter case ignored, as in eval)."""
        found = [r for r in self.refs if r.ref_key.casefold() == key.casefold()]
        assert len(found) == 1, f"expected one mention of {key!r}, got {self.ref_keys()!r}"
        return found[0]

    def section(self, label: str) -> Section:
        """The one section labelled ``label``."""
        found = [s for s in self.sections if s.label == label]
        assert len(found) == 1, (
            f"expected one section {label!r}, got {[s.label for s in self.sections]!r}"
        )
        return found[0]

    def blocks_of(self, kind: str) -> list[str]:
        return [b.text for b in self.doc.blocks if b.kind == kind]


_counter = itertools.count()


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[..., Path]:
    """Write ``text`` (str, encoded with ``encoding``; or raw bytes) to a fresh file."""

    def _write(text: str | bytes, suffix: str = ".txt", encoding: str = "utf-8") -> Path:
        path = tmp_path / f"plan{next(_counter)}{suffix}"
        path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
        return path

    return _write


@pytest.fixture
def read(write_file: Callable[..., Path]) -> Callable[..., Document]:
    """``read(text)`` → the :class:`Document` the reader builds from a .txt file."""

    def _read(text: str | bytes, suffix: str = ".txt", encoding: str = "utf-8") -> Document:
        return read_document(write_file(text, suffix, encoding))

    return _read


@pytest.fixture
def parse(read: Callable[..., Document]) -> Callable[..., Parsed]:
    """``parse(text)`` → document, header info, sections and legal references."""

    def _parse(text: str | bytes, suffix: str = ".txt", encoding: str = "utf-8") -> Parsed:
        doc = read(text, suffix, encoding)
        info, sections = structure.analyze(doc)
        refs = legal_refs.extract(doc, info, sections)
        return Parsed(doc, info, sections, refs)

    return _parse
