"""search/workplan-index.json per edition: one document per item, section, the preamble and each
glossary term, so a result lands on the item itself (docs/ stage).

The browser side is overrides/assets/javascripts/workplan-search-core.js; what it needs and
cannot compute itself is made here, at build time, from maintained data:

- ``fold``: a character table that folds every script form to one (simplified) form, so a
  query in simplified, traditional or a mix finds the same text.  Made with OpenCC's own
  conversions (t2s, tw2s, hk2s one way; s2t, s2tw, s2hk for the forms a reader may type),
  restricted to the characters of this index: never a hand-made table.  One character maps
  to one character, so positions (and the highlight) survive folding.
- ``py`` and each field's ``p``: pinyin readings of the Chinese text, from the project's one
  source of pinyin (``workplan.pinyin.syllables``: pypinyin's phrase data plus the reviewed
  corrections), read on the folded text, tone marks removed, ü written u.  ``py`` holds each
  character's most frequent reading in this index ("知zhi识shi…"); a field's ``p`` lists only
  the positions whose reading differs ([offset, syllable], …), so polyphones keep their
  reading in context at a fraction of the size.

``ref``: the pages that are reference rather than the plan (the glossary): their results are
grouped after the plan's and folded after the first few.

Documents: ``l`` location (relative to the edition, with the item's anchor), ``t`` title and
``x`` text in the edition's own language, ``a`` the other-language text that the same page
shows (the English annotation on Chinese pages, the Chinese original on English pages).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from functools import cache, lru_cache

from ..annotate import plain
from ..edition_markdown import Renderer, renderer_for
from ..prepare import Content

FIELDS = ("t", "x", "a")
GLOSSARY = "glossary/"
# OpenCC configs: to the folded (simplified) form, and to the forms a reader may type.
TO_FOLDED = ("t2s.json", "tw2s.json", "hk2s.json")
TO_VARIANTS = ("s2t.json", "s2tw.json", "s2hk.json")


HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


@cache
def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config)


def _convert_each(config: str, chars: list[str]) -> dict[str, str]:
    """Each character converted on its own (one per line: no phrase spans two), one to one."""
    if not chars:
        return {}
    lines = _opencc(config).convert("\n".join(chars)).split("\n")
    assert len(lines) == len(chars), config
    return {c: out for c, out in zip(chars, lines, strict=True) if len(out) == 1 and out != c}


@lru_cache(maxsize=1)
def _all_folds() -> dict[str, str]:
    """Every CJK character that OpenCC converts to another form -> its folded form."""
    chars = [chr(c) for c in range(0x3400, 0xA000)] + [chr(c) for c in range(0xF900, 0xFB00)]
    table: dict[str, str] = {}
    for config in TO_FOLDED:
        for c, out in _convert_each(config, chars).items():
            table.setdefault(c, out)
    # chains (a Taiwan or Hong Kong variant -> traditional -> simplified) end at one form
    return {c: _follow(table, c) for c in table if _follow(table, c) != c}


def _follow(table: dict[str, str], c: str) -> str:
    seen = {c}
    while c in table and table[c] not in seen:
        c = table[c]
        seen.add(c)
    return c


def fold_table(chars: set[str]) -> dict[str, str]:
    """Every script form of the characters in `chars` -> its folded (simplified) form, one
    character each: all the characters OpenCC folds to a form that occurs in this index, and the
    forms OpenCC gives for them (s2t, s2tw, s2hk)."""
    folds = _all_folds()
    targets = {folds.get(c, c) for c in chars if is_han(c)}
    table = {c: t for c, t in folds.items() if t in targets}
    for config in TO_VARIANTS:
        for target, variant in _convert_each(config, sorted(targets)).items():
            if variant not in table and folds.get(variant, target) == target:
                table[variant] = target
    return dict(sorted(table.items()))


@cache
def bare(syllable: str) -> str:
    """A tone-marked syllable -> lower-case letters without tone marks, ü as u."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    return "".join(c for c in decomposed if "a" <= c <= "z")


def readings(text: str) -> list[str | None]:
    from ..pinyin import syllables

    return [bare(s) if s else None for s in syllables(text)]


def encode(docs: list[dict[str, str]], alt_lang: str = "", reference: tuple[str, ...] = ()) -> str:
    """The index as JSON text: the documents, the fold table and the pinyin of any Chinese text
    (the edition's own on the Chinese editions, the original beside the English); `reference`
    names the pages ranked after the plan (``ref``)."""
    chars = {ch for doc in docs for f in FIELDS for ch in doc.get(f, "")}
    table = fold_table(chars)
    fold = str.maketrans(table)
    out_docs = [dict(doc) for doc in docs]
    index: dict = {"v": 2, "alt": alt_lang, "fold": "".join(k + v for k, v in sorted(table.items()))}
    if reference:
        index["ref"] = list(reference)
    per_field: list[tuple[dict, str, str, list[str | None]]] = []
    counts: dict[str, Counter] = defaultdict(Counter)
    for doc in out_docs:
        for field in FIELDS:
            text = doc.get(field, "").translate(fold)
            if not HAN.search(text):
                continue
            reads = readings(text)
            per_field.append((doc, field, text, reads))
            for ch, r in zip(text, reads, strict=True):
                if r:
                    counts[ch][r] += 1
    default = {ch: c.most_common(1)[0][0] for ch, c in sorted(counts.items())}
    index["py"] = "".join(ch + r for ch, r in default.items())
    for doc, field, text, reads in per_field:
        odd = [[i, r] for i, (ch, r) in enumerate(zip(text, reads, strict=True)) if r and r != default[ch]]
        if odd:
            doc.setdefault("p", {})[field] = odd
    index["docs"] = out_docs
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n"


def edition_docs(r: Renderer) -> list[dict[str, str]]:
    """The edition's search documents: each item, each section, the preamble, each glossary term.

    `t` title and `x` text in the edition's own language and typography, `a` the other-language
    text the same page shows; `l` the URL (with the item's anchor) relative to the edition, as
    Material's search UI expects."""
    docs: list[dict[str, str]] = []
    summaries = (r.english.summaries or {}) if r.english else {}
    if r.doc.preamble:
        docs.append({"l": "", "t": r.ts(r.doc.title)})
        text = " ".join(r.ts(plain(p)) for p in r.doc.preamble)
        docs.append({"l": "#preamble", "t": r.ui["preamble"], "x": text})
    for section in r.plan.sections:
        page = f"sections/{section.number}/"
        doc = {"l": page, "t": r.section_title(section.number)}
        if summaries.get(section.number):  # the section page shows the English summary
            doc["a" if r.e.chinese else "x"] = summaries[section.number]
        docs.append(doc)
        for item in section.items:
            doc = {"l": f"{page}#{item.anchor}", "t": f"§{item.id}", "x": r.ts(plain(r.doc.items[item.id]))}
            if r.shows_alt(item):
                doc["a"] = r.alt_ts(plain(r.alt.items[item.id]))
            docs.append(doc)
    if r.glossed:
        docs.append({"l": GLOSSARY, "t": r.ui["glossary"]})
        for g in r.glossed:
            # all its names (every language); the other-language definition is left out (size)
            names = " · ".join(
                [r.ts(g.name), *(r.alt_ts(n) for n in g.other_names)] + ([g.term.abbr] if g.term.abbr else [])
            )
            docs.append({"l": f"{GLOSSARY}#{g.term.id}", "t": names, "x": r.ts(g.definition)})
    return docs


def edition_index(r: Renderer) -> str:
    return encode(edition_docs(r), r.alt.lang if r.alt is not None else "", (GLOSSARY,) if r.glossed else ())


def render(content: Content) -> dict[str, str]:
    return {f"{e.code}/search/workplan-index.json": edition_index(renderer_for(content, e)) for e in content.editions}
