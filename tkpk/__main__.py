import sys

from tkpk.cli import main

sys.exit(main())
