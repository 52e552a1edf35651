"""Pinyin readings: the project's one source of pinyin (search index, term cards, ruby text, data).

Readings come from pypinyin's phrase data (word-level, never character by character), corrected
by this project's reviewed list in `corrections.tsv` beside this file (one reading per line,
with its reason).  Citation tones: no tone-sandhi marking for 一 and 不.

API (stable; other modules rely on it):
    syllables(text) -> list[str | None]   one entry per character of `text`: the tone-marked
                                           syllable of a Han character, None for anything else.
    reading(text) -> str                  the syllables of its Han characters, space-separated.
    words(text) -> str                    the pinyin grouped into words (GB/T 16159).
    grouped(texts) -> {text: words(text)} the same for many texts, the dictionary read once.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from ..lite import import_jieba

CORRECTIONS = Path(__file__).with_name("corrections.tsv")


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f"


@lru_cache(maxsize=1)
def corrections() -> dict[str, tuple[str, ...]]:
    """word -> its reviewed reading, one tone-marked syllable per character."""
    return load_corrections(CORRECTIONS)


def load_corrections(path: Path) -> dict[str, tuple[str, ...]]:
    """Read a corrections file; a malformed row stops with `file:line: problem (what to do)`."""
    from ..model import Problem

    out: dict[str, tuple[str, ...]] = {}
    if not path.exists():
        return out
    header = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if header != ["word", "reading", "reason"]:
                raise Problem(str(path), n, "the header is not word<TAB>reading<TAB>reason", "restore the header row")
            continue
        if len(cells) != 3 or not all(c.strip() for c in cells):
            raise Problem(
                str(path),
                n,
                "expected three tab-separated cells: word, reading, reason",
                "give every correction a word, its reading and the reason",
            )
        word, text, _reason = cells
        syll = tuple(text.split())
        if len(syll) != len(word) or not all(_is_han(c) for c in word):
            raise Problem(
                str(path),
                n,
                f"{word!r} has {len(word)} characters but {len(syll)} syllables",
                "write one tone-marked syllable per Chinese character, separated by spaces",
            )
        if word in out:
            raise Problem(str(path), n, f"{word!r} is corrected twice", "keep one row per word")
        out[word] = syll
    return out


@lru_cache(maxsize=1)
def _converter():
    from pypinyin import Style, pinyin
    from pypinyin.constants import PHRASES_DICT
    from pypinyin.seg.mmseg import seg

    fixes = corrections()
    if fixes:
        # what pypinyin.load_phrases_dict does, except that it trains the segmenter's prefix set
        # again over all 400,000 phrases; the set only grows, so teaching it the new words is the same
        PHRASES_DICT.update({w: [[s] for s in r] for w, r in fixes.items()})
        seg.train(fixes)

    return lambda text: pinyin(text, style=Style.TONE, heteronym=False, errors=lambda s: [[None] for _ in s])


def syllables(text: str) -> list[str | None]:
    """One entry per character of `text`: its tone-marked syllable if Han, else None."""
    return list(_syllables(text))


@cache
def _syllables(text: str) -> tuple[str | None, ...]:
    """syllables(), remembered: every edition asks for the same texts."""
    out: list[str | None] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            chunk = "".join(run)
            readings = _converter()(chunk)
            flat = [r[0] for r in readings]
            assert len(flat) == len(chunk), (chunk, flat)
            out.extend(flat)
            run.clear()

    for ch in text:
        if _is_han(ch):
            run.append(ch)
        else:
            flush()
            out.append(None)
    flush()
    return tuple(out)


def reading(text: str) -> str:
    """The text's Han characters as tone-marked syllables, space-separated (one per character);
    punctuation, digits and Latin text are left out.  The `pinyin` field of plan.json."""
    return " ".join(s for s in syllables(text) if s)


# --- word grouping (GB/T 16159 orthography) -------------------------------------------------------
#
# Rule, decided for this project's term names (also in handbook/editing.md):
#  1. Word boundaries come from jieba's dictionary (precise mode, no HMM guessing; jieba is already
#     pinned for search), plus the few words in WORDS below.  pypinyin's own segmenter only knows
#     phrases whose reading differs from the characters' defaults (it splits 工作 into 工 作), so it
#     gives readings, not words.  Readings always come from syllables() over the whole text, so
#     pypinyin's phrase readings and this project's corrections apply whatever the word boundaries.
#  2. A word is written together, words apart.  A dictionary entry of four or more characters that is
#     a compound of dictionary words (知识产权, 国家知识产权局) is split into those words, longest
#     first, left to right; a single generic character may close it (…产权 局).
#  3. Four-character idioms and set phrases (jieba tags i, l) that no dictionary words tile
#     (稳中求进) are two halves joined by a hyphen; a person's surname is apart from the given name
#     (习 近平); a numeral is apart from the measure word or single noun after it (四 个, 五 局).
#  4. A single-character generic noun (局, 区, 站, 年, 日 … GENERIC) is written together with the
#     two-syllable word before it, as GB/T 16159-2012 writes three-syllable names of one concept
#     (kēxuéyuàn in zhōngguó shèhuì kēxuéyuàn): 知识产权局 zhīshi chǎnquánjú like 总局 zǒngjú,
#     集聚区 jíjùqū, 指导站 zhǐdǎozhàn; after a numeral or a single syllable it stays apart (五 局).
#  5. An abbreviation is one word (冬奥会 dōng'àohuì, 冬残奥会 dōngcán'àohuì).  A coordinate
#     abbreviation, each character standing for one member (中美 China and the US, 专精特新: 专业化
#     精细化 特色化 新颖化), has its members joined by hyphens (zhōng-měi, zhuān-jīng-tè-xīn), as GB/T
#     16159-2012 hyphenates coordinate members for legibility (lù-hǎi-kōngjūn, zhōng-xiǎoxué): COORDINATE.
#  6. Inside a word a syllable beginning with a, o or e after another is set off by an apostrophe
#     (冬奥会 dōng'àohuì).
#  7. Lower case throughout: a reading aid beside the characters, not a romanised name, so the
#     standard's capitals for proper names are not applied.  Punctuation is kept as written.

WORDS = {
    # word: why jieba's dictionary needs it for this text
    "群团": "群团组织 is 群团 | 组织 (mass organisations); jieba splits 群 | 团组织",
    "新冠": "新冠 (novel coronavirus) is one abbreviated word; jieba splits 新 | 冠",
    "十九大": "十九大 like 二十大 (which jieba knows) is one abbreviated name",
    "提质": "提质增效 is 提质 | 增效; jieba splits 提 | 质",
    "冬残奥会": "冬残奥会 (the Winter Paralympics) is one abbreviated name like 冬奥会; jieba splits 冬 | 残奥会",
}
# Coordinate abbreviations of this text's names (rule 5): each character stands for one member.
COORDINATE = {
    "中美": "China and the United States",
    "中欧": "China and the EU",
    "中法": "China and France",
    "中美欧日韩": "the five offices: China, the US, Europe, Japan, Korea",
    "中小": "small and medium(-sized): 中小企业, as GB/T 16159 writes 中小学 zhōng-xiǎoxué",
    "局省": "the administration (局) and the provinces (省): 局省合作",
    "专精特新": "专业化, 精细化, 特色化, 新颖化 (specialised, refined, distinctive, innovative)",
}
NUMERALS = "一二三四五六七八九十两百千万零"
# what a numeral stands apart from (rule 3): measure words, and the offices counted in 五局
COUNTED = "个位项件次条名批届局"
GENERIC = "局院部区站组年日周会所处署厅室馆"  # rule 4


class _Segmenter:
    """jieba's tokenizer over the part of its dictionary that can match the texts seen so far.

    jieba's own loader builds its prefix dictionary from the whole dictionary file (about 350,000
    words; over a second), and its POS tables for the tags.  Segmenting a text only ever looks up
    substrings of that text, so the tokenizer here holds the dictionary's entries made only of the
    characters of the texts seen so far (with their prefixes and tags) and the dictionary's full
    total: jieba's DAG and route are then the same as with the whole dictionary.  A text with a
    new character widens the selection."""

    def __init__(self) -> None:
        self.chars: frozenset[str] = frozenset()
        self.tokenizer = None
        self.tags: dict[str, str] = {}

    def cover(self, text: str) -> None:
        chars = self.chars | {ch for ch in text if not ch.isspace()}
        if self.tokenizer is None or chars != self.chars:
            self._select(chars)

    def _select(self, chars: frozenset[str]) -> None:
        import logging
        import re

        jieba = import_jieba()
        jieba.setLogLevel(logging.ERROR)
        lines, total = _dictionary()
        pattern = re.compile("^([" + "".join(sorted(re.escape(c) for c in chars)) + "]+) (\\d+) ([a-z]+)$", re.M)
        freq: dict[str, int] = {}
        tags: dict[str, str] = {}
        for word, count, tag in pattern.findall(lines):
            freq[word] = int(count)
            tags[word] = tag
            for end in range(1, len(word)):
                freq.setdefault(word[:end], 0)
        tokenizer = jieba.Tokenizer()
        tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
        for w in (*WORDS, *COORDINATE):
            tokenizer.add_word(w, freq=1000)
        self.chars, self.tokenizer, self.tags = chars, tokenizer, tags


@lru_cache(maxsize=1)
def _dictionary() -> tuple[str, int]:
    """jieba's dictionary file as text, and the total of its frequencies."""
    import re

    with import_jieba().get_dict_file() as f:
        text = f.read().decode("utf-8")
    return text, sum(map(int, re.findall(r" (\d+) ", text)))


_SEGMENTER = _Segmenter()


def _tile(word: str) -> list[str]:
    """Split a long dictionary entry into the dictionary words that tile it; else keep it whole."""
    freq = _SEGMENTER.tokenizer.FREQ
    out, i = [], 0
    while i < len(word):
        for j in range(len(word), i + 1, -1):
            piece = word[i:j]
            if piece != word and freq.get(piece):
                out.append(piece)
                i = j
                break
        else:
            if i == len(word) - 1 and out and len(out[-1]) >= 4:
                out.append(word[i])  # a closing generic character: 知识产权 | 局
                i += 1
            else:
                return [word]
    return [q for p in out for q in (_tile(p) if len(p) >= 4 else [p])]


_VOWEL_START = str.maketrans("āáǎàōóǒòēéěè", "aaaaooooeeee")


def _join(sylls: list[str]) -> str:
    out = ""
    for k, s in enumerate(sylls):
        if k and s[:1].translate(_VOWEL_START) in ("a", "o", "e"):
            out += "'"
        out += s
    return out


def grouped(texts) -> dict[str, str]:
    """words() of each text, the dictionary selected once for all of them: text -> its pinyin."""
    texts = list(texts)
    _SEGMENTER.cover("".join(texts))
    return {text: words(text) for text in texts}


@cache
def words(text: str) -> str:
    """The pinyin of `text` grouped into words (GB/T 16159): 知识产权保护 -> 'zhīshi chǎnquán bǎohù'."""
    sylls = syllables(text)
    _SEGMENTER.cover(text)
    # (kind, pinyin, characters): kind "w" a word's pinyin, "p" punctuation as written
    pieces: list[tuple[str, str, str]] = []
    pos = 0
    tags = _SEGMENTER.tags

    def word(chars: str, seg: list[str]) -> None:
        if chars in COORDINATE:  # rule 5
            pieces.append(("w", "-".join(seg), chars))
        elif (
            len(chars) == 1
            and chars in GENERIC
            and pieces
            and pieces[-1][0] == "w"
            and len(pieces[-1][2]) == 2
            and "-" not in pieces[-1][1]
        ):  # rule 4
            _, before, before_chars = pieces.pop()
            pieces.append(("w", _join([before, seg[0]]), before_chars + chars))
        else:
            pieces.append(("w", _join(seg), chars))

    for token in _SEGMENTER.tokenizer.cut(text, HMM=False):
        tag = tags.get(token, "x")
        n = len(token)
        seg = sylls[pos : pos + n]
        pos += n
        if not all(seg):
            if not token.isspace():
                pieces.append(("p", token, token))
            continue
        parts = _tile(token) if n >= 4 and token not in COORDINATE else [token]
        if len(parts) == 1 and n == 4 and tag in ("i", "l") and token not in COORDINATE:
            pieces.append(("w", _join(seg[:2]) + "-" + _join(seg[2:]), token))
        elif tag == "nrfg" and 2 <= n <= 3:  # a full personal name (jieba tags it nrfg)
            pieces += [("w", seg[0], token[0]), ("w", _join(seg[1:]), token[1:])]
        elif n >= 2 and all(c in NUMERALS for c in token[:-1]) and token[-1] in COUNTED:
            # a numeral apart from its measure word or the noun it counts (rule 3)
            pieces += [("w", _join(seg[:-1]), token[:-1]), ("w", seg[-1], token[-1])]
        else:
            k = 0
            for part in parts:
                word(part, seg[k : k + len(part)])
                k += len(part)
    out = ""
    for kind, piece, _chars in pieces:
        if kind == "p":
            piece = piece.replace("、", ",").replace("，", ",")
            opening = piece in ("“", "‘", "《", "(", "（")
            out += (" " if opening and out else "") + piece
        else:
            out += ("" if not out or out.endswith(("“", "‘", "《", "(", "（")) else " ") + piece
    return out.strip()
