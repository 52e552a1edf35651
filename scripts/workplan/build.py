"""The one entry point: source plan -> docs/ (Markdown) -> site/ (HTML), every edition.

    python -m workplan [--source PLAN.txt] [--docs-only]

Everything is built into docs.new/ and site.new/ first; only when every stage and every
MkDocs build has succeeded are they swapped in, so a failed build leaves the previous
docs/ and site/ as they were.  Output is deterministic: the same inputs give the same bytes.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import logging
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.exceptions import Abort

from . import annotate as ann
from . import glossary as gl
from . import translation as tr
from .editions import EDITIONS, Edition
from .model import Plan, Problem
from .parse import parse_bytes
from .render import Doc, Glossed, Renderer, html_text
from .typography import zh_punct
from .csp import POLICY
from . import offline

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = ROOT / "source" / "cnipa-2022-work-plan.zh-Hans.txt"
GLOSSARY = ROOT / "glossary" / "terms.yml"
SCHEMA = ROOT / "glossary" / "schema.json"

log = logging.getLogger("workplan")


def site_url() -> str:
    """The one place the public base URL comes from: SITE_URL (set by the Pages workflow), or "".

    Unset (the default for local builds), the site names no public address: no canonical URL,
    no Open Graph URL, no hreflang sitemap entries, and so no absolute URL to the build machine.
    Set, it appears only in text that names the site, never in anything a browser fetches."""
    url = os.environ.get("SITE_URL", "").strip()
    if not url:
        return ""
    return url if url.endswith("/") else url + "/"


def site_path() -> str:
    """The path part of SITE_URL ("/" when unset): where root 404 pages find the editions."""
    from urllib.parse import urlsplit

    return urlsplit(site_url()).path or "/"


def translation_path(source: Path) -> Path:
    """source/x.zh-Hans.txt -> source/x.en.yml (x.txt -> x.en.yml)."""
    stem = source.name.removesuffix(".txt").removesuffix(".zh-Hans")
    return source.with_name(stem + ".en.yml")


# -- the model for every edition ----------------------------------------------------------
@dataclass(frozen=True)
class Content:
    plan: Plan
    docs: dict[str, Doc]  # edition code -> its text
    glossary: list[gl.Term]
    glossed: dict[str, list[Glossed]]
    warnings: list[str]


def uses_of(doc: Doc) -> dict[str, list[str]]:
    uses: dict[str, list[str]] = {}
    for spans in doc.preamble:
        for span in spans:
            if span.term and "preamble" not in uses.setdefault(span.term, []):
                uses[span.term].append("preamble")
    for item_id, spans in doc.items.items():
        for span in spans:
            if span.term:
                uses.setdefault(span.term, []).append(item_id)
    return uses


def prepare(plan: Plan, terms: list[gl.Term], translation: tr.Translation | None) -> Content:
    """Pure: the plan, glossary and translation -> every edition's annotated text."""
    from .convert import make_converter  # OpenCC is loaded only when a build needs it

    warnings: list[str] = []
    zh_matcher = ann.Matcher({f: t.id for t in terms for f in t.forms("zh-Hans")}, whole_words=True)
    en_matcher = ann.Matcher({f: t.id for t in terms for f in t.forms("en")}, whole_words=True)
    hant = make_converter({t.names["zh-Hans"]: t.names["zh-Hant"] for t in terms if "zh-Hant" in t.names})

    hans = Doc(
        lang="zh-Hans",
        title=plan.title,
        citation=plan.title,
        preamble=tuple(ann.annotate(p, zh_matcher) for p in plan.preamble),
        headings={s.number: s.heading for s in plan.sections},
        items={i.id: ann.annotate(i.text, zh_matcher) for i in plan.items()},
        source_line=plan.source_line,
    )
    hant_title = hant(plan.title)
    hant_doc = Doc(
        lang="zh-Hant",
        title=hant_title,
        citation=hant_title,
        preamble=tuple(ann.map_spans(p, hant) for p in hans.preamble),
        headings={n: hant(h) for n, h in hans.headings.items()},
        items={k: ann.map_spans(v, hant) for k, v in hans.items.items()},
        source_line=hant(plan.source_line) if plan.source_line else None,
    )
    t = translation or tr.Translation()
    missing = t.missing(plan)
    if missing:
        warnings.append(f"English: {len(missing)} of {len(plan.items()) + len(plan.sections)} headings and items "
                        f"have no translation; they are shown in Chinese, marked as not yet translated")
    english = Doc(
        lang="en",
        title=t.title or plan.title,
        citation=t.citation or t.title or plan.title,
        preamble=tuple(ann.annotate(p, en_matcher) for p in t.preamble) if t.preamble else hans.preamble,
        headings={s.number: t.headings.get(s.number, s.heading) for s in plan.sections},
        items={i.id: ann.annotate(t.items[i.id], en_matcher) if i.id in t.items else hans.items[i.id]
               for i in plan.items()},
        source_line=t.source_line or plan.source_line,
        overview=t.overview,
        summaries=dict(t.summaries),
        untranslated=frozenset(i.id for i in plan.items() if i.id not in t.items),
    )
    docs = {"zh-Hans": hans, "zh-Hant": hant_doc, "en": english}

    glossed: dict[str, list[Glossed]] = {}
    zh_uses = uses_of(hans)
    for code, doc in docs.items():
        uses = uses_of(doc) if code == "en" else zh_uses
        entries = []
        for term in terms:
            zh_name = term.names["zh-Hans"] if code != "zh-Hant" else term.names.get("zh-Hant") or hant(term.names["zh-Hans"])
            zh_def = term.definition["zh-Hans"] if code != "zh-Hant" else term.definition.get("zh-Hant") or hant(term.definition["zh-Hans"])
            if code == "en":
                entries.append(Glossed(term, term.names["en"], (zh_name,), term.definition["en"], zh_def,
                                       tuple(uses.get(term.id, ()))))
            else:
                entries.append(Glossed(term, zh_name, (term.names["en"],), zh_def, term.definition["en"],
                                       tuple(uses.get(term.id, ()))))
        glossed[code] = entries
    unused = [t.id for t in terms if t.id not in zh_uses]
    if unused:
        warnings.append(f"glossary: {len(unused)} term(s) found nowhere in the plan: {', '.join(unused)}")
    return Content(plan, docs, terms, glossed, warnings)


# -- data downloads -----------------------------------------------------------------------
def plan_json(content: Content) -> str:
    plan = content.plan
    editions = {}
    for code, doc in content.docs.items():
        editions[code] = {
            "title": doc.title,
            "preamble": [ann.plain(p) for p in doc.preamble],
            "sections": [
                {
                    "number": s.number,
                    "numeral": s.numeral,
                    "heading": doc.headings[s.number],
                    **({"summary": doc.summaries[s.number]} if doc.summaries and s.number in doc.summaries else {}),
                    "items": [
                        {"id": i.id, "anchor": i.anchor, "text": ann.plain(doc.items[i.id]),
                         **({"untranslated": True} if i.id in doc.untranslated else {})}
                        for i in s.items
                    ],
                }
                for s in plan.sections
            ],
            "source_line": doc.source_line,
        }
        if doc.overview:
            editions[code]["overview"] = doc.overview
    data = {
        "about": f"{content.docs['zh-Hans'].title} ({content.docs['en'].title}), reader's edition: the plan as data. "
                 "zh-Hans is the original, character-exact; zh-Hant is an OpenCC conversion, proofread; "
                 "en is an unofficial translation.",
        "editions": editions,
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def glossary_rows(content: Content) -> list[dict]:
    rows = []
    hant = {g.term.id: g for g in content.glossed.get("zh-Hant", [])}
    hans = {g.term.id: g for g in content.glossed.get("zh-Hans", [])}
    for term in content.glossary:
        rows.append({
            "id": term.id,
            "category": term.category,
            "zh-Hans": term.names["zh-Hans"],
            "zh-Hant": hant[term.id].name if term.id in hant else "",
            "en": term.names["en"],
            "abbr": term.abbr,
            "definition_en": term.definition["en"],
            "definition_zh-Hans": term.definition["zh-Hans"],
            "definition_zh-Hant": hant[term.id].definition if term.id in hant else "",
            "url": term.url,
            "appears_in": " ".join(hans[term.id].uses) if term.id in hans else "",
        })
    return rows


def glossary_json(content: Content) -> str:
    return json.dumps({"terms": glossary_rows(content)}, ensure_ascii=False, indent=1) + "\n"


def glossary_csv(content: Content) -> str:
    rows = glossary_rows(content)
    buf = io.StringIO()
    if rows:
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return buf.getvalue()


# -- files ----------------------------------------------------------------------------------
def alternates() -> list[dict]:
    return [{"name": e.label, "link": f"../{e.code}/", "lang": e.code} for e in EDITIONS]


def edition_config(edition: Edition, renderer: Renderer, worker: bool = True) -> dict:
    config = {
        "INHERIT": "../mkdocs.yml",
        "site_name": html_text(renderer.ts(renderer.doc.title)),
        **({"site_url": site_url() + edition.code + "/"} if site_url() else {}),
        "docs_dir": edition.code,
        "site_dir": f"../site/{edition.code}",
        "theme": {"custom_dir": "../overrides", "language": edition.theme_language},
        "plugins": {"search": {"lang": edition.search_lang}},
        "extra": {"edition": edition.code, "alternate": alternates(), "site_root": site_url(), "csp": POLICY, "sw": worker,
                  "ui": {k: edition.ui[k] for k in ("copy", "copied", "alt_toggle", "alt_lang")}},
        "nav": renderer.nav(),
    }
    return config


def typesetter_for(edition: Edition):
    from .convert import hant_quotes

    if edition.code == "zh-Hans":
        return zh_punct
    if edition.code == "zh-Hant":
        return lambda text: hant_quotes(zh_punct(text))
    return lambda text: text


def render_docs(content: Content, editions: tuple[Edition, ...], worker: bool = True) -> dict[str, str]:
    """Pure: every file of docs/, path -> text."""
    files: dict[str, str] = {}
    data = {"plan.json": plan_json(content)}
    if content.glossary:
        data["glossary.json"] = glossary_json(content)
        data["glossary.csv"] = glossary_csv(content)
    english = content.docs["en"]
    for edition in editions:
        ts = typesetter_for(edition)
        if edition.chinese:
            alt, alt_ts = english, (lambda text: text)
        else:
            alt, alt_ts = content.docs["zh-Hans"], zh_punct
        renderer = Renderer(edition, content.plan, content.docs[edition.code], alt, english,
                            content.glossed[edition.code] if content.glossary else [], ts, alt_ts)
        for path, text in renderer.pages().items():
            files[f"{edition.code}/{path}"] = text
        for path, text in data.items():
            files[f"{edition.code}/{path}"] = text
        files[f"{edition.code}/search/workplan-index.json"] = renderer.search_index()
        files[f"{edition.code}/manifest.webmanifest"] = offline.web_manifest(html_text(renderer.ts(renderer.doc.title)), edition)
        config = edition_config(edition, renderer, worker)
        files[f"{edition.code}.yml"] = "# Generated by scripts/workplan/build.py: edit mkdocs.yml or the pipeline, not this file.\n" + \
            yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)
    return files


ROOT_CSS = "body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.8}\n"


def root_files(content: Content, editions: tuple[Edition, ...]) -> dict[str, str]:
    """The site root: index.html (to the first edition) and 404.html (every edition), titles from the plan."""
    first = editions[0].code
    title = html_text(content.docs[first].title)
    names = " / ".join(html_text(content.docs[e.code].title) for e in editions if content.docs[e.code].title != content.docs[first].title)
    csp = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
    canonical = f'\n<link rel="canonical" href="{site_url()}{first}/">' if site_url() else ""
    links = "".join(f'<li><a href="{e.code}/" hreflang="{e.code}" lang="{e.code}">{e.label}</a></li>' for e in editions)
    index = f"""<!doctype html>
<html lang="{first}">
<head>
<meta charset="utf-8">
{csp}
<title>{title}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="description" content="{title}{' (' + names + ')' if names else ''}: {', '.join(e.label for e in editions)}.">{canonical}
<meta http-equiv="refresh" content="0; url={first}/">
<link rel="stylesheet" href="root.css">
</head>
<body>
<main><p><a href="{first}/">{first}/</a></p><ul>{links}</ul></main>
</body>
</html>
"""
    # served for a missing URL at any depth: links rooted at the site's path (from SITE_URL, "/" unset)
    root = site_path()
    items = "".join(f'<li lang="{e.code}">{e.ui["not_found"]} <a href="{root}{e.code}/" hreflang="{e.code}">'
                    f'{html_text(content.docs[e.code].title)}</a> ({e.label})</li>' for e in editions)
    missing = f"""<!doctype html>
<html lang="{first}">
<head>
<meta charset="utf-8">
{csp}
<title>404 · {title}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<link rel="stylesheet" href="{root}root.css">
</head>
<body>
<main><h1>404</h1><ul>{items}</ul></main>
</body>
</html>
"""
    return {"index.html": index, "404.html": missing, "root.css": ROOT_CSS, ".nojekyll": ""}


def write_tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in sorted(files.items()):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


def mkdocs_build(config_file: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build as mk_build
    from mkdocs.config import load_config

    try:  # Material's Chinese search segments with jieba; keep its model-loading chatter quiet
        import jieba

        jieba.setLogLevel(logging.WARNING)
    except ImportError:
        pass

    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
    mk_build(config)


def swap(new: Path, old: Path) -> None:
    """Replace `old` (a folder or file) by `new` with renames only."""
    trash = old.with_name(old.name + ".old")
    if trash.exists():
        shutil.rmtree(trash) if trash.is_dir() else trash.unlink()
    if old.exists():
        old.rename(trash)
    new.rename(old)
    if trash.exists():
        shutil.rmtree(trash) if trash.is_dir() else trash.unlink()


def load_inputs(source: Path) -> tuple[Plan, list[gl.Term], tr.Translation | None]:
    try:
        data = source.read_bytes()
    except OSError as err:
        raise Problem(str(source), 1, f"cannot read the plan: {err.strerror}", "pass an existing file as SOURCE=") from None
    plan = parse_bytes(data, str(source))
    terms = gl.load_file(GLOSSARY, SCHEMA) if GLOSSARY.exists() else []
    tpath = translation_path(source)
    translation = None
    if tpath.exists():
        translation = tr.load(tpath.read_bytes().decode("utf-8-sig"), str(tpath), plan)
    return plan, terms, translation


def build(source: Path, root: Path = ROOT, editions: tuple[Edition, ...] = EDITIONS, docs_only: bool = False,
          worker: bool = True) -> list[str]:
    """Build docs/ and site/ under `root`; returns the warnings.  Raises Problem on bad input.
    worker=False (`make serve`): the pages register no service worker."""
    plan, terms, translation = load_inputs(source)
    content = prepare(plan, terms, translation)
    files = render_docs(content, editions, worker)
    docs_new, site_new = root / "docs.new", root / "site.new"
    for path in (docs_new, site_new):
        if path.exists():
            shutil.rmtree(path)
    try:
        write_tree(docs_new, files)
        if not docs_only:
            for edition in editions:
                mkdocs_build(docs_new / f"{edition.code}.yml", site_new / edition.code)
                if worker:
                    write_tree(site_new, {f"{edition.code}/sw.js": offline.service_worker(site_new / edition.code)})
            write_tree(site_new, root_files(content, editions))
        docs = root / "docs"
        docs.mkdir(exist_ok=True)
        for name in sorted(os.listdir(docs_new)):
            swap(docs_new / name, docs / name)
        shutil.rmtree(docs_new)
        if not docs_only:
            swap(site_new, root / "site")
    finally:
        for path in (docs_new, site_new):
            if path.exists():
                shutil.rmtree(path)
    return content.warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="workplan", description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="the plan as UTF-8 text")
    parser.add_argument("--docs-only", action="store_true", help="write docs/ but do not run MkDocs")
    parser.add_argument("--preview", action="store_true",
                        help="for `make serve`: the pages register no service worker, so every reload shows the build")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="the folder with mkdocs.yml and overrides/ where docs/ and site/ are written")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    started = time.perf_counter()
    try:
        warnings = build(args.source.resolve(), root=args.root.resolve(), docs_only=args.docs_only,
                         worker=not args.preview)
    except Problem as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    except Abort as abort:  # MkDocs in strict mode: a broken link or anchor, already logged
        print(f"error: MkDocs build failed ({abort}); docs/ and site/ were left as they were", file=sys.stderr)
        return 3
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"built {', '.join(e.code for e in EDITIONS)} in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    return 0
