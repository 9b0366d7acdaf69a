"""`python -m ianote_lib …`: the same command line as `ianote …`."""

import sys

from ianote_lib.running.cli import main

sys.exit(main())
