"""Pinyin data: the reviewed corrections, the proofread golden file of the whole plan, term pinyin."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import yaml

from helpers import ROOT, SOURCE
from workplan import pinyin
from workplan.model import Problem
from workplan.parse import parse
from workplan.pinyin.plan import golden_text, parts

GOLDEN = ROOT / "tests" / "golden" / "pinyin.zh-Hans.txt"
TERMS = yaml.safe_load((ROOT / "glossary" / "terms.yml").read_text(encoding="utf-8"))["terms"]
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SYLLABLE = re.compile(r"^[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+$")


@pytest.fixture(scope="module")
def plan():
    return parse(SOURCE.read_text(encoding="utf-8"))


def pypinyin_defaults(words: list[str]) -> dict[str, list[str]]:
    """pypinyin's own reading of each word, in a fresh interpreter (corrections not loaded)."""
    code = (
        "import json,sys; from pypinyin import pinyin, Style; ws=json.load(sys.stdin); "
        "print(json.dumps({w: [r[0] for r in pinyin(w, style=Style.TONE)] for w in ws}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=json.dumps(words), capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


# -- the corrections file -------------------------------------------------------------------------


def test_every_correction_differs_from_pypinyin_and_is_what_we_read():
    fixes = pinyin.corrections()
    assert fixes, "corrections.tsv is empty"
    defaults = pypinyin_defaults(list(fixes))
    for word, recorded in fixes.items():
        assert defaults[word] != list(recorded), f"{word}: pypinyin already reads {defaults[word]}"
        assert pinyin.syllables(word) == list(recorded), word


def test_every_correction_is_used_by_the_text_or_a_term(plan):
    text = "\n".join(t for _, t in parts(plan)) + "\n" + "\n".join(t["zh-Hans"] for t in TERMS)
    for word in pinyin.corrections():
        assert word in text, f"{word} occurs neither in the plan nor in a term name: drop the row"


def test_corrections_take_effect_in_context(plan):
    """The reviewed reading wins wherever the word occurs in the plan, not only on its own."""
    text = "".join(t for _, t in parts(plan))
    syll = pinyin.syllables(text)
    for word, recorded in pinyin.corrections().items():
        for m in re.finditer(word, text):
            assert tuple(syll[m.start() : m.end()]) == recorded, (word, m.start())


def test_citation_tones_for_yi_and_bu(plan):
    text = "".join(t for _, t in parts(plan))
    syll = pinyin.syllables(text)
    assert {syll[i] for i, ch in enumerate(text) if ch == "一"} == {"yī"}
    assert {syll[i] for i, ch in enumerate(text) if ch == "不"} == {"bù"}


@pytest.mark.parametrize(
    "row, problem",
    [
        ("知识\tzhī\tshort", "2 characters but 1 syllables"),
        ("知识\tzhī shi", "three tab-separated cells"),
    ],
)
def test_a_bad_correction_row_names_file_and_line(tmp_path, row, problem):
    bad = tmp_path / "corrections.tsv"
    bad.write_text("# comment\nword\treading\treason\n" + row + "\n", encoding="utf-8")
    with pytest.raises(Problem) as err:
        pinyin.load_corrections(bad)
    assert str(err.value).startswith(f"{bad}:3: ") and problem in str(err.value)


# -- the whole plan ---------------------------------------------------------------------------------


def test_golden_pinyin_of_the_whole_plan(plan):
    golden = GOLDEN.read_text(encoding="utf-8")
    built = golden_text(plan)
    assert golden.splitlines() == built.splitlines()


def test_every_part_has_one_syllable_per_chinese_character(plan):
    for key, text in parts(plan):
        syllables = pinyin.reading(text).split(" ")
        assert len(syllables) == len(HAN.findall(text)), key
        assert all(SYLLABLE.match(s) for s in syllables), (key, syllables)


def test_reading_leaves_out_punctuation_digits_and_latin():
    assert pinyin.reading("加入《海牙协定》(RCEP)2022年") == "jiā rù hǎi yá xié dìng nián"


# -- terms: word grouping -----------------------------------------------------------------------


def test_every_term_has_grouped_pinyin():
    for term in TERMS:
        grouped = pinyin.words(term["zh-Hans"])
        letters = re.sub(r"[\s'\-“”,]", "", grouped)
        assert grouped and letters == re.sub(r"\s", "", "".join(s for s in pinyin.syllables(term["zh-Hans"]) if s)), (
            term["id"]
        )


@pytest.mark.parametrize(
    "text, grouped",
    [
        ("知识产权", "zhīshi chǎnquán"),  # a dictionary compound split into its words
        ("国家知识产权局", "guójiā zhīshi chǎnquánjú"),  # … a generic character joins the word before it
        ("知识产权服务业集聚区", "zhīshi chǎnquán fúwùyè jíjùqū"),
        ("市场监管总局", "shìchǎng jiānguǎn zǒngjú"),
        ("冬奥会和冬残奥会", "dōng'àohuì hé dōngcán'àohuì"),  # an abbreviation is one word
        ("中美经贸协议", "zhōng-měi jīngmào xiéyì"),  # a coordinate abbreviation: members hyphenated
        ("中欧地理标志协定", "zhōng-ōu dìlǐ biāozhì xiédìng"),
        ("中美欧日韩五局合作", "zhōng-měi-ōu-rì-hán wǔ jú hézuò"),
        ("专精特新", "zhuān-jīng-tè-xīn"),
        ("一带一路", "yīdài yīlù"),
        ("专利实施许可合同备案办法", "zhuānlì shíshī xǔkě hétong bèi'àn bànfǎ"),  # 合同 hé·tong
        ("冬奥会", "dōng'àohuì"),  # apostrophe before a, o, e inside a word
        ("稳中求进", "wěnzhōng-qiújìn"),  # a four-character set phrase: hyphenated halves
        ("四个意识", "sì gè yìshí"),  # numeral apart from its measure word
        ("习近平", "xí jìnpíng"),  # surname apart from given name
        ("“蓝天”专项整治行动", "“lántiān” zhuānxiàng zhěngzhì xíngdòng"),
        ("集体商标、证明商标", "jítǐ shāngbiāo, zhèngmíng shāngbiāo"),
        ("进一步", "jìnyībù"),  # citation tone, no sandhi
    ],
)
def test_word_grouping(text, grouped):
    assert pinyin.words(text) == grouped
