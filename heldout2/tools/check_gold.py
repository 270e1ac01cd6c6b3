"""Verify heldout2 gold files against heldout2 corpus.

For every entry: the quote (tasks: text_start) must occur in the normalized document
text; `occurrence` (1-based, case-sensitive count, default 1) must not exceed the number
of occurrences; a quote occurring several times without `occurrence` is flagged; quotes
that are unique case-sensitively but not case-insensitively are reported as notes.
Normalization: HTML tags and &nbsp; removed, Markdown emphasis markers (* and _ runs
used as emphasis, [^n] footnote marks are kept) removed, all whitespace collapsed.
Also checks YAML schema basics.  Run with /work/main/.venv/bin/python.
"""
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ENTITIES = ["legal_refs", "targets", "deadlines", "tasks"]
KINDS = {"date", "before", "month", "quarter", "half_year", "year", "range",
         "recurring", "ongoing", "on_request", "schedule"}
COMPS = {">=", ">", "=", "<=", "<"}
SOURCES = {"table", "list", "paragraph"}


def normalize(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("&nbsp;", " ")
    text = re.sub(r"\*\*|__", "", text)
    text = re.sub(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])", "", text)
    return re.sub(r"\s+", " ", text).strip()


def count(hay: str, needle: str) -> int:
    n, i = 0, hay.find(needle)
    while i != -1:
        n += 1
        i = hay.find(needle, i + 1)
    return n


def main() -> int:
    errors, notes, totals = [], [], {}
    docs = sorted(p.name for p in (ROOT / "corpus").glob("*.txt"))
    for doc in docs:
        text = normalize((ROOT / "corpus" / doc).read_text(encoding="utf-8"))
        low = text.lower()
        nows = re.sub(r"\s", "", text)
        for ent in ENTITIES:
            path = ROOT / "gold" / ent / (Path(doc).stem + ".yaml")
            if not path.exists():
                errors.append(f"missing {path}")
                continue
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if data.get("doc") != doc:
                errors.append(f"{path}: doc field {data.get('doc')!r} != {doc!r}")
            items = data.get(ent) or []
            totals[(doc, ent)] = len(items)
            seen = set()
            for k, it in enumerate(items, 1):
                where = f"{ent}/{Path(doc).stem} #{k}"
                q = it.get("text_start" if ent == "tasks" else "quote")
                if not q:
                    errors.append(f"{where}: no quote/text_start")
                    continue
                qn = re.sub(r"\s+", " ", q).strip()
                c = count(text, qn)
                c_nows = count(nows, re.sub(r"\s", "", qn))
                occ = it.get("occurrence", 1)
                if c == 0:
                    errors.append(f"{where}: NOT FOUND {q!r}")
                    continue
                if occ > c:
                    errors.append(f"{where}: occurrence {occ} > count {c} for {q!r}")
                if c > 1 and "occurrence" not in it:
                    errors.append(f"{where}: {q!r} occurs {c}x, no occurrence given")
                if c_nows != c:
                    notes.append(f"{where}: {q!r} count {c} vs {c_nows} ignoring all whitespace")
                ci = count(low, qn.lower())
                if ci != c:
                    notes.append(f"{where}: {q!r} case-sensitive {c}, case-insensitive {ci}")
                sig = (qn, occ, it.get("part", 1))
                if sig in seen and ent != "tasks":
                    errors.append(f"{where}: duplicate quote/occurrence/part {sig}")
                seen.add(sig)
                # schema checks
                if ent == "legal_refs":
                    for f in ("key", "type", "issue_date"):
                        if f not in it:
                            errors.append(f"{where}: missing {f}")
                    if "/" in str(it.get("key")) and re.search(r"\s", str(it["key"])):
                        errors.append(f"{where}: whitespace in key")
                elif ent == "targets":
                    for f in ("value", "value_max", "unit", "comparator", "qualifier",
                              "subject", "kind"):
                        if f not in it:
                            errors.append(f"{where}: missing {f}")
                    if it.get("comparator") not in COMPS:
                        errors.append(f"{where}: bad comparator")
                    if it.get("kind") not in {"target", "result"}:
                        errors.append(f"{where}: bad kind")
                elif ent == "deadlines":
                    for f in ("kind", "start_date", "end_date", "recurrence"):
                        if f not in it:
                            errors.append(f"{where}: missing {f}")
                    if it.get("kind") not in KINDS:
                        errors.append(f"{where}: bad kind {it.get('kind')}")
                    if it.get("kind") == "recurring" and not it.get("recurrence"):
                        errors.append(f"{where}: recurring without RRULE")
                elif ent == "tasks":
                    for f in ("lead", "support", "deadline_text", "output", "source"):
                        if f not in it:
                            errors.append(f"{where}: missing {f}")
                    if len(qn.split()) < 5:
                        errors.append(f"{where}: text_start shorter than 5 words")
                    if it.get("source") not in SOURCES:
                        errors.append(f"{where}: bad source")
                    dt = it.get("deadline_text")
                    if dt and count(low, re.sub(r"\s+", " ", dt).lower()) == 0:
                        errors.append(f"{where}: deadline_text not in doc: {dt!r}")
                    out = it.get("output")
                    if out and count(text, out) == 0:
                        errors.append(f"{where}: output not in doc: {out!r}")
    for n in notes:
        print("note:", n)
    for e in errors:
        print("ERROR:", e)
    print()
    print(f"{'document':55s} " + " ".join(f"{e:>10s}" for e in ENTITIES))
    for doc in docs:
        print(f"{doc:55s} " + " ".join(f"{totals.get((doc, e), 0):10d}" for e in ENTITIES))
    print(f"{'TOTAL':55s} " + " ".join(
        f"{sum(v for (d, e2), v in totals.items() if e2 == e):10d}" for e in ENTITIES))
    print("errors:", len(errors))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
