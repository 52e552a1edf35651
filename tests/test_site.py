"""The I/O edge (site.py, lite.py, __main__.py): the work shared out between processes, the imports
without what the build does not use, and the command line's quick exit."""
from __future__ import annotations

import multiprocessing
import multiprocessing.process
import os
import subprocess
import sys
import time

import pytest

from helpers import ROOT, SOURCE, make_root

from workplan.model import Problem
from workplan.site import render_shared

FORK = "fork" in multiprocessing.get_all_start_methods()


class _Turns:
    """Makes the sharing deterministic whatever the machine's load.  Each process's first module
    waits until the other process has taken one of its own: without it a slow fork lets this
    process take every module before the other starts, and a slow parent lets the fork take them
    all (CI saw both)."""

    def __init__(self) -> None:
        self.parent = os.getpid()
        ctx = multiprocessing.get_context("fork")
        self.child_went, self.parent_went = ctx.Event(), ctx.Event()  # inherited by the fork

    def in_child(self) -> bool:
        return os.getpid() != self.parent

    def child_done(self) -> None:
        self.child_went.set()

    def wait_for_child(self) -> None:
        assert self.child_went.wait(timeout=60), "the forked process never rendered a module"

    def parent_done(self) -> None:
        self.parent_went.set()

    def wait_for_parent(self) -> None:
        assert self.parent_went.wait(timeout=60), "this process never rendered a module"


@pytest.fixture(params=["as-scheduled", "slow-parent", "slow-fork"])
def skew(request, monkeypatch):
    """Either process held back 0.3 s at the start, as a loaded machine does (CI saw both): this
    process after starting the fork, or the fork before its first module."""
    if request.param == "slow-parent":
        start = multiprocessing.process.BaseProcess.start
        monkeypatch.setattr(multiprocessing.process.BaseProcess, "start",
                            lambda self: (start(self), time.sleep(0.3))[0])
    elif request.param == "slow-fork":
        run = multiprocessing.process.BaseProcess.run
        monkeypatch.setattr(multiprocessing.process.BaseProcess, "run",
                            lambda self: (time.sleep(0.3), run(self))[1])
    return request.param


def _square_by_turns(turns: _Turns):
    def render(n: int) -> tuple[int, int]:
        if turns.in_child():
            turns.child_done()
            turns.wait_for_parent()
        else:
            turns.parent_done()
            turns.wait_for_child()
        return n * n, os.getpid()
    return render


@pytest.mark.skipif(not FORK, reason="the platform cannot fork: render_shared renders in this process")
def test_render_shared_gives_the_serial_result_in_order_from_two_processes(monkeypatch, skew):
    monkeypatch.delenv("WORKPLAN_JOBS", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    out = render_shared(range(6), _square_by_turns(_Turns()))
    assert [square for square, _ in out] == [n * n for n in range(6)]
    pids = {pid for _, pid in out}
    assert os.getpid() in pids and len(pids) == 2  # each process took some: they take turns


def test_render_shared_is_serial_with_one_job(monkeypatch):
    monkeypatch.setenv("WORKPLAN_JOBS", "1")
    out = render_shared(range(3), lambda n: (n * n, os.getpid()))
    assert out == [(0, os.getpid()), (1, os.getpid()), (4, os.getpid())]


class _Unpicklable(Exception):
    def __init__(self, handle):
        super().__init__("cannot travel")
        self.handle = handle

    def __reduce__(self):
        raise TypeError("no")


def _fail_in(where: str, error: BaseException):
    """A render that raises `error` in this process ("parent") or in the forked one ("child") on
    the first module it takes; the other process renders normally.  Each process takes a module
    before either renders one (_Turns), so the failing one always has a module to fail on."""
    turns = _Turns()

    def render(n: int) -> int:
        if turns.in_child():
            turns.child_done()
            turns.wait_for_parent()
            if where == "child":
                raise error
            return n
        turns.parent_done()
        turns.wait_for_child()
        if where == "parent":
            raise error
        return n
    return render


@pytest.mark.skipif(not FORK, reason="the platform cannot fork")
def test_an_error_in_either_process_is_raised_as_it_is(monkeypatch, skew):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.delenv("WORKPLAN_JOBS", raising=False)
    for where in ("parent", "child"):
        with pytest.raises(Problem) as caught:
            render_shared(range(3), _fail_in(where, Problem("plan.txt", 7, "a broken line", "mend it")))
        assert str(caught.value).startswith("plan.txt:7:")
    # an error that cannot be pickled still reaches this process, as a RuntimeError naming it
    with pytest.raises(RuntimeError, match="_Unpicklable: cannot travel"):
        render_shared(range(3), _fail_in("child", _Unpicklable(lambda: None)))


def test_jieba_is_imported_without_pkg_resources():
    code = ("import sys; from workplan.lite import import_jieba; j = import_jieba(); "
            "f = j.get_dict_file(); assert f.read(1); f.close(); "
            "print('pkg_resources' in sys.modules, 'jieba' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")})
    assert result.stdout.split() == ["False", "True"]


def test_the_quick_exit_keeps_the_status_and_runs_the_exit_handlers(tmp_path):
    """python -m workplan leaves with os._exit: the exit handlers still run (the OpenCC configs'
    temporary folder is removed) and the status and the last lines still come out."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "TMPDIR": str(tmp)}
    env.pop("WORKPLAN_OPENCC_CACHE", None)
    ok = subprocess.run([sys.executable, "-m", "workplan", "--docs-only", "--source", str(SOURCE),
                         "--root", str(make_root(tmp_path / "r"))], capture_output=True, text=True, env=env)
    assert ok.returncode == 0, ok.stderr
    assert ok.stderr.strip().splitlines()[-1].startswith("built zh-Hans, zh-Hant, en in ")
    assert (tmp_path / "r" / "docs" / "zh-Hans.yml").is_file()
    assert list(tmp.iterdir()) == []  # the converter's temporary folder went with the exit handlers
    bad = subprocess.run([sys.executable, "-m", "workplan", "--docs-only", "--source", str(tmp_path / "none.txt"),
                          "--root", str(tmp_path / "r")], capture_output=True, text=True, env=env)
    assert bad.returncode == 2 and bad.stderr.startswith(f"error: {tmp_path / 'none.txt'}:1:")


def test_the_command_line_reports_an_mkdocs_failure_in_one_line(monkeypatch, capsys):
    from mkdocs.exceptions import Abort

    from workplan import cli

    def failing(error):
        def build(*args, **kwargs):
            raise error
        return build

    monkeypatch.setattr(cli, "build", failing(Abort("Aborted with 1 warnings in strict mode!")))
    assert cli.main(["--pages-only"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["error: MkDocs build failed (Aborted with 1 warnings in strict mode!); "
                   "docs/ and site/ were left as they were"]
    monkeypatch.setattr(cli, "build", failing(KeyError("a bug, not an input problem")))
    with pytest.raises(KeyError):
        cli.main(["--pages-only"])
