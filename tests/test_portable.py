"""Portable by default: one rule for absolute URLs, and nothing of this plan hard-coded outside its data.

SITE_URL (the public address) appears only in text that names the site (canonical, sitemaps with
hreflang, Open Graph); unset, no file names the build machine.  The root pages and plan.json take the
plan's title from the plan.  Every page carries the Content-Security-Policy.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

from helpers import PUBLISHED, SOURCE, build_with, make_root, soup
from workplan import not_found
from workplan.csp import POLICY
from workplan.editions import EDITIONS

CODES = [e.code for e in EDITIONS]
MACHINE = re.compile(r"127\.0\.0\.1|localhost|0\.0\.0\.0|file:///?[A-Za-z]")  # file:// + a path
# Material's vendored source maps quote its own source comments ("hostnames ... localhost"): not ours
VENDORED_MAPS = ".map"


def pages(site: Path):
    return sorted(p for p in site.rglob("*.html") if "/assets/" not in p.as_posix())


def fetched_urls(doc):
    """Every URL in a page that a browser loads (not the canonical, which only names the page)."""
    for tag, attr in (("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("form", "action")):
        for el in doc.find_all(tag):
            if el.get(attr):
                yield el[attr]
    for el in doc.find_all("link", href=True):
        # a data: URL (the 404 pages' empty icon, which keeps a browser from asking the host's root
        # for /favicon.ico) is not fetched from anywhere
        if not set(el.get("rel", [])) & {"canonical"} and not el["href"].startswith("data:"):
            yield el["href"]
    for el in doc.find_all("meta", attrs={"http-equiv": "refresh"}):
        yield el["content"].split("url=", 1)[-1]


def test_a_plain_build_names_no_machine_and_no_address(plain_site):
    built = plain_site.parent
    for path in sorted(built.joinpath("site").rglob("*")) + sorted(built.joinpath("docs").rglob("*")):
        if path.is_file() and not path.name.endswith(VENDORED_MAPS):
            text = path.read_bytes().decode("utf-8", "replace")
            assert not MACHINE.search(text), (path, MACHINE.search(text).group())
    for page in pages(plain_site):
        doc = soup(page)
        assert not doc.find("link", rel="canonical"), page
        assert not doc.find("meta", property="og:url"), page
        for url in fetched_urls(doc):
            assert not urlparse(url).scheme and not url.startswith("//"), (page, url)


def test_published_build_names_its_address_only_where_text_names_the_site(mirror_site):
    host = urlparse(PUBLISHED).netloc
    for page in pages(mirror_site):
        doc = soup(page)
        for url in fetched_urls(doc):
            assert host not in url and not urlparse(url).scheme, (page, url)
        for script in doc.find_all("script"):
            if script.get("id") == "wp-cite-data":  # the cite menu's citations name the site, as they should
                continue
            assert host not in script.get_text(), page
    section = soup(mirror_site / "en" / "sections" / "3" / "index.html")
    assert section.find("link", rel="canonical")["href"] == f"{PUBLISHED}en/sections/3/"
    assert section.find("meta", property="og:url")["content"] == f"{PUBLISHED}en/sections/3/"
    sitemap = (mirror_site / "zh-Hant" / "sitemap.xml").read_text(encoding="utf-8")
    assert f'hreflang="en" href="{PUBLISHED}en/sections/3/"' in sitemap
    assert f'hreflang="x-default" href="{PUBLISHED}zh-Hans/sections/3/"' in sitemap
    for js in mirror_site.rglob("*.js"):
        assert host not in js.read_text(encoding="utf-8"), js
    for data in ("plan.json", "glossary.json", "glossary.csv", "search/workplan-index.json"):
        assert host not in (mirror_site / "en" / data).read_text(encoding="utf-8"), data


def test_every_page_carries_the_script_policy_and_no_inline_script_or_style(mirror_site):
    policy = dict(d.strip().split(" ", 1) for d in POLICY.split(";"))
    assert policy["script-src"] == "'self'" and policy["img-src"] == "'self' data:"
    assert policy["style-src"] == "'self'"
    checked = 0
    for page in pages(mirror_site):
        doc = soup(page)
        metas = doc.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        if page.name == "404.html":  # self-contained: its one inline script and style, allowed by hash
            assert [m["content"] for m in metas] == [not_found.policy()], page
            assert [s.string for s in doc.find_all("script")] == [not_found.SCRIPT], page
            assert [s.string for s in doc.find_all("style")] == [not_found.STYLE], page
            checked += 1
            continue
        assert [m["content"] for m in metas] == [POLICY], page
        head = doc.head.find_all(True)
        assert head.index(metas[0]) < min((head.index(s) for s in doc.head.find_all("script")), default=99), page
        for script in doc.find_all("script"):
            assert script.get("src") or script.get("type") == "application/json", (page, str(script)[:80])
        assert not doc.find_all("style"), page
        assert not doc.find_all(style=True), (page, [str(t)[:80] for t in doc.find_all(style=True)][:3])
        assert not any(a.startswith("on") for t in doc.find_all(True) for a in t.attrs), page
        checked += 1
    assert checked >= len(CODES) * 12


def test_another_plan_shows_its_own_title_everywhere(tmp_path):
    """Root index, root 404, plan.json's about: from the plan, not from this year's text."""
    title = SOURCE.read_text(encoding="utf-8").splitlines()[0]
    other_title = title.replace("2022", "2031")
    assert other_title != title
    source = tmp_path / "plan-2031.zh-Hans.txt"  # a small plan of its own: the title is what is checked
    source.write_text(
        f"{other_title}\n总体思路。\n一、第一部分。任务甲。任务乙。\n二、第二部分。任务丙。\n", encoding="utf-8"
    )
    site = build_with(make_root(tmp_path / "r"), None, source, downloads=False)  # pages and data only
    for page in (site / "index.html", site / "404.html"):
        shown = soup(page).get_text() + soup(page).title.get_text()
        assert other_title in shown and title not in shown, page
    about = json.loads((site / "en" / "plan.json").read_text(encoding="utf-8"))["about"]
    assert other_title in about and title not in about
    assert soup(site / "zh-Hans" / "index.html").find("h1").get_text().strip() == other_title


def test_the_offline_copy_is_one_deterministic_zip_of_every_edition_linked_with_its_size(site):
    import zipfile

    from workplan.outputs.offline_copy import FOLDER, PATH

    data = (site / PATH).read_bytes()
    with zipfile.ZipFile(site / PATH) as archive:
        infos = archive.infolist()
        names = [i.filename for i in infos]
        assert names == sorted(names)
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert f"{FOLDER}/index.html" in names
        for code in CODES:
            for page in (
                "index.html",
                "sections/4.html",
                "glossary.html",
                "full.html",
                "search/workplan-index.js",
                "search/search_index.js",
            ):
                assert f"{FOLDER}/{code}/{page}" in names, (code, page)
        assert not [n for n in names if n.endswith(("sw.js", ".map", "manifest.webmanifest"))]
        root = soup_text(archive.read(f"{FOLDER}/index.html"))
        assert [a["href"] for a in root.find_all("a")] == [f"{code}/index.html" for code in CODES]
        for name in names:
            if (
                name.endswith((".html", ".js", ".css")) and "/bundle." not in name
            ):  # Material's bundle names unpkg for mermaid, unused
                text = archive.read(name).decode("utf-8")
                assert "unpkg.com" not in text, name
                if name.endswith(".html") and "/assets/" not in name:
                    doc = soup_text(text)
                    policy = not_found.policy() if name.endswith("/404.html") else POLICY
                    assert doc.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"] == policy, name
                    for url in fetched_urls(doc):
                        assert not urlparse(url).scheme and not url.endswith("/"), (name, url)
        section = archive.read(f"{FOLDER}/en/sections/4.html").decode("utf-8")
        assert "unpkg" not in section and "iframe-worker-csp.js" in section
        index = archive.read(f"{FOLDER}/en/search/workplan-index.js").decode("utf-8")
        assert index.startswith("var __workplanIndex = ") and '"l":"sections/4.html#item-4-3"' in index
    for code in CODES:
        home = soup(site / code / "index.html")
        link = home.find("a", class_="wp-download")
        assert link["href"] == f"../{PATH}"
        size = len(data) / 1024
        shown = f"{size / 1024:.1f} MB" if size >= 1024 else f"{round(size)} KB"
        assert shown in link.parent.get_text(), (shown, link.parent.get_text())


def soup_text(data):
    from bs4 import BeautifulSoup

    return BeautifulSoup(data, "html.parser")


def test_the_service_worker_caches_the_edition_but_not_its_downloads(site):
    """Every page, the data and the parts loaded on first use are cached; the PDFs and EPUB (each
    edition's downloads/) stay online only."""
    from workplan.outputs.service_worker import build_manifest

    for code in CODES:
        files = build_manifest(site / code)
        assert {
            "",
            "404.html",
            "sections/4/",
            "glossary/",
            "full/",
            "search/workplan-index.json",
            "plan.json",
            "glossary.json",
            "glossary.csv",
            "assets/javascripts/workplan-reading-aids.js",
            "assets/javascripts/workplan-cite-menu.js",
            "assets/stylesheets/workplan-cite.css",
        } <= set(files), code
        assert list((site / code / "downloads").glob("*.pdf")), code  # the fixture builds them
        assert not [f for f in files if f.startswith("downloads/") or f.endswith((".pdf", ".epub", ".zip"))], code
        worker = (site / code / "sw.js").read_text(encoding="utf-8")
        assert ".pdf" not in worker and ".epub" not in worker, code


def test_own_assets_have_content_hashed_urls(mirror_site):
    import hashlib

    own = re.compile(r"assets/(javascripts|stylesheets)/workplan[-a-z]*\.([0-9a-f]{8})\.(js|css)$")
    for code in CODES:
        doc = soup(mirror_site / code / "sections" / "4" / "index.html")
        urls = [u for u in fetched_urls(doc) if "/workplan" in u]
        config = json.loads(doc.find("script", id="__config").get_text())
        urls.append(config["search"])
        assert len(urls) >= 6, urls
        for url in urls:
            match = own.search(url)
            assert match, url
            data = (mirror_site / code / "sections" / "4" / url).resolve().read_bytes()
            assert hashlib.sha256(data).hexdigest()[:8] == match.group(2), url
