"""Typed input read as the person meant it: numbers in ASCII digits, keys from other layouts.

Pure and cheap (no Rich, no I/O): the key readers, the prompts, the review and what-if use it.

`ascii_number` exists because `str.isdigit()` is True for more than `int()` reads: "²" and "³"
(one key each on French and Belgian keyboards) pass `isdigit()` and then `int("²")` raises;
Arabic-Indic and Devanagari digits are read by `int()` but are not what any of our screens
offer. Only 0-9, typed plainly or as the fullwidth forms an East Asian input method gives,
is a number.

`as_typed_key` reads a one-letter answer typed with the keyboard switched to another alphabet
as the key that was pressed. The tables below are the letter keys of these standard layouts
(the keys' places, as printed on the keycaps; the sources are the layouts as Windows, macOS
and X11/xkb ship them under these names):

- Russian "ЙЦУКЕН" (Windows "Russian", xkb `ru`), the layout Russian keyboards are sold with.
- Ukrainian (Windows "Ukrainian (Enhanced)", xkb `ua`): Ukrainian i on the s key where Russian
  has yeru; yi and ye on punctuation keys; ghe with upturn is AltGr+ghe on some and a key of
  its own on others, so it is not read.
- Belarusian (Windows "Belarusian", xkb `by`): short u on the o key where Russian has shcha,
  Ukrainian i on the b key where Russian has i.
- Bulgarian letters typed on that ЙЦУКЕН arrangement: every Bulgarian letter is a Russian
  letter there, so it needs no table of its own.
- Greek (Windows "Greek", xkb `gr`, ELOT 1000's letter keys): chi on x, upsilon on y, nu on n.

Only keys that are Latin letters are read (ha, hard sign, zhe, e, be, yu, yo, ye and yi sit on
punctuation keys and stay as typed). A letter two layouts put on different keys is ambiguous
and stays as typed: Ukrainian i is the s key in Ukrainian and the b key in Belarusian. An
upper-case letter is read as the upper-case key; capital sigma (small sigma on s, final sigma
on w) is ambiguous for the same reason.

Not included, on purpose: Bulgaria's own standard layouts (BDS 5237 and the phonetic one) and
the Russian phonetic layout (ЯШЕРТЫ). They put most letters on other keys (the phonetic
layouts put en on the n key, where ЙЦУКЕН has it on y), so including them would leave every
Cyrillic letter ambiguous. The trade-off: someone on a phonetic layout who types en meaning n
is read as y.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

LATIN_KEYS = "".join(("qwertyuiop", "asdfghjkl", "zxcvbnm"))
"""The letter keys, row by row, as the layouts below are written."""

LAYOUTS: Mapping[str, str] = {
    # Each string gives, key by key in LATIN_KEYS' order, the letter that layout types there
    # (lower case, no Shift). A space is a key whose character is not a letter.
    "russian": "".join(("йцукенгшщз", "фывапролд", "ячсмить")),
    "ukrainian": "".join(("йцукенгшщз", "фівапролд", "ячсмить")),
    "belarusian": "".join(("йцукенгшўз", "фывапролд", "ячсміть")),
    "greek": "".join((" ςερτυθιοπ", "ασδφγηξκλ", "ζχψωβνμ")),
}
"""The standard layouts' letter keys (see the module docstring for the sources)."""


def _read_as_latin(layouts: Mapping[str, str]) -> dict[str, str]:
    """Each letter to the Latin key it sits on, where every layout that has it agrees."""
    places: dict[str, set[str]] = {}
    for letters in layouts.values():
        assert len(letters) == len(LATIN_KEYS), letters
        for key, letter in zip(LATIN_KEYS, letters, strict=True):
            if letter != " ":
                places.setdefault(letter, set()).add(key)
                places.setdefault(letter.upper(), set()).add(key.upper())
    return {letter: keys.pop() for letter, keys in places.items() if len(keys) == 1}


AS_LATIN: Mapping[str, str] = _read_as_latin(LAYOUTS)
"""A letter from another layout to the Latin key at its place; ambiguous letters are absent."""

AMBIGUOUS: frozenset[str] = frozenset(
    letter
    for letters in LAYOUTS.values()
    for letter in letters.replace(" ", "") + letters.replace(" ", "").upper()
    if letter not in AS_LATIN
)
"""Letters the included layouts put on different keys: left as typed."""

_FULLWIDTH_DIGITS = {chr(0xFF10 + value): str(value) for value in range(10)}


def ascii_number(text: str) -> int | None:
    """A whole number if the text (spaces around it ignored) is only digits 0-9, typed plainly
    or fullwidth (U+FF10 to U+FF19); else None: "²", "٣", "३", "-1", "1.5", "" and the like.
    Never raises."""
    digits = "".join(_FULLWIDTH_DIGITS.get(character, character) for character in text.strip())
    if not digits or not all("0" <= character <= "9" for character in digits):
        return None
    try:
        return int(digits)
    except ValueError:  # more digits than Python converts (4,300): no screen asks for that
        return None


def as_typed_key(text: str) -> str:
    """The text with fullwidth forms read as their ASCII (fullwidth "yes" is yes), and a single
    letter from another layout read as the Latin key at its place (Cyrillic che and Greek chi
    are x, Cyrillic en and Greek upsilon are y),
    spaces around it kept. Longer text is only so folded: a Cyrillic or Greek word is a word.
    Never raises; reading the result again changes nothing.

    Only the fullwidth forms are folded (their NFKC), not every compatibility character: "²"
    is its own key on a French keyboard, not a 2, and stays "²" (ascii_number refuses it).
    """
    folded = unicodedata.normalize("NFC", "".join(map(_narrow, text)))
    letter = folded.strip()
    if len(letter) != 1 or letter not in AS_LATIN:
        return folded
    start = folded.index(letter)
    return folded[:start] + AS_LATIN[letter] + folded[start + 1 :]


def _narrow(character: str) -> str:
    """A fullwidth form (what an East Asian input method types) as its ordinary character."""
    if unicodedata.decomposition(character).startswith("<wide>"):
        return unicodedata.normalize("NFKC", character)
    return character
