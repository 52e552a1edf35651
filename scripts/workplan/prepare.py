"""prepare: the plan, glossary and translation -> every edition's annotated text (pure).

One loop over the editions' data (editions.py): an edition's text is the original, an OpenCC
conversion of it, or the translation.  Nothing here names an edition."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import annotate as ann
from . import glossary as gl
from . import pinyin
from . import translation as tr
from .annotate import Span
from .editions import Edition, original, translated
from .model import Plan


@dataclass(frozen=True)
class Doc:
    """The plan's text in one language, annotated, ready to render."""

    lang: str
    title: str
    citation: str  # short title used in citations: "{citation} §4.3"
    preamble: tuple[tuple[Span, ...], ...]
    headings: dict[int, str]
    items: dict[str, tuple[Span, ...]]
    source_line: str | None
    overview: str = ""
    summaries: dict[int, str] | None = None
    untranslated: frozenset[str] = frozenset()  # item ids shown in Chinese for want of a translation


@dataclass(frozen=True)
class Glossed:
    """A glossary term as one edition shows it."""

    term: gl.Term
    name: str  # in the edition's language, as a heading shows it (headline)
    other_names: tuple[str, ...]  # the names in the other languages
    definition: str
    other_definition: str
    uses: tuple[str, ...]  # ids of the items (or "preamble") that link to it in this edition
    pinyin: str = ""  # the pinyin of its original (simplified) name, grouped into words


@dataclass(frozen=True)
class Content:
    """Everything the outputs render from."""

    plan: Plan
    editions: tuple[Edition, ...]
    docs: dict[str, Doc]  # edition code -> its text
    glossary: list[gl.Term]
    glossed: dict[str, list[Glossed]]  # edition code -> the glossary as it shows it
    warnings: list[str]
    downloads: dict[str, int] = field(default_factory=dict)  # site path -> size in bytes, for links
    preview: bool = (
        False  # make serve's live preview: no service worker, no script policy (live reload injects a script)
    )

    def edition(self, code: str) -> Edition:
        return next(e for e in self.editions if e.code == code)

    @property
    def original(self) -> Edition:
        return original(self.editions)

    @property
    def english(self) -> Doc | None:
        edition = translated(self.editions)
        return self.docs[edition.code] if edition else None


def uses_of(doc: Doc) -> dict[str, list[str]]:
    uses: dict[str, list[str]] = {}
    for spans in doc.preamble:
        for span in spans:
            if span.term and "preamble" not in uses.setdefault(span.term, []):
                uses[span.term].append("preamble")
    for item_id, spans in doc.items.items():
        for span in spans:
            if span.term:
                uses.setdefault(span.term, []).append(item_id)
    return uses


def _matcher(terms: list[gl.Term], lang: str) -> ann.Matcher:
    return ann.Matcher({f: t.id for t in terms for f in t.forms(lang)}, whole_words=True)


def _converter(edition: Edition, terms: list[gl.Term]):
    from .convert import make_converter  # OpenCC is loaded only when a build needs it

    explicit = {t.names["zh-Hans"]: t.names[edition.code] for t in terms if edition.code in t.names}
    return make_converter(explicit, config=edition.opencc or "s2tw")


def _original_doc(edition: Edition, plan: Plan, terms: list[gl.Term]) -> Doc:
    matcher = _matcher(terms, edition.code)
    return Doc(
        lang=edition.code,
        title=plan.title,
        citation=plan.title,
        preamble=tuple(ann.annotate(p, matcher) for p in plan.preamble),
        headings={s.number: s.heading for s in plan.sections},
        items={i.id: ann.annotate(i.text, matcher) for i in plan.items()},
        source_line=plan.source_line,
    )


def _converted_doc(edition: Edition, source: Doc, plan: Plan, convert) -> Doc:
    title = convert(plan.title)
    return Doc(
        lang=edition.code,
        title=title,
        citation=title,
        preamble=tuple(ann.map_spans(p, convert) for p in source.preamble),
        headings={n: convert(h) for n, h in source.headings.items()},
        items={k: ann.map_spans(v, convert) for k, v in source.items.items()},
        source_line=convert(plan.source_line) if plan.source_line else None,
    )


def _translated_doc(
    edition: Edition,
    source: Doc,
    plan: Plan,
    terms: list[gl.Term],
    translation: tr.Translation | None,
    warnings: list[str],
) -> Doc:
    t = translation or tr.Translation()
    missing = t.missing(plan)
    if missing:
        warnings.append(
            f"English: {len(missing)} of {len(plan.items()) + len(plan.sections)} headings and items "
            f"have no translation; they are shown in Chinese, marked as not yet translated"
        )
    matcher = _matcher(terms, edition.code)
    return Doc(
        lang=edition.code,
        title=t.title or plan.title,
        citation=t.citation or t.title or plan.title,
        preamble=tuple(ann.annotate(p, matcher) for p in t.preamble) if t.preamble else source.preamble,
        headings={s.number: t.headings.get(s.number, s.heading) for s in plan.sections},
        items={
            i.id: ann.annotate(t.items[i.id], matcher) if i.id in t.items else source.items[i.id] for i in plan.items()
        },
        source_line=t.source_line or plan.source_line,
        overview=t.overview,
        summaries=dict(t.summaries),
        untranslated=frozenset(i.id for i in plan.items() if i.id not in t.items),
    )


def headline(name: str) -> str:
    """An English name as a heading or list entry shows it: sentence case.  The glossary keeps
    common-noun names in lower case ("invention patents") because that is how the text uses them
    and how they are matched; a first word that is not all lower case ("eBay", "IP") is left."""
    first = name.split(" ", 1)[0]
    return name[:1].upper() + name[1:] if first.islower() else name


def _glossed(
    edition: Edition, terms: list[gl.Term], uses: dict[str, list[str]], convert, readings: dict[str, str]
) -> list[Glossed]:
    """The glossary as one edition shows it: names and definitions in its language first."""
    base = "zh-Hans"

    def zh(field_: dict[str, str]) -> str:
        if edition.text != "convert":
            return field_[base]
        return field_.get(edition.code) or convert(field_[base])

    entries = []
    for term in terms:
        zh_name, zh_def = zh(term.names), zh(term.definition)
        if edition.chinese:
            entries.append(
                Glossed(
                    term,
                    zh_name,
                    (term.names["en"],),
                    zh_def,
                    term.definition["en"],
                    tuple(uses.get(term.id, ())),
                    readings[term.names[base]],
                )
            )
        else:
            entries.append(
                Glossed(
                    term,
                    headline(term.names["en"]),
                    (zh_name,),
                    term.definition["en"],
                    zh_def,
                    tuple(uses.get(term.id, ())),
                    readings[term.names[base]],
                )
            )
    return entries


def prepare(
    plan: Plan, terms: list[gl.Term], translation: tr.Translation | None, editions: tuple[Edition, ...]
) -> Content:
    """Pure: the plan, glossary and translation -> every edition's annotated text."""
    warnings: list[str] = []
    first = original(editions)
    source = _original_doc(first, plan, terms)
    docs: dict[str, Doc] = {}
    converters = {}
    for edition in editions:
        if edition.text == "source":
            docs[edition.code] = source
        elif edition.text == "convert":
            converters[edition.code] = _converter(edition, terms)
            docs[edition.code] = _converted_doc(edition, source, plan, converters[edition.code])
        elif edition.text == "translation":
            docs[edition.code] = _translated_doc(edition, source, plan, terms, translation, warnings)
        else:
            raise ValueError(
                f"editions.py: edition {edition.code!r} has text={edition.text!r} "
                "(use 'source', 'convert' or 'translation')"
            )
    source_uses = uses_of(source)
    readings = pinyin.grouped(t.names["zh-Hans"] for t in terms)
    glossed = {}
    for edition in editions:
        # Converted editions share the original's links (same text, same places).
        uses = uses_of(docs[edition.code]) if edition.text == "translation" else source_uses
        glossed[edition.code] = _glossed(edition, terms, uses, converters.get(edition.code), readings)
    unused = [t.id for t in terms if t.id not in source_uses]
    if unused:
        warnings.append(f"glossary: {len(unused)} term(s) found nowhere in the plan: {', '.join(unused)}")
    return Content(plan, editions, docs, terms, glossed, warnings)
