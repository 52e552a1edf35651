"""Citations: the style strings against strings decided by hand from each style guide, and the
CSL-JSON, BibTeX and RIS downloads against the CSL schema, bibtexparser and rispy."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy

from helpers import SOURCE
from workplan import citation as ct
from workplan.editions import BY_CODE, EDITIONS
from workplan.outputs import citations
from workplan.pipeline import load_inputs
from workplan.prepare import prepare
from workplan.typography import typesetter

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "csl-data.json").read_text(encoding="utf-8"))
ROOT_URL = "https://example.org/wp/"
EN_TITLE = "Key Work Points of the China National Intellectual Property Administration for 2022"
EN_ORG = "China National Intellectual Property Administration"
EN_BY = "CNIPA 2022 Work Plan reader's edition"

# Decided by hand before comparing with the processor, from the guides:
#   Chicago 18th, notes (14.1, 14.104 corporate author, 14.116 reports; 18th ed. drops the place):
#     Org, Title, trans. Translator (Publisher, Year), pin-point, URL.
#   APA 7th (10.4 reports by a group author; 9.24: the publisher is left out when it is the author;
#     9.39: "Trans."):  Org. (Year). Title (Translator, Trans.). pin-point. URL
#   GB/T 7714-2015 (4.4 report [R], online [R/OL]; 8.8.2 cited part after the year with ": "):
#     Org. Title[R/OL]. Place: Publisher, Year: pin-point. URL.
#   (GB/T 7714's citing date [2024-01-01] is the reader's to add; western names in capitals, 8.1.2.)
ITEM = {
    "zh-Hans": {
        "plain": "国家知识产权局2022年工作要点 §4.3 {u}",
        "chicago": "国家知识产权局, 国家知识产权局2022年工作要点 (国家知识产权局, 2022), §4.3, {u}.",
        "apa": "国家知识产权局. (2022). 国家知识产权局2022年工作要点. §4.3. {u}",
        "gbt7714": "国家知识产权局. 国家知识产权局2022年工作要点[R/OL]. 北京: 国家知识产权局, 2022: §4.3. {u}.",
    },
    "zh-Hant": {
        "plain": "國家知識產權局2022年工作要點 §4.3 {u}",
        "chicago": "國家知識產權局, 國家知識產權局2022年工作要點 (國家知識產權局, 2022), §4.3, {u}.",
        "apa": "國家知識產權局. (2022). 國家知識產權局2022年工作要點. §4.3. {u}",
        "gbt7714": "國家知識產權局. 國家知識產權局2022年工作要點[R/OL]. 北京: 國家知識產權局, 2022: §4.3. {u}.",
    },
    "en": {
        "plain": "CNIPA 2022 Work Plan §4.3 {u}",
        # CNIPA wrote the original; this edition translated and published the English.
        "chicago": f"{EN_ORG}, {EN_TITLE}, trans. {EN_BY} ({EN_BY}, 2022), §4.3, {{u}}.",
        "apa": f"{EN_ORG}. (2022). {EN_TITLE} ({EN_BY}, Trans.). {EN_BY}. §4.3. {{u}}",
        "gbt7714": f"{EN_ORG.upper()}. {EN_TITLE}[R/OL]. {EN_BY.upper()}, trans. {EN_BY}, 2022: §4.3. {{u}}.",
    },
}


@pytest.fixture(scope="module")
def content():
    return prepare(*load_inputs(SOURCE), EDITIONS)


def menu(content, code):
    edition = BY_CODE[code]
    ts = typesetter(edition.typography)
    doc = content.docs[code]
    return ct.menu_data(edition, ts(doc.title), ts(doc.citation), ROOT_URL + code + "/", ct.issued(content.plan))


@pytest.mark.parametrize("code", [e.code for e in EDITIONS])
@pytest.mark.parametrize("style", ct.STYLE_ORDER)
def test_style_string_for_one_item_and_one_range(content, code, style):
    templates = {s["key"]: s["template"] for s in menu(content, code)["styles"]}
    item_url = f"{ROOT_URL}{code}/sections/4/#item-4-3"
    range_url = f"{ROOT_URL}{code}/sections/4/#item-4-3-to-4-5"
    expected = ITEM[code][style]
    assert ct.fill(templates[style], ct.pin("4.3"), item_url) == expected.format(u=item_url)
    assert ct.fill(templates[style], ct.pin("4.3", "4.5"), range_url) == expected.replace("§4.3", "§4.3–4.5").format(
        u=range_url
    )


def test_menu_lists_every_style_in_order_with_labels(content):
    for e in EDITIONS:
        data = menu(content, e.code)
        assert [s["key"] for s in data["styles"]] == list(ct.STYLE_ORDER)
        assert all(s["label"] and "{pin}" in s["template"] and "{url}" in s["template"] for s in data["styles"])
        assert data["public"] == ROOT_URL + e.code + "/"


def test_pin_points():
    assert ct.pin("4.3") == "§4.3"
    assert ct.pin("4.3", "4.3") == "§4.3"
    assert ct.pin("4.3", "4.5") == "§4.3–4.5"


def test_plan_year_comes_from_the_title():
    assert ct.plan_year("国家知识产权局2022年工作要点") == 2022
    assert ct.plan_year("Key Work Points … for 2023") == 2023
    assert ct.plan_year("工作要点") is None


def publisher(code: str) -> str:
    """CNIPA publishes the original (and the conversion shows it); this edition publishes the English."""
    return BY_CODE[code].ui["project" if code == "en" else "issuer"]


@pytest.fixture(scope="module")
def files(content, monkeypatch_module):
    return citations.render(content)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SITE_URL", ROOT_URL)
        yield mp


@pytest.mark.parametrize("code", [e.code for e in EDITIONS])
def test_csl_json_is_valid_and_names_cnipa_as_institution(files, content, code):
    data = json.loads(files[f"{code}/cite/plan.json"])
    jsonschema.validate(data, SCHEMA)
    (item,) = data
    assert item["type"] == "report"
    assert item["author"] == [{"literal": BY_CODE[code].ui["issuer"]}] and item["publisher"] == publisher(code)
    assert ("publisher-place" in item) == (code != "en")  # the project names no place
    assert item["issued"] == {"date-parts": [[2022]]}
    assert item["URL"] == f"{ROOT_URL}{code}/"
    assert item["title"] == content.docs[code].title
    if code == "en":
        assert item["translator"] == [{"literal": EN_BY}]
    else:
        assert "translator" not in item


def test_csl_schema_rejects_a_broken_item(files):
    data = json.loads(files["en/cite/plan.json"])
    data[0]["author"] = "China National Intellectual Property Administration"  # a string, not a list of names
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


@pytest.mark.parametrize("code", [e.code for e in EDITIONS])
def test_bibtex_parses(files, code):
    library = bibtexparser.parse_string(files[f"{code}/cite/plan.bib"])
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "techreport"
    assert entry["author"] == "{" + BY_CODE[code].ui["issuer"] + "}"  # braced: an institution, never split into names
    assert entry["institution"] == publisher(code)
    assert entry["year"] == "2022"
    assert entry["url"] == f"{ROOT_URL}{code}/"
    assert ("translator" in entry.fields_dict) == (code == "en")


@pytest.mark.parametrize("code", [e.code for e in EDITIONS])
def test_ris_parses(files, code):
    (ref,) = rispy.loads(files[f"{code}/cite/plan.ris"])
    assert ref["type_of_reference"] == "RPRT"
    assert ref["authors"] == [BY_CODE[code].ui["issuer"]] and "," not in BY_CODE[code].ui["issuer"]
    assert ref["publisher"] == publisher(code)
    assert ref["year"] == "2022"
    assert ref["urls"] == [f"{ROOT_URL}{code}/"]
    assert ref.get("subsidiary_authors") == ([EN_BY] if code == "en" else None)
