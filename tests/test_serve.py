"""make serve's rebuild order (the browser test tests/browser/test_preview.py covers edit, break, fix)."""
from __future__ import annotations

from workplan import serve, site

CODES = ("zh-Hans", "zh-Hant", "en")


def _preview(tmp_path, events, monkeypatch):
    docs = tmp_path / "docs"
    for code in CODES:
        (docs / code).mkdir(parents=True)
        (docs / f"{code}.yml").write_text("site_name: x\n")
        (docs / code / "index.md").write_text("old\n")
    preview = serve.Preview(tmp_path / "plan.txt", tmp_path)
    monkeypatch.setattr(site, "mkdocs_build_all",
                        lambda jobs, workers=None: events.append(("build", [job[1].name for job in jobs])))
    preview.on_viewed_built = lambda: events.append(("reload",))
    return preview


def test_the_editions_open_in_a_browser_are_built_and_reloaded_first(tmp_path, monkeypatch):
    events: list = []
    preview = _preview(tmp_path, events, monkeypatch)
    preview.viewed = lambda: {"en"}
    preview._in_rebuild = True
    preview._write_and_build({f"{code}/index.md": "new\n" for code in CODES}, full=False)
    assert events == [("build", ["en"]), ("reload",), ("build", ["zh-Hans", "zh-Hant"])]


def test_without_an_open_page_or_outside_a_rebuild_all_are_built_together(tmp_path, monkeypatch):
    events: list = []
    preview = _preview(tmp_path, events, monkeypatch)
    preview.viewed = lambda: set()
    preview._in_rebuild = True
    preview._write_and_build({f"{code}/index.md": "new\n" for code in CODES}, full=False)
    preview.viewed = lambda: {"zh-Hant"}
    preview._in_rebuild = False  # the later pass or the downloads' rebuild: the server reloads after it
    preview._write_and_build({f"{code}/index.md": "newer\n" for code in CODES}, full=False)
    assert events == [("build", list(CODES)), ("build", list(CODES))]
