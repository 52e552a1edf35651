"""The site's search, run where it is fastest: the browser's matcher (workplan-search-core.js, the
file the site's worker loads) under Node, over an edition's built index, many queries per call.

Each result is what the search box renders: a group per page, in order, with its links (relative
to the edition) and whether a match is in the edition's own text or in the other language's
(`.wp-other`)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "overrides" / "assets" / "javascripts" / "workplan-search-core.js"
CASES = Path(__file__).resolve().parent / "search"

SCRIPT = r"""
const S = require(process.argv[1]);
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
S.setup(JSON.parse(require('fs').readFileSync(input.index, 'utf8')));
const other = /<span class="wp-other"[^>]*>[\s\S]*?<\/span>/g;
const out = {};
for (const q of input.queries) {
  out[q] = S.search(q).items.map(group => {
    const html = group.map(d => d.title + ' ' + d.text).join(' ');
    return { links: group.map(d => d.location), own: /<mark>/.test(html.replace(other, '')),
             other: (html.match(other) || []).some(s => s.includes('<mark>')) };
  });
}
process.stdout.write(JSON.stringify(out));
"""


def node() -> str:
    found = shutil.which("node")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true and node is missing (.ci/run installs nodejs)")
        pytest.skip("node not found (apt-get install nodejs)")
    return found


def evaluate(expression: str, data=None):
    """`expression` evaluated under Node with S = the search core and D = `data`; its JSON value."""
    script = (
        f"const S = require({json.dumps(str(CORE))}); const D = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        f"process.stdout.write(JSON.stringify({expression}));"
    )
    out = subprocess.run([node(), "-e", script], input=json.dumps(data), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def search_all(index: Path, queries) -> dict[str, list[dict]]:
    """{query: result groups} for every query, over the index file `index`."""
    payload = json.dumps({"index": str(index), "queries": sorted(set(queries))})
    out = subprocess.run([node(), "-e", SCRIPT, str(CORE)], input=payload, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def sections_of(groups: list[dict]) -> list[int]:
    out: list[int] = []
    for group in groups:
        for link in group["links"]:
            match = re.search(r"(?:^|/)sections/(\d+)/", link)
            if match and int(match.group(1)) not in out:
                out.append(int(match.group(1)))
    return out


def item_links(groups: list[dict]) -> list[str]:
    return [link for group in groups for link in group["links"] if "#item-" in link]


def cases(name: str) -> list:
    return json.loads((CASES / name).read_text(encoding="utf-8"))["cases"]
