"""The live preview: `make serve` rebuilds on an edit and reloads the open page; a broken edit
prints the build's one-line error and the last good page stays served until it is fixed.
(The edit-to-page time is measured by scripts/bench_preview.py, not asserted here.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import ROOT
from static_server import free_port

pytestmark = pytest.mark.browser
PLAN = "cnipa-2022-work-plan.zh-Hans.txt"
EN = "cnipa-2022-work-plan.en.yml"


@pytest.fixture
def preview(tmp_path, browser):
    """`make serve` on a free port over a scratch copy of the inputs (the repository's own
    files are never edited); yields (base url, scratch root, lines printed so far)."""
    root = tmp_path / "project"
    root.mkdir()
    for name in ("source", "glossary"):
        shutil.copytree(ROOT / name, root / name)
    for name in ("overrides", "mkdocs.yml"):
        os.symlink(ROOT / name, root / name)
    port = free_port()
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"PORT={port}", f"ROOT={root}", f"SOURCE={root / 'source' / PLAN}"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True).start()
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 180
    while True:
        try:
            urllib.request.urlopen(base + "en/", timeout=2)
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                os.killpg(proc.pid, 15)
                pytest.fail("make serve did not come up:\n" + "".join(lines))
            time.sleep(0.3)
    yield base, root, lines
    os.killpg(proc.pid, 15)
    proc.wait(timeout=20)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def wait_for_text(page, anchor: str, text: str) -> None:
    """Until the item shows `text` (across the reloads the preview makes)."""
    page.wait_for_function(
        "([id, text]) => ((document.getElementById(id) || {}).textContent || '').includes(text)", arg=[anchor, text]
    )


def test_an_edit_shows_in_the_open_page_and_a_broken_one_keeps_the_last_good_site(preview, browser):
    base, root, lines = preview
    page = browser.new_page()
    page.set_default_timeout(60000)
    page.goto(base + "en/sections/4/")
    assert "livereload" in page.content()  # the preview's reload script, and only in the preview
    en = root / "source" / EN
    # 1. an edit to the translation: the open page reloads with it, nothing else to do
    edit(en, '"4.3": >-\n    ', '"4.3": >-\n    Quetzalcoatl ')
    wait_for_text(page, "item-4-3", "Quetzalcoatl")
    # the Chinese pages show the English too, and the whole-plan page follows
    zh = browser.new_page()
    zh.goto(base + "zh-Hans/sections/4/")
    assert "Quetzalcoatl" in zh.locator("#item-4-3").text_content()  # the English beside the Chinese
    zh.goto(base + "en/full/")
    wait_for_text(zh, "item-4-3", "Quetzalcoatl")

    # 2. a broken edit: the build's one-line error, naming the file and line; the page stays
    before = len(lines)
    text = en.read_text(encoding="utf-8")
    en.write_text(text.replace('"4.3": >-', '"4.3": [unclosed', 1), encoding="utf-8")
    deadline = time.monotonic() + 90
    while not any(line.startswith("error: ") for line in lines[before:]):
        assert time.monotonic() < deadline, "no error printed:\n" + "".join(lines[before:])
        time.sleep(0.2)
    errors = [line for line in lines[before:] if line.startswith("error: ")]
    assert errors[0].startswith(f"error: {en}:"), errors
    assert "not valid YAML" in errors[0]
    with urllib.request.urlopen(base + "en/sections/4/") as response:
        assert "Quetzalcoatl" in response.read().decode("utf-8")

    # 3. fixed: the page updates again
    en.write_text(text.replace("Quetzalcoatl", "Tezcatlipoca", 1), encoding="utf-8")
    wait_for_text(page, "item-4-3", "Tezcatlipoca")
    page.close()
    zh.close()


def test_make_site_output_has_no_reload_script(site):
    page = (site / "en" / "sections" / "4" / "index.html").read_text(encoding="utf-8")
    assert "livereload" not in page
