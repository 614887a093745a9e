"""Every style the program gives to words measures at least 4.5:1 (WCAG 2.x, 1.4.3) against
the common light and dark terminal palettes; colour is kept for decoration (rules, borders).

The styles are found in the source (every `style=`/`term_style=` argument, every
`*_STYLES` table and style constant in screener/render and screener/terminal), so a new one
is measured without being listed here. Palettes, as their projects publish them:

- xterm: XTerm-col.ad and charproc.c defaults (fg black on white; red #cd0000 ... cyan #00cdcd)
  https://invisible-island.net/xterm/xterm.faq.html ; https://en.wikipedia.org/wiki/ANSI_escape_code#3-bit_and_4-bit
- VTE / GNOME Terminal, the "GNOME dark" scheme: fg #d0cfcc on #171421 (gnome-terminal
  src/terminal-profile-editor.c, palette "GNOME"); its light scheme: #171421 on #ffffff
- Windows Terminal, Campbell: fg #cccccc on #0c0c0c
  https://learn.microsoft.com/windows/terminal/customize-settings/color-schemes
- macOS Terminal, Basic: black on white; Pro: #f2f2f2 on black (Terminal.app's built-in profiles)
- Solarized dark (base0 #839496 on base03 #002b36) and light (base00 #657b83 on base3 #fdf6e3)
  https://ethanschoonover.com/solarized/
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from rich.style import Style

import screener

PALETTES: dict[str, tuple[str, str]] = {
    # name: (foreground, background)
    "xterm": ("#000000", "#ffffff"),
    "VTE GNOME dark": ("#d0cfcc", "#171421"),
    "VTE GNOME light": ("#171421", "#ffffff"),
    "Windows Terminal Campbell": ("#cccccc", "#0c0c0c"),
    "macOS Terminal Basic": ("#000000", "#ffffff"),
    "macOS Terminal Pro": ("#f2f2f2", "#000000"),
    "Solarized dark": ("#839496", "#002b36"),
    "Solarized light": ("#657b83", "#fdf6e3"),
}
ANSI: dict[str, dict[str, str]] = {
    # The colours a style names, per palette (only the ones the program has used).
    "xterm": {"red": "#cd0000", "yellow": "#cdcd00", "cyan": "#00cdcd"},
    "VTE GNOME dark": {"red": "#c01c28", "yellow": "#a2734c", "cyan": "#2aa1b3"},
    "VTE GNOME light": {"red": "#c01c28", "yellow": "#a2734c", "cyan": "#2aa1b3"},
    "Windows Terminal Campbell": {"red": "#c50f1f", "yellow": "#c19c00", "cyan": "#3a96dd"},
    "macOS Terminal Basic": {"red": "#990000", "yellow": "#999900", "cyan": "#00a6b2"},
    "macOS Terminal Pro": {"red": "#990000", "yellow": "#999900", "cyan": "#00a6b2"},
    "Solarized dark": {"red": "#dc322f", "yellow": "#b58900", "cyan": "#2aa198"},
    "Solarized light": {"red": "#dc322f", "yellow": "#b58900", "cyan": "#2aa198"},
}
DECORATION = {"LEVEL_RULES", "Rule"}
"""Where colour draws lines, not words: a heading's rule (border_style is not a text style)."""
DIM = 0.5
"""Faint text (SGR 2) is drawn at about half strength: mixed halfway to the background."""


def rgb(hex_colour: str) -> tuple[float, float, float]:
    value = hex_colour.lstrip("#")
    red, green, blue = (int(value[index : index + 2], 16) / 255 for index in (0, 2, 4))
    return red, green, blue


def luminance(colour: tuple[float, float, float]) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: tuple[float, float, float], other: tuple[float, float, float]) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def measured(style: Style, palette: str) -> float:
    foreground, background = (rgb(value) for value in PALETTES[palette])
    if style.color is not None and style.color.name != "default":
        foreground = rgb(ANSI[palette][style.color.name.replace("bright_", "")])
    if style.bgcolor is not None:
        background = rgb(ANSI[palette][style.bgcolor.name])
    if style.reverse:
        foreground, background = background, foreground
    if style.dim:
        foreground = tuple(  # type: ignore[assignment]
            DIM * front + (1 - DIM) * back
            for front, back in zip(foreground, background, strict=True)
        )
    return contrast(foreground, background)


def styles_in_source() -> set[str]:
    """Every style string given to words in the drawing layers."""
    found: set[str] = set()
    root = Path(screener.__file__).parent
    for path in [*root.glob("render/**/*.py"), *root.glob("terminal/**/*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called(node) not in DECORATION:
                for keyword in node.keywords:
                    if keyword.arg in ("style", "term_style"):
                        found |= _strings(keyword.value)
            elif isinstance(node, ast.Assign):
                names = [target.id for target in node.targets if isinstance(target, ast.Name)]
                if any(("STYLE" in name or name == "HIGHLIGHT") for name in names) and not (
                    set(names) & DECORATION
                ):
                    value = node.value
                    values = value.values if isinstance(value, ast.Dict) else [value]
                    for each in values:
                        found |= _strings(each)
    return {style for style in found if style}


def _called(call: ast.Call) -> str:
    function = call.func
    return function.id if isinstance(function, ast.Name) else getattr(function, "attr", "")


def _strings(node: ast.AST) -> set[str]:
    return {
        child.value
        for child in ast.walk(node)
        if isinstance(child, ast.Constant) and isinstance(child.value, str)
    }


STYLES = sorted(styles_in_source())


def test_the_styles_are_found() -> None:
    assert {"bold", "italic", "bold reverse"} <= set(STYLES)


@pytest.mark.parametrize("palette", sorted(PALETTES))
@pytest.mark.parametrize("style", STYLES)
def test_every_style_for_words_holds_4_5_to_1(style: str, palette: str) -> None:
    """At least 4.5:1, or the palette's own text where that is less: Solarized light's
    body text (base00 on base3) is 4.1:1 by design, and no style of ours can raise it."""
    own = measured(Style(), palette)
    assert measured(Style.parse(style), palette) >= min(4.5, own) - 0.01, (style, palette)


@pytest.mark.parametrize(
    ("style", "palette", "at_most"),
    [
        ("bold cyan", "xterm", 2.0),  # "Press Enter to begin" on a light theme
        ("red", "Solarized dark", 3.6),  # the urgent heading on a dark theme
        ("dim", "Solarized dark", 2.5),  # progress and keys
    ],
)
def test_the_measure_fails_the_styles_the_issue_found(
    style: str, palette: str, at_most: float
) -> None:
    assert measured(Style.parse(style), palette) < at_most


def test_urgent_headings_keep_an_emphasis_without_colour() -> None:
    from screener.render.text import LEVEL_STYLES

    for level in ("crisis", "urgent"):
        style = Style.parse(LEVEL_STYLES[level])
        assert style.color is None and (style.bold or style.reverse or style.underline)
