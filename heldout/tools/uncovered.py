"""Review aid: list candidate spans (numbers, symbols, time words) of each document that
no gold quote covers, so a human can confirm they are deliberately unannotated."""
import re, sys, pathlib, yaml
sys.path.insert(0, str(pathlib.Path(__file__).parent))
from check_gold import normalize, CORPUS, GOLD

def spans(text, items, field):
    out = []
    for it in items:
        q = it.get(field)
        if not q:
            continue
        pat = r"\s*".join(re.escape(ch) for ch in re.sub(r"\s+", "", q))
        ms = list(re.finditer(pat, text))
        occ = it.get("occurrence", 1)
        if len(ms) >= occ:
            out.append(ms[occ - 1].span())
    return out

for p in sorted(CORPUS.glob("*.txt")):
    if len(sys.argv) > 1 and sys.argv[1] not in p.name:
        continue
    text = normalize(p.read_text(encoding="utf-8"))
    print("=" * 20, p.name)
    other = []
    for e2 in ("legal_refs", "deadlines"):
        d2 = yaml.safe_load((GOLD / e2 / (p.stem + ".yaml")).read_text(encoding="utf-8"))
        other += spans(text, d2[e2], "quote")
    for ent, field, rx in [
        ("legal_refs", "quote", r"\d+[/-][0-9A-Za-zĐđ/.\-]*[A-ZĐ][0-9A-Za-zĐđ/.\-]*|Luật [A-ZĐ][^,;.(]{3,40}"),
        ("targets", "quote", r"(?<![\d/.,:+-])\d[\d.,]*\d%?(?![\d/:+-])|(?<![\d/.,:+-])\d%?(?![\d/.,:+-])"),
        ("deadlines", "quote", r"(?i)(quý|tháng|ngày|hằng|hàng|thường xuyên|khi có yêu cầu|theo lịch|định kỳ|năm 20\d\d)[^\n,;.]{0,25}"),
    ]:
        data = yaml.safe_load((GOLD / ent / (p.stem + ".yaml")).read_text(encoding="utf-8"))
        sp = spans(text, data[ent], field)
        miss = []
        for m in re.finditer(rx, text):
            a, b = m.span()
            if not any(x < b and a < y for x, y in sp):
                g = m.group(0)
                if ent == "targets":
                    if re.fullmatch(r"(19|20)\d\d", g) or any(x < b and a < y for x, y in other):
                        continue
                    g = text[max(0, a - 25):b + 15]
                miss.append(g.replace("\n", " "))
        print(f"-- {ent}: {len(miss)} uncovered")
        print("   " + ("\n   " if ent == "targets" else " | ").join(miss))
