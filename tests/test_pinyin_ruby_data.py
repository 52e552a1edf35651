"""The ruby's word grouping (issue 23, point 7): reading/pinyin.js carries, beside each part's
syllables (one per character, as plan.json), how the characters group into words, the words of the
glossary's pinyin (workplan.pinyin.words, GB/T 16159)."""

from __future__ import annotations

import json

import pytest

from workplan import pinyin
from workplan.outputs.reading import word_sizes


def sizes_total(sizes: str) -> int:
    return sum(int(n) for word in sizes.split() for n in word.split("-"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("知识产权保护", "2 2 2"),  # a compound split into its words
        ("坚持稳中求进", "2 2-2"),  # an idiom: two halves, joined by a hyphen in the pinyin
        ("冬奥会", "3"),  # dōng'àohuì: one word
        ("四个意识", "1 1 2"),  # a numeral apart from its measure word
        ("《知识产权强国建设纲要(2021-2035年)》和RCEP", "2 2 2 2 2 1 1"),  # digits, a dash, Latin: no syllables
    ],
)
def test_word_sizes_follow_the_glossarys_words(text, expected):
    assert word_sizes(text) == expected
    assert sizes_total(expected) == len(pinyin.reading(text).split())


def test_words_match_the_grouped_pinyin_syllable_for_syllable():
    text = "加快推进知识产权强国建设"
    sizes = [int(n) for w in word_sizes(text).split() for n in w.split("-")]
    syllables = pinyin.reading(text).split()
    spelled, k = [], 0
    for n in sizes:
        spelled.append("".join(syllables[k : k + n]))
        k += n
    assert " ".join(spelled) == pinyin.words(text).replace("'", "")


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant"])
def test_every_part_of_the_pinyin_script_has_its_words(site, code):
    text = (site / code / "reading" / "pinyin.js").read_text(encoding="utf-8")
    data = json.loads(text[text.index(",") + 1 : text.rindex(")")])
    words = data.pop("words")
    assert set(words) == set(data)
    grouped = 0
    for key, syllables in data.items():
        assert sizes_total(words[key]) == len(syllables.split()), (code, key)
        grouped += any(int(n) > 1 for w in words[key].split() for n in w.split("-"))
    assert grouped >= len(data) * 0.9  # one character a word only where the text is one
