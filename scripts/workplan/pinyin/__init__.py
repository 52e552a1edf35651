"""Pinyin readings: the project's one source of pinyin (search index, term cards, ruby text, data).

Readings come from pypinyin's phrase data (word-level, never character by character), corrected
by this project's reviewed list in `corrections.tsv` beside this file (one reading per line,
with its reason).  Citation tones: no tone-sandhi marking for 一 and 不.

API (stable; other modules rely on it):
    syllables(text) -> list[str | None]   one entry per character of `text`: the tone-marked
                                           syllable of a Han character, None for anything else.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

CORRECTIONS = Path(__file__).with_name("corrections.tsv")


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f"


@lru_cache(maxsize=1)
def corrections() -> dict[str, tuple[str, ...]]:
    """word -> its reviewed reading, one tone-marked syllable per character."""
    out: dict[str, tuple[str, ...]] = {}
    if not CORRECTIONS.exists():
        return out
    with CORRECTIONS.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            out[row["word"]] = tuple(row["reading"].split())
    return out


@lru_cache(maxsize=1)
def _converter():
    from pypinyin import load_phrases_dict

    fixes = corrections()
    if fixes:
        load_phrases_dict({w: [[s] for s in r] for w, r in fixes.items()})
    from pypinyin import Style, pinyin

    return lambda text: pinyin(text, style=Style.TONE, heteronym=False, errors=lambda s: [[None] for _ in s])


def syllables(text: str) -> list[str | None]:
    """One entry per character of `text`: its tone-marked syllable if Han, else None."""
    out: list[str | None] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            chunk = "".join(run)
            readings = _converter()(chunk)
            flat = [r[0] for r in readings]
            assert len(flat) == len(chunk), (chunk, flat)
            out.extend(flat)
            run.clear()

    for ch in text:
        if _is_han(ch):
            run.append(ch)
        else:
            flush()
            out.append(None)
    flush()
    return out
