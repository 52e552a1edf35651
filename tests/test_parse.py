"""parse: the real plan, the other layout, and every kind of bad input."""

from __future__ import annotations

import hashlib

import pytest

from helpers import ROOT, SOURCE
from workplan.model import Problem
from workplan.parse import numeral_of, numeral_value, parse, parse_bytes, split_sentences

SEED_SHA256 = "97623e5e351c065932e01abd5666e58e14fb7cf81d1d05ae63a384ed5e8f6dec"


def test_source_is_the_byte_exact_copy():
    assert hashlib.sha256(SOURCE.read_bytes()).hexdigest() == SEED_SHA256


def test_nothing_reads_shared_at_build_or_run_time():
    for path in [*list((ROOT / "scripts").rglob("*.py")), ROOT / "mkdocs.yml", ROOT / "Makefile"]:
        assert "../shared" not in path.read_text(encoding="utf-8"), path


def test_real_plan_structure(plan):
    assert plan.title == "国家知识产权局2022年工作要点"
    assert [s.number for s in plan.sections] == list(range(1, 9))
    assert [s.numeral for s in plan.sections] == list("一二三四五六七八")
    assert [len(s.items) for s in plan.sections] == [10, 7, 16, 12, 14, 11, 12, 14]
    assert plan.section(4).heading == "建设一流专利商标审查机构,全面打赢审查提质增效攻坚战"
    assert plan.section(4).items[2].id == "4.3"
    assert plan.section(4).items[2].anchor == "item-4-3"
    assert plan.source_line == "来源:国家知识产权局"
    assert len(plan.preamble) == 1 and plan.preamble[0].startswith("国家知识产权局2022年工作的总体思路是")


def test_items_are_whole_sentences(plan):
    for item in plan.items():
        assert item.text.endswith("。"), item.id
        assert item.text.count("“") == item.text.count("”"), item.id
        assert item.text.count("《") == item.text.count("》"), item.id


def test_every_character_of_the_source_is_in_the_model(plan):
    text = SOURCE.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    rebuilt = [plan.title, *plan.preamble]
    for s in plan.sections:
        rebuilt.append(f"{s.numeral}、{s.heading}。" + "".join(i.text for i in s.items))
    rebuilt.append(plan.source_line)
    assert rebuilt == lines


@pytest.mark.parametrize(
    "text, expected",
    [
        ("甲。乙。", ["甲。", "乙。"]),
        ("做好“落实年。”活动。再做。", ["做好“落实年。”活动。", "再做。"]),
        ("印发《纲要。说明》。下一句。", ["印发《纲要。说明》。", "下一句。"]),
        ("见(注。一)和（注。二）。完。", ["见(注。一)和（注。二）。", "完。"]),
        ("没有句号的结尾", ["没有句号的结尾"]),
        ("问吗？答！", ["问吗？", "答！"]),
        ("未闭合的“引号。到段尾", ["未闭合的“引号。到段尾"]),
    ],
)
def test_sentences_end_at_full_stop_outside_brackets_and_quotes(text, expected):
    assert split_sentences(text) == expected


@pytest.mark.parametrize("value", [1, 9, 10, 11, 19, 20, 21, 99])
def test_numerals_round_trip(value):
    assert numeral_value(numeral_of(value)) == value


def other_layout(text: str, *, drop_stop: bool, split_body: bool) -> str:
    """The real plan with each heading on its own line and the body below it."""
    out = []
    for line in text.splitlines():
        if line[:2] in {f"{n}、" for n in "一二三四五六七八"}:
            heading, body = line.split("。", 1)
            out.append(heading + ("" if drop_stop else "。"))
            if split_body:
                sentences = split_sentences(body)
                half = len(sentences) // 2
                out += ["".join(sentences[:half]), "", "".join(sentences[half:])]
            else:
                out.append(body)
        else:
            out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("drop_stop", [False, True])
@pytest.mark.parametrize("split_body", [False, True])
def test_heading_on_its_own_line_parses_to_the_same_model(plan, drop_stop, split_body):
    text = other_layout(SOURCE.read_text(encoding="utf-8"), drop_stop=drop_stop, split_body=split_body)
    other = parse(text, "other.txt")
    assert [(s.number, s.numeral, s.heading) for s in other.sections] == [
        (s.number, s.numeral, s.heading) for s in plan.sections
    ]
    assert [(i.id, i.text) for i in other.items()] == [(i.id, i.text) for i in plan.items()]
    assert (other.title, other.preamble, other.source_line) == (plan.title, plan.preamble, plan.source_line)


def test_bom_crlf_and_trailing_blank_lines_are_accepted(plan):
    data = b"\xef\xbb\xbf" + SOURCE.read_bytes().replace(b"\n", b"\r\n") + b"\r\n\r\n\r\n"
    other = parse_bytes(data, "bom.txt")
    assert other == plan


def test_a_plan_of_another_size_parses_from_its_text():
    text = "某局2023年工作要点\n总体思路。\n" + "".join(
        f"{numeral_of(n)}、第{n}部分标题。任务一。任务二。\n" for n in range(1, 13)
    )
    other = parse(text)
    assert len(other.sections) == 12 and other.sections[-1].numeral == "十二"
    assert [len(s.items) for s in other.sections] == [2] * 12
    assert other.source_line is None


def test_html_in_the_text_is_kept_as_text():
    other = parse("标题\n一、标题<script>alert(1)</script>。任务<b>粗</b>。\n")
    assert other.section(1).heading == "标题<script>alert(1)</script>"
    assert other.items()[0].text == "任务<b>粗</b>。"


BAD = {
    "empty": (b"", 1, "empty"),
    "blank": (b"\n\n  \n", 1, "empty"),
    "title only": ("国家知识产权局2022年工作要点\n总体思路。\n".encode(), 1, "no sections"),
    "gap": ("题\n一、甲。乙。\n二、甲。乙。\n四、甲。乙。\n".encode(), 4, "四、 follows 二、"),
    "duplicate": ("题\n一、甲。乙。\n二、甲。乙。\n二、甲。乙。\n".encode(), 4, "二、 appears again (first at line 3)"),
    "out of order": ("题\n一、甲。乙。\n三、甲。\n二、甲。乙。\n".encode(), 3, "三、 follows 一、"),
    "starts at two": ("题\n二、甲。乙。\n".encode(), 2, "follows the preamble"),
    "not utf-8": ("题\n一、甲。\n".encode() + "二、乙。\n".encode("gb18030"), 3, "not UTF-8"),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_input_is_a_problem_naming_file_and_line(name):
    data, line, words = BAD[name]
    with pytest.raises(Problem) as caught:
        parse_bytes(data, "plan.txt")
    problem = caught.value
    assert problem.path == "plan.txt"
    assert problem.line == line, str(problem)
    assert words in problem.message
    assert str(problem).startswith(f"plan.txt:{line}: ")
    assert "\n" not in str(problem)


def SECTION_START(line: str) -> bool:
    return line[:2] in {f"{n}、" for n in "一二三四五六七八"}


@pytest.mark.parametrize("width", [37, 50, 80])
def test_hard_wrapped_plan_parses_to_the_same_model(plan, width):
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    # the title and the source line stay on their own lines; everything else is wrapped,
    # but a section's own line must hold its whole heading sentence (else it is a heading alone)
    wrapped = [lines[0]]
    for line in lines[1:-1]:
        if SECTION_START(line):
            cut = line.index("。") + 1
            rest = line[cut:]
            wrapped.append(line[:cut] + rest[:width])
            rest = rest[width:]
        else:
            wrapped.append(line[:width])
            rest = line[width:]
        wrapped += [rest[i : i + width] for i in range(0, len(rest), width)]
    wrapped.append(lines[-1])
    other = parse("\n".join(wrapped) + "\n", "wrapped.txt")
    assert [(i.id, i.text) for i in other.items()] == [(i.id, i.text) for i in plan.items()]
    assert other.preamble == plan.preamble


def test_a_heading_alone_on_its_line_is_not_joined_to_its_body():
    other = parse("题\n一、坚持政治引领\n认真开展轮训。做好推选工作。\n")
    assert other.section(1).heading == "坚持政治引领"
    assert [i.text for i in other.items()] == ["认真开展轮训。", "做好推选工作。"]
