"""I/O at the edge: writing trees, running MkDocs, the atomic swap, the downloads cache."""
from __future__ import annotations

import functools
import json
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


# Compiled templates kept for the life of the process: MkDocs makes a new Jinja environment for
# every build, so without this each edition compiles Material's templates again.  Jinja checks each
# entry against its template's source checksum, so an edited template recompiles.
TEMPLATE_STORE: dict[str, bytes] = {}


@functools.lru_cache(maxsize=1)
def _template_cache():
    """The Jinja bytecode cache over TEMPLATE_STORE (made on first use: the process that only
    prepares docs/ never imports Jinja)."""
    import jinja2

    class MemoryBytecodeCache(jinja2.BytecodeCache):
        def load_bytecode(self, bucket) -> None:
            data = TEMPLATE_STORE.get(bucket.key)
            if data is not None:
                bucket.bytecode_from_string(data)

        def dump_bytecode(self, bucket) -> None:
            TEMPLATE_STORE[bucket.key] = bucket.bytecode_to_string()

        def clear(self) -> None:
            TEMPLATE_STORE.clear()

    return MemoryBytecodeCache()


# The theme's static files, found once per process: listing them walks every file of Material
# (its icon set alone is thousands of SVGs) and matches each against MkDocs' patterns, the
# costliest step of a build after Markdown itself.  Keyed by the theme's folders and templates.
THEME_FILES: dict[tuple, list[tuple[str, str]]] = {}


def forget_theme() -> None:
    """After an edit to overrides/ (the preview): list the theme's files and compile anew."""
    THEME_FILES.clear()
    TEMPLATE_STORE.clear()


def _share_theme_work() -> None:
    """Compile Material's templates once per process and list its static files once, not again
    for every edition: MkDocs makes a new Jinja environment and file list for every build."""
    from mkdocs.structure.files import File, Files
    from mkdocs.theme import Theme

    if getattr(Theme.get_env, "_workplan", False):
        return
    get_env_once = Theme.get_env
    add_files_once = Files.add_files_from_theme

    def get_env(self):
        env = get_env_once(self)
        env.bytecode_cache = _template_cache()
        return env

    def add_files_from_theme(self, env, config) -> None:
        key = (tuple(config.theme.dirs), tuple(sorted(config.theme.static_templates)))
        found = THEME_FILES.get(key)
        if found is None:
            scratch = Files([])
            add_files_once(scratch, env, config)
            found = THEME_FILES[key] = [(f.src_uri, f.src_dir) for f in scratch]
        for path, directory in found:
            if self.get_file_from_path(path) is None:  # theme files never override docs files
                self.append(File(path, directory, config.site_dir, config.use_directory_urls))

    get_env._workplan = True
    Theme.get_env = get_env
    Files.add_files_from_theme = add_files_from_theme
    _c_yaml_loader()


def _c_yaml_loader() -> None:
    """MkDocs reads every config (ours, the theme's) with PyYAML's pure-Python loader; libyaml's
    C loader (the same constructors and resolver, so the same result) reads them several times faster."""
    import yaml
    from mkdocs.utils import yaml as mkdocs_yaml

    if hasattr(yaml, "CLoader") and mkdocs_yaml.get_yaml_loader.__defaults__[0] is yaml.Loader:
        mkdocs_yaml.get_yaml_loader.__defaults__ = (yaml.CLoader, *mkdocs_yaml.get_yaml_loader.__defaults__[1:])


def mkdocs_build(config_file: Path, site_dir: Path, dirty: bool = False, strict: bool = True) -> None:
    from mkdocs.commands.build import build as mk_build
    from mkdocs.config import load_config

    _share_theme_work()
    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=strict)
    mk_build(config, dirty=dirty)


def _sendable(err: BaseException) -> BaseException:
    """An error as another process can receive it: itself if it pickles, else a RuntimeError naming
    it.  Checked here, because a multiprocessing Queue pickles later, in a thread that only prints."""
    import pickle

    try:
        pickle.loads(pickle.dumps(err))
        return err
    except Exception:  # noqa: BLE001 - whatever pickling raises
        return RuntimeError(f"{type(err).__name__}: {err}")


def _worker(build, jobs, queue, results) -> None:  # noqa: C901
    """A forked worker: takes job numbers until none is left; reports (number, error or None)."""
    while True:
        index = queue.get()
        if index is None:
            return
        try:
            build(*jobs[index])
            results.put((index, None))
        except BaseException as err:  # noqa: BLE001 - handed to the parent, which raises it
            results.put((index, _sendable(err)))
            return


def mkdocs_build_all(jobs: list[tuple], build=None, workers: int | None = None) -> None:
    """Run the MkDocs builds (config file, site dir), in parallel on the machine's cores where
    the platform can fork (each worker compiles the theme's templates once and reuses them for
    its next edition), one after another elsewhere.  The first error is raised."""
    build = build or mkdocs_build
    workers = min(len(jobs), workers or _jobs())
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for job in jobs:
            build(*job)
        return
    ctx = multiprocessing.get_context("fork")
    queue, results = ctx.Queue(), ctx.Queue()
    for index in range(len(jobs)):
        queue.put(index)
    for _ in range(workers):
        queue.put(None)
    procs = [ctx.Process(target=_worker, args=(build, jobs, queue, results), daemon=True) for _ in range(workers)]
    for proc in procs:
        proc.start()
    error: BaseException | None = None
    try:
        for _ in range(len(jobs)):
            index, err = results.get()
            if err is not None:
                error = err
                break
    finally:
        for proc in procs:
            if error is not None:
                proc.terminate()
            proc.join()
    if error is not None:
        raise error
    if any(proc.exitcode for proc in procs):
        raise RuntimeError("an MkDocs build process ended without a result")


def _jobs() -> int:
    """How many processes may build at once: WORKPLAN_JOBS, else the machine's cores."""
    return int(os.environ.get("WORKPLAN_JOBS") or os.cpu_count() or 1)


def _can_fork() -> bool:
    return _jobs() > 1 and "fork" in multiprocessing.get_all_start_methods()


def render_shared(modules, render) -> list[dict]:
    """[render(module) for module in modules], shared out between this process and one forked
    from it: each takes the next module not yet taken, so the two finish together whatever each
    module costs.  `render` must be pure (the results are the same whichever process makes them).
    Serial where the platform cannot fork or WORKPLAN_JOBS=1.  The first error is raised."""
    modules = list(modules)
    if len(modules) < 2 or not _can_fork():
        return [render(m) for m in modules]
    ctx = multiprocessing.get_context("fork")
    taken = ctx.Value("i", 0)
    receive, send = ctx.Pipe(duplex=False)

    def take():
        while True:
            with taken.get_lock():
                index = taken.value
                taken.value += 1
            if index >= len(modules):
                return
            yield index

    def child() -> None:
        try:
            send.send({index: render(modules[index]) for index in take()})
        except BaseException as err:  # noqa: BLE001 - handed to the parent, which raises it
            send.send(_sendable(err))

    proc = ctx.Process(target=child, daemon=True)
    proc.start()
    send.close()
    try:
        results = {index: render(modules[index]) for index in take()}
    except BaseException:
        proc.terminate()
        proc.join()
        raise
    try:
        theirs = receive.recv()
    except EOFError:
        theirs = RuntimeError("a rendering process ended without a result")
    except Exception as err:  # noqa: BLE001 - a result or error that pickles but does not unpickle
        theirs = RuntimeError(f"a rendering process's result could not be read: {type(err).__name__}: {err}")
    proc.join()
    if isinstance(theirs, BaseException):
        raise theirs
    results.update(theirs)
    return [results[index] for index in range(len(modules))]


class MkDocsWorkers:
    """The MkDocs builds, run by a process forked at the start of the build, which warms up while
    the caller prepares docs/: it imports MkDocs, Material and the Markdown extensions, compiles
    the templates and lists the theme's files by building a one-page site with the shared
    configuration.  Then each edition is built in a process forked from that warm one, on every
    core; each starts as a second build would, not a first.

        with MkDocsWorkers(root / "mkdocs.yml") as workers:
            ...                               # prepare and write docs/
            workers.build_all(jobs)           # (config file, site dir) pairs; the first error is raised
            # or workers.start(jobs), other work, then workers.wait()

    Where the platform cannot fork, or WORKPLAN_JOBS=1, the builds run in this process."""

    def __init__(self, shared_config: Path, build=None) -> None:
        self.shared_config, self.build = shared_config, build or mkdocs_build
        self.proc = None
        self.waiting = False  # builds handed to the warm process, not yet waited for

    def __enter__(self) -> "MkDocsWorkers":
        if _can_fork():
            ctx = multiprocessing.get_context("fork")
            self.inbox, self.outbox = ctx.Queue(), ctx.Queue()
            self.proc = ctx.Process(target=self._serve, daemon=False)
            self.proc.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.proc is not None:
            if self.proc.is_alive():
                self.inbox.put(None)
                self.proc.join(timeout=10)
            if self.proc.is_alive():
                self.proc.terminate()
                self.proc.join()
            self.proc = None

    def build_all(self, jobs: list[tuple]) -> None:
        self.start(jobs)
        self.wait()

    def start(self, jobs: list[tuple]) -> None:
        """Hand the builds to the warm process (where there is none, build them here, now)."""
        if self.proc is None:
            mkdocs_build_all(jobs, self.build)
            return
        self.inbox.put(jobs)
        self.waiting = True

    def wait(self) -> None:
        """Until the builds handed over are done; the first error is raised."""
        if not self.waiting:
            return
        self.waiting = False
        error = self.outbox.get()
        if error is not None:
            raise error

    def _serve(self) -> None:  # in the warm process
        try:
            self._warm()
        except Exception:  # noqa: BLE001 - warming is an optimisation: the builds report real errors
            pass
        while True:
            jobs = self.inbox.get()
            if jobs is None:
                return
            try:  # one process per edition: three builds on two cores end sooner side by side than two, then one
                mkdocs_build_all(jobs, self.build, workers=len(jobs))
                self.outbox.put(None)
            except BaseException as err:  # noqa: BLE001 - handed to the parent, which raises it
                self.outbox.put(_sendable(err))

    def _warm(self) -> None:
        """Import what a build imports, compile the theme's page templates and list its files,
        with the shared configuration (no page is rendered: the editions' settings are not known yet)."""
        import logging
        import tempfile

        import markdown
        import mkdocs.commands.build  # noqa: F401 - imported for what it imports

        from .lite import import_jieba

        import_jieba()  # before Material's search plugin imports it
        from mkdocs.config import load_config
        from mkdocs.structure.files import Files

        _share_theme_work()
        logging.disable(logging.CRITICAL)  # the warm-up's own messages are nobody's business
        try:
            with tempfile.TemporaryDirectory(prefix="workplan-warm-") as tmp:
                work = Path(tmp)
                (work / "docs").mkdir()
                shared = self.shared_config.absolute()  # not resolve(): the theme folder as the editions name it
                path = work / "mkdocs.yml"
                path.write_text(
                    f"INHERIT: {json.dumps(str(shared))}\ndocs_dir: {json.dumps(str(work / 'docs'))}\n"
                    f"site_dir: {json.dumps(str(work / 'site'))}\n"
                    f"theme: {{custom_dir: {json.dumps(str(shared.parent / 'overrides'))}}}\n", encoding="utf-8")
                config = load_config(config_file=str(path), strict=False)
                markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
                env = config.theme.get_env()
                for name in env.list_templates(filter_func=_page_template):
                    try:
                        env.get_template(name)
                    except Exception:  # noqa: BLE001 - a template of a plugin we do not use
                        pass
                Files([]).add_files_from_theme(env, config)
        finally:
            logging.disable(logging.NOTSET)


def _page_template(name: str) -> bool:
    """Material's templates a page of ours renders: not the blog's, not every language's strings."""
    return name.endswith(".html") and not name.startswith(("partials/languages/", "blog", "fragments/"))


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
