"""No broken link or anchor, in the built files of every edition: every href and src resolved as a
browser resolves it from the file's own place, every #fragment an id of its target page
(scripts/check_links.py).  Over the published build and over a plain one."""

from __future__ import annotations

from check_links import check
from helpers import PUBLISHED


def test_every_link_and_anchor_of_the_published_build_resolves(site):
    assert check(site, PUBLISHED) == []


def test_every_link_and_anchor_of_a_plain_build_resolves(plain_site):
    assert check(plain_site) == []


def test_the_checker_finds_each_kind_of_broken_link(tmp_path):
    site = tmp_path / "site"
    (site / "en" / "sections" / "4").mkdir(parents=True)
    (site / "en" / "sections" / "4" / "index.html").write_text(
        '<h1 id="top">4</h1><p id="item-4-3">§4.3</p>'
        '<a href="#item-4-3">ok</a><a href="../../glossary/#rcep">ok</a><a href="../../">ok</a>'
        '<a href="https://cnipa.example/">another host: not followed</a><a href="mailto:a@b.c">mail</a>'
        '<a href="https://owner.example.org/plan/en/sections/4/#top">ok: the public address</a>'
        '<a href="#item-4-99">1</a><a href="../../glossary/#nothing">2</a><a href="../9/">3</a>'
        '<img src="/logo.svg" alt=""><a href="../../../../x.html">5</a>'
        '<a href="https://owner.example.org/plan/en/gone/">6</a>',
        encoding="utf-8",
    )
    (site / "en" / "glossary").mkdir()
    (site / "en" / "glossary" / "index.html").write_text('<h2 id="rcep">RCEP</h2>', encoding="utf-8")
    (site / "en" / "index.html").write_text("<h1>en</h1>", encoding="utf-8")
    broken = ["#item-4-99", "../../glossary/#nothing", "../9/", "/logo.svg", "../../../../x.html"]
    plain = check(site)  # no public address: a link to it is one to another host
    assert sorted(line.split(": ", 2)[1] for line in plain) == sorted(broken), plain
    assert "root-absolute" in next(line for line in plain if "/logo.svg" in line)
    published = check(site, "https://owner.example.org/plan/")
    assert sorted(line.split(": ", 2)[1] for line in published) == sorted(
        [*broken, "https://owner.example.org/plan/en/gone/"]
    ), published
