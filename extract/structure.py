"""The administrative layout: header → document info, section tree, signature and recipients.

Handles the layout of Nghị định 30/2020/NĐ-CP as received plans print it:
- header: issuing body above ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``; ``Số: 05/KH-SGDĐT``
  (``Số: /KH-SGDĐT`` on drafts → no number); ``Hưng Yên, ngày 04 tháng 01 năm 2022`` (a blank
  day → no date); the type line ``KẾ HOẠCH``; the title lines after it;
- sections: ``I.``/``A.``, ``1.``, ``1.1.``, ``a)``, bullets, ``Chương``/``Điều`` — nested in
  the order each document uses them;
- the signature block (``KT. GIÁM ĐỐC`` / ``PHÓ GIÁM ĐỐC`` / name) and the ``Nơi nhận:`` list,
  which are not body text.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from . import patterns
from .model import Block, Document, DocumentInfo, Section
from .normalize import match_text


@cache
def _rules() -> dict:
    data = patterns.load("structure")
    types = patterns.load("doc_types")
    type_names = {match_text(t["name"].upper()): t["name"] for t in types["types"]}
    type_names.update({match_text(k): v for k, v in (types.get("header_only") or {}).items()})
    caps_types = sorted(type_names, key=len, reverse=True)
    return {
        "national": re.compile(data["national_name"], re.I),
        "motto": re.compile(data["motto"], re.I),
        "place_date": re.compile(data["place_date"], re.I),
        "number": re.compile(data["number_line"]),
        "type_line": re.compile(r"^(" + "|".join(map(re.escape, caps_types)) + r")\s*$"),
        "type_names": type_names,
        "signature": re.compile(r"^(?:" + "|".join(data["signature_titles"]) + r")\s*$"),
        "signed": re.compile("|".join(data["signed_marks"])),
        "recipients": re.compile(data["recipients"], re.I),
        # One pattern, a named group per style in the data's order: the first style that
        # matches wins, as trying them one by one would, at one call per block.
        "labels": re.compile("|".join(f"(?P<{k}>{v})" for k, v in data["section_labels"].items())),
        "periods": [(re.compile(p["re"], re.I), p["fmt"]) for p in data["periods"]],
        "issuer_fallbacks": [re.compile(p) for p in data["issuer_fallbacks"]],
        "look_back": re.compile(
            r"\s*(?:(?:" + patterns.alternation(data["look_back"]["openers"]) + r")\s+)?"
            r"(?:" + patterns.alternation(data["look_back"]["leads"]) + r")(?![\w])",
            re.I,
        ),
        "forward": patterns.word_re(data["look_back"]["forward_words"]),
        "issuer_locality": re.compile(data["issuer_locality_line"]),
        "issuer_office": re.compile(data["issuer_office_line"]),
        "period_ignore": re.compile(data["period_ignore"], re.I),
    }


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def _lines_of(block: Block) -> list[str]:
    if block.rows is not None:
        return [c.text for row in block.rows for c in row if c.text]
    return [block.text]


_RULE_RE = re.compile(r"[-–_=*.]{3,}")
_TITLE_STOP_RE = re.compile(r"^(?:Căn cứ|Kính gửi|Theo đề nghị|Thực hiện\s+\S+\s+số)", re.I)


def analyze(doc: Document) -> tuple[DocumentInfo, list[Section]]:
    """Read the header into :class:`DocumentInfo`, classify layout blocks, build sections."""
    rules = _rules()
    info = DocumentInfo()
    _classify_layout(doc, rules)
    _read_header(doc, info, rules)
    sections = _sections(doc, rules)
    _mark_looking_back(sections, info, rules)
    return info, sections


def _classify_layout(doc: Document, rules: dict) -> None:
    """Mark header, signature and recipients blocks so extractors skip or use them."""
    blocks = doc.blocks
    for i, b in enumerate(blocks):
        text = match_text(b.text)
        if rules["national"].search(text) or rules["motto"].search(text):
            b.kind = "header"
            # Issuing-body lines (capitals) directly above the national name.
            j = i - 1
            while (
                j >= 0
                and i - j <= 3
                and blocks[j].kind != "header"
                and _is_caps(blocks[j].text)
                and not rules["type_line"].match(match_text(blocks[j].text))
                and len(blocks[j].text) < 120
            ):
                blocks[j].kind = "header"
                j -= 1
        elif (
            b.rows is None
            and (rules["number"].match(text) or rules["place_date"].match(text))
            and len(text) < 90
        ) or _RULE_RE.fullmatch(text.strip()):
            b.kind = "header"
    in_recipients = False
    for b in blocks:
        text = b.text.strip()
        if b.rows is None and rules["recipients"].match(text):
            b.kind = "recipients"
            in_recipients = True
            continue
        if in_recipients:
            if b.kind == "list_item" or text.startswith(("-", "+", "•")):
                b.kind = "recipients"
                continue
            in_recipients = False
        if (
            b.rows is None
            and len(text) < 60
            and (rules["signature"].match(text) or rules["signed"].search(text))
        ):
            b.kind = "signature"
    # The signer's name follows the capacity lines.
    for i, b in enumerate(blocks[:-1]):
        nxt = blocks[i + 1]
        if (
            b.kind == "signature"
            and nxt.kind in ("paragraph", "heading")
            and _looks_like_name(nxt.text)
        ):
            nxt.kind = "signature"


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return (
        2 <= len(words) <= 5
        and all(w[:1].isupper() for w in words)
        and not _is_caps(text)
        and not re.search(r"[\d:;,.()]", text)
    )


def _read_header(doc: Document, info: DocumentInfo, rules: dict) -> None:
    blocks = doc.blocks
    issuer_lines: list[str] = []
    type_index: int | None = None
    for i, b in enumerate(blocks[:40]):
        for line in _lines_of(b):
            folded = match_text(line.strip())
            rest = line.strip()
            if info.doc_number is None and (m := rules["number"].match(folded)):
                value, rest = _number_and_rest(line.strip(), m.start("number"))
                info.doc_symbol = _symbol_of(value)
                info.doc_number = value if re.match(r"\d", value) else None
                rest = rest.strip()
            if info.place is None and (m := rules["place_date"].match(match_text(rest))):
                info.place = rest[: m.end("place")].strip()
                if m.group("day") and m.group("month"):
                    try:
                        info.issue_date = date(int(m["year"]), int(m["month"]), int(m["day"]))
                    except ValueError:
                        doc.warnings.append(f"invalid issue date in header: {line.strip()!r}")
                info.header_year = int(m["year"])
            if (
                rules["national"].search(folded) is None
                and b.kind == "header"
                and _is_caps(line)
                and not rules["motto"].search(folded)
                and not rules["number"].match(folded)
                and not rules["place_date"].match(folded)
            ):
                for part in re.split(r"\s*[-–_]{3,}\s*|\s{2,}", line):
                    if _is_caps(part) and not rules["national"].search(match_text(part)):
                        issuer_lines.append(part.strip())
        if (
            type_index is None
            and b.rows is None
            and (m := rules["type_line"].match(match_text(b.text.strip())))
        ):
            type_index = i
            info.doc_type = rules["type_names"][m.group(1)]
            b.kind = "heading"
    if issuer_lines:
        info.issuer = issuer_lines[-1]
        if len(issuer_lines) > 1 and rules["issuer_locality"].match(match_text(info.issuer)):
            info.issuer = f"{issuer_lines[-2]} {info.issuer}"
        elif len(issuer_lines) > 1 and rules["issuer_office"].match(match_text(info.issuer)):
            # "UBND TỈNH NINH BÌNH" / "VĂN PHÒNG": the office of the body above it.
            info.issuer = f"{info.issuer} {issuer_lines[-2]}"
    else:
        mt = match_text(doc.text)
        for rx in rules["issuer_fallbacks"]:
            if m := rx.search(mt):
                info.issuer = doc.text[m.start("issuer") : m.end("issuer")].strip()
                break
    if type_index is not None:
        title_parts: list[str] = []
        first_bold = False
        for b in blocks[type_index + 1 : type_index + 5]:
            text = b.text.strip()
            if b.rows is not None or b.kind in ("header", "signature", "recipients", "footnote"):
                break
            if title_parts and (
                _TITLE_STOP_RE.match(text)
                or not ((b.bold and first_bold) or (_is_caps(text) and _is_caps(title_parts[0])))
            ):
                break
            if not title_parts and (
                len(text) > 400 or text.endswith(";") or text.startswith("Căn cứ")
            ):
                break
            if not title_parts:
                first_bold = b.bold
            title_parts.append(text)
            if not (b.bold or b.kind == "heading" or _is_caps(text)):
                break
        if title_parts:
            info.title = " ".join(title_parts)
    if info.doc_type is None and (info.doc_number or info.doc_symbol):
        # No type line: the symbol says it, and a symbol without a type abbreviation is a
        # công văn (Nghị định 30/2020/NĐ-CP, Phụ lục III).
        symbol = info.doc_number or f"/{info.doc_symbol}"
        untyped = patterns.load("doc_types")["untyped_symbol_type"]
        info.doc_type = _type_from_symbol(symbol) or untyped
    if info.title is None:
        info.title = _subject_line(blocks)
    _read_period(info, rules)


_SUBJECT_LINE_RE = re.compile(r"^\s*[Vv]/[Vv]\s*[:.]?\s*(?P<subject>\S.*)$")


def _subject_line(blocks: list[Block]) -> str | None:
    """A công văn has no title: its ``V/v ...`` line (trích yếu) says what it is about."""
    for b in blocks[:30]:
        for line in _lines_of(b):
            m = _SUBJECT_LINE_RE.match(line)
            if m:
                return m.group("subject").strip()
    return None


def _number_and_rest(line: str, at: int) -> tuple[str, str]:
    """``Số: 123/KH-UBND Bắc Giang, ngày ...`` (a header flattened onto one line) → the number
    (read as legal references read numbers) and what follows it."""
    from .extractors.legal_refs import numsym_at

    end = numsym_at(match_text(line), at)
    if end is None:
        return re.sub(r"\s+", "", line[at:]), ""
    return re.sub(r"\s+", "", line[at:end]), line[end:]


def _symbol_of(number: str) -> str | None:
    """``335/2025/NĐ-CP`` → ``NĐ-CP``; ``/KH-SGDĐT`` → ``KH-SGDĐT``; ``18-NQ/TW`` → ``NQ/TW``."""
    m = re.match(r"^\d*[a-zđ]?\s*(?:/\s*(?:(?:19|20)\d{2}\s*/\s*)?|-)(?P<sym>\S.*)$", number)
    return m.group("sym") if m else None


def _type_from_symbol(number: str) -> str | None:
    from .extractors.legal_refs import type_from_symbol

    return type_from_symbol(number.split("/", 1)[-1])


def _read_period(info: DocumentInfo, rules: dict) -> None:
    text = rules["period_ignore"].sub(" ", match_text(info.title or ""))
    for rx, fmt in rules["periods"]:
        m = rx.search(text)
        if m:
            groups = {k: v for k, v in m.groupdict().items() if v}
            info.period = fmt.format(
                **{k: groups.get(k, "") for k in ("start", "end", "q", "h", "m")}
            )
            issued = info.issue_date.year if info.issue_date else info.header_year
            # "từ nay đến năm 2020": the plan runs from its own date to that year.
            start = groups.get("start") or issued or groups.get("end")
            end = groups.get("end") or groups.get("start")
            info.period_start, info.period_end = int(start), int(end)
            return
    year = info.issue_date.year if info.issue_date else info.header_year
    if year:
        info.period_start = info.period_end = year


def label_of(text: str) -> tuple[str, str] | None:
    """``"1.1. Tỷ lệ ..."`` → ``("decimal2", "1.1.")``; None for unlabelled text."""
    m = _rules()["labels"].match(text.lstrip())
    if m is None or not m.group(0).strip():
        return None
    return m.lastgroup, m.group(0).strip()


def _sections(doc: Document, rules: dict) -> list[Section]:
    body_end = len(doc.text)
    sections: list[Section] = []
    stack: list[tuple[str, Section]] = []
    for bi, b in enumerate(doc.blocks):
        if b.kind not in ("heading", "paragraph", "list_item"):
            continue
        found = label_of(b.text)
        if found is None:
            continue
        style, label = found
        style = _roman_or_letter(style, label, stack)
        if style == "appendix":
            stack.clear()  # an appendix starts a new top-level part after the body
        styles = [s for s, _ in stack]
        if style in styles:
            del stack[styles.index(style) :]
        rest = b.text.lstrip()[len(label) :].strip()
        below = _heading_below(doc.blocks, bi) if style in _TITLED_BELOW else ""
        title = _title_of(rest) or below
        section = Section(
            section_id=f"{doc.doc_id}:s:{b.start}",
            parent_id=stack[-1][1].section_id if stack else None,
            level=len(stack) + 1,
            label=label,
            title=title,
            char_start=b.start,
            char_end=body_end,
        )
        stack.append((style, section))
        sections.append(section)
    # A section ends where the next section of its level or above begins; the open ones
    # form a stack of rising levels, closed from the top.
    open_: list[Section] = []
    for nxt in sections:
        while open_ and open_[-1].level >= nxt.level:
            open_.pop().char_end = nxt.char_start - 1
        open_.append(nxt)
    return sections


def _roman_or_letter(style: str, label: str, stack: list[tuple[str, Section]]) -> str:
    """``I.``/``V.``/``X.`` are roman numerals unless they continue an ``A.``, ``B.`` series."""
    letter = label.rstrip(".)")
    if style == "alpha_upper" and letter in "IVXLCDM":
        prev = next(
            (s.label.rstrip(".)") for st, s in reversed(stack) if st == "alpha_upper"), None
        )
        if not (prev and len(prev) == 1 and ord(letter) == ord(prev) + 1):
            return "roman"
    return style


# Labels printed alone whose title is the heading line under them; an appendix's heading
# stays its own block (the appendix's table reads it).
_TITLED_BELOW = frozenset({"part", "chapter", "roman", "alpha_upper"})


def _heading_below(blocks: list[Block], i: int) -> str:
    """A part label printed alone (``PHẦN II``) is titled by the heading line under it
    (``PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024``)."""
    if i + 1 < len(blocks):
        nxt = blocks[i + 1].text.strip()
        if nxt and len(nxt) <= 200 and nxt == nxt.upper() and label_of(nxt) is None:
            return nxt
    return ""


def _mark_looking_back(sections: list[Section], info: DocumentInfo, rules: dict) -> None:
    """``Section.looks_back``: the title opens with a looking-back lead, or holds no forward
    word and the parent looks back, or (top level) names only years before the document's."""
    issued = info.issue_date.year if info.issue_date else None
    year = info.period_start or issued or info.header_year
    by_id = {s.section_id: s for s in sections}
    for s in sections:  # parents come before their children
        title = match_text(s.title)
        parent = by_id.get(s.parent_id) if s.parent_id else None
        if rules["look_back"].match(title):
            s.looks_back = True
        elif rules["forward"].search(title):
            s.looks_back = False
        elif parent is not None and parent.looks_back:
            s.looks_back = True
        else:
            anc = parent
            while anc is not None and not anc.title.strip():
                anc = by_id.get(anc.parent_id) if anc.parent_id else None
            if year and anc is None:  # a top-level title naming only earlier years
                years = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", title)]
                s.looks_back = bool(years) and max(years) < year


# The test of the character before comes after the stop, so the pattern opens with a class.
_TITLE_END_RE = re.compile(r"[.:;](?<=[^\d\s][.:;])(?=\s|$)")


def _title_of(rest: str) -> str:
    m = _TITLE_END_RE.search(rest)
    title = rest[: m.start()] if m and m.start() > 0 else rest
    return title[:200].strip()


def section_at(sections: list[Section], offset: int) -> Section | None:
    """The innermost section containing ``offset``."""
    best: Section | None = None
    for s in sections:
        if s.char_start > offset:
            break
        if s.char_end >= offset and (best is None or s.level >= best.level):
            best = s
    return best


def section_chain(sections: list[Section], by_id: dict[str, Section], offset: int) -> list[Section]:
    """The sections holding ``offset``, innermost first."""
    chain = []
    sec = section_at(sections, offset)
    while sec is not None:
        chain.append(sec)
        sec = by_id.get(sec.parent_id) if sec.parent_id else None
    return chain
