"""The pinyin of a whole plan, part by part: what plan.json's `pinyin` fields and the ruby text carry,
and what tests/golden/pinyin.zh-Hans.txt pins after proofreading."""

from __future__ import annotations

from ..model import Plan
from . import reading


def parts(plan: Plan) -> list[tuple[str, str]]:
    """(key, simplified text) for every part of the plan, in reading order.

    Keys: title, preamble.N, source, N (a section heading), N.M (an item, the item id)."""
    out = [("title", plan.title)]
    out += [(f"preamble.{k}", p) for k, p in enumerate(plan.preamble, start=1)]
    for section in plan.sections:
        out.append((str(section.number), section.heading))
        out += [(item.id, item.text) for item in section.items]
    if plan.source_line:
        out.append(("source", plan.source_line))
    return out


def golden_text(plan: Plan) -> str:
    """The reviewable form: each part's text as a comment, then `key<TAB>pinyin`."""
    lines = [
        "# The pinyin of the whole plan, proofread word by word "
        "(corrections: scripts/workplan/pinyin/corrections.tsv).",
        "# Each part: its text as a comment line, then key<TAB>one tone-marked syllable per Chinese character.",
    ]
    for key, text in parts(plan):
        lines += [f"# {text}", f"{key}\t{reading(text)}"]
    return "\n".join(lines) + "\n"
