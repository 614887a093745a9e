"""SIGHUP and SIGTERM end a session where it is, and wait for a save."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from screener.files.writing import signals_held
from screener.rules.endings import SessionEnded, Stop
from screener.terminal.signals import signals_end_session

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


@pytest.mark.parametrize(
    ("number", "stop"), [(signal.SIGHUP, Stop.HANG_UP), (signal.SIGTERM, Stop.TERMINATED)]
)
def test_a_signal_ends_the_session_with_how(number: int, stop: Stop) -> None:
    before = signal.signal(number, signal.SIG_DFL)  # as a shell starts us (not under nohup)
    try:
        with pytest.raises(SessionEnded) as ended, signals_end_session():
            os.kill(os.getpid(), number)
        assert ended.value.stop is stop
        assert signal.getsignal(number) is signal.SIG_DFL  # put back as it was
    finally:
        signal.signal(number, before)


def test_a_save_finishes_before_the_signal_is_taken() -> None:
    written: list[str] = []
    with pytest.raises(SessionEnded), signals_end_session():
        with signals_held():
            os.kill(os.getpid(), signal.SIGTERM)
            written.append("the whole record")  # not cut short
        written.append("never reached")
    assert written == ["the whole record"]


@pytest.mark.parametrize("found", [signal.SIG_DFL, signal.SIG_IGN])
def test_outside_a_session_what_was_there_stands(found: signal.Handlers) -> None:
    """Put back as found: the default, or ignored (under nohup, which a run of the tests once
    was: they asserted the default and failed)."""
    before = {number: signal.signal(number, found) for number in (signal.SIGHUP, signal.SIGTERM)}
    try:
        with signals_end_session():
            pass
        assert signal.getsignal(signal.SIGHUP) is found
        assert signal.getsignal(signal.SIGTERM) is found
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)
