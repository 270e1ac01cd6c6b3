"""Unit detection beside ``underthesea.ner`` on the same sentences (for ``make bench``).

The evaluation set is built from the gold tasks (``tests/gold/tasks``): for each gold task,
the piece of the document where a reader sees the units it names (lead ∪ support ∪
report_to, as normalized names):

- a table row: every cell of the row (task, output, unit and time cells);
- a list or paragraph task: its text (the extracted task that overlaps the gold
  ``text_start``, as ``vnplan eval`` matches them; the block when none does), the heading
  line of the nearest section enclosing it (``2. Bộ Quốc phòng``, ``1. Văn phòng Sở GDĐT``)
  and the role lines printed right after it (``2. Cơ quan chủ trì, phối hợp`` / ``a) Cơ
  quan chủ trì`` / ``- Ban Chỉ đạo quốc gia.``, ``- Cơ quan chủ trì: Sở Giáo dục và Đào
  tạo, ...``; the label words are ``role_labels`` of ``patterns/tasks.yaml``).

Each span is a list of pieces (one cell or one line: neither method sees text run across a
cell or line boundary) and both methods get exactly the same pieces:

- ours: the free-text unit finder of ``extract.extractors.units`` — at each word, from left
  to right, ``units_at`` (the end of a list of units starting there, if any), then
  ``parse`` of that text (split into units, normalized); no table-column knowledge;
- underthesea: ``underthesea.ner(piece)``, ORG and LOC entities (a ``B-`` tag and the ``I-``
  tags of the same type after it), each entity's text normalized with our ``normalize`` so
  that the comparison is about detection, not spelling.

Scores: per span, the set of names found against the gold set (both sides through
``normalize``, letter case ignored), micro-averaged precision / recall over all spans. A name
printed in the span that the gold does not list for the task (``Giám đốc Sở Giáo dục và Đào
tạo`` in a duty's text) counts against precision for either method. Speed: CPU time
(``time.process_time``) of each method over all pieces, after one warm-up call each (model
and pattern loading are not timed); sentences/s counts spans, MB/s their UTF-8 text.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import patterns
from .evaluate import load_gold, locate
from .extractors import units as U
from .model import Extraction
from .normalize import match_text
from .structure import label_of

_ENTITY_TYPES = ("ORG", "LOC")
_WORD_START_RE = re.compile(r"(?<![\w])\w")
_BULLET_STYLES = frozenset({"dash", "dot", "star", "other_bullet"})


@dataclass(slots=True)
class UnitSpan:
    """One evaluation sentence: the text pieces a reader sees for one gold task."""

    doc: str
    label: str  # the gold task's text_start
    source: str  # table | list | paragraph
    pieces: list[str]
    gold: set[str]
    found: dict[str, set[str]] = field(default_factory=dict)  # method → names found


# --- the two methods ------------------------------------------------------------------------


def _key(name: str) -> str:
    return U.normalize(name).casefold()


def ours(text: str) -> set[str]:
    """Unit names in free text: ``units_at`` at each word, ``parse`` of what it spans."""
    mt = match_text(text)
    found: set[str] = set()
    pos = 0
    for m in _WORD_START_RE.finditer(mt):
        start = m.start()
        if start < pos:
            continue
        end = U.units_at(mt, start)
        if end is None or end <= start:
            continue
        found.update(k for u in U.parse(text[start:end]) if (k := _key(u.name)))
        pos = end
    return found


def _ner_entities(text: str) -> list[str]:
    """ORG/LOC entity texts of ``underthesea.ner``, cut from ``text`` where tokens align."""
    from underthesea import ner

    tokens = ner(text)
    spans: list[tuple[int, int] | None] = []
    pos = 0
    for tok in tokens:
        words = str(tok[0]).split()
        m = (
            re.compile(r"\s+".join(re.escape(w) for w in words)).search(text, pos)
            if words
            else None
        )
        spans.append((m.start(), m.end()) if m else None)
        if m:
            pos = m.end()
    entities: list[list[int]] = []  # token indexes of each entity
    kind = None
    for i, tok in enumerate(tokens):
        tag = str(tok[-1])
        prefix, _, etype = tag.partition("-")
        if etype not in _ENTITY_TYPES:
            kind = None
        elif prefix == "I" and kind == etype:
            entities[-1].append(i)
        else:  # B-, or an I- that continues nothing
            entities.append([i])
            kind = etype
    out = []
    for idx in entities:
        first, last = spans[idx[0]], spans[idx[-1]]
        if first and last and all(spans[i] for i in idx):
            out.append(text[first[0] : last[1]])
        else:
            out.append(" ".join(str(tokens[i][0]) for i in idx))
    return out


def underthesea_units(text: str) -> set[str]:
    """``underthesea.ner`` ORG and LOC entities, normalized with our normalizer."""
    return {k for e in _ner_entities(text) if (k := _key(e))}


METHODS: dict[str, Callable[[str], set[str]]] = {
    "vnplan units (units_at + parse)": ours,
    "underthesea.ner ORG+LOC": underthesea_units,
}


# --- the evaluation set ---------------------------------------------------------------------


@dataclass(slots=True)
class _RoleLines:
    label_re: re.Pattern[str]
    unit_roles: dict[str, bool]  # folded label → names units (lead, support, responsible)


def _role_lines() -> _RoleLines:
    v = patterns.load("tasks")
    words: dict[str, bool] = {}
    for role, labels in v["role_labels"].items():
        for w in labels:
            words[match_text(w).casefold()] = role != "time"
    joiners = [match_text(w).casefold() for w in v["role_joiners"]]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    jalt = "|".join(re.escape(w) for w in sorted(joiners, key=len, reverse=True))
    label_re = re.compile(
        rf"(?P<first>{alt})(?![\w])(?:\s*,\s*(?:{alt}|{jalt})(?![\w]))*"
        r"\s*(?P<colon>:)?\s*(?P<rest>.*)$",
        re.I | re.S,
    )
    return _RoleLines(label_re, words)


def _strip_label(line: str) -> str:
    found = label_of(line)
    body = line.lstrip()
    if found:
        body = body[len(found[1]) :]
    return body.strip()


def _after_roles(text: str, pos: int, roles: _RoleLines) -> list[str]:
    """The role lines printed right after a task's text: each label that names units, and
    the lines under a label with nothing after it (``a) Cơ quan chủ trì`` / ``- Ban Chỉ đạo
    quốc gia.``) up to the next label; time labels are passed over. A line that is neither
    (a new item, a heading, running text) ends them."""
    out: list[str] = []
    nl = text.find("\n", pos)
    if nl < 0:
        return out
    under = False  # below a unit label with nothing after it
    for line in text[nl + 1 :].split("\n"):
        if not line.strip():
            continue
        body = _strip_label(line)
        m = roles.label_re.match(match_text(body).casefold())
        if m and (m.group("colon") or not m.group("rest").strip()):
            names_units = roles.unit_roles.get(m.group("first").casefold(), False)
            if names_units:
                out.append(line.strip())
            under = names_units and not m.group("rest").strip()
            continue
        found = label_of(line)
        if under and (found is None or found[0] in _BULLET_STYLES):
            out.append(line.strip())
            continue
        break
    return out


def _heading_line(ex: Extraction, pos: int, own_start: int) -> str | None:
    """The heading line of the nearest section enclosing ``pos`` that the task's own block
    does not open."""
    text = ex.document.text
    enclosing = [s for s in ex.sections if s.char_start < own_start and pos < s.char_end]
    if not enclosing:
        return None
    best = max(enclosing, key=lambda s: s.char_start)
    end = text.find("\n", best.char_start)
    return text[best.char_start : end if end >= 0 else len(text)].strip() or None


def _gold_set(task: dict) -> set[str]:
    names = [*(task.get("lead") or []), *(task.get("support") or [])]
    names += task.get("report_to") or []
    return {k for n in names if (k := _key(str(n)))}


def task_spans(results: dict[str, Extraction], gold_dir: Path) -> list[UnitSpan]:
    """One :class:`UnitSpan` per gold task whose text is found in its document."""
    roles = _role_lines()
    spans: list[UnitSpan] = []
    for name, g in load_gold(gold_dir, "tasks").items():
        ex = results.get(name)
        if ex is None or ex.status == "failed":
            continue
        doc = ex.document
        text = doc.text
        used: set[int] = set()
        for it in g.get("tasks") or []:
            label = it.get("text_start") or ""
            at = locate(text, label, it.get("occurrence", 1))
            if at is None:
                continue
            block = next((b for b in doc.blocks if b.start <= at[0] < b.end), None)
            if block is None:
                continue
            if block.rows is not None:
                row = next((r for r in block.rows if r and r[0].start <= at[0] <= r[-1].end), None)
                if row is None:
                    continue
                pieces = [c.text.strip() for c in row if c.text.strip()]
                spans.append(UnitSpan(name, label, "table", pieces, _gold_set(it)))
                continue
            hits = [
                i
                for i, p in enumerate(ex.tasks)
                if i not in used and p.char_start < at[1] and at[0] < p.char_end
            ]
            if hits:
                hit = min(hits, key=lambda i: abs(ex.tasks[i].char_start - at[0]))
                used.add(hit)
                start, end = ex.tasks[hit].char_start, ex.tasks[hit].char_end
            else:
                start, end = at[0], block.end
            pieces = []
            heading = _heading_line(ex, start, min(start, block.start))
            if heading:
                pieces.append(heading)
            pieces += [ln.strip() for ln in text[start:end].split("\n") if ln.strip()]
            pieces += _after_roles(text, end, roles)
            source = str(it.get("source") or "list")
            spans.append(UnitSpan(name, label, source, pieces, _gold_set(it)))
    return spans


# --- scoring and timing ---------------------------------------------------------------------


@dataclass(slots=True)
class MethodResult:
    name: str
    cpu: float
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def run_method(name: str, fn: Callable[[str], set[str]], spans: list[UnitSpan]) -> MethodResult:
    fn("Sở Giáo dục và Đào tạo phối hợp với Ủy ban nhân dân tỉnh.")  # warm-up, not timed
    t0 = time.process_time()
    for s in spans:
        found: set[str] = set()
        for piece in s.pieces:
            found |= fn(piece)
        s.found[name] = found
    cpu = time.process_time() - t0
    tp = fp = fn_ = 0
    for s in spans:
        got = s.found[name]
        tp += len(got & s.gold)
        fp += len(got - s.gold)
        fn_ += len(s.gold - got)
    return MethodResult(name, cpu, tp, fp, fn_)


def evaluate_units(corpus: Path, gold_dir: Path) -> tuple[list[UnitSpan], list[MethodResult]]:
    """The evaluation spans and each method's result on them."""
    from .pipeline import process

    gold = load_gold(gold_dir, "tasks")
    results = {n: process(corpus / n) for n in gold if (corpus / n).is_file()}
    spans = task_spans(results, gold_dir)
    return spans, [run_method(n, fn, spans) for n, fn in METHODS.items()]


def unit_rows(corpus: Path, gold_dir: Path) -> list[str]:
    """Printable lines: each method's throughput per core and its precision / recall."""
    spans, results = evaluate_units(corpus, gold_dir)
    nbytes = sum(len(p.encode()) for s in spans for p in s.pieces)
    npieces = sum(len(s.pieces) for s in spans)
    ndocs = len({s.doc for s in spans})
    mb = nbytes / 1e6
    lines = [
        f"units: {len(spans)} gold task spans ({npieces} lines/cells, {mb:.3f} MB) "
        f"from {ndocs} documents; names of lead ∪ support ∪ report_to per span, micro P / R",
        f"{'method':<34} {'MB/s/core':>10} {'sent/s/core':>12} {'peak MB':>8}  P / R vs gold",
    ]
    for r in results:
        mbs = mb / r.cpu if r.cpu else 0.0
        sps = len(spans) / r.cpu if r.cpu else 0.0
        lines.append(
            f"{r.name:<34} {mbs:>10.3f} {sps:>12.1f} {'-':>8}  "
            f"units {r.precision:.3f} / {r.recall:.3f} (tp {r.tp}, fp {r.fp}, fn {r.fn})"
        )
    return lines
