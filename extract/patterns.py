"""Loads the data files in ``patterns/`` once; every rule reads its vocabulary from here."""

from __future__ import annotations

import os
import re
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


@cache
def load(name: str) -> Any:
    """The parsed YAML file ``patterns/<name>.yaml``, with all strings in NFC."""
    path = patterns_dir() / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        return _nfc_all(yaml.safe_load(fh))


def _nfc_all(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_nfc_all(v) for v in value]
    if isinstance(value, dict):
        return {_nfc_all(k): _nfc_all(v) for k, v in value.items()}
    return value


def alternation(words: list[str]) -> str:
    """A regex alternation of vocabulary phrases in match form, longest first, a space in a
    phrase matching any run of whitespace (a phrase may wrap across a line)."""
    forms = sorted({match_text(nfc(w)) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in forms)


def word_re(words: list[str]) -> re.Pattern[str]:
    """Any of ``words`` as whole words, in any letter case."""
    return re.compile(r"(?<![\w])(?:" + alternation(words) + r")(?![\w])", re.I)


def folded(word: str) -> str:
    """A pattern word in the same form as the match text it is searched in."""
    return match_text(nfc(word))
