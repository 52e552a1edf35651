"""The English edition's text: one spelling, typographic quotes, the reviewers' fixes, the numbering notice."""

from __future__ import annotations

import re

import pytest
import yaml

from helpers import soup
from workplan import glossary as gl
from workplan.config import GLOSSARY, SCHEMA
from workplan.editions import BY_CODE
from workplan.translation import load as load_translation

EN_YML = GLOSSARY.parent.parent / "source" / "cnipa-2022-work-plan.en.yml"
# British forms and the American ones the edition uses (handbook/editing.md: "The English").
STEMS = (
    "organ|recogn|util|harmon|special|optim|standard|priorit|summar|modern|character|emphas|minim|maxim|real|"
    "final|author|central|digital|international|mobil|normal|penal|legal|commercial|institutional|capital|categor|"
    "local|stabil|visual|custom|industrial|rational|global|subsid|memor|critic|civil|popular|symbol|revital|"
    "formal|operational|market|privat|liberal|regular|energ|apolog|agon|human"
)
BRITISH = re.compile(
    rf"\b(?:\w*(?:{STEMS})is(?:e|ed|es|ing|ation|ations)|\w*(?:analys|paralys)(?:e|ed|es|ing)|"
    r"colour\w*|\w*centre|\w*centres|programme\w*|licence\w*|behaviour\w*|favour\w*|labour\w*|"
    r"defence|offence|catalogue\w*|dialogue|fulfil|enrol|travell\w*|modell\w*|labell\w*|cancell\w*|signall\w*|channell\w*|counsell\w*|levell\w*|judgement|ageing)\b",
    re.I,
)


# Inside an official title the title's own spelling stays.
OFFICIAL_TITLES = [
    "National Plan for the Protection and Utilisation of Intellectual Property Rights During the "
    "14th Five-Year Plan Period"
]


def english_texts() -> list[tuple[str, str]]:
    """Every English text a reader sees: the translation file and the glossary's English fields."""
    out = []

    def walk(node, where):
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for n, value in enumerate(node):
                walk(value, f"{where}[{n}]")
        elif isinstance(node, str):
            out.append((where, node))

    walk(yaml.safe_load(EN_YML.read_text(encoding="utf-8")), "en.yml")
    for term in gl.load_file(GLOSSARY, SCHEMA):
        out += [(f"{term.id}.en", term.names["en"]), (f"{term.id}.definition.en", term.definition["en"])]
        out += [(f"{term.id}.aliases.en", a) for a in term.aliases.get("en", ())]
    out += [(f"EN_UI.{k}", v) for k, v in BY_CODE["en"].ui.items()]
    return out


def without_titles(text: str) -> str:
    for title in OFFICIAL_TITLES:
        text = text.replace(title, "")
    return text


def test_one_spelling_american_outside_official_titles():
    found = [(where, w) for where, text in english_texts() for w in BRITISH.findall(without_titles(text))]
    assert not found, found


def test_english_quotation_marks_are_typographic():
    straight = [(where, text) for where, text in english_texts() if '"' in text]
    assert not straight, straight
    quoted = [text for _, text in english_texts() if "“" in text]
    assert quoted and all(text.count("“") == text.count("”") for text in quoted)


def test_the_reviewers_english_fixes_hold(plan):
    english = load_translation(EN_YML.read_text(encoding="utf-8"), str(EN_YML), plan)
    items, preamble = english.items, " ".join(english.preamble)
    assert "benefits of IP utilization" in preamble and "effectiveness of IP utilization" not in preamble
    assert "service (employment-related) scientific and technological achievements" in items["5.1"]
    assert "Patent Exploitation License Contracts" in items["5.2"]
    assert "folk literature and art (traditional cultural expressions)" in items["7.3"]
    for item in ("1.3", "8.7"):
        assert "entire national IP administration system" in items[item], item
    assert "full rollout of electronic patent certificates" in english.summaries[4]
    assert "job-related" not in " ".join(items.values()) + " ".join(english.summaries.values())


def test_china_eu_and_china_france_link_to_separate_notes(site):
    item = soup(site / "en" / "sections" / "7" / "index.html").find(id="item-7-9")
    links = {a.get_text(): a["href"] for a in item.select("a") if "glossary" in a.get("href", "")}
    assert links["China–EU"].endswith("#china-eu-geographical-indications-agreement"), links
    assert links["China–France"].endswith("#china-france-gi-protocol"), links
    zh = soup(site / "zh-Hans" / "sections" / "7" / "index.html").find(id="item-7-9")
    zh_links = {a.get_text(): a["href"] for a in zh.select("a") if "glossary" in a.get("href", "")}
    assert zh_links["中欧"].endswith("#china-eu-geographical-indications-agreement"), zh_links
    assert zh_links["中法"].endswith("#china-france-gi-protocol"), zh_links


@pytest.mark.parametrize(
    "code, says",
    [
        ("en", "The § numbers"),
        ("zh-Hans", "§编号"),
        ("zh-Hant", "§編號"),
    ],
)
def test_every_section_page_notice_says_the_numbers_are_this_editions(site, plan, code, says):
    for section in plan.sections:
        notices = soup(site / code / "sections" / str(section.number) / "index.html").select("p.wp-disclaimer")
        assert len(notices) == 1 and says in notices[0].get_text(), (code, section.number)
    notices = soup(site / code / "full" / "index.html").select("p.wp-disclaimer")
    assert says in notices[0].get_text(), code


def test_english_home_page_counts_items_not_tasks(site):
    table = soup(site / "en" / "index.html").find("table")
    headers = [th.get_text(strip=True) for th in table.select("th")]
    assert "Items" in headers and "Tasks" not in headers, headers
