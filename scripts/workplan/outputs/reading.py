"""Reading aids' data, loaded by overrides/assets/javascripts/workplan-reading.js only when used:

    {edition}/reading/cards.js    the term cards of the edition (loaded on the first tap on a term)
    {edition}/reading/pinyin.js   the pinyin of every item and preamble paragraph (Chinese editions;
                                  loaded only when the reader turns pinyin on)

Each file is a script calling window.wpReading(kind, data) rather than JSON, so that it also loads
from file:// (an offline copy of the site), where fetch() of a local file is refused.
Pure functions of the prepared content; the pinyin itself comes from workplan.pinyin only.
"""

from __future__ import annotations

import json
import re

from .. import pinyin
from ..annotate import plain
from ..editions import plural_forms
from ..prepare import Content
from ..typography import typesetter

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SENTENCE = {"zh": re.compile(r"^.+?[。！？](?=.)"), "en": re.compile(r"^.+?[.!?](?=\s+[A-Z“\"(])")}


def first_sentence(text: str, chinese: bool) -> str:
    """The short definition of a card: the definition's first sentence."""
    m = SENTENCE["zh" if chinese else "en"].match(text)
    return m.group(0) if m else text


def cards(content: Content, edition) -> dict:
    """The term cards of an edition.  Each text is set in its own edition's typography, as the pages
    set it: the traditional names and definitions with 「」, the simplified names beside them with “”."""
    by_lang = {code: {g.term.id: g for g in entries} for code, entries in content.glossed.items()}
    ts = {e.code: typesetter(e.typography) for e in content.editions}
    ui = edition.ui
    out = {}
    for g in content.glossed[edition.code]:
        term = g.term
        names = {e.code: ts[e.code](by_lang[e.code][term.id].name) for e in content.editions if e.code in by_lang}
        out[term.id] = {
            "name": ts[edition.code](g.name),
            "other": [[code, name] for code, name in names.items() if code != edition.code],
            "pinyin": g.pinyin,
            "abbr": term.abbr,
            "def": ts[edition.code](first_sentence(g.definition, edition.chinese)),
            "count": len(g.uses),
        }
    return {
        "ui": {
            "label": ui["card_label"],
            "close": ui["card_close"],
            "full": ui["card_full"],
            "count": plural_forms(ui, "card_count"),
            "none": ui["card_count_none"],
            "abbr": ui["abbr"] + ui["colon"],
            "pinyin": ui["pinyin"] + ui["colon"],
            "langs": {e.code: e.label for e in content.editions},
        },
        "terms": out,
    }


PINYIN_RUN = re.compile(r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê'-]+")


def word_sizes(text: str) -> str:
    """How the ruby groups the characters of `text` into words: each word's count of Chinese
    characters, space-separated, an idiom's two halves joined by "-" ("2 2-2 1").  The words are
    workplan.pinyin.words' (GB/T 16159, as the glossary's pinyin), matched back onto the
    syllables; where they cannot be, one character a word."""
    sylls = [s for s in pinyin.syllables(text) if s]
    sizes, k = [], 0
    for run in PINYIN_RUN.findall(pinyin.words(text)):
        if not run.strip("-'"):  # a dash between digits (2021-2035)
            continue
        halves = []
        for half in run.strip("-").split("-"):
            letters, taken = half.replace("'", ""), ""
            start = k
            while k < len(sylls) and len(taken) < len(letters):
                taken += sylls[k]
                k += 1
            if not letters or taken != letters:
                return " ".join("1" for _ in sylls)
            halves.append(str(k - start))
        sizes.append("-".join(halves))
    if k != len(sylls):
        return " ".join("1" for _ in sylls)
    return " ".join(sizes)


def pinyin_parts(content: Content, edition) -> dict:
    """Every part of the plan's text on the edition's pages -> space-separated syllables, one per
    Han character of that part as the edition shows it.  Keys: an item's id; p1, p2 … the preamble
    paragraphs; title; s4 a section's numbered title (四、…), h4 its heading alone, n4 its numeral;
    source the source line.  `words` holds each part's word_sizes(), for the ruby to group by word.
    The pages name the parts other than items with data-wp-py.  zh-Hant
    maps the simplified original's readings character by character (OpenCC keeps the length)."""
    hans, doc = content.docs[content.original.code], content.docs[edition.code]
    pairs = [("title", hans.title, doc.title)]
    pairs += [
        (f"p{k}", plain(a), plain(b)) for k, (a, b) in enumerate(zip(hans.preamble, doc.preamble, strict=True), start=1)
    ]
    for section in content.plan.sections:
        n, numeral = section.number, section.numeral
        original, shown = hans.headings.get(n, section.heading), doc.headings.get(n, section.heading)
        pairs += [
            (f"s{n}", f"{numeral}、{original}", f"{numeral}、{shown}"),
            (f"h{n}", original, shown),
            (f"n{n}", numeral, numeral),
        ]
    pairs += [(item_id, plain(hans.items[item_id]), plain(doc.items[item_id])) for item_id in hans.items]
    if hans.source_line and doc.source_line:
        pairs.append(("source", hans.source_line, doc.source_line))
    pinyin.grouped(original for _, original, _ in pairs)  # jieba's dictionary selected once for every part
    out: dict = {}
    words: dict[str, str] = {}
    for key, original, shown in pairs:
        syllables = pinyin.reading(original)
        if len(syllables.split()) != len(HAN.findall(shown)):
            raise ValueError(
                f"{edition.code} {key}: {len(HAN.findall(shown))} Chinese characters but "
                f"{len(syllables.split())} syllables from the simplified original"
            )
        out[key] = syllables
        words[key] = word_sizes(original)
    out["words"] = words
    return out


def script(kind: str, data: dict) -> str:
    return f"window.wpReading({json.dumps(kind)},{json.dumps(data, ensure_ascii=False, separators=(',', ':'))});\n"


def render(content: Content) -> dict[str, str]:
    files = {}
    for edition in content.editions:
        if content.glossary:
            files[f"{edition.code}/reading/cards.js"] = script("cards", cards(content, edition))
        if edition.chinese and content.original.chinese:
            files[f"{edition.code}/reading/pinyin.js"] = script("pinyin", pinyin_parts(content, edition))
    return files
