"""workplan.convert: OpenCC s2tw + the project phrase dictionary.

Run: cd /work/main && PYTHONPATH=scripts .venv/bin/python -m pytest tests/test_convert.py
Timing is not tested here: see scripts/bench_convert.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import opencc
import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "scripts") not in sys.path:  # PYTHONPATH=scripts is the documented way
    sys.path.insert(0, str(ROOT / "scripts"))

from workplan import convert  # noqa: E402
from workplan.convert import PUNCT_HANT, hant_quotes, make_converter, read_phrases, to_hant  # noqa: E402

SOURCE = ROOT / "source" / "cnipa-2022-work-plan.zh-Hans.txt"
GOLDEN = ROOT / "tests" / "golden" / "zh-Hant.txt"
PHRASES = read_phrases()


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # no newline translation


@pytest.fixture(scope="module")
def s2tw() -> opencc.OpenCC:
    return opencc.OpenCC("s2tw")


@pytest.fixture(scope="module")
def converted() -> str:
    return to_hant(read_text(SOURCE))


# (a) the real plan equals the proofread golden file -------------------------------------------


def test_plan_equals_golden(converted):
    golden = read_text(GOLDEN)
    assert "\r" not in golden and not golden.startswith("\ufeff")
    assert golden.endswith("\n") == read_text(SOURCE).endswith("\n")
    assert golden.splitlines() == converted.splitlines()  # readable diff per line first
    assert golden == converted


def test_golden_keeps_line_structure():
    source, golden = read_text(SOURCE), read_text(GOLDEN)
    assert source.count("\n") == golden.count("\n")
    assert [len(line) for line in source.split("\n")] == [len(line) for line in golden.split("\n")]


def test_line_by_line_equals_whole_text(converted):
    assert "\n".join(to_hant(line) for line in read_text(SOURCE).split("\n")) == converted


# (b) every dictionary entry is needed and works in context -------------------------------------


@pytest.mark.parametrize("phrase", PHRASES, ids=[p.simplified for p in PHRASES])
def test_phrase_entry_applies_and_s2tw_alone_is_wrong(phrase, s2tw):
    assert phrase.why, "every entry needs a comment saying why"
    assert phrase.examples, f"line {phrase.line}: add a `# e.g. 简 => 繁` context line"
    convert_ = make_converter()
    assert convert_(phrase.simplified) == phrase.traditional
    for simplified, expected in phrase.examples:
        assert phrase.simplified in simplified and phrase.traditional in expected
        assert convert_(simplified) == expected
        assert s2tw.convert(simplified) != expected, "s2tw already gets this right: drop the entry"


def test_examples_come_from_the_plan():
    source = read_text(SOURCE)
    for phrase in PHRASES:
        for simplified, _ in phrase.examples:
            assert simplified in source, (phrase.simplified, simplified)


def test_every_correction_shows_in_the_golden_file(converted, s2tw):
    plain = s2tw.convert(read_text(SOURCE))
    for phrase in PHRASES:
        assert phrase.traditional in converted
    assert plain != converted
    # the corrections are the only differences from plain s2tw
    differing = {(a, b) for a, b in zip(plain, converted, strict=False) if a != b}
    assert differing == {("徵", "征"), ("制", "製"), ("佈", "布"), ("劃", "畫")}


def test_phrase_file_rejects_entries_without_why(tmp_path):
    bad = tmp_path / "phrases.txt"
    bad.write_text("# header\n\n发布\t發布\n", encoding="utf-8")
    with pytest.raises(ValueError, match="why"):
        read_phrases(bad)
    bad.write_text("# why\n发布\t發布\n# why\n发布\t發佈\n", encoding="utf-8")
    with pytest.raises(ValueError, match="already"):
        read_phrases(bad)


# (c) the output is Taiwan-standard traditional, with no simplified-only character --------------


@pytest.fixture(scope="module")
def simplified_only(tmp_path_factory) -> set[str]:
    """Keys of OpenCC's STCharacters that are not themselves a traditional form.

    `s2t(c) != c` alone is not enough: 征, 布, 群 … are changed by s2t (征 -> 徵,
    群 -> 羣) yet are correct Taiwan forms.  A character is simplified-only when
    neither it nor its Taiwan variant is among its own traditional candidates.
    """
    tool = Path(opencc.__file__).parent / "clib" / "bin" / "opencc_dict"
    text = tmp_path_factory.mktemp("opencc") / "STCharacters.txt"
    subprocess.run(
        [str(tool), "-i", str(convert.OPENCC_DATA / "STCharacters.ocd2"), "-o", str(text), "-f", "ocd2", "-t", "text"],
        check=True,
    )
    t2tw = opencc.OpenCC("t2tw")
    result = set()
    for line in text.read_text(encoding="utf-8").splitlines():
        key, values = line.split("\t")
        forms = {f for v in values.split(" ") for f in (v, t2tw.convert(v))}
        if key not in forms:
            result.add(key)
    assert {"发", "后", "台", "干", "面"} & result == {"发"}  # sanity: 后 台 干 面 are also traditional
    return result


def test_no_simplified_only_character(converted, simplified_only):
    assert sorted({c for c in converted if c in simplified_only}) == []


def test_every_changed_by_s2t_character_is_a_traditional_form(converted, simplified_only):
    s2t = opencc.OpenCC("s2t")
    changed = {c for c in converted if s2t.convert(c) != c}
    assert changed and not changed & simplified_only
    assert changed == {"征", "群"}  # 征程 (journey) and 群 (Taiwan form of OpenCC's 羣)


def test_taiwan_character_forms_not_opencc_standard(converted):
    assert opencc.OpenCC("t2tw").convert(converted) == converted
    assert not set("爲羣啓衆綫") & set(converted)
    assert "臺" in converted and "台" not in converted  # 出臺, 平臺: one form throughout


def test_no_taiwan_phrase_localisation(converted):
    assert converted.count("國家知識產權局") == read_text(SOURCE).count("国家知识产权局")
    for localised in ("智慧財產權", "資料", "網路", "資訊", "釋出"):
        assert localised not in converted


# (d) extra phrases ----------------------------------------------------------------------------


def test_extra_phrases_override_conversion():
    extra = make_converter({"知识产权": "智慧財產權"})
    assert extra("国家知识产权局") == "國家智慧財產權局"
    assert to_hant("国家知识产权局") == "國家知識產權局"  # no leak into the default converter
    assert make_converter({"发布": "發佈"})("加强例行新闻发布") == "加強例行新聞發佈"  # over a file entry
    assert (
        make_converter({"海牙协定": "海牙協定（工業設計）"})("加入《海牙协定》工作")
        == "加入《海牙協定（工業設計）》工作"
    )


def test_converter_cached_per_distinct_extra():
    assert make_converter() is make_converter(None) is make_converter({})
    a = make_converter({"甲": "乙", "丙": "丁"})
    assert make_converter({"丙": "丁", "甲": "乙"}) is a
    assert make_converter({"甲": "乙"}) is not a


@pytest.mark.parametrize("extra", [{"": "x"}, {"a": ""}, {"a b": "c"}, {"a": "b c"}, {"#a": "b"}, {"a\tb": "c"}])
def test_extra_rejects_what_opencc_would_misread(extra):
    with pytest.raises(ValueError):
        make_converter(extra)


def test_generated_config_is_s2tw_plus_project_dictionary(tmp_path, monkeypatch):
    monkeypatch.setattr(convert, "_cache_root", tmp_path)
    config_path = convert.build_config({"甲": "乙"})
    assert config_path.parent.parent == tmp_path
    config = json.loads(config_path.read_text(encoding="utf-8"))
    files = []

    def walk(node):
        if isinstance(node, dict):
            if "file" in node:
                files.append(node["file"])
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(config)
    assert all(Path(f).is_absolute() and Path(f).is_file() for f in files)
    dictionary = (config_path.parent / convert.PROJECT_DICT).read_text(encoding="utf-8")
    assert "#" not in dictionary and "甲\t乙\n" in dictionary
    assert dictionary.splitlines() == sorted(dictionary.splitlines())
    assert convert.build_config({"甲": "乙"}) == config_path  # deterministic: same input, same files
    assert [p.name for p in tmp_path.iterdir()] == [config_path.parent.name]
    assert sorted(p.name for p in config_path.parent.iterdir()) == sorted([convert.PROJECT_DICT, config_path.name])


def test_template_is_packaged_s2tw_with_project_dictionary_in_front():
    template = json.loads(convert.CONFIG_TEMPLATE.read_text(encoding="utf-8"))
    packaged = json.loads((convert.OPENCC_DATA / "s2tw.json").read_text(encoding="utf-8"))
    project = {"type": "text", "file": convert.PROJECT_DICT}
    assert template["segmentation"]["dict"]["dicts"][0] == project
    assert template["conversion_chain"][0]["dict"]["dicts"][0] == project
    del template["segmentation"]["dict"]["dicts"][0]
    del template["conversion_chain"][0]["dict"]["dicts"][0]
    assert {k: v for k, v in template.items() if k != "name"} == {k: v for k, v in packaged.items() if k != "name"}


# (e) quotes -----------------------------------------------------------------------------------


def test_hant_quotes_maps_exactly_the_four_quotes():
    assert PUNCT_HANT == {"“": "「", "”": "」", "‘": "『", "’": "』"}
    assert hant_quotes("“四个意识”‘甲’") == "「四个意识」『甲』"
    untouched = "\"'「」『』《》()（）,，、。:;!?…— abc 知識產權\n"
    assert hant_quotes(untouched) == untouched
    for code in range(0x20, 0x3100):
        ch = chr(code)
        assert hant_quotes(ch) == PUNCT_HANT.get(ch, ch)


def test_conversion_leaves_quotes_to_render_time(converted):
    assert "“" in converted and "「" not in converted
    assert hant_quotes(converted).count("「") == read_text(SOURCE).count("“")
