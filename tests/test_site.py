"""The I/O edge (site.py, lite.py, __main__.py): the MkDocs builds in a pool of processes, the imports
without what the build does not use, and the command line's exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, SOURCE, make_root
from workplan.site import MkDocsPool


def _edition_config(root: Path, code: str, page: str) -> Path:
    (root / "docs" / code).mkdir(parents=True)
    (root / "docs" / code / "index.md").write_text(page, encoding="utf-8")
    config = root / "docs" / f"{code}.yml"
    config.write_text(
        f"INHERIT: ../mkdocs.yml\ndocs_dir: {code}\nsite_dir: ../site/{code}\n"
        "theme: {custom_dir: ../overrides, language: en}\n"
        "extra: {edition: en, ui: {copy: c, copied: c, alt_toggle: t}}\n",
        encoding="utf-8",
    )
    return config


def test_the_pool_builds_every_edition_in_its_own_process(tmp_path):
    root = make_root(tmp_path / "r")
    jobs = [(_edition_config(root, code, f"# {code}\n\nText.\n"), root / "site" / code) for code in ("a", "b")]
    with MkDocsPool(2) as pool:
        assert pool.executor is not None  # a pool of processes, not this one
        pool.build_all(jobs)
    for code in ("a", "b"):
        assert f'<h1 id="{code}">{code}</h1>' in (root / "site" / code / "index.html").read_text(encoding="utf-8")


def test_a_failing_build_in_the_pool_raises_its_error_here(tmp_path):
    """MkDocs in strict mode stops on a broken anchor: the error reaches the caller as MkDocs raised it."""
    from mkdocs.exceptions import Abort

    root = make_root(tmp_path / "r")
    good = (_edition_config(root, "a", "# A\n"), root / "site" / "a")
    bad = (_edition_config(root, "b", "# B\n\n[gone](#no-such-anchor)\n"), root / "site" / "b")
    with MkDocsPool(2) as pool, pytest.raises(Abort):
        pool.build_all([good, bad])


def test_one_job_builds_in_this_process(monkeypatch):
    monkeypatch.setenv("WORKPLAN_JOBS", "1")
    with MkDocsPool(3) as pool:
        assert pool.executor is None


def test_jieba_is_imported_without_pkg_resources():
    code = (
        "import sys; from workplan.lite import import_jieba; j = import_jieba(); "
        "f = j.get_dict_file(); assert f.read(1); f.close(); "
        "print('pkg_resources' in sys.modules, 'jieba' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")},
    )
    assert result.stdout.split() == ["False", "True"]


def test_the_command_line_exits_with_its_status_and_cleans_up(tmp_path):
    """python -m workplan: status 0 and the last line on success (the OpenCC configs' temporary
    folder removed), status 2 and one line naming the file for a missing plan."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "TMPDIR": str(tmp)}
    env.pop("WORKPLAN_OPENCC_CACHE", None)
    ok = subprocess.run(
        [
            sys.executable,
            "-m",
            "workplan",
            "--docs-only",
            "--source",
            str(SOURCE),
            "--root",
            str(make_root(tmp_path / "r")),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert ok.stderr.strip().splitlines()[-1].startswith("built zh-Hans, zh-Hant, en in ")
    assert (tmp_path / "r" / "docs" / "zh-Hans.yml").is_file()
    assert list(tmp.iterdir()) == []
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "workplan",
            "--docs-only",
            "--source",
            str(tmp_path / "none.txt"),
            "--root",
            str(tmp_path / "r"),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
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
    assert err == [
        "error: MkDocs build failed (Aborted with 1 warnings in strict mode!); docs/ and site/ were left as they were"
    ]
    monkeypatch.setattr(cli, "build", failing(KeyError("a bug, not an input problem")))
    with pytest.raises(KeyError):
        cli.main(["--pages-only"])
