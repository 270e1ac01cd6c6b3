"""Records → tables → the output folder that SCHEMA.md fixes.

Everything the extractors found reaches the analyst through here, so this module is the one
place that decides column order, dtypes, sorting and file formats:

- ``<table>.parquet`` with real types (nullable Int64, float64, bool, date32, list<string>);
- ``csv/<table>.csv`` in UTF-8 with BOM (Excel needs it for Vietnamese), lists ``; ``-joined;
- ``dataset.xlsx`` with one sheet per table; ``index.sqlite`` with full-text search over
  the text around each legal reference; ``texts/<doc_id>.txt``; ``manifest.json``;
  ``report.html``.

Tables hold no timestamps, so the same inputs give byte-identical Parquet and CSV files;
run times live in the manifest only. The folder is built next to ``out_dir`` and swapped in
at the end, so an interrupted run leaves the previous dataset in place.
"""

from __future__ import annotations

import codecs
import csv
import gc
import glob
import hashlib
import io
import json
import os
import re
import shlex
import shutil
import sqlite3
import sys
import types
import typing
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from datetime import UTC, date, datetime
from functools import cache
from itertools import accumulate
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .link import fold_key, link_mentions
from .model import Deadline, Extraction, LegalRef, Section, Target, Task, Unit
from .report import render_report
from .xlsx import CellColumns, column_cells, write_workbook

if TYPE_CHECKING:  # imported when a Parquet file is written: the import alone costs 0.15 s
    import pyarrow as pa

TABLES = ("documents", "sections", "legal_refs", "targets", "deadlines", "tasks", "units",
          "legal_index")

# The contract's columns, in its order (SCHEMA.md); more columns may follow, none may go.
REQUIRED = {
    "documents": "doc_id source_path source_format sha256 status error doc_type doc_number "
    "issue_date place issuer title period n_pages n_chars warnings",
    "sections": "doc_id section_id parent_id level label title char_start char_end",
    "legal_refs": "doc_id ref_id ref_key ref_type number year symbol issue_date issuer subject "
    "pinpoint relation is_self quote char_start char_end page section_id",
    "targets": "doc_id target_id value value_max unit comparator qualifier subject due "
    "section_id section_title quote char_start char_end page",
    "deadlines": "doc_id deadline_id kind start_date end_date recurrence quote char_start "
    "char_end page task_id section_id",
    "tasks": "doc_id task_id text lead_units support_units deadline_id deadline_text output "
    "source section_id page",
    "units": "doc_id unit_id task_id name name_raw unit_type role",
    "legal_index": "ref_key ref_type number year symbol issue_date issuer subject n_docs "
    "n_mentions",
}
RECORD_TYPES: dict[str, type] = {
    "sections": Section, "legal_refs": LegalRef, "targets": Target, "deadlines": Deadline,
    "tasks": Task, "units": Unit,
}
ID_COLUMN = {"documents": "doc_id", "sections": "section_id", "legal_refs": "ref_id",
             "targets": "target_id", "deadlines": "deadline_id", "tasks": "task_id",
             "units": "unit_id", "legal_index": "index_id"}
LIST_SEPARATOR = "; "

# Column kinds: str, int, float, bool, date, list (of strings), json (anything else).
Columns = list[tuple[str, str]]

DOCUMENT_COLUMNS: Columns = [
    ("doc_id", "str"), ("source_path", "str"), ("source_format", "str"), ("sha256", "str"),
    ("status", "str"), ("error", "str"), ("doc_type", "str"), ("doc_number", "str"),
    ("issue_date", "date"), ("place", "str"), ("issuer", "str"), ("title", "str"),
    ("period", "str"), ("n_pages", "int"), ("n_chars", "int"), ("warnings", "list"),
    ("ocr", "bool"), ("doc_symbol", "str"), ("header_year", "int"), ("period_start", "int"),
    ("period_end", "int"),
] + [(f"n_{t}", "int") for t in RECORD_TYPES]
LEGAL_INDEX_COLUMNS: Columns = [
    ("index_id", "str"), ("ref_key", "str"), ("ref_type", "str"), ("number", "str"),
    ("year", "int"), ("symbol", "str"), ("issue_date", "date"), ("issuer", "str"),
    ("subject", "str"), ("n_docs", "int"), ("n_mentions", "int"), ("locality", "str"),
    ("n_self", "int"), ("doc_ids", "list"), ("citing", "list"), ("relations", "list"),
]
# pyarrow type constructors (``pyarrow.<name>()``; lists hold strings).
ARROW_TYPES = {"str": "string", "int": "int64", "float": "float64", "bool": "bool_",
               "date": "date32", "list": "list", "json": "string"}
# (pandas_type, numpy_type) as pandas writes them into a Parquet file's metadata.
PANDAS_TYPES = {"str": ("unicode", "object"), "int": ("int64", "Int64"),
                "float": ("float64", "float64"), "bool": ("bool", "bool"),
                "date": ("date", "object"), "list": ("list[unicode]", "object"),
                "json": ("unicode", "object")}
SQL_TYPES = {"str": "TEXT", "int": "INTEGER", "float": "REAL", "bool": "INTEGER",
             "date": "TEXT", "list": "TEXT", "json": "TEXT"}
FTS_CONTEXT_CHARS = 300
EXCEL_MAX_ROWS = 1_048_575  # one row of the sheet's 1,048,576 is the header


# ---------------------------------------------------------------------------------------------
# Columns


def _kind(annotation: Any) -> str:
    """``int | None`` → int, ``list[str]`` → list, ``date | None`` → date ..."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        annotation = args[0]
    if typing.get_origin(annotation) is list:
        return "list"
    for py_type, kind in ((bool, "bool"), (int, "int"), (float, "float"), (str, "str")):
        if annotation is py_type:
            return kind
    if isinstance(annotation, type) and issubclass(annotation, date):
        return "date"
    return "json"


@cache
def record_columns(table: str) -> Columns:
    """SCHEMA columns first, then every other field of the record type, then links."""
    cls = RECORD_TYPES[table]
    hints = typing.get_type_hints(cls)
    kinds = {"doc_id": "str", **{f.name: _kind(hints[f.name]) for f in fields(cls)}}
    names = REQUIRED[table].split() + [f.name for f in fields(cls)]
    if table == "legal_refs":
        kinds["index_id"] = "str"  # which legal_index row the mention was resolved to
        names.append("index_id")
    return [(n, kinds.get(n, "str")) for n in dict.fromkeys(names)]


def table_columns(table: str) -> Columns:
    if table == "documents":
        return DOCUMENT_COLUMNS
    if table == "legal_index":
        return LEGAL_INDEX_COLUMNS
    return record_columns(table)


# ---------------------------------------------------------------------------------------------
# Tables: every table is held as its columns (name → cells, in row order), each cell already
# the value the files show: str, int, float, bool, date, list of str, or None when missing.


Table = dict[str, list]


def _documents_by_id(extractions: list[Extraction]) -> tuple[list[Extraction], dict[str, list]]:
    """One Extraction per doc_id (identical files give one document); the rest as duplicates."""
    kept: dict[str, Extraction] = {}
    duplicates: dict[str, list[str]] = {}
    for ex in sorted(extractions, key=lambda e: (e.document.doc_id, e.document.source_path)):
        doc_id = ex.document.doc_id
        if doc_id in kept:
            duplicates.setdefault(doc_id, []).append(ex.document.source_path)
        else:
            kept[doc_id] = ex
    return list(kept.values()), duplicates


def _cell(value: Any, kind: str) -> Any:
    if value is None or (isinstance(value, float) and value != value):
        return [] if kind == "list" else None
    if kind == "list":
        return [str(v) for v in value]
    if kind == "date":
        return value.date() if isinstance(value, datetime) else (
            date.fromisoformat(value[:10]) if isinstance(value, str) else value)
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, default=str)
    converters = {"str": str, "int": int, "float": float, "bool": bool}
    return converters[kind](value)


# The type each kind's cells already have, so that most cells skip the conversion.
_NATIVE = {"str": str, "int": int, "float": float, "date": date}


def _column(values: Sequence[Any], kind: str) -> list:
    """Cells of one column; a missing flag is False, as a bool column has no nulls."""
    if kind == "bool":
        if set(map(type, values)) <= {bool}:
            return list(values)
        return [v if type(v) is bool else bool(_cell(v, kind)) for v in values]
    native = _NATIVE.get(kind)
    if native is None:
        return [_cell(v, kind) for v in values]
    if kind != "float" and set(map(type, values)) <= {native, type(None)}:
        return list(values)  # as they should be: one look at the whole column
    # NaN is a float too, and is missing.
    return [v if type(v) is native and v == v else _cell(v, kind) for v in values]


def to_table(rows: list[dict], columns: Columns) -> Table:
    """Row dicts → a table with every column, even when there are no rows."""
    return {name: _column([r.get(name) for r in rows], kind) for name, kind in columns}


def _n_rows(table: Table) -> int:
    return len(next(iter(table.values()), ()))


def _record_table(extractions: list[Extraction], table: str, extra: dict[str, str],
                  warnings: dict[str, list[str]]) -> Table:
    """One record table, ordered by document, then char_start, then extraction order;
    expects one Extraction per doc_id."""
    columns = table_columns(table)
    id_column = ID_COLUMN[table]
    own = {f.name for f in fields(RECORD_TYPES[table])}
    read = [n for n, _ in columns if n in own]
    values_of = attrgetter(*read)
    at_id = read.index(id_column)
    at_start = read.index("char_start") if "char_start" in own else None
    seen: set[str] = set()
    doc_ids: list[str] = []
    records: list[tuple] = []
    for ex in sorted(extractions, key=lambda e: e.document.doc_id):
        doc_id = ex.document.doc_id
        kept = list(map(values_of, getattr(ex, table)))
        ids = [values[at_id] for values in kept]
        if len(set(ids)) != len(ids) or not seen.isdisjoint(ids):
            # An extractor bug must not cost the whole run; the analyst sees it noted.
            kept, dropped = _drop_repeated_ids(kept, at_id, seen)
            warnings.setdefault(doc_id, []).extend(
                f"{table}: dropped a second row with {id_column} {row_id}" for row_id in dropped)
        seen.update(ids)
        if at_start is not None:
            kept.sort(key=lambda v: v[at_start] or 0)  # stable: ties keep extraction order
        records.extend(kept)
        doc_ids.extend([doc_id] * len(kept))
    by_name = dict(zip(read, zip(*records, strict=True) if records else [()] * len(read),
                       strict=True))
    by_name["doc_id"] = doc_ids
    if table == "legal_refs":
        by_name["index_id"] = [extra.get(ref_id) for ref_id in by_name["ref_id"]]
    empty = [None] * len(doc_ids)
    return {name: _column(by_name.get(name, empty), kind) for name, kind in columns}


def _drop_repeated_ids(rows: list[tuple], at_id: int,
                       seen: set[str]) -> tuple[list[tuple], list[str]]:
    """The rows whose id is not in ``seen`` nor earlier in ``rows``, and the ids dropped."""
    kept, dropped = [], []
    for values in rows:
        if values[at_id] in seen:
            dropped.append(values[at_id])
        else:
            seen.add(values[at_id])
            kept.append(values)
    return kept, dropped


def _document_row(ex: Extraction, counts: dict[str, Counter], warnings: list[str]) -> dict:
    doc, info = ex.document, ex.info
    return {
        "doc_id": doc.doc_id, "source_path": doc.source_path,
        "source_format": doc.source_format, "sha256": doc.sha256, "status": ex.status,
        "error": ex.error, "doc_type": info.doc_type, "doc_number": info.doc_number,
        "issue_date": info.issue_date, "place": info.place, "issuer": info.issuer,
        "title": info.title, "period": info.period, "n_pages": doc.n_pages,
        "n_chars": len(doc.text), "warnings": list(doc.warnings) + warnings, "ocr": doc.ocr,
        "doc_symbol": info.doc_symbol, "header_year": info.header_year,
        "period_start": info.period_start, "period_end": info.period_end,
        **{f"n_{t}": counts[t][doc.doc_id] for t in RECORD_TYPES},
    }


def build_tables(extractions: list[Extraction]) -> dict[str, Table]:
    """Every table, deterministically sorted; ``extractions`` hold one per doc_id."""
    index_rows, mention_index = link_mentions(extractions)
    warnings: dict[str, list[str]] = {}
    tables = {t: _record_table(extractions, t, mention_index, warnings) for t in RECORD_TYPES}
    counts = {t: Counter(table["doc_id"]) for t, table in tables.items()}
    tables["documents"] = to_table(
        [_document_row(ex, counts, warnings.get(ex.document.doc_id, [])) for ex in extractions],
        DOCUMENT_COLUMNS)
    tables["legal_index"] = to_table(index_rows, LEGAL_INDEX_COLUMNS)
    return {t: tables[t] for t in TABLES}


def _pandas_metadata(columns: Columns, pyarrow_version: str) -> dict[bytes, bytes]:
    """What ``pyarrow.Table.from_pandas`` records, so that pandas reads the files back with
    these dtypes (nullable Int64 above all); empty when pandas is not installed."""
    import importlib.metadata

    try:
        pandas_version = importlib.metadata.version("pandas")
    except importlib.metadata.PackageNotFoundError:
        return {}
    described = [{"name": name, "field_name": name, "pandas_type": PANDAS_TYPES[kind][0],
                  "numpy_type": PANDAS_TYPES[kind][1], "metadata": None}
                 for name, kind in columns]
    return {b"pandas": json.dumps({
        "index_columns": [], "column_indexes": [], "columns": described, "attributes": {},
        "creator": {"library": "pyarrow", "version": pyarrow_version},
        "pandas_version": pandas_version,
    }).encode("utf8")}


def arrow_schema(columns: Columns) -> pa.Schema:
    import pyarrow as pa

    def arrow_type(kind: str) -> Any:
        return pa.list_(pa.string()) if kind == "list" else getattr(pa, ARROW_TYPES[kind])()

    return pa.schema([(name, arrow_type(kind)) for name, kind in columns],
                     metadata=_pandas_metadata(columns, pa.__version__))


# ---------------------------------------------------------------------------------------------
# Files


def _write_parquet(table: Table, columns: Columns, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(columns)
    arrays = [_arrow_array(table[name], kind) for name, kind in columns]
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema), path)


def _arrow_array(values: list, kind: str) -> pa.Array:
    """One column as an Arrow array, built from its buffers: ``pyarrow.array`` would import
    pandas (a fifth of a second) only to ask whether ``values`` is a pandas object."""
    import numpy as np
    import pyarrow as pa

    n = len(values)
    if kind == "list":  # never null: a missing list is an empty one
        offsets = np.fromiter(accumulate(map(len, values), initial=0), np.int32, n + 1)
        flat = _arrow_array([s for v in values for s in v], "str")
        return pa.ListArray.from_arrays(
            pa.Array.from_buffers(pa.int32(), n + 1, [None, pa.py_buffer(offsets)]), flat)
    if kind == "bool":  # never null
        bits = np.packbits(np.array(values, dtype=bool), bitorder="little")
        return pa.Array.from_buffers(pa.bool_(), n, [None, pa.py_buffer(bits)])
    present = np.array([v is not None for v in values], dtype=bool)
    nulls = n - int(present.sum())
    validity = pa.py_buffer(np.packbits(present, bitorder="little")) if nulls else None
    if kind in ("str", "json"):
        texts = ["" if v is None else v for v in values]
        joined = "\x00".join(texts).encode()  # a NUL byte is never part of a longer character
        if joined.count(0) == n - 1:
            # Where each text starts once the separators are taken out.
            ends = np.flatnonzero(np.frombuffer(joined, np.uint8) == 0) - np.arange(n - 1)
            data = joined.replace(b"\x00", b"")
            offsets = np.concatenate(([0], ends, [len(data)])).astype(np.int32)
        else:  # some text holds a NUL itself
            parts = [text.encode() for text in texts]
            offsets = np.fromiter(accumulate(map(len, parts), initial=0), np.int32, n + 1)
            data = b"".join(parts)
        return pa.Array.from_buffers(pa.string(), n, [validity, pa.py_buffer(offsets),
                                                     pa.py_buffer(data)], nulls)
    if kind == "date":
        epoch = date(1970, 1, 1).toordinal()
        data = np.array([0 if v is None else v.toordinal() - epoch for v in values], np.int32)
        return pa.Array.from_buffers(pa.date32(), n, [validity, pa.py_buffer(data)], nulls)
    dtype, arrow_type = (np.int64, pa.int64()) if kind == "int" else (np.float64, pa.float64())
    data = np.array([0 if v is None else v for v in values], dtype)
    return pa.Array.from_buffers(arrow_type, n, [validity, pa.py_buffer(data)], nulls)


def _flat_column(values: list, kind: str) -> list:
    """A column as text tools show it: lists joined, dates ISO, missing values None."""
    if kind == "list":
        return [LIST_SEPARATOR.join(v) for v in values]
    if kind == "date":
        return [None if v is None else v.isoformat() for v in values]
    return values


def _write_csv(table: Table, columns: Columns, path: Path) -> None:
    """UTF-8 with BOM, "\\n" line ends, fields quoted as ``csv.writer`` (QUOTE_MINIMAL)
    quotes them, floats as repr: the bytes pandas' ``to_csv`` wrote."""
    flat = [_flat_column(table[name], kind) for name, kind in columns]
    if len(columns) == 1:  # csv.writer quotes a row of one empty field: let it
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow([name for name, _ in columns])
            writer.writerows(zip(*flat, strict=True))
        return
    fields = []
    for values, (_, kind) in zip(flat, columns, strict=True):
        text = repr if kind == "float" else str
        if None in values:
            column = ["" if v is None else text(v) for v in values]
        else:
            column = values if kind in ("str", "json") else list(map(text, values))
        joined = "\x00".join(column)
        if any(c in joined for c in _CSV_SPECIAL):
            column = [_csv_quoted(v) if _CSV_SPECIAL_RE.search(v) else v for v in column]
        fields.append(column)
    header = ",".join(_csv_quoted(n) if _CSV_SPECIAL_RE.search(n) else n for n, _ in columns)
    lines = [header, *map(",".join, zip(*fields, strict=True)), ""]
    path.write_bytes(codecs.BOM_UTF8 + "\n".join(lines).encode("utf-8"))


# What makes csv.writer quote a field (with "\n" line ends), and "\r", which some Python
# versions quote too.
_CSV_SPECIAL = (",", '"', "\n", "\r")
_CSV_SPECIAL_RE = re.compile(r'[,"\n\r]')


def _csv_quoted(text: str) -> str:
    """A field that needs quotes, as ``csv.writer`` writes it."""
    if "\r" not in text:
        return '"' + text.replace('"', '""') + '"'
    out = io.StringIO()  # the line end is part of what csv.writer quotes for: keep "\n"
    csv.writer(out, lineterminator="\n").writerow([text])
    return out.getvalue()[:-1]


def _write_texts(extractions: list[Extraction], folder: Path) -> None:
    folder.mkdir()
    for ex in extractions:
        # newline="" keeps "\r\n" as two characters, as the offsets count them.
        with (folder / f"{ex.document.doc_id}.txt").open("w", encoding="utf-8", newline="") as fh:
            fh.write(ex.document.text)


def _write_excel(tables: dict[str, Table], path: Path) -> list[str]:
    """One sheet per table (see ``extract.xlsx`` for why it is written by hand); the cells
    are built a column at a time."""
    notes: list[str] = []
    sheets = []
    for table, data in tables.items():
        columns = table_columns(table)
        n_rows = _n_rows(data)
        if n_rows > EXCEL_MAX_ROWS:
            notes.append(f"dataset.xlsx: {table} cut to {EXCEL_MAX_ROWS} rows; "
                         "the Parquet and CSV files hold all")
        values = {name: data[name][:EXCEL_MAX_ROWS] for name, _ in columns}
        rows = CellColumns([column_cells(_EXCEL_KIND.get(kind, "str"), values[name])
                            for name, kind in columns])
        sheets.append((table, [name for name, _ in columns], rows, _column_widths(columns, values)))
    write_workbook(path, sheets)
    return notes


# How each column kind shows in Excel; anything else is text.
_EXCEL_KIND = {"int": "int", "float": "float", "bool": "bool", "date": "date", "list": "list"}


def _column_widths(columns: Columns, values: dict[str, list[Any]]) -> list[int]:
    """Wide enough to read the header and the first rows, never wider than 60."""
    widths = []
    for name, _ in columns:
        sample = [len(str(v)) for v in values[name][:500] if v is not None]
        widths.append(min(max(max(sample, default=0), len(name)) + 2, 60))
    return [max(w, 8) for w in widths]


# json.dumps(value, ensure_ascii=False), without building an encoder for every value.
_to_json = json.JSONEncoder(ensure_ascii=False).encode


def _sql_column(values: list, kind: str) -> list:
    if kind == "list":
        return ["[]" if not v else _to_json(v) for v in values]
    if kind == "bool":
        return [int(v) for v in values]
    return _flat_column(values, kind)


def _context(text: str, start: int, end: int) -> str:
    """About FTS_CONTEXT_CHARS characters around a mention, on one line."""
    pad = max(0, (FTS_CONTEXT_CHARS - (end - start)) // 2)
    return " ".join(text[max(0, start - pad):end + pad].split())


def _write_sqlite(tables: dict[str, Table], texts: dict[str, str], path: Path,
                  meta: dict[str, str]) -> None:
    con = sqlite3.connect(path)
    try:
        for table, data in tables.items():
            _sql_table(con, table, data, table_columns(table))
        _sql_fts(con, tables["legal_refs"], texts)
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        con.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        con.commit()
    finally:
        con.close()


def _sql_table(con: sqlite3.Connection, table: str, data: Table, columns: Columns) -> None:
    # key_fold lets `vnplan refs` match keys without caring for case (QĐ = qđ), which
    # SQLite's own NOCASE cannot do outside ASCII.
    folded = table in ("legal_refs", "legal_index")
    names = [n for n, _ in columns] + (["key_fold"] if folded else [])
    spec = ", ".join(f'"{n}" {SQL_TYPES[k]}' for n, k in columns)
    con.execute(f'CREATE TABLE "{table}" ({spec}{", key_fold TEXT" if folded else ""})')
    marks = ", ".join("?" for _ in names)
    cols = [_sql_column(data[name], kind) for name, kind in columns]
    if folded:
        cols.append([fold_key(k or "") for k in data["ref_key"]])
    con.executemany(f'INSERT INTO "{table}" VALUES ({marks})', zip(*cols, strict=True))
    id_column = ID_COLUMN[table]
    con.execute(f'CREATE UNIQUE INDEX "ux_{table}_{id_column}" ON "{table}" ("{id_column}")')
    for column in ("doc_id", "ref_key", "key_fold", "index_id"):
        if column in names and column != id_column:
            con.execute(f'CREATE INDEX "ix_{table}_{column}" ON "{table}" ("{column}")')


def search_fold(text: str) -> str:
    """``đ`` → ``d``: the one Vietnamese letter FTS5's ``remove_diacritics`` keeps apart."""
    return text.replace("đ", "d").replace("Đ", "D")  # str.translate is ~20x slower here


def _sql_fts(con: sqlite3.Connection, refs: Table, texts: dict[str, str]) -> None:
    # remove_diacritics 2 lets an analyst type "quyet" and still find "Quyết"; the folded
    # copy of the context makes "dinh" find "định" as well.
    con.execute("CREATE VIRTUAL TABLE mentions_fts USING fts5(ref_id UNINDEXED, "
                "doc_id UNINDEXED, ref_key, context, context_folded, "
                "tokenize = 'unicode61 remove_diacritics 2')")
    rows = []
    for ref_id, doc_id, ref_key, start, end in zip(
            refs["ref_id"], refs["doc_id"], refs["ref_key"], refs["char_start"], refs["char_end"],
            strict=True):
        context = _context(texts.get(doc_id, ""), int(start), int(end))
        rows.append((ref_id, doc_id, ref_key, context, search_fold(context)))
    con.executemany("INSERT INTO mentions_fts VALUES (?, ?, ?, ?, ?)", rows)


# ---------------------------------------------------------------------------------------------
# Manifest


def _sha256(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def _match_inputs(extractions: list[Extraction], inputs: list[dict]) -> tuple[dict, list]:
    """Pair each input entry with its document: by doc_id, else by path as given or resolved."""
    by_path: dict[str, str] = {}
    for ex in extractions:
        by_path[ex.document.source_path] = ex.document.doc_id
        by_path[str(Path(ex.document.source_path).resolve())] = ex.document.doc_id
    matched: dict[str, dict] = {}
    unmatched: list[dict] = []
    for entry in inputs:
        path = str(entry.get("path", ""))
        doc_id = entry.get("doc_id") or by_path.get(path) or by_path.get(str(Path(path).resolve()))
        if doc_id and doc_id not in matched:
            matched[doc_id] = dict(entry)  # a copy: the caller's entries stay as they were
        elif doc_id:  # the same bytes under a second path: one document, noted as duplicate
            matched[doc_id].setdefault("duplicate_paths", []).append(path)
        else:
            unmatched.append(entry)
    return matched, unmatched


def _manifest_entry(ex: Extraction, entry: dict, counts: dict[str, int],
                    duplicates: list[str]) -> dict:
    doc = ex.document
    path = str(entry.get("path") or doc.source_path)
    timings = {**ex.timings, **(entry.get("timings") or {})}
    out = {
        **entry,
        "path": path,
        "sha256": doc.sha256 or entry.get("sha256") or _sha256(path),
        "doc_id": doc.doc_id,
        "status": ex.status,
        "error": ex.error if ex.error is not None else entry.get("error"),
        "source_format": doc.source_format,
        "timings": {k: round(float(v), 4) for k, v in timings.items()},
        "n_chars": len(doc.text),
        "n_pages": doc.n_pages,
        "counts": counts,
    }
    dupes = sorted(set(entry.get("duplicate_paths", [])) | set(duplicates))
    if dupes:
        out["duplicate_paths"] = dupes
    return out


def build_manifest(extractions: list[Extraction], inputs: list[dict], tables: dict[str, Table],
                   *, tool_version: str, command: str,
                   duplicates: dict[str, list[str]]) -> dict:
    matched, unmatched = _match_inputs(extractions, inputs)
    per_doc = {t: Counter(tables[t]["doc_id"]) for t in RECORD_TYPES}
    files = [
        _manifest_entry(ex, matched.get(ex.document.doc_id, {}),
                        {t: per_doc[t][ex.document.doc_id] for t in RECORD_TYPES},
                        duplicates.get(ex.document.doc_id, []))
        for ex in extractions
    ]
    files.sort(key=lambda f: f["path"])
    manifest = {
        "tool": "vnplan",
        "version": tool_version,
        "created_by_command": command,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "status_counts": dict(sorted(Counter(f["status"] for f in files).items())),
        "tables": {t: _n_rows(tables[t]) for t in TABLES},
        "files": files,
    }
    if unmatched:
        manifest["unmatched_inputs"] = unmatched
    return manifest


# ---------------------------------------------------------------------------------------------
# The folder, swapped in whole


def _is_dataset(folder: Path) -> bool:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and manifest.get("tool") == "vnplan"


def _check_replaceable(out_dir: Path) -> None:
    """Refuse to delete anything that is not an earlier dataset (a typo must not cost $HOME)."""
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise FileExistsError(f"{out_dir} exists and is not a folder")
    # Hidden files (a repository's .gitkeep) don't make a folder someone else's.
    if any(not p.name.startswith(".") for p in out_dir.iterdir()) and not _is_dataset(out_dir):
        raise FileExistsError(f"{out_dir} is not empty and holds no vnplan dataset; "
                              "choose another output folder")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _remove_leftovers(out_dir: Path) -> None:
    """Temporary folders of runs that were killed before they could clean up."""
    stem = glob.escape(out_dir.name)
    for pattern in (f".{stem}.tmp-*", f".{stem}.old-*"):
        for folder in out_dir.parent.glob(pattern):
            pid = folder.name.rsplit("-", 1)[-1]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                shutil.rmtree(folder, ignore_errors=True)


def _swap_in(new: Path, out_dir: Path) -> None:
    old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
    if out_dir.exists():
        for keep in out_dir.glob(".*"):
            if keep.is_file():
                shutil.copy2(keep, new / keep.name)
        os.replace(out_dir, old)
    try:
        os.replace(new, out_dir)
    except OSError:
        if old.exists():
            os.replace(old, out_dir)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _write_all(extractions: list[Extraction], folder: Path, *, tool_version: str,
               inputs: list[dict], command: str) -> dict:
    docs, duplicates = _documents_by_id(extractions)
    tables = build_tables(docs)
    (folder / "csv").mkdir()
    for table, data in tables.items():
        columns = table_columns(table)
        _write_parquet(data, columns, folder / f"{table}.parquet")
        _write_csv(data, columns, folder / "csv" / f"{table}.csv")
    _write_texts(docs, folder / "texts")
    notes = _write_excel(tables, folder / "dataset.xlsx")
    manifest = build_manifest(docs, inputs, tables, tool_version=tool_version, command=command,
                              duplicates=duplicates)
    if notes:
        manifest["notes"] = notes
    texts = {ex.document.doc_id: ex.document.text for ex in docs}
    _write_sqlite(tables, texts, folder / "index.sqlite",
                  {"tool": "vnplan", "version": tool_version})
    (folder / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    (folder / "report.html").write_text(render_report(tables, manifest), encoding="utf-8")
    return {"out_dir": None, "rows": manifest["tables"], "files": manifest["status_counts"],
            "notes": notes}


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """The tables are hundreds of thousands of small containers without cycles; while they
    are built, the cyclic collector would walk the whole heap (every extraction) again and
    again for nothing (a tenth of the writing time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def write_dataset(extractions: list[Extraction], out_dir: Path, *, tool_version: str,
                  inputs: list[dict], command: str | None = None) -> dict:
    """Write the whole output folder for ``extractions`` and return a summary.

    ``inputs``: one dict per input file with at least ``path`` (as the user gave it, matched
    to ``Document.source_path``) and optionally ``doc_id``, ``status``, ``error``,
    ``timings`` (seconds per stage) and any other keys, which are copied into the manifest.
    The document's own status/error win over the entry's so manifest and documents agree.
    ``command`` defaults to this process's command line.

    Returns ``{"out_dir": str, "rows": {table: n}, "files": {status: n}, "notes": [...]}``.
    Raises FileExistsError when ``out_dir`` holds something other than an earlier dataset.
    """
    out_dir = Path(out_dir)
    _check_replaceable(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(out_dir)
    tmp = out_dir.parent / f".{out_dir.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        with _without_cyclic_gc():
            summary = _write_all(extractions, tmp, tool_version=tool_version, inputs=inputs,
                                 command=command or shlex.join(sys.argv))
        _swap_in(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    summary["out_dir"] = str(out_dir)
    return summary
