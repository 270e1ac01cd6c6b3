"""Completeness aid for annotators: list numbers / date-like tokens in each heldout2
document that no gold quote (legal_refs, targets, deadlines) covers, so that a human can
confirm each one is deliberately not annotated (phone, section number, issue date ...).
Run with /work/main/.venv/bin/python tools/uncovered.py [doc-stem]."""
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_gold import ROOT, normalize  # noqa: E402


def spans(text, quote, occ):
    qn = re.sub(r"\s+", " ", quote).strip()
    i, n = -1, 0
    while True:
        i = text.find(qn, i + 1)
        if i == -1:
            return None
        n += 1
        if n == occ:
            return (i, i + len(qn))


def main():
    only = sys.argv[1] if len(sys.argv) > 1 else None
    for p in sorted((ROOT / "corpus").glob("*.txt")):
        if only and only not in p.stem:
            continue
        text = normalize(p.read_text(encoding="utf-8"))
        cov = []
        for ent in ("legal_refs", "targets", "deadlines"):
            data = yaml.safe_load((ROOT / "gold" / ent / f"{p.stem}.yaml").read_text())
            for it in data.get(ent) or []:
                s = spans(text, it["quote"], it.get("occurrence", 1))
                if s:
                    cov.append((s[0], s[1], ent[0]))
        print("=" * 30, p.name)
        for m in re.finditer(r"\d[\d.,/:-]*\d|\d", text):
            if any(a <= m.start() < b for a, b, _ in cov):
                continue
            ctx = text[max(0, m.start() - 45):m.end() + 25]
            print(f"  {m.group():>14s} | {ctx}")


if __name__ == "__main__":
    main()
