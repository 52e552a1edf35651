"""The provenance record of the plan's text (source/<plan>.provenance.yml): title, issuing body,
date of issue, official address and when it was checked, and the SHA-256 of the text it describes.

One record, read once: the home pages and "about" sections (render), plan.json (outputs/data) and
every citation (citation, outputs/citations, the page head) take the date and the issuer from it.
A record whose hash does not match the plan file stops the build: it would describe another text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import yaml

from .model import Problem

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# ISO 8601 at any precision: 2022, 2022-06, 2022-06-21.
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
STATUS = ("confirmed", "unconfirmed")
URL = re.compile(r"^https://[^/\s]+/\S+$")  # an address of a page, not of a host


@dataclass(frozen=True)
class Provenance:
    title: str
    issuer: dict[str, str]  # language -> name
    issued: str  # ISO 8601, as precise as confirmed
    sha256: str
    checked: str
    official_url: str | None = None  # on cnipa.gov.cn, when confirmed
    best_repost: str | None = None  # when the official address is unconfirmed
    published_by: str | None = None  # the plan was public by this date (earliest dated copy)

    @property
    def confirmed(self) -> bool:
        return self.official_url is not None

    @property
    def url(self) -> str:
        """The address a reader can check the text against: the official one, else the best repost."""
        return self.official_url or self.best_repost or ""

    @property
    def date_parts(self) -> list[int]:
        """The date of issue as CSL date-parts: [2022], [2022, 6] or [2022, 6, 21]."""
        return [int(p) for p in DATE.match(self.issued).groups() if p]

    def as_data(self) -> dict:
        """The record as plan.json holds it."""
        return {
            "title": self.title,
            "issuer": dict(self.issuer),
            "issued": self.issued,
            **({"published_by": self.published_by} if self.published_by else {}),
            "official_url": self.official_url,
            "official_url_status": "confirmed" if self.confirmed else "unconfirmed",
            **({"best_repost": self.best_repost} if not self.confirmed and self.best_repost else {}),
            "checked": self.checked,
            "sha256": self.sha256,
        }


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _line_of(text: str, key: str) -> int:
    for n, line in enumerate(text.splitlines(), start=1):
        if line.startswith(key + ":"):
            return n
    return 1


def load(text: str, path: str, plan_bytes: bytes | None = None) -> Provenance:
    """Parse and check a record; with plan_bytes, also that its hash is the plan's."""
    try:
        data = yaml.load(text, Loader=Loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise Problem(path, mark.line + 1 if mark else 1, f"not valid YAML: {getattr(err, 'problem', err)}") from None
    if not isinstance(data, dict):
        raise Problem(path, 1, "expected a mapping: title, issuer, issued, official_url, checked, sha256")

    def fail(key: str, message: str, hint: str = "") -> Problem:
        return Problem(path, _line_of(text, key), message, hint)

    def text_of(key: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise fail(key, f"{key}: expected text")
        return value.strip()

    def date_of(key: str, required: bool = True) -> str | None:
        value = data.get(key)
        if value is None and not required:
            return None
        value = str(value) if value is not None else ""
        if not DATE.match(value):
            raise fail(
                key,
                f"{key}: expected an ISO 8601 date (2022, 2022-06 or 2022-06-21), got {value!r}",
                "quote it in YAML",
            )
        return value

    issuer = data.get("issuer")
    if not isinstance(issuer, dict) or not all(isinstance(v, str) and v for v in issuer.values()) or "en" not in issuer:
        raise fail("issuer", "issuer: expected the issuing body's name by language (zh-Hans, en)")
    digest = text_of("sha256").lower()
    if not re.fullmatch(r"[0-9a-f]{64}", digest):
        raise fail("sha256", "sha256: expected 64 hex digits")
    if plan_bytes is not None and sha256(plan_bytes) != digest:
        raise fail(
            "sha256",
            f"the record is for another text: the plan's SHA-256 is {sha256(plan_bytes)}",
            "check the text against the official one, then update the record",
        )
    status = data.get("official_url_status", "confirmed" if data.get("official_url") else "unconfirmed")
    if status not in STATUS:
        raise fail("official_url_status", f"official_url_status: expected one of {', '.join(STATUS)}")
    official = data.get("official_url")
    repost = data.get("best_repost")
    if status == "confirmed":
        if not isinstance(official, str) or not URL.match(official) or "cnipa.gov.cn/" not in official:
            raise fail("official_url", "official_url: a confirmed address is a page on cnipa.gov.cn")
        repost = None
    else:
        if official:
            raise fail(
                "official_url",
                "official_url: set while official_url_status is unconfirmed",
                "give the best repost as best_repost instead",
            )
        official = None
        if not isinstance(repost, str) or not URL.match(repost):
            raise fail("best_repost", "best_repost: an unconfirmed official address needs the best repost's address")
    return Provenance(
        title=text_of("title"),
        issuer={str(k): v.strip() for k, v in issuer.items()},
        issued=date_of("issued"),
        sha256=digest,
        checked=date_of("checked"),
        official_url=official,
        best_repost=repost,
        published_by=date_of("published_by", required=False),
    )
