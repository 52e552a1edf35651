"""annotate: text + glossary -> spans, each plain text or a glossary term.

Rules (tested in tests/test_glossary.py):
- every surface form of a term (name, abbreviation, aliases) is searched at once with an
  Aho-Corasick automaton, so the work is linear in the text whatever the glossary size;
- overlapping matches: the leftmost wins, and of those starting at the same place the
  longest (知识产权强国建设纲要 before 知识产权);
- English forms match whole words only (no letter or digit on either side), case as written;
- only the first occurrence of a term in each item (or paragraph) is linked; later ones stay text.
Headings are never annotated (the caller passes only item and paragraph text).
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick


@dataclass(frozen=True)
class Span:
    text: str
    term: str | None = None  # glossary id when the span is a term occurrence


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class Matcher:
    """All surface forms of one language, compiled once."""

    def __init__(self, forms: dict[str, str], whole_words: bool):
        """forms: surface form -> term id."""
        self.whole_words = whole_words
        self.automaton = ahocorasick.Automaton()
        for form, term in forms.items():
            if form:
                self.automaton.add_word(form, (len(form), term))
        self.empty = not forms
        if not self.empty:
            self.automaton.make_automaton()

    def matches(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, term) matches, leftmost then longest first."""
        if self.empty:
            return []
        found = []
        for end, (length, term) in self.automaton.iter(text):
            start = end - length + 1
            if self.whole_words and (
                (start > 0 and _is_word_char(text[start - 1]) and _is_word_char(text[start]))
                or (end + 1 < len(text) and _is_word_char(text[end + 1]) and _is_word_char(text[end]))
            ):
                continue
            found.append((start, end + 1, term))
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        chosen = []
        last_end = 0
        for start, end, term in found:
            if start >= last_end:
                chosen.append((start, end, term))
                last_end = end
        return chosen


def annotate(text: str, matcher: Matcher) -> tuple[Span, ...]:
    """Split text into spans; the first occurrence of each term becomes a term span."""
    spans: list[Span] = []
    seen: set[str] = set()
    pos = 0
    for start, end, term in matcher.matches(text):
        if term in seen:
            continue
        seen.add(term)
        if start > pos:
            spans.append(Span(text[pos:start]))
        spans.append(Span(text[start:end], term))
        pos = end
    if pos < len(text):
        spans.append(Span(text[pos:]))
    return tuple(spans)


def plain(spans: tuple[Span, ...]) -> str:
    return "".join(s.text for s in spans)


def map_spans(spans: tuple[Span, ...], fn) -> tuple[Span, ...]:
    """Apply a text function (a converter) to spans, keeping the term links.

    The whole text is converted at once, so a converter that works on phrases sees
    the full context; when it keeps the length (OpenCC s2tw does, character for
    character), the result is cut at the same places.  Otherwise span by span.
    """
    whole = fn(plain(spans))
    if len(whole) != len(plain(spans)):
        return tuple(Span(fn(s.text), s.term) for s in spans)
    out, pos = [], 0
    for s in spans:
        out.append(Span(whole[pos : pos + len(s.text)], s.term))
        pos += len(s.text)
    return tuple(out)
