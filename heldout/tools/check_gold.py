"""Check the held-out gold files: YAML parses, required fields present, every quote /
text_start occurs in its document (after removing Markdown/HTML markup, whitespace-
insensitive), occurrence numbers are valid and do not depend on letter case."""
import re, sys, pathlib, yaml, collections

ROOT = pathlib.Path(__file__).resolve().parents[1]
CORPUS, GOLD = ROOT / "corpus", ROOT / "gold"
ENTITIES = ["legal_refs", "targets", "deadlines", "tasks"]
REQ = {
    "legal_refs": ["key", "type", "issue_date", "quote"],
    "targets": ["quote", "value", "value_max", "unit", "comparator", "qualifier", "subject", "kind"],
    "deadlines": ["quote", "kind", "start_date", "end_date", "recurrence"],
    "tasks": ["text_start", "lead", "support", "deadline_text", "output", "source"],
}
DL_KINDS = {"date", "before", "month", "quarter", "half_year", "year", "range", "recurring",
            "ongoing", "on_request", "schedule"}


def normalize(text):
    text = re.sub(r"<[^>]+>", " ", text)            # HTML residue
    text = re.sub(r"(?m)^\s*#+\s*", "", text)        # Markdown headings
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<!\w)\*|\*(?!\w)", "", text)   # *italic*
    return text


def squash(s):
    return re.sub(r"\s+", "", s)


def find_all(hay, needle):
    out, i = [], hay.find(needle)
    while i >= 0:
        out.append(i)
        i = hay.find(needle, i + 1)
    return out


def main():
    problems, warnings, counts = [], [], collections.defaultdict(dict)
    docs = sorted(p.name for p in CORPUS.glob("*.txt"))
    for ent in ENTITIES:
        for doc in docs:
            gp = GOLD / ent / (doc[:-4] + ".yaml")
            if not gp.exists():
                problems.append(f"missing {gp}")
                continue
            data = yaml.safe_load(gp.read_text(encoding="utf-8"))
            if data.get("doc") != doc:
                problems.append(f"{gp}: doc field {data.get('doc')!r}")
            items = data.get(ent) or []
            counts[doc][ent] = len(items)
            raw = (CORPUS / doc).read_text(encoding="utf-8")
            hay = squash(normalize(raw))
            hay_l = hay.lower()
            seen = set()
            for n, it in enumerate(items, 1):
                where = f"{ent}/{doc}#{n}"
                for k in REQ[ent]:
                    if k not in it:
                        problems.append(f"{where}: missing field {k}")
                q = it.get("text_start") if ent == "tasks" else it.get("quote")
                if not q:
                    problems.append(f"{where}: empty quote")
                    continue
                if ent == "tasks" and len(q.split()) < 5:
                    problems.append(f"{where}: text_start < 5 words: {q!r}")
                if re.search(r"\*\*|<[a-z/]", q):
                    problems.append(f"{where}: markup in quote {q!r}")
                sq = squash(q)
                cs = find_all(hay, sq)
                ci = find_all(hay_l, sq.lower())
                occ = it.get("occurrence", 1)
                if not cs:
                    problems.append(f"{where}: quote not found: {q!r}")
                    continue
                if occ > len(cs):
                    problems.append(f"{where}: occurrence {occ} > {len(cs)} for {q!r}")
                    continue
                if len(cs) > 1 and "occurrence" not in it:
                    problems.append(f"{where}: quote occurs {len(cs)}x, no occurrence: {q!r}")
                pos = cs[occ - 1]
                if ci.index(pos) != occ - 1:
                    warnings.append(f"{where}: occurrence of {q!r} depends on letter case "
                                    f"(case-sensitive {occ}, case-insensitive {ci.index(pos)+1})")
                sig = (sq, occ, it.get("part", 1))
                if sig in seen:
                    problems.append(f"{where}: duplicate quote/occurrence {q!r} {occ}")
                seen.add(sig)
                if ent == "deadlines" and it.get("kind") not in DL_KINDS:
                    problems.append(f"{where}: bad kind {it.get('kind')}")
                if ent == "targets":
                    if it.get("comparator") not in (">=", ">", "=", "<=", "<"):
                        problems.append(f"{where}: bad comparator")
                    if it.get("kind") not in ("target", "result"):
                        problems.append(f"{where}: bad kind")
                if ent == "tasks":
                    if it.get("source") not in ("table", "list", "paragraph"):
                        problems.append(f"{where}: bad source")
                    for k in ("deadline_text", "output"):
                        v = it.get(k)
                        if v and squash(v) not in hay:
                            problems.append(f"{where}: {k} not verbatim: {v!r}")
                    if not isinstance(it.get("lead"), list) or not isinstance(it.get("support"), list):
                        problems.append(f"{where}: lead/support must be lists")
    for doc in docs:
        print(f"{doc:55s} {(CORPUS/doc).stat().st_size:6d} B  " +
              "  ".join(f"{e}={counts[doc].get(e, '-')}" for e in ENTITIES))
    tot = {e: sum(counts[d].get(e, 0) for d in docs) for e in ENTITIES}
    print("TOTAL", tot)
    for w in warnings:
        print("WARN", w)
    for p in problems:
        print("PROBLEM", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
