"""Answer scales in a bank: the keys an option may not take, in every language."""

from __future__ import annotations

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
