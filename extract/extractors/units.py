"""Units: split lists of agencies, find a unit named in a sentence, normalize its name.

Forms handled (all seen in received plans; the words live in ``patterns/units.yaml``):
- lists in a table cell or after a label: ``Sở GDĐT``, ``Phòng GDĐT, Đơn vị trực thuộc``,
  ``Đơn vị trực thuộc; Sở Tài chính``, ``Văn phòng Sở và các phòng Sở``,
  ``Công thông tin điện tử đơn vị. Công thông tin điện tử thành phố`` — split on ``,`` ``;``
  ``.`` and ``và``;
- names that contain ``và`` or a comma stay whole: ``Sở Giáo dục và Đào tạo``, ``Sở Thông tin
  và Truyền thông``, ``Đài Phát thanh và Truyền hình Hải Phòng`` (``và`` + a capitalized word
  that starts no unit), ``Sở Văn hóa, Thể thao và Du lịch`` (the gazetteer);
- collectives whose parts share one head stay whole: ``Các Bộ, ngành liên quan``,
  ``Các cơ quan báo chí Trung ương, địa phương, quân đội``, ``Các Bộ, ngành, địa phương và
  đơn vị``, ``Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương``; but
  ``Phòng Kế hoạch - Tài chính và đơn vị liên quan`` is two units;
- a unit named in running text ends before a verb or a function word: ``Phối hợp với Bưu
  điện thành phố tăng cường ...`` → ``Bưu điện thành phố``; ``đề xuất Bộ Quốc phòng, Ban Chỉ
  đạo quốc gia các chủ trương ...`` → two units;
- names that list their fields keep their commas: ``Trung tâm Văn hóa, Thông tin và Thể thao
  huyện`` (a comma, capitalized words, ``và`` and a capitalized word that starts no unit);
- one head and several places is one unit per place: ``UBND các huyện Yên Mô, Hoa Lư`` →
  ``Ủy ban nhân dân huyện Yên Mô``, ``Ủy ban nhân dân huyện Hoa Lư``;
- an abbreviation written out to a head noun starts a unit (``BCH Quân sự huyện``,
  ``UBMTTQVN xã``); a heading the reader joined with its duty ends the name before the
  capitalized verb (``Sở Tài chính, Cục Thuế tỉnh Phối hợp ...``);
- normalization: abbreviations written out (``Sở GD&ĐT``, ``Sở GDĐT``, ``SGDĐT`` → ``Sở Giáo
  dục và Đào tạo``; ``UBND tỉnh`` → ``Ủy ban nhân dân tỉnh``; ``Ban ATGT tỉnh`` → ``Ban An
  toàn giao thông tỉnh``; ``phòng GDĐT các huyện/TP/TX`` → ``Phòng Giáo dục và Đào tạo các
  huyện/TP/TX``), compounds of listed parts part by part (``Phòng TC-KT`` → ``Phòng Tài chính
  - Kinh tế``), known variants mapped to one name (``Các đơn vị trực thuộc`` → ``Đơn vị trực
  thuộc``), a district office without its district (``Phòng Nội vụ huyện`` → ``Phòng Nội
  vụ``), one tone placement (``Thuỷ`` → ``Thủy``), the first letter capitalized; the
  gazetteer gives the ``unit_type``, ``unknown`` for a name it does not list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .. import patterns
from ..normalize import match_text
from ..patterns import alternation as _alt


@dataclass(frozen=True, slots=True)
class UnitName:
    raw: str  # as printed (bullets and end punctuation removed)
    name: str  # normalized
    unit_type: str


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    unit_type: str
    qualified: bool


def _key(text: str) -> str:
    """Lookup key: tone placement folded, no case, one space, no end punctuation."""
    return " ".join(match_text(text).split()).strip(" .,;:").casefold()


# An upper-case letter (Vietnamese letters are precomposed in NFC text).
_CAP = "[" + re.escape("".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper())) + "]"
_W = r"(?![\w])"  # end of a word


@dataclass(slots=True)
class _Vocab:
    head_re: re.Pattern[str]  # a head noun and what must follow it
    joiner_re: re.Pattern[str]  # "và " inside a sentence
    plural_re: re.Pattern[str]  # "các " (any case)
    particle_re: re.Pattern[str]  # "và ", "với " at the start of a piece
    sep_re: re.Pattern[str]  # where a printed list may split
    collective_start_re: re.Pattern[str]  # "Các"/"các" + a collective noun
    bare_re: re.Pattern[str]  # a lower-case collective noun (a bare continuation)
    bare_word_re: re.Pattern[str]  # one collective noun and nothing else
    pure_re: re.Pattern[str]  # "Các Bộ", "ngành": a collective without modifiers
    distributive_re: re.Pattern[str]  # "các Sở: " before names that share the head noun
    comma_head_re: re.Pattern[str]  # "Công ty ...": a name that may contain commas
    locality_end_re: re.Pattern[str]
    locality_start_re: re.Pattern[str]
    qualifier_re: re.Pattern[str]  # "tỉnh", "cấp tỉnh": the place after a known name
    inner_cac_re: re.Pattern[str]  # "các" + collective inside a name ("... các cấp")
    collective_word_re: re.Pattern[str]  # a lower-case word a collective name may go on with
    stop_re: re.Pattern[str]  # a verb or function word ending a name in running text
    verb_re: re.Pattern[str]
    modifier_re: re.Pattern[str]
    gazetteer_re: re.Pattern[str]  # a known name with a comma or "và" inside
    abbrev_re: re.Pattern[str]
    abbrev: dict[str, str]
    compound_re: re.Pattern[str]  # "TC-KH", "KT&HT": parts of abbreviations joined
    parts: dict[str, str]
    office_re: re.Pattern[str]  # "Phòng ... huyện": a district office and its district
    exact: dict[str, _Entry]
    prefixes: dict[str, list[_Entry]]  # names a place may follow
    locality: frozenset[str]
    collective_caps: frozenset[str]
    word_case_re: re.Pattern[str]
    word_case: dict[str, str]
    title_re: re.Pattern[str]  # "Trưởng ", "Chánh ": an official before the unit
    # the first two letters of what may start a unit: a title, "các", a head noun, a known name
    start_letters_re: re.Pattern[str] | None


@cache
def _vocab() -> _Vocab:
    v = patterns.load("units")
    # an abbreviation written out to a name that starts with a head noun starts a unit too
    head_starts = tuple(f"{h} " for h in v["head_nouns"])
    abbrev_heads = [
        k for k, full in v["abbreviations"].items() if f"{full} ".startswith(head_starts)
    ]
    heads = _alt(v["head_nouns"] + abbrev_heads)
    coll = _alt(v["collective_nouns"])
    loc = _alt(v["locality_nouns"])
    abbrev_keys = sorted(v["abbreviations"], key=len, reverse=True)
    joiners, plural, level = _alt(v["joiners"]), _alt(v["plural_markers"]), _alt(v["level_words"])
    # what makes a head noun a name: "Bộ Quốc phòng", "Quận 8", "Ban Chỉ đạo các tỉnh", "UBND cấp"
    follow = rf"(?:{_CAP}|\d|(?:{loc}){_W}|(?:{plural})\s+(?:{coll}){_W}|(?:{level})\s)"
    exact: dict[str, _Entry] = {}
    prefixes: dict[str, list[_Entry]] = {}
    inner_names: list[str] = []
    for u in v["units"]:
        entry = _Entry(u["name"], u["type"], bool(u.get("qualified")))
        for spelling in [u["name"], *(u.get("aliases") or [])]:
            exact.setdefault(_key(spelling), entry)
            prefixes.setdefault(_key(spelling), []).append(entry)  # "Sở Y tế tỉnh Hưng Yên"
            if re.search(rf",|\s(?:{joiners})\s", spelling):
                inner_names.append(spelling)
    lower_coll = [w for w in v["collective_nouns"] if w[:1].islower()]
    return _Vocab(
        head_re=re.compile(rf"(?:{heads}){_W}(?=\s+{follow})"),
        joiner_re=re.compile(rf"(?:{joiners})\s+"),
        plural_re=re.compile(rf"(?:{plural})\s", re.I),
        particle_re=re.compile(rf"^(?:{_alt(v['leading_particles'])})\s+"),
        sep_re=re.compile(
            rf"\s*;\s*|\s*,\s*|\s+(?:{joiners})\s+|(?<=[\w)])\.\s+(?={_CAP})"  # ". " + capital
        ),
        collective_start_re=re.compile(rf"(?:{plural})\s+(?:{coll}){_W}", re.I),
        bare_re=re.compile(rf"(?:{_alt(lower_coll + v['collective_caps'])}){_W}"),
        bare_word_re=re.compile(rf"(?:{_alt(lower_coll)})\s*$"),
        comma_head_re=re.compile(rf"(?:{_alt(v['comma_name_heads'])}){_W}"),
        distributive_re=re.compile(rf"(?:{plural})\s+(?P<noun>{heads}){_W}\s*:\s*", re.I),
        pure_re=re.compile(rf"(?:(?:{plural})\s+)?(?:{coll})(?:\s*,\s*(?:{coll}))*\s*$", re.I),
        locality_end_re=re.compile(rf"(?<![\w])(?:{loc})\s*$", re.I),
        locality_start_re=re.compile(rf"(?:{loc}){_W}"),
        qualifier_re=re.compile(rf"(?:(?:{level}|{plural})\s+)?(?:{loc}){_W}"),
        inner_cac_re=re.compile(rf"(?:{plural})\s+(?:{coll}){_W}"),
        collective_word_re=re.compile(
            rf"(?:{_alt(v['collective_words'] + lower_coll + v['locality_nouns'])}){_W}", re.I
        ),
        stop_re=re.compile(rf"(?:{_alt(v['name_stops'] + v['action_verbs'])}){_W}"),
        verb_re=re.compile(rf"(?:{_alt(v['action_verbs'])}){_W}"),
        modifier_re=re.compile(rf"(?:{_alt(v['name_modifiers'] + v['noun_words'])}){_W}"),
        gazetteer_re=re.compile(rf"(?<![\w])(?:{_alt(inner_names)}){_W}", re.I),
        abbrev_re=re.compile(  # a whole word, not a part of a longer compound ("VH" in "VH-XH")
            r"(?<![\w&/])(?<!\w-)("
            + "|".join(re.escape(k) for k in abbrev_keys)
            + r")(?![\w&/])(?!-\w)"
        ),
        abbrev=dict(v["abbreviations"]),
        compound_re=re.compile(
            r"(?<![\w&/,-])("
            + _parts_alt(v["abbreviation_parts"])
            + r")((?:(?:\s*[-&]\s*|,)(?:"
            + _parts_alt(v["abbreviation_parts"])
            + r"))+)(?![\w&/])(?![-&,]\w)"
        ),
        parts=dict(v["abbreviation_parts"]),
        office_re=re.compile(  # not "Phòng GD&ĐT các huyện, thành phố" (a list of places)
            rf"^(?P<name>(?:{_alt(v['district_office_heads'])})\s.*?[^\s,])"
            + "".join(rf"(?<!\s{re.escape(w)})" for w in v["plural_markers"] + v["level_words"])
            + rf"\s+(?:{_alt(v['district_words'])})$"
        ),
        exact=exact,
        prefixes=prefixes,
        locality=frozenset(_key(w) for w in v["locality_nouns"]),
        collective_caps=frozenset(v["collective_caps"]),
        word_case_re=re.compile(rf"(?<![\w])(?:{_alt(v['word_case'])}){_W}", re.I),
        word_case={_key(w): w for w in v["word_case"]},
        title_re=re.compile(rf"(?:{_alt(v['official_titles'])})\s+"),
        start_letters_re=_first_letters_re(
            [
                (v["official_titles"], False),
                (v["plural_markers"], True),
                (v["head_nouns"] + abbrev_heads, False),
                ([e.name for e in exact.values()] + list(exact), True),
            ]
        ),
    )


def _first_letters_re(vocabularies: list[tuple[list[str], bool]]) -> re.Pattern[str] | None:
    """The first two letters of the words (of their first run of letters and digits), as the
    patterns built from them match them: with or without case. None if a word starts with no
    letter (then any letters may start one)."""
    alts = []
    for words, any_case in vocabularies:
        letters = {_WORD_RUN_RE.match(patterns.folded(w)).group(0)[:2] for w in words}
        if "" in letters:
            return None
        alts.append(f"(?{'i' if any_case else '-i'}:{'|'.join(map(re.escape, letters))})")
    return re.compile("|".join(alts))


def _parts_alt(parts: dict[str, str]) -> str:
    return "|".join(re.escape(k) for k in sorted(parts, key=len, reverse=True))


# --- recognizing a unit ---------------------------------------------------------------------


def _gazetteer_at(mt: str, pos: int) -> int | None:
    """End of a known name starting at ``pos`` (exact spellings, longest first)."""
    if not _may_start_name(mt[pos : pos + 2]):
        return None
    first, groups = _gazetteer_groups()
    m = first.match(mt, pos)
    rx = groups[m.lastindex if m else 0]
    m = rx.match(mt, pos) if rx is not None else None
    return m.end() if m else None


_WORD_RUN_RE = re.compile(r"\w*")


@cache
def _gazetteer_groups() -> tuple[re.Pattern[str], list[re.Pattern[str] | None]]:
    """The known names by their first word, for ``_gazetteer_at``: a short alternation finds the
    first word at a position, then only the names that start with it are tried (one alternation
    of all of them is slow). A name can start at a position only if its first word (its first
    run of letters and digits) is the whole word there, so no other name could match; names
    that start with no word are tried everywhere. Returns the alternation, whose group ``n``
    is the word of ``groups[n]``, and the groups (``groups[0]``: no word found)."""
    names = [e.name for e in _vocab().exact.values()]
    spellings = list(_vocab().exact)  # keys are folded and lower-case; match case-insensitively
    by_word: dict[str, list[str]] = {}
    for w in names + spellings:
        by_word.setdefault(_WORD_RUN_RE.match(patterns.folded(w)).group(0), []).append(w)
    anywhere = by_word.pop("", [])
    # words that match each other case-insensitively ("Sở", "sở") start one group
    classes: list[list[str]] = []
    for word in by_word:
        same = next((c for c in classes if re.fullmatch(re.escape(c[0]), word, re.I)), None)
        if same is None:
            classes.append([word])
        else:
            same.append(word)

    def group(words: list[str]) -> re.Pattern[str] | None:
        return re.compile(rf"(?:{_alt(words)}){_W}", re.I) if words else None

    first = "|".join(f"({'|'.join(re.escape(w) for w in c)})" for c in classes)
    groups = [group(anywhere)]
    groups += [group([n for w in c for n in by_word[w]] + anywhere) for c in classes]
    return re.compile(rf"(?:{first}){_W}", re.I), groups


@lru_cache(maxsize=4096)
def _may_start_name(letters: str) -> bool:
    """Can a known name start with these two letters (its first word's first two, in any
    case)? A cheap test before ``_gazetteer_groups``, as most words start no name."""
    return _name_start_re() is None or bool(_name_start_re().match(letters))


@cache
def _name_start_re() -> re.Pattern[str] | None:
    """The first two letters of the first words of the known names; None if a name starts with
    no word (then any letters may start one)."""
    names = [e.name for e in _vocab().exact.values()] + list(_vocab().exact)
    words = {_WORD_RUN_RE.match(patterns.folded(n)).group(0)[:2] for n in names}
    if "" in words:
        return None
    return re.compile("|".join(re.escape(w) for w in words), re.I)


def start_at(mt: str, pos: int) -> int | None:
    """End of the first words of a unit name starting at ``pos`` of the match text, or None.

    A unit starts with a known name (``Sở Giáo dục và Đào tạo``), ``Các``/``các`` + a
    collective noun (``Các phòng Sở``, ``các đơn vị giáo dục``), or a head noun followed by a
    capitalized word, a number or a locality (``Bộ Quốc phòng``, ``Bưu điện thành phố``).
    """
    found = _start(mt, pos)
    return found[0] if found else None


def _start(mt: str, pos: int) -> tuple[int, str] | None:
    """``(end, kind)``: kind ``known`` (a gazetteer name: only a place may follow it),
    ``collective`` (``Các`` + noun) or ``proper`` (a head noun and the name after it)."""
    if not _may_start_unit(mt[pos : pos + 2]):
        return None  # most words start no unit
    g = _gazetteer_at(mt, pos)
    vocab = _vocab()
    title = vocab.title_re.match(mt, pos)
    if title:  # "Trưởng các phòng, đơn vị", "Chánh Văn phòng Sở": the unit after the title
        inner = _start(mt, title.end())
        if inner is not None:
            return inner
    best: tuple[int, str] | None = None
    if g is not None:
        best = (g, "known")
    for rx, kind in ((vocab.collective_start_re, "collective"), (vocab.head_re, "proper")):
        m = rx.match(mt, pos)
        if m and (best is None or m.end() > best[0]):
            best = (m.end(), kind)
    return best


@lru_cache(maxsize=4096)
def _may_start_unit(letters: str) -> bool:
    """Can a unit start with these two letters (see ``_Vocab.start_letters_re``)?"""
    rx = _vocab().start_letters_re
    return rx is None or bool(rx.match(letters))


def is_unit(text: str) -> bool:
    """Does ``text`` (one piece of a list) name a unit?"""
    mt = match_text(text.strip())
    return bool(mt) and (start_at(mt, 0) is not None or _lookup(mt) is not None)


def verb_at(mt: str, pos: int) -> bool:
    """Does an action verb (``triển khai``, ``có trách nhiệm`` ...) start at ``pos``?"""
    vocab = _vocab()
    return bool(vocab.verb_re.match(mt, pos)) and not vocab.modifier_re.match(mt, pos)


def stop_at(word: str) -> bool:
    """Is ``word`` a verb or a function word that ends a name (``với``, ``của``, ``tổ chức``)?"""
    return bool(_vocab().stop_re.fullmatch(word))


def joiner_at(word: str) -> bool:
    """Is ``word`` the joiner of a list of units (``và``)?"""
    return bool(_vocab().joiner_re.fullmatch(word + " "))


def collective_subject(mt: str, start: int, reach: int, end: int) -> int | None:
    """A collective subject's own words up to its verb: ``Các doanh nghiệp viễn thông bảo đảm
    ...`` (``units_at`` stops after ``Các doanh nghiệp``). Up to five lower-case words
    (syllables) that are neither verbs nor function words; the end of the longer name, or
    None."""
    vocab = _vocab()
    if not vocab.collective_start_re.match(mt, start):
        return None
    i = reach
    for _ in range(5):
        i = _SPACE_RE.match(mt, i).end()
        place = _collective_places_re().match(mt, i, end)
        if place:  # "Các doanh nghiệp dược trên địa bàn thực hiện ..."
            i = place.end()
            if verb_at(mt, _SPACE_RE.match(mt, i).end()):
                return i
            continue
        m = _WORD_RE.match(mt, i, end)
        if not m or not m.group(0)[:1].islower() or vocab.stop_re.match(mt, i):
            return None
        i = m.end()
        if verb_at(mt, _SPACE_RE.match(mt, i).end()):
            return i
    return None


@cache
def _collective_places_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alt(patterns.load('units')['collective_places'])}){_W}")


def cap_verb_at(mt: str, pos: int) -> bool:
    """Does an action verb written with a capital (``Phối hợp``, ``Chủ trì``: the first word of a
    sentence) start at ``pos``?"""
    if not mt[pos : pos + 1].isupper():
        return False
    word = mt[pos : pos + 40]
    return verb_at(word[0].lower() + word[1:], 0)


# --- "các Sở: Tài chính, Kế hoạch và Đầu tư" ---------------------------------------------


def distributive_at(mt: str, pos: int, end: int | None = None) -> tuple[int, str, list] | None:
    """``các Sở: Tài chính, Kế hoạch và Đầu tư, Nội vụ`` at ``pos``: one head noun shared by the
    names listed after the colon. Returns the end, the head noun and the names' spans; a name
    of the gazetteer wins over a split at ``và`` (``Kế hoạch và Đầu tư``)."""
    vocab = _vocab()
    end = len(mt) if end is None else end
    m = vocab.distributive_re.match(mt, pos, end)
    if not m:
        return None
    noun = m.group("noun")
    noun = noun[0].upper() + noun[1:]
    items: list[tuple[int, int]] = []
    i = m.end()
    while i < end and _CAP_RE.match(mt, i) and _start(mt, i) is None:
        g = _gazetteer_at(match_text(f"{noun} ") + mt[i:end], 0)
        if g is not None and g > len(noun) + 1:
            j = i + g - len(noun) - 1
        else:
            w = re.compile(r"[^\s,;:.()]+(?:\s+-\s+|\s+)?")
            j = i
            while j < end and _CAP_RE.match(mt, j):
                wm = w.match(mt, j, end)
                if not wm:
                    break
                j = wm.end()
            j = i + len(mt[i:j].rstrip(" -"))
        if j <= i:
            break
        items.append((i, j))
        sep = vocab.sep_re.match(mt, j, end)
        if not sep or not _CAP_RE.match(mt, sep.end()) or _start(mt, sep.end()):
            i = j
            break
        i = sep.end()
    return (items[-1][1], noun, items) if items else None


# --- a unit list in running text -----------------------------------------------------------

_SPACE_RE = re.compile(r" *")
_WORD_RE = re.compile(r"[^\s,;:.()\[\]\"“”]+")


def units_at(mt: str, pos: int, end: int | None = None, single: bool = False) -> int | None:
    """End of the list of units that starts at ``pos`` in running text, or None.

    ``Phối hợp với [các phòng Sở, các đơn vị giáo dục] tuyên truyền ...``: the list goes on
    over ``,`` and ``và`` while another unit (or a collective continuation) follows, and
    ends before a verb, a function word or punctuation.
    """
    vocab = _vocab()
    end = len(mt) if end is None else end
    found = _start(mt, pos) if pos < end else None
    if found is None or found[0] > end:
        return None
    dist = distributive_at(mt, pos, end)
    if dist:
        found = (dist[0], "proper")
    i = last = found[0]
    kind = found[1]
    comma_name = bool(vocab.comma_head_re.match(mt, pos))
    collective = kind == "collective" or bool(vocab.plural_re.match(mt, pos))
    cur = pos  # where the current unit starts
    while i < end:
        i = _SPACE_RE.match(mt, i).end()
        if i >= end:
            break
        ch = mt[i]
        joiner = vocab.joiner_re.match(mt, i)
        if ch in ",;" or joiner:
            j = _SPACE_RE.match(mt, i + 1 if ch in ",;" else joiner.end()).end()
            nxt = _start(mt, j)
            dist = distributive_at(mt, j, end)
            if dist:
                nxt = (dist[0], "proper")
            bare = vocab.bare_re.match(mt, j)
            after_place = vocab.locality_end_re.search(mt, max(0, i - 12), i)
            if nxt is None and ch != ";" and bare and (collective or after_place):
                nxt = (bare.end(), "collective")
            if nxt is None and ch == "," and comma_name and _CAP_RE.match(mt, j):
                i = j  # "Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ Quảng Ngãi"
                continue
            if nxt is None and ch == "," and kind == "proper" and _fields_at(mt, j, end):
                i = j  # "Trung tâm Văn hóa, Thông tin và Thể thao huyện": fields of one name
                continue
            if nxt is None and ch == "," and _places_before(mt, pos, i):
                places = _place_name_at(mt, j, end)
                if places is not None:  # "UBND các huyện Yên Mô, Hoa Lư": one more place
                    i = last = places
                    continue
            if nxt is not None and nxt[0] <= end:
                if single:
                    break  # the end of the first name only
                comma_name = bool(vocab.comma_head_re.match(mt, j))
                kind = nxt[1]
                collective = (
                    kind == "collective"
                    or bool(vocab.plural_re.match(mt, j))
                    or (collective and bool(bare))
                )
                i = last = nxt[0]
                cur = j
                continue
            if joiner and _CAP_RE.match(mt, j):
                i = j  # "Sở Khoa học và Công nghệ": "và" inside the name
                continue
            break
        if ch == "-" and mt[i + 1 : i + 2] == " ":
            i += 1  # "Lao động - Thương binh", "chính trị - xã hội"
            continue
        if vocab.modifier_re.match(mt, i):
            i = last = vocab.modifier_re.match(mt, i).end()
            continue
        if vocab.plural_re.match(mt, i) and mt[i].islower():
            m = vocab.inner_cac_re.match(mt, i)
            if not m:
                break
            i = last = m.end()
            collective = True
            continue
        if vocab.stop_re.match(mt, i):
            break
        if (kind == "known" or vocab.locality_end_re.search(mt, max(0, i - 12), i)) and (
            cap_verb_at(mt, i)
        ):
            break  # "Sở Tài chính, Cục Thuế tỉnh Phối hợp ...": a heading joined with its duty
        m = _WORD_RE.match(mt, i)
        if not m:
            break
        word = m.group(0)
        if kind == "proper" and word[:1].islower() and _key(expand(mt[cur:last])) in vocab.exact:
            kind = "known"  # "Phòng LĐ-TB&XH" written out is a known name: it is complete
        if kind != "proper":
            # a collective or a complete known name goes on only with its own words
            # ("các cơ quan báo chí Trung ương"), a place, or capitalized words
            allowed = (
                vocab.collective_word_re.match(mt, i)
                if kind == "collective"
                else vocab.qualifier_re.match(mt, i)
            )
            if allowed:
                i = last = allowed.end()
                continue
            if word[:1].islower():
                break
        i = last = m.end()
    return last


_FIELDS_RE = re.compile(rf"{_CAP}[^\s,;:.()]*(?:\s+(?!và\s)[^\s,;:.()]+){{0,3}}\s+và\s+(?={_CAP})")
_PLACE_NAME_RE = re.compile(rf"{_CAP}[^\s,;:.()]*(?:\s+{_CAP}[^\s,;:.()]*){{0,3}}")


def _fields_at(mt: str, pos: int, end: int) -> bool:
    """Do the words at ``pos`` go on listing the fields of a name (``Thông tin và Thể thao`` after
    ``Trung tâm Văn hóa,``): capitalized words, ``và`` and a capitalized word that starts no
    unit?"""
    m = _FIELDS_RE.match(mt, pos, end)
    if not m or _start(mt, pos) is not None or _start(mt, m.end()) is not None:
        return False
    vocab = _vocab()
    return not any(
        vocab.stop_re.match(mt, w.start()) or vocab.locality_start_re.match(mt, w.start())
        for w in re.finditer(r"\S+", mt[: m.end()])
        if w.start() >= pos
    )


def _places_before(mt: str, start: int, pos: int) -> bool:
    """Does the name from ``start`` to ``pos`` end with a locality and a place name
    (``UBND các huyện Yên Mô``, ``UBND xã Tân Ninh``)?"""
    return bool(_place_tail_re().search(mt, start, pos))


def _place_name_at(mt: str, pos: int, end: int) -> int | None:
    """End of a bare place name at ``pos`` (capitalized words that start no unit) followed by
    the end of the list (a verb, a function word, punctuation, ``và``), or None."""
    m = _PLACE_NAME_RE.match(mt, pos, end)
    if not m or _start(mt, pos) is not None:
        return None
    after = _SPACE_RE.match(mt, m.end()).end()
    vocab = _vocab()
    if (
        after >= end
        or mt[after] in ",;.:()"
        or vocab.stop_re.match(mt, after)
        or vocab.joiner_re.match(mt, after)
    ):
        return m.end()
    return None


@cache
def _place_tail_re() -> re.Pattern[str]:
    v = patterns.load("units")
    loc = _alt(v["locality_nouns"])
    plural = _alt(v["plural_markers"])
    return re.compile(
        rf"(?<![\w])(?:(?:{plural})\s+)?(?:{loc})\s+{_CAP}[^\s,;:.()]*"
        rf"(?:\s+{_CAP}[^\s,;:.()]*){{0,3}}\s*$"
    )


@cache
def _place_list_re() -> re.Pattern[str]:
    """``<name> các huyện Yên Mô, Hoa Lư và Kim Sơn``: one head, several places."""
    v = patterns.load("units")
    loc = _alt(v["locality_nouns"])
    plural = _alt(v["plural_markers"])
    place = rf"{_CAP}[^\s,;:.()]*(?:\s+{_CAP}[^\s,;:.()]*){{0,3}}"
    return re.compile(
        rf"^(?P<head>.+?)\s+(?:(?:{plural})\s+)?(?P<loc>{loc})\s+"
        rf"(?P<places>{place}(?:\s*(?:,|\s{_alt(v['joiners'])}\s)\s*{place})+)$"
    )


# --- splitting a list -----------------------------------------------------------------------

_BULLET_RE = re.compile(r"^\s*(?:[-–+•·*]\s*)+")
_BREAK_RE = re.compile(r"\s*(?:;\s*)?<br\s*/?>\s*", re.I)  # a line break kept from HTML
_CLOSING_PAREN_RE = re.compile(r"\s*\((?:[^()]|\([^()]*\))*\)\s*$")
_CAP_RE = re.compile(_CAP)
# end punctuation and spaces (clean makes every run of whitespace one space first)
_TRAIL_CHARS = " .;:,/"


def clean(text: str) -> str:
    """Bullets, end punctuation and a closing parenthetical off one piece."""
    text = " ".join(text.split())  # one space for each run of whitespace, none at the ends
    text = _BULLET_RE.sub("", text)
    text = text.rstrip(_TRAIL_CHARS)  # "Công an tỉnh (Phòng ...)." : the stop before the bracket
    if text.endswith(")"):  # "UBND thành phố (để b/c)"
        text = _CLOSING_PAREN_RE.sub("", text).rstrip(_TRAIL_CHARS)
    text = _vocab().particle_re.sub("", text)
    title = _vocab().title_re.match(text)
    if title and _start(match_text(text), title.end()) is not None:
        text = text[title.end() :]  # "Chánh Văn phòng Sở": the unit, not its official
    return text.strip()


def split(text: str) -> list[str]:
    """A printed list of units → the names as printed, one per unit.

    >>> split("Sở Giáo dục và Đào tạo, các phòng Sở và các đơn vị giáo dục.")
    ['Sở Giáo dục và Đào tạo', 'các phòng Sở', 'các đơn vị giáo dục']
    """
    vocab = _vocab()
    if "<" in text:
        text = _BREAK_RE.sub("; ", text)  # "Hội Nông dân xã<br>Ban Nhân dân các ấp"
    text = clean(text)
    if not text:
        return []
    mt = match_text(text)
    seps = list(vocab.sep_re.finditer(mt))
    protected = _protected(mt) if seps else []
    # (kind of the separator before: "" first, ";", ",", "." or "and"; its text; the piece)
    pieces: list[tuple[str, str, str]] = []
    pos, sep, sep_text = 0, "", ""
    for m in seps:
        if any(s < m.end() and m.start() < e for s, e in protected):
            continue
        kind = m.group(0).strip()[:1] if m.group(0).strip() in ",;." else "and"
        # "và" is inside a name when a capitalized word that starts no unit follows
        if kind == "and" and _CAP_RE.match(mt, m.end()) and start_at(mt, m.end()) is None:
            continue
        pieces.append((sep, sep_text, text[pos : m.start()]))
        pos, sep, sep_text = m.end(), kind, text[m.start() : m.end()]
    pieces.append((sep, sep_text, text[pos:]))
    units: list[str] = []
    chain_pure = False
    for sep, sep_text, piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        pm = match_text(piece)
        if units and sep in (",", "and") and _continues(units[-1], pm, sep, chain_pure):
            units[-1] = f"{units[-1]}{sep_text}{piece}"
            chain_pure = chain_pure and bool(vocab.pure_re.match(pm))
            continue
        units.append(piece)
        chain_pure = bool(vocab.pure_re.match(pm))
    return [u for u in (clean(u) for u in units) if u]


def _protected(mt: str) -> list[tuple[int, int]]:
    """The spans of a list no separator may cut: known names with a comma or ``và`` inside,
    abbreviations (``VH,TT&DL``), names that list their fields with commas."""
    vocab = _vocab()
    protected = [(m.start(), m.end()) for m in vocab.gazetteer_re.finditer(mt)]
    protected += [(m.start(), m.end()) for m in vocab.abbrev_re.finditer(mt)]
    # "Công ty ... Đầu tư, Xây dựng và ...", "Trung tâm Văn hóa, Thông tin và Thể thao"
    last_comma = mt.rfind(",")
    for m in list(vocab.comma_head_re.finditer(mt)) + list(vocab.head_re.finditer(mt)):
        if m.start() > last_comma:
            continue  # no comma after it to protect
        reach = units_at(mt, m.start(), single=True)
        if reach and "," in mt[m.start() : reach]:
            protected.append((m.start(), reach))
    return protected


def _bare(pm: str) -> bool:
    """A piece made of collective nouns only: ``ngành``, ``địa phương``, ``đơn vị liên quan``."""
    vocab = _vocab()
    if not vocab.bare_re.match(pm):
        return False
    words = pm.split()
    allowed_caps = {w for c in vocab.collective_caps for w in c.split()}
    return all(not _CAP_RE.match(w) or w in allowed_caps for w in words)


def _continues(prev: str, pm: str, sep: str, chain_pure: bool) -> bool:
    """Does the piece ``pm`` continue the collective ``prev`` instead of naming a new unit?"""
    vocab = _vocab()
    prev_m = match_text(prev)
    if sep == "and":
        return chain_pure and bool(vocab.bare_word_re.match(pm)) and _bare(pm)
    if not _bare(pm):
        return False
    has_plural = any(vocab.plural_re.match(w + " ") for w in prev_m.split())
    if has_plural or _bare(prev_m):
        return True
    return bool(vocab.locality_end_re.search(prev_m) and vocab.locality_start_re.match(pm))


# --- normalization --------------------------------------------------------------------------


_JOIN = {"-": " - ", "&": " và ", ",": ", "}


def expand(text: str) -> str:
    """Abbreviations written out: ``Sở GD&ĐT`` → ``Sở Giáo dục và Đào tạo``; a compound of
    listed parts part by part: ``Phòng TC-KT`` → ``Phòng Tài chính - Kinh tế``."""
    vocab = _vocab()
    text = vocab.abbrev_re.sub(lambda m: vocab.abbrev[m.group(1)], text)

    def parts(m: re.Match[str]) -> str:
        pieces = re.split(r"\s*([-&,])\s*", m.group(0))
        out = [vocab.parts[pieces[0]]]
        for sep, part in zip(pieces[1::2], pieces[2::2], strict=True):
            out.append(_JOIN[sep] + vocab.parts[part])
        return "".join(out)

    return vocab.compound_re.sub(parts, text)


def _lookup(text: str) -> tuple[_Entry, str] | None:
    """The gazetteer entry for ``text`` and the place that qualifies it (``tỉnh``), if any."""
    vocab = _vocab()
    key = _key(text)
    if key in vocab.exact:
        return vocab.exact[key], ""
    space = key.rfind(" ")
    while space > 0:  # the longest known name the key starts with, then a space
        prefix = key[:space]
        for entry in vocab.prefixes.get(prefix, ()):
            if entry.qualified or vocab.locality_start_re.match(key, space + 1):
                qualifier = " ".join(text.split()).split(" ", len(prefix.split()))[-1]
                if _key(qualifier) in vocab.locality:
                    qualifier = qualifier.lower()  # "Ủy ban nhân dân Thành phố" = "... thành phố"
                return entry, qualifier
        space = key.rfind(" ", 0, space)
    return None


def normalize(raw: str) -> str:
    """The one name a unit is known by (see the module docstring)."""
    text = expand(clean(raw))
    text = " ".join(text.split())
    if not text:
        return text
    found = _lookup(text)
    if found:
        entry, qualifier = found
        text = f"{entry.name} {qualifier}".strip()
    vocab = _vocab()
    text = vocab.word_case_re.sub(lambda m: vocab.word_case[_key(m.group(0))], text)
    office = vocab.office_re.match(match_text(text))
    if office:  # "Phòng Tài chính - Kế hoạch huyện": an office of the district, named without it
        text = text[: office.end("name")]
    text = match_text(text)  # one tone placement: "Thuỷ lợi" = "Thủy lợi"
    return text[0].upper() + text[1:]


def unit_type(name: str) -> str:
    """The gazetteer's type for a normalized name, ``unknown`` if it is not listed."""
    found = _lookup(name)
    return found[0].unit_type if found else "unknown"


def parse(text: str) -> list[UnitName]:
    """A printed list of units → one normalized :class:`UnitName` per unit.

    ``các Sở: Tài chính, Kế hoạch và Đầu tư`` gives ``Sở Tài chính`` and ``Sở Kế hoạch và
    Đầu tư`` (printed as ``Tài chính``, ``Kế hoạch và Đầu tư``).
    """
    mt = match_text(text)
    for m in _vocab().distributive_re.finditer(mt):
        dist = distributive_at(mt, m.start())
        if dist:
            end, noun, items = dist
            shared = [
                UnitName(text[s:e], name, unit_type(name))
                for s, e in items
                if (name := normalize(f"{noun} {text[s:e]}"))
            ]
            return parse(text[: m.start()]) + shared + parse(text[end:])
    out: list[UnitName] = []
    for raw in split(text):
        places = _place_list_re().match(match_text(raw))
        if places:  # "UBND các huyện Yên Mô, Hoa Lư" → "UBND huyện Yên Mô", "UBND huyện Hoa Lư"
            head, loc = raw[: places.end("head")], raw[places.start("loc") : places.end("loc")]
            joiners = _alt(patterns.load("units")["joiners"])
            for place in re.split(rf"\s*,\s*|\s+(?:{joiners})\s+", raw[places.start("places") :]):
                name = normalize(f"{head} {loc} {place}")
                if name:
                    out.append(UnitName(place, name, unit_type(name)))
            continue
        name = normalize(raw)
        if name:
            out.append(UnitName(raw, name, unit_type(name)))
    return out
