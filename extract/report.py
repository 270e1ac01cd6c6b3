"""The human-readable report: one self-contained HTML page over the dataset tables.

Written for an analyst who opens ``report.html`` from the output folder: what ran and what
failed, what each document is, which documents are cited most and by whom, and per
document the references, targets, deadlines and tasks found, each with its quote so it can
be checked against the text. No scripts, no external files; every value is HTML-escaped.
"""

from __future__ import annotations

import html
import math
from datetime import date
from itertools import cycle
from pathlib import Path
from typing import Any

TASK_TEXT_CHARS = 400
# Per document and kind; beyond this a page for thousands of documents stops being readable
# (the dataset files hold every row).
ROWS_PER_DOCUMENT = 300

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;
 color:#1f2328;background:#fff}
main{max-width:1280px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;
 border-bottom:2px solid #d0d7de;padding-bottom:4px}h3{font-size:16px;margin:0}
h4{font-size:14px;margin:16px 0 6px;color:#57606a}
.meta{color:#57606a;margin:2px 0 8px}
table{border-collapse:collapse;width:100%;margin:4px 0 12px;font-size:13px}
th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa;position:sticky;top:0}
tr:nth-child(even) td{background:#fafbfc}
td.num,th.num{text-align:right;white-space:nowrap}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.card{border:1px solid #d0d7de;border-radius:6px;padding:8px 14px;min-width:90px}
.card b{display:block;font-size:20px}
.ok{color:#1a7f37}.partial{color:#9a6700}.failed{color:#cf222e}
.none{color:#8c959f;font-style:italic;margin:2px 0 8px}
details{border:1px solid #d0d7de;border-radius:6px;margin:8px 0;padding:6px 12px}
summary{cursor:pointer;font-weight:600}
q{quotes:none;font-family:Georgia,serif}
a{color:#0969da;text-decoration:none}a:hover{text-decoration:underline}
"""


class _Html(str):
    """Markup built here from escaped parts; ``_table`` passes it through unescaped."""


# A table as its columns (name → cells, in row order), as ``extract.dataset`` writes it.
Columns = dict[str, list]
# The tables the page shows row by row, as row dicts.
Records = dict[str, list[dict]]
_SHOWN = ("documents", "legal_index", "legal_refs", "targets", "deadlines", "tasks")


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _text(value: Any) -> str:
    """A value as a reader wants to see it: lists joined, whole floats without ``.0``."""
    kind = type(value)  # the common cases first: most cells are text, numbers or missing
    if kind is str:
        return value
    if value is None:
        return ""
    if kind is int:
        return str(value)
    if kind is list:
        return "; ".join([_text(v) for v in value])
    return _other_text(value)


def _other_text(value: Any) -> str:
    if isinstance(value, list | tuple) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else value
        return "; ".join(_text(v) for v in items) if isinstance(items, list) else _text(items)
    if _missing(value):
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    if isinstance(value, date):
        return value.isoformat()[:10]
    return str(value)


def _table(headers: list[str], rows: list[list[Any]], numeric: tuple[str, ...] = ()) -> str:
    head = "".join(f'<th class="num">{html.escape(h)}</th>' if h in numeric
                   else f"<th>{html.escape(h)}</th>" for h in headers)
    width = len(headers)
    if any(len(row) != width for row in rows):
        raise ValueError("a row and the header differ in length")
    texts = _escaped([v if type(v) is _Html else _text(v) for row in rows for v in row])
    opens = ['<td class="num">' if h in numeric else "<td>" for h in headers]
    cells = [f"{td}{text}</td>" for td, text in zip(cycle(opens), texts)]
    body = "".join(["<tr>" + "".join(cells[i:i + width]) + "</tr>"
                    for i in range(0, len(cells), width)])
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _escaped(texts: list[str]) -> list[str]:
    """Every text that is not markup (``_Html``) HTML-escaped, all in one pass over their
    concatenation when that is safe (few texts need escaping at all)."""
    plain = [t for t in texts if type(t) is not _Html]
    joined = "\x00".join(plain)
    if not any(c in joined for c in "&<>\"'"):
        return texts
    if joined.count("\x00") == len(plain) - 1:
        escaped = iter(html.escape(joined).split("\x00"))
        return [t if type(t) is _Html else next(escaped) for t in texts]
    return [t if type(t) is _Html else html.escape(t) for t in texts]


def _none() -> str:
    return '<p class="none">none extracted</p>'


def _capped(rows: list[dict], render) -> str:
    if not rows:
        return _none()
    shown = render(rows[:ROWS_PER_DOCUMENT])
    hidden = len(rows) - ROWS_PER_DOCUMENT
    if hidden > 0:
        shown += f'<p class="none">… {hidden} more in the dataset files</p>'
    return shown


def _records(columns: Columns | None) -> list[dict]:
    if not columns:
        return []
    names = list(columns)
    return [dict(zip(names, row, strict=True)) for row in zip(*columns.values(), strict=True)]


def _by_doc(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["doc_id"], []).append(row)
    return grouped


def _label(doc: dict) -> str:
    return _text(doc.get("doc_number")) or Path(_text(doc.get("source_path"))).name or doc["doc_id"]


def _doc_link(doc_id: str, label: str) -> _Html:
    return _Html(f'<a href="#doc-{html.escape(doc_id)}">{html.escape(label)}</a>')


def _status(value: Any) -> _Html:
    status = _text(value)
    return _Html(f'<span class="{html.escape(status)}">{html.escape(status)}</span>')


def _quote(value: Any) -> _Html:
    return _Html(f"<q>{html.escape(_text(value))}</q>") if _text(value) else _Html("")


# ---------------------------------------------------------------------------------------------


def _header(manifest: dict) -> str:
    when = html.escape(_text(manifest.get("created_at")))
    command = html.escape(_text(manifest.get("created_by_command")))
    version = html.escape(_text(manifest.get("version")))
    return (f"<h1>vnplan extraction report</h1><p class=\"meta\">vnplan {version} · {when}"
            f"<br><code>{command}</code></p>")


def _summary(tables: dict[str, Columns], records: Records, manifest: dict) -> str:
    files = manifest.get("files", [])
    counts = {s: sum(1 for f in files if f.get("status") == s) for s in ("ok", "partial", "failed")}
    cards = [("files", len(files))] + list(counts.items()) + [
        (name.replace("_", " "), len(next(iter(columns.values()), ())))
        for name, columns in tables.items() if name != "documents"]
    body = "".join(
        f'<div class="card"><b class="{k if k in counts else ""}">{v}</b>{html.escape(k)}</div>'
        for k, v in cards)
    return f'<h2>Run summary</h2><div class="cards">{body}</div>' + _problems(manifest, records)


def _problems(manifest: dict, records: Records) -> str:
    warnings = {d["doc_id"]: d.get("warnings") for d in records["documents"]}
    rows = [[f.get("path"), _status(f.get("status")), f.get("error"),
             warnings.get(f.get("doc_id"))]
            for f in manifest.get("files", [])
            if f.get("status") != "ok" or _text(warnings.get(f.get("doc_id")))]
    if not rows:
        return '<p class="none">All files were read without errors or warnings.</p>'
    return "<h4>Files with errors or warnings</h4>" + _table(
        ["file", "status", "error", "warnings"], rows)


def _documents(records: Records, manifest: dict) -> str:
    docs = sorted(records["documents"], key=lambda d: _text(d.get("source_path")))
    if not docs:
        return "<h2>Documents</h2>" + _none()
    seconds = {f.get("doc_id"): sum((f.get("timings") or {}).values())
               for f in manifest.get("files", [])}
    rows = [[_doc_link(d["doc_id"], Path(_text(d.get("source_path"))).name or d["doc_id"]),
             _status(d.get("status")), d.get("doc_type"), d.get("doc_number"),
             d.get("issue_date"), d.get("issuer"), d.get("title"), d.get("n_legal_refs"),
             d.get("n_targets"), d.get("n_deadlines"), d.get("n_tasks"),
             f"{seconds[d['doc_id']]:.1f}" if seconds.get(d["doc_id"]) else ""]
            for d in docs]
    numeric = ("refs", "targets", "deadlines", "tasks", "seconds")
    return "<h2>Documents</h2>" + _table(
        ["file", "status", "type", "number", "date", "issuer", "title", *numeric], rows, numeric)


def _index_anchors(records: Records) -> dict[str, str]:
    return {_text(r["index_id"]): f"ref-{i}"
            for i, r in enumerate(records["legal_index"], start=1)}


def _legal_index(records: Records) -> str:
    if not records["legal_index"]:
        return "<h2>Cited documents</h2>" + _none()
    labels = {d["doc_id"]: _label(d) for d in records["documents"]}
    anchors = _index_anchors(records)
    rows = sorted(records["legal_index"], key=lambda r: (
        -int(r["n_docs"]), -int(r["n_mentions"]), _text(r["ref_key"]), _text(r["index_id"])))
    body = []
    for r in rows:
        key = html.escape(_text(r.get("index_id")) or _text(r.get("ref_key")))
        citing = _Html(", ".join(_doc_link(d, labels.get(d, d)) for d in r.get("doc_ids") or []))
        when = r.get("issue_date") if not _missing(r.get("issue_date")) else r.get("year")
        body.append([_Html(f'<span id="{anchors[_text(r["index_id"])]}">{key}</span>'),
                     r.get("ref_type"), when, r.get("issuer"), r.get("locality"),
                     r.get("subject"), r.get("n_docs"), r.get("n_mentions"), citing])
    numeric = ("docs", "mentions")
    return ("<h2>Cited documents</h2><p class=\"meta\">Most cited first; one row per distinct "
            "document (same number and symbol, no conflicting date or locality).</p>"
            + _table(["key", "type", "date", "issuer", "locality", "subject", *numeric,
                      "cited by"], body, numeric))


def _refs_of(rows: list[dict], anchors: dict[str, str]) -> str:
    body = []
    for r in rows:
        anchor = anchors.get(_text(r.get("index_id")))
        key = html.escape(_text(r.get("ref_key")))
        body.append([_Html(f'<a href="#{anchor}">{key}</a>' if anchor else key),
                     _quote(r.get("quote")), r.get("ref_type"), r.get("issue_date"),
                     r.get("issuer"), r.get("relation"), r.get("pinpoint"), r.get("is_self"),
                     r.get("page")])
    return _table(["key", "quote", "type", "date", "issuer", "relation", "pinpoint", "self",
                   "page"], body, ("page",))


def _targets_of(rows: list[dict]) -> str:
    body = [[_quote(r.get("quote")), r.get("comparator"), r.get("value"), r.get("value_max"),
             r.get("unit"), r.get("subject"), r.get("due"), r.get("section_title")]
            for r in rows]
    return _table(["quote", "cmp", "value", "max", "unit", "subject", "due", "section"], body,
                  ("value", "max"))


def _deadlines_of(rows: list[dict]) -> str:
    body = [[_quote(r.get("quote")), r.get("kind"), r.get("start_date"), r.get("end_date"),
             r.get("recurrence")] for r in rows]
    return _table(["quote", "kind", "start", "end", "recurrence"], body)


def _short(value: Any) -> str:
    text = _text(value)
    return text if len(text) <= TASK_TEXT_CHARS else text[:TASK_TEXT_CHARS].rstrip() + " …"


def _tasks_of(rows: list[dict]) -> str:
    body = [[_short(r.get("text")), r.get("lead_units"), r.get("support_units"),
             r.get("deadline_text"), r.get("output"), r.get("source")] for r in rows]
    return _table(["task", "lead", "support", "deadline", "output", "source"], body)


def _per_document(records: Records) -> str:
    docs = sorted(records["documents"], key=lambda d: _text(d.get("source_path")))
    grouped = {name: _by_doc(records[name])
               for name in ("legal_refs", "targets", "deadlines", "tasks")}
    anchors = _index_anchors(records)
    parts = ["<h2>Per document</h2>"]
    for d in docs:
        doc_id = d["doc_id"]
        found = {name: rows.get(doc_id, []) for name, rows in grouped.items()}
        counts = " · ".join(f"{len(v)} {k.replace('_', ' ')}" for k, v in found.items())
        title = html.escape(" — ".join(t for t in (_label(d), _text(d.get("title"))) if t))
        meta = " · ".join(html.escape(_text(d.get(k))) for k in
                          ("source_path", "doc_type", "issue_date", "place", "issuer")
                          if _text(d.get(k)))
        error = (f'<p class="failed">{html.escape(_text(d.get("error")))}</p>'
                 if _text(d.get("error")) else "")
        parts.append(
            f'<details id="doc-{html.escape(doc_id)}"><summary>{title} '
            f'<span class="meta">({html.escape(counts)})</span> {_status(d.get("status"))}'
            f'</summary><p class="meta">{meta}</p>{error}'
            "<h4>Legal references</h4>"
            + _capped(found["legal_refs"], lambda rows: _refs_of(rows, anchors))
            + f'<h4>Targets</h4>{_capped(found["targets"], _targets_of)}'
            f'<h4>Deadlines</h4>{_capped(found["deadlines"], _deadlines_of)}'
            f'<h4>Tasks</h4>{_capped(found["tasks"], _tasks_of)}</details>')
    if not docs:
        parts.append(_none())
    return "".join(parts)


def render_report(tables: dict[str, Columns], manifest: dict) -> str:
    """The report page for the dataset ``tables`` (each as its columns, as written) and its
    ``manifest``."""
    records = {name: _records(tables.get(name)) for name in _SHOWN}
    body = "".join([_header(manifest), _summary(tables, records, manifest),
                    _documents(records, manifest), _legal_index(records),
                    _per_document(records)])
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>vnplan report</title><style>{_CSS}</style></head>"
            f"<body><main>{body}</main></body></html>\n")
