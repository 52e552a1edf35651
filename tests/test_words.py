"""Words on the pages (issue 23, point 7): counted strings agree with their number, no generator
credit in English on the Chinese pages, page titles without the site name twice, and the
traditional edition's notice speaking to readers (the tooling is on its 關於本版 section)."""

from __future__ import annotations

import json
import re

from helpers import soup
from workplan.editions import EDITIONS, plural_forms


def test_every_counted_string_has_the_plural_forms_its_language_needs():
    for edition in EDITIONS:
        for key in ("card_count", "tools_shown"):
            forms = plural_forms(edition.ui, key)
            assert all("{n}" in text for text in forms.values()), (edition.code, key, forms)
            if edition.code == "en":  # CLDR: English has one and other; Chinese only other
                assert set(forms) == {"one", "other"}, forms
                assert forms["one"].format(n=1) != forms["other"].format(n=1)
            else:
                assert set(forms) == {"other"}, (edition.code, forms)


def test_cards_and_glossary_tools_carry_the_plural_forms(site):
    cards = (site / "en" / "reading" / "cards.js").read_text(encoding="utf-8")
    data = json.loads(cards[cards.index(",") + 1 : cards.rindex(")")])
    assert data["ui"]["count"] == {"one": "In {n} place in the plan", "other": "In {n} places in the plan"}
    assert any(t["count"] == 1 for t in data["terms"].values())  # the singular is used
    tools = soup(site / "en" / "glossary" / "index.html").select_one(".wp-glossary-tools")
    assert json.loads(tools["data-labels"])["shown"]["one"] == "{n} term shown"


def test_no_page_credits_the_generator_in_english(site):
    for code in ("zh-Hans", "zh-Hant", "en"):
        for page in (site / code).rglob("*.html"):
            text = page.read_text(encoding="utf-8")
            assert "Made with" not in text and "Material for MkDocs" not in text, page


def test_page_titles_name_the_site_once(site):
    seen = 0
    for code in ("zh-Hans", "zh-Hant", "en"):
        name = soup(site / code / "index.html").title.get_text()
        for page in (site / code).rglob("index.html"):
            title = soup(page).title.get_text()
            assert title.count(name) == 1, (page, title)
            assert not re.search(r"(.{6,}) - \1", title), (page, title)
            seen += 1
    assert seen > 30


def test_the_traditional_notice_speaks_to_readers_and_the_about_section_names_the_tooling(site):
    import opencc

    home = soup(site / "zh-Hant" / "index.html")
    notice = home.select_one("p.wp-disclaimer").get_text()
    assert not re.search(r"OpenCC|s2tw|\d+\.\d+\.\d+", notice), notice
    about = home.find(id="about")
    text = " ".join(el.get_text() for el in about.find_all_next("li"))
    assert f"OpenCC {opencc.__version__}" in text and "s2tw" in text
