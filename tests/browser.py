"""The OS's headless Chromium driven by selenium (never a downloaded browser or driver)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

BROWSERS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
DRIVERS = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")


def _first(paths: tuple[str, ...], name: str) -> str | None:
    found = next((path for path in paths if Path(path).exists()), None)
    return found or shutil.which(name)


def find() -> tuple[str, str] | str:
    """(browser, driver) paths, or why there are none."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    browser = _first(BROWSERS, "chromium")
    driver = _first(DRIVERS, "chromedriver")
    if browser is None or driver is None:
        return "no Chromium with chromedriver (apt-get install chromium chromium-driver)"
    return browser, driver


def start(browser: str, driver: str, *, width: int = 1400, height: int = 1000) -> Any:
    """A headless Chromium that logs the page's console messages."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", f"--window-size={width},{height}"):  # fmt: skip
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)
