"""I/O at the edge: writing trees, running MkDocs, the atomic swap, the downloads cache."""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import shutil
from pathlib import Path


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    made: set[Path] = set()
    for rel, data in sorted(files.items()):
        path = root / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def read_tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def mkdocs_build(config_file: Path, site_dir: Path, dirty: bool = False, strict: bool = True) -> None:
    """One edition through MkDocs' public API (its config names our hooks: outputs/configs.py)."""
    from mkdocs.commands.build import build as mk_build
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=strict)
    mk_build(config, dirty=dirty)


# What a build reads from the environment besides its config: the date MkDocs stamps the
# gzipped sitemaps with.  A pool's processes keep the environment they started with, so each
# build is handed the caller's.
BUILD_ENV = ("SOURCE_DATE_EPOCH",)


def _mkdocs_build_with(env: dict[str, str | None], *job) -> None:
    for key, value in env.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    mkdocs_build(*job)


def jobs() -> int:
    """How many MkDocs builds may run at once: WORKPLAN_JOBS, else one per edition (three builds
    on two cores end sooner side by side than two, then one); 1 builds in this process."""
    return int(os.environ.get("WORKPLAN_JOBS") or 0)


def quiet_dirty_build_warning() -> None:
    """MkDocs warns on every dirty build that navigation may be inaccurate; the preview's
    incremental builds are dirty on purpose (a change of navigation builds the edition whole)."""
    import logging

    logging.getLogger("mkdocs.commands.build").addFilter(lambda record: "'dirty' build" not in record.getMessage())


def _start_worker() -> None:
    """A build process, started while the caller prepares docs/: the imports every build needs,
    and the log format of the command line (MkDocs' warnings are printed by the process that
    builds)."""
    import logging

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    quiet_dirty_build_warning()
    from .lite import import_jieba

    import_jieba()  # before Material's search plugin imports it
    import markdown  # noqa: F401
    import mkdocs.commands.build
    import mkdocs.config  # noqa: F401


class MkDocsPool:
    """The editions' MkDocs builds, side by side in a pool of fresh processes (forkserver where the
    platform has it, else spawn: no fork of a process holding threads and caches).  The pool starts
    its processes on entry, so they import MkDocs while the caller prepares docs/, and can be kept
    for many builds (the live preview).  WORKPLAN_JOBS=1 builds in this process.

        with MkDocsPool(3) as pool:
            ...                          # prepare and write docs/
            pool.build_all(jobs)         # (config file, site dir[, dirty, strict]); the first error is raised
    """

    def __init__(self, size: int) -> None:
        wanted = jobs() or size
        self.size = max(1, min(size, wanted))
        self.executor: concurrent.futures.ProcessPoolExecutor | None = None

    def __enter__(self) -> MkDocsPool:
        if self.size > 1:
            method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
            self.executor = concurrent.futures.ProcessPoolExecutor(
                self.size, mp_context=multiprocessing.get_context(method), initializer=_start_worker
            )
            for _ in range(self.size):  # starts every process now, not at the first build
                self.executor.submit(int)
        return self

    def __exit__(self, *exc) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None

    def build_all(self, jobs: list[tuple]) -> None:
        if self.executor is None:
            for job in jobs:
                mkdocs_build(*job)
            return
        env = {key: os.environ.get(key) for key in BUILD_ENV}
        futures = [self.executor.submit(_mkdocs_build_with, env, *job) for job in jobs]
        try:
            for future in concurrent.futures.as_completed(futures):
                future.result()
        finally:
            for future in futures:
                future.cancel()
            concurrent.futures.wait(futures)


def cache_get(cache: Path) -> dict[str, bytes] | None:
    return read_tree(cache) if cache.is_dir() else None


def cache_put(cache: Path, files: dict[str, bytes]) -> None:
    """Store a download's files under `cache`, atomically (a half-written entry is never read)."""
    tmp = cache.with_name(cache.name + ".tmp")
    remove(tmp)
    write_tree(tmp, files)
    remove(cache)
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp.rename(cache)


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def swap(new: Path, old: Path) -> None:
    """Replace `old` (a folder or file) by `new` with renames only."""
    trash = old.with_name(old.name + ".old")
    remove(trash)
    if old.exists():
        old.rename(trash)
    new.rename(old)
    remove(trash)


def swap_children(new: Path, target: Path) -> None:
    """Swap every entry of `new` into `target` (kept: entries of target that new lacks)."""
    target.mkdir(exist_ok=True)
    for name in sorted(os.listdir(new)):
        swap(new / name, target / name)
    shutil.rmtree(new)
