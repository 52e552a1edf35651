"""The glossary: schema, linking rules, pages of every edition, downloads, bad input."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest

from helpers import ROOT, SOURCE, make_root, soup
from workplan import annotate as ann
from workplan import glossary as gl
from workplan.config import GLOSSARY, SCHEMA
from workplan.model import Problem
from workplan.pipeline import build

SCHEMA_DATA = json.loads(SCHEMA.read_text(encoding="utf-8"))
REQUIRED_IDS = [
    "rcep",
    "cptpp",
    "wto",
    "tisc",
    "wipo",
    "hague-agreement",
    "ip5",
    "brics",
    "asean",
    "belt-and-road",
    "outline-for-building-a-powerful-ip-country",
    "fourteenth-five-year-ip-plan",
    "patent-law-implementing-regulations",
    "guidelines-for-patent-examination",
    "geographical-indications",
    "utility-models",
    "industrial-designs",
    "abnormal-applications",
    "trademark-hoarding",
    "administrative-adjudication-of-patent-infringement-disputes",
    "patent-open-licensing",
    "ip-pledge-financing",
    "specialized-refined-distinctive-innovative",
    "patent-navigation",
    "patent-intensive-industries",
    "patent-intensive-products",
    "collective-marks",
    "certification-marks",
    "ip-protection-centers",
    "rapid-rights-protection-centers",
    "high-value-invention-patents-per-10000-people",
    "patent-examination-cooperation-centers",
    "olympic-symbols",
    "blue-sky-campaign",
    "data-intellectual-property",
    "covid-19-ip-waiver-negotiations",
    "two-upholds",
    "four-consciousnesses",
    "four-sphere-confidence",
    "two-establishes",
    "four-forms-of-decadence",
]


@pytest.fixture(scope="module")
def terms():
    return gl.load_file(GLOSSARY, SCHEMA)


def entry(**over):
    base = {
        "id": "x",
        "category": "agreement",
        "zh-Hans": "甲协定",
        "en": "A Agreement",
        "definition": {"en": "Def.", "zh-Hans": "定义。"},
        "sources": ["https://example.org/doc"],
    }
    base.update(over)
    return base


def dump(entries) -> str:
    import yaml

    return yaml.safe_dump({"terms": entries}, allow_unicode=True)


def load(entries):
    return gl.load(dump(entries), "terms.yml", SCHEMA_DATA)


def test_at_least_fifty_terms_and_the_required_ones(terms):
    assert len(terms) >= 50
    ids = {t.id for t in terms} | {a for t in terms for a in t.anchors}  # a folded id lives on as an anchor
    assert not [i for i in REQUIRED_IDS if i not in ids]
    assert {t.category for t in terms} == set(gl.CATEGORIES)


@pytest.mark.parametrize(
    "broken, field",
    [
        ({"id": "Bad Id"}, "field id"),
        ({"category": "treaty"}, "field category"),
        ({"definition": {"en": "only English"}}, "field definition"),
        ({"url": "http://insecure.example"}, "field url"),
        ({"aliases": {"fr": ["x"]}}, "field aliases"),
    ],
)
def test_schema_errors_name_entry_field_and_line(broken, field):
    entries = [entry(id="ok"), entry(**{"id": "second", **broken})]
    with pytest.raises(Problem) as caught:
        load(entries)
    message = str(caught.value)
    assert "entry 2" in message and field in message, message
    starts = [n for n, line in enumerate(dump(entries).splitlines(), start=1) if line.startswith("- ")]
    assert caught.value.line == starts[1], message  # the second entry's first line


def test_missing_required_field():
    bad = entry()
    del bad["en"]
    with pytest.raises(Problem) as caught:
        load([bad])
    assert "'en' is a required property" in str(caught.value)


def test_duplicate_ids_and_names_are_errors():
    with pytest.raises(Problem, match="duplicate id 'x'"):
        load([entry(), entry(**{"zh-Hans": "乙"})])
    with pytest.raises(Problem, match="already used by 'x'"):
        load([entry(), entry(id="y", en="Other")])


def test_a_bad_glossary_builds_nothing(tmp_path, monkeypatch):
    from workplan import config
    from workplan import pipeline as build_module

    root = make_root(tmp_path / "r")
    bad = tmp_path / "terms.yml"
    bad.write_text("terms:\n  - id: x\n    category: nonsense\n", encoding="utf-8")
    monkeypatch.setattr(config, "GLOSSARY", bad)
    with pytest.raises(Problem, match="entry 1"):
        build_module.build(SOURCE, root=root)
    assert not (root / "site").exists() and not (root / "docs").exists()


def matcher(forms, whole=True):
    return ann.Matcher(forms, whole_words=whole)


def test_longest_match_wins_and_first_occurrence_only():
    m = matcher({"知识产权": "ip", "知识产权强国建设纲要": "outline", "纲要": "short"})
    spans = ann.annotate("实施知识产权强国建设纲要和知识产权规划,知识产权", m)
    assert [(s.text, s.term) for s in spans if s.term] == [("知识产权强国建设纲要", "outline"), ("知识产权", "ip")]
    assert ann.plain(spans) == "实施知识产权强国建设纲要和知识产权规划,知识产权"


def test_leftmost_match_wins_over_a_longer_later_one():
    m = matcher({"甲乙": "a", "乙丙丁": "b"})
    assert [(s.text, s.term) for s in ann.annotate("甲乙丙丁", m) if s.term] == [("甲乙", "a")]


def test_english_whole_words_case_as_written():
    m = matcher({"WTO": "wto", "IP5": "ip5", "Hague Agreement": "hague"})
    spans = ann.annotate("WTOs and wto and IP50 but IP5, the Hague Agreements and the Hague Agreement.", m)
    assert [(s.text, s.term) for s in spans if s.term] == [("IP5", "ip5"), ("Hague Agreement", "hague")]


def test_acronym_inside_chinese_text_matches():
    m = matcher({"RCEP": "rcep"})
    assert [s.term for s in ann.annotate("《协定》(RCEP)知识产权", m) if s.term] == ["rcep"]


def test_converted_spans_keep_their_links():
    m = matcher({"发布": "x"})
    spans = ann.annotate("统计发布机制", m)
    out = ann.map_spans(spans, lambda t: t.replace("发", "發").replace("统", "統").replace("计", "計"))
    assert [(s.text, s.term) for s in out] == [("統計", None), ("發布", "x"), ("机制", None)]


def test_every_edition_links_terms_with_tooltips(site, plan, terms):
    by_id = {t.id: t for t in terms}
    for code in ("zh-Hans", "zh-Hant", "en"):
        links = 0
        for s in plan.sections:
            page = soup(site / code / "sections" / str(s.number) / "index.html")
            assert not page.select("h1 a.wp-term, a.wp-ref a, a.wp-term a.wp-term")
            for a in page.select("a.wp-term"):
                links += 1
                href = a["href"]
                assert href.startswith("../../glossary/#"), href
                term = by_id[href.split("#", 1)[1]]
                assert a["title"], href
                if code == "en":
                    assert a["title"] == term.definition["en"]
            for div in page.select("div.wp-item"):
                linked = [a["href"] for a in div.select("a.wp-term")]
                assert len(linked) == len(set(linked)), "first occurrence only, per item"
        assert links >= 80, (code, links)


def test_glossary_page_entries_with_back_links(site, plan, terms):
    for code in ("zh-Hans", "zh-Hant", "en"):
        page = soup(site / code / "glossary" / "index.html")
        for category in gl.CATEGORIES:
            assert page.find(id=f"category-{category}"), category
        for term in terms:
            heading = page.find(id=term.id)
            assert heading is not None and heading.name == "h3", term.id
        hague = page.find(id="hague-agreement")
        uses = hague.find_next("p", class_="wp-uses")
        hrefs = [a["href"] for a in uses.find_all("a")]
        assert "../sections/4/#item-4-7" in hrefs and "../sections/7/#item-7-1" in hrefs, hrefs
        assert hague.find_next("a", class_="wp-official")["href"].startswith("https://www.wipo.int/")
    # every back-link points at an item that really links to the term
    page = soup(site / "zh-Hans" / "glossary" / "index.html")
    for term in terms:
        uses = page.find(id=term.id).find_next("p", class_="wp-uses")
        for a in uses.find_all("a"):
            path, anchor = a["href"].split("#")
            if anchor == "preamble":
                continue
            target = soup(site / "zh-Hans" / path.replace("../", "") / "index.html").find(id=anchor)
            assert target.select_one(f'a.wp-term[href$="#{term.id}"]'), (term.id, a["href"])


def test_english_names_are_headed_in_sentence_case_and_kept_as_written_in_the_data(site, terms):
    from workplan.prepare import headline

    assert headline("invention patents") == "Invention patents"
    assert headline("e-commerce platforms") == "E-commerce platforms"
    assert headline("State Council") == "State Council"
    assert headline("eBay listings") == "eBay listings" and headline("IP concepts") == "IP concepts"
    lower = [t for t in terms if t.names["en"][:1].islower()]
    assert lower, "the glossary has common-noun names in lower case"
    page = soup(site / "en" / "glossary" / "index.html")
    cards = (site / "en" / "reading" / "cards.js").read_text(encoding="utf-8")
    cards = json.loads(cards[cards.index(",") + 1 : -3])["terms"]
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((site / "en" / "glossary.csv").read_text(encoding="utf-8")))}
    for term in lower:
        shown = page.find(id=term.id).get_text(" ", strip=True)
        assert shown.startswith(headline(term.names["en"])) and shown[0].isupper(), (term.id, shown)
        assert cards[term.id]["name"] == headline(term.names["en"]), term.id  # the term card's title
        assert rows[term.id]["en"] == term.names["en"], "the data keeps the name as the text uses it"
    # the Chinese glossaries give the English beside the Chinese as the text uses it
    zh = soup(site / "zh-Hans" / "glossary" / "index.html")
    names = zh.find(id=lower[0].id).find_next("p", class_="wp-names").get_text()
    assert lower[0].names["en"] in names


def test_definition_html_is_escaped_in_page_and_tooltip(tmp_path, monkeypatch):
    from workplan import config
    from workplan import pipeline as build_module

    bad = tmp_path / "terms.yml"
    bad.write_text(
        "terms:\n  - id: evil\n    category: ip-concept\n    zh-Hans: 任务\n    en: Task\n"
        "    definition:\n      en: 'Run <script>alert(1)</script> \"now\" & here'\n"
        "      zh-Hans: '<script>alert(2)</script>'\n"
        "    sources: ['https://example.org/doc']\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(config, "GLOSSARY", bad)
    root = make_root(tmp_path / "r")
    plan = tmp_path / "p.txt"
    plan.write_text("题\n一、标题。任务甲。\n", encoding="utf-8")
    build_module.build(plan, root=root, make_downloads=False)
    for code in ("zh-Hans", "en"):
        for rel in ("sections/1/index.html", "glossary/index.html"):
            html = (root / "site" / code / rel).read_text(encoding="utf-8")
            assert "<script>alert" not in html, (code, rel)
    link = soup(root / "site" / "zh-Hans" / "sections" / "1" / "index.html").select_one("a.wp-term")
    assert link["title"] == "<script>alert(2)</script>"


def test_unused_term_gives_a_warning(tmp_path):
    root = make_root(tmp_path / "r")
    plan = tmp_path / "p.txt"
    plan.write_text("题\n一、标题。任务甲。\n", encoding="utf-8")
    warnings = build(plan, root=root, make_downloads=False)
    assert any(w.startswith("glossary:") and "hague-agreement" in w for w in warnings)


def test_downloads(site, terms):
    data = json.loads((site / "en" / "glossary.json").read_text(encoding="utf-8"))
    assert [t["id"] for t in data["terms"]] == [t.id for t in terms]
    rows = list(csv.DictReader(io.StringIO((site / "en" / "glossary.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(terms)
    hague = next(r for r in rows if r["id"] == "hague-agreement")
    assert hague["zh-Hant"] == "海牙協定" and "4.7" in hague["appears_in"].split()
    assert soup(site / "zh-Hant" / "index.html").find("a", href="glossary.csv")


def test_linker_benchmark_runs(tmp_path):
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench_linker.py"), "--terms", "500", "--kb", "50"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "scripts")},
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert "links" in out.stdout


def test_every_term_has_sources_and_none_is_empty(terms):
    """Every fact in a definition must be checkable: each term names at least one source, and no source is blank."""
    assert len(terms) >= 100
    for term in terms:
        assert term.sources, term.id
        for source in term.sources:
            assert source.strip() and len(source.strip()) >= 8, (term.id, source)
            # an official URL or a document name (which carries letters or Han characters, not just punctuation)
            assert source.startswith(("https://", "http://")) or re.search(r"[A-Za-z\u4e00-\u9fff]{3}", source), (
                term.id,
                source,
            )


def test_a_term_without_sources_is_refused_with_its_line():
    entries = [entry(id="ok"), {k: v for k, v in entry(id="nosource").items() if k != "sources"}]
    with pytest.raises(Problem) as caught:
        load(entries)
    assert "entry 2" in str(caught.value) and "sources" in str(caught.value)


def test_no_glossary_term_is_unused():
    """Every term links somewhere in the real plan: a term found only inside a longer one, or only in a heading,
    is folded into the longer entry (its id kept as an anchor) or linked where it stands alone."""
    from workplan.editions import EDITIONS
    from workplan.pipeline import load_inputs
    from workplan.prepare import prepare

    plan, terms, translation = load_inputs(SOURCE)
    content = prepare(plan, terms, translation, EDITIONS)
    assert not [w for w in content.warnings if w.startswith("glossary:")], content.warnings


def test_folded_ids_stay_as_anchors_on_every_glossary_page(tmp_path):
    root = make_root(tmp_path / "r")
    build(SOURCE, root=root, docs_only=True)
    for code in ("zh-Hans", "zh-Hant", "en"):
        text = (root / "docs" / code / "glossary.md").read_text(encoding="utf-8")
        for folded in ("brics", "patent-law", "party-conduct-and-clean-governance"):
            assert f'<a id="{folded}"></a>' in text, (code, folded)


def test_an_anchor_that_is_another_terms_id_is_refused():
    entries = [entry(id="one", **{"zh-Hans": "甲", "en": "One"}), entry(id="two", anchors=["one"])]
    with pytest.raises(Problem) as caught:
        load(entries)
    assert "anchor 'one'" in str(caught.value)
