"""Contacts files in: the bundled contacts, a service's own file, the config folder."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from screener.errors import DataError
from screener.files import documents
from screener.files.checked import checked
from screener.files.documents import Document
from screener.models.contacts import ContactBook, ServiceContacts
from screener.rules.contacts import check_contacts


def load_contacts(path: Path, display: str | None = None) -> ContactBook:
    return contacts_from_document(documents.load(path, display))


def contacts_from_document(document: Document) -> ContactBook:
    return checked(
        document,
        ContactBook,
        "a contacts file is a mapping with 'regions', not {kind}",
        check_contacts,
    )


SERVICE_FILE = "resources.yaml"


def load_service(path: Path, display: str | None = None) -> ServiceContacts:
    return service_from_document(documents.load(path, display))


def service_from_document(document: Document) -> ServiceContacts:
    return checked(
        document,
        ServiceContacts,
        "a service contacts file is a mapping with 'service' and 'contacts'",
    )


def config_file(environ: Mapping[str, str], platform: str) -> Path | None:
    """Where a service keeps its contacts: the platform's usual per-user config folder.

    Linux and other Unix: $XDG_CONFIG_HOME/screener (an absolute path, as the XDG spec asks),
    else ~/.config/screener; macOS: ~/Library/Application Support/screener; Windows:
    %APPDATA%\\screener. None when the environment names no home at all.
    """
    if platform == "win32":
        appdata = environ.get("APPDATA")
        return Path(appdata) / "screener" / SERVICE_FILE if appdata else None
    home = environ.get("HOME")
    if platform == "darwin":
        base = Path(home) / "Library" / "Application Support" if home else None
    else:
        xdg = environ.get("XDG_CONFIG_HOME", "")
        if xdg and Path(xdg).is_absolute():
            base = Path(xdg)
        else:
            base = Path(home) / ".config" if home else None
    return base / "screener" / SERVICE_FILE if base else None


SYSTEM_CONFIG_DIRS = "/etc/xdg"
"""XDG_CONFIG_DIRS when unset or empty, as the XDG Base Directory spec says."""


def config_folders(environ: Mapping[str, str], platform: str) -> list[Path]:
    """screener's config folders, most wanted first: the user's own (config_file's folder);
    then, on Linux and other Unix, screener/ in each folder XDG_CONFIG_DIRS lists (absolute
    paths only, as the spec asks; /etc/xdg if none), for settings a whole machine shares, such
    as a service's own contacts on its intake computers. The user's wins: the first folder
    that holds a file is the one read, whole (files are not merged)."""
    user = config_file(environ, platform)
    folders = [user.parent] if user else []
    if platform not in ("win32", "darwin"):
        listed = environ.get("XDG_CONFIG_DIRS", "") or SYSTEM_CONFIG_DIRS
        folders += [
            Path(folder) / "screener"
            for folder in listed.split(":")
            if folder and Path(folder).is_absolute()
        ]
    return folders


def found_config(name: str, environ: Mapping[str, str], platform: str) -> Path | None:
    """The file `name` in the first config folder that has it, else None."""
    return next(
        (
            folder / name
            for folder in config_folders(environ, platform)
            if (folder / name).is_file()
        ),
        None,
    )


def find_service(
    requested: Path | None,
    environ: Mapping[str, str],
    platform: str,
    *,
    warn: Callable[[str], None] | None = None,
) -> tuple[ServiceContacts | None, Path | None]:
    """--resources FILE if given (it must exist and be good), else the config file if any
    (the user's, else the system's: config_folders).

    A broken config file must not stop anyone reaching help: with `warn`, its first problem
    is passed on as one line and the region's public contacts are shown without it.
    """
    if requested is not None:
        return load_service(requested), requested
    path = found_config(SERVICE_FILE, environ, platform)
    if path is None:
        return None, None
    try:
        return load_service(path), path
    except DataError as error:
        if warn is None:
            raise
        warn(
            f"warning: the service contacts file is not usable, so only the public contacts "
            f"are shown: {error.problems[0]}"
        )
        return None, None
