"""Check that every quote in heldout3/gold occurs in its corpus file.

Normalization: Markdown/HTML markup (**, *, <br>, [^n]) removed, form feeds and tabs
treated as whitespace, whitespace collapsed, case folded. A quote without `occurrence`
must occur exactly once; with `occurrence: N` it must occur at least N times.
"""
import re, sys, pathlib, yaml
ROOT = pathlib.Path(__file__).resolve().parent.parent
ENT = ["legal_refs", "targets", "deadlines", "tasks"]

def norm(s):
    s = re.sub(r"<br\s*/?>|<[^>]+>", " ", s)
    s = s.replace("**", "").replace("*", "")
    s = re.sub(r"\s+", " ", s)
    return s.casefold().strip()

def count(text, q):
    q = norm(q); n = 0; i = text.find(q)
    while i >= 0:
        n += 1; i = text.find(q, i + 1)
    return n

errors = 0; counts = {}
for f in sorted((ROOT / "corpus").glob("*.txt")):
    text = norm(f.read_text(encoding="utf-8"))
    for ent in ENT + ["documents"]:
        g = ROOT / "gold" / ent / (f.stem + ".yaml")
        if not g.exists():
            print("MISSING", g); errors += 1; continue
        data = yaml.safe_load(g.read_text(encoding="utf-8"))
        assert data["doc"] == f.name, (g, data["doc"])
        if ent == "documents":
            d = data["document"]
            for k in ("doc_number", "place"):
                if d.get(k) and count(text, d[k]) < 1:
                    print("NOT FOUND", f.stem, ent, k, d[k]); errors += 1
            continue
        items = data[ent] or []
        counts.setdefault(ent, {})[f.stem] = len(items)
        for it in items:
            fields = ["quote"] if ent != "tasks" else ["text_start", "deadline_text", "output"]
            for fld in fields:
                q = it.get(fld)
                if q is None:
                    if fld == "quote" and ent != "legal_refs":
                        print("NO QUOTE", f.stem, ent, it); errors += 1
                    continue
                n = count(text, q)
                occ = it.get("occurrence") if fld == "quote" else None
                if n == 0:
                    print("NOT FOUND", f.stem, ent, fld, repr(q)); errors += 1
                elif occ is None and n > 1 and fld in ("quote", "text_start"):
                    print("AMBIGUOUS", f.stem, ent, fld, repr(q), n); errors += 1
                elif occ is not None and n < occ:
                    print("TOO FEW", f.stem, ent, repr(q), n, occ); errors += 1
            if ent == "tasks" and len(it["text_start"].split()) < 5:
                print("SHORT text_start", f.stem, it["text_start"]); errors += 1
            if ent == "legal_refs" and not it.get("quote"):
                print("NO QUOTE", f.stem, it["key"]); errors += 1
for ent, d in counts.items():
    print(ent, sum(d.values()), d)
print("errors:", errors)
sys.exit(1 if errors else 0)
