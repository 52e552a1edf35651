"""The English text: complete, keyed by item id, consistent with the glossary; partial plans still build."""

from __future__ import annotations

import re

import pytest
import yaml

from helpers import SOURCE, make_root, soup
from workplan import annotate as ann
from workplan import glossary as gl
from workplan import translation as tr
from workplan.config import GLOSSARY, SCHEMA, translation_path
from workplan.model import Problem
from workplan.pipeline import build

EN = translation_path(SOURCE)
PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX|lorem ipsum|placeholder|translation here)\b|\.\.\.|…", re.I)


@pytest.fixture(scope="module")
def english(plan):
    return tr.load(EN.read_text(encoding="utf-8"), str(EN), plan)


@pytest.fixture(scope="module")
def terms():
    return gl.load_file(GLOSSARY, SCHEMA)


def test_every_item_has_exactly_one_translation(plan):
    raw = yaml.safe_load(EN.read_text(encoding="utf-8"))
    keys = [str(k) for k in raw["items"]]
    assert len(keys) == len(set(keys))
    assert sorted(keys) == sorted(i.id for i in plan.items())
    # a YAML mapping silently keeps the last of two equal keys: count them in the text too
    for item in plan.items():
        assert len(re.findall(rf'^\s*"?{re.escape(item.id)}"?\s*:', EN.read_text(encoding="utf-8"), re.M)) == 1, item.id


def test_nothing_is_missing_empty_or_a_placeholder(plan, english):
    assert english.missing(plan) == []
    texts = [
        english.title,
        english.citation,
        english.overview,
        english.source_line,
        *english.preamble,
        *english.headings.values(),
        *english.summaries.values(),
        *english.items.values(),
    ]
    for text in texts:
        assert text.strip(), "empty text"
        assert not PLACEHOLDER.search(text), text
        assert not re.search(r"[\u4e00-\u9fff]", text), f"untranslated Chinese in: {text}"
    assert set(english.summaries) == {s.number for s in plan.sections}


@pytest.mark.parametrize("number", range(1, 9))
def test_each_summary_has_three_to_five_sentences(english, number):
    assert 3 <= tr.count_sentences(english.summaries[number]) <= 5, english.summaries[number]


def test_overview_is_one_paragraph(english):
    assert "\n" not in english.overview and tr.count_sentences(english.overview) >= 3


def test_official_english_names(english):
    text = " ".join(english.items.values()) + " " + " ".join(english.preamble)
    for name in (
        "Hague Agreement Concerning the International Registration of Industrial Designs",
        "Regional Comprehensive Economic Partnership",
        "RCEP",
        "CPTPP",
        "World Trade Organization",
        "World Intellectual Property Organization",
        "Outline for Building a Powerful Country with Intellectual Property (2021–2035)",
        "14th Five-Year Plan for IP Protection and Utilization",
    ):
        assert name in text, name


def test_glossary_english_names_are_used_consistently(plan, english, terms):
    """Where an item's Chinese contains a term, its English names the term (name, alias or abbreviation)."""
    zh = ann.Matcher({f: t.id for t in terms for f in t.forms("zh-Hans")}, whole_words=True)
    en = ann.Matcher({f: t.id for t in terms for f in t.forms("en")}, whole_words=True)
    by_id = {t.id: t for t in terms}
    missing = []
    for item in plan.items():
        in_chinese = {m[2] for m in zh.matches(item.text)}
        in_english = {m[2] for m in en.matches(english.items[item.id])}
        for term in sorted(in_chinese - in_english):
            missing.append(f"{item.id} {by_id[term].names['zh-Hans']} -> {by_id[term].forms('en')}")
    assert not missing, "\n".join(missing)


def test_unknown_item_id_is_a_problem(plan):
    with pytest.raises(Problem) as caught:
        tr.load('items:\n  "9.1": "Nothing"\n', "x.en.yml", plan)
    assert "9.1" in str(caught.value) and caught.value.line == 2


def test_empty_translation_is_a_problem(plan):
    with pytest.raises(Problem):
        tr.load('items:\n  "1.1": ""\n', "x.en.yml", plan)


def test_sentence_counting():
    assert tr.count_sentences('One. Two! Three? "Four."') == 4
    assert tr.count_sentences("The 14th Five-Year Plan (2021–2035) is one sentence.") == 1


def test_a_plan_without_full_translation_builds_with_a_mark_and_a_warning(tmp_path):
    root = make_root(tmp_path / "r")
    plan = tmp_path / "other.zh-Hans.txt"
    plan.write_text(
        "某局2023年工作要点\n总体思路。\n一、第一部分。任务甲。任务乙。\n二、第二部分。任务丙。\n", encoding="utf-8"
    )
    (tmp_path / "other.en.yml").write_text('items:\n  "1.1": "Task A."\n', encoding="utf-8")
    warnings = build(plan, root=root, make_downloads=False)
    assert any("English: 4 of 5" in w for w in warnings), warnings
    page = soup(root / "site" / "en" / "sections" / "1" / "index.html")
    assert page.find(id="item-1-1").find("p").get_text().endswith("Task A.")
    untranslated = page.find(id="item-1-2")
    assert untranslated["lang"] == "zh-Hans"
    assert untranslated.select_one(".wp-untranslated").get_text().startswith("Not yet translated")
    assert "任务乙。" in untranslated.get_text()


def test_english_pages_say_the_translation_is_unofficial_once(site, plan):
    for page in [site / "en" / "index.html"] + [
        site / "en" / "sections" / str(s.number) / "index.html" for s in plan.sections
    ]:
        notes = soup(page).select(".wp-disclaimer")
        assert len(notes) == 1, page
        assert "Unofficial" in notes[0].get_text() and "prevails" in notes[0].get_text()
        assert notes[0].find("a")["href"].startswith("https://www.cnipa.gov.cn/")


def test_english_edition_shows_summary_first_and_chinese_one_tap_away(site, plan, english):
    page = soup(site / "en" / "sections" / "4" / "index.html")
    assert page.html["lang"] == "en"
    summary = page.select_one(".admonition.abstract")
    assert summary is not None and english.summaries[4][:40] in summary.get_text()
    assert summary.find_next("div", class_="wp-item")["id"] == "item-4-1"
    alt = page.find(id="item-4-3").select_one("p.wp-alt")
    assert alt["lang"] == "zh-Hans" and alt.get_text().startswith("进一步推进审查工作机制创新")


def test_chinese_pages_carry_the_english_annotation(site, plan, english):
    for code in ("zh-Hans", "zh-Hant"):
        page = soup(site / code / "sections" / "7" / "index.html")
        details = page.select_one("details.abstract")
        assert details is not None and english.summaries[7][:40] in details.get_text()
        for item in plan.section(7).items:
            div = page.find(id=item.anchor)
            paragraphs = div.find_all("p")
            assert "wp-alt" not in (paragraphs[0].get("class") or []), "the Chinese comes first"
            alt = div.select_one("p.wp-alt")
            assert alt["lang"] == "en" and alt.get_text() == english.items[item.id]


# ---------------------------------------------------------------- regression rules from the editorial review (issue 14)


def _english_texts(plan, english):
    """(label, Chinese, English) for every translated unit: preamble paragraphs, section headings, items."""
    units = [
        (f"preamble {i + 1}", zh, en) for i, (zh, en) in enumerate(zip(plan.preamble, english.preamble, strict=False))
    ]
    units += [(f"heading {s.number}", s.heading, english.headings[s.number]) for s in plan.sections]
    units += [(item.id, item.text, english.items[item.id]) for item in plan.items()]
    return units


def _all_english(english):
    return [
        english.overview,
        *english.preamble,
        *english.headings.values(),
        *english.summaries.values(),
        *english.items.values(),
    ]


def test_yunyong_is_utilization(plan, english):
    """运用 is "utilization" in CNIPA's English; "application" means a filing in IP English."""
    assert len(plan.preamble) == len(english.preamble)
    wrong = [
        label
        for label, zh, en in _english_texts(plan, english)
        if "运用" in zh and not re.search(r"utili[sz]", en, re.I)
    ]
    assert not wrong, wrong
    # and the English summaries never call 运用 "application" either
    for text in [english.overview, *english.summaries.values()]:
        assert not re.search(r"commerciali[sz]ation and application|effectiveness of IP application", text), text


BANNED_CALQUES = re.compile(
    r"\bIP cause\b|\bcause of (IP|intellectual property)\b|\bto (a )?high quality\b|"
    r"\b(carry|carried|carrying) out in depth\b|\b(advance|promote|implement)s? in depth\b",
    re.I,
)


def test_no_calques_where_plain_english_exists(english):
    found = [m.group(0) for text in _all_english(english) for m in BANNED_CALQUES.finditer(text)]
    assert not found, found


def test_banned_calque_rule_catches_the_old_wording():
    for old in (
        "the high-quality development of the IP cause",
        "Build centers to high quality.",
        "Carry out in depth the campaign",
        "Advance in depth the Blue Sky special campaign",
    ):
        assert BANNED_CALQUES.search(old), old


def _norm(text):
    text = re.sub(r"\bIP\b", "intellectual property", text)
    text = re.sub(r"\bCPC\b", "communist party of china", text)
    text = re.sub(r"\bSMEs?\b", "small and medium-sized enterprises", text)
    words = [re.sub(r"ing$", "", w) for w in re.split(r"[-\s]+", text.lower().strip())]
    return " ".join(words).rstrip("s")


def _consistent(form, term):
    """A form in the translation agrees with the headword: the headword itself, its abbreviation, a shortening or
    lengthening of it (IP/CPC spelled out, singular/plural, hyphenation), or the short form its definition declares."""
    heads = [term.names["en"]] + ([term.abbr] if term.abbr else [])
    return any(_norm(form) in _norm(h) or _norm(h) in _norm(form) for h in heads) or form in term.definition["en"]


def test_glossary_headwords_agree_with_the_translation(english, terms):
    """Where the translation names a glossary term, it uses the headword (or a form of it), not a rival wording."""
    matcher = ann.Matcher({f: t.id for t in terms for f in t.forms("en")}, whole_words=True)
    by_id = {t.id: t for t in terms}
    rivals = set()
    for text in _all_english(english):
        for start, end, term_id in matcher.matches(text):
            if not _consistent(text[start:end], by_id[term_id]):
                rivals.add(f"{term_id}: translation says {text[start:end]!r}, headword {by_id[term_id].names['en']!r}")
    assert not rivals, "\n".join(sorted(rivals))


def test_headword_rule_catches_the_reviewed_disagreements(terms):
    by_id = {t.id: t for t in terms}
    assert not _consistent("four forms of decadence", by_id["four-forms-of-decadence"])
    assert not _consistent("abnormal patent applications", by_id["abnormal-applications"])
    assert _consistent("abnormal applications", by_id["abnormal-applications"])


def test_fourteenth_five_year_plan_official_title_first_then_short_form(english, terms):
    plan_term = next(t for t in terms if t.id == "fourteenth-five-year-ip-plan")
    official = plan_term.names["en"]
    assert official.startswith("National Plan for the Protection and Utilisation of Intellectual Property Rights")
    short = "14th Five-Year Plan for IP Protection and Utilization"
    for first_mention in (english.overview, english.preamble[0]):
        assert official in first_mention and short in first_mention
        assert first_mention.index(official) < first_mention.index(short)
    rest = [*english.headings.values(), *english.summaries.values(), *english.items.values()]
    assert all(official not in text for text in rest)
    assert sum(short in text for text in rest) >= 3


def test_overview_counts_items_not_tasks(plan, english):
    """The plan has 96 numbered item sentences, many with several tasks: the overview must not call them tasks."""
    assert not re.search(r"\b\d+ tasks\b", english.overview)
    numbers = [int(n) for n in re.findall(r"\b(\d+) (?:numbered )?items\b", english.overview)]
    assert numbers == [len(plan.items())]


def test_overview_gives_the_three_principles_their_own_place(english):
    """ "Stability as the top priority" is one of three principles, not the frame of the overarching focus."""
    focus = next(s for s in re.split(r"(?<=\.)\s+", english.overview) if "overarching focus" in s)
    assert "three principles" in focus
    assert focus.index("overarching focus") < focus.index("stability as the top priority")
    assert not re.search(r"overarching focus, under the principle", english.overview)


@pytest.mark.parametrize(
    "item, required",
    [
        ("1.4", "Leading Party Members' Group's analysis"),  # the Group both analyses and plans ahead
        ("5.10", "industrial cluster brands and regional brands"),  # 产业集群和区域品牌: two kinds of brand
    ],
)
def test_reviewed_item_readings(english, item, required):
    assert required in english.items[item]


def test_reviewed_summary_readings(english):
    assert "feasibility study for a professional degree" in english.summaries[8]  # 推进论证设置
    assert "implements credit evaluation" in english.summaries[6]  # 实施…信用评价管理
    assert "introduces credit evaluation" not in english.summaries[6]
