"""Asking the questions at a terminal: the introduction, the walk, and at a keyboard the
person's check of their answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the UI modules load only when a screening is shown, not for JSON
    from screener.commands.setup import Setup
    from screener.rules.walk import State, Walk
    from screener.terminal.console import AnyConsole


def ask(setup: Setup, console: AnyConsole, *, plain: bool, state: State) -> Walk:
    """The introduction, then the questions, gathered into `state` (the caller keeps it, so
    an ending can still see the answers); KeyboardInterrupt and EOFError propagate."""
    # start-up: the walk and the askers load only when questions are asked, not for --answers
    from screener.rules.review import interview
    from screener.rules.walk import Ending, Walk
    from screener.terminal.answer_review import ReviewingAsker
    from screener.terminal.prompt import echoes_typing

    asker = ReviewingAsker(console, setup.strings, setup.region, plain=plain, service=setup.service)
    if not asker.intro(setup.loaded.bank, welcomed=setup.welcomed):
        return Walk({}, Ending.QUIT)
    if not echoes_typing(console):  # a script's answers: nobody to check them
        # start-up: the walk loads only when questions are asked
        from screener.rules.walk import walk

        return walk(setup.loaded.bank, asker, state)
    # At a keyboard: the answers listed before the result (docs/endings.md, "review").
    return interview(setup.loaded.bank, asker, setup.strings, state)
