/* The trainer's kit in the page: a cite menu on every item (plain, Chicago, APA, GB/T 7714)
   and ranges of items (#item-4-3-to-4-5).  The citation strings are rendered at build time
   (citeproc-py, workplan/citation.py) and embedded in the page (#wp-cite-data) with {pin} and
   {url} left open; the menu only fills in the item or the range.  No fetch is made, so it works
   in a downloaded copy opened from disk as well.  Addresses come from workplan.js (wpAddress): from
   the page's own location, so they are right on any host and under any path; a page opened from
   disk names the public address (data.public, from SITE_URL) when the build knows one, else none.  Without JavaScript a range link lands at the top
   of the section.
   This part loads with every page: it marks a range on arrival and adds the Cite buttons.  The
   menu itself (workplan-cite-menu.js and workplan-cite.css) loads on the first press of a button,
   as a <script> element (so it works from file:// too). */
(function () {
  "use strict";
  var RANGE = /^#item-(\d+)-(\d+)-to-(\d+)-(\d+)$/;
  var ITEM = /^item-(\d+)-(\d+)$/;
  var data;
  try { data = JSON.parse(document.getElementById("wp-cite-data").textContent); } catch { return; }
  var script = document.currentScript;
  var here = script ? script.src : new URL("assets/javascripts/workplan-cite.js", location.href).href;

  /* The address of an item's page (its permalink's target, as the copy button has it) with `hash`:
     workplan.js's window.wpAddress (from the page's location, or the public address from disk). */
  function address(item, hash) {
    var ref = item ? item.querySelector("a.wp-ref") : null;
    return window.wpAddress(ref ? ref.getAttribute("href") : "", hash);
  }

  /* A selection: one item, or a run of items of one section. */
  function parts(id) { var m = ITEM.exec(id); return m ? [+m[1], +m[2]] : null; }
  function selection(fromId, toId) {
    var a = parts(fromId), b = parts(toId || fromId);
    if (!a || !b || a[0] !== b[0]) b = a;
    var lo = Math.min(a[1], b[1]), hi = Math.max(a[1], b[1]);
    var s = a[0], hash = "#item-" + s + "-" + lo;
    var pin = "§" + s + "." + lo;
    if (hi !== lo) {
      hash += "-to-" + s + "-" + hi;
      pin += "–" + s + "." + hi;
    }
    return { section: s, from: lo, to: hi, pin: pin, url: address(document.getElementById(fromId), hash) };
  }

  /* Ranges: mark the items, scroll the first into view. */
  function itemsOf(sel) {
    var out = [];
    for (var k = sel.from; k <= sel.to; k++) {
      var el = document.getElementById("item-" + sel.section + "-" + k);
      if (el) out.push(el);
    }
    return out;
  }
  function mark(sel) {
    document.querySelectorAll(".wp-in-range").forEach(function (el) { el.classList.remove("wp-in-range"); });
    if (!sel) return [];
    var els = itemsOf(sel);
    els.forEach(function (el) { el.classList.add("wp-in-range"); });
    return els;
  }
  function fromHash() {
    var m = RANGE.exec(location.hash);
    if (!m || m[1] !== m[3]) { mark(null); return; }
    var els = mark(selection("item-" + m[1] + "-" + m[2], "item-" + m[3] + "-" + m[4]));
    if (els.length) els[0].scrollIntoView({ block: "start" });
  }

  /* The menu, loaded once on first use; jobs wait for it (its styles first: no unstyled flash). */
  var menuApi = null, styled = false, queue = [], requested = false;
  function flush() {
    if (!menuApi || !styled) return;
    queue.splice(0).forEach(function (job) { job(menuApi); });
  }
  window.wpCiteMenu = function (factory) {
    menuApi = factory({ data: data, parts: parts, selection: selection, mark: mark });
    flush();
  };
  function withMenu(fn) {
    if (menuApi && styled) { fn(menuApi); return; }
    queue.push(fn);
    if (requested) return;
    requested = true;
    window.wpLoad(here, "../stylesheets/workplan-cite.css", "workplan-cite-menu.js",
                  function () { styled = true; flush(); },
                  function () { requested = false; queue.length = 0; });
  }

  function addCiteButtons() {
    document.querySelectorAll(".wp-item[data-cite]").forEach(function (item) {
      if (!parts(item.id) || item.querySelector(".wp-cite")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "wp-cite";
      button.textContent = data.ui.cite;
      button.setAttribute("aria-haspopup", "menu");
      button.setAttribute("aria-expanded", "false");
      button.setAttribute("aria-label", data.ui.cite + " §" + parts(item.id).join("."));
      button.addEventListener("click", function (event) {
        var shift = event.shiftKey;
        withMenu(function (api) { api.press(button, item, shift); });
      });
      item.appendChild(button);
    });
  }

  function init() {
    addCiteButtons();
    fromHash();
    window.addEventListener("hashchange", fromHash);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
