"""Quality floors against the hand-checked gold (`make eval` prints the full table)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import evaluate
from extract.pipeline import process

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def scores() -> dict[str, evaluate.Score]:
    gold_dir = ROOT / "tests" / "gold"
    names = set().union(*(evaluate.load_gold(gold_dir, e) for e in evaluate.ENTITIES))
    results = {name: process(ROOT / "corpus" / name) for name in sorted(names)}
    return evaluate.evaluate(results, gold_dir)


def test_gold_covers_every_corpus_text_document():
    names = set(evaluate.load_gold(ROOT / "tests" / "gold", "legal_refs"))
    corpus = {p.name for p in (ROOT / "corpus").iterdir() if p.suffix in (".txt", ".md")}
    assert corpus <= names


def test_legal_refs_precision_and_recall(scores):
    s = scores["legal_refs"]
    assert s.precision >= 0.98, s.errors
    assert s.recall >= 0.97, s.errors


def test_legal_ref_type_right_for_every_reference(scores):
    assert scores["legal_refs"].accuracy("type") == 1.0, scores["legal_refs"].errors


def test_issue_date_attached_wherever_printed(scores):
    assert scores["legal_refs"].accuracy("issue_date") >= 0.99, scores["legal_refs"].errors


def test_header_fields_of_every_document_with_gold():
    gold_dir = ROOT / "tests" / "gold"
    names = sorted(evaluate.load_gold(gold_dir, "documents"))
    text_names = [n for n in names if not n.endswith(".pdf")]  # PDFs: tests/test_formats_pdf.py
    results = {n: process(ROOT / "corpus" / n) for n in text_names}
    s = evaluate.score_documents(results, evaluate.load_gold(gold_dir, "documents"))
    assert s.fn == 0, s.errors


def test_targets_floors(scores):
    s = scores["targets"]
    assert s.precision >= 0.90 and s.recall >= 0.90, s.errors
    assert s.accuracy("comparator") >= 0.95, s.errors
    assert s.accuracy("kind") == 1.0, s.errors  # no result counted as a target, nor the reverse


def test_deadlines_floors(scores):
    s = scores["deadlines"]
    assert s.precision >= 0.95 and s.recall >= 0.95, s.errors
    assert s.accuracy("dates") >= 0.98, s.errors


def test_tasks_floors(scores):
    s = scores["tasks"]
    assert s.precision >= 0.95 and s.recall >= 0.95, s.errors
    assert s.accuracy("lead") >= 0.95, s.errors
    assert s.accuracy("support") >= 0.90, s.errors
    assert s.accuracy("deadline_text") >= 0.95, s.errors
