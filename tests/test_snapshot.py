"""The pages build is byte-identical to the recorded snapshot (tests/golden/site-sha256.txt).

A refactor must not change a byte.  A change meant to alter the output re-records the list with
`make snapshot`, and its diff shows which files changed."""

from __future__ import annotations

import difflib
import importlib.util

from helpers import ROOT

spec = importlib.util.spec_from_file_location("update_snapshot", ROOT / "scripts" / "update_snapshot.py")
update_snapshot = importlib.util.module_from_spec(spec)
spec.loader.exec_module(update_snapshot)


def test_pages_are_byte_identical_to_the_snapshot(tmp_path):
    recorded = update_snapshot.SNAPSHOT.read_text(encoding="utf-8")
    built = update_snapshot.snapshot(tmp_path)
    if built != recorded:
        diff = "".join(
            list(difflib.unified_diff(recorded.splitlines(True), built.splitlines(True), "recorded", "built", n=0))[:60]
        )
        raise AssertionError(
            "the build differs from tests/golden/site-sha256.txt (run `make snapshot` if the change is meant):\n" + diff
        )
