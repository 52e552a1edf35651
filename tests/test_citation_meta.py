"""Citation metadata (citation_*, read by Zotero's Embedded Metadata translator and Google Scholar)
on every page type of every edition, over the real build."""

from __future__ import annotations

import pytest

from helpers import PUBLISHED, soup
from workplan.editions import BY_CODE, EDITIONS

CODES = [e.code for e in EDITIONS]
PAGES = {"": "home", "sections/4/": "section", "glossary/": "glossary", "full/": "full"}


def metas(page) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for tag in page.head.find_all("meta", attrs={"name": True}):
        out.setdefault(tag["name"], []).append(tag.get("content", ""))
    return out


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("path, kind", PAGES.items())
def test_citation_tags_on_every_page_type(site, code, path, kind):
    page = soup(site / code / path / "index.html")
    m = metas(page)
    home = soup(site / code / "index.html")
    plan_title = home.find("h1").get_text().strip()
    url = f"{PUBLISHED}{code}/{path}"
    # CNIPA issued the original; the English translation is published by this project
    publisher = BY_CODE[code].ui["project" if code == "en" else "issuer"]
    # CNIPA is never a person: no citation_author at all (Zotero splits each into first/last name)
    assert "citation_author" not in m and "citation_authors" not in m
    assert m["citation_publication_date"] == ["2022"]
    assert m["citation_language"] == [BY_CODE[code].ui["csl_locale"]]
    assert m["citation_public_url"] == [url] and m["citation_fulltext_html_url"] == [url]
    assert page.find("link", rel="canonical")["href"] == url
    (title,) = m["citation_title"]
    if kind == "section":
        assert title == page.find("h1").get_text().strip()  # the unit: the section's own heading
        assert m["citation_book_title"] == [plan_title]  # a part of the plan
        assert m["citation_publisher"] == [publisher]
        assert "citation_technical_report_institution" not in m
    elif kind == "glossary":
        assert plan_title in title
        assert m["citation_technical_report_institution"] == [BY_CODE[code].ui["project"]]  # this project's work
        assert m["citation_publisher"] == [BY_CODE[code].ui["project"]]
    else:
        assert plan_title in title
        assert m["citation_technical_report_institution"] == [BY_CODE[code].ui["issuer"]]  # Zotero: report, institution
        assert m["citation_publisher"] == [publisher]
    (credit,) = m["citation_abstract"]
    assert BY_CODE[code].ui["project"] in credit  # the translation and the glossary are credited to the project


def test_no_citation_tags_name_the_build_location(site):
    """Absolute URLs in tags come from the public address, never from a file path."""
    for page in site.rglob("index.html"):
        for tag in soup(page).head.find_all("meta", attrs={"name": lambda n: n and n.startswith("citation_")}):
            assert "file:" not in tag.get("content", "") and str(site) not in tag.get("content", "")
