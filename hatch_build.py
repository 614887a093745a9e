"""Build hook: name the Python a source install needs, before pip looks for dependencies.

Without it, `pip install .` on Python 3.9 ends with "No matching distribution found for
typer>=0.29", which does not say what is wrong. (From PyPI, pip reads requires-python itself.)
"""

from __future__ import annotations

import sys
from typing import Any

from hatchling.metadata.plugin.interface import MetadataHookInterface

OLDEST_PYTHON = (3, 10)


def python_problem(version: tuple[int, ...]) -> str | None:
    """The one line pip shows when this Python is too old, else None."""
    if tuple(version[:2]) >= OLDEST_PYTHON:
        return None
    needed = ".".join(map(str, OLDEST_PYTHON))
    found = ".".join(map(str, version[:3]))
    return f"screener needs Python {needed} or newer; this is Python {found}."


class CustomMetadataHook(MetadataHookInterface):
    def update(self, metadata: dict[str, Any]) -> None:
        problem = python_problem(sys.version_info[:3])
        if problem:
            raise SystemExit(problem)
