"""A Windows-like Python on Linux: on PYTHONPATH, it takes away what only Unix has.

Windows has no O_NONBLOCK, no set_blocking before 3.12 (and then for pipes only), no FIFOs, and no
termios, tty, fcntl or pty. sys.platform stays as it is: Click and Rich would then load their
real Windows console code, which cannot run here. getuid and friends stay too: pytest calls them
whenever sys.platform is not win32.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
from collections.abc import Sequence
from types import ModuleType

UNIX_ONLY_NAMES = ("O_NONBLOCK", "set_blocking", "get_blocking", "O_NOFOLLOW", "mkfifo")
UNIX_ONLY_MODULES = frozenset({"termios", "tty", "fcntl", "pty"})


class _UnixOnlyModules(importlib.abc.MetaPathFinder):
    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname in UNIX_ONLY_MODULES:
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None


for _name in UNIX_ONLY_NAMES:
    if hasattr(os, _name):
        delattr(os, _name)
for _module in UNIX_ONLY_MODULES:
    sys.modules.pop(_module, None)
sys.meta_path.insert(0, _UnixOnlyModules())
