"""The shortcuts deadlines.py takes to find where to look must find what the plain searches
find: every check below compares a shortcut with the search it stands for, on random text
made of the vocabulary's words in every letter case."""

from __future__ import annotations

import random
import re
import sys

import pytest

from extract import patterns
from extract.extractors import deadlines as dl
from extract.normalize import anchored_finditer, finditer_at, lowered, match_text, overlapping


def _words() -> list[str]:
    v = patterns.load("deadlines")
    words = [str(w) for val in v.values() if isinstance(val, (list, dict)) for w in val]
    return words + [w.upper() for w in words] + [w.title() for w in words]


_TOKENS = [
    *_words(),
    *"0123456789,-/.:;()\n\t_",
    *["2022", "2019", "19", "20", "12", "05", "III", "IV", "x", "abc", "İ", "ı", "ſ", "  "],
]


# calendar expressions and their pieces, for the atoms
_DATES = [
    *"0123456789/.-,: ",
    *["21/02/2022", "05/3", "1/2", "3 / 4", "21.02.2022", "2022-2023", "2019", "2025", "19"],
    *["ngày 15 tháng 6 năm 2022", "6 tháng đầu năm", "Quý III/2022", "tháng 6-8/2022"],
    *["ngày 15 của tháng cuối quý", "ngày 15 hàng tháng", "năm", "Năm", "giai đoạn", "cả"],
    *["ngày", "NGÀY", "tháng", "quý", "và", "x", "abc", "_", "(", "\n"],
]


def _texts(n: int, tokens: list[str], seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [
        match_text(
            "".join(
                rng.choice(tokens) + rng.choice(["", "", " ", " "])
                for _ in range(rng.randint(5, 50))
            )
        )
        for _ in range(n)
    ]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts(400, _TOKENS)


def test_lowered_text_keeps_offsets_and_every_case_insensitive_match():
    low = lowered("İstanbul ıſ ΣΑΣ Hòa")
    assert len(low) == len("İstanbul ıſ ΣΑΣ Hòa")
    # every character re.I takes for a letter of a vocabulary word lowers to that letter
    everything = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    letters = {c for w in _words() for c in lowered(patterns.folded(w)) if c.isalpha()}
    for x in letters:
        for m in re.finditer(re.escape(x), everything, re.I):
            assert lowered(m.group()) == x, (x, m.group())


def test_atoms_found_from_their_leads_are_those_of_the_plain_searches(texts):
    vocab = dl._vocab()
    for text in texts + _texts(2000, _DATES):
        low = lowered(text)
        for name, rx in vocab.atoms:
            lead = vocab.atom_leads[name]
            if name in dl._ANCHORS:
                anchor, back = dl._ANCHORS[name]
                want = anchored_finditer(rx, anchor, text, back)
                got = dl._anchored(rx, anchor, back, text, low, lead, digits=name == "dates")
            else:
                want = rx.finditer(text)
                starts = [m.start() for m in overlapping(lead, low)]
                got = finditer_at(rx, text, starts)
            assert [m.span() for m in got] == [m.span() for m in want], (name, text)


_SEARCHES = {
    "every": "every_re",
    "periodic": "periodic_re",
    "counted": "counted_re",
    "report": "report_re",
    "ongoing": "ongoing_re",
    "ongoing_cell": "ongoing_cell_re",
    "on_request": "on_request_re",
    "as_requested": "as_requested_re",
    "schedule": "schedule_re",
    "schedule_cell": "schedule_cell_re",
    "on_request_cell": "on_request_cell_re",
}


def test_a_zone_search_matches_only_where_its_trigger_words_occur(texts):
    vocab = dl._vocab()
    assert set(_SEARCHES) == set(dl._TRIGGERS)
    for text in texts:
        index = dl._trigger_index(lowered(text))
        for start in range(0, len(text), 7):
            for end in (start + 6, start + 20, len(text)):
                z = dl._Zone(start, min(end, len(text)), "text")
                for kind, attr in _SEARCHES.items():
                    if getattr(vocab, attr).search(text, z.start, z.end):
                        assert dl._starts_in(index[kind], z), (kind, text[z.start : z.end])


def test_end_of_window_patterns_answer_as_their_search(texts):
    vocab = dl._vocab()
    tails = [getattr(vocab, f.name) for f in dl._Vocab.__dataclass_fields__.values()]
    tails = [t for t in tails if isinstance(t, dl._Tail)]
    assert len(tails) >= 10
    for text in texts[:60]:
        for t in tails:
            for start in range(0, len(text), 5):
                for end in range(start, len(text) + 1, 9):
                    got = t.search(text, start, end)
                    want = t.rx.search(text, start, end)
                    assert (got and got.span()) == (want and want.span()), (t.rx.pattern, text)
