"""``python -m cleanscrape`` and the ``cleanscrape`` script run the command line."""

import contextlib
import sys


def main() -> None:
    """The command line, its imports included: a Ctrl-C among them (the first ~0.15 s)
    exits as an interrupted run does (cli.EXIT_INTERRUPTED), not with a traceback."""
    try:
        from .cli import main as run_command_line
    except KeyboardInterrupt:
        with contextlib.suppress(AttributeError, OSError):  # (a stderr closed, or failing: see cli.main)
            sys.stderr.write("cleanscrape: interrupted\n")
        sys.exit(130)
    run_command_line()


if __name__ == "__main__":
    main()
