"""Build screener as one executable file (screener, or screener.exe on Windows) with PyInstaller.

    python -m pip install '.[single-file]'
    python packaging/build_single_file.py [--dist DIR]

It builds for the system it runs on (a Windows build needs Windows, a macOS build a Mac). The file
carries Python, the libraries and the bundled questions, needs no installation and no admin
rights, and unpacks itself to a temporary folder each time it starts.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The console script's own entry point, as a file PyInstaller can start from.
ENTRY = "from screener.launch import main\n\nmain()\n"


def pyinstaller_arguments(entry: Path, dist: Path, work: Path) -> list[str]:
    """questions/ sits beside the package in a checkout and inside it once installed; the
    bundle mirrors the installed layout, so screener finds its data the same way."""
    questions = f"{ROOT / 'questions'}{os.pathsep}screener/questions"
    return [
        str(entry),
        "--onefile",
        "--console",
        "--name=screener",
        "--noconfirm",
        "--clean",
        "--log-level=WARN",
        f"--paths={ROOT}",
        f"--add-data={questions}",
        f"--distpath={dist}",
        f"--workpath={work / 'build'}",
        f"--specpath={work}",
    ]


def build(dist: Path) -> Path:
    import PyInstaller.__main__

    with tempfile.TemporaryDirectory(prefix="screener-build-") as folder:
        work = Path(folder)
        entry = work / "screener_entry.py"
        entry.write_text(ENTRY, encoding="utf-8")
        PyInstaller.__main__.run(pyinstaller_arguments(entry, dist, work))
    return dist / ("screener.exe" if sys.platform == "win32" else "screener")


def main() -> None:
    parser = argparse.ArgumentParser(description="Build screener as one executable file.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where to put it")
    arguments = parser.parse_args()
    built = build(arguments.dist.resolve())
    print(f"Built {built} ({built.stat().st_size / 1_000_000:.1f} MB)")


if __name__ == "__main__":
    main()
