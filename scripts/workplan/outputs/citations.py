"""The plan's reference for reference managers, per edition: CSL-JSON, BibTeX and RIS.

    {edition}/cite/plan.json   CSL-JSON (validated against the CSL schema in tests)
    {edition}/cite/plan.bib    BibTeX, written by bibtexparser
    {edition}/cite/plan.ris    RIS, written by rispy

CNIPA is the issuing institution (a literal CSL name, a braced BibTeX name, a comma-less RIS
name, which Zotero imports as one field); the English edition credits its translation, and its
publication, to this project (workplan.citation).  The date is the plan's date of issue, from
its provenance record, at the precision the record confirms.  URLs are absolute, from the public
address (SITE_URL); when it is unset the files name no URL (a relative one would lead nowhere once
imported).
"""

from __future__ import annotations

import json

from .. import citation as ct
from ..config import site_url
from ..editions import Edition
from ..typography import typesetter

FILES = ("plan.json", "plan.bib", "plan.ris")


def bibtex_language(edition: Edition) -> str:
    return "chinese" if edition.chinese else "english"


def key(edition: Edition, date: list[int]) -> str:
    return f"cnipa{date[0] if date else ''}workplan{edition.code.replace('-', '').lower()}"


def csl_json(edition: Edition, title: str, url: str, date: list[int]) -> str:
    item = ct.csl_item(edition, title, date, url, item_id=key(edition, date))
    if not url:
        item.pop("URL", None)
    return json.dumps([item], ensure_ascii=False, indent=1) + "\n"


def bibtex(edition: Edition, title: str, url: str, date: list[int]) -> str:
    from bibtexparser import Library, write_string
    from bibtexparser.model import Entry, Field

    ui = edition.ui
    translated = ct.translated(edition)
    fields = [
        Field("author", "{" + ui["issuer"] + "}"),  # braces: one institution, not a person
        Field("title", "{" + title + "}"),
        # techreport's institution is who issued it: the project for the translation it publishes
        Field("institution", ct.publisher(edition)),
        Field("address", "" if translated else ui["issuer_place"]),
        Field("year", str(date[0]) if date else ""),
        Field("month", str(date[1]) if len(date) > 1 else ""),
        Field("date", ct.iso_date(date) if len(date) > 1 else ""),  # biblatex: the full date of issue
        Field("url", url),
        Field("language", bibtex_language(edition)),
    ]
    if ct.translated(edition):
        fields.append(Field("translator", "{" + ui["project"] + "}"))
        fields.append(Field("note", ct.credit(edition)))
    library = Library([Entry("techreport", key(edition, date), [f for f in fields if f.value])])
    return write_string(library).strip() + "\n"


def ris(edition: Edition, title: str, url: str, date: list[int]) -> str:
    import rispy

    ui = edition.ui
    ref = {
        "type_of_reference": "RPRT",
        "authors": [ui["issuer"]],  # no comma: Zotero's RIS import keeps it as one (institutional) name
        "title": title,
        "publisher": ct.publisher(edition),
        "language": ui["csl_locale"],
    }
    if url:
        ref["urls"] = [url]
    if not ct.translated(edition):
        ref["place_published"] = ui["issuer_place"]
    if date:
        ref["year"] = str(date[0])
    if len(date) > 1:  # DA: YYYY/MM/DD/, as RIS writes a full date
        ref["date"] = "/".join(f"{p:02d}" for p in date) + "/" * (4 - len(date))
    if ct.translated(edition):
        ref["subsidiary_authors"] = [ui["project"]]  # A4: the translator
        ref["notes"] = [ct.credit(edition)]

    class Writer(rispy.RisWriter):  # no "1." numbering line before the record: plain RIS
        def set_header(self, count):
            return ""

    return rispy.dumps([ref], implementation=Writer)


def render(content) -> dict[str, str]:
    """Pure: every edition's citation files, path (under docs/) -> text."""
    files = {}
    for edition in content.editions:
        code = edition.code
        title = typesetter(edition.typography)(content.docs[code].title)
        url = f"{site_url()}{code}/" if site_url() else ""
        date = ct.issued(content.plan)
        files[f"{code}/cite/plan.json"] = csl_json(edition, title, url, date)
        files[f"{code}/cite/plan.bib"] = bibtex(edition, title, url, date)
        files[f"{code}/cite/plan.ris"] = ris(edition, title, url, date)
    return files
