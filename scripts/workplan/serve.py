"""make serve: build, serve, watch, rebuild what an edit affects, reload open pages.

MkDocs' own LiveReloadServer serves site/ (injecting its reload script into HTML), watches the
inputs and calls Preview.rebuild on a change, through its public interface only; after each
call it reloads the open pages.  On a change the pipeline runs in this process, writes only the
docs/ files whose text changed, and runs MkDocs on the editions they belong to, side by side in
one pool of processes kept for the session: incrementally (MkDocs' dirty build, changed pages
only) when only page text changed, in full when an edition's config or navigation, the theme
overrides or mkdocs.yml changed.  An edit to scripts/ reloads the pipeline's modules and starts
a new pool.  A bad input prints the same one-line error as `make site` and leaves the last good
site served.  What follows an edit in the background (the whole-plan pages, the downloads)
touches a watched file of its own when done, so that the server reloads the pages once more.

    python -m workplan.serve [--source PLAN.txt] [--port 8000] [--host 127.0.0.1]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
import threading
import time
from pathlib import Path

PREVIEW_ENV = "WORKPLAN_PREVIEW"
WATCHED = ("source", "glossary", "overrides", "mkdocs.yml", "scripts")
# Touched when work done in the background is built, so that the server reloads the open pages
SIGNAL = Path(".cache") / "preview" / "built"
POLLING_INTERVAL = 0.1  # seconds between the server's looks at the watched files
log = logging.getLogger("workplan.serve")


def _snapshot(root: Path) -> dict[str, float]:
    stamps: dict[str, float] = {}
    for name in WATCHED:
        path = root / name
        paths = (
            [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        )
        for p in paths:
            with contextlib.suppress(FileNotFoundError):
                stamps[str(p)] = p.stat().st_mtime_ns
    return stamps


def _reload_pipeline() -> None:
    """Forget the pipeline's modules (not this one) so the next import reads the edited code."""
    for name in sorted(sys.modules):
        if (name == "workplan" or name.startswith("workplan.")) and name != __name__:
            del sys.modules[name]
    importlib.invalidate_caches()


def _write_if_changed(path: Path, data: str | bytes) -> bool:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if path.read_bytes() == raw:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(raw)
    os.replace(tmp, path)
    return True


class Preview:
    def __init__(self, source: Path, root: Path):
        self.source, self.root = source, root
        own = root / "glossary" / "terms.yml"  # the glossary of the folder being previewed
        self.glossary = own if own.exists() else None
        self.stamps = _snapshot(root)
        self.signal = root / SIGNAL
        self.pool = None  # the MkDocs build processes, kept for the session (site.MkDocsPool)
        self._downloads_lock = threading.Lock()
        self._build_lock = threading.RLock()  # one MkDocs run on site/ at a time
        self._memo: dict = {}  # parsed inputs by their bytes (build.load_inputs)
        self._later: dict[str, str | bytes] = {}  # the long pages, written after the first reload
        self._later_outputs: tuple = ()  # the docs/ outputs rendered after the first reload
        self._later_content = None  # what they are rendered from
        self._first_files: set[str] = set()  # what the first pass wrote
        self._generation = 0  # edits seen: a second pass is for one edit
        self._timer: threading.Timer | None = None  # the second pass, waiting
        # the downloads as last made: an edit's rebuild links these and never waits for new ones
        self._download_files: dict[str, bytes] | None = None

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._close_pool()

    def _builds(self):
        from workplan.editions import EDITIONS
        from workplan.site import MkDocsPool

        if self.pool is None:
            self.pool = MkDocsPool(len(EDITIONS)).__enter__()
        return self.pool

    def _close_pool(self) -> None:
        if self.pool is not None:
            self.pool.__exit__(None, None, None)
            self.pool = None

    def _built_in_background(self) -> None:
        """Touch the signal file: the server sees a change, calls rebuild (which finds nothing to
        do) and reloads the open pages."""
        self.signal.parent.mkdir(parents=True, exist_ok=True)
        self.signal.write_text(str(time.time_ns()), encoding="utf-8")

    # -- the first build: the same as `make pages` (atomic), then the downloads ------------------
    def first(self) -> bool:
        from workplan.model import Problem
        from workplan.pipeline import build

        self.signal.parent.mkdir(parents=True, exist_ok=True)
        try:
            linked: dict[str, bytes] = {}
            for warning in build(
                self.source,
                root=self.root,
                make_downloads=False,
                glossary=self.glossary,
                preview=True,
                linked=linked,
                pool=self._builds(),  # started now and kept for the edits' rebuilds
            ):
                print(f"warning: {warning}", file=sys.stderr)
            self._download_files = linked  # what the cache holds for these inputs: the first edit need not look
        except Problem as problem:
            print(f"error: {problem}", file=sys.stderr)
            return (self.root / "site").is_dir()
        self._start_downloads()
        return True

    # -- a rebuild after an edit --------------------------------------------------------------------
    def rebuild(self) -> None:
        started = time.perf_counter()
        self._generation += 1  # a second pass still waiting for an earlier edit is superseded
        if self._timer is not None:
            self._timer.cancel()
        stamps = _snapshot(self.root)
        changed = {p for p in stamps.keys() | self.stamps.keys() if stamps.get(p) != self.stamps.get(p)}
        self.stamps = stamps
        if not changed:
            return  # the signal file (work done in the background): the server reloads the pages
        if any(p.startswith(str(self.root / "scripts")) for p in changed):
            with self._build_lock:
                _reload_pipeline()
                self._close_pool()  # its processes hold the code as it was
        theme = any(p.startswith(str(self.root / "overrides")) or p == str(self.root / "mkdocs.yml") for p in changed)
        try:
            with self._build_lock:
                built = self._pages(full=theme)
        except Exception as err:
            from workplan.model import Problem

            if isinstance(err, Problem):
                print(f"error: {err}", file=sys.stderr)
            else:
                print(f"error: {type(err).__name__}: {err} (the last good pages are still served)", file=sys.stderr)
            return
        print(f"rebuilt {', '.join(built) or 'nothing'} in {time.perf_counter() - started:.2f} s", file=sys.stderr)
        if self._later or self._later_outputs:
            # after the open pages have reloaded: the pass holds this process's interpreter lock,
            # which the server's threads need to answer the reload
            self._timer = threading.Timer(self.LATER_DELAY, self._finish_later, args=(self._generation,))
            self._timer.daemon = True
            self._timer.start()
        self._start_downloads()

    # The whole-plan pages (full.md) take the longest to render and are seldom the page being
    # edited, and the other docs/ outputs (search index, data, reading aids, citations) are not
    # what the open page shows: the first pass renders and builds the pages and reloads; this
    # one follows with the rest and reloads again.
    LATER = ("/full.md",)
    FIRST = ("pages", "configs", "assets")  # the docs/ outputs of the first pass
    LATER_DELAY = 3.0  # seconds between the first pass and this one

    def _finish_later(self, generation: int | None = None) -> None:
        """The second pass; `generation`: the edit it follows (None: whatever is pending now).  An
        edit that comes first supersedes it: its own first pass renders everything again."""
        try:
            with self._build_lock:
                if generation is not None and generation != self._generation:
                    return
                later = self._later_outputs
                pending = dict(self._later)
                if later:
                    from workplan import pipeline as b

                    pending.update(b.render_all(later, self._later_content))
                if generation is not None and generation != self._generation:
                    return
                if later:
                    self._remove_stale(self._first_files | set(pending))
                self._later, self._later_outputs = {}, ()
                built = self._write_and_build(pending, full=False)
            if built:
                print(f"rebuilt the whole-plan pages of {', '.join(built)}", file=sys.stderr)
                self._built_in_background()
        except Exception as err:
            print(f"error: {type(err).__name__}: {err}", file=sys.stderr)

    def _pages(self, full: bool) -> list[str]:
        import dataclasses

        from workplan import outputs
        from workplan import pipeline as b
        from workplan.editions import EDITIONS
        from workplan.prepare import prepare

        plan, terms, translation = b.load_inputs(self.source, self.glossary, self._memo)  # a Problem: nothing changes
        content = prepare(plan, terms, translation, EDITIONS)
        if self._download_files is None:  # the first rebuild: what the cache holds for these inputs
            self._download_files = b.downloads(content, self.root / ".cache" / "downloads", make=False)
        cached = self._download_files
        content = dataclasses.replace(content, preview=True)  # no service worker, no script policy
        if cached:
            content = dataclasses.replace(content, downloads={p: len(d) for p, d in sorted(cached.items())})
        first = tuple(m for m in outputs.DOCS if full or m.__name__.rsplit(".", 1)[-1] in self.FIRST)
        files = b.render_all(first, content)
        if full:
            self._remove_stale(set(files))
        now = {rel: data for rel, data in files.items() if full or not rel.endswith(self.LATER)}
        self._later = {rel: data for rel, data in files.items() if rel not in now}
        self._later_outputs = tuple(m for m in outputs.DOCS if m not in first)
        self._later_content, self._first_files = content, set(files)
        built = self._write_and_build(now, full)
        site = self.root / "site"
        for rel, data in {**b.render_all(outputs.SITE, content), **cached}.items():
            _write_if_changed(site / rel, data)  # the downloads are megabytes: most edits leave them as they are
        return built

    def _remove_stale(self, rels: set[str]) -> None:
        """Delete the docs/ files that the pipeline no longer makes (a page of a removed section)."""
        docs = self.root / "docs"
        for path in docs.rglob("*"):
            rel = path.relative_to(docs).as_posix()
            if path.is_file() and rel not in rels and rel != "README.md":
                path.unlink()

    def _write_and_build(self, files: dict[str, str | bytes], full: bool) -> list[str]:
        from workplan.editions import EDITIONS

        docs, site = self.root / "docs", self.root / "site"
        new = {rel for rel in files if not (docs / rel).exists()}
        touched = {rel for rel, data in files.items() if _write_if_changed(docs / rel, data)}
        built, jobs = [], []
        for edition in EDITIONS:
            code = edition.code
            mine = {t for t in touched if t.startswith(code + "/") or t == f"{code}.yml"}
            if not (mine or full):
                continue
            whole = full or f"{code}.yml" in mine or bool(mine & new)
            jobs.append((docs / f"{code}.yml", site / code, not whole, whole))  # dirty, strict
            built.append(code + ("" if whole else " (changed pages)"))
        if jobs:
            self._builds().build_all(jobs)
        return built

    # -- the downloads, in the background -----------------------------------------------------------
    def _start_downloads(self) -> None:
        threading.Thread(target=self._downloads, daemon=True).start()

    def _downloads(self) -> None:
        if not self._downloads_lock.acquire(blocking=False):
            return
        try:
            import multiprocessing

            # In another process (spawned: a fresh interpreter with the current code), so that
            # the PDFs and the zip being made never hold this one's interpreter lock while the
            # reader's next edit is being rebuilt.
            with multiprocessing.get_context("spawn").Pool(1) as pool:
                after = pool.apply(make_downloads, (self.source, self.glossary, self.root))
            if after != self._download_files:
                with self._build_lock:
                    self._download_files = after
                    self._pages(full=False)  # the links and sizes of the new files
                    self._finish_later()
                self._built_in_background()
        except Exception as err:
            print(f"error: downloads: {type(err).__name__}: {err}", file=sys.stderr)
        finally:
            self._downloads_lock.release()


def make_downloads(source: Path, glossary: Path | None, root: Path) -> dict[str, bytes]:
    """The downloads of the inputs as they are now, made or taken from the cache (in a worker, at
    a lower priority than the preview's own rebuilds: the reader's next edit comes first)."""
    os.nice(10)
    from workplan import pipeline as b
    from workplan.editions import EDITIONS
    from workplan.prepare import prepare

    plan, terms, translation = b.load_inputs(source, glossary)
    return b.downloads(prepare(plan, terms, translation, EDITIONS), root / ".cache" / "downloads", make=True)


def serve(source: Path, root: Path, host: str, port: int) -> int:
    from mkdocs.livereload import LiveReloadServer

    os.environ[PREVIEW_ENV] = "1"
    preview = Preview(source, root)
    if not preview.first():
        preview.close()
        return 2
    server = LiveReloadServer(
        builder=preview.rebuild, host=host, port=port, root=str(root / "site"), polling_interval=POLLING_INTERVAL
    )
    for name in WATCHED:
        if (root / name).exists():
            server.watch(str(root / name))
    server.watch(str(preview.signal.parent))
    print(f"Serving http://{host}:{port}/ (Ctrl-C to stop); watching {', '.join(WATCHED)}", file=sys.stderr)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        preview.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    from workplan import config

    parser = argparse.ArgumentParser(prog="workplan.serve", description="Live preview of every edition.")
    parser.add_argument("--source", type=Path, default=config.DEFAULT_SOURCE)
    parser.add_argument("--root", type=Path, default=config.ROOT)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    logging.getLogger("mkdocs.livereload").setLevel(logging.INFO)
    from workplan.site import quiet_dirty_build_warning

    quiet_dirty_build_warning()  # for builds in this process (WORKPLAN_JOBS=1); the pool's do the same
    return serve(args.source.resolve(), args.root.resolve(), args.host, args.port)


if __name__ == "__main__":
    sys.exit(main())
