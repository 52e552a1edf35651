import atexit
import os
import sys

from .cli import main

status = main()
# Leave without tearing the interpreter down: freeing pypinyin's and jieba's dictionaries object by
# object takes longer than a third of the build (mypy leaves the same way).  Every file is written
# and closed by now; the exit handlers (temporary folders) still run, and the standard streams are flushed.
atexit._run_exitfuncs()
sys.stdout.flush()
sys.stderr.flush()
os._exit(status)
