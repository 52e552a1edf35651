"""Lighthouse's mobile run, with the CPU slowdown calibrated to the machine, for the gate
(tests/browser/test_gates.py) and the bench (scripts/bench_lighthouse.py).

Lighthouse's mobile profile simulates the page load on a slower phone: by default it scales the
main-thread work it observed by a constant 4.  Its documentation (docs/throttling.md, "CPU
Throttling") says that 4x is tuned for a host in the "high-end desktop" bracket, a benchmarkIndex of
1,500 to 2,000, "which moves a typical run in the high-end desktop bracket somewhere into the
mid-tier mobile bracket", and that a slower host should lower the multiplier
(`--throttling.cpuSlowdownMultiplier`); on a host under 1,000 Lighthouse adds a warning to the
report that the score is affected.  This 2-core machine measures 950 to 1,900 from one run to the
next, with its load, so the default 4x simulates a different phone on every run: the same page's
score moved between 90 and 98.

So each run is made in two steps, as Lighthouse allows: the page is loaded once and its artifacts
saved (`-G`; simulated throttling loads the page unthrottled: the multiplier's one part in the load
is Lighthouse's requestIdleCallback shim, which cuts idle deadlines to 40 ms / 4), then audited from
them (`-A`) twice:

- **calibrated**: the multiplier that takes *this run's* host to one phone, the one Lighthouse's
  default simulates on the slowest host its 4x is tuned for: benchmarkIndex 1,500 / 4 = 375.  The
  multiplier is benchmarkIndex / 375, and at least 1 (a host slower than that phone is never sped
  up).  It is 4 at 1,500, above 4 on a faster host (the gate is then stricter than Lighthouse's
  default), and 2.5 at 950.
- **default**: Lighthouse's own 4x, from the same load, printed beside it.

Accessibility, best practices and SEO do not depend on the multiplier; they are read from the
calibrated report."""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
# the phone every mobile run simulates, in Lighthouse's benchmarkIndex: its default 4x on a host of 1,500
TARGET_BENCHMARK_INDEX = 375
DEFAULT_MULTIPLIER = 4


def multiplier(benchmark_index: float) -> float:
    """The CPU slowdown that takes a host of this benchmarkIndex to the target phone."""
    return max(1.0, round(benchmark_index / TARGET_BENCHMARK_INDEX, 2))


@dataclass(frozen=True)
class Run:
    result: dict  # the report audited with the calibrated multiplier
    default: dict | None  # Lighthouse's default 4x, from the same page load (mobile runs only)
    benchmark_index: float
    multiplier: float

    @property
    def performance(self) -> int | None:
        return score(self.result)

    @property
    def default_performance(self) -> int | None:
        return score(self.default) if self.default else None


def score(result: dict) -> int | None:
    value = result["categories"].get("performance", {}).get("score")
    return None if value is None else round(value * 100)


def run(
    url: str,
    report: Path,
    categories: list[str],
    *,
    preset: str | None = None,
    calibrate: bool = True,
    steady: bool = True,
    timeout: int = 240,
) -> Run:
    """One Lighthouse run of `url`; the calibrated report is written to `report` and, for a
    calibrated run, Lighthouse's default one beside it (`…-4x.json`).  `preset="desktop"` (no CPU
    slowdown to calibrate) is one plain run."""
    from chrome import CHROMIUM, lighthouse_flags

    report.parent.mkdir(parents=True, exist_ok=True)
    common = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        f"--chrome-path={CHROMIUM}",
        f"--chrome-flags={lighthouse_flags(steady)}",
        f"--only-categories={','.join(categories)}",
    ]
    if preset:
        common.append(f"--preset={preset}")
    if not calibrate or preset == "desktop":
        subprocess.run(
            [*common, "--output=json", f"--output-path={report}"], check=True, timeout=timeout, capture_output=True
        )
        result = json.loads(report.read_text(encoding="utf-8"))
        slowdown = result["configSettings"]["throttling"]["cpuSlowdownMultiplier"]
        return Run(result, None, result["environment"]["benchmarkIndex"], slowdown)
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        artifacts_dir = Path(tmp) / "artifacts"
        subprocess.run([*common, f"-G={artifacts_dir}"], check=True, timeout=timeout, capture_output=True)
        artifacts_file = artifacts_dir / "artifacts.json"
        artifacts = json.loads(artifacts_file.read_text(encoding="utf-8"))
        benchmark_index = artifacts["BenchmarkIndex"]
        default_report = report.with_name(f"{report.stem}-4x.json")
        subprocess.run(
            [*common, f"-A={artifacts_dir}", "--output=json", f"--output-path={default_report}"],
            check=True,
            timeout=timeout,
            capture_output=True,
        )
        slowdown = multiplier(benchmark_index)
        # the artifacts record the settings they were gathered with, and Lighthouse audits only with
        # the same settings: their slowdown is set to the one this audit simulates
        artifacts["settings"]["throttling"]["cpuSlowdownMultiplier"] = slowdown
        artifacts_file.write_text(json.dumps(artifacts), encoding="utf-8")
        subprocess.run(
            [
                *common,
                f"-A={artifacts_dir}",
                f"--throttling.cpuSlowdownMultiplier={slowdown}",
                "--output=json",
                f"--output-path={report}",
            ],
            check=True,
            timeout=timeout,
            capture_output=True,
        )
    result = json.loads(report.read_text(encoding="utf-8"))
    default = json.loads(default_report.read_text(encoding="utf-8"))
    assert result["configSettings"]["throttling"]["cpuSlowdownMultiplier"] == slowdown, report
    assert default["configSettings"]["throttling"]["cpuSlowdownMultiplier"] == DEFAULT_MULTIPLIER, default_report
    return Run(result, default, benchmark_index, slowdown)
