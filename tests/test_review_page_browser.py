"""The review page in a real headless Chromium: it loads cleanly, shows the article and records.

Set VNREPORT_SCREENSHOT_DIR to keep the screenshots it takes.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import vnreport
import vnreport.review
from tests import browser
from tests.inputs import ARTICLES, PAGE
from tests.test_review_page import HOSTILE
from vnreport.io import read_path
from vnreport.records import Report

from .conftest import CORPORA

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    found = browser.find()
    if isinstance(found, str):
        pytest.skip(found)
    chromium = browser.start(*found)
    yield chromium
    chromium.quit()


def _articles(nlp: Language) -> dict[str, Report]:
    page = vnreport.extract_document(next(iter(read_path(PAGE))), nlp=nlp)
    text = (ARTICLES / "yen_dinh.txt").read_text(encoding="utf-8")
    hostile = vnreport.extract(text.replace("\n\n", f"\n\n{HOSTILE}\n\n", 1), nlp=nlp)
    return {"page": page, "hostile": hostile}


def _open(driver: Any, report: Report, tmp_path: Path) -> None:
    path = tmp_path / "review.html"
    path.write_text(vnreport.review.html(report), encoding="utf-8")
    driver.get_log("browser")  # forget the previous page's messages
    driver.get(path.as_uri())


def _card_text(driver: Any) -> str:
    from selenium.webdriver.common.by import By

    card = driver.find_element(By.ID, "record-card")
    deadline = time.monotonic() + 5
    while not card.is_displayed() and time.monotonic() < deadline:
        time.sleep(0.05)
    return str(card.text) if card.is_displayed() else ""


def _screenshot(driver: Any, tmp_path: Path, name: str) -> Path:
    shot = tmp_path / f"review-{name}.png"
    assert driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    keep = os.environ.get("VNREPORT_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / shot.name)
    return shot


@pytest.mark.parametrize("name", ["page", "hostile"])
def test_the_page_in_a_browser(driver: Any, nlp: Language, tmp_path: Path, name: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    report = _articles(nlp)[name]
    _open(driver, report, tmp_path)
    assert driver.title == report.title

    # No console errors or warnings (a failed script, a blocked fetch, a missing file).
    messages = [m for m in driver.get_log("browser") if m["level"] in {"SEVERE", "WARNING"}]
    assert messages == []

    # Every record has its highlight element, and every table link lands on one.
    def mention_text(record_id: str) -> str:
        return str(driver.find_element(By.ID, record_id).get_attribute("textContent"))

    for index, official in enumerate(report.officials):
        assert mention_text(f"official-{index}") == official.mentions[0].text
    for index, unit in enumerate(report.admin_units):
        assert mention_text(f"admin-unit-{index}") == unit.mentions[0].text
    for index, group in enumerate(report.groups):
        assert mention_text(f"group-{index}") == group.mentions[0].text
    for index, figure in enumerate(report.figures):
        assert mention_text(f"figure-{index}") == figure.span.text
    for index, item in enumerate(report.recommendations):
        assert mention_text(f"recommendation-{index}") == item.span.text
    links = driver.find_elements(By.CSS_SELECTOR, "aside a[href^='#']")
    items = [report.officials, report.admin_units, report.groups, report.figures]
    items += [report.recommendations, report.inspections]
    assert len(links) == sum(len(kind) for kind in items)
    for link in links:
        target = driver.find_element(By.ID, link.get_attribute("href").split("#", 1)[1])
        assert target.tag_name == "mark"

    # Every paragraph of the article is on the page, verbatim, as the reader sees it.
    shown = driver.find_element(By.TAG_NAME, "article").text
    content = [s for s in report.segments if s.kind != "boilerplate"]
    assert content
    for segment in content:
        assert segment.span.text.strip() in shown, segment.kind
    if name == "hostile":
        assert HOSTILE in shown

    # Hovering a highlight shows its record; moving away hides it.
    official = report.officials[0]
    ActionChains(driver).move_to_element(driver.find_element(By.ID, "official-0")).perform()
    card = _card_text(driver)
    assert official.name in card
    assert official.title is not None
    assert official.title in card
    ActionChains(driver).move_to_element(driver.find_element(By.TAG_NAME, "h1")).perform()
    if name == "page":
        _screenshot(driver, tmp_path, f"{name}-plain")

    # Focusing one from the keyboard shows its record too.
    figure = report.figures[0]
    driver.find_element(By.TAG_NAME, "body").click()
    driver.execute_script("arguments[0].focus()", driver.find_element(By.ID, "figure-0"))
    card = _card_text(driver)
    assert figure.unit in card
    assert figure.span.text in driver.switch_to.active_element.text
    ActionChains(driver).send_keys(Keys.TAB).perform()
    assert driver.switch_to.active_element.get_attribute("data-record")  # the next item

    # Following a table link scrolls to the item.
    driver.find_element(By.CSS_SELECTOR, "aside a[href='#admin-unit-0']").click()
    assert driver.execute_script("return location.hash") == "#admin-unit-0"

    ActionChains(driver).move_to_element(driver.find_element(By.ID, "official-0")).perform()
    assert _card_text(driver)
    _screenshot(driver, tmp_path, name)
    assert [m for m in driver.get_log("browser") if m["level"] == "SEVERE"] == []


_WORDS_WIDTH = """
const cell = arguments[0], words = arguments[1];
const probe = document.createElement("span");
probe.style.whiteSpace = "nowrap";
probe.textContent = words;
cell.appendChild(probe);
const width = probe.getBoundingClientRect().width;
probe.remove();
return width;
"""


@pytest.mark.parametrize("width", [1280, 1600])
def test_the_inspections_table_gives_its_phrases_room(
    driver: Any, nlp: Language, tmp_path: Path, width: int
) -> None:
    from selenium.webdriver.common.by import By

    article = CORPORA / "wild" / "140-an-toan-thuc-pham-phuong-son.txt"
    report = vnreport.extract(article.read_text(encoding="utf-8"), nlp=nlp)
    assert len(report.inspections) == 2
    driver.set_window_size(width, 900)
    _open(driver, report, tmp_path)
    rows = driver.find_elements(By.CSS_SELECTOR, ".records-inspection tbody tr")
    assert len(rows) == len(report.inspections)
    for row, item in zip(rows, report.inspections, strict=True):
        for column, span in (("body", item.body), ("topic", item.topic)):
            assert span is not None
            cell = row.find_element(By.CSS_SELECTOR, f"td.col-{column}")
            assert cell.text == span.text
            # wider than its first four words written on one line: no word-per-line wrapping
            four_words = " ".join(span.text.split()[:4])
            needed = driver.execute_script(_WORDS_WIDTH, cell, four_words)
            assert cell.rect["width"] > needed, (column, cell.rect["width"], needed)
    _screenshot(driver, tmp_path, f"inspections-{width}")
