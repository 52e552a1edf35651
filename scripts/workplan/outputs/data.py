"""Data downloads of every edition: plan.json, glossary.json, glossary.csv (docs/ stage)."""

from __future__ import annotations

import csv
import io
import json

from .. import annotate as ann
from .. import pinyin
from ..prepare import Content

# The data files hold the text before typography; the pages typeset it at render time.
UNTYPESET = (
    "All text here is untypeset: it is stored before the editions' typography. The pages set ASCII , : ( ) "
    "full-width in Chinese text, join year ranges with a dash (2021-2035年 as 2021—2035年) in both Chinese "
    "editions, and use corner brackets 「」『』 for quotes in the traditional edition; the data keeps the "
    "characters as converted or received."
)
CSV_UNTYPESET_COLUMN = "untypeset (text before typography)"


def plan_json(content: Content) -> str:
    plan = content.plan
    original_code = content.original.code  # the simplified original: its items carry their pinyin
    editions = {}
    for code, doc in content.docs.items():
        editions[code] = {
            "title": doc.title,
            "preamble": [ann.plain(p) for p in doc.preamble],
            "sections": [
                {
                    "number": s.number,
                    "numeral": s.numeral,
                    "heading": doc.headings[s.number],
                    **({"summary": doc.summaries[s.number]} if doc.summaries and s.number in doc.summaries else {}),
                    "items": [
                        {
                            "id": i.id,
                            "anchor": i.anchor,
                            "text": ann.plain(doc.items[i.id]),
                            **({"pinyin": pinyin.reading(ann.plain(doc.items[i.id]))} if code == original_code else {}),
                            **({"untranslated": True} if i.id in doc.untranslated else {}),
                        }
                        for i in s.items
                    ],
                }
                for s in plan.sections
            ],
            "source_line": doc.source_line,
        }
        if doc.overview:
            editions[code]["overview"] = doc.overview
    original = content.docs[content.original.code]
    data = {
        "about": f"{original.title} reader's edition: the plan as data. zh-Hans is the original, "
        "character-exact; zh-Hant is an OpenCC conversion, proofread; en is an unofficial translation. " + UNTYPESET,
        # where the text comes from: title, issuer, date of issue, official address, when checked, SHA-256
        **({"provenance": plan.provenance.as_data()} if plan.provenance else {}),
        "editions": editions,
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def glossary_rows(content: Content) -> list[dict]:
    rows = []
    hant = {g.term.id: g for g in content.glossed.get("zh-Hant", [])}
    hans = {g.term.id: g for g in content.glossed.get("zh-Hans", [])}
    for term in content.glossary:
        rows.append(
            {
                "id": term.id,
                "category": term.category,
                "zh-Hans": term.names["zh-Hans"],
                "zh-Hant": hant[term.id].name if term.id in hant else "",
                "en": term.names["en"],
                "pinyin": hans[term.id].pinyin if term.id in hans else pinyin.words(term.names["zh-Hans"]),
                "abbr": term.abbr,
                "definition_en": term.definition["en"],
                "definition_zh-Hans": term.definition["zh-Hans"],
                "definition_zh-Hant": hant[term.id].definition if term.id in hant else "",
                "url": term.url,
                "sources": " | ".join(term.sources),
                "appears_in": " ".join(hans[term.id].uses) if term.id in hans else "",
            }
        )
    return rows


def glossary_json(content: Content) -> str:
    about = "The glossary of the reader's edition; each term's sources are where its facts can be checked. " + UNTYPESET
    return json.dumps({"about": about, "terms": glossary_rows(content)}, ensure_ascii=False, indent=1) + "\n"


def glossary_csv(content: Content) -> str:
    rows = [{**row, CSV_UNTYPESET_COLUMN: "yes"} for row in glossary_rows(content)]
    buf = io.StringIO()
    if rows:
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return buf.getvalue()


def render(content: Content) -> dict[str, str]:
    """The same data files in every edition's folder."""
    data = {"plan.json": plan_json(content)}
    if content.glossary:
        data["glossary.json"] = glossary_json(content)
        data["glossary.csv"] = glossary_csv(content)
    return {f"{e.code}/{name}": text for e in content.editions for name, text in data.items()}
