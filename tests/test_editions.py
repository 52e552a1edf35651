"""Editions are data: an extra edition is one entry in editions.EDITIONS and nothing else."""

from __future__ import annotations

import dataclasses
import re

import hanzidentifier
import pytest

from helpers import SOURCE, make_root, soup
from workplan.convert import make_converter
from workplan.editions import BY_CODE, EDITIONS, Edition
from workplan.parse import parse_bytes
from workplan.pipeline import build


def hong_kong() -> Edition:
    """A Hong Kong edition as a maintainer would add it to editions.py: OpenCC's stock s2hk."""
    base = BY_CODE["zh-Hant"]
    return dataclasses.replace(base, code="zh-HK", label="繁體中文（香港）", opencc="s2hk", og_locale="zh_HK")


# A plan of its own, small: what is checked is what an added edition gets, whatever the plan.
SMALL = (
    "某局2023年工作要点\n总体思路。\n一、强化知识产权保护。加强专利审查质量管理。推进商标注册便利化。\n"
    "二、优化公共服务。建设知识产权信息网络。\n"
)


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    return parse_bytes(SMALL.encode("utf-8"), "small.zh-Hans.txt")


@pytest.fixture(scope="module")
def four(tmp_path_factory):
    root = make_root(tmp_path_factory.mktemp("four"))
    source = root / "small.zh-Hans.txt"
    source.write_text(SMALL, encoding="utf-8")
    build(
        source, root=root, editions=(*EDITIONS, hong_kong()), make_downloads=False
    )  # downloads: tests/test_downloads.py
    return root / "site"


def test_an_extra_edition_gets_every_page_and_anchor(four, plan):
    for path in ["", "glossary/", "full/"] + [f"sections/{s.number}/" for s in plan.sections]:
        assert (four / "zh-HK" / path / "index.html").is_file(), path
    for section in plan.sections:
        page = soup(four / "zh-HK" / "sections" / str(section.number) / "index.html")
        assert page.html["lang"] == "zh-Hant"
        for item in section.items:
            assert page.find(id=item.anchor), item.anchor


def test_the_extra_edition_is_its_own_conversion(four, plan):
    page = soup(four / "zh-HK" / "sections" / "1" / "index.html")
    text = page.find(id="item-1-1").get_text()
    assert hanzidentifier.is_traditional(text.split("§1.1")[-1][:40])
    hk = make_converter(config="s2hk")
    first = plan.sections[0].items[0].text
    assert hk(first)[:12] in text.replace("，", ",")
    # every edition lists the new one in its language selector, on the same page
    for code in ("zh-Hans", "en", "zh-HK"):
        links = soup(four / code / "sections" / "1" / "index.html").select("a.wp-alternate")
        assert [a["hreflang"] for a in links] == ["zh-Hans", "zh-Hant", "en", "zh-HK"]
    assert (four / "zh-HK" / "search" / "workplan-index.json").is_file()
    assert '<meta property="og:locale" content="zh_HK">' in (four / "zh-HK" / "index.html").read_text()


def test_an_unknown_text_kind_is_named(tmp_path):
    bad = dataclasses.replace(BY_CODE["zh-Hant"], code="xx", text="machine")
    with pytest.raises(ValueError, match=re.escape("editions.py: edition 'xx' has text='machine'")):
        build(SOURCE, root=make_root(tmp_path), editions=(*EDITIONS, bad), docs_only=True)
