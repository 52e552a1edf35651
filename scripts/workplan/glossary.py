"""The glossary: glossary/terms.yml, checked against glossary/schema.json, as typed terms."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml

from .model import Problem

# libyaml's C parser when PyYAML has it (5x faster than the pure-Python one); same results.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CATEGORIES = ("agreement", "organisation", "programme", "law-or-regulation", "ip-concept", "policy-term")


@dataclass(frozen=True)
class Term:
    id: str
    category: str
    names: dict[str, str]  # language -> name; zh-Hant only when given explicitly
    abbr: str
    aliases: dict[str, tuple[str, ...]]
    definition: dict[str, str]
    url: str
    line: int
    sources: tuple[str, ...] = ()  # where the definition's facts can be checked (URL or document name and number)
    anchors: tuple[str, ...] = ()  # ids of entries folded into this one, kept as anchors (published URLs stay)

    def forms(self, lang: str) -> list[str]:
        """Every surface form that links to this term in text of that language."""
        forms = [self.names.get(lang, ""), *list(self.aliases.get(lang, ()))]
        if self.abbr:
            forms.append(self.abbr)
        return [f for f in forms if f]


def _entry_lines(text: str) -> list[int]:
    """1-based line of each entry of `terms:` (for error messages)."""
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError:
        return []
    for key, value in getattr(root, "value", []):
        if getattr(key, "value", None) == "terms" and isinstance(value, yaml.SequenceNode):
            return [node.start_mark.line + 1 for node in value.value]
    return []


def load(text: str, path: str, schema: dict) -> list[Term]:
    """Parse and validate; a Problem names the entry, the field and the line."""
    try:
        data = yaml.load(text, Loader=Loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise Problem(path, mark.line + 1 if mark else 1, f"not valid YAML: {getattr(err, 'problem', err)}") from None
    lines = _entry_lines(text)
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        where = list(err.absolute_path)
        line, entry = 1, ""
        if len(where) >= 2 and where[0] == "terms" and isinstance(where[1], int):
            index = where[1]
            line = lines[index] if index < len(lines) else 1
            term_id = data["terms"][index].get("id", "?") if isinstance(data["terms"][index], dict) else "?"
            entry = f"entry {index + 1} (id {term_id!r})"
            field = ".".join(str(p) for p in where[2:]) or "the entry"
        else:
            field = ".".join(str(p) for p in where) or "the file"
        if len(where) == 4 and where[2] == "sources":
            raise Problem(
                path,
                line,
                f"{entry}, field {field}: {err.instance!r} is not a specific source",
                "cite the law's article, the measure's number and date, or the page that states the fact; "
                "a home page supports only an organisation's name, as {own-site: URL, supports: name}",
            )
        raise Problem(
            path,
            line,
            f"{entry + ', ' if entry else ''}field {field}: {err.message}",
            "see glossary/schema.json for the fields",
        )
    terms = []
    for index, raw in enumerate(data["terms"]):
        aliases = raw.get("aliases", {})
        names = {"zh-Hans": raw["zh-Hans"], "en": raw["en"]}
        if "zh-Hant" in raw:
            names["zh-Hant"] = raw["zh-Hant"]
        terms.append(
            Term(
                id=raw["id"],
                category=raw["category"],
                names=names,
                abbr=raw.get("abbr", ""),
                aliases={lang: tuple(v) for lang, v in aliases.items()},
                definition=dict(raw["definition"]),
                url=raw.get("url", ""),
                line=lines[index] if index < len(lines) else 1,
                sources=tuple(_source_text(s) for s in raw["sources"]),
                anchors=tuple(raw.get("anchors", ())),
            )
        )
    _check_own_sites(data["terms"], lines, path)
    _check_unique(terms, path)
    return terms


def _source_text(source: str | dict) -> str:
    """A source as the data files show it: an own-site mark says what the site is cited for."""
    if isinstance(source, dict):
        return f"{source['own-site']} (the organization's own site, cited for its name only)"
    return source.strip()


def _check_own_sites(raw_terms: list[dict], lines: list[int], path: str) -> None:
    """A home page may stand only as the organisation's own site: the entry is an organisation and the site its url."""
    for index, raw in enumerate(raw_terms):
        for source in raw["sources"]:
            if not isinstance(source, dict):
                continue
            line = lines[index] if index < len(lines) else 1
            if raw["category"] != "organisation":
                raise Problem(
                    path,
                    line,
                    f"term {raw['id']!r}: own-site {source['own-site']!r} in a {raw['category']} entry",
                    "only an organisation's entry may cite its own site",
                )
            if source["own-site"] != raw.get("url"):
                raise Problem(
                    path,
                    line,
                    f"term {raw['id']!r}: own-site {source['own-site']!r} is not the entry's "
                    f"url {raw.get('url', '(none)')!r}",
                    "an own-site source is the organisation's site, given as its url",
                )


def _check_unique(terms: list[Term], path: str) -> None:
    ids: dict[str, Term] = {}
    forms: dict[tuple[str, str], Term] = {}
    for term in terms:
        if term.id in ids:
            raise Problem(
                path,
                term.line,
                f"duplicate id {term.id!r} (first at line {ids[term.id].line})",
                "ids are URL anchors: give each term its own",
            )
        ids[term.id] = term
    for term in terms:
        for anchor in term.anchors:
            other = ids.get(anchor)
            if other is not None:
                raise Problem(
                    path,
                    term.line,
                    f"term {term.id!r}: anchor {anchor!r} is the id of another term (line {other.line})",
                    "keep a folded id as an anchor only after removing its entry",
                )
            ids[anchor] = term
        for lang in ("zh-Hans", "zh-Hant", "en"):
            for form in term.forms(lang):
                other = forms.get((lang, form))
                if other is not None and other.id != term.id:
                    raise Problem(
                        path,
                        term.line,
                        f"term {term.id!r}: name {form!r} is already used by {other.id!r} (line {other.line})",
                        "a name or alias may belong to one term only",
                    )
                forms[(lang, form)] = term


def load_file(path: Path, schema_path: Path) -> list[Term]:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise Problem(str(path), 1, f"not UTF-8 ({err.reason})", "save the file as UTF-8") from None
    return load(text, str(path), schema)
