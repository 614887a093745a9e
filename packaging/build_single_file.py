"""Build screener as one executable file (screener, or screener.exe on Windows) with PyInstaller.

    python -m pip install '.[single-file]'
    python packaging/build_single_file.py [--dist DIR] [--stock-bootloader]

It builds for the system it runs on (a Windows build needs Windows, a macOS build a Mac). The file
carries Python, the libraries and the bundled questions, needs no installation and no admin
rights, and unpacks itself to a private temporary folder (mode 0700, removed at exit) each time
it starts.

On Linux the file starts from PyInstaller's own bootloader, rebuilt from the sources of the
installed PyInstaller with two changes (docs/single-file.md): it unpacks only where the file
system lets programs run (a /tmp mounted noexec is skipped for $XDG_RUNTIME_DIR or ~/.cache),
and it does not pass on the terminal's own Ctrl-C, which the program already got. Rebuilding
needs a C compiler and zlib's headers, and PyInstaller's source (downloaded with pip, or
$SCREENER_PYINSTALLER_SDIST); --stock-bootloader builds without those changes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The console script's own entry point, as a file PyInstaller can start from.
ENTRY = "from screener.launch import main\n\nmain()\n"

# In the rebuilt bootloader, so a build can be checked for it (and the test can say which it has).
MARKER = "screener-bootloader: exec-checked unpacking, terminal signals not forwarded"

# PyInstaller's choice of folder (bootloader/src/pyi_utils_posix.c): $TMPDIR, $TEMP, $TMP, /tmp,
# /var/tmp, /usr/tmp, the first where a folder can be made. Making one proves nothing about
# running from it: on a noexec mount the child then fails to map libz/libpython. The replacement
# tries the same places first, skips those on a noexec file system, then tries the per-user
# $XDG_RUNTIME_DIR (a tmpfs, emptied at logout) and ~/.cache, and only if all of those fail goes
# round once more as before, so it never does worse than the stock bootloader.
_TMPDIR_OLD_START = "    /* Check the standard environment variables */\n"
_TMPDIR_OLD_END = "    return -1; /* No suitable location found */\n"
_TMPDIR_NEW = """\
    {
        static const char *per_user_env_vars[] = { "XDG_RUNTIME_DIR", "HOME" };
        char *value;
        int need_exec;
        size_t j;

        for (need_exec = 1; need_exec >= 0; need_exec--) {
            for (j = 0; j < sizeof(candidate_env_vars) / sizeof(candidate_env_vars[0]); j++) {
                value = pyi_getenv(candidate_env_vars[j]);
                i = _screener_try_tmpdir(pyi_ctx, value, "", need_exec);
                free(value);
                if (i == 0) {
                    return 0;
                }
            }
            for (j = 0; j < sizeof(candidate_tmp_dirs) / sizeof(candidate_tmp_dirs[0]); j++) {
                if (_screener_try_tmpdir(pyi_ctx, candidate_tmp_dirs[j], "", need_exec) == 0) {
                    return 0;
                }
            }
            if (!need_exec) {
                break;
            }
            for (j = 0; j < sizeof(per_user_env_vars) / sizeof(per_user_env_vars[0]); j++) {
                value = pyi_getenv(per_user_env_vars[j]);
                i = _screener_try_tmpdir(pyi_ctx, value, j == 0 ? "" : "/.cache", need_exec);
                free(value);
                if (i == 0) {
                    return 0;
                }
            }
        }
    }

    return -1; /* No suitable location found */
"""

_HELPERS_ANCHOR = "int\npyi_create_temporary_application_directory(struct PYI_CONTEXT *pyi_ctx)\n"
_HELPERS = """\
#include <sys/statvfs.h>

/* glibc names ST_NOEXEC only under _GNU_SOURCE, which the bootloader is not built with. */
#if defined(__linux__) && !defined(ST_NOEXEC)
    #define ST_NOEXEC 8
#endif

/* Kept by the linker as an exported symbol, so a build can be checked for these changes. */
const char screener_bootloader_marker[] = "@MARKER@";

/* 1 unless the folder is on a file system mounted noexec (unknown counts as allowed). */
static int
_screener_allows_exec(const char *folder)
{
#if defined(ST_NOEXEC)
    struct statvfs info;

    if (statvfs(folder, &info) == 0 && (info.f_flag & ST_NOEXEC)) {
        return 0;
    }
#endif
    (void)folder;
    return 1;
}

/* Make _MEIxxxxxx (mode 0700, by mkdtemp) in base + suffix; suffix ~/.cache is made 0700 too. */
static int
_screener_try_tmpdir(struct PYI_CONTEXT *pyi_ctx, const char *base, const char *suffix,
                     int need_exec)
{
    int length;

    if (base == NULL || base[0] == 0) {
        return -1;
    }
    length = snprintf(pyi_ctx->application_home_dir, PYI_PATH_MAX, "%s%s", base, suffix);
    if (length < 0 || length >= PYI_PATH_MAX) {
        return -1;
    }
    if (suffix[0] != 0) {
        mkdir(pyi_ctx->application_home_dir, 0700);
    }
    if (need_exec && !_screener_allows_exec(pyi_ctx->application_home_dir)) {
        return -1;
    }
    return _pyi_format_and_create_tmpdir(pyi_ctx->application_home_dir);
}

"""

# PyInstaller's onefile parent forwards every signal it gets to the child. Ctrl-C in a terminal
# is sent by the kernel to the whole foreground process group, parent and child alike, so the
# child got SIGINT twice, and the second one could land in the goodbye's own except block and cut
# it short. Signals made by the kernel for the terminal (si_code SI_KERNEL: Ctrl-C, Ctrl-\,
# hang-up, window size) already reached the child; those sent with kill() (SIGTERM to the
# parent's PID, say) are still passed on, unlike with --bootloader-ignore-signals.
_SIGNAL_OLD = "        signal(signum, signal_handler);\n"
_SIGNAL_NEW = """\
#if defined(SI_KERNEL)
        if (signal_handler == &_signal_handler) {
            struct sigaction action;

            memset(&action, 0, sizeof(action));
            sigemptyset(&action.sa_mask);
            action.sa_sigaction = &_screener_forward_unless_terminal;
            /* SA_RESTART as signal() has: the waitpid() below is not retried on EINTR. */
            action.sa_flags = SA_SIGINFO | SA_RESTART;
            if (sigaction(signum, &action, NULL) == 0) {
                continue;
            }
        }
#endif
        signal(signum, signal_handler);
"""
_SIGNAL_HANDLER_ANCHOR = "/* Start frozen application in a subprocess."
_SIGNAL_HANDLER = """\
#if defined(SI_KERNEL)
static void
_screener_forward_unless_terminal(int signum, siginfo_t *info, void *context)
{
    (void)context;
    if (info != NULL && info->si_code == SI_KERNEL) {
        return;
    }
    _signal_handler(signum);
}
#endif

"""


def _replace_once(text: str, old: str, new: str) -> str:
    # A PyInstaller release that moved this code must stop the build, not ship it unpatched.
    if text.count(old) != 1:
        raise SystemExit(f"PyInstaller's bootloader changed; not found once: {old.strip()!r}")
    return text.replace(old, new)


def patch_bootloader_source(source: str) -> str:
    """pyi_utils_posix.c with the noexec-aware folder choice and the terminal-signal rule."""
    start = source.find(_TMPDIR_OLD_START)
    end = source.find(_TMPDIR_OLD_END, start)
    if start < 0 or end < 0:
        raise SystemExit("PyInstaller's bootloader changed: its temporary folder choice moved")
    source = source[:start] + _TMPDIR_NEW + source[end + len(_TMPDIR_OLD_END) :]
    helpers = _HELPERS.replace("@MARKER@", MARKER)
    source = _replace_once(source, _HELPERS_ANCHOR, helpers + _HELPERS_ANCHOR)
    source = _replace_once(source, _SIGNAL_HANDLER_ANCHOR, _SIGNAL_HANDLER + _SIGNAL_HANDLER_ANCHOR)
    return _replace_once(source, _SIGNAL_OLD, _SIGNAL_NEW)


def _pyinstaller_sdist(work: Path, version: str) -> Path:
    given = os.environ.get("SCREENER_PYINSTALLER_SDIST")
    if given:
        return Path(given)
    # The bootloader must be the installed release's own: it reads the archive that release writes.
    download = ["download", "--quiet", "--no-deps", "--no-binary=:all:", f"--dest={work}"]
    subprocess.run([sys.executable, "-m", "pip", *download, f"pyinstaller=={version}"], check=True)
    (sdist,) = work.glob("pyinstaller-*.tar.gz")
    return sdist


def rebuilt_bootloader(work: Path) -> Path:
    """PyInstaller's release bootloader for this platform, built with the two changes above."""
    import PyInstaller
    from PyInstaller import PLATFORM

    with tarfile.open(_pyinstaller_sdist(work, PyInstaller.__version__)) as archive:
        archive.extractall(work, filter="data")
    (source_tree,) = (path for path in work.glob("pyinstaller-*") if path.is_dir())
    c_file = source_tree / "bootloader" / "src" / "pyi_utils_posix.c"
    c_file.write_text(patch_bootloader_source(c_file.read_text(encoding="utf-8")), "utf-8")
    subprocess.run(
        [sys.executable, "waf", "all"],
        cwd=source_tree / "bootloader",
        check=True,
        stdout=subprocess.DEVNULL,
    )
    built: Path = source_tree / "PyInstaller" / "bootloader" / str(PLATFORM) / "run"
    if MARKER.encode() not in built.read_bytes():
        raise SystemExit(f"{built} was built without screener's changes")
    return built


def use_bootloader(bootloader: Path) -> None:
    """PyInstaller has no option for its bootloader's path; it asks this one method for it."""
    from PyInstaller.building import api

    stock: Callable[..., str] = api.EXE._bootloader_file

    def chosen(self: object, exe: str, extension: str | None = None) -> str:
        path = stock(self, exe, extension)
        return str(bootloader) if Path(path).name == "run" else path

    api.EXE._bootloader_file = chosen


def pyinstaller_arguments(
    entry: Path, dist: Path, work: Path, *, ignore_signals: bool = False
) -> list[str]:
    """questions/ sits beside the package in a checkout and inside it once installed; the
    bundle mirrors the installed layout, so screener finds its data the same way."""
    questions = f"{ROOT / 'questions'}{os.pathsep}screener/questions"
    arguments = [
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
    if ignore_signals:
        arguments.append("--bootloader-ignore-signals")
    return arguments


def rebuilds_bootloader() -> bool:
    """Linux only: elsewhere the stock bootloader stays (docs/single-file.md says why)."""
    return sys.platform.startswith("linux")


def build(dist: Path, *, stock_bootloader: bool = False) -> Path:
    import PyInstaller.__main__

    with tempfile.TemporaryDirectory(prefix="screener-build-") as folder:
        work = Path(folder)
        entry = work / "screener_entry.py"
        entry.write_text(ENTRY, encoding="utf-8")
        rebuilt = not stock_bootloader and rebuilds_bootloader()
        if rebuilt:
            source = work / "pyinstaller-source"
            source.mkdir()
            use_bootloader(rebuilt_bootloader(source))
        # Where the stock bootloader runs on macOS, the parent ignoring signals is the one way to
        # keep the terminal's Ctrl-C from reaching the child twice (the child is in the terminal's
        # process group and gets its own). Windows' bootloader has no signal forwarding to change.
        ignore_signals = not rebuilt and sys.platform == "darwin"
        PyInstaller.__main__.run(
            pyinstaller_arguments(entry, dist, work, ignore_signals=ignore_signals)
        )
    return dist / ("screener.exe" if sys.platform == "win32" else "screener")


def main() -> None:
    parser = argparse.ArgumentParser(description="Build screener as one executable file.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where to put it")
    parser.add_argument(
        "--stock-bootloader",
        action="store_true",
        help="PyInstaller's bootloader unchanged (no compiler needed; fails where /tmp is noexec)",
    )
    arguments = parser.parse_args()
    built = build(arguments.dist.resolve(), stock_bootloader=arguments.stock_bootloader)
    print(f"Built {built} ({built.stat().st_size / 1_000_000:.1f} MB)")


if __name__ == "__main__":
    main()
