"""screener compare OLD NEW: two saved records of the same bank, re-scored, side by side."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from screener.commands.setup import find_bank
from screener.errors import DataError
from screener.files import documents
from screener.files.answers import replay_from_document
from screener.files.bank import load_bank
from screener.files.saved_record import NamedBank, bank_named_by, check_same_bank
from screener.files.wording import load_strings
from screener.models.bank import Bank, LoadedBank
from screener.models.comparison import Comparison
from screener.render import CompareFormat, assert_never
from screener.rules.compare import Scored, compare
from screener.rules.scoring import score

if TYPE_CHECKING:
    from screener.terminal.host import Terminal


def compare_records(
    old: Path,
    new: Path,
    output_format: CompareFormat,
    terminal: Terminal,
    *,
    plain: bool = False,
    bank: str | None = None,
    language: str | None = None,
) -> None:
    """Read both records, refuse two different banks (or versions), re-score each record's
    answers under its bank, and write what changed in the asked format."""
    read = [documents.load(path) for path in (old, new)]
    named = [bank_named_by(document) for document in read]
    check_same_bank((read[0], named[0]), (read[1], named[1]))
    banks: dict[str, LoadedBank] = {}

    def bank_in(wanted: str, document: documents.Document, names: NamedBank) -> LoadedBank:
        if wanted not in banks:
            path = find_bank(bank or names.id, wanted, terminal.environ)
            banks[wanted] = load_bank(path)
        loaded = banks[wanted]
        if (loaded.bank.id, loaded.bank.version) != (names.id, names.version):
            raise DataError(
                [
                    document.problem(
                        names.at,
                        f"this record is of bank {names}; the bank here is "
                        f"{loaded.bank.id} {loaded.bank.version}. Compare it with the screener "
                        "that made it, or name that version's file with --bank",
                    )
                ]
            )
        return loaded

    sides = []
    for document, names in zip(read, named, strict=True):
        loaded = bank_in(names.language, document, names)
        replay = replay_from_document(document, loaded.bank, intake=True, sha256=loaded.sha256)
        for warning in replay.warnings:
            terminal.stderr.write(warning + "\n")
        sides.append(
            Scored(
                file=document.file,
                score=score(loaded.bank, replay.answers),
                language=loaded.bank.language,
                mode=replay.mode or "self",
                recorded_at=replay.recorded_at,
                client=replay.client,
                counsellor=replay.counsellor,
            )
        )
    shown = bank_in(language or named[1].language, read[1], named[1]).bank
    comparison = compare(shown, sides[0], sides[1])
    _write(comparison, shown, output_format, terminal, plain=plain)


def _write(
    comparison: Comparison,
    bank: Bank,
    output_format: CompareFormat,
    terminal: Terminal,
    *,
    plain: bool,
) -> None:
    # start-up: the drawing code (Rich) loads only for the format asked
    from screener.render.compare import (
        print_comparison,
        render_comparison_json,
        render_comparison_markdown,
    )
    from screener.reports.compare import build_comparison

    stream = terminal.stdout
    if output_format is CompareFormat.json:
        stream.write(render_comparison_json(comparison))
        return
    document = build_comparison(bank, comparison, load_strings(bank.language))
    match output_format:
        case CompareFormat.markdown:
            stream.write(render_comparison_markdown(document))
        case CompareFormat.text:
            # start-up: terminal/ is banned at module level (ruff TID253)
            from screener.terminal.console import make_console

            is_plain = terminal.wants_plain(plain, stream)
            console = make_console(terminal, stream, plain=is_plain)
            print_comparison(console, document, plain=is_plain)
        case _:  # pragma: no cover - every format is handled above
            assert_never(output_format)
