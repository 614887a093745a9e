"""A result as a whole record in one format (text at 80 columns, plain), for a file or
standard output."""

from __future__ import annotations

from typing import TYPE_CHECKING

from screener.render import Format, renderer_for

if TYPE_CHECKING:
    from screener.commands.setup import Setup
    from screener.models.result import Result


def render(
    result: Result, setup: Setup, output_format: Format, *, saved_to: str | None = None
) -> str:
    """The result as a whole document in one format (text at 80 columns, plain)."""
    # start-up: the record builder loads only to write a record
    from screener.reports.record import Screening

    screening = Screening(
        setup.loaded.bank,
        setup.strings,
        setup.region,
        result,
        saved_to,
        client_system=setup.client_system,
    )
    return renderer_for(output_format).render(screening)
