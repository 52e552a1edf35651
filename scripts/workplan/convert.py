"""convert: Simplified Chinese -> Traditional Chinese, Taiwan standard characters.

The standard is OpenCC ``s2tw`` (Taiwan character forms, no Taiwan phrase
localisation), corrected by the project phrase dictionary through OpenCC's own
dictionary chain.  Both live in ``workplan/opencc/`` (see its README.md):

    s2tw-project.json     the one config: s2tw.json + the project dictionary first
    project-phrases.txt   the corrections, each with a comment saying why

OpenCC cannot read either as they are (the config names dictionaries by bare
file name, the phrase file has comments), so `make_converter` writes a
resolved config (absolute ``.ocd2`` paths) and a comment-free dictionary into
a cache directory, atomically, and loads OpenCC from that config file.

Cache: ``$WORKPLAN_OPENCC_CACHE`` if set (kept), otherwise a private temporary
directory made once per process and removed at exit.  Inside it, one
subdirectory per distinct input, named by a hash of everything that goes into
it, so the generated files are deterministic and never shared between inputs.

Quotation marks are not converted here: `hant_quotes` is applied at render time.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import opencc

from .typography import PUNCT_HANT, hant_quotes  # noqa: F401  (applied at render time)

OPENCC_DIR = Path(__file__).resolve().parent / "opencc"
CONFIG_TEMPLATE = OPENCC_DIR / "s2tw-project.json"
PHRASES_FILE = OPENCC_DIR / "project-phrases.txt"
PROJECT_DICT = "project-phrases.txt"  # the file name the template gives the project dictionary
OPENCC_DATA = Path(opencc.__file__).resolve().parent / "clib" / "share" / "opencc"
CACHE_ENV = "WORKPLAN_OPENCC_CACHE"
LANG = "zh-Hant"

_EXAMPLE_RE = re.compile(r"#\s*e\.g\.\s*(\S+)\s*=>\s*(\S+)\s*$")


@dataclass(frozen=True)
class Phrase:
    """One entry of the project phrase dictionary."""

    simplified: str
    traditional: str
    line: int
    why: str  # the comment block above the entry, without the `e.g.` lines
    examples: tuple[tuple[str, str], ...]  # (simplified context, expected traditional)


def _check_pair(key: str, value: str, where: str) -> None:
    if not key or not value:
        raise ValueError(f"{where}: empty phrase")
    if any(ch.isspace() for ch in key + value):
        raise ValueError(f"{where}: whitespace in {key!r} -> {value!r} (OpenCC separates values by spaces)")
    if key.startswith("#"):
        raise ValueError(f"{where}: {key!r} starts with # (OpenCC reads it as a comment)")


def read_phrases(path: Path = PHRASES_FILE) -> list[Phrase]:
    """Parse the commented phrase file; every entry must have a why-comment."""
    phrases: list[Phrase] = []
    seen: dict[str, int] = {}
    comment: list[str] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.rstrip()
        if not line:
            comment = []
        elif line.startswith("#"):
            comment.append(line)
        else:
            if line.count("\t") != 1:
                raise ValueError(f"{path}:{n}: expected `simplified<TAB>traditional`, got {line!r}")
            key, value = line.split("\t")
            _check_pair(key, value, f"{path}:{n}")
            if key in seen:
                raise ValueError(f"{path}:{n}: {key!r} already at line {seen[key]}")
            examples = tuple(m.groups() for c in comment if (m := _EXAMPLE_RE.match(c)))
            why = " ".join(c.lstrip("#").strip() for c in comment if not _EXAMPLE_RE.match(c)).strip()
            if not why:
                raise ValueError(f"{path}:{n}: {key!r} has no comment saying why, directly above it")
            seen[key] = n
            phrases.append(Phrase(key, value, n, why, examples))
            comment = []
    return phrases


def _atomic_write(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_cache_root: Path | None = None


def cache_root() -> Path:
    global _cache_root
    if _cache_root is None:
        if os.environ.get(CACHE_ENV):
            root = Path(os.environ[CACHE_ENV]).resolve()
            root.mkdir(parents=True, exist_ok=True)
        else:
            root = Path(tempfile.mkdtemp(prefix="workplan-opencc-"))
            atexit.register(shutil.rmtree, root, True)
        _cache_root = root
    return _cache_root


def _resolve(node: object, dict_path: Path) -> None:
    """Replace every dictionary file name of the config by an absolute path."""
    if isinstance(node, list):
        for child in node:
            _resolve(child, dict_path)
    elif isinstance(node, dict):
        if "file" in node:
            name = node["file"]
            if node.get("type") == "text" and name == PROJECT_DICT:
                node["file"] = str(dict_path)
            elif node.get("type") == "ocd2" and (OPENCC_DATA / name).is_file():
                node["file"] = str(OPENCC_DATA / name)
            else:
                raise FileNotFoundError(f"{CONFIG_TEMPLATE}: dictionary {name!r} not found in {OPENCC_DATA}")
        for child in node.values():
            _resolve(child, dict_path)


def config_template(name: str = "s2tw") -> Path:
    """The config an edition names: the project's template (opencc/{name}-project.json, with the
    project dictionary in front) if there is one, otherwise OpenCC's own {name}.json."""
    project = OPENCC_DIR / f"{name}-project.json"
    if project.exists():
        return project
    stock = OPENCC_DATA / f"{name}.json"
    if not stock.exists():
        raise ValueError(f"no OpenCC config {name!r}: neither {project} nor {stock} exists")
    return stock


def build_config(extra: Mapping[str, str] | None = None, template_path: Path = CONFIG_TEMPLATE) -> Path:
    """Write the resolved config and the comment-free dictionary; return the config path."""
    entries = {p.simplified: p.traditional for p in read_phrases()}
    for key, value in (extra or {}).items():
        _check_pair(key, value, "extra")
        entries[key] = value  # extra phrases come first: they override the file
    dict_text = "".join(f"{k}\t{v}\n" for k, v in sorted(entries.items()))
    template = template_path.read_text(encoding="utf-8")
    digest = hashlib.sha256(
        "\0".join([opencc.__version__, str(OPENCC_DATA), template, dict_text]).encode("utf-8")
    ).hexdigest()[:16]
    directory = cache_root() / digest
    directory.mkdir(exist_ok=True)
    dict_path = directory / PROJECT_DICT
    config = json.loads(template)
    _resolve(config, dict_path)
    config_path = directory / template_path.name
    _atomic_write(dict_path, dict_text)  # the dictionary first: a config never names a missing file
    _atomic_write(config_path, json.dumps(config, ensure_ascii=False, indent=2) + "\n")
    return config_path


_lock = threading.Lock()
_converters: dict[tuple, Callable[[str], str]] = {}


def make_converter(extra: dict[str, str] | None = None, config: str = "s2tw") -> Callable[[str], str]:
    """A function simplified -> traditional (Taiwan standard) with the project config.

    `extra`: more phrase pairs (e.g. glossary terms with an explicit zh-Hant form),
    added to the project dictionary with priority over its entries.  One OpenCC
    object is built and cached per distinct `extra`.
    """
    pairs = tuple(sorted((extra or {}).items()))
    key = (config, pairs)
    with _lock:
        converter = _converters.get(key)
        if converter is None:
            cc = opencc.OpenCC(str(build_config(dict(pairs), config_template(config))))

            def converter(text: str, _cc: opencc.OpenCC = cc) -> str:
                return _cc.convert(text)

            _converters[key] = converter
    return converter


def to_hant(text: str) -> str:
    return make_converter()(text)


def engine_version() -> str:
    """The OpenCC version that converts the traditional edition (named on its pages)."""
    return opencc.__version__
