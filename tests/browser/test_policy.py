"""The script policy holds in the browser: no violation on any page, and a script created and
inserted by script does not run (a script written by innerHTML never runs anyway, so that would
prove nothing)."""

from __future__ import annotations

import pytest
from test_navigation import all_pages

pytestmark = pytest.mark.browser
WATCH = (
    "window.__violations = [];"
    "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
    "e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));"
)


@pytest.mark.parametrize("edition", ["zh-Hans", "zh-Hant", "en"])
def test_no_policy_violation_on_any_page(browser, base_url, site, edition):
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    seen = []
    for path in all_pages(site, edition):
        page.goto(f"{base_url}{edition}/{path}", wait_until="networkidle")
        if path == "sections/4/":  # search (its worker) and the translation toggle run under the policy too
            page.click("input.md-search__input")
            page.keyboard.type("2022", delay=20)
            page.wait_for_selector(".md-search-result__item")
            page.keyboard.press("Escape")
            page.click("button.wp-toggle")
        seen += [f"{path}: {v}" for v in page.evaluate("window.__violations")]
    context.close()
    assert not seen, seen


def test_a_script_inserted_by_script_does_not_run(page, base_url):
    page.add_init_script(WATCH)
    page.goto(f"{base_url}en/sections/4/", wait_until="networkidle")
    ran = page.evaluate("""() => new Promise(resolve => {
        window.__injected = false;
        const inline = document.createElement('script');
        inline.textContent = 'window.__injected = true;';
        document.body.appendChild(inline);
        const data = document.createElement('script');
        data.src = 'data:text/javascript,window.__injected=true';
        data.onerror = () => resolve(window.__injected);
        data.onload = () => resolve(window.__injected);
        document.body.appendChild(data);
    })""")
    assert ran is False
    violations = page.evaluate("window.__violations")
    assert any(v.startswith("script-src") and " inline " in v for v in violations), violations
    assert any(v.startswith("script-src") and " data " in v for v in violations), violations
    # the policy is the page's, not the test's: the same script runs on a page without one
    page.goto("about:blank")
    assert page.evaluate("""() => { window.__injected = false; const s = document.createElement('script');
        s.textContent = 'window.__injected = true;'; document.body.appendChild(s); return window.__injected; }""")
