"""The trainer's tools: a bank explained, a persona played out, answers flipped to see changes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TextIO

from screener import bundled
from screener.bank import LoadedBank
from screener.examples import load_checked_bank
from screener.models import Region, TrainerStrings, UiStrings
from screener.render import ExplainFormat, assert_never
from screener.resources import choose_region, load_contacts
from screener.screening import find_bank, make_console, wants_plain
from screener.strings import load_strings, load_trainer_strings


@dataclass(frozen=True)
class TrainerSetup:
    """A bank whose examples have been checked, and the wording and contacts to show it with."""

    loaded: LoadedBank
    strings: UiStrings
    words: TrainerStrings
    region: Region


def prepare(
    bank: str | None, environ: Mapping[str, str], *, region: str | None = None
) -> TrainerSetup:
    loaded = load_checked_bank(find_bank(bank, None, environ))
    language = loaded.bank.language
    contacts = load_contacts(bundled.contacts_file())
    return TrainerSetup(
        loaded,
        load_strings(language),
        load_trainer_strings(language),
        choose_region(contacts, region, environ),
    )


def explain(
    bank: str | None,
    output_format: ExplainFormat,
    *,
    plain: bool,
    environ: Mapping[str, str],
    stream: TextIO,
) -> None:
    """Write the bank explained: text (Rich on a terminal, plain when piped), Markdown or JSON."""
    from screener import __version__
    from screener.explain import explain as explanation_of
    from screener.explain import handout
    from screener.render.explain import (
        print_handout,
        render_explanation_json,
        render_handout_markdown,
    )

    setup = prepare(bank, environ)
    explanation = explanation_of(setup.loaded)
    document = handout(explanation, setup.words, setup.strings.answer_labels)
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
            stream.write(render_handout_markdown(document, footer))
        case ExplainFormat.text:
            is_plain = wants_plain(plain, environ, stream)
            print_handout(make_console(stream, plain=is_plain), document, plain=is_plain)
        case _:  # pragma: no cover - every format is handled above
            assert_never(output_format)
