"""Typed input as the person meant it: ASCII numbers only, and keys from other layouts."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screener.terminal.typed import (
    AMBIGUOUS,
    AS_LATIN,
    LATIN_KEYS,
    LAYOUTS,
    as_typed_key,
    ascii_number,
)

# --- ascii_number -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("0", 0),
        ("7", 7),
        (" 42 ", 42),
        ("007", 7),
        ("\uff11\uff12", 12),  # fullwidth, from an East Asian input method
        ("\u3000\uff13\u3000", 3),  # with ideographic spaces around it
        ("1\uff12", 12),
    ],
)
def test_ascii_digits_are_a_number(typed: str, number: int) -> None:
    assert ascii_number(typed) == number


@pytest.mark.parametrize(
    "typed",
    [
        "",
        " ",
        "\u00b2",  # superscript two: one key on French and Belgian keyboards; isdigit() is True
        "\u00b3",
        "1\u00b2",
        "\u2074",
        "\u0663",  # Arabic-Indic three: int() reads it, our screens do not offer it
        "\u06f3",  # Extended Arabic-Indic three
        "\u0969",  # Devanagari three
        "\u2460",  # circled one
        "\u00bd",
        "-1",
        "+1",
        "1.5",
        "1 2",
        "1_000",
        "x",
        "9" * 5000,  # more digits than int() converts
    ],
)
def test_anything_else_is_no_number(typed: str) -> None:
    assert ascii_number(typed) is None


@given(st.text())
def test_ascii_number_never_raises_and_reads_only_ascii_digits(typed: str) -> None:
    number = ascii_number(typed)
    if number is not None:
        plain = "".join(
            chr(ord(character) - 0xFF10 + ord("0"))
            if "\uff10" <= character <= "\uff19"
            else character
            for character in typed.strip()
        )
        assert plain.isascii() and plain.isdigit() and int(plain) == number


@given(st.integers(min_value=0, max_value=10**40))
def test_every_whole_number_reads_back(number: int) -> None:
    assert ascii_number(str(number)) == number


# --- the layouts, key by key, by the letters' Unicode names -----------------------------

# Written from the keycaps, independently of the module's strings: each layout's letter on
# q w e r t y u i o p / a s d f g h j k l / z x c v b n m (None: not a letter there).
RUSSIAN = (
    "SHORT I", "TSE", "U", "KA", "IE", "EN", "GHE", "SHA", "SHCHA", "ZE",
    "EF", "YERU", "VE", "A", "PE", "ER", "O", "EL", "DE",
    "YA", "CHE", "ES", "EM", "I", "TE", "SOFT SIGN",
)  # fmt: skip
UKRAINIAN = tuple("BYELORUSSIAN-UKRAINIAN I" if name == "YERU" else name for name in RUSSIAN)
BELARUSIAN = tuple(
    {"SHCHA": "SHORT U", "I": "BYELORUSSIAN-UKRAINIAN I"}.get(name, name) for name in RUSSIAN
)
GREEK = (
    None, "FINAL SIGMA", "EPSILON", "RHO", "TAU", "UPSILON", "THETA", "IOTA", "OMICRON", "PI",
    "ALPHA", "SIGMA", "DELTA", "PHI", "GAMMA", "ETA", "XI", "KAPPA", "LAMDA",
    "ZETA", "CHI", "PSI", "OMEGA", "BETA", "NU", "MU",
)  # fmt: skip
KEYCAPS = {
    "russian": ("CYRILLIC", RUSSIAN),
    "ukrainian": ("CYRILLIC", UKRAINIAN),
    "belarusian": ("CYRILLIC", BELARUSIAN),
    "greek": ("GREEK", GREEK),
}


def letter(script: str, name: str) -> str:
    return unicodedata.lookup(f"{script} SMALL LETTER {name}")


@pytest.mark.parametrize("layout", sorted(KEYCAPS))
def test_each_table_is_its_layouts_keycaps(layout: str) -> None:
    script, names = KEYCAPS[layout]
    assert len(names) == len(LATIN_KEYS) == 26
    expected = "".join(" " if name is None else letter(script, name) for name in names)
    assert LAYOUTS[layout] == expected


def test_the_included_layouts_are_these() -> None:
    assert set(LAYOUTS) == set(KEYCAPS)


# Two layouts disagree on these alone: Ukrainian i (s in Ukrainian, b in Belarusian) and
# capital sigma (small sigma on s, final sigma on w).
EXPECTED_AMBIGUOUS = {
    "\N{CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I}",
    "\N{CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I}",
    "\N{GREEK CAPITAL LETTER SIGMA}",
}


def test_the_ambiguous_letters_are_exactly_these() -> None:
    assert AMBIGUOUS == EXPECTED_AMBIGUOUS


EVERY_PLACE = [
    (layout, key, typed)
    for layout, (script, names) in KEYCAPS.items()
    for key, name in zip(LATIN_KEYS, names, strict=True)
    if name is not None
    for typed in (letter(script, name),)
]


@pytest.mark.parametrize(("layout", "key", "typed"), EVERY_PLACE)
def test_every_letter_is_read_as_its_key_unless_ambiguous(
    layout: str, key: str, typed: str
) -> None:
    if typed in EXPECTED_AMBIGUOUS:
        assert as_typed_key(typed) == typed
        return
    assert as_typed_key(typed) == key
    capital = typed.upper()
    assert as_typed_key(capital) == (capital if capital in EXPECTED_AMBIGUOUS else key.upper())


def test_the_table_reads_nothing_it_was_not_given() -> None:
    placed = {
        character for letters in LAYOUTS.values() for character in letters if character != " "
    }
    assert (
        set(AS_LATIN) == (placed | {character.upper() for character in placed}) - EXPECTED_AMBIGUOUS
    )
    assert all(value.isascii() and value.isalpha() for value in AS_LATIN.values())


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("\N{GREEK SMALL LETTER CHI}", "x"),
        ("\N{CYRILLIC SMALL LETTER CHE}", "x"),
        ("\N{CYRILLIC CAPITAL LETTER CHE}", "X"),
        ("\N{CYRILLIC SMALL LETTER EN}", "y"),
        ("\N{GREEK SMALL LETTER UPSILON}", "y"),
        ("\N{CYRILLIC SMALL LETTER TE}", "n"),
        ("\N{GREEK SMALL LETTER NU}", "n"),
        ("\N{CYRILLIC SMALL LETTER GHE}", "u"),
        ("\N{GREEK SMALL LETTER THETA}", "u"),
        ("\N{CYRILLIC SMALL LETTER I}", "b"),
        ("\N{GREEK SMALL LETTER BETA}", "b"),
        ("\N{CYRILLIC SMALL LETTER SHORT I}", "q"),
        ("\N{CYRILLIC SMALL LETTER SHORT U}", "o"),  # Belarusian
        ("\N{FULLWIDTH LATIN SMALL LETTER Y}", "y"),
        ("\N{FULLWIDTH LATIN SMALL LETTER X}", "x"),
        ("\N{FULLWIDTH QUESTION MARK}", "?"),
        (" \N{CYRILLIC SMALL LETTER EN} ", " y "),  # spaces around it are kept
        ("\u3000\N{CYRILLIC SMALL LETTER EN}", " y"),
    ],
)
def test_the_keys_a_person_would_mean(typed: str, key: str) -> None:
    assert as_typed_key(typed) == key


@pytest.mark.parametrize(
    "typed",
    [
        # On punctuation keys in every layout here: not a Latin letter to read them as.
        "\N{CYRILLIC SMALL LETTER HA}",
        "\N{CYRILLIC SMALL LETTER HARD SIGN}",
        "\N{CYRILLIC SMALL LETTER ZHE}",
        "\N{CYRILLIC SMALL LETTER E}",
        "\N{CYRILLIC SMALL LETTER BE}",
        "\N{CYRILLIC SMALL LETTER YU}",
        "\N{CYRILLIC SMALL LETTER IO}",
        "\N{CYRILLIC SMALL LETTER UKRAINIAN IE}",
        "\N{CYRILLIC SMALL LETTER YI}",
        "\N{CYRILLIC SMALL LETTER GHE WITH UPTURN}",  # its key differs from layout to layout
        "\N{GREEK SMALL LETTER ALPHA WITH TONOS}",  # a dead key and a letter: not one key
        "\N{SUPERSCRIPT TWO}",  # its own key, not a 2
        "\N{LATIN SMALL LIGATURE FF}",
    ],
)
def test_letters_on_no_latin_letter_key_stay_as_typed(typed: str) -> None:
    assert as_typed_key(typed) == typed


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("\N{CYRILLIC SMALL LETTER EN}\N{CYRILLIC SMALL LETTER IE}\N{CYRILLIC SMALL LETTER TE}",)
        * 2,
        ("\N{GREEK SMALL LETTER NU}\N{GREEK SMALL LETTER ALPHA}\N{GREEK SMALL LETTER IOTA}",) * 2,
        ("\uff59\uff45\uff53", "yes"),  # fullwidth: only folded
        ("yes", "yes"),
        ("no s\u00e9", "no s\u00e9"),
        ("se\u0301", "s\u00e9"),  # NFC, as read_line keeps a line
        ("", ""),
    ],
)
def test_words_are_left_alone_but_for_fullwidth_forms(typed: str, kept: str) -> None:
    assert as_typed_key(typed) == kept


CYRILLIC_AND_GREEK = [chr(code) for code in (*range(0x0370, 0x0400), *range(0x0400, 0x0530))]


def test_every_other_cyrillic_and_greek_character_stays_as_typed() -> None:
    for character in CYRILLIC_AND_GREEK:
        if character not in AS_LATIN:
            assert as_typed_key(character) == unicodedata.normalize("NFC", character), hex(
                ord(character)
            )


@given(st.text())
def test_as_typed_key_never_raises_and_is_idempotent(typed: str) -> None:
    once = as_typed_key(typed)
    assert as_typed_key(once) == once


@given(st.sampled_from(sorted(AS_LATIN)), st.text(alphabet=" \t\u3000", max_size=3))
def test_a_letter_with_spaces_around_is_read_and_stays_read(typed: str, spaces: str) -> None:
    once = as_typed_key(spaces + typed + spaces)
    assert once.strip() == AS_LATIN[typed]
    assert as_typed_key(once) == once
