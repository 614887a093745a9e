"""The summary on screen and when it is paged: for a self-check the essentials first; a
summary taller than the screen is paged, the contacts kept in view at its end."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the UI modules load only when a screening is shown, not for JSON
    from screener.commands.setup import Setup
    from screener.models.result import Result
    from screener.terminal.console import AnyConsole


def show_summary(
    console: AnyConsole,
    setup: Setup,
    result: Result,
    *,
    plain: bool,
    saved_to: str | None,
    not_saved: str | None = None,
    crisis_heard: bool = False,
) -> None:
    """The summary on screen: for a self-check the essentials first, then the full text in
    parts (numbered in plain mode); `crisis_heard`: the crisis screen was just shown, so the
    summary refers to it. The record (--output) keeps the full text."""
    # start-up: the text renderer (Rich) loads only to draw
    from screener.render.text import print_sections

    bank = setup.loaded.bank
    if result.mode == "intake":
        # start-up: the summary builders load only to show a summary
        from screener.reports.intake import build_intake_summary

        sections = build_intake_summary(bank, result, setup.strings, saved_to, not_saved)
    else:
        # start-up: the summary builders load only to show a summary
        from screener.reports.essentials import essentials_first
        from screener.reports.summary import build_summary
        from screener.rules.contacts import for_listening

        region = for_listening(setup.region, plain)  # the record keeps the numbers as written
        full = build_summary(bank, result, region, setup.strings, saved_to, not_saved)
        sections = essentials_first(
            full,
            bank,
            result,
            region,
            setup.strings,
            crisis_heard=crisis_heard,
            numbered=plain,
        )
    # start-up: terminal/ is banned at module level (ruff TID253)
    from screener.terminal.pager import show_unless_plain

    # A severe result with flags runs to 100 lines: paged, its urgent advice is read first,
    # and the contacts and what was saved are shown again below, whatever was read.
    strings, region_name = setup.strings, result.resources.name
    kept_in_view = {
        strings.contacts_heading.format(region=region_name),
        strings.intake.contacts_heading.format(region=region_name),
        strings.about_heading,
    }
    ending = [section for section in sections if section.title in kept_in_view]
    show_unless_plain(
        console,
        lambda screen: print_sections(screen, sections, plain=plain),
        plain=plain,
        prompt=strings.pager_prompt,
        at_end=strings.pager_end,
        after=lambda screen: print_sections(screen, ending, plain=False),
    )
