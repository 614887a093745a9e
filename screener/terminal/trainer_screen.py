"""The trainer's screen: a tally per cluster, the result at a glance, and what changed."""

from __future__ import annotations

import enum
import textwrap
from collections.abc import Callable

import msgspec
from rich import box
from rich.console import Console
from rich.text import Text

from screener.models.bank import Item, LoadedBank
from screener.models.base import Code
from screener.models.contacts import Region
from screener.models.result import Score
from screener.models.wording import TrainerStrings, UiStrings
from screener.render.heading import Heading
from screener.render.table_or_list import TableOrList
from screener.render.text import print_sections
from screener.reports.document import Section
from screener.reports.essentials import with_full_stop
from screener.reports.explain import number_span
from screener.rules.labels import Labels
from screener.rules.whatif import Changes, counted_sizes
from screener.safetext import printable


class TrainerSetup(msgspec.Struct, frozen=True):
    """A bank whose examples have been checked, and the wording and contacts to show it with."""

    loaded: LoadedBank
    strings: UiStrings
    words: TrainerStrings
    region: Region


TABLE_WIDTH = 76
"""Below this many columns the tally table and the two-column answer list become sentences."""

HIGHLIGHT = "reverse bold"
"""What changed stands out on any background, projected or not."""


class Control(enum.Enum):
    """What the trainer asked for between two steps of a demo."""

    NEXT = "next"
    BACK = "back"
    STOP = "stop"


Pause = Callable[[], Control]
"""Waits between steps; says whether to go on, go back a step, or stop."""


class TrainerScreen:
    """Draws the trainer's screens on a console: Rich layout, or plain sentences in order."""

    def __init__(self, console: Console, setup: TrainerSetup, *, plain: bool) -> None:
        self.console = console
        self.setup = setup
        self.words = setup.words
        self.plain = plain
        self.labels = Labels(setup.loaded.bank, setup.strings)
        """Every level, band and cluster shown by its words in the screen's language."""

    @property
    def narrow(self) -> bool:
        return self.console.width < TABLE_WIDTH

    # --- building blocks ----------------------------------------------------------------

    def heading(self, text: str) -> None:
        self.console.print()
        if self.plain:
            self.say(text)
        else:
            self.console.print(Heading(Text(printable(text), style="bold")))

    def say(self, text: str | Text, style: str = "") -> None:
        """Plain mode wraps with textwrap: no trailing spaces for a screen reader to read."""
        if self.plain:
            plain_text = text.plain if isinstance(text, Text) else text
            wrapped = textwrap.fill(printable(plain_text), width=max(self.console.width, 20))
            self.console.print(Text(wrapped))
        elif isinstance(text, Text):
            # printable() swaps one character for one, so the styled spans still line up.
            safe = Text(printable(text.plain), style=text.style, spans=list(text.spans))
            self.console.print(safe)
        else:
            self.console.print(Text(printable(text), style=style))

    def gap(self) -> None:
        self.console.print()

    def label(self, item: Item, answer: Code | None) -> str:
        """An answer to `item` in words ("Weekly", "not sure"), never its code."""
        if answer is None:
            return self.words.whatif_unanswered
        return self.labels.answer(item, answer)

    def sections(self, sections: list[Section]) -> None:
        print_sections(self.console, sections, plain=self.plain)
        if self.plain:
            self.console.print()

    # --- the tally and the result -------------------------------------------------------

    def tally(
        self, score: Score, changes: Changes | None = None, before: Score | None = None
    ) -> None:
        """Criteria met per cluster and in total; what changed since `before` is highlighted."""
        words = self.words
        bank = self.setup.loaded.bank
        sizes = counted_sizes(bank, score)
        old_sizes = counted_sizes(bank, before) if before else sizes
        changed = (changes.cluster_ids if changes else frozenset()) | {
            cluster_id for cluster_id, size in sizes.items() if old_sizes[cluster_id] != size
        }
        total_changed = bool(changes and changes.criteria_met) or sizes != old_sizes
        cells = [
            self._cell(cluster.met, sizes[cluster.id], cluster.unsure) for cluster in score.clusters
        ]
        total = words.tally_cell.format(met=score.criteria_met, of=sum(sizes.values()))
        header = [Text(printable(cluster.term)) for cluster in score.clusters]
        header.append(Text(words.tally_total))
        counts = [
            Text(
                words.tally_cell.format(met=cluster.met, of=sizes[cluster.id]),
                style=HIGHLIGHT if cluster.id in changed else "",
            )
            for cluster in score.clusters
        ]
        counts.append(Text(total, style=HIGHLIGHT if total_changed else "bold"))
        rows = [counts]
        # Not-sure counts get a row of their own, so no cell wraps at 80 columns.
        if any(cluster.unsure for cluster in score.clusters):
            unsure = [
                Text(
                    words.tally_unsure.format(count=cluster.unsure) if cluster.unsure else "",
                    style="italic",
                )
                for cluster in score.clusters
            ]
            rows.append([*unsure, Text("")])
        table = TableOrList(
            header,
            rows,
            whole=range(len(header)),  # "2 of 4" is one thing: never "2 of" above "4"
            justify="center",
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
        )
        if self.plain or self.narrow or not table.fits(self.console, self.console.width):
            # its list: one sentence, as a screen reader and a narrow screen read best
            parts = [
                f"{cluster.term} {cell}"
                for cluster, cell in zip(score.clusters, cells, strict=True)
            ]
            parts.append(f"{words.tally_total} {total}")
            self.say(f"{words.tally_label}: " + "; ".join(parts) + ".")
            return
        self.console.print(table)  # laid out in the width, never cut with an ellipsis

    def _cell(self, met: int, of: int, unsure: int) -> str:
        cell = self.words.tally_cell.format(met=met, of=of)
        if unsure:
            cell += " (" + self.words.tally_unsure.format(count=unsure) + ")"
        return cell

    def state(
        self, score: Score, changes: Changes | None = None, before: Score | None = None
    ) -> None:
        """The result at a glance: criteria met, band, the tally, and the flags."""
        words = self.words
        band = score.band
        line = Text()
        line.append(
            words.whatif_state.format(
                met=score.criteria_met,
                total=score.criteria_total,
                applicable=score.criteria_applicable,
                band=self.labels.band(band.id),
                span=number_span(band.min, band.max),
            )
            if band is not None
            else words.whatif_state_not_assessed
        )
        if changes and (changes.band or changes.criteria_met):
            line.stylize(HIGHLIGHT)
        self.say(line)
        self.tally(score, changes, before)
        raised = {flag.id for flag in changes.flags_raised} if changes else set()
        flags = Text(words.whatif_flags.format(flags="").rstrip())
        if not score.flags:
            flags.append(" " + words.none_word)
        for number, flag in enumerate(score.flags):
            flags.append(", " if number else " ")
            shown = f"{self.labels.level(flag.level)}: {flag.title}"
            flags.append(shown, style=HIGHLIGHT if flag.id in raised else "")
        self.say(flags)

    def changes(
        self, changes: Changes, before: Score, after: Score, menu: tuple[str, ...] = ()
    ) -> None:
        """What changed, in words: the only way plain mode shows it, and a help in Rich too.
        `menu`: what changed in the person's next steps, worded."""
        words = self.words
        bank = self.setup.loaded.bank
        if not changes and not menu:
            self.say(words.whatif_nothing_changed)
            return
        said: list[str] = []
        if changes.gate_closed:
            old, new = (
                words.gate_closed if closed else words.gate_open for closed in changes.gate_closed
            )
            said.append(words.change_gate.format(before=old, after=new))
        if changes.band:
            said.append(
                words.change_band.format(
                    before=self.labels.band(changes.band[0].id)
                    if changes.band[0]
                    else words.not_assessed_word,
                    after=self.labels.band(changes.band[1].id)
                    if changes.band[1]
                    else words.not_assessed_word,
                )
            )
        if changes.criteria_met:
            said.append(
                words.change_met.format(
                    before=changes.criteria_met[0], after=changes.criteria_met[1]
                )
            )
        if changes.criteria_applicable:
            old_count, new_count = changes.criteria_applicable
            said.append(words.change_applicable.format(before=old_count, after=new_count))
        old_sizes, new_sizes = counted_sizes(bank, before), counted_sizes(bank, after)
        for old_cluster, new_cluster in changes.clusters:
            said.append(
                words.change_cluster.format(
                    term=new_cluster.term,
                    before=self._cell(
                        old_cluster.met, old_sizes[old_cluster.id], old_cluster.unsure
                    ),
                    after=self._cell(
                        new_cluster.met, new_sizes[new_cluster.id], new_cluster.unsure
                    ),
                )
            )
        on, off = changes.adaptations_applied, changes.adaptations_lifted
        said += [
            words.change_adaptation_on.format(adaptation=self.labels.adaptation(a)) for a in on
        ]
        said += [
            words.change_adaptation_off.format(adaptation=self.labels.adaptation(a)) for a in off
        ]
        said += [
            words.change_flag_raised.format(level=self.labels.level(flag.level), title=flag.title)
            for flag in changes.flags_raised
        ]
        said += [
            words.change_flag_cleared.format(level=self.labels.level(flag.level), title=flag.title)
            for flag in changes.flags_cleared
        ]
        if changes.unsure:
            said.append(
                words.change_unsure.format(before=changes.unsure[0], after=changes.unsure[1])
            )
        if changes.band_words:
            said.append(words.scales.change_band_words.format(words=changes.band_words))
        said += menu
        self.say(
            Text(f"{words.whatif_changed}: ", style="bold") + Text(with_full_stop("; ".join(said)))
        )
