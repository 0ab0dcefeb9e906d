"""Which library an officer works with: the file named, else their own, else the bundled one.

Kept out of `library.store` so that the store never reaches for the bundled library: the
seeds are built by `library.ingest`, which uses the store (no import cycle, deferred or not).
"""

from __future__ import annotations

import os
from pathlib import Path

from replydraft.errors import ReplydraftError
from replydraft.files import locations
from replydraft.library.seeds import default_library
from replydraft.library.store import Library
from replydraft.messages import msg


def library_for_user(
    path: str | os.PathLike[str] | None = None, *, missing_ok: bool = False
) -> Library:
    """`path` if given, else the officer's own library if it exists, else the default.

    An explicit `path` that does not exist is an error, unless `missing_ok` (ingest starts a
    new library there).
    """
    if path is not None:
        target = Path(path)
        if not target.exists():
            if missing_ok:
                return Library([], target)
            raise ReplydraftError(msg("error.library_not_found"), target)
        return Library.load(target)
    own = locations.user_library()
    if own.exists():
        return Library.load(own)
    return default_library()
