"""Queries over ``index.sqlite`` for ``vnplan refs``: who cites what, and where.

The database is the one ``extract.dataset`` writes: the dataset tables, a ``key_fold``
column on ``legal_refs``/``legal_index`` (ref_key without case or whitespace, because
SQLite's NOCASE folds ASCII only and would keep ``QĐ`` and ``qđ`` apart) and the FTS5 table
``mentions_fts(ref_id, doc_id, ref_key, context, context_folded)`` over the text around
each mention, tokenized without diacritics (and ``đ`` folded in ``context_folded``) so
``quyet dinh`` finds ``Quyết định``.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from .dataset import search_fold
from .link import fold_key

# Beyond any character a key or doc_id can hold: "abc" <= k < "abc" + _TOP is a prefix match.
_TOP = "\U0010ffff"

_REF_COLUMNS = """r.ref_id, r.doc_id, r.ref_key, r.index_id, r.ref_type, r.number, r.year,
    r.symbol, r.issue_date, r.issuer, r.subject, r.pinpoint, r.relation, r.is_self, r.quote,
    r.char_start, r.char_end, r.page, r.section_id,
    d.source_path, d.doc_type AS doc_type, d.doc_number AS doc_number, d.title AS doc_title"""


def connect(db_path: Path | str) -> sqlite3.Connection:
    """A read-only connection whose rows read like dicts."""
    path = Path(db_path)
    if not path.is_file():
        raise FileNotFoundError(f"no index database at {path}")
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    return con


def fts_query(text: str) -> str:
    """User words → an FTS5 query: every word must occur (no FTS syntax needed or possible).

    ``61/2018/NĐ-CP một cửa`` → ``"61/2018/ND-CP" "một" "cửa"``: each word is quoted, so
    slashes, hyphens and stray quotes cannot break the query, and ``đ`` is folded to ``d``
    to meet the ``context_folded`` column, so ``nghi dinh`` finds ``Nghị định``.
    """
    return " ".join('"' + search_fold(word).replace('"', '""') + '"' for word in text.split())


def _row(row: sqlite3.Row) -> dict[str, Any]:
    out = dict(row)
    if "is_self" in out and out["is_self"] is not None:
        out["is_self"] = bool(out["is_self"])
    for column in ("relations",):
        if isinstance(out.get(column), str):
            out[column] = sorted(set(out[column].split(",")))
    return out


def query_refs(db_path: Path | str, key: str | None = None, text: str | None = None,
               doc: str | None = None, limit: int = 50) -> list[dict]:
    """Mentions of legal references, filtered by any mix of:

    - ``key``: a ref_key or its beginning, any case or spacing (``4424/qđ-ubnd``,
      ``61/2018``); exact matches come first;
    - ``text``: words that must occur in the text around the mention (FTS5, diacritics
      optional); results then come best match first and carry a ``snippet``;
    - ``doc``: the citing document, by doc_id (or its beginning) or file name.

    Each result holds the legal_refs columns plus source_path, doc_type, doc_number and
    doc_title of the citing document.
    """
    where: list[str] = []
    params: list[Any] = []
    order: list[str] = []
    order_params: list[Any] = []
    source = "legal_refs r JOIN documents d ON d.doc_id = r.doc_id"
    columns = _REF_COLUMNS
    if text and text.strip():
        source = ("mentions_fts f JOIN legal_refs r ON r.ref_id = f.ref_id "
                  "JOIN documents d ON d.doc_id = r.doc_id")
        columns += ", snippet(mentions_fts, 3, '[', ']', '…', 16) AS snippet"
        where.append("mentions_fts MATCH ?")
        params.append(fts_query(text))
        order.append("bm25(mentions_fts)")
    if key and key.strip():
        folded = fold_key(key)
        where.append("r.key_fold >= ? AND r.key_fold < ?")
        params += [folded, folded + _TOP]
        order.insert(0, "r.key_fold <> ?")
        order_params.append(folded)
    if doc and doc.strip():
        name = doc.strip()
        where.append("((r.doc_id >= ? AND r.doc_id < ?) OR d.source_path = ? "
                     "OR d.source_path LIKE ? ESCAPE '\\')")
        params += [name.lower(), name.lower() + _TOP, name, "%/" + _escape_like(name)]
    order += ["r.key_fold", "r.doc_id", "r.char_start"]
    sql = (f"SELECT {columns} FROM {source}"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY " + ", ".join(order) + " LIMIT ?")
    with closing(connect(db_path)) as con:
        rows = con.execute(sql, [*params, *order_params, int(limit)]).fetchall()
    return [_row(r) for r in rows]


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def citing_docs(db_path: Path | str, key: str) -> list[dict]:
    """The documents that cite ``key``, one row per document and resolved reference.

    ``key`` is a ref_key in any case or spacing (``4424/QĐ-UBND``), or an index_id from
    legal_index (``62/KH-SGDĐT#2``) to pick one of several documents sharing a number.
    Rows hold the citing document's doc_id, source_path, doc_type, doc_number, issue_date,
    issuer and title, plus index_id, n_mentions, relations (sorted list), first_quote and
    first_char; ordered by the citing document's date, then doc_id.
    """
    with closing(connect(db_path)) as con:
        by_index = con.execute("SELECT 1 FROM legal_index WHERE index_id = ? LIMIT 1",
                               [key.strip()]).fetchone()
        match, value = ("r.index_id = ?", key.strip()) if by_index else \
            ("r.key_fold = ?", fold_key(key))
        rows = con.execute(
            f"""SELECT d.doc_id, d.source_path, d.doc_type, d.doc_number, d.issue_date,
                       d.issuer, d.title, r.index_id, COUNT(*) AS n_mentions,
                       group_concat(DISTINCT r.relation) AS relations,
                       MIN(r.char_start) AS first_char,
                       (SELECT q.quote FROM legal_refs q
                         WHERE q.doc_id = r.doc_id AND q.index_id IS r.index_id
                           AND q.key_fold = r.key_fold
                         ORDER BY q.char_start LIMIT 1) AS first_quote
                FROM legal_refs r JOIN documents d ON d.doc_id = r.doc_id
                WHERE {match}
                GROUP BY r.doc_id, r.index_id
                ORDER BY d.issue_date IS NULL, d.issue_date, d.doc_id, r.index_id""",
            [value]).fetchall()
    return [_row(r) for r in rows]


def index_entry(db_path: Path | str, key: str) -> list[dict]:
    """The legal_index rows for a ref_key (several when documents share a number)."""
    with closing(connect(db_path)) as con:
        rows = con.execute("SELECT * FROM legal_index WHERE key_fold = ? OR index_id = ? "
                           "ORDER BY index_id", [fold_key(key), key.strip()]).fetchall()
    out = []
    for row in rows:
        entry = dict(row)
        for column in ("doc_ids", "citing", "relations"):
            if isinstance(entry.get(column), str):
                entry[column] = json.loads(entry[column])
        out.append(entry)
    return out
