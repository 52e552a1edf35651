"""make serve's rebuilds (the browser test tests/browser/test_preview.py covers edit, break, fix)."""

from __future__ import annotations

import os

from workplan import serve

CODES = ("zh-Hans", "zh-Hant", "en")


class Pool:
    """Stands in for the preview's MkDocs pool: records each call's jobs."""

    def __init__(self) -> None:
        self.calls: list[list[tuple]] = []

    def build_all(self, jobs: list[tuple]) -> None:
        self.calls.append([(job[1].name, job[2]) for job in jobs])  # (edition, dirty)

    def __exit__(self, *exc) -> None:
        pass


def _preview(tmp_path) -> serve.Preview:
    docs = tmp_path / "docs"
    for code in CODES:
        (docs / code).mkdir(parents=True)
        (docs / f"{code}.yml").write_text("site_name: x\n")
        (docs / code / "index.md").write_text("old\n")
    preview = serve.Preview(tmp_path / "plan.txt", tmp_path)
    preview.pool = Pool()
    return preview


def test_only_the_editions_whose_pages_changed_are_built_and_only_those_pages(tmp_path):
    preview = _preview(tmp_path)
    files = {f"{code}/index.md": "old\n" for code in CODES} | {"en/index.md": "new\n"}
    assert preview._write_and_build(files, full=False) == ["en (changed pages)"]
    assert preview.pool.calls == [[("en", True)]]
    assert (tmp_path / "docs" / "en" / "index.md").read_text() == "new\n"


def test_a_changed_config_or_a_new_page_builds_the_whole_edition(tmp_path):
    preview = _preview(tmp_path)
    preview._write_and_build({"zh-Hant.yml": "site_name: y\n", "en/new.md": "a new page\n"}, full=False)
    assert preview.pool.calls == [[("zh-Hant", False), ("en", False)]]


def test_nothing_changed_builds_nothing(tmp_path):
    preview = _preview(tmp_path)
    assert preview._write_and_build({f"{code}/index.md": "old\n" for code in CODES}, full=False) == []
    assert preview.pool.calls == []


def test_a_call_for_the_signal_alone_rebuilds_nothing(tmp_path):
    """The background passes touch the signal file, outside the watched inputs: the server calls
    rebuild, which finds no input changed, and then reloads the open pages."""
    preview = _preview(tmp_path)
    preview._built_in_background()
    assert preview.signal.is_file() and not str(preview.signal).startswith(
        tuple(str(tmp_path / name) for name in serve.WATCHED)
    )
    preview.rebuild()
    assert preview.pool.calls == []


def test_an_edit_to_the_pipeline_starts_new_build_processes(tmp_path, monkeypatch):
    preview = _preview(tmp_path)
    (tmp_path / "scripts").mkdir()
    monkeypatch.setattr(serve, "_reload_pipeline", lambda: None)
    monkeypatch.setattr(preview, "_pages", lambda full: [])
    monkeypatch.setattr(preview, "_start_downloads", lambda: None)
    (tmp_path / "scripts" / "x.py").write_text("x = 1\n")
    os.utime(tmp_path / "scripts" / "x.py")
    preview.rebuild()
    assert preview.pool is None  # closed: the next build starts processes with the edited code
