"""The pinyin proofread against 现代汉语词典 (7th ed.): every correction names the dictionary, and the
readings the dictionary gives with an obligatory neutral tone are what the plan and glossary show."""

from __future__ import annotations

import pytest

from workplan import pinyin


def rows() -> list[list[str]]:
    lines = [
        line
        for line in pinyin.CORRECTIONS.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return [line.split("\t") for line in lines[1:]]


def test_every_correction_names_its_dictionary():
    assert rows()
    for word, _reading, reason in rows():
        assert "现代汉语词典 (7th ed." in reason or "现代汉语词典, 7th ed." in reason, word


@pytest.mark.parametrize(
    "text, expected",
    [
        ("框架", "kuàng jià"),  # 现汉 kuàngjià (pypinyin: kuāng)
        ("合同", "hé tong"),  # 现汉 hé·tong
        ("扎实推进", "zhā shi tuī jìn"),  # 现汉 zhā·shi
        ("讲好中国知识产权故事", "jiǎng hǎo zhōng guó zhī shi chǎn quán gù shi"),  # 现汉 gù·shi, zhī·shi
        ("稳队伍", "wěn duì wu"),  # 现汉 duì·wu
        ("增强四个意识", "zēng qiáng sì gè yì shí"),  # 现汉 yì·shí: an optional neutral tone keeps its tone
    ],
)
def test_dictionary_readings_in_context(text, expected):
    assert pinyin.reading(text) == expected
