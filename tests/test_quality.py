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
    names = set(evaluate.load_gold(gold_dir, "legal_refs"))
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
