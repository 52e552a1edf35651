"""The plan's reference for reference managers, per edition: CSL-JSON, BibTeX and RIS.

    {edition}/cite/plan.json   CSL-JSON (validated against the CSL schema in tests)
    {edition}/cite/plan.bib    BibTeX, written by bibtexparser
    {edition}/cite/plan.ris    RIS, written by rispy

CNIPA is the issuing institution (a literal CSL name, a braced BibTeX name, a comma-less RIS
name, which Zotero imports as one field); the English edition credits its translation to
this project (workplan.citation).  URLs are absolute, from the public address (SITE_URL); when it
is unset the files name no URL (a relative one would lead nowhere once imported).
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


def key(edition: Edition, year: int | None) -> str:
    return f"cnipa{year or ''}workplan{edition.code.replace('-', '').lower()}"


def csl_json(edition: Edition, title: str, url: str) -> str:
    year = ct.plan_year(title)
    item = ct.csl_item(edition, title, year, url, item_id=key(edition, year))
    if not url:
        del item["URL"]
    return json.dumps([item], ensure_ascii=False, indent=1) + "\n"


def bibtex(edition: Edition, title: str, url: str) -> str:
    from bibtexparser import Library, write_string
    from bibtexparser.model import Entry, Field

    year = ct.plan_year(title)
    ui = edition.ui
    fields = [
        Field("author", "{" + ui["issuer"] + "}"),  # braces: one institution, not a person
        Field("title", "{" + title + "}"),
        Field("institution", ui["issuer"]),
        Field("address", ui["issuer_place"]),
        Field("year", str(year) if year else ""),
        Field("url", url),
        Field("language", bibtex_language(edition)),
    ]
    if ct.translated(edition):
        fields.append(Field("translator", "{" + ui["project"] + "}"))
        fields.append(Field("note", ct.credit(edition)))
    library = Library([Entry("techreport", key(edition, year), [f for f in fields if f.value])])
    return write_string(library).strip() + "\n"


def ris(edition: Edition, title: str, url: str) -> str:
    import rispy

    year = ct.plan_year(title)
    ui = edition.ui
    ref = {
        "type_of_reference": "RPRT",
        "authors": [ui["issuer"]],  # no comma: Zotero's RIS import keeps it as one (institutional) name
        "title": title,
        "publisher": ui["issuer"],
        "place_published": ui["issuer_place"],
        "language": ui["csl_locale"],
    }
    if url:
        ref["urls"] = [url]
    if year:
        ref["year"] = str(year)
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
        files[f"{code}/cite/plan.json"] = csl_json(edition, title, url)
        files[f"{code}/cite/plan.bib"] = bibtex(edition, title, url)
        files[f"{code}/cite/plan.ris"] = ris(edition, title, url)
    return files
