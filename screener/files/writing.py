"""Write a result file whole or not at all: owner-only, no clobbering, never via a symlink."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from screener.errors import DataError


def check_target(path: Path, *, force: bool) -> None:
    """Fail before any question is asked if the file could not be written later."""
    name = str(path)
    if path.is_symlink():
        raise DataError.single(name, "is a symbolic link; screener will not write through it")
    if path.exists():
        if path.is_dir():
            raise DataError.single(name, "is a folder; give a file name")
        if not force:
            raise DataError.single(name, "already exists; add --force to replace it")
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise DataError.single(name, f"cannot be written: {folder} is a file, not a folder")
    if not folder.is_dir():
        raise DataError.single(name, f"cannot be written: no folder {folder}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DataError.single(name, f"cannot be written: folder {folder} is not writable")


def write_private(path: Path, text: str, *, force: bool) -> None:
    """Write to a 0600 temporary file beside the target, then move it into place."""
    check_target(path, force=force)
    name = str(path)
    temporary: Path | None = None
    try:
        descriptor, name_of_temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
        temporary = Path(name_of_temporary)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            temporary.replace(path)
        else:
            os.link(temporary, path)  # fails if the target appeared meanwhile: no clobbering
    except FileExistsError:
        raise DataError.single(name, "already exists; add --force to replace it") from None
    except OSError as error:
        raise DataError.single(name, f"cannot be written: {error.strerror or error}") from None
    finally:
        if temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
