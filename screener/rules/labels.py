"""The one lookup from an id to the words a person reads, in the screen's language.

Flag levels, bands, clusters, criteria, a question's role, adaptations and scale answers are
ids in the bank and in a result; every screen and record that names one asks `Labels`, so no id
reaches a person (tests/across/test_ids_in_words.py) and a Spanish screen never shows an
English level.
"""

from __future__ import annotations

from screener.models.bank import Bank, Item
from screener.models.base import Level
from screener.models.wording import UiStrings
from screener.rules.scoring import cluster_terms


def level_label(level: Level, strings: UiStrings) -> str:
    """A flag level by its label ("Urgente"), never its id; for a record without its bank."""
    return strings.intake.level_labels.of(level)


def answer_label(item: Item, answer: str, strings: UiStrings) -> str:
    """An answer in words: a scale's option by its text in the bank's language ("Weekly"),
    else yes, no or not sure in the interface's ("Not sure"); never a code."""
    option = item.option(answer)
    return option.text if option is not None else strings.answer_labels.of(answer)


class Labels:
    """A bank's ids in the words of one language: the bank's own and the interface's."""

    __slots__ = ("_clusters", "bank", "strings")

    def __init__(self, bank: Bank, strings: UiStrings) -> None:
        self.bank = bank
        self.strings = strings
        self._clusters = cluster_terms(bank)

    def level(self, level: Level) -> str:
        """A flag level by its label ("Urgente"), never its id."""
        return level_label(level, self.strings)

    def band(self, band_id: str) -> str:
        """A band by its DSM term in this language ("grave"), else the bank's label for it."""
        terms = self.strings.professional_band_terms
        if band_id in terms:
            return terms[band_id]
        label = next((band.label for band in self.bank.scoring.bands if band.id == band_id), None)
        return label if label is not None else band_id

    def cluster(self, cluster_id: str | None) -> str:
        """A cluster by its professional term, else its plain title ("impaired control")."""
        return self._clusters.get(cluster_id or "", cluster_id or "")

    def adaptation(self, adaptation_id: str) -> str:
        """A change to the counting by its name ("tolerance under prescription")."""
        adaptations = self.bank.scoring.adaptations
        return next((a.name for a in adaptations if a.id == adaptation_id), adaptation_id)

    def answer(self, item: Item, answer: str) -> str:
        """An answer to this question in words ("Weekly", "Not sure"), never its code."""
        return answer_label(item, answer, self.strings)

    def criterion(self, item: Item) -> str:
        """'criterion 1, impaired control', 'gate' or 'health': what a question is for."""
        if item.criterion is not None:
            return self.strings.intake.criterion_label.format(
                number=item.criterion, cluster=self.cluster(item.cluster)
            )
        return self.strings.intake.kind_labels.get(item.kind, item.kind)
