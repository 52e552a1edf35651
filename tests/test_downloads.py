"""The downloads stage over the real build: section handouts (A4 PDF, bilingual on the Chinese
editions), the whole plan as PDF and as EPUB 3, the links to them, and their determinism.

Checked with Debian's tools: pdffonts, pdfinfo, pdftotext, pdftoppm (poppler-utils), zbarimg
(zbar-tools), epubcheck.  Without them the tests are skipped with the reason, and fail under CI=true."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile

import pytest
from bs4 import BeautifulSoup

from helpers import PUBLISHED, SOURCE, soup
from workplan.editions import EDITIONS
from workplan.outputs import ebooks, handouts
from workplan.pipeline import load_inputs
from workplan.prepare import prepare

CODES = [e.code for e in EDITIONS]
CHINESE = [e.code for e in EDITIONS if e.chinese]
A4 = "595.276 x 841.89 pts (A4)"
QUICK_JVM = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")


def tool(name: str) -> list[str]:
    path = shutil.which(name)
    if path and name == "epubcheck" and os.path.realpath(path).endswith(".jar"):
        # Debian's epubcheck is an executable jar; a short run is mostly JVM start-up and warm-up:
        # the client compiler only and the serial collector halve its time (the check is the same)
        return ["java", *QUICK_JVM, "-jar", os.path.realpath(path)]
    if not path:
        reason = f"{name} not found (.ci/run installs it with apt-get)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and {reason}")
        pytest.skip(reason)
    return [path]


def run(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def handout_paths(plan) -> list[tuple[str, str, int | None]]:
    out = []
    for code in CODES:
        for s in plan.sections:
            out.append((code, f"{code}/downloads/section-{s.number}.pdf", s.number))
            if code in CHINESE:
                out.append((code, f"{code}/downloads/section-{s.number}-bilingual.pdf", s.number))
        out.append((code, f"{code}/downloads/plan.pdf", None))
    return out


def test_every_handout_and_ebook_is_made(site, plan):
    for _, path, _ in handout_paths(plan):
        assert (site / path).is_file(), path
    for code in CODES:
        assert (site / code / "downloads" / "plan.epub").is_file()


def test_section_handouts_are_at_most_1_mb(site, plan):
    for _, path, number in handout_paths(plan):
        if number is not None:
            assert (site / path).stat().st_size <= 1024 * 1024, path


@pytest.mark.parametrize("code", CODES)
def test_pdf_fonts_are_embedded_subset_noto_cjk_of_the_right_forms(site, plan, code):
    pdffonts = tool("pdffonts")
    form = "TC" if code == "zh-Hant" else "SC"
    for c, path, _ in handout_paths(plan):
        if c != code:
            continue
        rows = run(*pdffonts, str(site / path)).splitlines()[2:]
        assert rows, path
        for row in rows:
            name = row.split()[0]
            emb, sub, uni = row.split()[-5:-2]
            assert (emb, sub, uni) == ("yes", "yes", "yes"), (path, row)
            assert re.match(rf"[A-Z]{{6}}\+Noto-Sans-CJK-{form}", name), (path, row)


@pytest.mark.parametrize("code", CODES)
def test_pdf_pages_are_a4_text_searchable_numbered_with_source(site, plan, code):
    pdfinfo, pdftotext = tool("pdfinfo"), tool("pdftotext")
    edition = next(e for e in EDITIONS if e.code == code)
    home = soup(site / code / "index.html")
    for c, path, number in handout_paths(plan):
        if c != code:
            continue
        info = run(*pdfinfo, "-l", "99", str(site / path))
        sizes = re.findall(r"Page\s+\d+ size:\s+(.+)", info)
        assert sizes and all(s.strip() == A4 for s in sizes), (path, sizes)
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        text = run(*pdftotext, "-layout", str(site / path), "-")
        first = plan.sections[number - 1] if number else plan.sections[0]
        page = soup(site / code / "sections" / str(first.number) / "index.html")
        item = page.find(id=first.items[0].anchor).find("p")
        for tag in item.select("a.wp-ref, .wp-copy-slot"):
            tag.decompose()
        expected = squash(item.get_text())[:30]
        assert expected in squash(text), (path, expected)
        last = edition.ui["handout_page"].format(page=pages, pages=pages)
        assert squash(last) in squash(text), (path, last)
        assert squash(edition.ui["issuer"]) in squash(text)
        if number:
            assert squash(page.find("h1").get_text())[:20] in squash(text)
        else:
            assert squash(home.find("h1").get_text()) in squash(text)


@pytest.mark.parametrize("code", CHINESE)
def test_bilingual_handout_has_the_english_under_each_item(site, plan, code):
    pdftotext = tool("pdftotext")
    text = squash(run(*pdftotext, str(site / code / "downloads" / "section-4-bilingual.pdf"), "-"))
    english = soup(site / "en" / "sections" / "4" / "index.html")
    for item in plan.section(4).items:
        p = english.find(id=item.anchor).find("p")
        for tag in p.select("a.wp-ref, .wp-copy-slot, .wp-untranslated"):
            tag.decompose()
        assert squash(p.get_text())[:25] in text, item.id
    plain = squash(run(*pdftotext, str(site / code / "downloads" / "section-4.pdf"), "-"))
    assert squash("Resolutely accomplish") not in plain


@pytest.mark.parametrize("code", CODES)
def test_handout_glossary_lists_the_terms_the_section_uses(site, code):
    pdftotext = tool("pdftotext")
    text = squash(run(*pdftotext, str(site / code / "downloads" / "section-7.pdf"), "-"))
    edition = next(e for e in EDITIONS if e.code == code)
    assert squash(edition.ui["handout_terms"]) in text
    glossary = soup(site / code / "glossary" / "index.html")
    used = [
        h
        for h in glossary.select("h3[id]")
        if h.find_next("p", class_="wp-uses") and re.search(r"§7\.\d", h.find_next("p", class_="wp-uses").get_text())
    ]
    assert used
    for heading in used:
        assert squash(heading.get_text()) in text, heading["id"]


@pytest.mark.parametrize("code", CODES)
def test_qr_code_decodes_to_the_section_url(site, code, tmp_path):
    pdftoppm, zbarimg = tool("pdftoppm"), tool("zbarimg")
    for name, url in (("section-4.pdf", f"{PUBLISHED}{code}/sections/4/"), ("plan.pdf", f"{PUBLISHED}{code}/")):
        pdf = site / code / "downloads" / name
        pages = int(re.search(r"Pages:\s+(\d+)", run(*tool("pdfinfo"), str(pdf))).group(1))
        prefix = tmp_path / name
        run(*pdftoppm, "-r", "150", "-png", "-f", str(pages), "-l", str(pages), str(pdf), str(prefix))
        (png,) = tmp_path.glob(name + "*.png")
        assert run(*zbarimg, "--raw", "-q", str(png)).strip() == url
        png.unlink()


def test_pages_link_exactly_the_downloads_that_exist(site, plan):
    for code in CODES:
        for page in [site / code / "index.html"] + [
            site / code / "sections" / str(s.number) / "index.html" for s in plan.sections
        ]:
            links = [a["href"] for a in soup(page).select(".wp-downloads a[href]")]
            assert links, page
            for href in links:
                assert (page.parent / href).resolve().is_file(), (page, href)
        section = soup(site / code / "sections" / "4" / "index.html")
        hrefs = [a["href"] for a in section.select(".wp-downloads a")]
        expected = ["../../downloads/section-4.pdf"] + (
            ["../../downloads/section-4-bilingual.pdf"] if code in CHINESE else []
        )
        assert hrefs == expected
        home = [a["href"] for a in soup(site / code / "index.html").select(".wp-downloads a")]
        assert home == ["downloads/plan.pdf", "downloads/plan.epub"]


@pytest.mark.gate
@pytest.mark.parametrize("code", CODES)
def test_epub_passes_epubcheck(site, code):
    result = subprocess.run(
        [*tool("epubcheck"), str(site / code / "downloads" / "plan.epub")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fatals / 0 errors" in result.stdout + result.stderr


@pytest.mark.parametrize("code", CODES)
def test_epub_has_metadata_chapters_anchors_glossary_and_parallel_english(site, plan, code):
    with zipfile.ZipFile(site / code / "downloads" / "plan.epub") as z:
        names = z.namelist()
        assert names[0] == "mimetype"
        opf = z.read("EPUB/content.opf").decode()
        assert f"<dc:language>{code}</dc:language>" in opf
        assert "<dc:date>2022</dc:date>" in opf
        edition = next(e for e in EDITIONS if e.code == code)
        assert f">{edition.ui['issuer']}</dc:creator>" in opf
        nav = z.read("EPUB/nav.xhtml").decode()
        for s in plan.sections:
            assert f'href="section-{s.number}.xhtml"' in nav
            chapter = BeautifulSoup(z.read(f"EPUB/section-{s.number}.xhtml").decode(), "html.parser")
            for item in s.items:
                div = chapter.find(id=item.anchor)
                assert div is not None, item.id
                alt = div.find("p", class_="alt")
                assert (alt is not None and alt["lang"] == "en") == (code in CHINESE), item.id
        glossary = BeautifulSoup(z.read("EPUB/glossary.xhtml").decode(), "html.parser")
        ids = {dt["id"] for dt in glossary.find_all("dt")}
        links = [
            a["href"]
            for n in names
            if n.startswith("EPUB/section-")
            for a in BeautifulSoup(z.read(n).decode(), "html.parser").select("a.term")
        ]
        assert links
        assert all(h.split("#")[1] in ids for h in links)


@pytest.fixture(scope="module")
def content():
    return prepare(*load_inputs(SOURCE), EDITIONS)


def test_pdf_and_epub_bytes_depend_only_on_their_inputs(content):
    docs = handouts.documents(content)
    one = "en/downloads/section-2.pdf"
    assert handouts.to_pdf(docs[one]) == handouts.to_pdf(docs[one])
    book = ebooks.books(content)["zh-Hant/downloads/plan.epub"]
    assert book.make(1700000000) == book.make(1700000000)
    assert book.make(1700000000) != book.make(1600000000)  # the epoch is the only time in it


def test_fingerprints_follow_the_inputs(content, monkeypatch):
    before = handouts.fingerprint(content), ebooks.fingerprint(content)
    assert before == (handouts.fingerprint(content), ebooks.fingerprint(content))
    monkeypatch.setenv("SITE_URL", "https://elsewhere.example/plan/")
    after = handouts.fingerprint(content), ebooks.fingerprint(content)
    assert before[0] != after[0] and before[1] != after[1]  # the QR codes and citations name the site


def test_short_definition_is_the_first_sentence():
    assert handouts.short_definition("甲是乙。丙是丁。") == "甲是乙。"
    assert handouts.short_definition("A is B. C is D.") == "A is B."
    assert handouts.short_definition("No stop") == "No stop"
    assert len(handouts.short_definition("字" * 300)) == 160
