"""`python -m careertui` runs the command line."""

from careertui.cli import main

main()
