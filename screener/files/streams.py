"""Standard output and error on any console: ASCII look-alikes where a code page lacks a
character, a record redirected into a file kept owner-only, a closed pipe kept quiet."""

from __future__ import annotations

import codecs
import errno
import io
import os
import stat
import unicodedata
from pathlib import Path
from typing import TextIO

LOOKALIKES_HANDLER = "screener-lookalikes"

# What Rich already does for boxes, for every other character a code page may lack.
_LOOKALIKES = {
    "\u2022": "*",  # bullet
    "\u00b7": ".",  # middle dot
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2026": "...",
    "\u2192": "->",
    "\u2190": "<-",
    "\u00d7": "x",  # multiplication sign
    "\u00a0": " ",  # no-break space
    "\u2500": "-",  # box drawing, where Rich has not chosen ASCII boxes itself
    "\u2501": "-",
    "\u2502": "|",
    "\u2503": "|",
}


def lookalike(character: str) -> str:
    """An ASCII stand-in: a known look-alike, the letter without its accent, else '?'."""
    if character in _LOOKALIKES:
        return _LOOKALIKES[character]
    bare = unicodedata.normalize("NFKD", character).encode("ascii", "ignore").decode()
    return bare or "?"


def _replace_with_lookalikes(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(lookalike(character) for character in bad), error.end


codecs.register_error(LOOKALIKES_HANDLER, _replace_with_lookalikes)


def _is_utf(stream: TextIO) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    return encoding.startswith(("utf-8", "utf8", "utf-16", "utf-32"))


def draw_on_any_console(*streams: TextIO) -> None:
    """A Latin-1 terminal or a cp1251, Shift-JIS or EUC-KR console shows '*' for a bullet
    (and so on) instead of ending in a UnicodeEncodeError mid-summary."""
    for stream in streams:
        if isinstance(stream, io.TextIOWrapper) and not _is_utf(stream):
            stream.reconfigure(errors=LOOKALIKES_HANDLER)


def private_file_behind(stream: TextIO, warnings: TextIO) -> str | None:
    """`screener --format json > record.json`: when standard output is a regular file we own,
    make it owner-only (the shell made it 0644) and give its name; None if it is no file."""
    try:
        descriptor = stream.fileno()
        info = os.fstat(descriptor)
    except (AttributeError, OSError, ValueError):
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    name = _name_of(descriptor)
    if info.st_uid != os.geteuid() or not _owner_only(descriptor):
        warnings.write(
            f"Warning: {name} may be readable by others; with --output FILE the record is "
            "always owner-only.\n"
        )
        return None
    return name


def _owner_only(descriptor: int) -> bool:
    try:
        os.fchmod(descriptor, 0o600)
    except (AttributeError, OSError):  # no fchmod on Windows; a file system without modes
        return False
    return True


def _name_of(descriptor: int) -> str:
    try:
        return str(Path(f"/proc/self/fd/{descriptor}").readlink())
    except OSError:
        return "the file standard output goes to"


def is_closed_pipe(error: OSError) -> bool:
    return isinstance(error, BrokenPipeError) or error.errno == errno.EPIPE


def silence(stream: TextIO) -> None:
    """After a closed pipe or a closed terminal: nothing more to write there, and no
    complaint at exit (what is still buffered goes to the null device)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    finally:
        os.close(devnull)
