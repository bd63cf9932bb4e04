"""``python -m cleanscrape`` runs the command line."""

from .cli import main

main()
