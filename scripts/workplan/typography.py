"""Render-time typography for the Chinese editions (GB/T 15834).

The source keeps its ASCII , : ( ) exactly as received; the Chinese editions show them
full-width where they stand in Chinese text.  Between ASCII letters or digits (1,000 or
12:30 or f(x)) they stay as they are.  A year range written with a hyphen before 年
(2021-2035年) takes the connecting dash of GB/T 15834 (2021—2035年).

Everything here runs at render time: the data files (plan.json, glossary.json, glossary.csv)
and tests/golden/zh-Hant.txt hold the text before typography.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

FULL_WIDTH = {",": "，", ":": "：", "(": "（", ")": "）"}
HALF_WIDTH = {v: k for k, v in FULL_WIDTH.items()}
PUNCT_HANT = {"“": "「", "”": "」", "‘": "『", "’": "』"}
_PUNCT_TABLE = str.maketrans(PUNCT_HANT)
YEAR_DASH = "\u2014"  # — EM DASH, the 一字线 connecting dash of GB/T 15834 for ranges of time
_YEAR_RANGE = re.compile(r"(?<![0-9])([0-9]{4})-([0-9]{4})(?=年)")
_YEAR_RANGE_SET = re.compile(r"(?<![0-9])([0-9]{4})" + YEAR_DASH + r"([0-9]{4})(?=年)")


def is_wide(ch: str) -> bool:
    """True for a CJK character or full-width punctuation."""
    return bool(ch) and unicodedata.east_asian_width(ch) in ("W", "F")


def _paren_pairs(text: str) -> dict[int, int]:
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            pairs[stack.pop()] = i
    return pairs


def zh_punct(text: str) -> str:
    """ASCII , : ( ) -> full-width where a neighbour (or, for brackets, the content) is Chinese."""
    out = list(text)
    for open_, close in _paren_pairs(text).items():
        before = text[open_ - 1] if open_ else ""
        after = text[close + 1] if close + 1 < len(text) else ""
        if is_wide(before) or is_wide(after) or any(is_wide(c) for c in text[open_ + 1 : close]):
            out[open_], out[close] = "（", "）"
    for i, ch in enumerate(text):
        if ch in ",:":
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if is_wide(before) or is_wide(after):
                out[i] = FULL_WIDTH[ch]
    return year_ranges("".join(out))


def year_ranges(text: str) -> str:
    """2021-2035年 -> 2021—2035年 (GB/T 15834: a range of years takes the connecting dash)."""
    return _YEAR_RANGE.sub(r"\1" + YEAR_DASH + r"\2", text)


def fold_punct(text: str) -> str:
    """The inverse used by the fidelity test: full-width , : ( ) back to ASCII, and a year range's
    dash back to the hyphen of the source; nothing else."""
    return _YEAR_RANGE_SET.sub(r"\1-\2", "".join(HALF_WIDTH.get(ch, ch) for ch in text))


def hant_quotes(text: str) -> str:
    """Curly quotes -> corner brackets (Taiwan/Hong Kong typography), nothing else."""
    return text.translate(_PUNCT_TABLE)


def _hant(text: str) -> str:
    return hant_quotes(zh_punct(text))


def _unchanged(text: str) -> str:
    return text


TYPESETTERS: dict[str, Callable[[str], str]] = {"zh-Hans": zh_punct, "zh-Hant": _hant, "en": _unchanged}


def typesetter(name: str) -> Callable[[str], str]:
    """The render-time typography an edition names (editions.Edition.typography)."""
    return TYPESETTERS[name]
