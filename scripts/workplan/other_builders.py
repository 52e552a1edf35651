"""Build the generated docs/ with another builder: MkDocs 1.6 (what `make site` runs, in
process), ProperDocs or Zensical, each in its own process, every edition, strict.

    python -m workplan.other_builders properdocs      (make builder BUILDER=properdocs)

after `make docs`.  ProperDocs reads the MkDocs configs (docs/{edition}.yml) unchanged;
Zensical reads docs/{edition}.zensical.yml (outputs/zensical.py), and writes inside docs/,
its project root.  Nothing here changes what `make site` builds.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import config
from .editions import EDITIONS, Edition
from .outputs.zensical import SITE_DIR as ZENSICAL_SITE_DIR


@dataclass(frozen=True)
class Builder:
    name: str
    module: str  # python -m {module} build ...
    config: str  # the edition's config under docs/
    site: str  # where the editions' sites go, relative to the root; {code}/ under it
    site_dir_option: bool  # True: passed with -d; False: the config names it (Zensical)
    parallel: bool  # editions may build at once (Zensical's cache in docs/.cache is shared: no)

    def available(self) -> bool:
        return importlib.util.find_spec(self.module) is not None

    def command(self, root: Path, edition: Edition, python: str = sys.executable) -> list[str]:
        cmd = [
            python,
            "-m",
            self.module,
            "build",
            "-f",
            str(root / "docs" / self.config.format(code=edition.code)),
            "--strict",
        ]
        if self.site_dir_option:
            cmd += ["-d", str(root / self.site / edition.code)]
        return cmd


BUILDERS = {
    b.name: b
    for b in (
        Builder("mkdocs", "mkdocs", "{code}.yml", "site-mkdocs", True, True),
        Builder("properdocs", "properdocs", "{code}.yml", "site-properdocs", True, True),
        Builder("zensical", "zensical", "{code}.zensical.yml", f"docs/{ZENSICAL_SITE_DIR}", False, False),
    )
}


class BuildFailed(Exception):
    pass


def build(
    builder: Builder, root: Path = config.ROOT, editions: tuple[Edition, ...] = EDITIONS, python: str = sys.executable
) -> dict[str, float]:
    """Build every edition of root/docs/ with `builder`, one process each (two at a time
    where the builder allows), from the project root.  Returns the seconds each took;
    raises BuildFailed with the builder's output when one fails."""
    if not (root / "docs" / builder.config.format(code=editions[0].code)).is_file():
        raise BuildFailed(
            f"{root / 'docs'} has no {builder.config.format(code=editions[0].code)}: run `make docs` first"
        )

    def one(edition: Edition) -> tuple[float, subprocess.CompletedProcess]:
        started = time.perf_counter()
        done = subprocess.run(
            builder.command(root, edition, python), cwd=root, capture_output=True, text=True, check=False
        )
        return time.perf_counter() - started, done

    with ThreadPoolExecutor(max_workers=2 if builder.parallel else 1) as pool:
        results = dict(zip((e.code for e in editions), pool.map(one, editions), strict=True))
    for code, (_, done) in results.items():
        if done.returncode != 0:
            raise BuildFailed(
                f"{builder.name} failed on {code} (exit {done.returncode}):\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
            )
    return {code: took for code, (took, _) in results.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="workplan.other_builders", description=__doc__.split("\n\n")[0])
    parser.add_argument("builder", choices=sorted(BUILDERS))
    parser.add_argument("--root", type=Path, default=config.ROOT, help="the folder that holds docs/")
    args = parser.parse_args(argv)
    builder = BUILDERS[args.builder]
    if not builder.available():
        print(
            f"error: {builder.name} is not installed in {sys.prefix}: pip install -r requirements.txt", file=sys.stderr
        )
        return 2
    try:
        times = build(builder, args.root.resolve())
    except BuildFailed as failed:
        print(f"error: {failed}", file=sys.stderr)
        return 3
    took = ", ".join(f"{code} {t:.2f} s" for code, t in times.items())
    print(f"built with {builder.name} into {args.root.resolve() / builder.site}/: {took}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
