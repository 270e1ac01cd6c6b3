"""``extract.bench_units``: unit detection beside underthesea.ner prints its rows.

Only that the rows come out with numbers for both methods: the speed depends on the machine
and which method is better is what the benchmark reports, not what a test fixes.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from extract.bench_units import unit_rows

ROOT = Path(__file__).resolve().parents[1]
DOC = "quan8-mn-hoaphuong-kh-cai-cach-hanh-chinh-2023"

_ROW_RE = re.compile(
    r"^(?P<method>.+?)\s+(?P<mbs>\d+\.\d+)\s+(?P<sps>\d+\.\d+)\s+-\s+"
    r"units (?P<p>\d\.\d{3}) / (?P<r>\d\.\d{3}) \(tp (?P<tp>\d+), fp (?P<fp>\d+), fn (?P<fn>\d+)\)$"
)


def test_unit_rows_on_one_document(tmp_path: Path):
    corpus = tmp_path / "corpus"
    gold = tmp_path / "gold" / "tasks"
    corpus.mkdir()
    gold.mkdir(parents=True)
    shutil.copy(ROOT / "corpus" / f"{DOC}.txt", corpus)
    shutil.copy(ROOT / "tests" / "gold" / "tasks" / f"{DOC}.yaml", gold)

    lines = unit_rows(corpus, tmp_path / "gold")

    assert lines[0].startswith("units: 2 gold task spans"), lines
    assert lines[1].split()[:2] == ["method", "MB/s/core"], lines
    rows = {m.group("method"): m for line in lines[2:] if (m := _ROW_RE.match(line))}
    assert set(rows) == {"vnplan units (units_at + parse)", "underthesea.ner ORG+LOC"}, lines
    for m in rows.values():
        assert float(m.group("sps")) > 0 and float(m.group("mbs")) >= 0, m.group(0)
        assert 0.0 <= float(m.group("p")) <= 1.0 and 0.0 <= float(m.group("r")) <= 1.0
        # every gold name is either found or missed, on the same gold for both methods
        assert int(m.group("tp")) + int(m.group("fn")) == 3, m.group(0)
