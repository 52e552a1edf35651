"""Orchestration: inputs -> prepare -> outputs -> MkDocs -> swap.  See the package docstring.

Everything is built into docs.new/ and site.new/ first; only when every stage and every
MkDocs build has succeeded are they swapped in, so a failed build leaves the previous
docs/ and site/ as they were.  Output is deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import shutil
from pathlib import Path

from . import config, outputs, provenance
from . import glossary as gl
from . import translation as tr
from .editions import EDITIONS, Edition
from .model import Plan, Problem
from .parse import parse_bytes
from .prepare import Content, prepare
from .site import MkDocsPool, cache_get, cache_put, remove, swap, swap_children, write_tree

ROOT = config.ROOT
DEFAULT_SOURCE = config.DEFAULT_SOURCE


def load_inputs(
    source: Path, glossary: Path | None = None, memo: dict | None = None
) -> tuple[Plan, list[gl.Term], tr.Translation | None]:
    """The plan, the glossary (glossary/terms.yml unless named) and the translation beside the plan.

    `memo` (the live preview's): parsed inputs by their bytes, so an edit re-reads only its file."""
    memo = {} if memo is None else memo

    def once(kind: str, key: bytes, parse):
        if memo.get(kind, (None,))[0] != key:
            memo[kind] = (key, parse())
        return memo[kind][1]

    try:
        data = source.read_bytes()
    except OSError as err:
        raise Problem(
            str(source), 1, f"cannot read the plan: {err.strerror}", "pass an existing file as SOURCE="
        ) from None
    plan = once("plan", data, lambda: parse_bytes(data, str(source)))
    ppath = config.provenance_path(source)
    if ppath.exists():
        raw = ppath.read_bytes()
        record = once("provenance", raw + data, lambda: provenance.load(raw.decode("utf-8-sig"), str(ppath), data))
        plan = dataclasses.replace(plan, provenance=record)
    glossary = glossary or config.GLOSSARY
    terms = []
    if glossary.exists():
        key = glossary.read_bytes() + config.SCHEMA.read_bytes()
        terms = once("glossary", key, lambda: gl.load_file(glossary, config.SCHEMA))
    tpath = config.translation_path(source)
    translation = None
    if tpath.exists():
        raw = tpath.read_bytes()
        translation = once("translation", raw + data, lambda: tr.load(raw.decode("utf-8-sig"), str(tpath), plan))
    return plan, terms, translation


def render_all(modules, content: Content) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    for module in modules:
        files.update(module.render(content))
    return files


def render_docs(content: Content) -> dict[str, str | bytes]:
    """Pure: every file of docs/, path -> text."""
    return render_all(outputs.DOCS, content)


def downloads(content: Content, cache_root: Path, make: bool) -> dict[str, bytes]:
    """The downloads stage: each download module's files, from the cache when its inputs have not
    changed; with make=False (make pages) only what the cache already holds."""
    files: dict[str, bytes] = {}
    for module in outputs.DOWNLOADS:
        name = module.__name__.rsplit(".", 1)[-1]
        if not make and not any((cache_root / name).glob("*")):
            continue  # make pages with nothing cached: nothing to find, so no fingerprint to compute
        key = module.fingerprint(content) if hasattr(module, "fingerprint") else None
        cache = cache_root / name / key if key else None
        found = cache_get(cache) if cache else None
        if found is None and make:
            found = {k: v if isinstance(v, bytes) else v.encode("utf-8") for k, v in module.render(content).items()}
            if cache:
                cache_put(cache, found)
        files.update(found or {})
    return files


def build(
    source: Path,
    root: Path = ROOT,
    editions: tuple[Edition, ...] = EDITIONS,
    docs_only: bool = False,
    make_downloads: bool = True,
    glossary: Path | None = None,
    preview: bool = False,
    linked: dict[str, bytes] | None = None,
    pool: MkDocsPool | None = None,
) -> list[str]:
    """Build docs/ and site/ under `root`; returns the warnings.  Raises Problem on bad input.
    preview=True: pages as make serve's live preview has them (no service worker, no script policy).
    linked: a dict to receive the downloads the pages link (path -> bytes), as the downloads stage found them.
    pool: MkDocs build processes the caller keeps (the preview's); else a pool for this build."""
    with contextlib.ExitStack() as stack:
        # the build processes start (and import MkDocs) while this one prepares docs/
        workers = None if docs_only else pool or stack.enter_context(MkDocsPool(len(editions)))
        return _build(source, root, editions, docs_only, make_downloads, glossary, preview, workers, linked)


def _build(
    source: Path,
    root: Path,
    editions: tuple[Edition, ...],
    docs_only: bool,
    make_downloads: bool,
    glossary: Path | None,
    preview: bool,
    workers: MkDocsPool | None,
    linked: dict[str, bytes] | None = None,
) -> list[str]:
    plan, terms, translation = load_inputs(source, glossary)
    content = dataclasses.replace(prepare(plan, terms, translation, editions), preview=preview)
    extra = {} if docs_only else downloads(content, root / ".cache" / "downloads", make_downloads)
    if linked is not None:
        linked.update(extra)
    if extra:
        content = dataclasses.replace(content, downloads={path: len(data) for path, data in sorted(extra.items())})
    files = render_docs(content)
    docs_new, site_new = root / "docs.new", root / "site.new"
    for path in (docs_new, site_new):
        remove(path)
    try:
        write_tree(docs_new, files)
        if workers is not None:
            workers.build_all([(docs_new / f"{e.code}.yml", site_new / e.code) for e in editions])
            write_tree(site_new, render_all(outputs.SITE, content))
            write_tree(site_new, extra)
            for module in outputs.BUILT:
                write_tree(site_new, module.render(content, site_new))
        swap_children(docs_new, root / "docs")
        if not docs_only:
            swap(site_new, root / "site")
    finally:
        for path in (docs_new, site_new):
            if path.exists():
                shutil.rmtree(path)
    return content.warnings
