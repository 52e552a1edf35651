"""The small typed model every stage works on.

parse  : text            -> Plan            (workplan.parse)
annotate: Plan + glossary -> links per item  (workplan.annotate)
convert: Plan            -> Plan in zh-Hant  (workplan.convert)
render : Plan + edition  -> Markdown pages   (workplan.edition_markdown)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .provenance import Provenance


@dataclass(frozen=True)
class Item:
    """One task of a section: a sentence of the plan after the heading."""

    id: str  # "4.3": section number, then position in the section
    text: str
    line: int  # 1-based line of the source file where the sentence starts

    @property
    def anchor(self) -> str:
        """The HTML id of the item, identical in every edition (a URL contract)."""
        return "item-" + self.id.replace(".", "-")


@dataclass(frozen=True)
class Section:
    number: int  # 1, 2, 3 …
    numeral: str  # 一, 二, 三 …
    heading: str  # the first sentence, without its final 。
    items: tuple[Item, ...]
    line: int


@dataclass(frozen=True)
class Plan:
    title: str
    preamble: tuple[str, ...]  # paragraphs
    sections: tuple[Section, ...]
    source_line: str | None  # e.g. "来源:国家知识产权局"
    lang: str = "zh-Hans"
    provenance: Provenance | None = None  # where the text comes from (source/<plan>.provenance.yml), if recorded

    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def section(self, number: int) -> Section:
        for section in self.sections:
            if section.number == number:
                return section
        raise KeyError(number)


@dataclass(frozen=True)
class Problem(Exception):
    """A problem in an input file, reported as `file:line: message`."""

    path: str
    line: int
    message: str
    hint: str = field(default="")

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def __reduce__(self):  # pickled from a build process to the one that reports it (frozen: no setattr)
        return type(self), (self.path, self.line, self.message, self.hint)
