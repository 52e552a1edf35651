"""parse: the plan as text -> Plan.

Layout understood (nothing about one particular plan is assumed):

    title line
    preamble paragraph(s)
    一、heading sentence。item。item。…          (heading and body on one line)
    二、heading sentence                         (or the heading on its own line,
    body paragraph(s)。…                          the body in the following paragraphs)
    …
    来源:publisher                               (optional last line)

A section's heading is its first sentence; its items are the remaining sentences.
A line that stops mid-sentence (no 。！？ at its end) continues on the next line, so a
hard-wrapped plan parses like one with a paragraph a line.
Sentences end at 。！？ but never inside “”, 《》, 「」 or ()/（）.
"""

from __future__ import annotations

import re

from .model import Item, Plan, Problem, Section

DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SECTION_RE = re.compile(r"^([一二三四五六七八九十]{1,3})、")
SOURCE_RE = re.compile(r"^(来源|資料來源|来源于|資料来源|來源)[:：]")
ENDERS = "。！？"
PAIRS = {"“": "”", "《": "》", "(": ")", "（": "）", "「": "」", "『": "』", "‘": "’"}


def numeral_value(numeral: str) -> int | None:
    """Chinese numeral 一…九十九 -> int; None if it is not a well-formed numeral."""
    if numeral in DIGITS and numeral != "零":
        return DIGITS[numeral]
    m = re.fullmatch(r"([二三四五六七八九]?)十([一二三四五六七八九]?)", numeral)
    if not m:
        return None
    tens = DIGITS[m.group(1)] if m.group(1) else 1
    ones = DIGITS[m.group(2)] if m.group(2) else 0
    return tens * 10 + ones


def numeral_of(value: int) -> str:
    names = "零一二三四五六七八九"
    if value < 10:
        return names[value]
    tens, ones = divmod(value, 10)
    return (names[tens] if tens > 1 else "") + "十" + (names[ones] if ones else "")


def split_sentences(text: str) -> list[str]:
    """Split at 。！？ that are not inside a bracket or quotation pair.

    Text after the last ender (a sentence without 。) is a sentence of its own.
    An opener never closed is treated as closed at the end of the paragraph.
    """
    sentences: list[str] = []
    stack: list[str] = []
    start = 0
    closers = set(PAIRS.values())
    for i, ch in enumerate(text):
        if ch in PAIRS:
            stack.append(PAIRS[ch])
        elif ch in closers:
            if ch in stack:  # close up to the matching opener, tolerating a stray one
                while stack and stack.pop() != ch:
                    pass
        elif ch in ENDERS and not stack:
            sentences.append(text[start : i + 1])
            start = i + 1
    rest = text[start:]
    if rest.strip():
        sentences.append(rest)
    return [s.strip() for s in sentences if s.strip()]


ENDS_SENTENCE = re.compile(r"[。！？][”’」』）)》]*$")


def continues(paragraph: str, heading_line: bool) -> bool:
    """Does the next line continue this one (a hard-wrapped sentence)?

    A line that does not end a sentence continues on the next line, except a section's own
    line holding only its heading (no 。 at all): that is the heading-on-its-own-line layout."""
    if ENDS_SENTENCE.search(paragraph):
        return False
    return not (heading_line and not any(ch in ENDERS for ch in paragraph))


def decode(data: bytes, path: str) -> str:
    """UTF-8 (an optional BOM is dropped); otherwise a Problem naming the line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise Problem(
            path,
            line,
            f"byte 0x{data[err.start]:02x} is not UTF-8",
            "save the file as UTF-8",
        ) from None
    return text.removeprefix("\ufeff")


def parse(text: str, path: str = "<plan>") -> Plan:
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if line]
    if not numbered:
        raise Problem(path, 1, "the file is empty", "expected a title line, a preamble and sections 一、二、…")

    title_line, title = numbered[0]
    body = numbered[1:]
    source_line = None
    if body and SOURCE_RE.match(body[-1][1]):
        source_line = body[-1][1]
        body = body[:-1]

    preamble: list[str] = []
    blocks: list[tuple[int, str, int, list[tuple[int, str]]]] = []  # (line, numeral, value, paragraphs)
    for n, line in body:
        m = SECTION_RE.match(line)
        value = numeral_value(m.group(1)) if m else None
        if m and value is not None:
            expected = blocks[-1][2] + 1 if blocks else 1
            if value != expected:
                seen = {b[2]: b[0] for b in blocks}
                if value in seen:
                    problem = f"section {m.group(1)}、 appears again (first at line {seen[value]})"
                elif value < expected:
                    problem = f"section {m.group(1)}、 is out of order"
                else:
                    before = numeral_of(expected - 1) + "、" if blocks else "the preamble"
                    problem = f"section {m.group(1)}、 follows {before}"
                raise Problem(
                    path,
                    n,
                    problem,
                    f"expected section {numeral_of(expected)}、; number the sections 一、二、三、… without gaps",
                )
            rest = line[m.end() :].strip()
            blocks.append((n, m.group(1), value, [(n, rest)] if rest else []))
        elif blocks:
            paragraphs = blocks[-1][3]
            if paragraphs and continues(paragraphs[-1][1], heading_line=paragraphs[-1][0] == blocks[-1][0]):
                paragraphs[-1] = (paragraphs[-1][0], paragraphs[-1][1] + line)
            else:
                paragraphs.append((n, line))
        elif preamble and continues(preamble[-1], heading_line=False):
            preamble[-1] += line
        else:
            preamble.append(line)

    if not blocks:
        raise Problem(
            path,
            title_line,
            f"no sections found after the title {title!r}",
            "each section starts a line with a Chinese numeral and 、, e.g. 一、",
        )

    sections = []
    for line_no, numeral, value, paragraphs in blocks:
        sentences: list[tuple[int, str]] = []
        for n, paragraph in paragraphs:
            sentences.extend((n, s) for s in split_sentences(paragraph))
        if not sentences:
            raise Problem(path, line_no, f"section {numeral}、 has no text", "give it a heading sentence")
        heading = sentences[0][1]
        if heading[-1] == "。":
            heading = heading[:-1]
        items = tuple(Item(id=f"{value}.{k}", text=s, line=n) for k, (n, s) in enumerate(sentences[1:], start=1))
        sections.append(Section(number=value, numeral=numeral, heading=heading, items=items, line=line_no))

    return Plan(title=title, preamble=tuple(preamble), sections=tuple(sections), source_line=source_line)


def parse_bytes(data: bytes, path: str) -> Plan:
    return parse(decode(data, path), path)
