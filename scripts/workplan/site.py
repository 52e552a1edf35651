"""I/O at the edge: writing trees, running MkDocs, the atomic swap, the downloads cache."""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, data in sorted(files.items()):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8", newline="\n")


def read_tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def mkdocs_build(config_file: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build as mk_build
    from mkdocs.config import load_config

    try:  # Material's Chinese search segments with jieba; keep its model-loading chatter quiet
        import jieba

        jieba.setLogLevel(logging.WARNING)
    except ImportError:
        pass

    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
    mk_build(config)


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def swap(new: Path, old: Path) -> None:
    """Replace `old` (a folder or file) by `new` with renames only."""
    trash = old.with_name(old.name + ".old")
    remove(trash)
    if old.exists():
        old.rename(trash)
    new.rename(old)
    remove(trash)


def swap_children(new: Path, target: Path) -> None:
    """Swap every entry of `new` into `target` (kept: entries of target that new lacks)."""
    target.mkdir(exist_ok=True)
    for name in sorted(os.listdir(new)):
        swap(new / name, target / name)
    shutil.rmtree(new)


def cache_get(cache: Path) -> dict[str, bytes] | None:
    return read_tree(cache) if cache.is_dir() else None


def cache_put(cache: Path, files: dict[str, bytes]) -> None:
    """Store a download's files under `cache`, atomically (a half-written entry is never read)."""
    tmp = cache.with_name(cache.name + ".tmp")
    remove(tmp)
    write_tree(tmp, files)
    remove(cache)
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp.rename(cache)
