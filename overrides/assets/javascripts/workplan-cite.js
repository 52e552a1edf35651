/* The trainer's kit in the page: a cite menu on every item (plain, Chicago, APA, GB/T 7714)
   and ranges of items (#item-4-3-to-4-5).  The citation strings are rendered at build time
   (citeproc-py, workplan/citation.py) and embedded in the page (#wp-cite-data) with {pin} and
   {url} left open; this script only fills in the item or the range.  No request is made, so it
   works in a downloaded copy opened from disk as well.  Without JavaScript a range link lands at the top of the section. */
(function () {
  "use strict";
  var RANGE = /^#item-(\d+)-(\d+)-to-(\d+)-(\d+)$/;
  var ITEM = /^item-(\d+)-(\d+)$/;
  var data;
  try { data = JSON.parse(document.getElementById("wp-cite-data").textContent); } catch (e) { return; }

  var copy = window.wpCopy;  /* workplan.js's copy helper: that file is loaded before this one */

  /* A selection: one item, or a run of items of one section. */
  function parts(id) { var m = ITEM.exec(id); return m ? [+m[1], +m[2]] : null; }
  function selection(fromId, toId) {
    var a = parts(fromId), b = parts(toId || fromId);
    if (!a || !b || a[0] !== b[0]) b = a;
    var lo = Math.min(a[1], b[1]), hi = Math.max(a[1], b[1]);
    var s = a[0], url = data.root + "sections/" + s + "/#item-" + s + "-" + lo;
    var pin = "§" + s + "." + lo;
    if (hi !== lo) {
      url += "-to-" + s + "-" + hi;
      pin += "–" + s + "." + hi;
    }
    return { section: s, from: lo, to: hi, url: url, pin: pin };
  }
  function fill(template, sel) {
    return template.split("{pin}").join(sel.pin).split("{url}").join(sel.url);
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

  /* The cite menu. */
  var status = document.createElement("div");
  status.className = "wp-status wp-cite-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  var menu = null, anchorId = null;

  function closeMenu(focusBack) {
    if (!menu) return;
    var button = menu.wpButton;
    menu.remove();
    menu = null;
    if (button) {
      button.setAttribute("aria-expanded", "false");
      if (focusBack) button.focus();
    }
  }

  function say(text) {
    status.textContent = text;
    clearTimeout(say.timer);
    say.timer = setTimeout(function () { status.textContent = ""; }, 3000);
  }

  function openMenu(button, sel) {
    closeMenu(false);
    menu = document.createElement("div");
    menu.className = "wp-cite-menu";
    menu.setAttribute("role", "menu");
    menu.setAttribute("aria-label", data.ui.menu + " " + sel.pin);
    menu.wpButton = button;
    var head = document.createElement("div");
    head.className = "wp-cite-head";
    head.textContent = data.ui.menu + " · " + sel.pin;
    menu.appendChild(head);
    var entries = data.styles.map(function (style) {
      return { key: style.key, label: style.label, text: fill(style.template, sel) };
    });
    entries.push({ key: "link", label: data.ui.link, text: sel.url });
    entries.forEach(function (entry) {
      var item = document.createElement("button");
      item.type = "button";
      item.className = "wp-cite-option";
      item.setAttribute("role", "menuitem");
      item.setAttribute("data-style", entry.key);
      item.setAttribute("data-text", entry.text);
      var label = document.createElement("span");
      label.className = "wp-cite-label";
      label.textContent = entry.label;
      var preview = document.createElement("span");
      preview.className = "wp-cite-preview";
      preview.textContent = entry.text;
      item.appendChild(label);
      item.appendChild(preview);
      item.addEventListener("click", function () {
        copy(entry.text).then(function () {
          button.setAttribute("data-copied", entry.text);
          say(data.ui.copied + ": " + entry.text);
          closeMenu(true);
        });
      });
      menu.appendChild(item);
    });
    menu.addEventListener("keydown", function (event) {
      var options = Array.prototype.slice.call(menu.querySelectorAll(".wp-cite-option"));
      var i = options.indexOf(document.activeElement);
      if (event.key === "Escape") { event.preventDefault(); closeMenu(true); }
      else if (event.key === "ArrowDown") { event.preventDefault(); options[(i + 1) % options.length].focus(); }
      else if (event.key === "ArrowUp") { event.preventDefault(); options[(i - 1 + options.length) % options.length].focus(); }
    });
    button.parentNode.insertBefore(menu, button.nextSibling);
    button.setAttribute("aria-expanded", "true");
    menu.querySelector(".wp-cite-option").focus();
  }

  function addCiteButtons() {
    document.body.appendChild(status);
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
        if (menu && menu.wpButton === button && !event.shiftKey) { closeMenu(true); return; }
        var sel;
        if (event.shiftKey && anchorId && parts(anchorId)[0] === parts(item.id)[0]) {
          sel = selection(anchorId, item.id);  /* a run of items: one link, one citation */
        } else {
          anchorId = item.id;
          sel = selection(item.id);
          say(data.ui.range.split("{pin}").join(sel.pin));
        }
        mark(sel.to > sel.from ? sel : null);
        openMenu(button, sel);
      });
      item.appendChild(button);
    });
    document.addEventListener("click", function (event) {
      if (menu && !menu.contains(event.target) && event.target !== menu.wpButton) closeMenu(false);
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
