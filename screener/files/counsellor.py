"""A counsellor's own settings, so a day of intakes needs no retyping: initials, region, records.

Read from `counsellor.yaml` in screener's config folder (beside the service's contacts file,
files/contacts.py `config_folders`: the user's, else the system's), then from the environment,
which wins: SCREENER_COUNSELLOR, SCREENER_REGION, SCREENER_RECORDS. A command-line option wins
over both. The environment is the one `Terminal` read at start (terminal/host.py); nothing here
reads os.environ.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from screener.files.checked import convert
from screener.files.contacts import config_file, found_config
from screener.files.documents import load
from screener.models.base import Model

SETTINGS_FILE = "counsellor.yaml"

ENVIRONMENT = {
    "initials": "SCREENER_COUNSELLOR",
    "region": "SCREENER_REGION",
    "records": "SCREENER_RECORDS",
}
"""Each setting's environment variable."""


class CounsellorSettings(Model, frozen=True, kw_only=True):
    """What a counsellor sets once for every intake."""

    initials: str | None = None
    """The counsellor's initials or staff code for the record, as --counsellor."""
    region: str | None = None
    """The region whose contacts clients are given, as --region."""
    records: str | None = None
    """The folder the save offer suggests a record's file in (else the current folder)."""


def settings_file(environ: Mapping[str, str], platform: str) -> Path | None:
    """Where the settings live: screener's config folder, as for the service's contacts (the
    user's, else a system-wide one from XDG_CONFIG_DIRS; the user's own wins)."""
    found = found_config(SETTINGS_FILE, environ, platform)
    if found is not None:
        return found
    contacts = config_file(environ, platform)
    return contacts.with_name(SETTINGS_FILE) if contacts else None


def counsellor_settings(environ: Mapping[str, str], platform: str) -> CounsellorSettings:
    """The file's settings (if there is one; a broken one is a located error), with the
    environment's over them. Empty values count as unset."""
    path = settings_file(environ, platform)
    found = CounsellorSettings()
    if path is not None and path.is_file():
        document = load(path)
        if document.data is not None:
            found = convert(document, CounsellorSettings)
    values = {
        name: environ.get(variable, "").strip() or getattr(found, name)
        for name, variable in ENVIRONMENT.items()
    }
    return CounsellorSettings(**{name: value or None for name, value in values.items()})
