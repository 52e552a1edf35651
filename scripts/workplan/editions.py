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
    theme_language: str  # mkdocs-material theme.language (partials in overrides/ for zh-Hans and zh-Hant)
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
    "data_cite": "导入文献管理软件（Zotero 等）的引用数据：[CSL-JSON](cite/plan.json)、[BibTeX](cite/plan.bib)、[RIS](cite/plan.ris)。",
    "source": "来源",
    "full_text": "全文",
    "full_intro": "全部八个部分的单页全文，便于检索和打印。",
    "items_heading": "任务",
    "item_label": "第{n}项",
    "untranslated": "",
    "section_word": "第{n}部分",
    "not_found": "找不到该页面。",
    "numbering": "§编号（如 §3.10，即第三部分第10项）为本版所加，并非原文所有：国家知识产权局原文只为八个部分编号，各部分中的任务没有编号。",
    "about_link": "[关于本版](#about)：文本出处、版本说明、繁体版的用字原则和排版。",
    "about_title": "关于本版",
    "about": (
        "- 简体中文版是国家知识产权局发布的原文，逐字保留。显示时只做排版：中文语境中的半角 , : ( ) 排为全角，"
        "年份范围的连字符按 GB/T 15834 排为一字线（2021—2035年）。数据文件（plan.json、glossary.json、"
        "glossary.csv）保存排版前的文字。\n"
        "- 繁体中文版由本原文经 OpenCC {opencc} 的 s2tw 设定自动转换：采用台湾标准字形，只转换字形、"
        "不转换用词，因此「国家知识产权局」等中国大陆名称保持原样，不改用台湾的机构译名；OpenCC 的个别错误由本项目"
        "经过校订的词表修正。香港通行的写法有时不同，例如「计划」台湾作「計畫」、香港作「計劃」，「发布」台湾作「發布」、"
        "香港多作「發佈」；本版一律采用台湾标准。繁体版的引号用「」『』。\n"
        "- 英文版是本项目的非官方译文。\n"
        "- 各版本如有出入，以简体中文原文为准。"
    ),
    "offline_copy": "离线阅读：整个网站（所有版本）打包为一个 zip 文件，解压到任何位置后双击 index.html 即可阅读、切换版本和搜索，无需网络。",
    # the provenance record (source/<plan>.provenance.yml), in the "about" section of the home page
    "provenance_title": "文本出处",
    "prov_title": "标题",
    "prov_issuer": "发布机关",
    "prov_issued": "发布日期",
    "prov_issued_note": "月、日未能核实；{date}已有注明日期的转载",
    "prov_official": "官方网址",
    "prov_confirmed": "{url}",
    "prov_unconfirmed": "未能核实：未找到国家知识产权局网站（cnipa.gov.cn）上刊载本文的页面。可供核对的转载：{url}",
    "prov_checked": "核查日期",
    "prov_sha": "本网站所据文本的 SHA-256",
    "category.agreement": "协定与条约",
    "category.organisation": "组织与机构",
    "category.programme": "计划、行动与工程",
    "category.law-or-regulation": "法律、法规与政策文件",
    "category.ip-concept": "知识产权概念",
    "category.policy-term": "政策用语",
    # reading aids (term cards, pinyin)
    "card_label": "术语卡片",
    "card_close": "关闭",
    "card_full": "术语表中的完整条目",
    "card_count": "文中 {n} 处",
    "card_count_none": "正文未出现",
    "pinyin": "拼音",
    "pinyin_toggle": "拼音",
    "state_on": "开",
    "state_off": "关",
    "tools_category": "类别",
    "tools_section": "出现的部分",
    "tools_sort": "排序",
    "tools_all": "全部",
    "tools_by_category": "按类别",
    "tools_by_pinyin": "按拼音",
    "tools_by_english": "按英文名称",
    "tools_shown": "显示 {n} 个术语",
    # The trainer's kit (citation.py, outputs/citations.py, handouts.py, ebooks.py)
    "issuer": "国家知识产权局",
    "issuer_place": "北京",
    "project": "国家知识产权局2022年工作要点读者版",
    "credit": "英文译文和术语表由{project}编写，非官方；以国家知识产权局发布的中文原文为准。",
    "csl_locale": "zh-CN",
    "cite_menu": "引用格式",
    "cite_link": "链接",
    "cite_range": "起点 {pin}：再点本部分另一项的“引用”，即引用这一段",
    "cite_range_from": "从此项起引用一段…",
    "cite_range_cancel": "取消选段",
    "cite_no_address": "此副本从本地文件打开，不知道公开网址，所以引用中不含链接。",
    "style.plain": "简明",
    "style.chicago": "芝加哥（注释）",
    "pdf_font": "Noto Sans CJK SC",
    "handout_terms": "本部分用到的术语",
    "handout_scan": "扫码打开在线版本",
    "handout_source": "来源：国家知识产权局（{url}）。英文译文与术语释义由{project}编写，非官方，以中文原文为准。",
    "handout_page": "第 {page} 页，共 {pages} 页",
    "handout_bilingual": "中英对照",
    "downloads": "下载",
    "download_handout": "本部分讲义（A4 PDF，{size}）",
    "download_bilingual": "中英对照讲义（A4 PDF，{size}）",
    "download_plan_pdf": "全文 PDF（A4，{size}）",
    "download_epub": "电子书 EPUB（{size}）",
    "epub_front": "封面与总体思路",
    "epub_glossary": "附录：术语表",
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
    "data": "資料",
    "data_text": "整個計畫的結構化資料（各版本）：[plan.json](plan.json)。",
    "data_glossary": "術語表資料：[glossary.json](glossary.json)、[glossary.csv](glossary.csv)。",
    "data_cite": "匯入書目管理軟體（Zotero 等）的引用資料：[CSL-JSON](cite/plan.json)、[BibTeX](cite/plan.bib)、[RIS](cite/plan.ris)。",
    "source": "來源",
    "full_text": "全文",
    "full_intro": "全部八個部分的單頁全文，便於檢索和列印。",
    "items_heading": "任務",
    "item_label": "第{n}項",
    "untranslated": "",
    "section_word": "第{n}部分",
    "not_found": "找不到該頁面。",
    "disclaimer": "本繁體中文版由簡體中文原文轉換為臺灣標準字形，全文經過校對，引號用「」『』；如有出入，以簡體中文原文為準。[關於本版]({home}#about)",
    "numbering": "§編號（如 §3.10，即第三部分第10項）為本版所加，並非原文所有：國家知識產權局原文只為八個部分編號，各部分中的任務沒有編號。",
    "about_title": "關於本版",
    "about": (
        "- 本繁體中文版由簡體中文原文經 OpenCC {opencc} 的 s2tw 設定自動轉換：採用臺灣標準字形，"
        "只轉換字形、不轉換用詞，因此「國家知識產權局」等中國大陸名稱保持原樣，不改用臺灣的機構譯名；OpenCC 的個別"
        "錯誤由本專案經過校訂的詞表修正，全文經過校對。\n"
        "- 香港通行的寫法有時不同，例如臺灣作「計畫」、香港作「計劃」，臺灣作「發布」、香港多作「發佈」；本版一律採用"
        "臺灣標準。\n"
        "- 排版：引號用「」『』；中文語境中的半角 , : ( ) 排為全形，年份範圍按 GB/T 15834 用一字線（2021—2035年）。"
        "資料檔案（plan.json、glossary.json、glossary.csv）保存排版前的文字。\n"
        "- 如有出入，以簡體中文原文為準。"
    ),
    "offline_copy": "離線閱讀：整個網站（所有版本）打包為一個 zip 檔案，解壓縮到任何位置後按兩下 index.html 即可閱讀、切換版本和搜尋，無需網路。",
    # the provenance record (source/<plan>.provenance.yml), in the "about" section of the home page
    "provenance_title": "文本出處",
    "prov_title": "標題",
    "prov_issuer": "發布機關",
    "prov_issued": "發布日期",
    "prov_issued_note": "月、日未能核實；{date}已有註明日期的轉載",
    "prov_official": "官方網址",
    "prov_confirmed": "{url}",
    "prov_unconfirmed": "未能核實：未找到國家知識產權局網站（cnipa.gov.cn）上刊載本文的頁面。可供核對的轉載：{url}",
    "prov_checked": "核查日期",
    "prov_sha": "本網站所據文本的 SHA-256",
    "category.agreement": "協定與條約",
    "category.organisation": "組織與機構",
    "category.programme": "計畫、行動與工程",
    "category.law-or-regulation": "法律、法規與政策文件",
    "category.ip-concept": "知識產權概念",
    "category.policy-term": "政策用語",
    # reading aids (term cards, pinyin)
    "card_label": "術語卡片",
    "card_close": "關閉",
    "card_full": "術語表中的完整條目",
    "card_count": "文中 {n} 處",
    "card_count_none": "正文未出現",
    "pinyin": "拼音",
    "pinyin_toggle": "拼音",
    "state_on": "開",
    "state_off": "關",
    "tools_category": "類別",
    "tools_section": "出現的部分",
    "tools_sort": "排序",
    "tools_all": "全部",
    "tools_by_category": "按類別",
    "tools_by_pinyin": "按拼音",
    "tools_by_english": "按英文名稱",
    "tools_shown": "顯示 {n} 個術語",
    # The trainer's kit (citation.py, outputs/citations.py, handouts.py, ebooks.py)
    "issuer": "國家知識產權局",
    "issuer_place": "北京",
    "project": "國家知識產權局2022年工作要點讀者版",
    "credit": "英文譯文和術語表由{project}編寫，非官方；以國家知識產權局發布的中文原文為準。",
    "csl_locale": "zh-TW",
    "cite_menu": "引用格式",
    "cite_link": "連結",
    "cite_range": "起點 {pin}：再點本部分另一項的「引用」，即引用這一段",
    "cite_range_from": "從此項起引用一段…",
    "cite_range_cancel": "取消選段",
    "cite_no_address": "此副本從本機檔案開啟，不知道公開網址，所以引用中不含連結。",
    "style.plain": "簡明",
    "style.chicago": "芝加哥（註釋）",
    "pdf_font": "Noto Sans CJK TC",
    "handout_terms": "本部分用到的術語",
    "handout_scan": "掃描 QR 碼開啟線上版本",
    "handout_source": "來源：國家知識產權局（{url}）。英文譯文與術語釋義由{project}編寫，非官方，以中文原文為準。",
    "handout_page": "第 {page} 頁，共 {pages} 頁",
    "handout_bilingual": "中英對照",
    "downloads": "下載",
    "download_handout": "本部分講義（A4 PDF，{size}）",
    "download_bilingual": "中英對照講義（A4 PDF，{size}）",
    "download_plan_pdf": "全文 PDF（A4，{size}）",
    "download_epub": "電子書 EPUB（{size}）",
    "epub_front": "封面與總體思路",
    "epub_glossary": "附錄：術語表",
}

EN_UI = {
    "colon": ": ",
    "home": "Home",
    "preamble": "General approach",
    "sections": "Sections",
    "col_section": "Section",
    "col_heading": "Heading",
    "col_items": "Items",
    "glossary": "Glossary",
    "glossary_intro": "The agreements, institutions, programs, regulations, IP concepts and policy terms of the plan, by category. Terms in the text link here; each entry lists where the plan uses it.",
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
    "data_cite": "The plan's citation for reference managers (Zotero and others): [CSL-JSON](cite/plan.json), [BibTeX](cite/plan.bib), [RIS](cite/plan.ris).",
    "source": "Source",
    "full_text": "Full text",
    "full_intro": "All sections on one page, for searching with Ctrl-F and for printing.",
    "items_heading": "Items",
    "item_label": "Item {n}",
    "untranslated": "Not yet translated: the Chinese original is shown.",
    "section_word": "Section {n}",
    "not_found": "This page does not exist.",
    "offline_copy": "Read offline: the whole site, every edition, in one zip file. Unzip it anywhere and double-click index.html to read, switch editions and search with no network.",
    "disclaimer": "Unofficial English translation made for this reader's edition. The Chinese original, [published by CNIPA]({url}), prevails.",
    "about_title": "About this edition",
    "about": (
        "- This English edition is an unofficial translation of the plan, made and published by the CNIPA 2022 Work "
        "Plan reader's edition (this site); the Chinese original, issued by the China National Intellectual Property "
        "Administration, prevails.\n"
        "- The simplified Chinese edition is the original, character for character; the traditional Chinese edition "
        "is converted from it."
    ),
    # the provenance record (source/<plan>.provenance.yml), in the "about" section of the home page
    "provenance_title": "Provenance of the text",
    "prov_title": "Title",
    "prov_issuer": "Issued by",
    "prov_issued": "Date of issue",
    "prov_issued_note": "month and day unconfirmed; a dated repost shows it public by {date}",
    "prov_official": "Official address",
    "prov_confirmed": "{url}",
    "prov_unconfirmed": "unconfirmed: no page on CNIPA's site (cnipa.gov.cn) carrying the text was found. "
    "A repost to check against: {url}",
    "prov_checked": "Checked",
    "prov_sha": "SHA-256 of the text this site is built from",
    "numbering": "The § numbers (such as §3.10: section 3, item 10) are this edition's, not CNIPA's: the original numbers its eight sections but not the items within them.",
    "category.agreement": "Agreements and treaties",
    "category.organisation": "Organizations and institutions",
    "category.programme": "Programs, campaigns and projects",
    "category.law-or-regulation": "Laws, regulations and policy documents",
    "category.ip-concept": "IP concepts",
    "category.policy-term": "Policy terms",
    # reading aids (term cards, pinyin)
    "card_label": "Glossary card",
    "card_close": "Close",
    "card_full": "Full glossary entry",
    "card_count": "In {n} places in the plan",
    "card_count.one": "In {n} place in the plan",  # plural forms: key.{CLDR category}, the key itself is "other"
    "card_count_none": "Not used in the text",
    "pinyin": "Pinyin",
    "pinyin_toggle": "Pinyin",
    "state_on": "on",
    "state_off": "off",
    "tools_category": "Category",
    "tools_section": "Appears in section",
    "tools_sort": "Sort",
    "tools_all": "All",
    "tools_by_category": "By category",
    "tools_by_pinyin": "By pinyin",
    "tools_by_english": "By English name",
    "tools_shown": "{n} terms shown",
    "tools_shown.one": "{n} term shown",
    # The trainer's kit (citation.py, outputs/citations.py, handouts.py, ebooks.py)
    "issuer": "China National Intellectual Property Administration",
    "issuer_place": "Beijing",
    "project": "CNIPA 2022 Work Plan reader's edition",
    "credit": "Unofficial English translation and glossary by {project}; the Chinese original, issued by the China National Intellectual Property Administration, prevails.",
    "csl_locale": "en-US",
    "cite_menu": "Citation style",
    "cite_link": "Link",
    "cite_range": "Range from {pin}: now press Cite on the last item of the range",
    "cite_range_from": "Cite a range from here…",
    "cite_range_cancel": "Cancel the range",
    "cite_no_address": "This copy was opened from a file and its public address is unknown, so the citations carry no link.",
    "style.plain": "Plain",
    "style.chicago": "Chicago (notes)",
    "pdf_font": "Noto Sans CJK SC",
    "handout_terms": "Terms used in this section",
    "handout_scan": "Scan for the online edition",
    "handout_source": "Source: China National Intellectual Property Administration ({url}). Unofficial English translation and glossary by {project}; the Chinese original prevails.",
    "handout_page": "Page {page} of {pages}",
    "handout_bilingual": "",
    "downloads": "Downloads",
    "download_handout": "This section as a handout (A4 PDF, {size})",
    "download_bilingual": "",
    "download_plan_pdf": "The whole plan as PDF (A4, {size})",
    "download_epub": "E-book (EPUB, {size})",
    "epub_front": "Title and general approach",
    "epub_glossary": "Appendix: Glossary",
}

EDITIONS: tuple[Edition, ...] = (
    Edition("zh-Hans", "简体中文", "zh-Hans", "en", True, ZH_HANS_UI),
    Edition(
        "zh-Hant",
        "繁體中文",
        "zh-Hant",
        "en",
        True,
        ZH_HANT_UI,
        text="convert",
        opencc="s2tw",
        typography="zh-Hant",
        og_locale="zh_TW",
        english_name="traditional Chinese",
    ),
    Edition(
        "en",
        "English",
        "en",
        "en",
        False,
        EN_UI,
        text="translation",
        typography="en",
        og_locale="en_US",
        english_name="English",
    ),
)

BY_CODE = {e.code: e for e in EDITIONS}


def plural_forms(ui: dict[str, str], key: str) -> dict[str, str]:
    """A counted string's forms by CLDR plural category (Intl.PluralRules picks one in the page):
    ui[key] is "other", ui[key + ".one"] etc. the others the edition's language has."""
    forms = {"other": ui[key]}
    forms.update({k.split(".", 1)[1]: v for k, v in ui.items() if k.startswith(key + ".")})
    return forms


def original(editions: tuple[Edition, ...]) -> Edition:
    """The edition that shows the plan as received."""
    return next(e for e in editions if e.text == "source")


def translated(editions: tuple[Edition, ...]) -> Edition | None:
    return next((e for e in editions if e.text == "translation"), None)


# Where CNIPA published the plan (linked from the English edition's disclaimer).
CNIPA_URL = "https://www.cnipa.gov.cn/"
