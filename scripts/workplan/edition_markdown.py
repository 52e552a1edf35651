"""edition_markdown: the plan's text in one edition -> plain Markdown pages (path -> text).

Pure functions: no file is read or written here.  The pages use only Python-Markdown's
attr_list, md_in_html, tables and toc, and pymdownx.details, so any MkDocs-compatible
builder renders them.

Page layout (a URL contract, see tests/url-manifest.txt):
  index.md            -> /{edition}/
  sections/{n}.md     -> /{edition}/sections/{n}/   each item: <div id="item-{n}-{k}">
  glossary.md         -> /{edition}/glossary/       each term: <h3 id="{term id}">
  full.md             -> /{edition}/full/           the whole plan on one page
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable

from .annotate import Span, map_spans, plain
from .convert import engine_version
from .editions import CNIPA_URL, Edition, plural_forms
from .glossary import CATEGORIES
from .model import Item, Plan
from .prepare import Content, Doc, Glossed
from .typography import typesetter

# Where workplan.js puts the translation toggle; its height is reserved before the first paint,
# so adding the button moves nothing (no layout shift).
TOOLBAR = '<div class="wp-toolbar"></div>\n\n'
MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+(?=[.)]))")


def md_escape(text: str) -> str:
    """Plain text -> Markdown that shows exactly that text (HTML is shown, never run)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = MD_SPECIAL.sub(r"\\\1", text)
    # What only means something at the start of a block: a heading, list or quote marker.
    match = LINE_START.match(text)
    if match:
        marker = match.group(2)
        if marker.isdigit():  # "1. " would start a list: escape the dot or bracket after it
            end = match.end()
            text = text[:end] + "\\" + text[end:]
        else:
            text = text[: match.start(2)] + "\\" + text[match.start(2) :]
    return text


def attr_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def spans_md(spans: tuple[Span, ...], glossary_href: str, titles: dict[str, str]) -> str:
    """A term link right after another (no text between) is marked .wp-term-next, which
    workplan.css sets apart: two underlines in a row would read as one term."""
    out = []
    after_term = False
    for span in spans:
        if span.term is None:
            out.append(md_escape(span.text))
            after_term = after_term and not span.text
        else:
            title = attr_escape(titles[span.term])
            classes = ".wp-term .wp-term-next" if after_term else ".wp-term"
            out.append(f'[{md_escape(span.text)}]({glossary_href}#{span.term} "{title}"){{ {classes} }}')
            after_term = True
    return "".join(out)


def human_size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def html_text(text: str) -> str:
    """Text for the places MkDocs themes print without escaping (page title, meta, nav)."""
    return html.escape(text, quote=True)


def front_matter(title: str, description: str, toc_depth: int = 0, long_page: bool = False) -> str:
    def q(s: str) -> str:
        s = html_text(s)
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    # Material's own index stays empty: the site's search worker loads search/workplan-index.json
    # (item by item, see Renderer.search_index) only when the reader starts to search.
    # toc_depth (overrides/partials/toc-item.html): the deepest heading level the page's table of contents lists.
    # long_page (mkdocs_hooks.on_post_page): the article is marked `wp-long`, whose items and entries off
    # screen are skipped until they come near (workplan.css).
    depth = f"toc_depth: {toc_depth}\n" if toc_depth else ""
    long = "long_page: true\n" if long_page else ""
    return f"---\ntitle: {q(title)}\ndescription: {q(description)}\n{depth}{long}search:\n  exclude: true\n---\n\n"


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def human_date(iso: str, lang: str) -> str:
    """An ISO 8601 date at any precision as a reader reads it: 2022年6月21日, 21 June 2022, June 2022, 2022."""
    parts = [int(p) for p in iso.split("-")]
    if lang.startswith("zh"):
        return "".join(f"{p}{unit}" for p, unit in zip(parts, "年月日", strict=False))  # a year, a month or a day
    if len(parts) == 1:
        return str(parts[0])
    month = MONTHS[parts[1] - 1]
    return f"{parts[2]} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


def shorten(text: str, limit: int = 150) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Renderer:
    """Renders one edition.  `doc` is the edition's text; `alt` the other-language text
    shown beside it (English on the Chinese pages, the Chinese original on the English)."""

    def __init__(
        self,
        edition: Edition,
        plan: Plan,
        doc: Doc,
        alt: Doc | None,
        english: Doc | None,
        glossed: list[Glossed],
        typeset: Callable[[str], str],
        alt_typeset: Callable[[str], str],
    ):
        self.e, self.plan, self.doc, self.alt, self.english = edition, plan, doc, alt, english
        self.glossed = glossed
        self.ts, self.alt_ts = typeset, alt_typeset
        self.ui = edition.ui
        # Tooltips show the definition in the edition's own typography, like every other text it shows.
        self.titles = {g.term.id: typeset(g.definition) for g in glossed}
        self.downloads: dict[str, int] = {}  # edition-relative path -> size: what the downloads stage made

    # -- pieces ----------------------------------------------------------------------------
    def text(self, spans: tuple[Span, ...], glossary_href: str) -> str:
        return spans_md(map_spans(spans, self.ts), glossary_href, self.titles)

    def section_title(self, number: int) -> str:
        section = self.plan.section(number)
        heading = self.ts(self.doc.headings.get(number, section.heading))
        if self.e.chinese:
            return f"{section.numeral}、{heading}"
        return f"{number}. {heading}"

    def downloads_block(self, links: list[tuple[str, str]], up: str) -> str:
        """Links to the downloads the downloads stage made (Content.downloads: the manifest written
        before MkDocs runs); a file that was not made is not linked.  Raw HTML: the files are
        added to site/ after MkDocs, so its link check never sees them."""
        found = [(path, label) for path, label in links if path in self.downloads and label]
        if not found:
            return ""
        items = "".join(
            f'<li><a href="{up}{path}" download>'
            f"{html_text(label.format(size=human_size(self.downloads[path])))}</a></li>"
            for path, label in found
        )
        return f'<div class="wp-downloads"><p>{html_text(self.ui["downloads"])}</p><ul>{items}</ul></div>\n\n'

    def cite(self, item_id: str) -> str:
        return f"{self.doc.citation} §{item_id}"

    def shows_alt(self, item: Item) -> bool:
        """Whether the item's page shows its other-language text beside it."""
        return (
            self.alt is not None
            and item.id in self.alt.items
            and item.id not in self.alt.untranslated
            and item.id not in self.doc.untranslated
        )

    def item_block(self, item: Item, glossary_href: str, ref_href: str = "") -> str:
        anchor = item.anchor
        untranslated = item.id in self.doc.untranslated
        lang = ' lang="zh-Hans"' if untranslated else ""
        lines = [
            f'<div class="wp-item" id="{anchor}" data-cite="{attr_escape(self.cite(item.id))}"{lang} markdown>',
            "",
        ]
        mark = ""
        if untranslated:
            mark = f'<span class="wp-untranslated" lang="en">{md_escape(self.ui["untranslated"])}</span> '
        ref = f'[§{item.id}]({ref_href}#{anchor} "{attr_escape(self.cite(item.id))}"){{ .wp-ref }}'
        slot = '<span class="wp-copy-slot"></span>'  # workplan.js puts the copy button here
        lines.append(f"{ref}{slot} {mark}{self.text(self.doc.items[item.id], glossary_href)}")
        if self.shows_alt(item):
            alt_text = md_escape(self.alt_ts(plain(self.alt.items[item.id])))
            lines += ["", alt_text, f'{{ .wp-alt lang="{self.alt.lang}" }}']
        lines += ["", "</div>", ""]
        return "\n".join(lines)

    def summary_block(self, number: int) -> str:
        summaries = (self.english.summaries or {}) if self.english else {}
        summary = summaries.get(number)
        if not summary:
            return ""
        if self.e.chinese:
            return f'??? abstract "{self.ui["summary"]}"\n\n    {md_escape(summary)}\n    {{ lang="en" }}\n\n'
        return f'!!! abstract "{self.ui["summary"]}"\n\n    {md_escape(summary)}\n\n'

    def disclaimer(self, home: str = "index.md", numbered: bool = False) -> str:
        """The edition's notice, once per page (what the edition is, and that the original prevails).  On a page
        that shows § numbers it also says they are this edition's: CNIPA numbers the sections, not the items."""
        parts = []
        if "disclaimer" in self.ui:
            parts.append(self.ui["disclaimer"].format(url=CNIPA_URL, opencc=engine_version(), home=home))
        if numbered and "numbering" in self.ui:
            parts.append(self.ui["numbering"])
        if not parts:
            return ""
        # one line each: the notice's last link ("about this edition") must not run into the next sentence
        return f'<p class="wp-disclaimer" markdown>{"<br>".join(parts)}</p>\n\n'

    def py(self, key: str) -> str:
        """The attribute naming a part of the plan's text in the edition's pinyin data (reading/pinyin.js),
        where the ruby goes when the reader turns pinyin on: Chinese editions only."""
        return f' data-wp-py="{key}"' if self.e.chinese else ""

    def paragraphs(self, preamble, glossary_href: str) -> list[str]:
        return [
            self.text(spans, glossary_href) + (f"\n{{{self.py(f'p{k}')} }}" if self.e.chinese else "") + "\n\n"
            for k, spans in enumerate(preamble, start=1)
        ]

    # -- pages -----------------------------------------------------------------------------
    def index(self) -> str:
        ui, doc = self.ui, self.doc
        title = self.ts(doc.title)
        first = plain(doc.preamble[0]) if doc.preamble else title
        description = doc.overview or self.ts(first)
        out = [
            front_matter(title, shorten(description)),
            f"# {md_escape(title)} {{ #title{self.py('title')} }}\n\n",
            TOOLBAR if self.e.chinese else "",
            self.disclaimer(""),
        ]  # the pinyin toggle: the preamble is the plan's text
        if "about_link" in ui:
            out.append(f"{ui['about_link']}\n{{ .wp-about-link }}\n\n")
        if doc.overview:
            out.append(f"{md_escape(doc.overview)}\n{{ .wp-overview }}\n\n")
        if doc.preamble:
            out.append(f"## {ui['preamble']} {{ #preamble }}\n\n")
            out += self.paragraphs(doc.preamble, "glossary.md")
        out.append(f"## {ui['sections']} {{ #sections }}\n\n")
        out.append(f"| {ui['col_section']} | {ui['col_heading']} | {ui['col_items']} |\n| --- | --- | --- |\n")
        for s in self.plan.sections:
            heading = md_escape(self.ts(doc.headings.get(s.number, s.heading)))
            label = s.numeral if self.e.chinese else str(s.number)
            label_py, heading_py = (
                (f"{{{self.py(f'n{s.number}')} }}", f"{{{self.py(f'h{s.number}')} }}") if self.e.chinese else ("", "")
            )
            out.append(
                f"| [{label}](sections/{s.number}.md){label_py} | [{heading}](sections/{s.number}.md){heading_py} "
                f"| {len(s.items)} |\n"
            )
        out.append("\n")
        if doc.source_line:
            out.append(f"{md_escape(self.ts(doc.source_line))}\n{{ .wp-source{self.py('source')} }}\n\n")
        out.append(f"## {ui['data']} {{ #data }}\n\n")
        out.append(ui["data_text"] + "\n")
        if self.glossed:
            out.append("\n" + ui["data_glossary"] + "\n")
        out.append("\n" + ui["data_cite"] + "\n\n")
        out.append(
            self.downloads_block(
                [
                    ("downloads/plan.pdf", ui.get("download_plan_pdf", "")),
                    ("downloads/plan.epub", ui.get("download_epub", "")),
                ],
                "",
            )
        )
        if "about" in ui:
            out.append(f"\n## {ui['about_title']} {{ #about }}\n\n{ui['about'].format(opencc=engine_version())}\n")
            out.append(self.provenance_block())
        return "".join(out)

    def provenance_block(self) -> str:
        """The provenance record (workplan.provenance) as a list, in the edition's language: where the
        text comes from and how a reader can check that ours is that text."""
        record = self.plan.provenance
        if record is None or "provenance_title" not in self.ui:
            return ""
        ui, code = self.ui, self.e.code
        original_lang = self.plan.lang
        if self.e.chinese:  # in the edition's own script (the traditional edition converts it)
            title = md_escape(self.ts(self.doc.title if code != original_lang else record.title))
        else:  # the title as issued, in the original's script
            title = f'<span lang="{original_lang}">{md_escape(record.title)}</span>'
        issued = human_date(record.issued, code)
        if record.published_by and len(record.date_parts) < 3:
            note = ui["prov_issued_note"].format(date=human_date(record.published_by, code))
            issued += f"（{note}）" if self.e.chinese else f" ({note})"
        link = f"<{record.url}>"
        official = (ui["prov_confirmed"] if record.confirmed else ui["prov_unconfirmed"]).format(url=link)
        colon = ui["colon"]
        rows = [
            (ui["prov_title"], title),
            (ui["prov_issuer"], md_escape(record.issuer.get(code, ui["issuer"]))),
            (ui["prov_issued"], issued),
            (ui["prov_official"], official),
            (ui["prov_checked"], human_date(record.checked, code)),
            (ui["prov_sha"], f"`{record.sha256}`"),
        ]
        lines = "".join(f"- **{label}**{colon}{value}\n" for label, value in rows)
        return f"\n### {ui['provenance_title']} {{ #provenance }}\n\n{lines}"

    def section(self, number: int) -> str:
        section = self.plan.section(number)
        title = self.section_title(number)
        first = self.doc.items[section.items[0].id] if section.items else ()
        description = shorten(title + " — " + self.ts(plain(first))) if first else title
        out = [
            front_matter(title, description),
            f"# {md_escape(title)} {{ #title{self.py(f's{number}')} }}\n\n",
            TOOLBAR,
            self.disclaimer("../index.md", numbered=True),
        ]
        out.append(self.summary_block(number))
        for item in section.items:
            out.append(self.item_block(item, "../glossary.md"))
        out.append(
            self.downloads_block(
                [
                    (f"downloads/section-{number}.pdf", self.ui.get("download_handout", "")),
                    (f"downloads/section-{number}-bilingual.pdf", self.ui.get("download_bilingual", "")),
                ],
                "../../",
            )
        )
        return "".join(out)

    def full(self) -> str:
        title = f"{self.ts(self.doc.title)} · {self.ui['full_text']}"
        out = [
            front_matter(title, self.ui["full_intro"], long_page=True),
            f"# {md_escape(self.ts(self.doc.title))} {{ #title{self.py('title')} }}\n\n",
            TOOLBAR,
            self.disclaimer(numbered=True),
            f"{self.ui['full_intro']}\n{{ .wp-note }}\n\n",
        ]
        out += self.paragraphs(self.doc.preamble, "glossary.md")
        for section in self.plan.sections:
            out.append(
                f"## {md_escape(self.section_title(section.number))} "
                f"{{ #section-{section.number}{self.py(f's{section.number}')} }}\n\n"
            )
            for item in section.items:
                out.append(self.item_block(item, "glossary.md", ref_href=f"sections/{section.number}.md"))
        if self.doc.source_line:
            out.append(f"{md_escape(self.ts(self.doc.source_line))}\n{{ .wp-source{self.py('source')} }}\n")
        return "".join(out)

    def glossary_tools(self) -> str:
        """The place of the glossary's filter and sort controls (built by workplan-reading.js),
        kept before the first paint; the labels travel with it."""
        ui = self.ui
        labels = {
            "category": ui["tools_category"],
            "section": ui["tools_section"],
            "sort": ui["tools_sort"],
            "all": ui["tools_all"],
            "shown": plural_forms(ui, "tools_shown"),
            "orders": [
                ["category", ui["tools_by_category"]],
                ["pinyin", ui["tools_by_pinyin"]],
                ["english", ui["tools_by_english"]],
            ],
            "categories": [
                [c, ui["category." + c]] for c in CATEGORIES if any(g.term.category == c for g in self.glossed)
            ],
            "sections": [[s.number, self.section_title(s.number)] for s in self.plan.sections],
        }
        data = attr_escape(json.dumps(labels, ensure_ascii=False))
        return f'<div class="wp-glossary-tools" data-labels="{data}"></div>\n\n'

    def glossary(self) -> str:
        ui = self.ui
        title = ui["glossary"]
        out = [
            front_matter(
                f"{title} · {self.ts(self.doc.title)}", shorten(ui["glossary_intro"]), toc_depth=2, long_page=True
            ),
            f"# {title} {{ #title }}\n\n",
            self.disclaimer(),
            f"{ui['glossary_intro']}\n\n",
        ]
        out.append(self.glossary_tools())
        for category in CATEGORIES:
            entries = [g for g in self.glossed if g.term.category == category]
            if not entries:
                continue
            heading = ui[f"category.{category}"]
            out.append(f"## {md_escape(heading)} {{ #category-{category} }}\n\n")
            for g in entries:
                # one box per entry: the page skips boxes off screen (workplan.css), and the glossary
                # tools filter and reorder them (workplan-reading-aids.js)
                for folded in g.term.anchors:  # ids of entries folded into this one: their links keep working
                    out.append(f'<a id="{folded}"></a>\n\n')
                out.append(f'<div class="wp-entry" data-category="{category}" markdown>\n\n')
                out.append(f"### {md_escape(self.ts(g.name))} {{ #{g.term.id} }}\n\n")
                other_lang = "en" if self.e.chinese else "zh-Hans"
                facts = [f'<span lang="{other_lang}">{md_escape(self.alt_ts(n))}</span>' for n in g.other_names]
                facts.append(f'<span lang="zh-Latn-pinyin" class="wp-pinyin-name">{md_escape(g.pinyin)}</span>')
                if g.term.abbr:
                    facts.append(f"{ui['abbr']}{ui['colon']}{md_escape(g.term.abbr)}")
                out.append(f"{' · '.join(facts)}\n{{ .wp-names }}\n\n")
                out.append(f"{md_escape(self.ts(g.definition))}\n\n")
                if g.other_definition:
                    out.append(
                        f'{md_escape(self.alt_ts(g.other_definition))}\n{{ .wp-alt-def lang="{other_lang}" }}\n\n'
                    )
                if g.term.url:
                    out.append(f"[{ui['official_site']}]({g.term.url}){{ .wp-official }}\n\n")
                if g.uses:
                    links = []
                    for use in g.uses:
                        if use == "preamble":
                            links.append(f"[{ui['preamble']}](index.md#preamble)")
                        else:
                            number = use.split(".")[0]
                            anchor = "item-" + use.replace(".", "-")
                            links.append(f"[§{use}](sections/{number}.md#{anchor})")
                    out.append(f"{ui['appears_in']}{ui['colon']}{' · '.join(links)}\n{{ .wp-uses }}\n\n")
                else:
                    out.append(f"{ui['appears_nowhere']}\n{{ .wp-uses }}\n\n")
                out.append("</div>\n\n")
        return "".join(out)

    def nav(self) -> list:
        """The edition's navigation, in reading order (MkDocs would sort 10 before 2)."""
        ui = self.ui
        sections = [{html_text(self.section_title(s.number)): f"sections/{s.number}.md"} for s in self.plan.sections]
        items: list = [{ui["home"]: "index.md"}, {ui["sections"]: sections}]
        if self.glossed:
            items.append({ui["glossary"]: "glossary.md"})
        items.append({ui["full_text"]: "full.md"})
        return items

    def page_paths(self) -> list[str]:
        """The Markdown files of the edition, in the order pages() writes them."""
        paths = ["index.md", "full.md"] + [f"sections/{s.number}.md" for s in self.plan.sections]
        return paths + (["glossary.md"] if self.glossed else [])

    def pages(self) -> dict[str, str]:
        pages = {"index.md": self.index(), "full.md": self.full()}
        for section in self.plan.sections:
            pages[f"sections/{section.number}.md"] = self.section(section.number)
        if self.glossed:
            pages["glossary.md"] = self.glossary()
        return pages


def renderer_for(content: Content, edition: Edition) -> Renderer:
    """The Renderer of one edition: its text beside the other language's (English on the
    Chinese pages, the original on the English ones)."""
    english = content.english
    source = content.docs[content.original.code]
    if edition.chinese:
        alt, alt_ts = english, typesetter("en")
    else:
        alt, alt_ts = source, typesetter(content.original.typography)
    renderer = Renderer(
        edition,
        content.plan,
        content.docs[edition.code],
        alt,
        english,
        content.glossed[edition.code] if content.glossary else [],
        typesetter(edition.typography),
        alt_ts,
    )
    prefix = edition.code + "/"
    renderer.downloads = {
        path.removeprefix(prefix): size for path, size in content.downloads.items() if path.startswith(prefix)
    }
    return renderer
