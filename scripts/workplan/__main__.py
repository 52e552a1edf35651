import os
import sys

from .cli import main

status = main()
# Leave without tearing the interpreter down: freeing pypinyin's and jieba's dictionaries object by
# object takes longer than a third of the build (mypy leaves the same way).  Every file is written
# and closed by now; only the standard streams may hold output.
sys.stdout.flush()
sys.stderr.flush()
os._exit(status)
