"""The terminal closing (SIGHUP) and SIGTERM as endings of a session.

Python's default for both is to die at once: the intake's answers gone, a temporary file left
beside the record, the terminal left in key-by-key mode. Here each raises SessionEnded where the
program is, so the session ends by its table (docs/endings.md): key modes are restored by the
readers' `finally`, and the incomplete record is filed. While a record is written both wait
(files/writing.py holds them), so no ending ever leaves half a save. Windows has neither signal
(its console sends CTRL_CLOSE_EVENT, which Python cannot catch safely): there this is a no-op.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType

from screener.rules.endings import SessionEnded, Stop

_ENDINGS = {
    name: stop
    for name, stop in (("SIGHUP", Stop.HANG_UP), ("SIGTERM", Stop.TERMINATED))
    if hasattr(signal, name)
}
_SIGNALS = {getattr(signal, name): stop for name, stop in _ENDINGS.items()}


def _end_session(signum: int, frame: FrameType | None) -> None:
    # Once is enough: a second hang-up while the record is filed must not cut the filing short.
    for number in _SIGNALS:
        signal.signal(number, signal.SIG_IGN)
    raise SessionEnded(_SIGNALS[signum])


@contextlib.contextmanager
def signals_end_session() -> Iterator[None]:
    """Within: SIGHUP and SIGTERM raise SessionEnded(Stop.HANG_UP / Stop.TERMINATED)."""
    previous: dict[int, object] = {}
    try:
        for number in _SIGNALS:
            previous[number] = signal.signal(number, _end_session)
    except ValueError:  # not the main thread (a test's): leave the defaults
        pass
    try:
        yield
    finally:
        for number, handler in previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(number, handler)  # type: ignore[arg-type]
