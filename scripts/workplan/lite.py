"""Imports without what the build does not use (imports nothing of ours)."""

from __future__ import annotations

import sys


def import_jieba():
    """jieba, imported without pkg_resources: jieba 0.42 imports it only to open its own files and
    falls back to a plain open() when it is missing, and importing pkg_resources takes 0.1-0.2 s.
    The pinyin's word grouping uses jieba, and so does Material's search plugin (at import)."""
    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes `import pkg_resources` fail
        try:
            import jieba
        finally:
            del sys.modules["pkg_resources"]
    import jieba

    return jieba
