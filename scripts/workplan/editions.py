"""The editions of the site: one MkDocs build each, under /{code}/.

To add an edition, add it here (and its UI strings); everything else loops over EDITIONS.
An edition's text comes from one of three places (`text`):
  "source"       the plan as received (the simplified original);
  "convert"      the original through OpenCC: `opencc` names the config, either a project
                 template in workplan/opencc/{opencc}-project.json or OpenCC's own {opencc}.json
                 (a Hong Kong edition is `opencc="s2hk"`);
  "translation"  the English translation file (source/*.en.yml).
`typography` names the render-time typesetter (typography.TYPESETTERS).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Edition:
    code: str  # URL segment and <html lang>
    label: str  # its own name, for the language selector
    theme_language: str  # mkdocs-material theme.language (a partial in overrides/ for zh-Hans)
    # Material's search plugin language.  Its index stays empty (every page has `search: exclude`:
    # our worker and search/workplan-index.json replace it), so "zh" would only make it import
    # jieba (and pkg_resources) on every build for nothing: every edition says "en".
    search_lang: str
    chinese: bool
    ui: dict[str, str]
    text: str = "source"  # "source" | "convert" | "translation"
    opencc: str | None = None  # with text="convert": the OpenCC config (see above)
    typography: str = "zh-Hans"  # "zh-Hans" | "zh-Hant" | "en"
    og_locale: str = "zh_CN"  # Open Graph locale
    english_name: str = "simplified Chinese"  # the edition named in English (root page description)


ZH_HANS_UI = {
    "colon": "：",
    "home": "首页",
    "preamble": "总体思路",
    "sections": "各部分",
    "col_section": "部分",
    "col_heading": "标题",
    "col_items": "任务数",
    "glossary": "术语表",
    "glossary_intro": "计划中出现的协定、机构、计划、法规、知识产权概念和政策用语，按类别排列。正文中的术语链接到这里；每个术语列出它在计划中出现的位置。",
    "appears_in": "出现于",
    "appears_nowhere": "本计划正文未出现",
    "official_site": "官方网站",
    "english_name": "英文名称",
    "abbr": "缩写",
    "summary": "英文摘要（English summary）",
    "alt_toggle": "显示英文译文",
    "alt_lang": "en",
    "copy": "复制引用",
    "copied": "已复制",
    "cite_label": "引用",
    "data": "数据",
    "data_text": "整个计划的结构化数据（各版本）：[plan.json](plan.json)。",
    "data_glossary": "术语表数据：[glossary.json](glossary.json)、[glossary.csv](glossary.csv)。",
    "source": "来源",
    "full_text": "全文",
    "full_intro": "全部八个部分的单页全文，便于检索和打印。",
    "items_heading": "任务",
    "item_label": "第{n}项",
    "untranslated": "",
    "section_word": "第{n}部分",
    "not_found": "找不到该页面。",
    "category.agreement": "协定与条约",
    "category.organisation": "组织与机构",
    "category.programme": "计划、行动与工程",
    "category.law-or-regulation": "法律、法规与政策文件",
    "category.ip-concept": "知识产权概念",
    "category.policy-term": "政策用语",
}

ZH_HANT_UI = {
    "colon": "：",
    "home": "首頁",
    "preamble": "總體思路",
    "sections": "各部分",
    "col_section": "部分",
    "col_heading": "標題",
    "col_items": "任務數",
    "glossary": "術語表",
    "glossary_intro": "計畫中出現的協定、機構、計畫、法規、知識產權概念和政策用語，按類別排列。正文中的術語連結到這裡；每個術語列出它在計畫中出現的位置。",
    "appears_in": "出現於",
    "appears_nowhere": "本計畫正文未出現",
    "official_site": "官方網站",
    "english_name": "英文名稱",
    "abbr": "縮寫",
    "summary": "英文摘要（English summary）",
    "alt_toggle": "顯示英文譯文",
    "alt_lang": "en",
    "copy": "複製引用",
    "copied": "已複製",
    "cite_label": "引用",
    "data": "數據",
    "data_text": "整個計畫的結構化數據（各版本）：[plan.json](plan.json)。",
    "data_glossary": "術語表數據：[glossary.json](glossary.json)、[glossary.csv](glossary.csv)。",
    "source": "來源",
    "full_text": "全文",
    "full_intro": "全部八個部分的單頁全文，便於檢索和列印。",
    "items_heading": "任務",
    "item_label": "第{n}項",
    "untranslated": "",
    "section_word": "第{n}部分",
    "not_found": "找不到該頁面。",
    "category.agreement": "協定與條約",
    "category.organisation": "組織與機構",
    "category.programme": "計畫、行動與工程",
    "category.law-or-regulation": "法律、法規與政策文件",
    "category.ip-concept": "知識產權概念",
    "category.policy-term": "政策用語",
}

EN_UI = {
    "colon": ": ",
    "home": "Home",
    "preamble": "General approach",
    "sections": "Sections",
    "col_section": "Section",
    "col_heading": "Heading",
    "col_items": "Tasks",
    "glossary": "Glossary",
    "glossary_intro": "The agreements, institutions, programmes, regulations, IP concepts and policy terms of the plan, by category. Terms in the text link here; each entry lists where the plan uses it.",
    "appears_in": "Appears in",
    "appears_nowhere": "Not used in the text of this plan",
    "official_site": "Official site",
    "english_name": "English",
    "abbr": "Abbreviation",
    "summary": "Summary",
    "alt_toggle": "Show the Chinese original",
    "alt_lang": "zh-Hans",
    "copy": "Copy citation",
    "copied": "Copied",
    "cite_label": "Cite",
    "data": "Data",
    "data_text": "The whole plan as structured data, every edition: [plan.json](plan.json).",
    "data_glossary": "The glossary as data: [glossary.json](glossary.json), [glossary.csv](glossary.csv).",
    "source": "Source",
    "full_text": "Full text",
    "full_intro": "All sections on one page, for searching with Ctrl-F and for printing.",
    "items_heading": "Tasks",
    "item_label": "Task {n}",
    "untranslated": "Not yet translated: the Chinese original is shown.",
    "section_word": "Section {n}",
    "not_found": "This page does not exist.",
    "disclaimer": "Unofficial English translation made for this reader's edition. The Chinese original, [published by CNIPA]({url}), prevails.",
    "category.agreement": "Agreements and treaties",
    "category.organisation": "Organisations and institutions",
    "category.programme": "Programmes, campaigns and projects",
    "category.law-or-regulation": "Laws, regulations and policy documents",
    "category.ip-concept": "IP concepts",
    "category.policy-term": "Policy terms",
}

EDITIONS: tuple[Edition, ...] = (
    Edition("zh-Hans", "简体中文", "zh-Hans", "en", True, ZH_HANS_UI),
    Edition("zh-Hant", "繁體中文", "zh-Hant", "en", True, ZH_HANT_UI,
            text="convert", opencc="s2tw", typography="zh-Hant", og_locale="zh_TW",
            english_name="traditional Chinese"),
    Edition("en", "English", "en", "en", False, EN_UI, text="translation", typography="en", og_locale="en_US",
            english_name="English"),
)

BY_CODE = {e.code: e for e in EDITIONS}


def original(editions: tuple[Edition, ...]) -> Edition:
    """The edition that shows the plan as received."""
    return next(e for e in editions if e.text == "source")


def translated(editions: tuple[Edition, ...]) -> Edition | None:
    return next((e for e in editions if e.text == "translation"), None)

# Where CNIPA published the plan (linked from the English edition's disclaimer).
CNIPA_URL = "https://www.cnipa.gov.cn/"
