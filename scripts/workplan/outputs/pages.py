"""The Markdown pages of every edition (docs/ stage); the configs that build them are outputs/configs.py."""

from __future__ import annotations

from ..edition_markdown import renderer_for
from ..editions import Edition
from ..prepare import Content


def human_size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, round(size / 1024))} KB"


def offline_copy_link(content: Content, edition: Edition) -> str:
    """The home page's link to the offline copy (the downloads stage's zip), with its size.  Raw
    HTML: the zip is beside the editions, outside this edition's docs, where MkDocs checks links."""
    from .offline_copy import PATH

    if PATH not in content.downloads:
        return ""
    name = PATH.rsplit("/", 1)[-1]
    size = human_size(content.downloads[PATH])
    size = f"（{size}）" if edition.chinese else f" ({size})"
    return (
        f'\n{edition.ui["offline_copy"]} <a href="../{PATH}" download class="wp-download">{name}</a>'
        f"{size}\n{{ .wp-offline }}\n"
    )


def render(content: Content) -> dict[str, str]:
    files: dict[str, str] = {}
    for edition in content.editions:
        renderer = renderer_for(content, edition)
        for path, text in renderer.pages().items():
            files[f"{edition.code}/{path}"] = text + (offline_copy_link(content, edition) if path == "index.md" else "")
    return files
