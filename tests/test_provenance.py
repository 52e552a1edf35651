"""The provenance record (source/<plan>.provenance.yml): it describes our text, is checked when
loaded, and every edition shows it; plan.json carries it; the citations take their date from it."""

from __future__ import annotations

import hashlib
import json

import pytest
import yaml

from helpers import SOURCE, soup
from workplan import citation as ct
from workplan import config
from workplan import provenance as pv
from workplan.editions import EDITIONS
from workplan.model import Problem

RECORD = config.provenance_path(SOURCE)


@pytest.fixture(scope="module")
def record() -> pv.Provenance:
    return pv.load(RECORD.read_text(encoding="utf-8"), str(RECORD), SOURCE.read_bytes())


def test_the_record_is_for_our_text(record):
    assert record.sha256 == hashlib.sha256(SOURCE.read_bytes()).hexdigest()
    assert record.title == SOURCE.read_text(encoding="utf-8").splitlines()[0]


def test_the_record_names_an_official_address_or_says_it_is_unconfirmed(record):
    if record.confirmed:
        assert "cnipa.gov.cn/" in record.official_url and record.url == record.official_url
    else:
        assert record.official_url is None and record.best_repost and record.url == record.best_repost
    assert record.issued and record.checked and record.issuer["en"] and record.issuer["zh-Hans"]


def mutate(**changes) -> str:
    data = yaml.safe_load(RECORD.read_text(encoding="utf-8"))
    data.update(changes)
    return yaml.safe_dump(data, allow_unicode=True)


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"sha256": "0" * 64}, "another text"),
        ({"issued": "June 2022"}, "ISO 8601"),
        ({"official_url_status": "confirmed", "official_url": "https://www.cnipa.gov.cn/"}, "a page on cnipa.gov.cn"),
        (
            {"official_url_status": "confirmed", "official_url": "https://example.org/art/2022/6/1/x.html"},
            "cnipa.gov.cn",
        ),
        ({"official_url_status": "unconfirmed", "official_url": None, "best_repost": None}, "best repost"),
        ({"official_url_status": "unconfirmed", "official_url": "https://www.cnipa.gov.cn/art/x.html"}, "unconfirmed"),
        ({"official_url_status": "maybe"}, "official_url_status"),
    ],
)
def test_a_record_that_does_not_hold_stops_the_build(changes, message):
    with pytest.raises(Problem, match=message):
        pv.load(mutate(**changes), "p.yml", SOURCE.read_bytes())


def test_a_confirmed_address_on_cnipa_is_taken_and_a_full_date_reaches_the_citations(plan):
    import dataclasses

    text = mutate(
        official_url_status="confirmed",
        official_url="https://www.cnipa.gov.cn/art/2022/6/1/art_1_1.html",
        issued="2022-06-01",
    )
    record = pv.load(text, "p.yml", SOURCE.read_bytes())
    assert record.confirmed and record.best_repost is None and record.date_parts == [2022, 6, 1]
    assert ct.issued(dataclasses.replace(plan, provenance=record)) == [2022, 6, 1]
    assert ct.issued(plan) == [2022]  # no record: the year in the title


@pytest.mark.parametrize("code", [e.code for e in EDITIONS])
def test_every_home_page_shows_the_record_in_its_about_section(site, record, code):
    page = soup(site / code / "index.html")
    about = page.find(id="about")
    heading = page.find(id="provenance")
    assert about is not None and heading is not None
    assert about.find_all_next(id="provenance"), "the record is part of the about section"
    block = heading.find_next("ul").get_text(" ")
    # the title as issued; the traditional edition shows it converted, as its own heading does
    title = page.find("h1").get_text().strip() if code == "zh-Hant" else record.title
    assert record.sha256 in block and title in block and record.url in block
    assert heading.find_next("ul").find("a", href=record.url)
    if not record.confirmed:
        assert "cnipa.gov.cn" in block  # says where the official page was looked for and not found


def test_plan_json_carries_the_record(site, record):
    for e in EDITIONS:
        data = json.loads((site / e.code / "plan.json").read_text(encoding="utf-8"))
        assert data["provenance"] == record.as_data()
        assert data["provenance"]["official_url_status"] == ("confirmed" if record.confirmed else "unconfirmed")


def test_citations_use_the_date_of_issue(site, record):
    for e in EDITIONS:
        (item,) = json.loads((site / e.code / "cite" / "plan.json").read_text(encoding="utf-8"))
        assert item["issued"] == {"date-parts": [record.date_parts]}
        assert f'content="{ct.iso_date(record.date_parts, "/")}"' in (site / e.code / "index.html").read_text(
            encoding="utf-8"
        )


def test_the_english_edition_is_published_by_this_project_not_cnipa(site):
    en = next(e for e in EDITIONS if e.code == "en")
    (item,) = json.loads((site / "en" / "cite" / "plan.json").read_text(encoding="utf-8"))
    assert item["author"] == [{"literal": en.ui["issuer"]}]  # CNIPA wrote the original
    assert item["publisher"] == en.ui["project"] and item["translator"] == [{"literal": en.ui["project"]}]
    assert (
        en.ui["issuer"]
        not in (site / "en" / "cite" / "plan.ris").read_text(encoding="utf-8").split("PB  - ")[1].splitlines()[0]
    )
