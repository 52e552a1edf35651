"""Search normalisation, unit by unit: script folding (OpenCC at build time), pinyin variants,
stems (Porter2 = Snowball english), British/American spellings, one-edit typos, and the ranking
table.  The browser's matcher (workplan-search-core.js) runs here in Node, the same file the
site's worker loads."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from search_core import evaluate
from workplan.outputs.search_index import bare, encode, fold_table, readings

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "overrides" / "assets" / "javascripts" / "vendor" / "porter2.js"


def js(expression: str, data=None):
    """Evaluate `expression` with S = the search core and D = `data`; returns its JSON value."""
    return evaluate(expression, data)


def search(index: dict, query: str) -> list[str]:
    """Locations in result order (pages and their items, flattened)."""
    return js(
        "(S.setup(D.index), S.search(D.q).items.flat().map(i => i.location.replace(/\\?h=[^#]*/, '')))",
        {"index": index, "q": query},
    )


# -- script folding -----------------------------------------------------------------------
def test_fold_table_is_opencc_and_covers_every_form_of_the_indexed_characters():
    table = fold_table(set("宣传周发展干部里面专利导航"))
    assert (
        table["週"] == "周" and table["傳"] == "传" and table["導"] == "导" and table["航"] if "航" in table else True
    )
    assert table["發"] == "发" and table["髮"] == "发"  # two traditional forms, one simplified
    assert table["幹"] == "干" and table["乾"] == "干"
    assert all(len(k) == 1 and len(v) == 1 for k, v in table.items())
    assert "专" not in table  # simplified forms are the folded forms
    # only characters that fold to one of the index's: not the whole of OpenCC
    assert "國" not in fold_table(set("专利"))


def test_query_in_either_script_or_a_mix_normalises_to_the_same_text():
    index = json.loads(encode([{"l": "sections/1/#item-1-1", "t": "§1.1", "x": "加强專利導航工作"}]))
    folded = js(
        "(S.setup(D), [S.normaliseText('专利导航'), S.normaliseText('專利導航'), S.normaliseText('专利導航')])", index
    )
    assert folded[0] == folded[1] == folded[2]
    for q in ("专利导航", "專利導航", "專利导航"):
        assert search(index, q) == ["sections/1/#item-1-1"], q


def test_normalising_keeps_positions():
    index = json.loads(encode([{"l": "x", "t": "t", "x": "Ａｂｃ—專利"}]))
    out = js("(S.setup(D), S.normaliseText('Ａｂｃ—專利 Café'))", index)
    assert out == "abc 专利 cafe"


# -- pinyin -----------------------------------------------------------------------------------
def test_readings_come_from_the_project_pinyin_without_tones_and_with_u_for_u_umlaut():
    assert readings("知识产权") == ["zhi", "shi", "chan", "quan"]
    assert bare("lǜ") == "lu" and bare("zhàn") == "zhan" and bare("lüè") == "lue"
    assert readings("A商标") == [None, "shang", "biao"]


def test_pinyin_query_variants_normalise_alike():
    forms = js(
        "['shāngbiāo', 'shangbiao', 'SHANGBIAO', 'shang1biao1', 'zhànlüè', 'zhanlve', 'zhanlue', 'zhan-lüe']"
        ".map(S.pinyinQuery)"
    )
    assert forms[:4] == ["shangbiao"] * 4
    assert forms[4:] == ["zhanlue"] * 4


def test_polyphones_keep_their_reading_in_context():
    index = json.loads(
        encode(
            [
                {"l": "a", "t": "t", "x": "银行业务"},
                {"l": "b", "t": "t", "x": "行动计划"},
                {"l": "c", "t": "t", "x": "行动方案"},
            ]
        )
    )
    assert "行xing" in index["py"]  # the more frequent reading is the default
    assert index["docs"][0]["p"]["x"] == [[1, "hang"]]  # the other one is stored where it occurs
    assert search(index, "yinhang") == ["a"]
    assert search(index, "xingdong") == ["b", "c"]
    assert search(index, "yinxing") == []


SPELLED = [
    {"l": f"sections/{i}/#item-{i}-1", "t": f"§{i}.1", "x": x}
    for i, x in enumerate(["加大对商标囤积行为的治理", "知识产权战略推进", "知识产权保护", "质押融资"], start=1)
]


@pytest.mark.parametrize(
    "query, found",
    [
        ("shangbiao", ["sections/1/#item-1-1"]),
        ("shāngbiāo túnjī", ["sections/1/#item-1-1"]),
        ("shang biao tun ji", ["sections/1/#item-1-1"]),  # spaces between syllables
        ("shangbiaotunji", ["sections/1/#item-1-1"]),
        ("zhanlve", ["sections/2/#item-2-1"]),  # ü as v
        ("zhanlue", ["sections/2/#item-2-1"]),  # ü as u
        ("zhànlüè", ["sections/2/#item-2-1"]),
        ("sbtj", ["sections/1/#item-1-1"]),  # initials
        ("zyrz", ["sections/4/#item-4-1"]),
        ("zscq", ["sections/2/#item-2-1", "sections/3/#item-3-1"]),
        ("zs", []),  # two initials: too many would match
        ("zhi", []),  # one syllable alone: likewise
        ("zhiyarongzi", ["sections/4/#item-4-1"]),
    ],
)
def test_pinyin_with_and_without_tones_spaces_and_as_initials(query, found):
    index = json.loads(encode(SPELLED))
    assert [loc for loc in search(index, query) if "#" in loc] == found


# -- stems and spellings ----------------------------------------------------------------------
def test_vendored_stemmer_is_the_npm_package_unchanged():
    package = ROOT / "node_modules" / "wink-porter2-stemmer" / "src" / "wink-porter2-stemmer.js"
    if not package.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true and node_modules is missing (.ci/run runs npm install)")
        pytest.skip("npm install has not been run")
    vendored = VENDOR.read_text(encoding="utf-8")
    body = vendored.split("without its last line (module.exports = stem;) ---- */\n", 1)[1].split("/* ---- end of", 1)[
        0
    ]
    original = package.read_text(encoding="utf-8")
    assert original.rstrip("\n").endswith("module.exports = stem;")
    assert body.rstrip("\n") == original.rstrip("\n")[: -len("module.exports = stem;")].rstrip("\n")


def test_js_stemmer_is_snowball_english_on_the_site_vocabulary():
    import re

    import snowballstemmer
    import yaml

    english = yaml.safe_load((ROOT / "source" / "cnipa-2022-work-plan.en.yml").read_text(encoding="utf-8"))
    glossary = yaml.safe_load((ROOT / "glossary" / "terms.yml").read_text(encoding="utf-8"))
    text = json.dumps([english, glossary], ensure_ascii=False).lower()
    words = sorted(set(re.findall(r"[a-z]{3,}", text)) | {"negotiating", "vaccines", "commercialization", "tanks"})
    snowball = snowballstemmer.stemmer("english").stemWords(words)
    porter2 = js(f"D.map(w => require({json.dumps(str(VENDOR))})(w))", words)
    assert len(words) > 1000
    differ = {w: (p, s) for w, p, s in zip(words, porter2, snowball, strict=True) if p != s}
    # Snowball's english has been revised since the Porter2 that wink implements; the two agree
    # on nearly every word here.  Matching stems the page's words and the query with the same
    # one, so a difference never splits a word from its inflections (next test).
    assert len(differ) / len(words) < 0.02, differ


@pytest.mark.parametrize(
    "a, b",
    [
        ("negotiating", "negotiations"),
        ("licensed", "license"),
        ("seminars", "seminar"),
        ("tanks", "tank"),
        ("commodities", "commodity"),
        ("hoarded", "hoarding"),
        ("IPs".lower(), "ip"),
    ],
)
def test_inflections_share_a_stem(a, b):
    assert js("S.stem(D[0]) === S.stem(D[1])", [a, b]), (a, b)


@pytest.mark.parametrize(
    "british, american",
    [
        ("commercialisation", "commercialization"),
        ("organise", "organize"),
        ("organised", "organized"),
        ("analyse", "analyze"),
        ("behaviour", "behavior"),
        ("labours", "labors"),
        ("centre", "center"),
        ("centres", "centers"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("catalogue", "catalog"),
        ("licence", "license"),
        ("defence", "defense"),
        ("travelled", "traveled"),
        ("modelling", "modeling"),
    ],
)
def test_british_and_american_spellings_fold_to_one(british, american):
    assert js("[S.spelling(D[0]), S.spelling(D[1])]", [british, american]) == [js("S.spelling(D)", american)] * 2


@pytest.mark.parametrize("word", ["four", "your", "hour", "store", "more", "genre", "call", "fill", "rise"])
def test_short_and_unrelated_words_are_not_respelled_into_others(word):
    others = {
        "four": "for",
        "your": "yor",
        "hour": "hor",
        "store": "stoer",
        "more": "moer",
        "call": "cal",
        "fill": "fil",
    }
    assert js("S.spelling(D)", word) != others.get(word, "-")


# -- one edit -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "a, b, one",
    [
        ("vaccnies", "vaccines", True),  # two neighbours swapped: one edit (Damerau)
        ("navigaton", "navigation", True),  # missing
        ("semminar", "seminar", True),  # extra
        ("genatic", "genetic", True),  # wrong
        ("vaccines", "vaccines", True),
        ("vcacnies", "vaccines", False),  # two swaps
        ("genatik", "genetic", False),  # two wrong
        ("navigatn", "navigation", False),  # two missing
    ],
)
def test_one_edit_counts_a_swap_of_neighbours_as_one(a, b, one):
    assert js("S.oneEdit(D[0], D[1])", [a, b]) is one


# -- ranking ------------------------------------------------------------------------------------
def doc(n: int, x: str = "", a: str = "") -> dict:
    return {"l": f"sections/{n}/#item-{n}-1", "t": f"§{n}.1", "x": x, "a": a}


def test_ranking_table_english_edition():
    """exact > spelling > stemmed > fuzzy in the edition's language, then the same in the other."""
    docs = [
        doc(8, a="license"),
        doc(3, x="licensing"),
        doc(6, x="lisence"),
        doc(7, a="licence"),
        doc(1, x="licence"),
        doc(2, x="license"),
    ]
    index = json.loads(encode(docs, "zh-Hans"))
    assert search(index, "licence") == [f"sections/{n}/#item-{n}-1" for n in (1, 2, 3, 6, 7, 8)]


def test_ranking_table_chinese_edition():
    """Exact Chinese/Latin first; pinyin syllables, then initials; then the other language."""
    docs = [doc(5, x="第五项", a="hyxd"), doc(4, x="加入海牙协定"), doc(1, x="hyxd 计划"), doc(2, x="海牙协定的工作")]
    index = json.loads(encode(docs, "en"))
    found = search(index, "hyxd")
    assert found[0] == "sections/1/#item-1-1"  # exact Latin in the own text
    assert set(found[1:3]) == {"sections/2/#item-2-1", "sections/4/#item-4-1"}  # initials
    assert found[3:] == ["sections/5/#item-5-1"]  # exact, but in the other language
    docs = [doc(3, a="Hague Agreement"), doc(1, x="海牙协定"), doc(2, x="Hague 协定")]
    index = json.loads(encode(docs, "en"))
    assert search(index, "Hague") == [f"sections/{n}/#item-{n}-1" for n in (2, 3)]
    assert search(index, "haiya") == ["sections/1/#item-1-1"]


def test_typo_tolerance_is_for_words_of_five_letters_or_more():
    index = json.loads(encode([doc(1, x="seminar on genetic resources"), doc(2, x="IP data")]))
    assert search(index, "seminra") == ["sections/1/#item-1-1"]
    assert search(index, "dtaa") == []  # four letters: no typo tolerance
    assert search(index, "xqzvbnmk") == []


# -- the built index ------------------------------------------------------------------------------
def test_each_editions_index_is_within_budget_and_carries_folding_and_pinyin(site):
    import gzip

    for code in ("zh-Hans", "zh-Hant", "en"):
        data = (site / code / "search" / "workplan-index.json").read_bytes()
        assert len(gzip.compress(data, 9)) <= 40 * 1024, (code, len(gzip.compress(data, 9)))
        index = json.loads(data)
        assert "週周" in index["fold"] and "專专" in index["fold"]
        assert "知zhi" in index["py"]
        items = [d for d in index["docs"] if "#item-" in d["l"]]
        assert sum(1 for d in items if d.get("a")) >= len(items) * 0.9  # the other language on the page


def test_the_first_load_of_a_page_does_not_fetch_the_matcher(site):
    worker = (site / "zh-Hans" / "assets" / "javascripts" / "workplan-search.js").read_text(encoding="utf-8")
    head = worker.split("function load()", 1)[0]
    assert "importScripts(" not in head  # loaded with the index, when the reader starts to search
