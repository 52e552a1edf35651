"""A small sitemap.xml in every page directory: the page and its alternates in every edition
(docs/ stage).  The edition-wide sitemap is MkDocs' own, from overrides/sitemap.xml."""
from __future__ import annotations

from ..config import site_url
from ..editions import Edition
from ..prepare import Content
from ..render import html_text, renderer_for


def page_sitemap(code: str, url_path: str, editions: tuple[Edition, ...]) -> str:
    """sitemap.xml for one page directory: the page and its alternates in every edition.

    Material's script fetches sitemap.xml beside every hreflang alternate of a page; with
    alternates that name the same page (not the edition's home) that is the page's own
    directory, so each has one, listing just that page."""
    root = site_url()
    links = "".join(f'\n    <xhtml:link rel="alternate" hreflang="{e.code}" href="{html_text(root + e.code + "/" + url_path)}"/>'
                    for e in editions)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
            f"  <url>\n    <loc>{html_text(root + code + '/' + url_path)}</loc>{links}\n  </url>\n</urlset>\n")


def render(content: Content) -> dict[str, str]:
    files = {}
    for edition in content.editions:
        for path in renderer_for(content, edition).page_paths():
            if path != "index.md":
                url_path = path.removesuffix(".md") + "/"
                files[f"{edition.code}/{url_path}sitemap.xml"] = page_sitemap(edition.code, url_path, content.editions)
    return files
