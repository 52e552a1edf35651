"""The plan's reference for reference managers, per edition: CSL-JSON, BibTeX and RIS.

    {edition}/cite/plan.json   CSL-JSON (validated against the CSL schema in tests)
    {edition}/cite/plan.bib    BibTeX, written by bibtexparser
    {edition}/cite/plan.ris    RIS, written by rispy

CNIPA is the issuing institution (a literal CSL name, a braced BibTeX name, a comma-less RIS
name, which Zotero imports as one field); the English edition credits its translation to
this project (workplan.citation).  URLs are absolute, from the public address (SITE_URL).
"""
from __future__ import annotations

import json

from .. import citation as ct

FILES = ("plan.json", "plan.bib", "plan.ris")
BIBTEX_LANGUAGE = {"zh-Hans": "chinese", "zh-Hant": "chinese", "en": "english"}


def key(code: str, year: int | None) -> str:
    return f"cnipa{year or ''}workplan{code.replace('-', '').lower()}"


def csl_json(code: str, title: str, url: str) -> str:
    year = ct.plan_year(title)
    item = ct.csl_item(code, title, year, url, item_id=key(code, year))
    return json.dumps([item], ensure_ascii=False, indent=1) + "\n"


def bibtex(code: str, title: str, url: str) -> str:
    from bibtexparser import Library, write_string
    from bibtexparser.model import Entry, Field

    year = ct.plan_year(title)
    fields = [
        Field("author", "{" + ct.CNIPA[code] + "}"),  # braces: one institution, not a person
        Field("title", "{" + title + "}"),
        Field("institution", ct.CNIPA[code]),
        Field("address", ct.PLACE[code]),
        Field("year", str(year) if year else ""),
        Field("url", url),
        Field("language", BIBTEX_LANGUAGE[code]),
    ]
    if code == "en":
        fields.append(Field("translator", "{" + ct.PROJECT[code] + "}"))
        fields.append(Field("note", "Unofficial translation by " + ct.PROJECT[code] + "; the Chinese original prevails"))
    library = Library([Entry("techreport", key(code, year), [f for f in fields if f.value])])
    return write_string(library).strip() + "\n"


def ris(code: str, title: str, url: str) -> str:
    import rispy

    year = ct.plan_year(title)
    ref = {
        "type_of_reference": "RPRT",
        "authors": [ct.CNIPA[code]],  # no comma: Zotero's RIS import keeps it as one (institutional) name
        "title": title,
        "publisher": ct.CNIPA[code],
        "place_published": ct.PLACE[code],
        "language": ct.LOCALE[code],
        "urls": [url],
    }
    if year:
        ref["year"] = str(year)
    if code == "en":
        ref["subsidiary_authors"] = [ct.PROJECT[code]]  # A4: the translator
        ref["notes"] = ["Unofficial translation by " + ct.PROJECT[code] + "; the Chinese original prevails"]
    class Writer(rispy.RisWriter):  # no "1." numbering line before the record: plain RIS
        def set_header(self, count):
            return ""

    return rispy.dumps([ref], implementation=Writer)


def render(content, editions, site_url: str) -> dict[str, str]:
    """Pure: every edition's citation files, path (under docs/) -> text."""
    files = {}
    for edition in editions:
        code = edition.code
        title = content.docs[code].title
        url = f"{site_url}{code}/"
        files[f"{code}/cite/plan.json"] = csl_json(code, title, url)
        files[f"{code}/cite/plan.bib"] = bibtex(code, title, url)
        files[f"{code}/cite/plan.ris"] = ris(code, title, url)
    return files
