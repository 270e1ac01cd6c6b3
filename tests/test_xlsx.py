"""dataset.xlsx is written by extract.xlsx; Excel's own readers must see what we wrote."""

from __future__ import annotations

import warnings
from datetime import date, datetime

import openpyxl
import pandas as pd

from extract.xlsx import write_workbook


def test_workbook_round_trips_through_openpyxl_and_pandas(tmp_path):
    path = tmp_path / "d.xlsx"
    rows = [
        ["05", "Quyết định số 4424/QĐ-UBND <&> \"x\"", 2.5, 2022, True, date(2021, 12, 31)],
        [None, " khoảng trắng ", float("nan"), None, False, None],
        ["bell\x07gone", "x" * 40000, 0.0, -1, None, date(2000, 1, 1)],
    ]
    header = ["number", "quote", "value", "year", "is_self", "issue_date"]
    write_workbook(path, [("legal_refs", header, rows, [10] * 6), ("empty", ["a"], [], [8])])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "no default style" or other complaints
        wb = openpyxl.load_workbook(path)
    ws = wb["legal_refs"]
    assert [c.value for c in ws[1]] == header
    assert ws["A1"].font.b and ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:F4"
    assert ws["A2"].value == "05" and ws["A2"].data_type == "s"  # leading zero kept
    assert ws["B2"].value == 'Quyết định số 4424/QĐ-UBND <&> "x"'
    assert ws["C2"].value == 2.5 and ws["D2"].value == 2022 and ws["E2"].value is True
    assert ws["F2"].value == datetime(2021, 12, 31) and ws["F2"].number_format == "yyyy-mm-dd"
    assert ws["B3"].value == " khoảng trắng " and ws["C3"].value is None
    assert ws["A4"].value == "bellgone" and len(ws["B4"].value) == 32767
    assert wb.sheetnames == ["legal_refs", "empty"]
    frames = pd.read_excel(path, sheet_name=None, dtype={"number": str})
    assert frames["empty"].columns.tolist() == ["a"] and frames["empty"].empty
    assert frames["legal_refs"]["number"].iloc[0] == "05"


def test_same_sheets_same_bytes(tmp_path):
    sheets = [("t", ["a", "b"], [["x", 1], ["y", date(2022, 1, 1)]], [8, 8])]
    write_workbook(tmp_path / "1.xlsx", sheets)
    write_workbook(tmp_path / "2.xlsx", sheets)
    assert (tmp_path / "1.xlsx").read_bytes() == (tmp_path / "2.xlsx").read_bytes()


def test_cells_built_a_column_at_a_time_read_back_like_rows_of_values(tmp_path):
    from extract.xlsx import CellColumns, column_cells

    texts = ["05", " khoảng trắng ", None, "", '<&> "x"', "bell\x07gone", "nul\x00gone",
             "x" * 40000, "\ufffe", "dòng\nmới"]
    columns = {
        "str": texts,
        "int": [1, None, -3, 10**12, 0, 7, None, 2, 3, 4],
        "float": [2.5, None, float("nan"), 0.0, 1e16, 1.0, 2.0, 3.0, 4.0, 5.0],
        "bool": [True, False, None, True, False, True, False, True, False, True],
        "date": [date(2021, 12, 31), None] + [date(2000, 1, 1)] * 8,
        "list": [["a", "b"], [], None, ["đ"], [" x "], ["1"], ["2"], ["3"], ["4"], ["5"]],
    }
    header = list(columns)
    # The same values as rows; column_cells leaves an empty text an empty cell.
    rows = [[("; ".join(v) or None) if k == "list" and v is not None else (v if v != "" else None)
             for k, v in zip(header, row, strict=True)]
            for row in zip(*columns.values(), strict=True)]
    cells = CellColumns([column_cells(kind, values) for kind, values in columns.items()])
    write_workbook(tmp_path / "columns.xlsx", [("t", header, cells, [8] * len(header))])
    write_workbook(tmp_path / "rows.xlsx", [("t", header, rows, [8] * len(header))])
    read = [[[c.value for c in row] for row in openpyxl.load_workbook(tmp_path / name)["t"]]
            for name in ("columns.xlsx", "rows.xlsx")]
    assert read[0] == read[1]
    assert read[0][2][0] == " khoảng trắng " and read[0][6][0] == "bellgone"
