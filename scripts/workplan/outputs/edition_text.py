"""Not an output: what the download modules (handouts.py, ebooks.py) set up from one edition of the
prepared content before writing it out (its text, typesetter, section titles, UI strings, glossed
terms and the edition's public address)."""

from __future__ import annotations

import html

from ..edition_markdown import renderer_for
from ..editions import Edition
from ..typography import typesetter


def esc(text: str) -> str:
    return html.escape(text, quote=True)


class EditionText:
    """One edition's text as a download writes it: `root_url` is the site's public address ("" when
    unset), `url` the edition's home there ("" when unset: a download never names a relative path)."""

    def __init__(self, content, edition: Edition, root_url: str):
        self.content, self.e, self.code = content, edition, edition.code
        self.doc = content.docs[edition.code]
        self.english = content.english
        self.ts = typesetter(edition.typography)
        renderer = renderer_for(content, edition)
        # the other language's names and text, in that language's own typography (as the pages show them)
        self.alt_ts = renderer.alt_ts
        self.section_title = renderer.section_title
        self.url = f"{root_url}{edition.code}/" if root_url else ""
        self.ui = edition.ui
        self.glossed = content.glossed.get(edition.code, [])
