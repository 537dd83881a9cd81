"""`python -m patroon_tui` runs the same command line as `patroon`."""

import sys

from patroon_tui.cli import main

sys.exit(main())
