"""Compare extractions with the hand-checked gold in ``tests/gold/`` (see its README).

Legal references are scored per document on *distinct* referenced documents (the key,
case-insensitive), as analysts use them: "which documents does this plan cite". Matched
references are also checked for type and issue date. Targets, deadlines and tasks are
scored per mention: a prediction matches a gold item whose quote it overlaps.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .model import Extraction
from .normalize import fold_tones

ENTITIES = ("documents", "legal_refs", "targets", "deadlines", "tasks")
DOCUMENT_FIELDS = ("doc_type", "doc_number", "issue_date", "place", "issuer")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    checks: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, total]
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def check(self, name: str, ok: bool) -> None:
        right_total = self.checks.setdefault(name, [0, 0])
        right_total[0] += int(ok)
        right_total[1] += 1

    def accuracy(self, name: str) -> float | None:
        right, total = self.checks.get(name, [0, 0])
        return right / total if total else None


def ref_key_norm(key: str) -> str:
    """Keys compare without case, spaces and commas (``Luật Phòng, chống tham nhũng``)."""
    return re.sub(r"[\s,]+", "", fold_tones(unicodedata.normalize("NFC", key))).casefold()


def load_gold(gold_dir: Path, entity: str) -> dict[str, dict]:
    """``{corpus file name: gold document}`` for one entity type."""
    out: dict[str, dict] = {}
    folder = gold_dir / entity
    if not folder.is_dir():
        return out
    for f in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        out[data.get("doc") or f.stem + ".txt"] = data
    return out


def score_legal_refs(results: dict[str, Extraction], gold: dict[str, dict]) -> Score:
    score = Score()
    for name, g in gold.items():
        ex = results.get(name)
        if ex is None:
            continue
        gold_refs = {ref_key_norm(str(r["key"])): r for r in g.get("legal_refs") or []}
        by_key: dict[str, list] = {}
        for r in ex.legal_refs:
            by_key.setdefault(ref_key_norm(r.ref_key), []).append(r)
        for key in sorted(set(by_key) | set(gold_refs)):
            if key in by_key and key in gold_refs:
                score.tp += 1
                mentions = by_key[key]
                gref = gold_refs[key]
                types = Counter(m.ref_type for m in mentions if m.type_source == "text") or Counter(
                    m.ref_type for m in mentions
                )
                ptype = types.most_common(1)[0][0]
                ok_type = _same_type(ptype, gref.get("type"))
                score.check("type", ok_type)
                if not ok_type:
                    score.errors.append(
                        f"{name}: {key} type {ptype!r} != gold {gref.get('type')!r}"
                    )
                gdate = gref.get("issue_date")
                dates = Counter(str(m.issue_date) for m in mentions if m.issue_date)
                pdate = dates.most_common(1)[0][0] if dates else None
                if gdate is not None:
                    ok_date = pdate is not None and (str(gdate) == pdate or str(gdate) in dates)
                    score.check("issue_date", ok_date)
                    if not ok_date:
                        score.errors.append(f"{name}: {key} date {pdate} != gold {gdate}")
            elif key in by_key:
                score.fp += 1
                score.errors.append(f"{name}: FP {by_key[key][0].quote!r}")
            else:
                score.fn += 1
                score.errors.append(f"{name}: FN {gold_refs[key].get('quote') or key!r}")
    return score


def _same_type(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted == gold
    # "Văn bản số 556/UBND-KSTTHC" names no type: a công văn under Nghị định 30/2020/NĐ-CP.
    aliases = {
        "văn bản": "công văn",
        "chương trình hành động": "chương trình",
        "kế hoạch hành động": "kế hoạch",
    }
    p, g = predicted.casefold(), gold.casefold()
    return aliases.get(p, p) == aliases.get(g, g)


def score_mentions(results: dict[str, Extraction], gold: dict[str, dict], entity: str) -> Score:
    """Per-mention scoring by quote overlap, for targets, deadlines and tasks."""
    score = Score()
    for name, g in gold.items():
        ex = results.get(name)
        if ex is None:
            continue
        items = g.get(entity) or []
        preds = list(getattr(ex, entity))
        text = ex.document.text
        spans = []
        for it in items:
            quote = it.get("quote") or it.get("text_start") or ""
            spans.append(locate(text, quote, it.get("occurrence", 1)))
        used: set[int] = set()
        for gi, span in enumerate(spans):
            hit = None
            if span is not None:
                for pi, p in enumerate(preds):
                    if pi in used:
                        continue
                    if p.char_start < span[1] and span[0] < p.char_end:
                        hit = pi
                        break
            if hit is None:
                score.fn += 1
                score.errors.append(
                    f"{name}: FN {items[gi].get('quote') or items[gi].get('text_start')!r}"
                )
            else:
                used.add(hit)
                score.tp += 1
                for check, ok, got, want in _checks(entity, items[gi], preds[hit]):
                    score.check(check, ok)
                    if not ok:
                        score.errors.append(
                            f"{name}: {check} {got!r} != gold {want!r} "
                            f"at {items[gi].get('quote')!r}"
                        )
        score.errors.extend(
            f"{name}: FP {p.quote!r}" for pi, p in enumerate(preds) if pi not in used
        )
        score.fp += len(preds) - len(used)
    return score


def _checks(entity: str, gold: dict, pred) -> list[tuple[str, bool, object, object]]:
    """(check, right?, predicted, gold) for one matched mention."""
    if entity == "targets":
        return [
            ("value", abs(float(gold.get("value") or 0.0) - pred.value) < 1e-6, pred.value,
             gold.get("value")),
            ("comparator", str(gold.get("comparator")) == pred.comparator, pred.comparator,
             gold.get("comparator")),
            ("kind", str(gold.get("kind") or "target") == pred.kind, pred.kind, gold.get("kind")),
        ]
    if entity == "deadlines":
        checks = [("kind", gold.get("kind") == pred.kind, pred.kind, gold.get("kind"))]
        if gold.get("kind") == "recurring":
            # Gold writes the rule; our first concrete occurrence is extra information.
            want = gold.get("recurrence")
            checks.append(("dates", want is None or want == pred.recurrence, pred.recurrence, want))
        else:
            got = (_iso(pred.start_date), _iso(pred.end_date))
            want = (_iso(gold.get("start_date")), _iso(gold.get("end_date")))
            checks.append(("dates", got == want, got, want))
        return checks
    return []


def _iso(value) -> str | None:
    return None if value is None else str(value)[:10]


def score_tasks(results: dict[str, Extraction], gold: dict[str, dict]) -> Score:
    """Tasks: a prediction matches the gold task whose ``text_start`` it overlaps (the nearest
    start when several do). Matched tasks are checked for their lead and support units and
    their deadline text.

    Units compare as sets of names, both sides through the unit normalizer, letter case
    ignored, and both sides split on ``", "`` first: gold sets written at different times
    split collective names differently (``Ủy ban nhân dân các huyện, thành phố`` is one name in
    one set and ``[Ủy ban nhân dân các huyện, thành phố]`` — a YAML list of two — in another),
    so the comparison is on the comma-separated parts.

    Deadline text is compared as printed (spaces, letter case and end punctuation ignored)
    after dropping one leading ``trong ``, ``hoàn thành `` or ``vào ``: one gold set quotes
    ``trong Quý II/2024`` where another quotes ``Quý II/2024`` for the same printed words.
    Nothing else is lenient."""
    score = Score()
    for name, g in gold.items():
        ex = results.get(name)
        if ex is None:
            continue
        text = ex.document.text
        preds = list(ex.tasks)
        used: set[int] = set()
        for it in g.get("tasks") or []:
            label = it.get("text_start") or ""
            span = locate(text, label, it.get("occurrence", 1))
            hits = [
                pi
                for pi, p in enumerate(preds)
                if span and pi not in used and p.char_start < span[1] and span[0] < p.char_end
            ]
            if not hits:
                score.fn += 1
                score.errors.append(f"{name}: FN {label!r}")
                continue
            hit = min(hits, key=lambda pi: abs(preds[pi].char_start - span[0]))
            used.add(hit)
            score.tp += 1
            p = preds[hit]
            for check, want, got in (
                ("lead", it.get("lead"), p.lead_units),
                ("support", it.get("support"), p.support_units),
            ):
                ok = _unit_set(want) == _unit_set(got)
                score.check(check, ok)
                if not ok:
                    score.errors.append(f"{name}: {check} {got!r} != gold {want!r} at {label!r}")
            ok = _printed(it.get("deadline_text")) == _printed(p.deadline_text)
            score.check("deadline_text", ok)
            if not ok:
                score.errors.append(
                    f"{name}: deadline_text {p.deadline_text!r} != gold "
                    f"{it.get('deadline_text')!r} at {label!r}"
                )
        score.errors.extend(
            f"{name}: FP {p.text[:80]!r}" for pi, p in enumerate(preds) if pi not in used
        )
        score.fp += len(preds) - len(used)
    return score


def _unit_set(names: list[str] | None) -> set[str]:
    from .extractors.units import normalize  # the same normalizer on both sides

    out: set[str] = set()
    for n in names or []:
        for part in normalize(str(n)).split(", "):
            part = normalize(part)
            if part:
                out.add(part.casefold())
    return out


_DEADLINE_LEAD_RE = re.compile(r"^(?:trong|hoàn thành|vào)\s+")


def _printed(text: str | None) -> str | None:
    if not text:
        return None
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(text))).strip(" .;,/")
    text = _DEADLINE_LEAD_RE.sub("", text.casefold())
    return text or None


def locate(text: str, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
    """Offsets of the n-th occurrence of ``quote`` in ``text``, ignoring whitespace runs."""
    quote = unicodedata.normalize("NFC", quote).strip()
    if not quote:
        return None
    pattern = r"\s+".join(re.escape(w) for w in quote.split())
    found = list(re.finditer(pattern, text))
    if len(found) < occurrence:
        found = list(re.finditer(pattern, text, re.I))
    if len(found) < occurrence:
        return None
    m = found[occurrence - 1]
    return m.start(), m.end()


def score_documents(results: dict[str, Extraction], gold: dict[str, dict]) -> Score:
    """The header fields: a document counts as right when every field the gold gives is right
    (null included: a draft's blank number must stay blank); checks give each field's rate."""
    score = Score()
    for name, g in gold.items():
        ex = results.get(name)
        if ex is None:
            continue
        want = g.get("document") or {}
        all_right = True
        for f in DOCUMENT_FIELDS:
            if f not in want:
                continue
            got = getattr(ex.info, f)
            ok = _same_field(got, want[f])
            score.check(f, ok)
            if not ok:
                all_right = False
                score.errors.append(f"{name}: {f} {got!r} != gold {want[f]!r}")
        if all_right:
            score.tp += 1
        else:
            score.fp += 1
            score.fn += 1
    return score


def _same_field(got, want) -> bool:
    if got is None or want is None:
        return got is None and want is None
    return _plain(got) == _plain(want)


def _plain(value) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", str(value))).casefold()


def evaluate(results: dict[str, Extraction], gold_dir: Path) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    for entity in ENTITIES:
        gold = load_gold(gold_dir, entity)
        if not gold:
            continue
        if entity == "documents":
            scores[entity] = score_documents(results, gold)
        elif entity == "legal_refs":
            scores[entity] = score_legal_refs(results, gold)
        elif entity == "tasks":
            scores[entity] = score_tasks(results, gold)
        else:
            scores[entity] = score_mentions(results, gold, entity)
    return scores


def format_table(scores: dict[str, Score]) -> str:
    lines = [
        f"{'entity':<12} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}  checks"
    ]
    for entity, s in scores.items():
        checks = ", ".join(
            f"{k} {s.accuracy(k):.3f} ({v[0]}/{v[1]})" for k, v in s.checks.items() if v[1]
        )
        lines.append(
            f"{entity:<12} {s.tp + s.fn:>5} {s.tp + s.fp:>5} {s.tp:>5} "
            f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}  {checks}"
        )
    return "\n".join(lines)
