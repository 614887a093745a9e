"""What screener says about itself: --version (read before the CLI loads, so it stays quick)
and the closing sections of the top-level --help (exit codes, files, environment)."""

from __future__ import annotations

import re
from pathlib import Path

from screener import VERSION_LINE
from screener.files import bundled
from screener.models.fhir_names import canonical_version

_TOP_LEVEL_KEY = re.compile(rb"^(id|version):[ \t]*[\"']?([^\"'\s#]+)", re.MULTILINE)
"""A bank's top-level `id:` and `version:`, read without parsing the YAML: --version has a
start-up budget (docs/performance.md); a test checks these agree with the loaded banks."""


def bank_version(path: Path) -> tuple[str, str, str]:
    """(id, language, version as a record's canonical carries it: '2.2.0+sha256.1a2b3c4d')."""
    import hashlib  # start-up: cli.py imports this module for its help text on every run

    raw = path.read_bytes()
    found = {key.decode(): value.decode() for key, value in _TOP_LEVEL_KEY.findall(raw)}
    language = path.name.split(".")[1]
    digest = hashlib.sha256(raw).hexdigest()
    return found.get("id", "?"), language, canonical_version(found.get("version", "?"), digest)


def version_text(python: str, system: str) -> str:
    """screener's version, the Python and platform it runs on, and each bundled bank exactly
    as a record names it, so a counsellor comparing records can tell which bank made each."""
    lines = [VERSION_LINE, f"Python {python} on {system}", "Bundled banks:"]
    lines.extend("  {} ({}) {}".format(*bank_version(path)) for path in bundled.bank_files())
    return "\n".join(lines) + "\n"


def this_platform() -> str:
    """The system, its release and the machine: 'Linux 6.18.4 x86_64'. Not platform.platform(),
    which starts a program on some systems and costs --version 40 ms."""
    import platform  # start-up: only --version names the platform

    return f"{platform.system()} {platform.release()} {platform.machine()}"


def python_version() -> str:
    import platform  # start-up: only --version names the Python

    return f"{platform.python_version()} ({platform.python_implementation()})"


TOP_HELP = """A private, offline self-check for ketamine use.

With no command, screener starts the self-check (the same as 'screener run').
Nothing is stored or sent anywhere unless you ask with --output.

Using a screen reader? Add --plain to any command (or set ACCESSIBLE=1): plain mode has
numbered choices, no boxes, no colour and no redraws.
"""

TOP_EPILOG = """\b
Exit codes:
  0    done: a summary was shown, or a command finished
  1    invalid data (a bank, contacts or answers file), an --output that
       cannot be written, or a summary shown whose record could not be saved
  2    usage: an unknown option, region, language or bank
  129  the terminal closed (SIGHUP) during a session
  130  ended before the summary: q, Esc or x, Ctrl-C, Ctrl-D, or a stop
       after the crisis screen
  143  stopped by SIGTERM during a session

\b
Files, in the config folder:
  Linux: $XDG_CONFIG_HOME/screener/ (else ~/.config/screener/); for the
         whole system, screener/ in each folder of $XDG_CONFIG_DIRS
         (else /etc/xdg)
  macOS: ~/Library/Application Support/screener/
  Windows: %APPDATA%\\screener\\
  resources.yaml      the service's own contacts, listed first
  counsellor.yaml     initials, region and records folder for intakes

\b
Environment:
  NO_COLOR            no colour (bold instead)
  FORCE_COLOR         colour and boxes even into a pipe or file
  CLICOLOR_FORCE      the same, when set and not 0
  ACCESSIBLE          plain mode, as --plain (so does TERM=dumb)
  PAGER               the pager for long texts
  LC_ALL, LC_MESSAGES, LANG, LANGUAGE    the language
  LC_ALL, LC_TELEPHONE, LC_ADDRESS, LANG the region (its territory)
  COLUMNS, LINES      the screen's size, if the terminal does not say
  SCREENER_COUNSELLOR, SCREENER_REGION, SCREENER_RECORDS
                      as counsellor.yaml's initials, region, records
  SCREENER_DATA       a folder read instead of the bundled questions/
"""
