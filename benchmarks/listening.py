"""How long a screening takes to hear: plain-mode transcripts, words and seconds at 175 wpm.

    python benchmarks/listening.py [--lang en|es] [--region uk] [--espeak]

Runs the installed screener in plain mode in a pseudo-terminal (as a screen reader user
would: --plain, keys read one by one) for three people: no use in the past year, a moderate
result, and a severe result with the crisis question answered "yes" (then "carry on"). For
each it prints the words, and the seconds at 175 words a minute, before the first question,
per question (median and longest), at the crisis screen to its first crisis line, from the
summary's start to its first contact, and in all. With --espeak, espeak-ng speaks each
transcript to a WAV file and the real seconds are printed beside the estimate.

Targets (issue 23): first question under 35 s, the median question under 12 s, the contacts
within 60 s of the summary's start, the crisis lines within 20 s of the crisis screen's start.
This is a measurement, not a timed test: tests/across/test_listening.py asserts the words.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from screener.models.wording import UiStrings

WORDS_PER_MINUTE = 175
TARGETS = {"first question": 35.0, "median question": 12.0, "to contacts": 60.0, "to crisis": 20.0}
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")

# What each person types, prompt by prompt: "" begins; then an answer per question in order;
# the severe run's last answer raises the crisis screen, where "y" carries on.
RUNS: dict[str, list[str]] = {
    "no use": ["", "n"],
    "moderate": ["", "y", "n", *["y"] * 4, *["n"] * 6, "y", *["n"] * 8, "n"],
    # The last "yes" (thoughts of self-harm) raises the crisis screen; "y" there carries on.
    "severe": ["", "y", "n", *(["y"] * 8), "n", "n", *"yynynynnyy"],
}


def screener_command() -> str:
    script = Path(sys.executable).with_name("screener")
    return str(script) if script.exists() else (shutil.which("screener") or "screener")


def transcript(answers: list[str], lang: str, region: str, columns: int = 80) -> tuple[str, str]:
    """What the screen showed in plain mode, and the last answer prompt's words."""
    import pexpect  # a test dependency: the listening benchmark runs in a pseudo-terminal

    strings = ui_strings(lang)
    prompts = [strings.start_prompt + ": ", strings.answer_prompt + ": "]
    log = io.StringIO()
    child = pexpect.spawn(
        screener_command(),
        ["run", "--plain", "--lang", lang, "--region", region],
        env={"PATH": "/usr/bin:/bin", "HOME": tempfile.gettempdir(), "LANG": "en_GB.UTF-8"}
        | {"TERM": "xterm-256color", "PAGER": "cat"},
        dimensions=(50, columns),
        encoding="utf-8",
        timeout=20,
    )
    child.logfile_read = log
    child.delaybeforesend = None
    typing = iter(answers)
    # The person's check of their answers and the copy offered at the end: Enter skips each.
    skipped = [strings.review_prompt + ": ", strings.keep_copy_prompt.split("{")[0]]
    waits = [*prompts, *skipped, pexpect.EOF]
    while (found := child.expect_exact(waits)) < len(waits) - 1:
        if found < len(prompts):
            child.sendline(next(typing, "n"))  # after the script: "no" to whatever is left
        else:
            child.sendline("")
    child.close()
    return ANSI.sub("", log.getvalue().replace("\r\n", "\n")), prompts[1]


def ui_strings(lang: str) -> UiStrings:
    from screener.files.wording import load_strings

    return load_strings(lang)


def words(text: str) -> int:
    """Words a screen reader says: tokens with a letter or a digit in them."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def seconds(count: int) -> float:
    return count * 60 / WORDS_PER_MINUTE


def unechoed(text: str, prompt: str) -> str:
    """What the program said: a typed answer after its prompt is the person's, not ours."""
    return re.sub(re.escape(prompt) + r"[^\n]*", prompt, text)


@dataclass
class Figures:
    first: int
    questions: list[int]
    crisis: int | None
    contacts: int
    summary: int
    total: int


def measure(text: str, prompt: str, lang: str, region: str) -> Figures:
    from screener.commands.contacts import find_place
    from screener.rules.contacts import in_language

    strings = ui_strings(lang)
    text = unechoed(text, prompt)
    question = re.escape(strings.progress.split("{")[0])
    starts = [match.start() for match in re.finditer(rf"^{question}\d+ ", text, re.M)]
    # The summary starts after the last answer, or after the person's check of their answers
    # (which is theirs to read, not the summary); it ends where a copy is offered.
    last_prompt = max(text.rfind(prompt), text.rfind(strings.review_prompt))
    summary_start = text.index("\n", last_prompt)
    copy_offer = text.find(" ".join(strings.keep_copy_explain.split()[:6]), summary_start)
    crisis_at = text.find(strings.crisis_heading)
    review_at = text.find(strings.review_heading, starts[-1])
    last_end = crisis_at if crisis_at > 0 else review_at if review_at > 0 else summary_start
    ends = [*starts[1:], last_end]
    questions = [words(unechoed(text[a:b], prompt)) for a, b in zip(starts, ends, strict=True)]
    place = in_language(find_place(region, {}).region, lang)
    names = [contact.name for contact in place.contacts]
    summary = text[summary_start : copy_offer if copy_offer > 0 else None]
    first_contact = min(summary.find(name) for name in names if name in summary)
    crisis = None
    if crisis_at > 0:
        screen = text[crisis_at:]
        crisis_names = [c.name for c in place.contacts if c.kind == "crisis"]
        crisis = words(screen[: min(screen.find(n) for n in crisis_names if n in screen)])
    return Figures(
        first=words(text[: starts[0]]),
        questions=questions,
        crisis=crisis,
        contacts=words(summary[:first_contact]),
        summary=words(summary),
        total=words(text),
    )


def spoken_seconds(text: str, lang: str) -> float | None:
    """espeak-ng's own length of the text at 175 wpm, from the WAV it writes."""
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        return None
    import wave

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "spoken.wav"
        subprocess.run(
            [espeak, "-v", lang, "-s", str(WORDS_PER_MINUTE), "-w", str(out), text], check=True
        )
        with wave.open(str(out), "rb") as sound:
            frames: int = sound.getnframes()
            rate: int = sound.getframerate()
    return frames / rate


def row(name: str, count: int | float) -> str:
    count = round(count)
    return f"  {name:<22}{count:>6} words {seconds(count):>7.0f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", default="en")
    parser.add_argument("--region", default="uk")
    parser.add_argument("--espeak", action="store_true", help="also speak it with espeak-ng")
    options = parser.parse_args()
    failed = []
    for name, answers in RUNS.items():
        text, prompt = transcript(answers, options.lang, options.region)
        figures = measure(text, prompt, options.lang, options.region)
        print(f"{name} ({len(figures.questions)} questions)")
        print(row("to first question", figures.first))
        print(row("per question (median)", statistics.median(figures.questions)))
        print(row("per question (longest)", max(figures.questions)))
        if figures.crisis is not None:
            print(row("crisis screen to lines", figures.crisis))
        print(row("summary to contacts", figures.contacts))
        print(row("summary", figures.summary))
        print(row("whole run", figures.total))
        if options.espeak:
            spoken = spoken_seconds(unechoed(text, prompt), options.lang)
            print(f"  espeak-ng speaks the whole run in {spoken:.0f} s" if spoken else "")
        checks = {
            "first question": seconds(figures.first),
            "median question": seconds(round(statistics.median(figures.questions))),
            "to contacts": seconds(figures.contacts),
            "to crisis": seconds(figures.crisis or 0),
        }
        failed += [f"{name}: {k}" for k, v in checks.items() if v >= TARGETS[k]]
    print("targets met" if not failed else "targets missed: " + "; ".join(failed))


if __name__ == "__main__":
    main()
