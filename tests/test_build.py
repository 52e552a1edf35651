"""The whole build over the real plan: fidelity, URLs, determinism, failure leaves the old site."""

from __future__ import annotations

import re
import subprocess
import sys
from urllib.parse import urlparse

import pytest

from helpers import PUBLISHED, ROOT, SOURCE, make_root, rendered_lines, soup, tree_bytes
from update_manifest import published
from workplan.editions import EDITIONS
from workplan.model import Problem
from workplan.pipeline import build
from workplan.typography import FULL_WIDTH, fold_punct, zh_punct

MANIFEST = ROOT / "tests" / "url-manifest.txt"
CODES = [e.code for e in EDITIONS]


def test_every_edition_has_its_pages(site, plan):
    for code in CODES:
        assert (site / code / "index.html").is_file()
        assert (site / code / "glossary" / "index.html").is_file() or code
        for s in plan.sections:
            assert (site / code / "sections" / str(s.number) / "index.html").is_file()


def test_root_redirects_to_the_simplified_edition(site):
    page = soup(site / "index.html")
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh["content"] == "0; url=zh-Hans/"
    assert page.find("a", href="zh-Hans/")


@pytest.mark.parametrize("code, lang", [("zh-Hans", "zh-Hans"), ("zh-Hant", "zh-Hant"), ("en", "en")])
def test_html_lang_of_each_edition(site, code, lang):
    for page in (site / code).rglob("index.html"):
        assert soup(page).html["lang"] == lang, page


def test_simplified_edition_is_the_source_modulo_full_width_punctuation(site, plan):
    """No character lost, added or reordered: only , : ( ) become ，：（）, and only in Chinese text."""
    lines = [line for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    shown = rendered_lines(site, "zh-Hans", plan)
    assert len(shown) == len(lines)
    for rendered, original in zip(shown, lines, strict=True):
        assert fold_punct(rendered) == original
        assert len(rendered) == len(original)
        assert rendered == zh_punct(original)
        assert not re.search(r"[\u4e00-\u9fff》”][,:()]|[,:()][\u4e00-\u9fff《“]", rendered), rendered


def test_typography_maps_exactly_four_characters_and_year_ranges():
    assert zh_punct("规划(2021-2035年),要求:完成") == "规划（2021—2035年），要求：完成"
    assert zh_punct("第2021-2035号 1999-2000") == "第2021-2035号 1999-2000"  # only a range of years before 年
    assert zh_punct("12021-20350年") == "12021-20350年"
    assert zh_punct("1,000 and 12:30 and f(x)") == "1,000 and 12:30 and f(x)"
    assert zh_punct("《协定》(RCEP)相关") == "《协定》（RCEP）相关"
    assert set(FULL_WIDTH) == {",", ":", "(", ")"}


def test_every_item_is_deep_linkable_with_a_visible_permalink_and_citation(site, plan):
    for code in CODES:
        for s in plan.sections:
            page = soup(site / code / "sections" / str(s.number) / "index.html")
            for item in s.items:
                div = page.find(id=item.anchor)
                assert div is not None and "wp-item" in div["class"], (code, item.id)
                ref = div.select_one("a.wp-ref")
                assert ref["href"] == f"#{item.anchor}"
                assert ref.get_text() == f"§{item.id}"
                assert ref["title"].endswith(f"§{item.id}") and div["data-cite"] == ref["title"]
    cite = soup(site / "en" / "sections" / "4" / "index.html").find(id="item-4-3")["data-cite"]
    assert cite == "CNIPA 2022 Work Plan §4.3"


def test_item_anchors_are_the_same_in_every_edition(site, plan):
    def anchors(code, n):
        return [d["id"] for d in soup(site / code / "sections" / str(n) / "index.html").select("div.wp-item")]

    for s in plan.sections:
        assert anchors("zh-Hans", s.number) == anchors("zh-Hant", s.number) == anchors("en", s.number)


RANGE = re.compile(r"^(?P<page>[^#]+/sections/(?P<s>\d+)/)#item-(?P=s)-(?P<a>\d+)-to-(?P=s)-(?P<b>\d+)$")


def recorded_ranges() -> list[re.Match]:
    lines = [line.strip() for line in MANIFEST.read_text(encoding="utf-8").splitlines()]
    return [m for m in map(RANGE.match, lines) if m]


def test_recorded_ranges_still_resolve(site):
    """A range (#item-4-3-to-4-5, the README's format) is no element id: it holds while its page and
    both end items exist, in one section, first before last."""
    ranges = recorded_ranges()
    assert {m["page"].split("/")[0] for m in ranges} == set(CODES), "one recorded range per edition at least"
    now = published(site)
    for m in ranges:
        s = m["s"]
        assert int(m["a"]) < int(m["b"]), m.string
        for end in (m["a"], m["b"]):
            assert f"{m['page']}#item-{s}-{end}" in now, m.string


def test_no_published_url_or_anchor_disappears(site):
    recorded = {
        line.strip()
        for line in MANIFEST.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    recorded -= {m.string for m in recorded_ranges()}  # checked by test_recorded_ranges_still_resolve
    now = published(site)
    gone = sorted(recorded - now)
    assert not gone, f"published URLs or anchors disappeared: {gone[:20]}"
    new = sorted(now - recorded)
    assert not new, f"new URLs not yet recorded; run `make manifest` and commit tests/url-manifest.txt: {new[:20]}"


def test_manifest_holds_the_contract(plan):
    recorded = MANIFEST.read_text(encoding="utf-8")
    for code in CODES:
        assert f"\n{code}/\n" in recorded
        assert f"\n{code}/glossary/\n" in recorded
        for s in plan.sections:
            assert f"\n{code}/sections/{s.number}/\n" in recorded
            for item in s.items:
                assert f"\n{code}/sections/{s.number}/#{item.anchor}\n" in recorded


def test_no_request_to_a_third_party_host_in_html_or_css(site):
    own = {"127.0.0.1", "localhost", ""}
    for page in site.rglob("*.html"):
        doc = soup(page)
        for tag, attr in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
            ("video", "src"),
            ("audio", "src"),
        ):
            for el in doc.find_all(tag):
                if tag == "link" and set(el.get("rel", [])) & {"canonical", "alternate"}:
                    continue  # not requests
                url = el.get(attr)
                if url:
                    assert urlparse(url).hostname in own | {None}, (page, url)
        assert "fonts.googleapis" not in page.read_text(encoding="utf-8")
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for url in re.findall(r"url\(\s*['\"]?(https?:)?//", text):
            pytest.fail(f"{css} loads {url}")
        assert "@import url(http" not in text


def test_plan_json_holds_every_edition(site, plan):
    import json

    data = json.loads((site / "zh-Hans" / "plan.json").read_text(encoding="utf-8"))
    assert set(data["editions"]) == set(CODES)
    hans = data["editions"]["zh-Hans"]
    assert [len(s["items"]) for s in hans["sections"]] == [len(s.items) for s in plan.sections]
    assert hans["sections"][3]["items"][2] == {
        "id": "4.3",
        "anchor": "item-4-3",
        "text": plan.section(4).items[2].text,
        "pinyin": "jìn yī bù tuī jìn shěn chá gōng zuò jī zhì chuàng xīn hé mó shì chuàng xīn "
        "wán shàn zhōng yī yào lǐng yù fā míng zhuān lì shěn chá jī zhì",
    }
    assert all("pinyin" in i for s in hans["sections"] for i in s["items"])
    assert not any(
        "pinyin" in i for code in ("zh-Hant", "en") for s in data["editions"][code]["sections"] for i in s["items"]
    )
    assert soup(site / "zh-Hans" / "index.html").find("a", href="plan.json")


BAD_PLANS = {
    "empty.txt": b"",
    "title-only.txt": "某局2023年工作要点\n".encode(),
    "gap.txt": "题\n一、甲。乙。\n二、甲。乙。\n四、甲。乙。\n".encode(),
    "duplicate.txt": "题\n一、甲。乙。\n一、甲。乙。\n".encode(),
    "latin1.txt": "题\n一、甲。乙。\n".encode() + b"\xe9t\xe9\n",
}


SMALL_PLAN = "某局2023年工作要点\n总体思路。\n一、第一部分。任务甲。任务乙。\n二、第二部分。任务丙。\n"


@pytest.fixture(scope="module")
def good_root(tmp_path_factory):
    """A last good build (of a small plan: what is checked is that it stays as it was)."""
    root = make_root(tmp_path_factory.mktemp("good"))
    plan = root / "good.zh-Hans.txt"
    plan.write_text(SMALL_PLAN, encoding="utf-8")
    build(plan, root=root, make_downloads=False)
    return root


@pytest.mark.parametrize("name", BAD_PLANS)
def test_bad_input_fails_cleanly_and_leaves_the_old_site(good_root, tmp_path, name):
    before_docs, before_site = tree_bytes(good_root / "docs"), tree_bytes(good_root / "site")
    bad = tmp_path / name
    bad.write_bytes(BAD_PLANS[name])
    result = subprocess.run(
        [sys.executable, "-m", "workplan", "--source", str(bad), "--root", str(good_root)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {bad}:"), lines[0]
    assert tree_bytes(good_root / "docs") == before_docs
    assert tree_bytes(good_root / "site") == before_site
    assert not (good_root / "docs.new").exists() and not (good_root / "site.new").exists()


def test_a_failing_mkdocs_build_leaves_the_old_site(good_root, monkeypatch):
    from workplan import pipeline as build_module
    from workplan import site as site_module

    before = tree_bytes(good_root / "site")
    monkeypatch.setenv("WORKPLAN_JOBS", "1")  # the builds in this process, where the stand-in is

    def broken(config_file, site_dir):
        site_dir.mkdir(parents=True)
        (site_dir / "half.html").write_text("half-built")
        raise RuntimeError("MkDocs stopped half way")

    monkeypatch.setattr(site_module, "mkdocs_build", broken)
    with pytest.raises(RuntimeError):
        build_module.build(good_root / "good.zh-Hans.txt", root=good_root, make_downloads=False)
    assert tree_bytes(good_root / "site") == before
    assert not (good_root / "site.new").exists()


def test_strict_build_rejects_a_broken_anchor(tmp_path):
    from mkdocs.exceptions import Abort

    from workplan.site import mkdocs_build

    root = make_root(tmp_path / "r")
    (root / "docs" / "e").mkdir(parents=True)
    (root / "docs" / "e" / "index.md").write_text("# T\n\n[gone](#no-such-anchor)\n", encoding="utf-8")
    (root / "docs" / "e.yml").write_text(
        "INHERIT: ../mkdocs.yml\ndocs_dir: e\nsite_dir: ../site/e\ntheme: {custom_dir: ../overrides, language: en}\n"
        "extra: {edition: en, ui: {copy: c, copied: c, alt_toggle: t}}\n",
        encoding="utf-8",
    )
    with pytest.raises(Abort):
        mkdocs_build(root / "docs" / "e.yml", root / "site" / "e")


def test_html_in_the_source_is_shown_not_run(tmp_path):
    root = make_root(tmp_path / "r")
    plan = tmp_path / "x.txt"
    plan.write_text("题<script>alert(1)</script>\n一、甲<b>粗</b>。乙<script>alert(2)</script>。\n", encoding="utf-8")
    build(plan, root=root)
    page = (root / "site" / "zh-Hans" / "sections" / "1" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<b>粗</b>" not in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert (
        "乙<script>alert(2)</script>。"
        in soup(root / "site" / "zh-Hans" / "sections" / "1" / "index.html").find(id="item-1-1").get_text()
    )


def test_cli_reports_a_missing_file(tmp_path):
    with pytest.raises(Problem):
        build(tmp_path / "nope.txt", root=make_root(tmp_path / "r"))


def test_materials_search_plugin_is_not_asked_to_segment_chinese(built):
    """Material's own search index stays empty (our worker has its own), so its plugin is told
    'en': with 'zh' it would segment every page with jieba on every build, for nothing."""
    import yaml

    for edition in EDITIONS:
        config = yaml.safe_load((built / "docs" / f"{edition.code}.yml").read_text(encoding="utf-8"))
        assert config["plugins"]["search"]["lang"] == "en", edition.code


def test_each_edition_has_its_own_item_level_search_index(site, plan):
    import json

    for code in CODES:
        material = json.loads((site / code / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert material["docs"] == [], "Material's index stays empty: nothing to download at page load"
        docs = json.loads((site / code / "search" / "workplan-index.json").read_text(encoding="utf-8"))["docs"]
        locations = [d["l"] for d in docs]
        assert not [loc for loc in locations if loc.startswith("full/")], "the full text would duplicate results"
        for item in plan.items():
            assert f"sections/{item.id.split('.')[0]}/#{item.anchor}" in locations
        assert "glossary/#hague-agreement" in locations
    hant = json.loads((site / "zh-Hant" / "search" / "workplan-index.json").read_text(encoding="utf-8"))["docs"]
    assert any("宣傳週" in d.get("x", "") for d in hant)


def test_canonical_in_every_page_and_hreflang_in_the_sitemaps_only(site):
    """Material's language script fetches sitemap.xml beside each <link rel=alternate> of the head:
    with absolute URLs that leaves the serving origin, so the alternates are in the sitemaps only."""
    import xml.etree.ElementTree as ET

    root = PUBLISHED
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for code in CODES:
        listed = {}
        for url in ET.parse(site / code / "sitemap.xml").getroot().findall("s:url", ns):
            listed[url.find("s:loc", ns).text] = {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
            }
        for page in (site / code).rglob("index.html"):
            rel = page.parent.relative_to(site / code).as_posix()
            if rel.startswith(("search", "assets")):
                continue
            path = "" if rel == "." else rel + "/"
            doc = soup(page)
            assert doc.find("link", rel="canonical")["href"] == f"{root}{code}/{path}"
            assert not doc.find_all("link", hreflang=True), page
            assert not doc.find_all("link", rel="alternate"), page
            assert listed[f"{root}{code}/{path}"] == {
                **{c: f"{root}{c}/{path}" for c in CODES},
                "x-default": f"{root}zh-Hans/{path}",
            }


def test_sitemap_and_404_per_edition(site, plan):
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for code in CODES:
        tree = ET.parse(site / code / "sitemap.xml")
        locs = [u.find("s:loc", ns).text for u in tree.getroot().findall("s:url", ns)]
        assert f"{PUBLISHED}{code}/sections/{len(plan.sections)}/" in locs
        assert all(loc.startswith(f"{PUBLISHED}{code}/") for loc in locs)
        for url in tree.getroot().findall("s:url", ns):
            assert {link.get("hreflang") for link in url.findall("x:link", ns)} == {*CODES, "x-default"}
        page = soup(site / code / "404.html")
        assert page.html["lang"] == code and page.find("h1")


def test_site_root_404_links_every_edition(site):
    """Served for a missing URL at any depth: self-contained (workplan/not_found.py), its links name
    the public address without JavaScript (its script sets them from the address it is served at)."""
    page = soup(site / "404.html")
    hrefs = [a["href"] for a in page.find_all("a")]
    assert hrefs == [f"{PUBLISHED}{code}/" for code in CODES]
    assert not page.find("link", rel="stylesheet")


@pytest.mark.parametrize("code, locale", [("zh-Hans", "zh_CN"), ("zh-Hant", "zh_TW"), ("en", "en_US")])
def test_sharing_metadata_in_the_page_language(site, code, locale):
    for page in [
        site / code / "index.html",
        site / code / "sections" / "7" / "index.html",
        site / code / "glossary" / "index.html",
    ]:
        doc = soup(page)
        meta = {m.get("property") or m.get("name"): m.get("content") for m in doc.find_all("meta")}
        assert meta["og:locale"] == locale
        assert meta["og:title"] and meta["og:title"] == doc.title.get_text().split(" - ")[0]
        assert meta["description"] and meta["og:description"] == meta["description"]
        assert meta["og:url"] == doc.find("link", rel="canonical")["href"]
        han = any("\u4e00" <= ch <= "\u9fff" for ch in meta["description"])
        assert han == (code != "en"), (page, meta["description"])
    section = soup(site / code / "sections" / "7" / "index.html")
    assert section.find("meta", attrs={"name": "description"})["content"].startswith(("七、", "7. "))


def test_works_under_a_project_path(site, monkeypatch):
    """GitHub Pages serves the site at https://OWNER.github.io/REPO/ (the session's build names such an
    address, PUBLISHED): no root-absolute link anywhere, and SITE_URL (the one place the public URL
    comes from, with or without its final slash) reaches canonical URLs and sitemaps."""
    from workplan.config import site_url

    monkeypatch.setenv("SITE_URL", PUBLISHED.rstrip("/"))
    assert site_url() == PUBLISHED
    path = urlparse(PUBLISHED).path
    assert path != "/"
    for page in site.rglob("*.html"):
        doc = soup(page)
        for tag in doc.find_all(["a", "link", "script", "img", "form"]):
            for attr in ("href", "src", "action"):
                value = tag.get(attr)
                assert not (value and value.startswith("/")), (page, value)
    section = soup(site / "zh-Hant" / "sections" / "2" / "index.html")
    assert section.find("link", rel="canonical")["href"] == f"{PUBLISHED}zh-Hant/sections/2/"
    assert f"{PUBLISHED}en/glossary/" in (site / "en" / "sitemap.xml").read_text(encoding="utf-8")


def test_fold_punct_learns_exactly_the_year_range_and_nothing_else():
    """The fidelity test's inverse maps the four punctuation marks and the year-range dash back, nothing more."""
    assert fold_punct("（2021—2035年），：") == "(2021-2035年),:"
    assert fold_punct("破折号——不是年份—范围 2021—2035 年") == "破折号——不是年份—范围 2021—2035 年"
    for ch in "「」『』—～、。；":
        assert fold_punct(ch) == ch


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant"])
def test_year_ranges_are_typeset_in_both_chinese_editions(site, code):
    with_ranges = [
        site / code / "index.html",
        site / code / "sections" / "2" / "index.html",
        site / code / "full" / "index.html",
    ]
    for page in sorted((site / code).rglob("index.html")):
        article = soup(page).find("article")
        if article is None:
            continue
        for el in article.select('[lang="en"], .wp-alt, .wp-alt-def'):
            el.decompose()
        text = article.get_text()
        if page in with_ranges:
            assert "2021—2035年" in text, page
        assert not re.search(r"[0-9]{4}-[0-9]{4}年", text), page
        # tooltips too
        for a in article.select("a.wp-term[title]"):
            assert not re.search(r"[0-9]{4}-[0-9]{4}年", a["title"]), (page, a["title"])


def test_data_files_say_they_hold_untypeset_text(site):
    import csv
    import io
    import json

    for code in CODES:
        plan_data = json.loads((site / code / "plan.json").read_text(encoding="utf-8"))
        glossary = json.loads((site / code / "glossary.json").read_text(encoding="utf-8"))
        for about in (plan_data["about"], glossary["about"]):
            assert "untypeset" in about and "before" in about and "typography" in about
        header = (site / code / "glossary.csv").read_text(encoding="utf-8").splitlines()[0]
        assert "untypeset" in header and "typography" in header
        rows = list(csv.DictReader(io.StringIO((site / code / "glossary.csv").read_text(encoding="utf-8"))))
        assert all(r["untypeset (text before typography)"] == "yes" for r in rows)
        # and the text really is untypeset: the source's ASCII punctuation and hyphenated year ranges
        hans = plan_data["editions"]["zh-Hans"]
        assert "(2021-2035年)" in hans["sections"][1]["items"][0]["text"]
        assert "“" in plan_data["editions"]["zh-Hant"]["preamble"][0]
        assert any(t["sources"] for t in glossary["terms"])


def test_golden_readme_says_the_golden_file_is_untypeset():
    readme = (ROOT / "tests" / "golden" / "README.md").read_text(encoding="utf-8")
    assert "zh-Hant.txt" in readme and "before typography" in readme.lower()


def test_the_preview_pages_register_no_worker(site, tmp_path):
    """make serve's live preview (Content.preview) writes no sw.js and no page asks for one (the
    data-sw attribute is what workplan-head.js registers); the published build does both."""
    root = make_root(tmp_path / "r")
    plan = tmp_path / "p.txt"
    plan.write_text("题\n一、标题。任务甲。\n", encoding="utf-8")
    build(plan, root=root, preview=True, make_downloads=False)
    preview = root / "site"
    assert (preview / "en" / "sections" / "1" / "index.html").is_file()
    assert not list(preview.rglob("sw.js"))
    assert not any("data-sw=" in p.read_text(encoding="utf-8") for p in preview.rglob("*.html"))
    assert (site / "en" / "sw.js").is_file()
    assert "data-sw=" in (site / "en" / "sections" / "1" / "index.html").read_text(encoding="utf-8")
