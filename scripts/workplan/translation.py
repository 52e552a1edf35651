"""The English text, stored as data keyed by item id (source/<plan>.en.yml).

A plan without a translation file, or with some items missing, still builds: those
items show the Chinese with a "not yet translated" mark (see render) and the build warns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .model import Plan, Problem

# libyaml's C parser when PyYAML has it (5x faster than the pure-Python one); same results.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SENTENCE_END = re.compile(r"[.!?](?:[\"')\]]*)(?=\s|$)")


@dataclass(frozen=True)
class Translation:
    title: str = ""
    citation: str = ""
    overview: str = ""
    preamble: tuple[str, ...] = ()
    source_line: str = ""
    headings: dict[int, str] = field(default_factory=dict)
    summaries: dict[int, str] = field(default_factory=dict)
    items: dict[str, str] = field(default_factory=dict)

    def missing(self, plan: Plan) -> list[str]:
        """Ids of the plan's items (and headings, as "4") with no translation."""
        out = [str(s.number) for s in plan.sections if s.number not in self.headings]
        return out + [i.id for i in plan.items() if i.id not in self.items]


def count_sentences(text: str) -> int:
    return len(SENTENCE_END.findall(text.strip()))


def _line_of(text: str, needle: str) -> int:
    for n, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return n
    return 1


def load(text: str, path: str, plan: Plan) -> Translation:
    try:
        data = yaml.load(text, Loader=Loader) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise Problem(path, mark.line + 1 if mark else 1, f"not valid YAML: {getattr(err, 'problem', err)}") from None
    if not isinstance(data, dict):
        raise Problem(path, 1, "expected a mapping with title, sections and items")

    def text_field(value, where: str) -> str:
        if value is None:
            return ""
        if not isinstance(value, str) or not value.strip():
            raise Problem(
                path,
                _line_of(text, where),
                f"{where} must be non-empty text",
                "write the translation or remove the key",
            )
        return " ".join(value.split())

    items = {}
    known = {i.id for i in plan.items()}
    for key, value in (data.get("items") or {}).items():
        key = str(key)
        if key not in known:
            raise Problem(
                path,
                _line_of(text, f"{key}"),
                f"translation for item {key}, which the plan does not have",
                "remove it or fix the id",
            )
        items[key] = text_field(value, f"items.{key}")
    headings, summaries = {}, {}
    numbers = {s.number for s in plan.sections}
    for key, value in (data.get("sections") or {}).items():
        number = int(key)
        if number not in numbers:
            raise Problem(
                path,
                _line_of(text, f"{key}:"),
                f"translation for section {key}, which the plan does not have",
                "remove it or fix the number",
            )
        value = value or {}
        if value.get("heading"):
            headings[number] = text_field(value["heading"], f"sections.{key}.heading")
        if value.get("summary"):
            summaries[number] = text_field(value["summary"], f"sections.{key}.summary")
    return Translation(
        title=text_field(data.get("title"), "title"),
        citation=text_field(data.get("citation"), "citation"),
        overview=text_field(data.get("overview"), "overview"),
        preamble=tuple(text_field(p, "preamble") for p in (data.get("preamble") or [])),
        source_line=text_field(data.get("source_line"), "source_line"),
        headings=headings,
        summaries=summaries,
        items=items,
    )
