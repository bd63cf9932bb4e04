"""Reading inputs and writing outputs for the command line: formats, compression,
atomic files and checkpoints.  See :mod:`.readers` and :mod:`.writers`."""

from __future__ import annotations
