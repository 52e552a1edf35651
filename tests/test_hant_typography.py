"""zh-Hant typography everywhere a reader sees traditional text: the term cards (site and offline
copy), the EPUB, the PDFs, and the theme's interface strings.  A curly quote next to a Han
character is a Chinese quote left unset; “” around English (the parallel translation, English
names) and the simplified names a card shows beside the traditional ones keep them, as the
simplified edition does.  The data files keep the untypeset text."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile

import pytest
from bs4 import BeautifulSoup

from helpers import need, soup
from workplan.outputs import offline_copy
from workplan.typography import PUNCT_HANT

HAN = r"[\u3400-\u9fff\uf900-\ufaff]"
# an opening quote before a Han character, or a closing one after it (spaces between allowed)
CHINESE_CURLY = re.compile(rf"[“‘]\s*{HAN}|{HAN}\s*[”’]")
CURLY = re.compile("[“”‘’]")


def chinese_curly(text: str) -> list[str]:
    return [text[max(m.start() - 8, 0) : m.end() + 8] for m in CHINESE_CURLY.finditer(text)]


def cards_data(text: str) -> dict:
    match = re.fullmatch(r'window\.wpReading\("cards",(.*)\);\n', text, re.S)
    assert match, "reading/cards.js keeps its form"
    return json.loads(match.group(1))


def check_cards(data: dict) -> int:
    """No curly quote in a traditional name or definition; returns how many simplified names kept theirs."""
    kept = 0
    for term_id, card in data["terms"].items():
        assert not CURLY.search(card["name"] + card["def"]), (term_id, card["name"], card["def"])
        for code, name in card["other"]:
            if code == "zh-Hans":
                kept += len(CURLY.findall(name))
            elif code != "en":
                assert not CURLY.search(name), (term_id, code, name)
    return kept


def test_term_cards_set_traditional_text_with_corner_brackets(site):
    data = cards_data((site / "zh-Hant" / "reading" / "cards.js").read_text(encoding="utf-8"))
    assert check_cards(data) > 0, "the simplified names beside the traditional ones keep “”"
    assert any("「" in card["def"] or "「" in card["name"] for card in data["terms"].values())


def test_the_simplified_cards_show_traditional_names_in_corner_brackets(site):
    data = cards_data((site / "zh-Hans" / "reading" / "cards.js").read_text(encoding="utf-8"))
    names = [name for card in data["terms"].values() for code, name in card["other"] if code == "zh-Hant"]
    assert names and not any(CURLY.search(n) for n in names)
    assert any("「" in n for n in names)


def test_the_offline_copy_has_the_same_cards(site):
    with zipfile.ZipFile(site / offline_copy.PATH) as z:
        inner = [n for n in z.namelist() if n.endswith("zh-Hant/reading/cards.js")]
        assert inner
        check_cards(cards_data(z.read(inner[0]).decode("utf-8")))
        pages = [n for n in z.namelist() if "/zh-Hant/" in f"/{n}" and n.endswith(".html")]
        assert pages
        for name in pages:
            assert "頁脚" not in z.read(name).decode("utf-8"), name


def test_epub_glossary_and_text_carry_no_chinese_curly_quotes(site):
    with zipfile.ZipFile(site / "zh-Hant" / "downloads" / "plan.epub") as z:
        chapters = [n for n in z.namelist() if n.endswith(".xhtml")]
        assert any(n.endswith("glossary.xhtml") for n in chapters)
        corner = 0
        for name in chapters:
            page = BeautifulSoup(z.read(name), "html.parser")
            for other in page.find_all(attrs={"lang": True}):
                if other.name != "html" and other["lang"] not in ("zh-Hant",):
                    other.decompose()  # the English beside the items, English names
            text = page.get_text()
            assert not chinese_curly(text), (name, chinese_curly(text)[:3])
            assert not CURLY.search(text), (name, CURLY.findall(text)[:3])
            corner += text.count("「")
        assert corner > 0


@pytest.mark.parametrize("name", ["plan.pdf", "section-1.pdf", "section-7.pdf"])
def test_pdf_text_carries_no_chinese_curly_quotes(site, name):
    need("pdftotext", "pdftotext (poppler-utils)")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(site / "zh-Hant" / "downloads" / name), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert text.strip()
    assert not chinese_curly(text), chinese_curly(text)[:5]
    assert "「" in text


def test_section_1_pdf_sets_the_quote_of_its_heading_term(site):
    need("pdftotext", "pdftotext (poppler-utils)")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(site / "zh-Hant" / "downloads" / "section-1.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "「穩」字當頭" in text.replace("\n", "")


def test_interface_strings_use_taiwan_forms(site):
    for page in [site / "zh-Hant" / "index.html", site / "zh-Hant" / "sections" / "1" / "index.html"]:
        html = page.read_text(encoding="utf-8")
        doc = soup(page)
        assert doc.html["lang"] == "zh-Hant"
        labels = [el["aria-label"] for el in doc.find_all(attrs={"aria-label": True})]
        assert "頁腳" in labels and "頁脚" not in html
        assert "導覽" in labels and not any("導航" in label for label in labels)


def test_data_files_keep_the_untypeset_text(site):
    rows = json.loads((site / "zh-Hant" / "glossary.json").read_text(encoding="utf-8"))["terms"]
    hant = "".join(r["definition_zh-Hant"] + r["zh-Hant"] for r in rows)
    assert "“" in hant and not any(c in hant for c in PUNCT_HANT.values())


# Mainland usage in interface text, with the Taiwan form the traditional edition uses instead.
MAINLAND = {"導航": "導覽", "頁脚": "頁腳", "數據": "資料", "解壓到": "解壓縮到", "掃碼": "掃描 QR 碼"}


def test_the_editions_own_interface_strings_use_taiwan_forms():
    from workplan.editions import BY_CODE

    for key, value in BY_CODE["zh-Hant"].ui.items():
        for mainland, taiwan in MAINLAND.items():
            assert mainland not in value, f"ui[{key!r}]: {mainland} (Taiwan: {taiwan})"
