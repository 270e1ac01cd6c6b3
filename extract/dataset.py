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

import glob
import hashlib
import json
import os
import shlex
import shutil
import sqlite3
import sys
import types
import typing
from collections import Counter
from dataclasses import fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .link import fold_key, link_mentions
from .model import Deadline, Extraction, LegalRef, Section, Target, Task, Unit
from .report import render_report
from .xlsx import column_cells, write_workbook

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
ARROW_TYPES = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(),
               "bool": pa.bool_(), "date": pa.date32(), "list": pa.list_(pa.string()),
               "json": pa.string()}
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
# Rows


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


def _record_rows(extractions: list[Extraction], table: str, extra: dict[str, str],
                 warnings: dict[str, list[str]]) -> list[dict]:
    names = [n for n, _ in table_columns(table)]
    id_column = ID_COLUMN[table]
    rows: list[dict] = []
    seen: set[str] = set()
    for ex in extractions:
        doc_id = ex.document.doc_id
        for position, record in enumerate(getattr(ex, table)):
            row = {n: getattr(record, n, None) for n in names}
            row["doc_id"] = doc_id
            if table == "legal_refs":
                row["index_id"] = extra.get(record.ref_id)
            if row[id_column] in seen:
                # An extractor bug must not cost the whole run; the analyst sees it noted.
                warnings.setdefault(doc_id, []).append(
                    f"{table}: dropped a second row with {id_column} {row[id_column]}")
                continue
            seen.add(row[id_column])
            row["_order"] = (doc_id, row.get("char_start") or 0, position)
            rows.append(row)
    rows.sort(key=lambda r: r.pop("_order"))
    return rows


def _document_row(ex: Extraction, counts: Counter, warnings: list[str]) -> dict:
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
        **{f"n_{t}": counts[doc.doc_id, t] for t in RECORD_TYPES},
    }


def build_rows(extractions: list[Extraction]) -> dict[str, list[dict]]:
    """Every table as a list of row dicts, deterministically sorted."""
    index_rows, mention_index = link_mentions(extractions)
    warnings: dict[str, list[str]] = {}
    rows = {t: _record_rows(extractions, t, mention_index, warnings) for t in RECORD_TYPES}
    counts = Counter((r["doc_id"], t) for t, table in rows.items() for r in table)
    rows["documents"] = [_document_row(ex, counts, warnings.get(ex.document.doc_id, []))
                         for ex in extractions]
    rows["legal_index"] = index_rows
    return {t: rows[t] for t in TABLES}


# ---------------------------------------------------------------------------------------------
# Frames


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


def _series(values: list, kind: str) -> pd.Series:
    if kind == "int":
        return pd.Series(pd.array(values, dtype="Int64"))
    if kind == "float":
        return pd.Series(values, dtype="float64")
    if kind == "bool":
        return pd.Series([bool(v) for v in values], dtype="bool")
    return pd.Series(values, dtype="object")


def to_frame(rows: list[dict], columns: Columns) -> pd.DataFrame:
    """Rows → a frame with every column, typed by its kind even when there are no rows."""
    data = {name: _series([_cell(r.get(name), kind) for r in rows], kind)
            for name, kind in columns}
    return pd.DataFrame(data, columns=[n for n, _ in columns])


def arrow_schema(columns: Columns) -> pa.Schema:
    return pa.schema([(name, ARROW_TYPES[kind]) for name, kind in columns])


# ---------------------------------------------------------------------------------------------
# Files


def _write_parquet(df: pd.DataFrame, columns: Columns, path: Path) -> None:
    table = pa.Table.from_pandas(df, schema=arrow_schema(columns), preserve_index=False)
    pq.write_table(table, path)


def _flat(value: Any, kind: str) -> Any:
    """A cell as text tools show it: lists joined, dates ISO, missing values empty."""
    if kind == "list":
        return LIST_SEPARATOR.join(value) if value is not None else ""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if kind == "date":
        return value.isoformat()
    return value


def _flat_frame(df: pd.DataFrame, columns: Columns) -> pd.DataFrame:
    flat = df.copy()
    for name, kind in columns:
        if kind in ("list", "date"):
            flat[name] = pd.Series([_flat(v, kind) for v in df[name]], dtype="object")
    return flat


def _write_csv(df: pd.DataFrame, columns: Columns, path: Path) -> None:
    _flat_frame(df, columns).to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")


def _write_texts(extractions: list[Extraction], folder: Path) -> None:
    folder.mkdir()
    for ex in extractions:
        # newline="" keeps "\r\n" as two characters, as the offsets count them.
        with (folder / f"{ex.document.doc_id}.txt").open("w", encoding="utf-8", newline="") as fh:
            fh.write(ex.document.text)


def _write_excel(frames: dict[str, pd.DataFrame], path: Path) -> list[str]:
    """One sheet per table (see ``extract.xlsx`` for why it is written by hand); the cells
    are built a column at a time."""
    notes: list[str] = []
    sheets = []
    for table, df in frames.items():
        columns = table_columns(table)
        if len(df) > EXCEL_MAX_ROWS:
            notes.append(f"dataset.xlsx: {table} cut to {EXCEL_MAX_ROWS} rows; "
                         "the Parquet and CSV files hold all")
        head = df.head(EXCEL_MAX_ROWS)
        values = {name: [None if _missing(v) else v for v in head[name].tolist()]
                  for name, _ in columns}
        cells = [column_cells(_EXCEL_KIND.get(kind, "str"), values[name]) for name, kind in columns]
        rows = ["".join(row) for row in zip(*cells, strict=True)] if len(head) else []
        sheets.append((table, [name for name, _ in columns], rows, _column_widths(columns, values)))
    write_workbook(path, sheets)
    return notes


# How each column kind shows in Excel; anything else is text.
_EXCEL_KIND = {"int": "int", "float": "float", "bool": "bool", "date": "date", "list": "list"}


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and value != value


def _column_widths(columns: Columns, values: dict[str, list[Any]]) -> list[int]:
    """Wide enough to read the header and the first rows, never wider than 60."""
    widths = []
    for name, _ in columns:
        sample = [len(str(v)) for v in values[name][:500] if v is not None]
        widths.append(min(max(max(sample, default=0), len(name)) + 2, 60))
    return [max(w, 8) for w in widths]


def _sql_value(value: Any, kind: str) -> Any:
    if kind == "list":
        return json.dumps(list(value) if value is not None else [], ensure_ascii=False)
    value = _flat(value, kind)
    if kind == "bool" and value is not None:
        return int(value)
    return value.item() if hasattr(value, "item") else value


def _context(text: str, start: int, end: int) -> str:
    """About FTS_CONTEXT_CHARS characters around a mention, on one line."""
    pad = max(0, (FTS_CONTEXT_CHARS - (end - start)) // 2)
    return " ".join(text[max(0, start - pad):end + pad].split())


def _write_sqlite(frames: dict[str, pd.DataFrame], texts: dict[str, str], path: Path,
                  meta: dict[str, str]) -> None:
    con = sqlite3.connect(path)
    try:
        for table, df in frames.items():
            _sql_table(con, table, df, table_columns(table))
        _sql_fts(con, frames["legal_refs"], texts)
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        con.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        con.commit()
    finally:
        con.close()


def _sql_table(con: sqlite3.Connection, table: str, df: pd.DataFrame, columns: Columns) -> None:
    # key_fold lets `vnplan refs` match keys without caring for case (QĐ = qđ), which
    # SQLite's own NOCASE cannot do outside ASCII.
    folded = table in ("legal_refs", "legal_index")
    names = [n for n, _ in columns] + (["key_fold"] if folded else [])
    spec = ", ".join(f'"{n}" {SQL_TYPES[k]}' for n, k in columns)
    con.execute(f'CREATE TABLE "{table}" ({spec}{", key_fold TEXT" if folded else ""})')
    marks = ", ".join("?" for _ in names)
    cols = [[_sql_value(v, kind) for v in df[name].tolist()] for name, kind in columns]
    if folded:
        cols.append([fold_key(k or "") for k in df["ref_key"].tolist()])
    con.executemany(f'INSERT INTO "{table}" VALUES ({marks})', zip(*cols, strict=True))
    id_column = ID_COLUMN[table]
    con.execute(f'CREATE UNIQUE INDEX "ux_{table}_{id_column}" ON "{table}" ("{id_column}")')
    for column in ("doc_id", "ref_key", "key_fold", "index_id"):
        if column in names and column != id_column:
            con.execute(f'CREATE INDEX "ix_{table}_{column}" ON "{table}" ("{column}")')


_D_FOLD = str.maketrans("đĐ", "dD")


def search_fold(text: str) -> str:
    """``đ`` → ``d``: the one Vietnamese letter FTS5's ``remove_diacritics`` keeps apart."""
    return text.translate(_D_FOLD)


def _sql_fts(con: sqlite3.Connection, refs: pd.DataFrame, texts: dict[str, str]) -> None:
    # remove_diacritics 2 lets an analyst type "quyet" and still find "Quyết"; the folded
    # copy of the context makes "dinh" find "định" as well.
    con.execute("CREATE VIRTUAL TABLE mentions_fts USING fts5(ref_id UNINDEXED, "
                "doc_id UNINDEXED, ref_key, context, context_folded, "
                "tokenize = 'unicode61 remove_diacritics 2')")
    rows = []
    for r in refs.itertuples(index=False):
        context = _context(texts.get(r.doc_id, ""), int(r.char_start), int(r.char_end))
        rows.append((r.ref_id, r.doc_id, r.ref_key, context, search_fold(context)))
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


def build_manifest(extractions: list[Extraction], inputs: list[dict], rows: dict[str, list],
                   *, tool_version: str, command: str,
                   duplicates: dict[str, list[str]]) -> dict:
    matched, unmatched = _match_inputs(extractions, inputs)
    per_doc = Counter((r["doc_id"], t) for t in RECORD_TYPES for r in rows[t])
    files = [
        _manifest_entry(ex, matched.get(ex.document.doc_id, {}),
                        {t: per_doc[ex.document.doc_id, t] for t in RECORD_TYPES},
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
        "tables": {t: len(rows[t]) for t in TABLES},
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
    rows = build_rows(docs)
    frames = {t: to_frame(rows[t], table_columns(t)) for t in TABLES}
    (folder / "csv").mkdir()
    for table, df in frames.items():
        columns = table_columns(table)
        _write_parquet(df, columns, folder / f"{table}.parquet")
        _write_csv(df, columns, folder / "csv" / f"{table}.csv")
    _write_texts(docs, folder / "texts")
    notes = _write_excel(frames, folder / "dataset.xlsx")
    manifest = build_manifest(docs, inputs, rows, tool_version=tool_version, command=command,
                              duplicates=duplicates)
    if notes:
        manifest["notes"] = notes
    texts = {ex.document.doc_id: ex.document.text for ex in docs}
    _write_sqlite(frames, texts, folder / "index.sqlite",
                  {"tool": "vnplan", "version": tool_version})
    (folder / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    (folder / "report.html").write_text(render_report(frames, manifest), encoding="utf-8")
    return {"out_dir": None, "rows": manifest["tables"], "files": manifest["status_counts"],
            "notes": notes}


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
        summary = _write_all(extractions, tmp, tool_version=tool_version, inputs=inputs,
                             command=command or shlex.join(sys.argv))
        _swap_in(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    summary["out_dir"] = str(out_dir)
    return summary
