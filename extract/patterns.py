"""Loads the data files in ``patterns/`` once; every rule reads its vocabulary from here."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .normalize import match_text, nfc


def patterns_dir() -> Path:
    """``$VNPLAN_PATTERNS`` when set (analysts' own copy), else the repository's folder."""
    env = os.environ.get("VNPLAN_PATTERNS")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "patterns", here / "patterns"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("patterns/ folder not found; set VNPLAN_PATTERNS")


# libyaml's loader when PyYAML was built with it: ten times faster, a tenth of a second off
# every run's start.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load(name: str) -> Any:
    """The parsed YAML file ``patterns/<name>.yaml``, with all strings in NFC."""
    path = patterns_dir() / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        return _nfc_all(yaml.load(fh, Loader=_LOADER))


def _nfc_all(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_nfc_all(v) for v in value]
    if isinstance(value, dict):
        return {_nfc_all(k): _nfc_all(v) for k, v in value.items()}
    return value


def alternation(words: list[str]) -> str:
    r"""A regex alternation of vocabulary phrases in match form, a space in a phrase matching
    any run of whitespace (a phrase may wrap across a line).

    It matches as ``longest|...|shortest`` would, but is written as a prefix tree
    (``quy(?:ết định|ết|\s+chế)``): ``re`` tries the branches of an alternation one by one,
    so a flat list of a hundred phrases costs a hundred comparisons at every position, the
    tree one or two. Where one phrase extends another the tree tries the longer first (each
    optional tail is greedy), which is the order the flat list sorted by length gives.
    """
    trie: dict = {}
    for w in {match_text(nfc(w)) for w in words}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here
    return _tree_regex(trie)


def _tree_regex(node: dict) -> str:
    groups: dict[str, list[str]] = {}
    for ch in sorted(node):
        if ch:
            groups.setdefault(ch.lower(), []).append(ch)
    branches = []
    for chars in groups.values():
        if len(chars) == 1:
            ch = chars[0]
            branches.append((r"\s+" if ch == " " else re.escape(ch)) + _tree_regex(node[ch]))
        else:
            # Branches differing only in letter case ("Căn cứ", "căn cứ vào") may both match
            # under re.I; among them keep the flat longest-first order that decides then.
            tails = sorted(
                (ch + t for ch in chars for t in _suffixes(node[ch])), key=lambda t: (-len(t), t)
            )
            branches.extend(re.escape(t).replace(r"\ ", r"\s+") for t in tails)
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    return "(?:" + "|".join(branches) + (")?" if "" in node else ")")


def word_re(words: list[str]) -> re.Pattern[str]:
    """Any of ``words`` as whole words, in any letter case."""
    return re.compile(r"(?<![\w])(?:" + alternation(words) + r")(?![\w])", re.I)


@dataclass(frozen=True, slots=True)
class EndRe:
    """A pattern anchored at the end of its text (``...\\s*$``) whose matches span at most
    ``words`` whitespace-separated words.

    Python's ``re`` tries such a pattern at every position of the text; no match can start
    before the last ``words`` words, so the search starts there (same first match)."""

    rx: re.Pattern[str]
    words: int

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        parts = text[pos:end].rsplit(None, self.words)
        if len(parts) > self.words:
            pos += len(parts[0])
        return self.rx.search(text, pos, end)


def folded(word: str) -> str:
    """A pattern word in the same form as the match text it is searched in."""
    return match_text(nfc(word))


def _suffixes(node: dict) -> list[str]:
    """Every phrase ending below ``node``, spelled from there."""
    return [ch + rest for ch, child in node.items() for rest in (_suffixes(child) if ch else [""])]
