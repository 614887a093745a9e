"""A person's look over their answers before the result: a number changes one, Enter goes on."""

from __future__ import annotations

from screener.render.answer_list import AnswerEntry, AnswerList
from screener.rules.labels import answer_label
from screener.rules.review import Change, ReviewAction, ReviewChoice, ReviewRow
from screener.terminal.pager import show_unless_plain
from screener.terminal.prompt import ConsoleAsker, normalise
from screener.terminal.typed import ascii_number


class ReviewingAsker(ConsoleAsker):
    """The self-check's asker, with the answers listed before the result (at a keyboard)."""

    def review(self, rows: list[ReviewRow]) -> ReviewChoice:
        strings = self.strings
        # 19 answers and their heading are taller than a 24-row screen: paged
        show_unless_plain(
            self.console,
            lambda _: self._draw(rows),
            plain=self.plain,
            prompt=strings.pager_prompt,
            at_end=strings.pager_end,
        )
        while True:
            self.console.print()
            word = normalise(self._read(strings.review_prompt))
            if not word:
                return ReviewAction.FINISH
            if word in strings.command_words.quit:
                return ReviewAction.QUIT
            number = ascii_number(word)  # a superscript 2 is one key on a French keyboard
            if number is not None and number in {row.number for row in rows}:
                return Change(number)
            self._say(strings.review_not_understood.format(last=rows[-1].number))

    def _draw(self, rows: list[ReviewRow]) -> None:
        """Numbered answers, "not sure" marked, in the order asked."""
        strings = self.strings
        self._heading(strings.review_heading)
        self._paragraph(strings.review_intro)
        self.console.print()
        unsure = "" if self.plain else "bold"
        entries = [
            AnswerEntry(
                number=str(row.number),
                answer=answer_label(row.item, row.answer, strings),
                label=row.item.plain_name,
                answer_style=unsure if row.answer == "unsure" else "",
            )
            for row in rows
        ]
        self.console.print(AnswerList(entries))
