"""Data of the reading aids: pinyin in glossary.json/csv and plan.json, the per-edition card and
pinyin scripts (loaded only on use), and the glossary page's pinyin."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from helpers import soup
from workplan import pinyin
from workplan.editions import EDITIONS
from workplan.prepare import headline
from workplan.typography import typesetter

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CHINESE = [e.code for e in EDITIONS if e.chinese]


def load_script(path, kind):
    text = path.read_text(encoding="utf-8")
    prefix = f'window.wpReading("{kind}",'
    assert text.startswith(prefix) and text.endswith(");\n")
    return json.loads(text[len(prefix) : -3])


@pytest.fixture(scope="module")
def glossary(site):
    return json.loads((site / "zh-Hans" / "glossary.json").read_text(encoding="utf-8"))["terms"]


def test_every_term_has_pinyin_in_glossary_json_and_csv(site, glossary):
    assert glossary
    for term in glossary:
        assert term["pinyin"] == pinyin.words(term["zh-Hans"]) and term["pinyin"], term["id"]
    rows = list(csv.DictReader(io.StringIO((site / "zh-Hans" / "glossary.csv").read_text(encoding="utf-8"))))
    assert [r["pinyin"] for r in rows] == [t["pinyin"] for t in glossary]


def test_plan_json_pinyin_is_one_syllable_per_han_character(site):
    data = json.loads((site / "zh-Hans" / "plan.json").read_text(encoding="utf-8"))
    items = [i for s in data["editions"]["zh-Hans"]["sections"] for i in s["items"]]
    assert items
    for item in items:
        syllables = item["pinyin"].split(" ")
        assert len(syllables) == len(HAN.findall(item["text"])), item["id"]
        assert all(re.fullmatch(r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+", s) for s in syllables), item["id"]


@pytest.mark.parametrize("code", [e.code for e in EDITIONS])
def test_cards_carry_every_term_with_all_names_pinyin_and_count(site, glossary, code):
    data = load_script(site / code / "reading" / "cards.js", "cards")
    assert set(data["terms"]) == {t["id"] for t in glossary}
    for term in glossary:
        card = data["terms"][term["id"]]
        names = dict(card["other"]) | {code: card["name"]}
        # as headings show them, each in its own edition's typography (「」 in the traditional names)
        assert names == {e.code: typesetter(e.typography)(headline(term[e.code])) for e in EDITIONS}, term["id"]
        assert card["pinyin"] == term["pinyin"]
        assert card["abbr"] == term["abbr"]
        ts = typesetter(next(e for e in EDITIONS if e.code == code).typography)
        assert card["def"] and ts(term[f"definition_{code}"]).startswith(card["def"])
    hans = {t["id"]: t for t in glossary}
    if code != "en":
        for term_id, card in data["terms"].items():
            assert card["count"] == len(hans[term_id]["appears_in"].split()), term_id


@pytest.mark.parametrize("code", CHINESE)
def test_pinyin_script_maps_every_part_character_by_character(site, code):
    data = load_script(site / code / "reading" / "pinyin.js", "pinyin")
    plan = json.loads((site / "zh-Hans" / "plan.json").read_text(encoding="utf-8"))
    shown = plan["editions"][code]
    original = {i["id"]: i["pinyin"] for s in plan["editions"]["zh-Hans"]["sections"] for i in s["items"]}
    for section in shown["sections"]:
        for item in section["items"]:
            assert data[item["id"]] == original[item["id"]]  # the same readings in both scripts
            assert len(data[item["id"]].split()) == len(HAN.findall(item["text"])), (code, item["id"])
    for k, paragraph in enumerate(shown["preamble"], start=1):
        assert len(data[f"p{k}"].split()) == len(HAN.findall(paragraph))


def golden_readings() -> dict[str, str]:
    from helpers import ROOT

    lines = (ROOT / "tests" / "golden" / "pinyin.zh-Hans.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line and not line.startswith("#"))


@pytest.mark.parametrize("code", CHINESE)
def test_title_headings_preamble_and_source_carry_their_readings(site, code):
    """Every part of the plan's text outside the items (title, section headings and numerals,
    preamble paragraphs, source line) names its readings on every page that shows it, with one
    syllable per Chinese character it shows, and those are the proofread readings."""
    data = load_script(site / code / "reading" / "pinyin.js", "pinyin")
    golden = golden_readings()
    plan = json.loads((site / "zh-Hans" / "plan.json").read_text(encoding="utf-8"))
    sections = plan["editions"]["zh-Hans"]["sections"]
    assert data["title"] == golden["title"]
    for section in sections:
        n = section["number"]
        assert data[f"h{n}"] == golden[str(n)]
        assert data[f"s{n}"] == data[f"n{n}"] + " " + golden[str(n)]
    if "source" in golden:
        assert data["source"] == golden["source"]
    found: dict[str, set[str]] = {}
    for path in ["index.html", "full/index.html"] + [f"sections/{s['number']}/index.html" for s in sections]:
        page = soup(site / code / path)
        for el in page.select(".md-content [data-wp-py]"):
            key = el["data-wp-py"]
            found.setdefault(path, set()).add(key)
            assert key in data, (code, path, key)
            assert len(data[key].split()) == len(HAN.findall(el.get_text())), (code, path, key)
    preamble = {f"p{k}" for k in range(1, len(plan["editions"]["zh-Hans"]["preamble"]) + 1)}
    numbers = [s["number"] for s in sections]
    assert found["index.html"] >= {"title", "source"} | preamble | {f"h{n}" for n in numbers} | {
        f"n{n}" for n in numbers
    }
    assert found["full/index.html"] >= {"title", "source"} | preamble | {f"s{n}" for n in numbers}
    for n in numbers:
        assert found[f"sections/{n}/index.html"] == {f"s{n}"}


def test_the_english_pages_name_no_readings(site):
    for page in (site / "en").rglob("*.html"):
        assert "data-wp-py" not in page.read_text(encoding="utf-8"), page


def test_no_pinyin_script_for_the_english_edition_and_no_page_loads_one_up_front(site):
    assert not (site / "en" / "reading" / "pinyin.js").exists()
    for page in site.rglob("*.html"):
        assert "reading/pinyin.js" not in page.read_text(encoding="utf-8")
        assert "reading/cards.js" not in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("code", [e.code for e in EDITIONS])
def test_glossary_page_shows_each_terms_pinyin(site, glossary, code):
    page = soup(site / code / "glossary" / "index.html")
    for term in glossary:
        entry = page.find(id=term["id"])
        names = entry.find_next_sibling("p", class_="wp-names")
        assert names.find("span", class_="wp-pinyin-name").get_text() == term["pinyin"], term["id"]
