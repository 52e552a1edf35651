"""The reader's edition of CNIPA's 2022 work plan: one entry point, `python -m workplan`.

    cli        the command line
    build      orchestration; I/O through site.py (write, MkDocs, atomic swap, downloads cache)
      load     parse.py (plan text -> Plan), glossary.py, translation.py
      prepare  prepare.py: every edition's annotated text (annotate.py, convert.py), one loop
               over the editions' data in editions.py
      outputs  outputs/*: one module per output, render(content) -> files
                 docs/:  pages, configs (MkDocs and Zensical), search_index, data, ...
                         -> MkDocs builds each edition
                 site/:  root_pages; downloads (PDF, EPUB, zip) in the downloads stage;
                         service_worker last, over the built tree
    config     paths and the public address; imported by all, imports none of them

Imports run one way: cli -> build -> outputs -> render -> prepare -> model/config.
"""
