"""The reader's edition of CNIPA's 2022 work plan: one entry point, `python -m workplan`."""

import sys

from .cli import main

sys.exit(main())
