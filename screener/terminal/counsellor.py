"""The counsellor's terminal Asker: criterion beside each question, notes, the review screen."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from screener.models.bank import Bank, Item
from screener.models.base import ANSWERS
from screener.models.contacts import Region, ServiceContacts
from screener.models.wording import UiStrings
from screener.render.answer_list import AnswerEntry, AnswerList
from screener.rules.endings import InterviewDiscarded
from screener.rules.labels import answer_label
from screener.rules.review import (
    MAX_CLIENT_REFERENCE,
    MAX_NOTE,
    Change,
    ReviewAction,
    ReviewChoice,
    ReviewRow,
    about_item,
    as_one_safe_line,
    one_safe_line_within,
)
from screener.rules.walk import Navigation, Note, State, Step
from screener.terminal.pager import show_unless_plain
from screener.terminal.prompt import (
    ConsoleAsker,
    Keys,
    Request,
    Typed,
    echoes_typing,
    interpret,
    normalise,
    read_typed,
    reads_keys,
)
from screener.terminal.scale_prompt import not_understood
from screener.terminal.typed import ascii_number


class CounsellorConsoleAsker(ConsoleAsker):
    """The counsellor's asker: the criterion beside each question, n for a note, the review."""

    def __init__(
        self,
        console: Console,
        strings: UiStrings,
        region: Region,
        bank: Bank,
        *,
        plain: bool,
        client: str | None = None,
        ask_client: bool = False,
        counsellor: str | None = None,
        ask_counsellor: bool = False,
        service: ServiceContacts | None = None,
    ) -> None:
        super().__init__(console, strings, region, plain=plain, service=service)
        self.bank = bank
        self.client = client
        self.ask_client = ask_client
        self.counsellor = counsellor
        self.ask_counsellor = ask_counsellor
        self.closing_summary: str | None = None
        self._just_noted: str | None = None
        self.progress: State | None = None
        """The walk's answers so far, set by the intake: what an interruption would lose."""

    def intro(self, bank: Bank, *, welcomed: bool = False) -> bool:  # never asked a region first
        intake = self.strings.intake
        self._heading(intake.heading.format(title=bank.title))
        for paragraph in intake.intro:
            self._paragraph(paragraph)
        self._how_to_leave()
        if self.ask_client:
            self._paragraph(intake.client_explain)
            self.client = self._client_reference()
        if self.ask_counsellor:
            self._paragraph(intake.counsellor_explain)
            self.counsellor = self._initials()
        # Whose contacts the client will leave with, before the first question.
        self._paragraph(intake.region_line.format(region=self.region.name))
        return self._begin()

    def review(self, rows: list[ReviewRow]) -> ReviewChoice:
        intake, strings = self.strings.intake, self.strings
        # a long bank's review is paged from its top, like a long summary
        show_unless_plain(
            self.console,
            lambda _: self._draw_review(rows),
            plain=self.plain,
            prompt=strings.pager_prompt,
            at_end=strings.pager_end,
        )
        while True:
            self.console.print()
            word = normalise(self._read(intake.review_prompt))
            if not word:
                self.closing_summary = self._closing_summary()
                return ReviewAction.FINISH
            if word in self.strings.command_words.quit:
                if self.confirm_discard():
                    return ReviewAction.QUIT
                continue
            if word in intake.review_client_words:
                self.client = self._client_reference(now=self.client)
                if not echoes_typing(self.console):  # a terminal showed it as typed; a pipe not
                    self._say(self.client or intake.record_no_client)
                continue
            if word in intake.review_counsellor_words:
                self.counsellor = self._initials(now=self.counsellor)
                if not echoes_typing(self.console):
                    self._say(self.counsellor or intake.record_no_client)
                continue
            number = ascii_number(word)  # a superscript 2 is one key on a French keyboard
            if number is not None and number in {row.number for row in rows}:
                return Change(number)
            self._say(intake.review_not_understood.format(last=rows[-1].number))

    def _draw_review(self, rows: list[ReviewRow]) -> None:
        intake = self.strings.intake
        self._heading(intake.review_heading)
        self._paragraph(intake.review_intro)
        client = self.client or intake.record_no_client
        self._paragraph(f"{intake.record_client}: {client}")
        self._say(f"{intake.record_counsellor}: {self.counsellor or intake.record_no_client}")
        self.console.print()
        every_default = (self.strings.answer_labels.of(answer) for answer in ANSWERS)
        entries = [
            AnswerEntry(
                number=str(row.number),
                answer=answer_label(row.item, row.answer, self.strings),
                label=row.heading,
                notes=(intake.note_line.format(note=row.note),) if row.note else (),
                answer_style="" if self.plain else "bold",
            )
            for row in rows
        ]
        # the answer column as wide as any yes/no answer: it stays put as one answer changes
        listed = AnswerList(
            entries,
            answer_width=max(len(label) for label in every_default),
            number_style="" if self.plain else "bold",
            note_style="" if self.plain else "italic",
        )
        self.console.print(listed)

    # --- the hooks ----------------------------------------------------------------------

    def _keys(self, item: Item) -> Keys:
        intake = self.strings.intake
        if item.options:  # the options are listed above the commands, with + for a note
            said = not_understood(item, self.strings, intake=True)
            return Keys("", intake.commands, self.strings.scale.intake_choices_plain, said)
        return Keys(intake.choices, intake.commands, intake.choices_plain, intake.not_understood)

    def _about(self, step: Step) -> str | None:
        return about_item(self.bank, step.item, self.strings)

    def _meaning(self, typed: str, step: Step) -> Typed | Note | None:
        if normalise(typed) in self.strings.intake.note_words:
            return self._note(step)
        meaning = interpret(typed, self.strings, step.item)
        answered = step.number > 1 or step.earlier is not None
        if meaning is Navigation.QUIT and answered and not self.confirm_discard():
            return Request.AGAIN
        return meaning

    def confirm_discard(self) -> bool:
        """q after the first answer loses the whole interview: ask first (yes discards)."""
        intake = self.strings.intake
        self.console.print()
        if interpret(self._read(intake.discard_prompt), self.strings) == "yes":
            return True
        self._say(intake.discard_kept)
        return False

    def _carry_on_after_interruption(self) -> bool:
        """Ctrl-C or Ctrl-D once something was answered: ask, as for q. yes discards
        (InterviewDiscarded); a second Ctrl-C or Ctrl-D ends it (the caller files the record
        where there is somewhere to file it); anything else carries on. Where input is no
        terminal (a script ran out), nobody can be asked."""
        if not self.answered() or not echoes_typing(self.console):
            return False
        if asks_to_discard(self.console, self.strings, plain=self.plain):
            raise InterviewDiscarded
        return True

    def answered(self) -> bool:
        """Whether the interview holds any answer yet (what an interruption would lose)."""
        return self.progress is not None and bool(self.progress.answers)

    def _crisis_stopped(self) -> str:
        return self.strings.intake.crisis_stopped

    def _crisis_continue(self) -> str:
        return self.strings.intake.crisis_continue  # asked of the counsellor

    def _show(self, step: Step) -> None:
        if self._just_noted == step.item.id:  # the question is still on screen, just above
            self._just_noted = None
            return
        self._just_noted = None
        super()._show(step)
        if step.note:
            self._say(self.strings.intake.note_line.format(note=step.note))

    # --- reading a note and a client reference --------------------------------------------

    def _note(self, step: Step) -> Note:
        intake = self.strings.intake
        text = self._free_line(intake.note_prompt, MAX_NOTE, initial=step.note or "", spaced=False)
        self._say(intake.note_kept if text else intake.note_removed)
        self._just_noted = step.item.id
        return Note(text)

    def _client_reference(self, *, now: str | None = None) -> str | None:
        intake = self.strings.intake
        invalid = intake.client_invalid.format(limit=MAX_CLIENT_REFERENCE)
        return self._one_line(intake.client_prompt, MAX_CLIENT_REFERENCE, invalid, now=now)

    def _initials(self, *, now: str | None = None) -> str | None:
        intake = self.strings.intake
        invalid = intake.counsellor_invalid.format(limit=MAX_CLIENT_REFERENCE)
        return self._one_line(intake.counsellor_prompt, MAX_CLIENT_REFERENCE, invalid, now=now)

    def _closing_summary(self) -> str | None:
        """One line for the record before the result: what was agreed, or the plan. Asked
        again (after a change at the review), what was typed is there to edit."""
        intake = self.strings.intake
        try:
            if self.closing_summary and not reads_keys(self.console):
                self._say(intake.value_now_keep.format(value=self.closing_summary))
                return self._free_line(intake.closing_prompt, MAX_NOTE) or self.closing_summary
            return self._free_line(
                intake.closing_prompt, MAX_NOTE, initial=self.closing_summary or ""
            )
        except EOFError:  # the answers are complete: the end of input loses only this line
            self.console.print()
            return self.closing_summary

    def _free_line(self, prompt: str, limit: int, *, initial: str = "", spaced: bool = True) -> str:
        """A line of free text up to `limit`: one over it is kept to shorten (where keys are
        read one by one it is there to edit), with how much to cut. "" if left empty."""
        intake = self.strings.intake
        while True:
            if spaced:
                self.console.print()
            text = as_one_safe_line(self._read(prompt, free_text=True, initial=initial))
            if one_safe_line_within(text, limit):
                return text
            if len(text) <= limit:  # not one line of safe text: as_one_safe_line() leaves none such
                self._say(intake.note_invalid.format(limit=limit, length=len(text)))
                continue
            over = len(text) - limit
            self._say(intake.note_too_long.format(limit=limit, length=len(text), over=over))
            initial = text

    def _one_line(
        self, prompt: str, limit: int, invalid: str, *, now: str | None = None
    ) -> str | None:
        """A short line of free text; Enter alone leaves it out. With a value `now` (a
        change at the review) it is said first; where keys are read one by one it is there
        to edit, else Enter alone keeps it: c then Enter never deletes it unseen."""
        intake = self.strings.intake
        editable = reads_keys(self.console)
        if now:
            said = intake.value_now_edit if editable else intake.value_now_keep
            self.console.print()
            self._say(said.format(value=now))
        while True:
            self.console.print()
            typed = self._read(prompt, free_text=True, initial=(now or "") if editable else "")
            text = as_one_safe_line(typed)
            if one_safe_line_within(text, limit):
                return text or (None if editable else now)
            self._say(invalid)


def asks_to_discard(console: Console, strings: UiStrings, *, plain: bool) -> bool:
    """After Ctrl-C or Ctrl-D in an intake: "Discard this interview?" True on yes; a second
    Ctrl-C or Ctrl-D propagates (the caller files what it can). Anything else carries on."""
    intake = strings.intake
    console.print()
    marker = Text(f"{intake.discard_prompt}: ", style="" if plain else "bold")
    if interpret(read_typed(console, marker), strings) == "yes":
        return True
    console.print(Text(intake.discard_kept))
    return False
