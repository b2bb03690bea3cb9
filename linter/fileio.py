"""Writing output files safely: never a half-written file, never the user's input."""
from __future__ import annotations

import os
import tempfile
from typing import Iterable


def write_atomically(path: str, data: "str | bytes | Iterable[str | bytes]") -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory and a rename.

    ``data`` may also be pieces of text or bytes, written as they come (a formatter's
    :meth:`~linter.formatters.Formatter.chunks`)."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".jixiao-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in (data,) if isinstance(data, (str, bytes)) else data:
                fh.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
