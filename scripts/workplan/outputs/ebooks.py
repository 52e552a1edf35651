"""E-books: one EPUB 3 per edition, made with ebooklib.

    {edition}/downloads/plan.epub

The plan's metadata and language; a navigation document; a title page with the preamble; one
chapter per section, each item a paragraph with its anchor (id="item-4-3", as on the site); the
glossary as an appendix that the terms in the text link to; on the Chinese editions the English
of each item as a parallel paragraph (lang="en").  The public address (SITE_URL) is the book's
identifier, source and title-page link; when it is unset the book names no address (an href of
"en/" would point inside the EPUB, where there is nothing: epubcheck RSC-007) and its identifier is
a name-based UUID of the edition.  Deterministic: dcterms:modified and every
zip entry's time are the fixed build epoch (SOURCE_DATE_EPOCH, else the plan's year).
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import uuid
import zipfile
from pathlib import Path

from .. import annotate as ann
from .. import citation as ct
from ..config import site_url
from ..editions import CNIPA_URL
from . import edition_text
from .edition_text import EditionText, esc

CSS = """body { line-height: 1.7; }
h1, h2 { line-height: 1.35; }
.item { margin: 0 0 .8em; }
.num { font-weight: bold; margin-right: .4em; }
.alt { margin: .2em 0 0; font-size: .9em; color: #444; }
dt { font-weight: bold; margin-top: .6em; }
dd { margin-left: 1.2em; }
a.term { color: inherit; text-decoration: underline dotted; }
"""


def build_time(epoch: int) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(epoch, datetime.UTC).replace(tzinfo=None)


class Book(EditionText):
    """The EPUB of one edition."""

    def spans(self, spans) -> str:
        out = []
        for span in ann.map_spans(spans, self.ts):
            if span.term:
                out.append(f'<a class="term" href="glossary.xhtml#term-{span.term}">{esc(span.text)}</a>')
            else:
                out.append(esc(span.text))
        return "".join(out)

    def item(self, item) -> str:
        lang = ' lang="zh-Hans" xml:lang="zh-Hans"' if item.id in self.doc.untranslated else ""
        out = [
            f'<div class="item" id="{item.anchor}"{lang}><p><span class="num">§{item.id}</span>'
            f"{self.spans(self.doc.items[item.id])}</p>"
        ]
        if (
            self.e.chinese
            and self.english
            and item.id in self.english.items
            and item.id not in self.english.untranslated
        ):
            out.append(f'<p class="alt" lang="en" xml:lang="en">{esc(ann.plain(self.english.items[item.id]))}</p>')
        out.append("</div>")
        return "".join(out)

    def urn(self) -> str:
        """The same identifier for the same edition in every build without a public address."""
        return uuid.uuid5(uuid.NAMESPACE_URL, f"{CNIPA_URL}#reader-edition-{self.code}").urn

    def make(self, epoch: int) -> bytes:
        from ebooklib import epub

        book = epub.EpubBook()
        title = self.ts(self.doc.title)
        book.set_identifier(f"{self.url}#epub" if self.url else self.urn())
        book.set_title(title)
        book.set_language(self.code)
        book.add_author(self.ui["issuer"])
        book.add_metadata("DC", "publisher", ct.publisher(self.e))
        date = ct.issued(self.content.plan)
        if date:
            book.add_metadata("DC", "date", ct.iso_date(date))  # the plan's date of issue
        if self.url:
            book.add_metadata("DC", "source", self.url)
        book.add_metadata("DC", "description", ct.credit(self.e))
        book.add_metadata("DC", "contributor", self.ui["project"])
        style = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css", content=CSS.encode())
        book.add_item(style)

        def chapter(name: str, heading: str, body: str) -> epub.EpubHtml:
            page = epub.EpubHtml(title=heading, file_name=name, lang=self.code)
            page.content = f"<h1>{esc(heading)}</h1>{body}"
            page.add_item(style)
            book.add_item(page)
            return page

        front = [f"<p>{esc(self.ui['issuer'])} · {date[0] if date else ''}</p>", f"<p>{esc(ct.credit(self.e))}</p>"]
        if self.url:
            front.append(f'<p><a href="{esc(self.url)}">{esc(self.url)}</a></p>')
        if self.doc.preamble:
            front.append(f'<h2 id="preamble">{esc(self.ui["preamble"])}</h2>')
            front += [f"<p>{self.spans(p)}</p>" for p in self.doc.preamble]
        chapters = [chapter("title.xhtml", title, "".join(front))]
        for section in self.content.plan.sections:
            body = "".join(self.item(item) for item in section.items)
            chapters.append(chapter(f"section-{section.number}.xhtml", self.section_title(section.number), body))
        if self.glossed:
            rows = []
            for g in self.glossed:
                other = " · ".join(self.alt_ts(n) for n in g.other_names)
                other_lang = "en" if self.e.chinese else "zh-Hans"
                uses = " ".join(
                    f'<a href="section-{u.split(".")[0]}.xhtml#item-{u.replace(".", "-")}">§{u}</a>'
                    if u != "preamble"
                    else f'<a href="title.xhtml#preamble">{esc(self.ui["preamble"])}</a>'
                    for u in g.uses
                )
                rows.append(
                    f'<dt id="term-{g.term.id}">{esc(self.ts(g.name))}'
                    + (f' <span lang="{other_lang}" xml:lang="{other_lang}">({esc(other)})</span>' if other else "")
                    + f"</dt><dd><p>{esc(self.ts(g.definition))}</p>"
                    + (f"<p>{esc(self.ui['appears_in'])}{esc(self.ui['colon'])}{uses}</p>" if uses else "")
                    + "</dd>"
                )
            chapters.append(chapter("glossary.xhtml", self.ui["epub_glossary"], f"<dl>{''.join(rows)}</dl>"))
        book.toc = chapters
        book.spine = ["nav", *chapters]
        book.add_item(epub.EpubNcx())
        book.add_item(epub.EpubNav())
        raw = io.BytesIO()
        epub.write_epub(raw, book, {"mtime": build_time(epoch), "epub2_guide": False})
        return fixed_zip_times(raw.getvalue(), epoch)


def fixed_zip_times(data: bytes, epoch: int) -> bytes:
    """ebooklib stamps each zip entry with the current time; give every entry the build epoch
    instead (same order, names, bytes and compression), so the same inputs give the same file."""
    stamp = build_time(max(epoch, 315532800)).timetuple()[:6]  # zip dates start in 1980
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = info.compress_type
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def build_epoch(content) -> int:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else 1 January of the plan's year."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    year = ct.plan_year(content.plan.title) or 2000
    return int(datetime.datetime(year, 1, 1, tzinfo=datetime.UTC).timestamp())


def books(content) -> dict[str, Book]:
    return {f"{e.code}/downloads/plan.epub": Book(content, e, site_url()) for e in content.editions}


def fingerprint(content) -> str:
    import ebooklib

    digest = hashlib.sha256(
        repr(
            (
                content.plan,
                content.docs,
                content.glossed,
                [e.code for e in content.editions],
                [e.ui for e in content.editions],
                site_url(),
                build_epoch(content),
            )
        ).encode()
    )
    digest.update(Path(__file__).read_bytes())
    digest.update(Path(edition_text.__file__).read_bytes())
    digest.update(Path(ct.__file__).read_bytes())  # who is named publisher, and the date
    digest.update(str(getattr(ebooklib, "VERSION", "")).encode())
    return digest.hexdigest()[:24]


def render(content) -> dict[str, bytes]:
    epoch = build_epoch(content)
    return {path: book.make(epoch) for path, book in books(content).items()}
