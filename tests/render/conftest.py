"""The browser tests' fixtures: the pages served from 127.0.0.1 only, and Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.render.fillers import CHROMIUM, HERE, LFORMS, SMART_FORMS, missing


def _serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/index.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The LHC-Forms page and lforms, served from 127.0.0.1 only, on a port the system picks."""
    if not (LFORMS / "webcomponent" / "main.js").is_file():
        missing(f"no LHC-Forms at {LFORMS} (run the lforms step of .ci/run)")
    root = tmp_path_factory.mktemp("lhcforms")
    shutil.copy(HERE / "lhcforms" / "index.html", root / "index.html")
    (root / "lforms").symlink_to(LFORMS)
    server, address = _serve(root)
    yield address
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def smart_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The Smart Forms page, built by .ci/run, served from 127.0.0.1 only."""
    if not (SMART_FORMS / "smartforms.js").is_file():
        missing(f"no Smart Forms page at {SMART_FORMS} (run the Smart Forms step of .ci/run)")
    root = tmp_path_factory.mktemp("smartforms")
    for path in SMART_FORMS.iterdir():
        shutil.copy(path, root / path.name)
    shutil.copy(HERE / "smartforms" / "index.html", root / "index.html")
    server, address = _serve(root)
    yield address
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, driven by Playwright (a fresh profile each launch); nothing downloads
    a browser."""
    if not Path(CHROMIUM).is_file():
        missing(f"no browser at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright package is not installed (pip install '.[test]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield launched
        launched.close()
