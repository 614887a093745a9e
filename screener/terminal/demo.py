"""A persona played out for trainers: each question, the answer given, and a running tally."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.text import Text

from screener.models.bank import Example, Flag, Item
from screener.models.base import Code
from screener.render.table_or_list import TableOrList
from screener.reports.essentials import first_sentence
from screener.reports.explain import ExplainedItem, item_heading
from screener.reports.summary import (
    build_professional_summary,
    build_summary,
    crisis_section,
)
from screener.rules.result import build_result
from screener.rules.scoring import cluster_terms, score
from screener.rules.walk import Ending, Navigation, Response, Step, walk
from screener.rules.whatif import diff
from screener.safetext import printable
from screener.terminal.trainer_screen import Control, Pause, TrainerScreen, TrainerSetup


class PersonaAsker:
    """Answers each question as the persona did, showing the question, answer and tally."""

    def __init__(self, screen: TrainerScreen, example: Example, pause: Pause) -> None:
        self.screen = screen
        self.example = example
        self.pause = pause
        self.given: dict[str, Code] = {}
        self.stopped = False
        self._back_shown = False
        """Just stepped back: show the earlier question at once, without another pause."""
        self._going_back = False
        """'b' was typed: one more step back is due before a question is shown."""
        bank = screen.setup.loaded.bank
        self.numbers = {item.id: number for number, item in enumerate(bank.items, start=1)}
        self.previous = score(bank, {})

    def ask(self, step: Step) -> Response:
        bank = self.screen.setup.loaded.bank
        if self._going_back:  # the second step of a 'b': past the question on screen
            self._going_back = False
            return self._back(shown=True)
        control = Control.NEXT if self._back_shown else self.pause()
        self._back_shown = False
        while control is Control.BACK and len(self.given) < 2:
            control = self.pause()  # the first question is on screen: nothing before it
        if control is Control.STOP:
            self.stopped = True
            return Navigation.QUIT
        if control is Control.BACK:
            # The walk is at the question after the one on screen: back once to that one,
            # and once more to the one before it, which is then shown at once.
            self._going_back = True
            return self._back(shown=False)
        screen, words = self.screen, self.screen.words
        item = step.item
        answer = self.example.answers[item.id]  # checked: complete for every question asked
        self.given[item.id] = answer
        before, now = self.previous, score(bank, self.given)
        changes = diff(before, now)
        self.previous = now

        screen.heading(item_heading(self._explained(item), words))
        screen.say(item.text)
        screen.gap()
        said = Text(
            words.demo_answer.format(name=self.example.name, answer=screen.label(item, answer))
        )
        said.stylize("bold")
        screen.say(said)
        for criterion in now.criteria:
            if criterion.item == item.id and criterion.answer is not None and not criterion.counted:
                applied = ", ".join(screen.labels.adaptation(a.id) for a in now.adaptations)
                screen.say(words.demo_not_counted.format(adaptation=applied), style="bold")
        for adaptation in bank.scoring.adaptations:
            if adaptation.id in changes.adaptations_applied:
                criteria = words.and_word.join(
                    words.criterion_reference.format(number=self._criterion(item_id), item=item_id)
                    for item_id in adaptation.not_counted
                )
                screen.say(
                    words.demo_adaptation.format(adaptation=adaptation.name, criteria=criteria),
                    style="bold",
                )
        if item.kind != "health":
            screen.gap()
            screen.tally(now, changes, before)
        for flag in changes.flags_raised:
            screen.say(
                Text(
                    words.demo_flag.format(level=screen.labels.level(flag.level), title=flag.title),
                    style="bold",
                )
            )
        return answer

    def _back(self, *, shown: bool) -> Navigation:
        """One step back in the walk: the last answer comes off the tally."""
        del self.given[next(reversed(self.given))]
        self.previous = score(self.screen.setup.loaded.bank, self.given)
        self._back_shown = shown
        return Navigation.BACK

    def _criterion(self, item_id: str) -> int | None:
        bank = self.screen.setup.loaded.bank
        return next(item.criterion for item in bank.items if item.id == item_id)

    def _explained(self, item: Item) -> ExplainedItem:
        bank = self.screen.setup.loaded.bank
        terms = cluster_terms(bank)
        return ExplainedItem(
            number=self.numbers[item.id],
            id=item.id,
            kind=item.kind,
            criterion=item.criterion,
            cluster=item.cluster,
            cluster_term=terms.get(item.cluster or ""),
            label=item.name,
            text=item.text,
            help=item.help,
            why=item.why,
            asked_if=None,
        )

    def at_first_question(self) -> None:  # pragma: no cover - a persona never goes back
        pass

    def gate_closed(self) -> None:
        gate = self.screen.setup.loaded.bank.scoring.gate
        self.screen.gap()
        self.screen.say(self.screen.words.demo_gate.format(message=gate.message if gate else ""))

    def crisis(self, flag: Flag) -> bool:
        """What the person would see at once; the persona carries on."""
        screen = self.screen
        strings = screen.setup.strings
        screen.sections([crisis_section((flag.advice,), screen.setup.region, strings)])
        screen.gap()
        screen.say(screen.words.demo_crisis.format(name=self.example.name))
        return True


def list_personas(setup: TrainerSetup, console: Console, *, plain: bool) -> None:
    """Each persona: id, name, expected band, and the first sentence of the story."""
    words = setup.words
    bank = setup.loaded.bank
    if not bank.examples:
        console.print(Text(words.no_personas.format(bank=bank.id)))
        return
    screen = TrainerScreen(console, setup, plain=plain)
    if plain:
        screen.say(words.personas_heading.format(bank=bank.id))
        screen.gap()
        for example in bank.examples:
            screen.say(
                words.persona_line.format(
                    id=example.id,
                    name=example.name,
                    band=screen.labels.band(example.expect.band)
                    if example.expect.band
                    else words.not_assessed_word,
                    story=first_sentence(example.story),
                )
            )
    else:
        rows = [
            [
                Text(example.id, style="bold"),
                Text(printable(example.name)),
                Text(
                    screen.labels.band(example.expect.band)
                    if example.expect.band
                    else words.not_assessed_word
                ),
                Text(printable(first_sentence(example.story))),
            ]
            for example in bank.examples
        ]
        console.print(  # below the width it needs, a list: each persona a short block
            TableOrList(
                [Text(column, style="bold") for column in words.personas_columns],
                rows,
                title=Text(words.personas_heading.format(bank=bank.id), style="bold"),
                title_justify="left",
                box=box.SIMPLE_HEAD,
            )
        )
    screen.gap()
    screen.say(words.personas_hint)


def play(
    screen: TrainerScreen, example: Example, pause: Pause, *, paced: float | None = None
) -> dict[str, Code] | None:
    """The persona's story, each question answered with the tally, then both views of the
    result. The answers, or None if the trainer stopped."""
    setup, words = screen.setup, screen.words
    bank = setup.loaded.bank
    screen.heading(words.story_heading.format(name=example.name))
    screen.say(example.story)
    screen.gap()
    if paced is None:
        how = words.demo_how
    elif not paced:  # --pace 0 steps on without waiting: "every 0 seconds" says nothing
        how = words.demo_how_at_once
    else:  # the singular for exactly one second, in English and Spanish alike
        seconds = f"{paced:g}"
        how = (
            words.demo_how_paced_one
            if seconds == "1"
            else words.demo_how_paced_many.format(seconds=seconds)
        )
    screen.say(Text(how, style="italic"))
    asker = PersonaAsker(screen, example, pause)
    walked = walk(bank, asker)
    if asker.stopped or walked.ending is not Ending.COMPLETED or pause() is Control.STOP:
        screen.gap()
        screen.say(words.demo_stopped)
        return None
    result = build_result(setup.loaded, score(bank, walked.answers), setup.region)
    screen.heading(words.demo_person_heading.format(name=example.name))
    screen.sections(build_summary(bank, result, setup.region, setup.strings))
    if pause() is Control.STOP:
        screen.gap()
        screen.say(words.demo_stopped)
        return None
    screen.sections(build_professional_summary(bank, result, setup.strings, by_question=True))
    screen.gap()
    titles = {flag.id: flag.title for flag in bank.flags}
    flags = ", ".join(titles.get(flag, flag) for flag in example.expect.flags) or words.none_word
    expected = example.expect.band
    band = screen.labels.band(expected) if expected else words.not_assessed_word
    screen.say(words.demo_matches.format(name=example.name, band=band, flags=flags))
    return walked.answers
