"""Typing into the site's search box as a reader does, and reading what it shows.

Shared by tests/browser/test_search.py and scripts/compare_search.py (the benchmark).
The time from the last keystroke to the rendered result list is measured inside the page with
performance.now(): the keystroke is the keydown of a key that changed the text (an `input`
event follows it) or, for text an input method commits without a key (Chinese here), that
`input` event itself; a MutationObserver notes each change of the result list.
"""

from __future__ import annotations

import statistics

PROBE = """() => {
  if (window.__wpProbe) return;
  window.__wpProbe = { keys: [], renders: [], down: null };
  const list = document.querySelector('.md-search-result');  /* the list and its count line */
  const input = document.querySelector('input.md-search__input');
  document.addEventListener('keydown', () => { window.__wpProbe.down = performance.now(); }, true);
  document.addEventListener('keyup', (e) => { if (e.isTrusted) window.__wpProbe.down = null; }, true);
  input.addEventListener('input', () => {
    const p = window.__wpProbe;
    p.keys.push(p.down !== null ? p.down : performance.now());
    p.down = null;
  }, true);
  new MutationObserver(() => window.__wpProbe.renders.push(performance.now()))
    .observe(list, { childList: true, subtree: true, characterData: true });
}"""

GROUPS = """() => Array.from(
    document.querySelectorAll('.md-search-result__list > .md-search-result__item')).map(li => ({
  links: Array.from(li.querySelectorAll('a.md-search-result__link')).map(a => a.href),
  own: Array.from(li.querySelectorAll('mark')).some(m => !m.closest('.wp-other')),
  other: li.querySelectorAll('.wp-other mark').length > 0,
}))"""


def open_search(page, base_url: str, edition: str) -> None:
    page.goto(f"{base_url}{edition}/sections/1/")
    page.click("input.md-search__input")
    page.evaluate(PROBE)


def query(page, text: str, quiet_ms: int = 800) -> tuple[list[dict], float]:
    """Type `text` into the open search box; return the result groups and the milliseconds from
    the last keystroke to the last change of the result list (read once it has been still for
    `quiet_ms`: on a loaded machine the answer to an earlier keystroke can arrive after the last)."""
    page.fill("input.md-search__input", "")
    page.evaluate("() => { window.__wpProbe.keys = []; window.__wpProbe.renders = []; window.__wpProbe.down = null; }")
    if text.isascii():
        page.keyboard.type(text, delay=15)
    else:  # Chinese arrives as committed text, like an IME; End is the commit key
        page.keyboard.insert_text(text)
        page.keyboard.press("End")
    page.wait_for_function(
        """quiet => { const p = window.__wpProbe, k = p.keys[p.keys.length - 1], r = p.renders[p.renders.length - 1];
                   return r !== undefined && r > k && performance.now() - r > quiet; }""",
        arg=quiet_ms,
        timeout=15000,
    )
    probe = page.evaluate("() => window.__wpProbe")
    latency = probe["renders"][-1] - probe["keys"][-1]
    return page.evaluate(GROUPS), latency


def summary(latencies: list[float]) -> str:
    return f"median {statistics.median(latencies):.0f} ms, worst {max(latencies):.0f} ms over {len(latencies)} queries"
