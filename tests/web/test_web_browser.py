"""Click through every view in Chromium against a real `communique serve`, checking what is shown.

Screenshots go to test-output/screenshots/. The store holds the seed (gold record), our
hand-made articles (tests/record_articles.py, tests/web/web_articles.py) and the examples
run through the extractor.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from web_articles import SCRIPT
from web_support import TOKEN, shoot

pytestmark = pytest.mark.browser


def test_web_browser_overview_and_shareable_search(page, server):
    page.goto(server + "/?as_of=2026-11-27")
    expect(page.locator("h1")).to_have_text("What is in the record")
    expect(page.locator(".stats")).to_contain_text("articles")
    expect(page.locator("table.bars")).to_contain_text("CONSULT")
    expect(page.locator("#overdue-h")).to_be_visible()
    expect(page.locator("section[aria-labelledby='due-h'] table.promises").first).to_contain_text("2027")
    shoot(page, "overview")
    page.fill("#q", "human rights")
    page.select_option("#type", "CONSULT")
    page.click("form.filters button[type=submit]")
    expect(page).to_have_url(re.compile(r"/search\?q=human\+rights&type=CONSULT$"))
    expect(page.locator("#result-count")).to_contain_text("type: CONSULT")
    rows = page.locator("table.events tbody tr")
    expect(rows.first).to_contain_text("CONSULT")
    shared_url = page.url
    page.goto(shared_url)  # the URL alone reproduces the view
    expect(page.locator("#type")).to_have_value("CONSULT")
    expect(page.locator("#q")).to_have_value("human rights")
    shoot(page, "search")


def test_web_browser_article_highlights_and_event_panel(page, server):
    page.goto(server + "/articles")
    page.get_by_role("link", name="seed-000").click()
    expect(page.locator("h1")).to_contain_text("The third meeting of the annual High-level Dialogue")
    text = page.locator("#article-text")
    expect(text).to_contain_text("The third meeting of the annual High-level Dialogue")
    assert text.locator(".ev").count() > 5
    assert text.locator(".ent").count() > 5
    assert text.locator(".tx").count() >= 3
    expect(text.locator(".tx", has_text="last December")).to_have_attribute("title", "time: 2023-12")
    text.locator(".ev", has_text="Astana").first.click()
    opened = page.locator("details.event[open]").first
    expect(opened).to_contain_text("CONSULT")
    expect(opened).to_contain_text("Astana")
    expect(opened.locator("blockquote.evidence").first).to_contain_text("third meeting")
    assert text.locator(".ev.sel").count() >= 1
    shoot(page, "article")
    page.uncheck("input[data-layer=ent]")
    expect(text).to_have_class(re.compile("hide-ent"))


def test_web_browser_paste_box_extracts_and_stores(page, server):
    page.goto(server + "/articles#extract")
    page.fill("#x-title", "Tokayev receives Japarov")
    page.fill("#x-date", "2025-03-14")
    page.fill("#x-text", "President Kassym-Jomart Tokayev met with President Sadyr Japarov of Kyrgyzstan "
                         "in Astana on March 13, 2025. The two presidents discussed trade and water.")
    page.click("form.extract button[type=submit]")
    expect(page.locator(".notice")).to_contain_text("not stored", timeout=60_000)  # first use loads spaCy
    expect(page.locator("#article-text")).to_contain_text("Sadyr Japarov")
    assert page.locator("details.event").count() >= 1
    shoot(page, "extract-unsaved")
    page.goto(server + "/articles#extract")
    page.fill("#x-title", "Tokayev receives Japarov")
    page.fill("#x-date", "2025-03-14")
    page.fill("#x-text", "President Kassym-Jomart Tokayev met with President Sadyr Japarov of Kyrgyzstan "
                         "in Astana on March 13, 2025. The two presidents discussed trade and water.")
    page.check("input[name=save]")
    page.fill("#x-token", TOKEN)
    page.fill("#x-who", "Test Editor")
    page.click("form.extract button[type=submit]")
    expect(page).to_have_url(re.compile(r"/articles/tokayev-receives-japarov-"))
    expect(page.locator("h1")).to_have_text("Tokayev receives Japarov")
    expect(page.locator(".notice")).to_have_count(0)


def test_web_browser_upload_box_reads_a_file(page, server, tmp_path):
    upload = tmp_path / "visit.txt"
    upload.write_text(" date 2024-09-02 President Shavkat Mirziyoyev of Uzbekistan held talks with President "
                      "Emomali Rahmon of Tajikistan in Dushanbe on September 1, 2024.", encoding="utf-8")
    page.goto(server + "/articles#extract")
    page.set_input_files("#x-file", str(upload))
    page.click("form.extract button[type=submit]")
    expect(page.locator("#article-text")).to_contain_text("Emomali Rahmon", timeout=60_000)
    expect(page.locator("header .small").first).to_contain_text("published 2024-09-02")


def test_web_browser_series_timeline(page, server):
    page.goto(server + "/series")
    page.get_by_role("link", name=re.compile("Human Rights and Democratic Reforms")).first.click()
    timeline = page.locator("ol.timeline")
    expect(timeline.locator("li.round").nth(0)).to_contain_text("Round 3")
    expect(timeline.locator("li.round").nth(0)).to_contain_text("Astana")
    expect(timeline.locator("li.round").nth(1)).to_contain_text("Round 4")
    expect(timeline.locator("li.round").nth(1)).to_contain_text("Washington")
    expect(timeline.locator("li.round").nth(0)).to_contain_text("Co-chairs")
    expect(timeline.locator("li.next")).to_contain_text(re.compile("round 5", re.I))
    expect(timeline.locator("li.next")).to_contain_text("projected")
    expect(page.locator("table.promises")).to_contain_text("fulfilled")
    shoot(page, "series")
    page.goto(server + "/series")
    page.get_by_role("link", name="Supreme Interstate Council").click()
    expect(page.locator("li.next")).to_contain_text("2027")
    expect(page.locator("li.next")).to_contain_text("pending")


def test_web_browser_country_and_dyad(page, server):
    page.goto(server + "/countries")
    page.get_by_role("link", name="Kazakhstan").click()
    expect(page.locator("h1")).to_contain_text("Kazakhstan")
    assert page.locator("svg.counts rect").count() >= 3
    assert page.locator("svg.scores circle.score-dot").count() >= 2
    expect(page.locator("ol.partners")).to_contain_text("United States")
    expect(page.locator("figure.map path.land.focus")).to_have_count(1)
    expect(page.locator("figure.map .place").first).to_be_visible()
    expect(page.locator("figure.map")).to_contain_text("Astana")
    shoot(page, "country")
    page.locator("ol.partners a", has_text="United States").click()
    expect(page).to_have_url(re.compile(r"/dyads/KAZ-USA$"))
    expect(page.locator("h1")).to_have_text("Kazakhstan and United States")
    expect(page.locator("figure.map path.land.focus")).to_have_count(2)
    expect(page.locator("figure.map")).to_contain_text("Washington")
    expect(page.locator("table.events")).to_contain_text("CONSULT")
    shoot(page, "dyad")


def test_web_browser_promises_link_fulfilling_event(page, server):
    page.goto(server + "/promises")
    tabs = page.locator("nav.tabs")
    for status in ("pending", "fulfilled", "overdue", "cancelled"):
        expect(tabs).to_contain_text(status)
    shoot(page, "promises")
    tabs.get_by_role("link", name=re.compile("^overdue")).click()
    expect(page.locator("table.promises tbody")).to_contain_text("2023")
    page.goto(server + "/promises?status=fulfilled")
    page.locator("a", has_text="fulfilled by event").first.click()
    expect(page.locator("h1")).to_contain_text("CONSULT")
    expect(page.locator("h1")).to_contain_text("occurred")


def test_web_browser_review_keeps_history(page, server):
    page.goto(server + "/search?q=customs")
    page.locator("table.events a[href^='/events/']").first.click()
    expect(page.locator("#history")).to_contain_text("No changes")
    page.select_option("#r-status", "planned")
    page.fill("#r-reason", "the article announces it")
    page.fill("#r-who", "Ada Reviewer")
    page.fill("#r-token", TOKEN)
    page.get_by_role("button", name="Save correction").click()
    history = page.locator("#history")
    expect(history).to_contain_text("correct event by Ada Reviewer")
    expect(history).to_contain_text('"planned"')
    expect(page.locator("h1")).to_contain_text("planned")
    page.fill("#r-who", "Ada Reviewer")
    page.fill("#r-token", TOKEN)
    page.get_by_role("button", name="Reject event").click()
    expect(page.locator(".notice")).to_contain_text("rejected")
    expect(history.locator("ol.history > li")).to_have_count(2)
    shoot(page, "review")
    page.goto(server + "/review")
    expect(page.locator("table.audit")).to_contain_text("Ada Reviewer")


def test_web_browser_injection_is_inert(page, server):
    page.goto(server + "/articles/injection-2026")
    expect(page.locator("#article-text")).to_contain_text(SCRIPT)
    expect(page.locator("h1")).to_contain_text("<script>")
    page.locator("details.event summary").first.click()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#article-text script, #article-text img, h1 script").count() == 0
    shoot(page, "injection-article")
    page.goto(server + "/")
    page.fill("#site-q", SCRIPT)
    page.press("#site-q", "Enter")
    expect(page.locator("#result-count")).to_contain_text(SCRIPT)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("main script").count() == 0
    assert page.dialogs == []


CONTRAST = """(selector) => {
  const lum = (rgb) => { const c = rgb.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => v / 255)
      .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]; };
  const background = (el) => { for (; el; el = el.parentElement) {
      const bg = getComputedStyle(el).backgroundColor;
      if (bg && !bg.startsWith("rgba(0, 0, 0, 0)") && bg !== "transparent") { return bg; } }
    return "rgb(255, 255, 255)"; };
  return [...document.querySelectorAll(selector)].slice(0, 20).map((el) => {
    const a = lum(getComputedStyle(el).color), b = lum(background(el));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); });
}"""


@pytest.mark.parametrize("url, selector", [
    ("/", "body, main p, th, td, .muted, .small, footer a"),
    ("/", "header nav a, .brand, .badge.status, .badge.type, a"),
    ("/articles/seed-000", ".text .ev, .text .ent, .text .tx, dl.fields dd, blockquote.evidence"),
    ("/promises", ".tabs a, .status-overdue, .status-fulfilled, .status-pending, .status-cancelled"),
])
def test_web_browser_text_contrast_is_readable(page, server, url, selector):
    page.goto(server + url)
    ratios = page.evaluate(CONTRAST, selector)
    assert ratios and min(ratios) >= 4.5, f"contrast below WCAG AA on {url}: {min(ratios):.2f}"


def test_web_browser_keyboard_navigation_and_focus(page, server):
    page.goto(server + "/")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to content")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    page.keyboard.press("Enter")
    expect(page.locator(":focus")).to_have_id("content")
    page.goto(server + "/")
    for _ in range(3):
        page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Overview")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/search$"))
    page.goto(server + "/articles/seed-000")
    page.locator("details.event summary").first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("details.event").first).to_have_attribute("open", "")
