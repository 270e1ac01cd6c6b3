"""The output folder, the legal-reference index and the queries over index.sqlite."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from extract.dataset import write_dataset
from extract.index import citing_docs, index_entry, query_refs
from extract.link import build_legal_index, locality_of
from extract.model import (
    Deadline,
    Document,
    DocumentInfo,
    Extraction,
    LegalRef,
    Section,
    Target,
    Task,
    Unit,
)
from extract.report import render_report

CHECKER = Path(__file__).resolve().parents[1].parent / "shared" / "tools" / "check_contract.py"

HAIPHONG_TEXT = (
    "KẾ HOẠCH\nTuyên truyền dịch vụ công trực tuyến <năm 2022>\n"
    "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế "
    "một cửa, một cửa liên thông trong giải quyết thủ tục hành chính;\n"
    + "Các cơ quan, đơn vị tổ chức tuyên truyền sâu rộng đến cán bộ, giáo viên. " * 4 + "\n"
    "Thực hiện Kế hoạch số 05/KH-UBND ngày 11/01/2021 của Ủy ban nhân dân thành phố;\n"
    "I. MỤC TIÊU\nPhấn đấu 98% hồ sơ giải quyết đúng hạn.\n"
    "Phòng Giáo dục và Đào tạo rà soát thủ tục. Trước ngày 21/02/2022.\n"
)
HUNGYEN_TEXT = (
    "KẾ HOẠCH\nCải cách hành chính năm 2022\n"
    "Thực hiện Kế hoạch số 05/KH-UBND ngày 24/12/2021 của UBND tỉnh Hưng Yên; "
    "triển khai Nghị định 61/2018/NĐ-CP của Chính phủ.\n"
)


def _doc_id(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _ref(doc_id: str, text: str, quote: str, key: str, **fields) -> LegalRef:
    start = text.index(quote)
    number, _, symbol = key.partition("/")
    values = dict(ref_type="Nghị định", number=number, year=None, symbol=symbol,
                  issue_date=None, issuer=None, subject=None, pinpoint=None, relation="can_cu",
                  is_self=False)
    values.update(fields)
    return LegalRef(ref_id=f"{doc_id}:ref:{start}", ref_key=key, quote=quote, char_start=start,
                    char_end=start + len(quote), **values)


def _extraction(text: str, path: str, refs_of, *, place: str | None = None,
                status: str = "ok", **info) -> Extraction:
    doc_id = _doc_id(text)
    document = Document(doc_id=doc_id, source_path=path, source_format="txt",
                        sha256=hashlib.sha256(text.encode()).hexdigest(), text=text)
    return Extraction(document=document, status=status,
                      info=DocumentInfo(place=place, **info), legal_refs=refs_of(doc_id, text))


def haiphong() -> Extraction:
    def refs(doc_id: str, text: str) -> list[LegalRef]:
        return [
            _ref(doc_id, text, "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018", "61/2018/NĐ-CP",
                 year=2018, issue_date=date(2018, 4, 23), issuer="Chính phủ"),
            _ref(doc_id, text, "Kế hoạch số 05/KH-UBND ngày 11/01/2021", "05/KH-UBND",
                 ref_type="Kế hoạch", issue_date=date(2021, 1, 11),
                 issuer="Ủy ban nhân dân thành phố", relation="thuc_hien"),
        ]

    ex = _extraction(HAIPHONG_TEXT, "corpus/haiphong.txt", refs, place="Hải Phòng",
                     doc_type="Kế hoạch", doc_symbol="KH-SGDĐT", issue_date=date(2022, 6, 1),
                     title="Tuyên truyền dịch vụ công trực tuyến <năm 2022>")
    text, doc_id = ex.document.text, ex.document.doc_id
    ex.document.warnings = ["số văn bản để trống"]
    goal = "Phấn đấu 98% hồ sơ giải quyết đúng hạn"
    due = "Trước ngày 21/02/2022"
    task = "Phòng Giáo dục và Đào tạo rà soát thủ tục."
    ex.sections = [Section(f"{doc_id}:sec:1", None, 1, "I.", "MỤC TIÊU",
                           text.index("I. MỤC"), len(text))]
    ex.targets = [Target(f"{doc_id}:target:{text.index(goal)}", 98.0, None, "%", "=",
                         "Phấn đấu", "hồ sơ giải quyết đúng hạn", None, "target", goal,
                         text.index(goal), text.index(goal) + len(goal),
                         section_id=f"{doc_id}:sec:1", section_title="MỤC TIÊU")]
    ex.tasks = [Task(f"{doc_id}:task:{text.index(task)}", task, ["Phòng Giáo dục và Đào tạo"],
                     ["Sở Nội vụ", "Văn phòng"], f"{doc_id}:deadline:{text.index(due)}", due,
                     None, "paragraph", text.index(task), text.index(task) + len(task))]
    ex.deadlines = [Deadline(f"{doc_id}:deadline:{text.index(due)}", "before", None,
                             date(2022, 2, 21), None, due, text.index(due),
                             text.index(due) + len(due), task_id=ex.tasks[0].task_id)]
    ex.units = [Unit(f"{doc_id}:unit:0", ex.tasks[0].task_id, "Phòng Giáo dục và Đào tạo",
                     "Phòng Giáo dục và Đào tạo", "phong", "lead")]
    ex.timings = {"read": 0.01, "extract": 0.02}
    return ex


def hungyen() -> Extraction:
    def refs(doc_id: str, text: str) -> list[LegalRef]:
        return [
            _ref(doc_id, text, "Kế hoạch số 05/KH-UBND ngày 24/12/2021", "05/KH-UBND",
                 ref_type="Kế hoạch", issue_date=date(2021, 12, 24), issuer="UBND tỉnh Hưng Yên",
                 relation="thuc_hien"),
            _ref(doc_id, text, "Nghị định 61/2018/NĐ-CP", "61/2018/nđ-CP", year=2018,
                 issuer="Chính phủ", relation="thuc_hien"),
        ]

    return _extraction(HUNGYEN_TEXT, "corpus/hungyen.txt", refs, place="Hung Yên",
                       status="partial", doc_symbol="KH-SGDĐT")


def failed() -> Extraction:
    document = Document(doc_id=_doc_id("broken"), source_path="corpus/broken.pdf",
                        source_format="pdf", sha256=hashlib.sha256(b"broken").hexdigest())
    return Extraction(document=document, status="failed", error="PDF is encrypted")


def corpus() -> list[Extraction]:
    return [haiphong(), hungyen(), failed()]


def inputs_for(extractions: list[Extraction]) -> list[dict]:
    return [{"path": ex.document.source_path, "status": ex.status, "error": ex.error,
             "timings": {"total": 0.5}} for ex in extractions]


@pytest.fixture
def out(tmp_path: Path) -> Path:
    extractions = corpus()
    folder = tmp_path / "out"
    write_dataset(extractions, folder, tool_version="0.1.0", inputs=inputs_for(extractions),
                  command="vnplan extract corpus -o out")
    return folder


# --- the folder honours the contract ----------------------------------------------------------


def test_the_contract_checker_accepts_the_folder(out: Path) -> None:
    if not CHECKER.is_file():
        pytest.skip(f"{CHECKER} not found")
    result = subprocess.run([sys.executable, str(CHECKER), str(out)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK"), result.stdout


def test_an_empty_run_still_writes_every_table_with_its_columns(tmp_path: Path) -> None:
    write_dataset([], tmp_path / "empty", tool_version="0.1.0", inputs=[])
    refs = pd.read_parquet(tmp_path / "empty" / "legal_refs.parquet")
    assert len(refs) == 0 and {"ref_key", "is_self", "issue_date"} <= set(refs.columns)
    assert str(refs["year"].dtype) == "Int64"
    if CHECKER.is_file():
        result = subprocess.run([sys.executable, str(CHECKER), str(tmp_path / "empty")],
                                capture_output=True, text=True, check=False)
        assert result.stdout.startswith("OK"), result.stdout


def test_columns_keep_their_types(out: Path) -> None:
    refs = pd.read_parquet(out / "legal_refs.parquet")
    assert str(refs["year"].dtype) == "Int64"
    assert refs["is_self"].dtype == bool
    assert refs["issue_date"].dropna().map(type).eq(date).all()
    targets = pd.read_parquet(out / "targets.parquet")
    assert targets["value"].dtype == "float64" and targets["value"].tolist() == [98.0]
    tasks = pd.read_parquet(out / "tasks.parquet")
    assert list(tasks["support_units"][0]) == ["Sở Nội vụ", "Văn phòng"]


def test_the_failed_file_has_a_document_row_and_a_manifest_entry(out: Path) -> None:
    docs = pd.read_parquet(out / "documents.parquet").set_index("source_path")
    assert docs.loc["corpus/broken.pdf", "status"] == "failed"
    assert docs.loc["corpus/broken.pdf", "error"] == "PDF is encrypted"
    assert docs.loc["corpus/haiphong.txt", "n_legal_refs"] == 2
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["tool"] == "vnplan" and manifest["version"] == "0.1.0"
    entry = {f["path"]: f for f in manifest["files"]}["corpus/broken.pdf"]
    assert entry["status"] == "failed" and entry["error"] == "PDF is encrypted"
    haiphong_entry = {f["path"]: f for f in manifest["files"]}["corpus/haiphong.txt"]
    assert haiphong_entry["counts"]["legal_refs"] == 2
    assert haiphong_entry["timings"] == {"read": 0.01, "extract": 0.02, "total": 0.5}


def test_csv_has_a_bom_and_joins_lists(out: Path) -> None:
    raw = (out / "csv" / "tasks.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    tasks = pd.read_csv(out / "csv" / "tasks.csv", encoding="utf-8-sig")
    assert tasks["support_units"][0] == "Sở Nội vụ; Văn phòng"


def test_texts_are_written_as_the_offsets_count_them(out: Path) -> None:
    ex = haiphong()
    assert (out / "texts" / f"{ex.document.doc_id}.txt").read_text(encoding="utf-8") == \
        ex.document.text


def test_writing_twice_gives_identical_tables(tmp_path: Path) -> None:
    files = {}
    for name in ("a", "b"):
        extractions = corpus()
        write_dataset(extractions, tmp_path / name, tool_version="0.1.0",
                      inputs=inputs_for(extractions))
        files[name] = {p.relative_to(tmp_path / name): p.read_bytes()
                       for p in sorted((tmp_path / name).rglob("*"))
                       if p.suffix in (".parquet", ".csv", ".txt")}
    assert len(files["a"]) == 8 + 8 + 3
    assert files["a"] == files["b"]


def test_a_rerun_replaces_the_folder_and_leaves_no_temporary_one(tmp_path: Path) -> None:
    extractions = corpus()
    folder = tmp_path / "out"
    for _ in range(2):
        write_dataset(extractions, folder, tool_version="0.1.0", inputs=[])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_an_interrupted_run_keeps_the_previous_dataset(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "out"
    write_dataset(corpus(), folder, tool_version="0.1.0", inputs=[])
    before = (folder / "legal_refs.parquet").read_bytes()

    def crash(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("extract.dataset.render_report", crash)
    with pytest.raises(KeyboardInterrupt):
        write_dataset([hungyen()], folder, tool_version="0.2.0", inputs=[])
    assert (folder / "legal_refs.parquet").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_leftovers_of_killed_runs_are_removed(tmp_path: Path) -> None:
    (tmp_path / ".out.tmp-999999999").mkdir()  # no such process can exist
    write_dataset(corpus(), tmp_path / "out", tool_version="0.1.0", inputs=[])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_folder_that_is_not_a_dataset_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "thesis.docx").write_text("years of work")
    with pytest.raises(FileExistsError):
        write_dataset(corpus(), tmp_path / "notes", tool_version="0.1.0", inputs=[])
    assert (tmp_path / "notes" / "thesis.docx").read_text() == "years of work"


def test_the_report_escapes_document_text(out: Path) -> None:
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "&lt;năm 2022&gt;" in page and "<năm 2022>" not in page
    assert "PDF is encrypted" in page and "none extracted" in page
    assert "61/2018/NĐ-CP" in page


def test_the_report_renders_empty_tables() -> None:
    page = render_report({}, {"files": []})
    assert page.startswith("<!DOCTYPE html>") and "none extracted" in page


# --- the legal-reference index -------------------------------------------------------------


def _one_ref_doc(text: str, key: str, place: str | None = None, **fields) -> Extraction:
    return _extraction(text, f"{_doc_id(text)}.txt",
                       lambda doc_id, t: [_ref(doc_id, t, t, key, **fields)], place=place)


def test_same_number_in_different_years_is_two_documents() -> None:
    rows = build_legal_index([
        _one_ref_doc("Quyết định số 12/QĐ-UBND ngày 05/01/2021", "12/QĐ-UBND",
                     issue_date=date(2021, 1, 5)),
        _one_ref_doc("Quyết định số 12/QĐ-UBND năm 2022", "12/QĐ-UBND", year=2022),
    ])
    assert [(r["index_id"], r["year"]) for r in rows] == [("12/QĐ-UBND#1", 2021),
                                                         ("12/QĐ-UBND#2", 2022)]
    assert all(r["n_docs"] == 1 for r in rows)


def test_a_mention_without_a_date_joins_the_dated_one() -> None:
    rows = build_legal_index([
        _one_ref_doc("Nghị định số 61/2018/NĐ-CP ngày 23/4/2018", "61/2018/NĐ-CP",
                     issue_date=date(2018, 4, 23)),
        _one_ref_doc("Nghị định 61/2018/nđ-cp", "61/2018/nđ-cp"),
    ])
    assert len(rows) == 1
    row = rows[0]
    assert (row["index_id"], row["ref_key"], row["issue_date"]) == \
        ("61/2018/NĐ-CP", "61/2018/NĐ-CP", date(2018, 4, 23))
    assert (row["n_docs"], row["n_mentions"]) == (2, 2)
    # The same when the undated mention's document sorts first.
    rows = build_legal_index([
        _one_ref_doc("Nghị định 61/2018/nđ-cp", "61/2018/nđ-cp"),
        _one_ref_doc("Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 ...", "61/2018/NĐ-CP",
                     issue_date=date(2018, 4, 23)),
    ])
    assert [r["ref_key"] for r in rows] == ["61/2018/NĐ-CP"]


def test_different_localities_are_different_documents() -> None:
    rows = build_legal_index([
        _one_ref_doc("Kế hoạch 05/KH-UBND của Ủy ban nhân dân thành phố Hải Phòng", "05/KH-UBND",
                     issuer="Ủy ban nhân dân thành phố Hải Phòng"),
        _one_ref_doc("Kế hoạch 05/KH-UBND của UBND tỉnh Hưng Yên", "05/KH-UBND",
                     issuer="UBND tỉnh Hưng Yên"),
        _one_ref_doc("Kế hoạch 05/KH-UBND", "05/KH-UBND"),  # no issuer: no conflict
    ])
    assert {r["locality"] for r in rows} == {"Hưng Yên", "Hải Phòng"}
    assert sum(r["n_mentions"] for r in rows) == 3


def test_an_unnamed_local_issuer_takes_the_citing_documents_place() -> None:
    # Both plans cite "their" 05/KH-UBND without naming the province: two documents.
    cited = dict(issuer="Ủy ban nhân dân thành phố")
    haiphong_plan = _one_ref_doc("Thực hiện Kế hoạch 05/KH-UBND (HP)", "05/KH-UBND", **cited)
    haiphong_plan.info = DocumentInfo(place="Hải Phòng", doc_symbol="KH-SGDĐT")
    hcm_plan = _one_ref_doc("Thực hiện Kế hoạch 05/KH-UBND (HCM)", "05/KH-UBND", **cited)
    hcm_plan.info = DocumentInfo(place="Thành phố Hồ Chí Minh", doc_symbol="KH-SGDĐT")
    rows = build_legal_index([haiphong_plan, hcm_plan])
    assert {r["locality"] for r in rows} == {"Hồ Chí Minh", "Hải Phòng"}


def test_a_locality_printed_in_an_issuer_names_the_row() -> None:
    # The Hưng Yên plan's place line has a typo; the other plan spells the issuer out.
    own = _one_ref_doc("Kế hoạch 196/KH-UBND của UBND tỉnh", "196/KH-UBND", issuer="UBND tỉnh")
    own.info = DocumentInfo(place="Hung Yên", doc_symbol="KH-SGDĐT")
    other = _one_ref_doc("Kế hoạch 196/KH-UBND của UBND tỉnh Hưng Yên", "196/KH-UBND",
                         issuer="UBND tỉnh Hưng Yên")
    rows = build_legal_index([own, other])
    assert [(r["locality"], r["n_docs"]) for r in rows] == [("Hưng Yên", 2)]


def test_failed_documents_do_not_count_and_self_citations_are_counted_apart() -> None:
    broken = _one_ref_doc("Kế hoạch 7/KH-SGDĐT", "7/KH-SGDĐT")
    broken.status = "failed"
    own = _one_ref_doc("Ban hành kèm theo Kế hoạch số 7/KH-SGDĐT", "7/KH-SGDĐT", is_self=True)
    rows = build_legal_index([broken, own])
    assert [(r["n_docs"], r["n_mentions"], r["n_self"]) for r in rows] == [(1, 1, 1)]


def test_localities_are_read_from_issuer_names() -> None:
    assert locality_of("Phòng Giáo dục và Đào tạo Quận 8").key == "quan 8"
    assert locality_of("UBND TP.HCM").key == locality_of("UBND thành phố Hồ Chí Minh").key
    assert locality_of("Chính phủ") is None


# --- index.sqlite ------------------------------------------------------------------------------


def test_full_text_search_finds_mentions_without_diacritics(out: Path) -> None:
    db = out / "index.sqlite"
    hits = query_refs(db, text="mot cua lien thong")
    assert [h["ref_key"] for h in hits] == ["61/2018/NĐ-CP"]
    assert "[" in hits[0]["snippet"] and hits[0]["doc_title"].startswith("Tuyên truyền")
    assert [h["ref_key"] for h in query_refs(db, text="nghi dinh chinh phu mot cua")] == \
        ["61/2018/NĐ-CP"]
    assert query_refs(db, text="vắc xin") == []
    typed = query_refs(db, text='61/2018/NĐ-CP "(')  # typed words, never FTS syntax
    assert [h["index_id"] for h in typed].count("61/2018/NĐ-CP") == 2


def test_key_queries_ignore_case_and_accept_prefixes(out: Path) -> None:
    db = out / "index.sqlite"
    assert len(query_refs(db, key="61/2018/NĐ-CP")) == 2
    assert len(query_refs(db, key="61/2018")) == 2
    assert {h["ref_key"] for h in query_refs(db, key="05/kh-ubnd")} == {"05/KH-UBND"}
    hungyen_id = _doc_id(HUNGYEN_TEXT)
    assert {h["doc_id"] for h in query_refs(db, doc=hungyen_id[:8])} == {hungyen_id}
    assert len(query_refs(db, doc="haiphong.txt")) == 2
    assert query_refs(db, key="05/KH-UBND", doc="haiphong.txt")[0]["is_self"] is False


def test_citing_docs_lists_each_citing_document(out: Path) -> None:
    db = out / "index.sqlite"
    docs = citing_docs(db, "61/2018/nđ-cp")
    assert [d["source_path"] for d in docs] == ["corpus/haiphong.txt", "corpus/hungyen.txt"]
    assert docs[0]["relations"] == ["can_cu"] and docs[1]["n_mentions"] == 1
    # The two provinces' 05/KH-UBND are two documents; an index_id picks one.
    entries = index_entry(db, "05/KH-UBND")
    assert len(entries) == 2
    one = citing_docs(db, entries[0]["index_id"])
    assert len(one) == 1 and one[0]["first_quote"].startswith("Kế hoạch số 05/KH-UBND")


def test_csv_fields_are_quoted_as_the_csv_module_quotes_them(tmp_path: Path) -> None:
    import codecs
    import csv
    import io

    from extract.dataset import _write_csv

    tricky = ["plain", "a,b", 'say "hi"', "two\nlines", "cr\ronly", "crlf\r\n", "", None,
              " edge ", "Sở Nội vụ; Văn phòng"]
    numbers = [2.5, None, 1e16, 0.1 + 0.2, 98.0, -0.0, 1e-05, 3.0, None, 100.0]
    _write_csv({"text": tricky, "value": numbers}, [("text", "str"), ("value", "float")],
               tmp_path / "t.csv")
    expected = io.StringIO()
    writer = csv.writer(expected, lineterminator="\n")
    writer.writerow(["text", "value"])
    writer.writerows(zip(tricky, numbers, strict=True))
    assert (tmp_path / "t.csv").read_bytes() == codecs.BOM_UTF8 + expected.getvalue().encode()
