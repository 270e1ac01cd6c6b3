"""Tiny helper used while annotating: write gold YAML from compact tuples."""
import yaml, datetime, pathlib
ROOT = pathlib.Path(__file__).resolve().parent.parent
def d(s):
    return None if s is None else datetime.date.fromisoformat(s)
def write(entity, stem, items):
    data = {"doc": stem + ".txt", entity: items}
    p = ROOT / "gold" / entity / (stem + ".yaml")
    p.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
def T(quote, value, unit, comp, qual, subject, kind, vmax=None, occ=None):
    it = {"quote": quote}
    if occ: it["occurrence"] = occ
    it.update(value=float(value), value_max=None if vmax is None else float(vmax), unit=unit,
              comparator=comp, qualifier=qual, subject=subject, kind=kind)
    return it
def D(quote, kind, start=None, end=None, rrule=None, occ=None, part=None):
    it = {"quote": quote}
    if occ: it["occurrence"] = occ
    if part: it["part"] = part
    it.update(kind=kind, start_date=d(start), end_date=d(end), recurrence=rrule)
    return it
def K(text_start, lead, support, deadline, output, source):
    return dict(text_start=text_start, lead=lead, support=support, deadline_text=deadline, output=output, source=source)
def LR(key, typ, date, quote, self_=False):
    it = {"key": key, "type": typ, "issue_date": d(date)}
    if self_: it["is_self"] = True
    it["quote"] = quote
    return it
def doc(stem, doc_type, number, date, place, issuer):
    data = {"doc": stem + ".txt", "document": dict(doc_type=doc_type, doc_number=number, issue_date=d(date), place=place, issuer=issuer)}
    p = ROOT / "gold" / "documents" / (stem + ".yaml")
    p.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
