"""What every `participatie` sub-command shares.

Exit status 0 = done, 1 = refused because of the data (reasons on stderr), 2 = wrong usage.
Results go to stdout, messages to stderr. Each area keeps its own commands in its own cli.py and
imports only this module of the command-line plumbing; participatie/cli.py adds them all.
"""

from __future__ import annotations

import sys
from typing import NoReturn

import click


def refuse(message: str) -> NoReturn:
    """Refused because of the data: the reason on stderr, exit status 1."""
    click.echo(message, err=True)
    sys.exit(1)
