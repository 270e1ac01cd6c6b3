"""End to end through the real command line, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECKER = ROOT.parent / "shared" / "tools" / "check_contract.py"
CORPUS = ROOT / "corpus"


def vnplan(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extract.cli", *args], cwd=cwd, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def batch(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    inputs = tmp_path_factory.mktemp("inputs")
    for name in (
        "hungyen-sgddt-kh05-cai-cach-hanh-chinh-2022.txt",
        "hcm-sgddt-kh-cai-cach-hanh-chinh-2022.txt",
    ):
        (inputs / name).write_bytes((CORPUS / name).read_bytes())
    nested = inputs / "sub" / "deeper"
    nested.mkdir(parents=True)
    (nested / "plan.md").write_text(
        "**KẾ HOẠCH**\n\nCăn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;\n",
        encoding="utf-8",
    )
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (inputs / "scan.xyz").write_bytes(b"not a document")
    (inputs / "broken-utf8.txt").write_bytes("Kế hoạch".encode() + b"\x81\x8d\x8f\x90\x9d" * 400)
    out = tmp_path_factory.mktemp("run") / "out"
    proc = vnplan("extract", str(inputs), "--out", str(out))
    return out, proc


def test_batch_completes_and_reports_each_failure(batch):
    out, proc = batch
    assert proc.returncode == 1, proc.stderr
    for name in ("empty.txt", "binary.txt", "scan.xyz", "broken-utf8.txt"):
        line = next(line for line in proc.stderr.splitlines() if name in line)
        assert line.startswith("failed: ")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    entries = manifest["files"] if isinstance(manifest, dict) else manifest
    statuses = {Path(e["path"]).name: e["status"] for e in entries}
    assert statuses["plan.md"] == "ok"
    assert statuses["hungyen-sgddt-kh05-cai-cach-hanh-chinh-2022.txt"] == "ok"
    assert {statuses[n] for n in ("empty.txt", "binary.txt", "scan.xyz", "broken-utf8.txt")} == {
        "failed"
    }
    docs = pd.read_parquet(out / "documents.parquet")
    failed = docs[docs.status == "failed"]
    assert len(failed) == 4 and failed.error.str.len().gt(0).all()
    assert not failed.error.str.contains("\n").any()


@pytest.mark.skipif(not CHECKER.exists(), reason="../shared/tools/check_contract.py not present")
def test_output_honours_the_contract(batch):
    out, _ = batch
    check = subprocess.run([sys.executable, str(CHECKER), str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.startswith("OK")


def test_every_quote_is_verifiable_in_texts(batch):
    out, _ = batch
    refs = pd.read_parquet(out / "legal_refs.parquet")
    assert len(refs) > 30
    for row in refs.itertuples():
        text = (out / "texts" / f"{row.doc_id}.txt").read_text(encoding="utf-8")
        assert text[row.char_start : row.char_end] == row.quote


def test_same_input_same_output(batch, tmp_path):
    out, _ = batch
    inputs = Path(
        json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"][0]["path"]
    ).parent
    again = tmp_path / "again"
    vnplan("extract", str(inputs), "--out", str(again), "--jobs", "1")
    for table in ("documents", "sections", "legal_refs", "legal_index"):
        a = pd.read_parquet(out / f"{table}.parquet")
        b = pd.read_parquet(again / f"{table}.parquet")
        pd.testing.assert_frame_equal(a, b)


def test_refs_command_finds_citing_documents(batch):
    out, _ = batch
    proc = vnplan("refs", "61/2018/NĐ-CP", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "61/2018/NĐ-CP" in proc.stdout


def test_all_good_inputs_exit_zero(tmp_path):
    good = tmp_path / "plan.txt"
    good.write_text(
        "KẾ HOẠCH\nThực hiện Quyết định số 4424/QĐ-UBND ngày 31/12/2021;\n", encoding="utf-8"
    )
    proc = vnplan("extract", str(good), "--out", str(tmp_path / "out"), "--quiet")
    assert proc.returncode == 0, proc.stderr
    refs = pd.read_parquet(tmp_path / "out" / "legal_refs.parquet")
    assert refs.ref_key.tolist() == ["4424/QĐ-UBND"]


def test_missing_input_is_a_failed_row_not_a_crash(tmp_path):
    proc = vnplan("extract", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    assert "nope.txt" in proc.stderr
