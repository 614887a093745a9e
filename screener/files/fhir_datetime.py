"""A FHIR dateTime read as the spec writes it, without datetime.fromisoformat (which, before
Python 3.11, refuses a Z and fractions other than 3 or 6 digits).

FHIR R4 dateTime (R4 datatypes page, dateTime): a year, a year and month, a
date, or a date and time to the second with any fraction and, then, an offset (Z or +hh:mm
within 14 hours). Dates must exist.
"""

from __future__ import annotations

import datetime
import re

import msgspec

_DATE_TIME = re.compile(
    r"(?P<year>[0-9]{4})"
    r"(?:-(?P<month>0[1-9]|1[0-2])"
    r"(?:-(?P<day>0[1-9]|[12][0-9]|3[01])"
    r"(?:T(?P<hour>[01][0-9]|2[0-3]):(?P<minute>[0-5][0-9]):(?P<second>[0-5][0-9]|60)"
    r"(?:\.(?P<fraction>[0-9]+))?"
    r"(?P<zone>Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?"
)


class Moment(msgspec.Struct, frozen=True):
    """A dateTime as given, and as a moment when it has a time (a date alone has none)."""

    text: str
    moment: datetime.datetime | None


def parse(text: str) -> Moment | None:
    """The dateTime, or None when the text is not a valid FHIR dateTime."""
    match = _DATE_TIME.fullmatch(text)
    if match is None or match["year"] == "0000":
        return None
    year = int(match["year"])
    try:
        # A date that does not exist (30 February) is refused here.
        datetime.date(year, int(match["month"] or 1), int(match["day"] or 1))
    except ValueError:
        return None
    if match["hour"] is None:
        return Moment(text, None)
    zone = match["zone"]
    offset = datetime.timedelta(0)
    if zone != "Z":
        sign = -1 if zone[0] == "-" else 1
        offset = sign * datetime.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
    fraction = (match["fraction"] or "")[:6].ljust(6, "0")
    moment = datetime.datetime(
        year,
        int(match["month"]),
        int(match["day"]),
        int(match["hour"]),
        int(match["minute"]),
        min(int(match["second"]), 59),  # a leap second, as the last second of its minute
        int(fraction),
        datetime.timezone(offset),
    )
    return Moment(text, moment)
