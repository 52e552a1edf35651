"""Handouts: A4 PDFs of each section (and a bilingual one on the Chinese editions) and of the whole
plan, per edition, printed by WeasyPrint from the print HTML made here.

    {edition}/downloads/section-{n}.pdf            the section: heading, every item with its number
    {edition}/downloads/section-{n}-bilingual.pdf  Chinese editions: the English under each item
    {edition}/downloads/plan.pdf                   the whole plan

Each ends with the glossary terms it uses (short definitions), a QR code (segno) of the page it
comes from, its citation and CNIPA's source statement; every page is numbered.  The page's address
is the public one (SITE_URL); when that is unset, a handout has no QR code and names no address
(a relative path in print or in a QR code leads nowhere).  Fonts: Noto Sans
CJK from Debian's fonts-noto-cjk, SC or TC by edition, embedded and subset by WeasyPrint, so the
text is selectable and searchable.  Deterministic: no creation date, a fixed PDF identifier.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .. import annotate as ann
from .. import citation as ct
from ..config import site_url
from ..editions import CNIPA_URL, Edition
from .edition_text import EditionText, esc

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


def short_definition(text: str, limit: int = 160) -> str:
    """The first sentence of a definition, at most `limit` characters."""
    match = re.match(r"(.+?(?:[。！？]|[.!?](?=\s|$)))", text)
    first = match.group(1) if match else text
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def qr_data_uri(url: str) -> str:
    import segno

    return segno.make(url, error="m", micro=False).svg_data_uri(scale=4, border=2)


class Handouts(EditionText):
    """The print HTML of one edition."""

    def __init__(self, content, edition: Edition, root_url: str):
        super().__init__(content, edition, root_url)
        self.plain = f"{self.ts(self.doc.citation)} {{pin}} {{url}}"

    def text(self, item_id: str) -> str:
        return self.ts(ann.plain(self.doc.items[item_id]))

    def item(self, item, bilingual: bool) -> str:
        lang = ' lang="zh-Hans"' if item.id in self.doc.untranslated else ""
        out = f'<div class="item" id="{item.anchor}"{lang}><span class="num">§{item.id}</span>{esc(self.text(item.id))}'
        if bilingual and self.english and item.id in self.english.items and item.id not in self.english.untranslated:
            out += f'<p class="alt" lang="en">{esc(ann.plain(self.english.items[item.id]))}</p>'
        return out + "</div>"

    def terms(self, item_ids: set[str], heading: str) -> str:
        used = [g for g in self.glossed if item_ids.intersection(g.uses)]
        if not used:
            return ""
        rows = []
        for g in used:
            others = " · ".join(self.alt_ts(n) for n in g.other_names)
            other = f' <span lang="{"en" if self.e.chinese else "zh-Hans"}">({esc(others)})</span>' if others else ""
            rows.append(
                f"<dt>{esc(self.ts(g.name))}{other}</dt><dd>{esc(self.ts(short_definition(g.definition)))}</dd>"
            )
        return f'<h2>{esc(heading)}</h2><dl class="terms">{"".join(rows)}</dl>'

    def foot(self, url: str, pin: str) -> str:
        """`url`: the page's public address, or "" when none is known (then no QR code, no address)."""
        citation = ct.fill(self.plain, pin, url) if pin else f"{self.ts(self.doc.citation)} {url}".rstrip()
        source = self.ui["handout_source"].format(url=CNIPA_URL, project=self.ui["project"])
        qr = scan = ""
        if url:
            qr = f'<img src="{qr_data_uri(url)}" alt="QR: {esc(url)}">'
            scan = f'<p>{esc(self.ui["handout_scan"])}: <span class="url">{esc(url)}</span></p>'
        return (
            f'<div class="foot">{qr}<div>{scan}'
            f"<p>{esc(self.ui['cite_label'])}{esc(self.ui['colon'])}{esc(citation)}</p><p>{esc(source)}</p></div></div>"
        )

    def page(self, title: str, body: str) -> str:
        running = self.ts(self.doc.title)
        css = CSS.format(
            font=self.ui["pdf_font"],
            running=running.replace('"', "'"),
            page_label=self.ui["handout_page"].format(page='" counter(page) "', pages='" counter(pages) "'),
        )
        return (
            f'<!doctype html><html lang="{self.code}"><head><meta charset="utf-8"><title>{esc(title)}</title>'
            f'<meta name="author" content="{esc(self.ui["issuer"])}"><style>{css}</style></head>'
            f"<body>{body}</body></html>"
        )

    def section(self, number: int, bilingual: bool = False) -> str:
        section = self.content.plan.section(number)
        title = self.section_title(number)
        url = f"{self.url}sections/{number}/" if self.url else ""
        kicker = self.ts(self.doc.title) + (f" · {self.ui['handout_bilingual']}" if bilingual else "")
        body = [f'<p class="kicker">{esc(kicker)}</p><h1>{esc(title)}</h1>']
        body += [self.item(item, bilingual) for item in section.items]
        body.append(self.terms({i.id for i in section.items}, self.ui["handout_terms"]))
        body.append(self.foot(url, f"§{number}"))
        return self.page(title, "".join(body))

    def whole(self) -> str:
        title = self.ts(self.doc.title)
        body = [f"<h1>{esc(title)}</h1>"]
        body += [f"<p>{esc(self.ts(ann.plain(p)))}</p>" for p in self.doc.preamble]
        for section in self.content.plan.sections:
            body.append(f'<h2 id="section-{section.number}">{esc(self.section_title(section.number))}</h2>')
            body += [self.item(item, False) for item in section.items]
        body.append(self.terms({i.id for i in self.content.plan.items()} | {"preamble"}, self.ui["glossary"]))
        body.append(self.foot(self.url, ""))
        return self.page(title, "".join(body))

    def documents(self) -> dict[str, str]:
        """Relative path -> print HTML, for every handout of the edition."""
        docs = {}
        for section in self.content.plan.sections:
            docs[f"{self.code}/downloads/section-{section.number}.pdf"] = self.section(section.number)
            if self.e.chinese and self.english:
                docs[f"{self.code}/downloads/section-{section.number}-bilingual.pdf"] = self.section(
                    section.number, True
                )
        docs[f"{self.code}/downloads/plan.pdf"] = self.whole()
        return docs


def to_pdf(print_html: str) -> bytes:
    """WeasyPrint, deterministic: no dates, the identifier a hash of the input."""
    from weasyprint import HTML

    ident = hashlib.sha256(print_html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    return HTML(string=print_html).write_pdf(pdf_identifier=ident, uncompressed_pdf=False)


def documents(content) -> dict[str, str]:
    """Pure: every handout's print HTML, path (under site/) -> HTML."""
    docs = {}
    for edition in content.editions:
        docs.update(Handouts(content, edition, site_url()).documents())
    return docs


def fingerprint(content) -> str:
    """The hash of everything a handout is made from: its print HTML (text, QR, citation, CSS,
    fonts named), this module and the engine's version.  Unchanged -> the cached PDFs are reused."""
    from importlib.metadata import version  # the engine's version without importing the engine (a second)

    digest = hashlib.sha256()
    for path, page in sorted(documents(content).items()):
        digest.update(path.encode() + b"\0" + page.encode() + b"\0")
    digest.update(Path(__file__).read_bytes())
    digest.update(version("weasyprint").encode())
    return digest.hexdigest()[:24]


def render(content) -> dict[str, bytes]:
    return {path: to_pdf(page) for path, page in sorted(documents(content).items())}
