"""Write a result whole or not at all: private where the system allows, never clobbering."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from screener.errors import WriteError

# How file systems without hard links (FAT, exFAT, many SMB shares) refuse os.link: Linux and
# macOS say EPERM or ENOTSUP, a link across devices EXDEV, Windows on FAT ERROR_INVALID_FUNCTION
# (EINVAL to Python). The record is then created on its final name instead.
LINKS_REFUSED = frozenset(
    {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EINVAL, errno.ENOSYS}
)

# Windows would otherwise translate newlines: a record's bytes are the same everywhere.
_BINARY = getattr(os, "O_BINARY", 0)

TEMPORARY_SUFFIX = ".screener.tmp"
"""Every temporary file screener makes ends so: `.NAME.XXXXXXXX.screener.tmp` beside a record,
`.screener-XXXXXXXX.screener.tmp` to test a folder. Only these are ever removed as stale."""

STALE_AFTER_SECONDS = 600
"""A temporary file of ours older than this was left by a machine that lost power mid-save (a
signal cannot leave one: they wait for the save). Younger ones may be another save's, now."""


def record_bytes(text: str) -> bytes:
    """A record as it is stored or sent: UTF-8, whatever the locale or code page."""
    return text.encode("utf-8")


ENDING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)
)
"""What may end a session mid-save: a closed window, a shutdown (not on Windows)."""


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Within: SIGHUP and SIGTERM wait, delivered as the block ends, so a record being written
    is finished (or its temporary removed) first: no ending leaves half a save."""
    block = getattr(signal, "pthread_sigmask", None)
    if block is None or not ENDING_SIGNALS:
        yield
        return
    previous = block(signal.SIG_BLOCK, set(ENDING_SIGNALS))
    try:
        yield
    finally:
        block(signal.SIG_SETMASK, previous)


def write_record(stream: TextIO, text: str) -> None:
    """A record on standard output as UTF-8 bytes: a Windows code page or a Latin-1 locale
    would otherwise write another encoding (or fail on a character it lacks). SIGHUP and
    SIGTERM wait until it is written."""
    buffer: BinaryIO | None = getattr(stream, "buffer", None)
    with signals_held():
        if buffer is None:  # a stream of text only, such as a StringIO
            stream.write(text)
            return
        stream.flush()  # what was written as text comes first
        buffer.write(record_bytes(text))
        buffer.flush()


def check_target(path: Path, *, force: bool) -> None:
    """Fail before any question is asked if the file could not be written later."""
    name = str(path)
    if path.is_symlink():
        raise WriteError(name, "is a symbolic link; screener will not write through it", "symlink")
    if path.exists():
        if path.is_dir():
            raise WriteError(name, "is a folder; give a file name", "folder")
        if not force:
            raise WriteError(name, "already exists; add --force to replace it", "exists")
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise WriteError(
            name,
            f"cannot be written: {folder} is a file, not a folder",
            "not_a_folder",
            str(folder),
        )
    if not folder.is_dir():
        raise WriteError(name, f"cannot be written: no folder {folder}", "no_folder", str(folder))
    _try_a_file_in(folder, name)


def _try_a_file_in(folder: Path, name: str) -> None:
    """Create and remove a file there: os.access says yes on Windows and to root, whatever
    the folder's rules or a read-only drive say."""
    try:
        descriptor, probe = tempfile.mkstemp(
            dir=folder, prefix=".screener-", suffix=TEMPORARY_SUFFIX
        )
    except OSError as error:
        if error.errno in (errno.EACCES, errno.EPERM):
            raise WriteError(
                name,
                f"cannot be written: folder {folder} is not writable",
                "not_writable",
                str(folder),
            ) from None
        reason = str(error.strerror or error)
        raise WriteError(name, f"cannot be written: {reason}", "failed", reason) from None
    os.close(descriptor)
    with contextlib.suppress(OSError):
        Path(probe).unlink()


def write_private(path: Path, text: str, *, force: bool) -> None:
    """Write a 0600 temporary file beside the target and fsync it, then move it into place:
    replaced with --force, else hard-linked so that a file that appeared meanwhile is never
    overwritten, or, where the file system has no hard links, created exclusively. SIGHUP and
    SIGTERM wait until it is done, so none leaves a temporary file behind."""
    with signals_held():
        _write_private(path, text, force=force)


def _write_private(path: Path, text: str, *, force: bool) -> None:
    check_target(path, force=force)
    remove_stale_temporaries(path.parent)
    name = str(path)
    data = record_bytes(text)
    temporary: Path | None = None
    try:
        descriptor, name_of_temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX
        )
        temporary = Path(name_of_temporary)
        _write_all(descriptor, data)
        if force:
            temporary.replace(path)
        else:
            _link_or_create(temporary, path, data)
    except FileExistsError:
        raise WriteError(name, "already exists; add --force to replace it", "exists") from None
    except OSError as error:
        reason = str(error.strerror or error)
        raise WriteError(name, f"cannot be written: {reason}", "failed", reason) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()


def remove_stale_temporaries(folder: Path, now: float | None = None) -> list[Path]:
    """Remove our own temporary files older than STALE_AFTER_SECONDS from `folder` (a save
    cut short by a power cut leaves a hidden copy of a whole record): the ones removed.
    `now` is the time to compare with (seconds since the epoch; a test's), else the clock."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        candidates = list(folder.glob(f".*{TEMPORARY_SUFFIX}"))
    except OSError:
        return removed
    for candidate in candidates:
        try:
            info = candidate.lstat()
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < STALE_AFTER_SECONDS:
                continue
            if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
                continue  # someone else's: not ours to remove
            candidate.unlink()
            removed.append(candidate)
        except OSError:
            continue
    return removed


def _link_or_create(temporary: Path, path: Path, data: bytes) -> None:
    if hasattr(os, "link"):
        try:
            os.link(temporary, path)  # fails if the target appeared meanwhile: no clobbering
            return
        except FileExistsError:
            raise
        except OSError as error:
            if error.errno not in LINKS_REFUSED:
                raise
    _create_exclusively(path, data)


def _create_exclusively(path: Path, data: bytes) -> None:
    """O_EXCL on the final name keeps the no-clobber promise (it also refuses a symlink);
    if the write fails, the part-written file is ours to remove."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o600)
    try:
        _write_all(descriptor, data)
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise


def _write_all(descriptor: int, data: bytes) -> None:
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
