"""search/workplan-index.json per edition: one document per item, section, the preamble and each
glossary term, so a result lands on the item itself (docs/ stage)."""
from __future__ import annotations

import json

from ..annotate import plain
from ..prepare import Content
from ..render import Renderer, renderer_for


def edition_index(r: Renderer) -> str:
    """The edition's search documents: each item, each section, the preamble, each glossary term.

    Plain text in the edition's own language and typography; `location` is the URL (with the
    item's anchor) relative to the edition, as Material's search UI expects."""
    docs = []
    if r.doc.preamble:
        docs.append({"location": "", "title": r.ts(r.doc.title), "text": ""})
        text = " ".join(r.ts(plain(p)) for p in r.doc.preamble)
        docs.append({"location": "#preamble", "title": r.ui["preamble"], "text": text})
    for section in r.plan.sections:
        page = f"sections/{section.number}/"
        docs.append({"location": page, "title": r.section_title(section.number), "text": ""})
        for item in section.items:
            text = r.ts(plain(r.doc.items[item.id]))
            docs.append({"location": f"{page}#{item.anchor}", "title": f"§{item.id}", "text": text})
    if r.glossed:
        docs.append({"location": "glossary/", "title": r.ui["glossary"], "text": ""})
        for g in r.glossed:
            names = " · ".join([g.name, *g.other_names] + ([g.term.abbr] if g.term.abbr else []))
            docs.append({"location": f"glossary/#{g.term.id}", "title": names, "text": g.definition})
    return json.dumps({"docs": docs}, ensure_ascii=False, separators=(",", ":")) + "\n"


def render(content: Content) -> dict[str, str]:
    return {f"{e.code}/search/workplan-index.json": edition_index(renderer_for(content, e)) for e in content.editions}
