"""Answer scales in a bank: the keys an option may not take, in every language."""

from __future__ import annotations

from pathlib import Path

import pytest

from screener.commands.banks import validate_files
from screener.files.bank import load_bank
from screener.files.bank_options import QUICK_EXIT_KEY, command_keys
from screener.files.wording import load_strings
from screener.terminal.keys import QUICK_EXIT_KEY as TERMINAL_QUICK_EXIT
from tests.helpers import DATA


def test_the_quick_exit_key_is_the_terminals() -> None:
    assert QUICK_EXIT_KEY == TERMINAL_QUICK_EXIT


def test_every_command_word_of_a_language_is_refused_as_a_key() -> None:
    for language in ("en", "es"):
        words = load_strings(language).command_words
        keys = command_keys(language)
        assert {*words.back, *words.help, *words.quit, "x"} == set(keys)
    assert command_keys("es")["a"] == "back"  # atrás: Spanish's own back key


def test_a_scale_item_offers_its_codes_in_order_and_not_sure_only_when_declared() -> None:
    bank = load_bank(DATA / "scales.yaml").bank
    items = {item.id: item for item in bank.items}
    assert items["often"].codes == ("never", "monthly", "weekly", "daily", "unsure")
    assert items["feel"].codes == ("not_worried", "cut_down", "stop")
    assert items["mood"].codes == ("yes", "no", "unsure")
    option = items["often"].option("weekly")
    assert option is not None and option.points == 4


@pytest.mark.parametrize(
    ("old", "new", "told"),
    [
        ("key: d,", "key: Q,", "items[3].options[3].key: key 'Q' is the quit command's"),
        ("key: w,", "key: M,", "items[3].options[2].key: key 'M' is used twice (also options[1])"),
        ("key: d,", "key: U,", "items[3].options[3].key: key 'U' means not sure"),
    ],
)
def test_a_key_is_compared_in_any_case_as_the_prompt_reads_it(
    tmp_path: Path, old: str, new: str, told: str
) -> None:
    """The prompt reads a key typed in any case, so Q is the quit command's q."""
    path = tmp_path / "scales.yaml"
    path.write_text((DATA / "scales.yaml").read_text(encoding="utf-8").replace(old, new, 1))
    lines, ok = validate_files([path])
    assert not ok
    assert len(lines) == 1 and told in lines[0], lines
