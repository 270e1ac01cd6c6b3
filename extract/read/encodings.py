"""Bytes → text for text-like inputs: BOMs, UTF-16, UTF-8, Windows-1258, legacy font encodings.

Handles, as received:
- UTF-8 with or without a BOM; UTF-16 with a BOM, or without one (every other byte NUL);
- Windows-1258 (``Quye\\xccn`` → base letter plus combining tone; NFC composes it later);
- text typed in the pre-Unicode font encodings, kept as their byte codes and so read as
  Windows-1252 mojibake, whether the file is bytes or already UTF-8:
  TCVN3/ABC ``QuyÕt ®Þnh`` and VNI ``Quyeát ñònh`` → ``Quyết định``
  (tables in ``patterns/legacy_encodings.yaml``; warning ``converted from TCVN3``).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .. import patterns
from . import ReadError

LEGACY_NAMES = {"tcvn3": "TCVN3", "vni": "VNI"}


# Control bytes other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > 0.05 * len(sample)


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Decode a text file; return the text and warnings about how it was decoded."""
    text, warnings, legacy_bytes = _decode(data)
    if legacy_bytes:
        # Not UTF-8: the bytes are Windows-1258 or a legacy font encoding read as Windows-1252.
        best = _best_of([(text, None), *_legacy_candidates(cp1252_view(data))], baseline=text)
    else:
        best = _best_of([(text, None), *_legacy_candidates(text)], baseline=text)
    if best[1] is not None:
        return best[0], [*warnings, f"converted from {LEGACY_NAMES[best[1]]}"]
    if legacy_bytes:
        if text.count("\ufffd") > 0.01 * len(text):
            raise ReadError(
                f"undecodable text (not UTF-8 at byte {legacy_bytes - 1}, not Windows-1258)"
            )
        warnings.append("decoded as Windows-1258 (not valid UTF-8)")
    return text, warnings


def _decode(data: bytes) -> tuple[str, list[str], int]:
    """Text, warnings, and (1 + offset of the first non-UTF-8 byte) or 0 when the bytes decoded."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), [], 0
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[2:].decode(enc, errors="replace"), [], 0
    # UTF-16 without BOM: every other byte is NUL for Vietnamese/ASCII text.
    head = data[:2000]
    if len(head) > 8 and head[1::2].count(0) > 0.3 * len(head[1::2]):
        return data.decode("utf-16-le", errors="replace"), ["decoded as UTF-16-LE (no BOM)"], 0
    if len(head) > 8 and head[0::2].count(0) > 0.3 * len(head[0::2]):
        return data.decode("utf-16-be", errors="replace"), ["decoded as UTF-16-BE (no BOM)"], 0
    if _looks_binary(data):
        raise ReadError("binary content, not a text file")
    try:
        return data.decode("utf-8"), [], 0
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")), [], bad_at + 1


def cp1252_view(data: bytes) -> str:
    """The bytes as a Windows-1252 reader shows them (undefined bytes keep their code point)."""
    return data.decode("cp1252", errors="legacy_latin1")


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


_ASCII_FOR = {"≥": ">=", "≤": "<=", "≠": "<>", "→": "->", "…": "...", "×": "x"}


def _latin1_encode_fallback(exc: UnicodeError) -> tuple[bytes, int]:
    """Code points 0x80-0xFF as their byte; others as the ASCII a legacy file would hold."""
    assert isinstance(exc, UnicodeEncodeError)
    out = bytearray()
    for ch in exc.object[exc.start : exc.end]:
        if ord(ch) < 256:
            out += ch.encode("latin-1")
        else:
            out += _ASCII_FOR.get(ch, "?").encode("ascii")
    return bytes(out), exc.end


codecs.register_error("legacy_latin1", _latin1_fallback)
codecs.register_error("legacy_latin1_encode", _latin1_encode_fallback)


# --- Legacy font encodings -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Legacy:
    name: str
    decode_re: re.Pattern[str]
    decode_map: dict[str, str]
    in_word_re: re.Pattern[str] | None
    in_word_map: dict[str, str]
    encode_map: dict[str, str]
    keys: frozenset[str]  # every non-ASCII character of the codes
    unicode_only: frozenset[str]  # Vietnamese letters that never occur in the codes
    telltale: frozenset[str]  # codes that are not Vietnamese letters


def _vietnamese_letters() -> frozenset[str]:
    out = {"đ", "Đ"}
    for base in ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"):
        for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"):
            ch = unicodedata.normalize("NFC", base + tone)
            out |= {ch, ch.upper()}
    return frozenset(c for c in out if not c.isascii())


VIETNAMESE_LETTERS = _vietnamese_letters()


def _alternation(codes: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(codes, key=len, reverse=True))))


@cache
def _tables() -> dict[str, _Legacy]:
    data = patterns.load("legacy_encodings")
    out: dict[str, _Legacy] = {}
    for name, spec in data.items():
        if "letters" not in spec:
            continue
        letters: dict[str, str] = spec["letters"]
        upper: dict[str, str] = spec.get("upper") or {}
        in_word: dict[str, str] = spec.get("upper_in_word") or {}
        decode_map = {code: letter for letter, code in (letters | upper).items()}
        if name == "vni":
            # A capital base letter with a small-letter mark ("Aù") is still a capital.
            for letter, code in letters.items():
                if len(code) == 2 and code[0].isupper():
                    decode_map.setdefault(code[0] + code[1].lower(), letter)
        in_word_map = {code: letter for letter, code in in_word.items()}
        keys = frozenset(
            ch
            for code in [*letters.values(), *upper.values(), *in_word_map]
            for ch in code
            if not ch.isascii()
        )
        out[name] = _Legacy(
            name=name,
            decode_re=_alternation(list(decode_map)),
            decode_map=decode_map,
            in_word_re=(
                re.compile(
                    r"(?<=[^\W\d_])(" + _alternation(list(in_word_map)).pattern + r")(?=[^\W\d_])"
                )
                if in_word_map
                else None
            ),
            in_word_map=in_word_map,
            encode_map=dict(letters) | dict(upper),
            keys=keys,
            unicode_only=VIETNAMESE_LETTERS - keys,
            telltale=frozenset(keys - VIETNAMESE_LETTERS),
        )
    return out


def encode_legacy(text: str, encoding: str) -> str:
    """Unicode → the legacy font codes (as Windows-1252 characters); for test fixtures.

    Upper-case toned letters without an unambiguous TCVN3 code are written with the
    small-letter code, as the capitals fonts (.VnTimeH) expect.
    """
    table = _tables()[encoding]
    text = unicodedata.normalize("NFC", text)
    out = []
    for ch in text:
        code = table.encode_map.get(ch)
        if code is None and ch in VIETNAMESE_LETTERS:
            code = table.encode_map.get(ch.lower(), ch)
        out.append(code if code is not None else ch)
    return "".join(out)


def encode_legacy_bytes(text: str, encoding: str) -> bytes:
    """Unicode → the bytes a legacy-font text file holds (the inverse of :func:`cp1252_view`)."""
    return encode_legacy(text, encoding).encode("cp1252", errors="legacy_latin1_encode")


_LETTER_RUN_RE = re.compile(r"[^\W\d_]+")


def convert_legacy(text: str, encoding: str) -> str:
    """Legacy font codes → Unicode, line by line; lines holding real Unicode letters are kept."""
    table = _tables()[encoding]
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if any(ch in table.keys for ch in line) and not any(
            ch in table.unicode_only for ch in line
        ):
            lines[i] = _convert_line(line, table)
    return "\n".join(lines)


def _convert_line(line: str, table: _Legacy) -> str:
    if table.in_word_re is not None:
        line = table.in_word_re.sub(lambda m: table.in_word_map[m.group(1)], line)
    converted: list[tuple[int, int]] = []
    out: list[str] = []
    pos = 0
    shift = 0
    for m in table.decode_re.finditer(line):
        out.append(line[pos : m.start()])
        letter = table.decode_map[m.group(0)]
        start = m.start() + shift
        converted.append((start, start + len(letter)))
        shift += len(letter) - len(m.group(0))
        out.append(letter)
        pos = m.end()
    out.append(line[pos:])
    result = "".join(out)
    if table.name == "tcvn3" and converted:
        result = _restore_capitals(result, converted)
    return result


def _restore_capitals(line: str, converted: list[tuple[int, int]]) -> str:
    """Small letters converted in capitalized text become capitals (.VnTimeH text).

    A converted small letter is a capital when the other letters of its word are capitals
    and either there are two of them (``KÕ`` stays ``Kế``, ``HO¹CH`` → ``HOẠCH``) or the
    cell of the line is in capitals (``VÒ`` in ``KÕ HO¹CH VÒ ...``, not ``Sè`` in
    ``Sè: 05/KH-SGD§T``).
    """
    small = [False] * len(line)
    for s, e in converted:
        for k in range(s, e):
            small[k] = line[k].islower()
    chars = list(line)
    pos = 0
    for segment in re.split(r"([\t|])", line):
        words = []
        for w in _LETTER_RUN_RE.finditer(segment):
            ks = range(pos + w.start(), pos + w.end())
            others = [line[k] for k in ks if not small[k]]
            has_small = len(others) < len(ks)
            if has_small or len(ks) >= 2:
                words.append((ks, others, has_small, all(c.isupper() for c in others)))
        n_small = sum(1 for w in words if w[2])
        caps = n_small >= 2 and sum(1 for w in words if w[3]) >= 0.8 * len(words)
        for ks, others, has_small, upper in words:
            if has_small and upper and (len(others) >= 2 or caps):
                for k in ks:
                    if small[k]:
                        chars[k] = line[k].upper()
        pos += len(segment)
    return "".join(chars)


# --- Which reading is Vietnamese -------------------------------------------------------

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _alt(words: list[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@cache
def _syllable_re() -> re.Pattern[str]:
    spec = patterns.load("legacy_encodings")["syllables"]
    return re.compile(
        f"(?:{_alt(spec['onsets'])})?"
        f"(?:{_alt(spec['open_rimes'])}|(?:{_alt(spec['closed_nuclei'])})(?:{_alt(spec['finals'])}))"
    )


_TOKEN_RE = re.compile(r"[^\s!-/:-@\[-`{-~]+")
_SAMPLE = 40_000


def _syllable_ok(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(ch in _TONE_MARKS for ch in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return _syllable_re().fullmatch(bare) is not None


def vietnamese_score(text: str) -> int:
    """Well-formed minus ill-formed words among those with non-ASCII characters."""
    score = 0
    for token in _TOKEN_RE.findall(text[:_SAMPLE]):
        if token.isascii():
            continue
        score += 1 if _syllable_ok(token) else -1
    return score


@cache
def _telltale_re() -> re.Pattern[str]:
    telltale = frozenset().union(*(t.telltale for t in _tables().values()))
    return re.compile("[" + "".join(re.escape(c) for c in sorted(telltale)) + "]")


# Letters only Unicode Vietnamese has; legacy-font mojibake has almost none of them.
_UNICODE_VIETNAMESE_RE = re.compile(r"[\u1ea0-\u1ef9ăâđêôơưĂÂĐÊÔƠƯ]")
_LETTER_RE = re.compile(r"[^\W\d_]")


# Unicode Vietnamese shows itself in its first lines: its native letters are counted there
# first, and the whole sample only when that is not enough.
_HEAD = 8_000


def _plainly_unicode(sample: str, hits: int) -> bool:
    """``native >= 0.02 * letters and native > 5 * hits`` (see :func:`_legacy_candidates`)
    without counting the letters: there are no more of them than characters, and the native
    letters of the head are no more than those of the sample."""
    need = max(0.02 * len(sample), 5 * hits + 1)
    native = len(_UNICODE_VIETNAMESE_RE.findall(sample, 0, _HEAD))
    if native < need and len(sample) > _HEAD:
        native = len(_UNICODE_VIETNAMESE_RE.findall(sample))
    return native >= need


def _legacy_candidates(text: str) -> list[tuple[str, str]]:
    """Conversions worth scoring: only when legacy codes are dense enough to be text, and
    the text is not plainly Unicode Vietnamese already (checked first: it is the common case
    and scoring candidates costs more than reading the file)."""
    sample = text[:_SAMPLE]
    hits = len(_telltale_re().findall(sample))
    if hits < 3 or _plainly_unicode(sample, hits):
        return []
    letters = len(_LETTER_RE.findall(sample)) or 1
    if hits < 0.005 * letters:
        return []
    native = len(_UNICODE_VIETNAMESE_RE.findall(sample))
    if native >= 0.02 * letters and native > 5 * hits:
        return []
    return [(convert_legacy(text, name), name) for name in _tables()]


def _best_of(candidates: list[tuple[str, str | None]], baseline: str) -> tuple[str, str | None]:
    if len(candidates) == 1:
        return candidates[0]
    scored = [(vietnamese_score(t), t, name) for t, name in candidates]
    base_score = scored[0][0]
    best = max(scored, key=lambda s: s[0])
    n_tokens = sum(1 for tok in _TOKEN_RE.findall(baseline[:_SAMPLE]) if not tok.isascii())
    if best[2] is not None and best[0] > base_score + max(3, 0.1 * n_tokens):
        return best[1], best[2]
    return candidates[0]


def fix_legacy(text: str) -> tuple[str, str | None]:
    """Text that may be legacy-font mojibake → (Unicode text, encoding name or None)."""
    return _best_of([(text, None), *_legacy_candidates(text)], baseline=text)
