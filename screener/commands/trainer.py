"""The trainer's tools: a bank explained, a persona played out, answers flipped to see changes.

Each function here is one command's work; the screens live in trainer_screen, demo and
whatif_screen. Nothing here sleeps or reads the keyboard directly: both are passed in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from screener.commands.contacts import contacts_for, find_place
from screener.commands.setup import find_bank
from screener.errors import UsageError
from screener.files.examples import find_example, load_checked_bank
from screener.files.wording import load_strings, load_trainer_strings
from screener.render import ExplainFormat, Format, assert_never
from screener.terminal.console import make_console
from screener.terminal.trainer_screen import Control, Pause, TrainerScreen, TrainerSetup

if TYPE_CHECKING:
    from screener.commands.setup import Setup
    from screener.models.result import Result
    from screener.terminal.console import Screen
    from screener.terminal.host import Terminal


def prepare(
    bank: str | None,
    terminal: Terminal,
    *,
    region: str | None = None,
    language: str | None = None,
) -> TrainerSetup:
    """The bank in --lang (else the locale's language), and the contacts a run would show:
    the service's own too, in the bank's language and the one order."""
    place = find_place(region, terminal.environ)
    loaded = load_checked_bank(find_bank(bank, language, terminal.environ, place.region.language))
    language = loaded.bank.language  # the one find_bank() chose
    shown = contacts_for(place.region, None, language, terminal)
    return TrainerSetup(
        loaded, load_strings(language), load_trainer_strings(language), shown.region
    )


def explain(
    bank: str | None,
    output_format: ExplainFormat,
    plain: bool,
    terminal: Terminal,
    *,
    language: str | None = None,
    projector: bool = False,
) -> None:
    """Write the bank explained: text (Rich on a terminal, plain when piped), Markdown or JSON."""
    # start-up: each trainer command loads only the renderers it uses
    from screener import __version__
    from screener.render.explain import (
        print_handout,
        render_explanation_json,
        render_handout_markdown,
    )
    from screener.reports.explain import explain as explanation_of
    from screener.reports.handout import handout

    setup = prepare(bank, terminal, language=language)
    stream = terminal.stdout
    explanation = explanation_of(setup.loaded)
    strings = setup.strings
    document = handout(
        explanation,
        setup.words,
        strings.answer_labels,
        strings.intake.kind_labels,
        unsure_key=strings.answer_words.unsure[0],
    )
    match output_format:
        case ExplainFormat.json:
            stream.write(render_explanation_json(explanation))
        case ExplainFormat.markdown:
            reference = explanation.bank
            footer = setup.words.handout_footer.format(
                id=reference.id,
                version=reference.version,
                language=reference.language,
                sha256=reference.sha256,
                screener=__version__,
            )
            ids = [item.id for item in explanation.items]
            ids += [flag.id for flag in explanation.flags]
            ids += [adaptation.id for adaptation in explanation.adaptations]
            stream.write(render_handout_markdown(document, footer, ids))
        case ExplainFormat.text:
            is_plain = terminal.wants_plain(plain, stream)
            console = make_console(terminal, stream, plain=is_plain, projector=projector)
            if is_plain:
                print_handout(console, document, plain=True)
            else:  # over a thousand lines: paged from the top on a live terminal, like a summary
                # start-up: terminal/ loads only to draw on a screen
                from screener.terminal.pager import show_paged

                show_paged(
                    console,
                    lambda screen: print_handout(screen, document, plain=False),
                    terminal,
                    prompt=strings.pager_prompt,
                    at_end=strings.pager_end,
                )
        case _:  # pragma: no cover - every format is handled above
            assert_never(output_format)


def key_pause(screen: TrainerScreen) -> Pause:
    """Wait for Enter; b goes back a step, q stops. End of input (Ctrl-D) propagates."""
    # start-up: terminal/ loads only to draw on a screen
    from screener.terminal.prompt import ask_line

    def pause() -> Control:
        typed = ask_line(screen.console, screen.words.demo_pause, plain=screen.plain, quiet=True)
        return _control(screen, typed) or Control.NEXT

    return pause


def timed_pause(
    seconds: float, screen: TrainerScreen, line_within: Callable[[float], str | None]
) -> Pause:
    """On by itself every `seconds`; a line typed meanwhile is heard: q stops, b goes back,
    anything else (Enter) pauses until the next Enter."""
    waiting = key_pause(screen)

    def pause() -> Control:
        typed = line_within(seconds)
        if typed is None:
            return Control.NEXT
        return _control(screen, typed) or waiting()

    return pause


def _control(screen: TrainerScreen, typed: str) -> Control | None:
    # start-up: terminal/ loads only to draw on a screen
    from screener.terminal.prompt import normalise

    words = screen.setup.strings.command_words
    word = normalise(typed)
    if word in words.quit:
        return Control.STOP
    if word in words.back:
        return Control.BACK
    return None


def demo(
    persona: str | None,
    *,
    pace: float | None,
    bank: str | None,
    region: str | None,
    plain: bool,
    terminal: Terminal,
    line_within: Callable[[float], str | None] | None = None,
    language: str | None = None,
    projector: bool = False,
) -> bool:
    """List the personas, or play one out and then flip its answers. False if stopped early.

    `line_within` paces the steps with --pace while listening for the trainer's keys
    (terminal.pace.line_within unless a test passes its own).
    """
    # start-up: terminal/ loads only to draw on a screen
    from screener.terminal.demo import list_personas, play
    from screener.terminal.whatif_screen import what_if

    setup = prepare(bank, terminal, region=region, language=language)
    stream = terminal.stdout
    is_plain = terminal.wants_plain(plain, stream)
    console = make_console(terminal, stream, plain=is_plain, projector=projector)
    if persona is None:
        list_personas(setup, console, plain=is_plain)
        return True
    example = find_example(setup.loaded.bank, persona)
    if example is None:
        known = ", ".join(example.id for example in setup.loaded.bank.examples) or "none"
        raise UsageError(
            f"no persona '{persona}' in bank '{setup.loaded.bank.id}'; personas: {known}"
        )
    screen = TrainerScreen(console, setup, plain=is_plain)
    if pace is None:
        pause = key_pause(screen)
    else:
        # start-up: terminal/ loads only to draw on a screen
        from screener.terminal import pace as pacing

        pause = timed_pause(
            pace, screen, line_within or (lambda seconds: pacing.line_within(terminal, seconds))
        )
    answers = play(screen, example, pause, paced=pace)
    if answers is None or pause() is Control.STOP:
        return False
    what_if(screen, answers)
    return True


def check_trainer_options(
    answers: object, output_format: Format, output: object, *, at_a_keyboard: bool
) -> None:
    """--trainer flips answers on screen: text, no --output. Without --answers the questions
    are asked first, so someone must be at a terminal to answer them."""
    if output_format is not Format.text or output is not None:
        raise UsageError("--trainer shows the result on screen: it needs text and no --output")
    if answers is None and not at_a_keyboard:
        raise UsageError("--trainer needs --answers FILE when input is not a terminal")


def what_if_after_replay(console: Screen, setup: Setup, result: Result, *, plain: bool) -> None:
    """After a replayed summary: the counsellor's view, then the what-if loop."""
    # start-up: terminal/ loads only to draw on a screen
    from screener.reports.summary import build_professional_summary
    from screener.terminal.whatif_screen import what_if

    language = setup.loaded.bank.language
    trainer_setup = TrainerSetup(
        setup.loaded, setup.strings, load_trainer_strings(language), setup.region
    )
    screen = TrainerScreen(console, trainer_setup, plain=plain)
    bank = setup.loaded.bank
    screen.sections(build_professional_summary(bank, result, setup.strings, by_question=True))
    what_if(screen, result.answers)


def what_if_after_check(console: Screen, setup: Setup, result: Result, *, plain: bool) -> None:
    """After a self-check's summary, asked live: the same what-if as after a replay. Ctrl-C
    at "What if:" ends the line and the session with 130, as after a replay and in the demo."""
    # start-up: the endings load only when a what-if ends
    from screener.rules.endings import SessionEnded, Stop

    try:
        what_if_after_replay(console, setup, result, plain=plain)
    except KeyboardInterrupt:
        console.print()
        raise SessionEnded(Stop.INTERRUPTED) from None
