"""Handouts: A4 PDFs of each section (and a bilingual one on the Chinese editions) and of the whole
plan, per edition, printed by WeasyPrint from the print HTML made here.

    {edition}/downloads/section-{n}.pdf            the section: heading, every item with its number
    {edition}/downloads/section-{n}-bilingual.pdf  Chinese editions: the English under each item
    {edition}/downloads/plan.pdf                   the whole plan

Each ends with the glossary terms it uses (short definitions), a QR code (segno) of the page it
comes from, its citation and CNIPA's source statement; every page is numbered.  Fonts: Noto Sans
CJK from Debian's fonts-noto-cjk, SC or TC by edition, embedded and subset by WeasyPrint, so the
text is selectable and searchable.  Deterministic: no creation date, a fixed PDF identifier.
"""
from __future__ import annotations

import hashlib
import html
import re

from .. import annotate as ann
from .. import citation as ct
from ..editions import CNIPA_URL, Edition

FONT = {"zh-Hans": "Noto Sans CJK SC", "zh-Hant": "Noto Sans CJK TC", "en": "Noto Sans CJK SC"}
UI = {
    "zh-Hans": {"terms": "本部分用到的术语", "plan_terms": "术语", "scan": "扫码打开在线版本",
                "cite": "引用", "source": "来源：国家知识产权局（{url}）。英文译文与术语释义由{project}编写，非官方，以中文原文为准。",
                "page": "第 {page} 页，共 {pages} 页", "bilingual": "中英对照"},
    "zh-Hant": {"terms": "本部分用到的術語", "plan_terms": "術語", "scan": "掃碼開啟線上版本",
                "cite": "引用", "source": "來源：國家知識產權局（{url}）。英文譯文與術語釋義由{project}編寫，非官方，以中文原文為準。",
                "page": "第 {page} 頁，共 {pages} 頁", "bilingual": "中英對照"},
    "en": {"terms": "Terms used in this section", "plan_terms": "Terms", "scan": "Scan for the online edition",
           "cite": "Cite as", "source": "Source: China National Intellectual Property Administration ({url}). "
           "Unofficial English translation and glossary by {project}; the Chinese original prevails.",
           "page": "Page {page} of {pages}", "bilingual": ""},
}

CSS = """
@page {{ size: A4; margin: 18mm 17mm 20mm;
  @top-left {{ content: "{running}"; font: 8pt "{font}"; color: #555; }}
  @bottom-right {{ content: "{page_label}"; font: 8pt "{font}"; color: #555; }} }}
html {{ font-family: "{font}"; font-size: 10.5pt; line-height: 1.7; color: #111; }}
h1 {{ font-size: 15pt; line-height: 1.4; margin: 0 0 4mm; color: #7a0f12; }}
h2 {{ font-size: 12.5pt; line-height: 1.4; margin: 7mm 0 3mm; color: #7a0f12; break-after: avoid; }}
.kicker {{ font-size: 9pt; color: #555; margin: 0 0 1mm; }}
.item {{ margin: 0 0 2.6mm; break-inside: avoid; }}
.num {{ font-weight: bold; color: #7a0f12; margin-right: 1.5mm; }}
.alt {{ margin: .6mm 0 0; font-size: 9pt; line-height: 1.55; color: #333; }}
.terms dt {{ font-weight: bold; margin-top: 1.6mm; break-after: avoid; }}
.terms dd {{ margin: 0 0 0 5mm; font-size: 9pt; line-height: 1.55; }}
.foot {{ margin-top: 7mm; padding-top: 3mm; border-top: .3mm solid #999; display: flex; gap: 5mm;
  break-inside: avoid; font-size: 8.5pt; line-height: 1.5; }}
.foot img {{ width: 28mm; height: 28mm; flex: none; }}
.foot p {{ margin: 0 0 1.5mm; }}
.url {{ overflow-wrap: anywhere; }}
"""


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def short_definition(text: str, limit: int = 160) -> str:
    """The first sentence of a definition, at most `limit` characters."""
    match = re.match(r"(.+?(?:[。！？]|[.!?](?=\s|$)))", text)
    first = match.group(1) if match else text
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def qr_data_uri(url: str) -> str:
    import segno

    return segno.make(url, error="m", micro=False).svg_data_uri(scale=4, border=2)


class Handouts:
    """The print HTML of one edition."""

    def __init__(self, content, edition: Edition, site_url: str, typeset, section_title):
        self.content, self.e, self.code = content, edition, edition.code
        self.doc = content.docs[edition.code]
        self.english = content.docs["en"]
        self.ts = typeset
        self.section_title = section_title
        self.root = f"{site_url}{edition.code}/"
        self.ui = UI[edition.code]
        self.plain = ct.templates(edition.code, typeset(self.doc.title), typeset(self.doc.citation))["plain"]
        self.glossed = content.glossed.get(edition.code, [])

    def text(self, item_id: str) -> str:
        return self.ts(ann.plain(self.doc.items[item_id]))

    def item(self, item, bilingual: bool) -> str:
        lang = ' lang="zh-Hans"' if item.id in self.doc.untranslated else ""
        out = f'<div class="item" id="{item.anchor}"{lang}><span class="num">§{item.id}</span>{esc(self.text(item.id))}'
        if bilingual and item.id in self.english.items and item.id not in self.english.untranslated:
            out += f'<p class="alt" lang="en">{esc(ann.plain(self.english.items[item.id]))}</p>'
        return out + "</div>"

    def terms(self, item_ids: set[str], heading: str) -> str:
        used = [g for g in self.glossed if item_ids.intersection(g.uses)]
        if not used:
            return ""
        rows = []
        for g in used:
            other = f' <span lang="{"en" if self.e.chinese else "zh-Hans"}">({esc(" · ".join(g.other_names))})</span>' \
                if g.other_names else ""
            rows.append(f"<dt>{esc(g.name)}{other}</dt><dd>{esc(short_definition(g.definition))}</dd>")
        return f'<h2>{esc(heading)}</h2><dl class="terms">{"".join(rows)}</dl>'

    def foot(self, url: str, pin: str) -> str:
        citation = ct.fill(self.plain, pin, url) if pin else f"{self.ts(self.doc.citation)} {url}"
        source = self.ui["source"].format(url=CNIPA_URL, project=ct.PROJECT[self.code])
        return (f'<div class="foot"><img src="{qr_data_uri(url)}" alt="QR: {esc(url)}">'
                f'<div><p>{esc(self.ui["scan"])}: <span class="url">{esc(url)}</span></p>'
                f'<p>{esc(self.ui["cite"])}: {esc(citation)}</p><p>{esc(source)}</p></div></div>')

    def page(self, title: str, body: str) -> str:
        running = self.ts(self.doc.title)
        css = CSS.format(font=FONT[self.code], running=running.replace('"', "'"),
                         page_label=self.ui["page"].format(page='" counter(page) "', pages='" counter(pages) "'))
        return (f'<!doctype html><html lang="{self.code}"><head><meta charset="utf-8"><title>{esc(title)}</title>'
                f'<meta name="author" content="{esc(ct.CNIPA[self.code])}"><style>{css}</style></head>'
                f"<body>{body}</body></html>")

    def section(self, number: int, bilingual: bool = False) -> str:
        section = self.content.plan.section(number)
        title = self.section_title(number)
        url = f"{self.root}sections/{number}/"
        kicker = self.ts(self.doc.title) + (f" · {self.ui['bilingual']}" if bilingual else "")
        body = [f'<p class="kicker">{esc(kicker)}</p><h1>{esc(title)}</h1>']
        body += [self.item(item, bilingual) for item in section.items]
        body.append(self.terms({i.id for i in section.items}, self.ui["terms"]))
        body.append(self.foot(url, f"§{number}"))
        return self.page(title, "".join(body))

    def whole(self) -> str:
        title = self.ts(self.doc.title)
        body = [f"<h1>{esc(title)}</h1>"]
        body += [f"<p>{esc(self.ts(ann.plain(p)))}</p>" for p in self.doc.preamble]
        for section in self.content.plan.sections:
            body.append(f'<h2 id="section-{section.number}">{esc(self.section_title(section.number))}</h2>')
            body += [self.item(item, False) for item in section.items]
        body.append(self.terms({i.id for i in self.content.plan.items()} | {"preamble"}, self.ui["plan_terms"]))
        body.append(self.foot(self.root, ""))
        return self.page(title, "".join(body))

    def documents(self) -> dict[str, str]:
        """Relative path -> print HTML, for every handout of the edition."""
        docs = {}
        for section in self.content.plan.sections:
            docs[f"{self.code}/downloads/section-{section.number}.pdf"] = self.section(section.number)
            if self.e.chinese:
                docs[f"{self.code}/downloads/section-{section.number}-bilingual.pdf"] = self.section(section.number, True)
        docs[f"{self.code}/downloads/plan.pdf"] = self.whole()
        return docs


def to_pdf(print_html: str) -> bytes:
    """WeasyPrint, deterministic: no dates, the identifier a hash of the input."""
    from weasyprint import HTML

    ident = hashlib.sha256(print_html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    return HTML(string=print_html).write_pdf(pdf_identifier=ident, uncompressed_pdf=False)


def documents(content, editions, site_url: str, typesetter_for, section_title_for) -> dict[str, str]:
    """Pure: every handout's print HTML, path -> HTML (the downloads stage prints them)."""
    docs = {}
    for edition in editions:
        docs.update(Handouts(content, edition, site_url, typesetter_for(edition), section_title_for(edition)).documents())
    return docs
