/* The reader's edition, progressively enhanced: copy a citation, keep the item when
   switching editions, show or hide the other-language text.  Works without it too. */
(function () {
  "use strict";
  var root = document.documentElement;

  function text(key, fallback) {
    var el = document.querySelector('meta[name="wp-' + key + '"]');
    return el ? el.getAttribute("content") : fallback;
  }

  /* Copy text: the Clipboard API where the page may use it, else (file://, plain http, or the
     API refused) a hidden textarea and execCommand.  Also the cite menu's (workplan-cite.js,
     loaded after this file), as window.wpCopy. */
  function copy(value) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(value).catch(function () { legacyCopy(value); });
    }
    legacyCopy(value);
    return Promise.resolve();
  }
  function legacyCopy(value) {
    var area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { document.body.removeChild(area); }
  }
  window.wpCopy = copy;

  /* The page's one message area (a polite live region, there from the start so that what it says is
     announced): the copy buttons and the cite menu both speak through window.wpSay, so a new message
     replaces the last instead of stacking on it.  A message clears after `ms` (3 s by default), or
     stays until the next one when keep is true. */
  var status = document.createElement("div"), statusTimer = 0;
  status.className = "wp-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  function say(message, ms, keep) {
    clearTimeout(statusTimer);
    status.textContent = message;
    if (message && !keep) statusTimer = setTimeout(function () { status.textContent = ""; }, ms || 3000);
  }
  window.wpSay = say;

  /* Load a stylesheet and a script on first use (the reading aids, the cite menu), as elements
     rather than fetch() so that it works from file:// too; paths relative to `base`, the URL of
     the script asking.  styled() once the stylesheet has loaded or failed; failed() if the script
     cannot load. */
  window.wpLoad = function (base, css, js, styled, failed) {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL(css, base).href;
    link.onload = link.onerror = styled;
    document.head.appendChild(link);
    var tag = document.createElement("script");
    tag.src = new URL(js, base).href;
    tag.onerror = failed;
    document.head.appendChild(tag);
  };

  /* A term card or cite menu opened in a block of a long page: the block is drawn whole while it is
     open (workplan.css skips blocks off screen, and that containment would clip the popup).  Called
     by workplan-reading-aids.js and workplan-cite-menu.js with the popup in place. */
  window.wpPopup = function (node, open) {
    var block = node.parentNode && node.parentNode.closest(".wp-long > *");
    if (block) block.classList.toggle("wp-popup-open", open);
  };

  /* The address of a place in the edition, for a reader to copy: the target of `href` (an item's
     permalink) with `hash`, built from the page's own location, so right on any host and path.
     A page opened from disk names the public address instead when the build knows one (SITE_URL:
     "public" in #wp-cite-data), else none (""): a file:// address means nothing to anyone else.
     Also the cite menu's (workplan-cite.js), as window.wpAddress. */
  var here = document.currentScript ? document.currentScript.src : location.href;
  var editionRoot = new URL("../../", here);  /* this file is in {edition}/assets/javascripts/ */
  function publicRoot() {
    var data = document.getElementById("wp-cite-data");
    try { return (data && JSON.parse(data.textContent).public) || ""; } catch { return ""; }
  }
  function address(href, hash) {
    var url = new URL(href || location.href, location.href);
    url.hash = hash;
    if (url.protocol !== "file:") return url.href;
    var root = publicRoot();
    if (!root || url.pathname.indexOf(editionRoot.pathname) !== 0) return "";
    /* sections/4/index.html (a copy of site/) or sections/4.html (the offline zip): sections/4/ */
    var path = url.pathname.slice(editionRoot.pathname.length).replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "/");
    return root + path + hash;
  }
  window.wpAddress = address;

  function permalink(anchor, ref) {
    return address(ref ? ref.getAttribute("href") : "", "#" + anchor);
  }

  var ICON = '<svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false"><path fill="currentColor" d="M19 21H8V7h11m0-2H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2m-3-4H4a2 2 0 0 0-2 2v14h2V3h12V1Z"/></svg>';

  /* A copy button after each item's permalink: "CNIPA 2022 Work Plan §4.3 <URL>". */
  function addCopyButtons() {
    var label = text("copy", "Copy citation");
    var done = text("copied", "Copied");
    document.querySelectorAll(".wp-item[data-cite]").forEach(function (item) {
      var ref = item.querySelector("a.wp-ref");
      if (!ref || item.querySelector(".wp-copy")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "wp-copy";
      button.innerHTML = ICON;
      button.title = label;
      button.setAttribute("aria-label", label + ": " + item.getAttribute("data-cite"));
      button.addEventListener("click", function () {
        var citation = (item.getAttribute("data-cite") + " " + permalink(item.id, ref)).trim();
        copy(citation).then(function () {
          button.setAttribute("data-copied", citation);
          say(done + ": " + citation, 2500);
          button.classList.add("wp-copied");
          setTimeout(function () { button.classList.remove("wp-copied"); }, 2500);
        });
      });
      var slot = item.querySelector(".wp-copy-slot");
      if (slot) slot.appendChild(button);
      else ref.insertAdjacentElement("afterend", button);
    });
  }

  /* Switching edition keeps the reader's place: the item, heading or glossary entry nearest the
     top of the view once the reader has scrolled (every edition has the same anchors). */
  var PLACES = ".md-content .wp-item[id], .md-content h2[id], .md-content .wp-entry h3[id]";

  function placeInView() {
    if (window.scrollY <= 0) return "";
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var places = document.querySelectorAll(PLACES);
    for (var i = 0; i < places.length; i++) {
      var rect = places[i].getBoundingClientRect();
      if (rect.height && rect.bottom > top + 8) return places[i].id;
    }
    return "";
  }

  /* The URL's anchor while what it names is in view (or it names a range, #item-4-3-to-4-5),
     else the place in view. */
  function anchorToKeep() {
    var hash = location.hash ? decodeURIComponent(location.hash.slice(1)) : "";
    var named = hash ? document.getElementById(hash) : null;
    if (hash && !named) return hash;
    if (named) {
      var rect = (named.closest(".wp-entry") || named).getBoundingClientRect();  /* a term: its whole entry */
      if (rect.bottom > 0 && rect.top < window.innerHeight) return hash;
    }
    return placeInView() || hash;
  }

  function keepAnchorOnSwitch() {
    document.querySelectorAll("a.wp-alternate").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var id = anchorToKeep();
        if (id) link.hash = id;
        /* The link already names the same page: keep Material's sitemap lookup (which
           depends on site_url matching the host) from rewriting it. */
        event.stopPropagation();
      });
    });
  }

  /* The phone's navigation drawer opens at the top level (home, sections, glossary, full text: each
     one tap away) rather than at the list the current page is in, where Material opens it.  Only
     while the drawer is the navigation (below 76.25em, Material's breakpoint); wider, the sidebar
     shows the current page's list expanded again. */
  function drawerAtTop() {
    var opened = Array.prototype.slice.call(document.querySelectorAll(".md-nav--primary .md-nav__toggle[id^='__nav_']:checked"));
    if (!opened.length || !window.matchMedia) return;
    var phone = window.matchMedia("(max-width: 76.1875em)");
    function apply() { opened.forEach(function (toggle) { toggle.checked = !phone.matches; }); }
    apply();
    if (phone.addEventListener) phone.addEventListener("change", apply);
  }

  /* One toggle for the other-language text of every item on the page. */
  function addToggle() {
    if (!document.querySelector(".wp-alt")) return;
    var toolbar = document.querySelector(".md-content .wp-toolbar");
    if (!toolbar) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "wp-toggle";
    button.textContent = text("alt-toggle", "Show translation");
    function sync() {
      button.setAttribute("aria-pressed", root.classList.contains("wp-show-alt") ? "true" : "false");
    }
    button.addEventListener("click", function () {
      var on = root.classList.toggle("wp-show-alt");
      try { localStorage.setItem("wp-show-alt", on ? "1" : "0"); } catch { /* private mode */ }
      sync();
    });
    sync();
    toolbar.appendChild(button);
  }

  /* Mark every occurrence of `words` (case-blind, also across element boundaries such as
     glossary links) in the text under `scope`; returns the <mark> elements. */
  function markWords(scope, words) {
    var nodes = [], text = "", walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest("button, .wp-copy-slot, mark.wp-hit")) continue;
      nodes.push({ node: node, start: text.length });
      text += node.nodeValue;
    }
    var lower = text.toLowerCase();
    if (lower.length !== text.length) return [];
    var ranges = [];
    words.forEach(function (word) {
      var w = word.toLowerCase(), at = w ? lower.indexOf(w) : -1;
      while (at >= 0) { ranges.push([at, at + w.length]); at = lower.indexOf(w, at + w.length); }
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var marks = [];
    nodes.forEach(function (entry) {
      var value = entry.node.nodeValue, start = entry.start, end = start + value.length;
      var pieces = ranges.filter(function (r) { return r[0] < end && r[1] > start; });
      if (!pieces.length) return;
      var fragment = document.createDocumentFragment(), pos = 0;
      pieces.forEach(function (r) {
        var from = Math.max(r[0] - start, pos), to = Math.min(r[1] - start, value.length);
        if (to <= from) return;
        if (from > pos) fragment.appendChild(document.createTextNode(value.slice(pos, from)));
        var mark = document.createElement("mark");
        mark.className = "wp-hit";
        mark.textContent = value.slice(from, to);
        fragment.appendChild(mark);
        marks.push(mark);
        pos = to;
      });
      if (pos < value.length) fragment.appendChild(document.createTextNode(value.slice(pos)));
      entry.node.parentNode.replaceChild(fragment, entry.node);
    });
    return marks;
  }

  /* Landing from a search result (?h=the matched words of the page, #item-4-3): mark them in
     the item (or on the page) and bring them into view below the header (scroll-margin-top in
     workplan.css).  A match the page hides (an item's other-language text, shown only when the
     reader turns it on; a collapsed summary) is revealed when no mark would be visible
     otherwise, and in the item landed on. */
  function shown(node) {
    /* a closed <details> keeps its content laid out (content-visibility), so ask it too */
    for (var d = node.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
      if (!d.open) return false;
    }
    return node.getClientRects().length > 0;
  }

  function reveal(mark) {
    var item = mark.closest(".wp-alt") && mark.closest(".wp-item");
    if (item) item.classList.add("wp-alt-open");
    for (var d = mark.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
      if (!d.open) d.open = true;
    }
  }

  function landFromSearch() {
    var words = (new URLSearchParams(location.search).get("h") || "").split(" ").filter(Boolean);
    if (!words.length) return;
    var id = location.hash ? decodeURIComponent(location.hash.slice(1)) : "";
    var target = id ? document.getElementById(id) : null;
    var scope = target || document.querySelector(".md-content article");
    if (!scope) return;
    var marks = Array.prototype.slice.call(scope.querySelectorAll("mark.wp-hit"));
    if (!marks.length) marks = markWords(scope, words);
    if (target) {
      marks.forEach(reveal);
      target.scrollIntoView({ block: "start" });
    } else if (marks.length) {
      if (!marks.some(shown)) reveal(marks[0]);
      marks.filter(shown)[0].scrollIntoView({ block: "center" });
    }
  }

  /* Search as the text changes: Material queries on keyup, a key-release later (and never for
     text an input method commits); the real keyup then finds the same text and is dropped. */
  function searchAsYouType() {
    var input = document.querySelector("input.md-search__input");
    if (!input) return;
    input.addEventListener("input", function () {
      input.dispatchEvent(new KeyboardEvent("keyup"));
    });
  }

  /* Each permalink keeps its citation as a plain title (the browser's tooltip, like the copy and
     Cite buttons').  Material's content.tooltips would mount its own tooltip on each when the page is
     ready: per element, a visibility observer and scroll, resize and hover listeners, which on the full
     text (about 100 permalinks) was most of the start-up's blocking time on a phone (issue 10, point 5).
     So the titles are out of the way while Material mounts (this file runs before DOMContentLoaded)
     and back right after it (init runs after Material's handler, registered first). */
  var titled = [];
  document.querySelectorAll(".md-content a.wp-ref[title]").forEach(function (ref) {
    titled.push([ref, ref.getAttribute("title")]);
    ref.removeAttribute("title");
  });
  function restoreTitles() {
    titled.splice(0).forEach(function (pair) { pair[0].setAttribute("title", pair[1]); });
  }

  function init() {
    document.body.appendChild(status);
    restoreTitles();
    searchAsYouType();
    addCopyButtons();
    keepAnchorOnSwitch();
    drawerAtTop();
    addToggle();
    landFromSearch();
    window.addEventListener("hashchange", landFromSearch);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
