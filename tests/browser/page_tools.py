"""Waiting on a page for a condition rather than for a time (imported by the browser tests)."""

from __future__ import annotations


def settle(page) -> None:
    """Until the page has handled what was sent to it: two frames drawn, then a task run.  For a
    check that something did NOT happen in reaction to an event (rather than a fixed pause)."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r))))")


def control_tooltip(page) -> None:
    """Material's tooltip does show on the header's logo: the control that lets a no-tooltip check fail.
    Needs page.clock installed before the page loaded (Material shows its tooltips after a delay)."""
    page.hover(".md-header__button.md-logo")
    page.clock.run_for(1000)
    assert page.locator(".md-tooltip2--active, .md-tooltip--active").count() == 1, "Material's tooltip never shows"
    page.mouse.move(0, 0)
    page.clock.run_for(1000)
