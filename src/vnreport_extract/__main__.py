"""``python -m vnreport_extract``: the ``vnreport-extract`` command."""

import sys

from .cli import main

sys.exit(main())
