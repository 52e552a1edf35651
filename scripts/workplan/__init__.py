"""The reader's edition of CNIPA's 2022 work plan: one entry point, `python -m workplan`.

    cli               the command line; serve.py the live preview (make serve)
    pipeline          orchestration; I/O through site.py (write, MkDocs, atomic swap, downloads cache)
      load            parse.py (plan text -> Plan), glossary.py, translation.py, provenance.py
      prepare         prepare.py: every edition's annotated text (annotate.py, convert.py, pinyin/),
                      one loop over the editions' data in editions.py
      outputs         outputs/*: one module per output, render(content) -> files; the page text
                      of an edition from edition_markdown.py (its Renderer)
                        docs/:  pages, configs (MkDocs and Zensical), search_index, data, ...
                                -> MkDocs builds each edition (site.MkDocsPool, mkdocs_hooks.py)
                        site/:  root_pages; downloads (PDF, EPUB, zip) in the downloads stage;
                                service_worker last, over the built tree
    other_builders    the generated docs/ built by ProperDocs, Zensical or the mkdocs command
    config            paths and the public address; imported by all, imports none of them

Imports run one way: cli -> pipeline -> outputs -> edition_markdown -> prepare -> model/config.
"""
