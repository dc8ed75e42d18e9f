"""`python -m takstberegner` runs the command line."""
import sys

from takstberegner.cli import main

sys.exit(main())
