"""Every glossary fact has a specific source: no bare home page, except an organisation's own site for its name."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from workplan import glossary as gl
from workplan.config import GLOSSARY, SCHEMA
from workplan.model import Problem

SCHEMA_DATA = json.loads(SCHEMA.read_text(encoding="utf-8"))
URL = re.compile(r"https?://[^\s\"'<>]+")


def bare(url: str) -> bool:
    """True for an address with nothing after the host but a slash (or a sentence's final stop)."""
    rest = url.split("://", 1)[1].rstrip(".,;)")
    return "/" not in rest.rstrip("/")


def entry(**over):
    base = {
        "id": "org",
        "category": "organisation",
        "zh-Hans": "甲组织",
        "en": "An Organisation",
        "definition": {"en": "Def.", "zh-Hans": "定义。"},
        "url": "https://org.example/",
        "sources": ["https://org.example/about/history"],
    }
    base.update(over)
    return base


def load(*entries):
    return gl.load(yaml.safe_dump({"terms": list(entries)}, allow_unicode=True), "terms.yml", SCHEMA_DATA)


def test_no_source_in_the_glossary_is_a_bare_home_page_unless_marked_as_own_site():
    raw = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))["terms"]
    offenders, marked = [], 0
    for term in raw:
        for source in term["sources"]:
            if isinstance(source, dict):
                marked += 1
                assert term["category"] == "organisation" and source["own-site"] == term.get("url"), term["id"]
                assert source["supports"] == "name", term["id"]
                continue
            offenders += [(term["id"], url) for url in URL.findall(source) if bare(url)]
    assert not offenders, offenders
    assert marked, "the own-site mark is in use, so this test reads it"


def test_every_term_cites_something_besides_its_own_site():
    for term in gl.load_file(GLOSSARY, SCHEMA):
        assert [s for s in term.sources if "cited for its name only" not in s], term.id


@pytest.mark.parametrize(
    "source",
    [
        "https://www.cnipa.gov.cn/",
        "https://www.cnipa.gov.cn",
        "http://example.org/",
        "国家知识产权局2022年工作要点, https://www.cnipa.gov.cn/",
        "Some report (https://example.org/) and more",
    ],
)
def test_schema_rejects_a_bare_home_page_naming_entry_and_field(source):
    with pytest.raises(Problem) as caught:
        load(entry(sources=["https://org.example/about", source]))
    message = str(caught.value)
    assert "entry 1" in message and "sources.1" in message and "not a specific source" in message, message


@pytest.mark.parametrize(
    "source",
    [
        "https://www.cnipa.gov.cn/art/2022/1/13/art_1340_172743.html",
        "https://example.org/?id=3",
        "商标法 (Trademark Law of the PRC), Article 4",
    ],
)
def test_schema_accepts_a_page_or_a_document(source):
    assert load(entry(sources=[source]))[0].sources == (source,)


def test_own_site_mark_is_for_the_organisation_name_only():
    term = load(entry(sources=[{"own-site": "https://org.example/", "supports": "name"}, "Charter, Article 1"]))[0]
    assert term.sources[0] == "https://org.example/ (the organization's own site, cited for its name only)"


@pytest.mark.parametrize(
    "over, says",
    [
        ({"category": "programme"}, "only an organisation's entry"),
        ({"url": "https://other.example/"}, "is not the entry's url"),
    ],
)
def test_own_site_mark_elsewhere_is_refused(over, says):
    with pytest.raises(Problem) as caught:
        load(entry(sources=[{"own-site": "https://org.example/", "supports": "name"}], **over))
    assert says in str(caught.value)


@pytest.mark.parametrize(
    "mark",
    [
        {"own-site": "https://org.example/", "supports": "history"},
        {"own-site": "https://org.example/about", "supports": "name"},
        {"own-site": "https://org.example/"},
    ],
)
def test_own_site_mark_must_be_a_home_page_cited_for_the_name(mark):
    with pytest.raises(Problem):
        load(entry(sources=[mark]))
