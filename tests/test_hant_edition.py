"""The traditional edition as built: equals the proofread golden file, typeset for Taiwan and Hong Kong."""
from __future__ import annotations

import json
import re

import hanzidentifier

from helpers import ROOT, rendered_lines, soup
from workplan.convert import hant_quotes
from workplan.typography import zh_punct

GOLDEN = ROOT / "tests" / "golden" / "zh-Hant.txt"


def test_built_edition_equals_the_golden_file_typeset(site, plan):
    golden = [line for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()]
    shown = rendered_lines(site, "zh-Hant", plan)
    assert len(shown) == len(golden)
    for rendered, expected in zip(shown, golden):
        assert rendered == hant_quotes(zh_punct(expected))


def test_quotes_are_corner_brackets(site):
    page = soup(site / "zh-Hant" / "sections" / "1" / "index.html").find("article").get_text()
    assert "「兩個維護」" in page and "「四風」" in page
    assert not set("“”‘’") & set(page)


def test_no_simplified_only_character_in_the_edition(site):
    for page in (site / "zh-Hant").rglob("index.html"):
        article = soup(page).find("article")
        if article is None:
            continue
        for el in article.select('[lang="en"], .wp-alt'):
            el.decompose()
        text = "".join(re.findall(r"[\u4e00-\u9fff]+", article.get_text()))
        assert text, page
        assert hanzidentifier.identify(text) in (hanzidentifier.TRADITIONAL, hanzidentifier.BOTH), page


def test_official_mainland_names_are_kept(site):
    text = soup(site / "zh-Hant" / "index.html").get_text()
    assert "國家知識產權局" in text and "智慧財產" not in text


def test_ui_and_search_are_traditional_chinese(site):
    page = soup(site / "zh-Hant" / "sections" / "3" / "index.html")
    assert page.html["lang"] == "zh-Hant"
    assert page.find("input", attrs={"name": "query"})["placeholder"] == "搜尋"
    config = json.loads((site / "zh-Hant" / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert "zh" in config["lang"]


def test_language_selector_links_the_same_page(site, plan):
    for code in ("zh-Hans", "zh-Hant", "en"):
        page = soup(site / code / "sections" / "5" / "index.html")
        links = {a["hreflang"]: a["href"] for a in page.select("a.wp-alternate")}
        assert links == {"zh-Hans": "../../../zh-Hans/sections/5/", "zh-Hant": "../../../zh-Hant/sections/5/",
                         "en": "../../../en/sections/5/"}
