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
    with pytest.raises(SessionEnded) as ended, signals_end_session():
        os.kill(os.getpid(), number)
    assert ended.value.stop is stop
    assert signal.getsignal(number) is signal.SIG_DFL  # put back as it was


def test_a_save_finishes_before_the_signal_is_taken() -> None:
    written: list[str] = []
    with pytest.raises(SessionEnded), signals_end_session():
        with signals_held():
            os.kill(os.getpid(), signal.SIGTERM)
            written.append("the whole record")  # not cut short
        written.append("never reached")
    assert written == ["the whole record"]


def test_outside_a_session_the_defaults_stand() -> None:
    with signals_end_session():
        pass
    assert signal.getsignal(signal.SIGHUP) is signal.SIG_DFL
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
