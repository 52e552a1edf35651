"""MkDocs hooks of every build the pipeline runs (site.mkdocs_build passes this file as `hooks`).

on_env: Jinja's own file cache of compiled templates.  MkDocs makes a new Jinja environment for
every build, so without it every edition, every build process and every preview rebuild compiles
Material's templates again.  Jinja checks each entry against its template's source and the
Python version, so an edited template is compiled anew.
"""
from __future__ import annotations

import jinja2

_CACHE = jinja2.FileSystemBytecodeCache()  # Jinja's default: a folder of this user's in the temp dir


def on_env(env, config, files):
    env.bytecode_cache = _CACHE
    return env
