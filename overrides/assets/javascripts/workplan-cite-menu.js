/* The cite menu (loaded by workplan-cite.js on the first press of a Cite button): the item's
   citation in every style, or a run of items'.  A run is made with one thumb or the keyboard:
   "Cite a range from here…" in an item's menu, then Cite on the last item of the same section
   (a shift-press of a second item does the same on a desktop).  Messages go to the page's one
   message area (window.wpSay, workplan.js). */
(function () {
  "use strict";
  if (!window.wpCiteMenu) return;
  window.wpCiteMenu(function (kit) {
    var data = kit.data;
    var menu = null, anchorId = null, rangeFrom = null;

    var copy = window.wpCopy;  /* workplan.js's copy helper and message area (every page loads it first) */
    var say = window.wpSay;
    function fill(template, sel) {
      return template.split("{pin}").join(sel.pin).split("{url}").join(sel.url);
    }

    function closeMenu(focusBack) {
      if (!menu) return;
      var button = menu.wpButton;
      window.wpPopup(menu, false);
      menu.remove();
      menu = null;
      if (button) {
        button.setAttribute("aria-expanded", "false");
        if (focusBack) button.focus();
      }
    }

    /* A range begun ("from here…") and waiting for its last item. */
    function startRange(item, sel) {
      rangeFrom = item.id;
      kit.mark(sel);
      document.documentElement.classList.add("wp-range-open");
      say(data.ui.range.split("{pin}").join(sel.pin), 0, true);
    }
    function cancelRange() {
      if (!rangeFrom) return;
      rangeFrom = null;
      kit.mark(null);
      document.documentElement.classList.remove("wp-range-open");
      say("");
    }

    function option(entry, onChoose) {
      var item = document.createElement("button");
      item.type = "button";
      item.className = "wp-cite-option";
      item.setAttribute("role", "menuitem");
      item.setAttribute("data-style", entry.key);
      if (entry.text) item.setAttribute("data-text", entry.text);
      var label = document.createElement("span");
      label.className = "wp-cite-label";
      label.textContent = entry.label;
      item.appendChild(label);
      if (entry.text) {
        var preview = document.createElement("span");
        preview.className = "wp-cite-preview";
        preview.textContent = entry.text;
        item.appendChild(preview);
      }
      item.addEventListener("click", onChoose);
      return item;
    }

    function openMenu(button, item, sel) {
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
      if (!sel.url) {  /* opened from disk, no public address known: say why no link is given */
        var note = document.createElement("div");
        note.className = "wp-cite-note";
        note.id = "wp-cite-note";
        note.textContent = data.ui.no_address;
        menu.appendChild(note);
        menu.setAttribute("aria-describedby", note.id);
      }
      var entries = data.styles.map(function (style) {
        return { key: style.key, label: style.label, text: fill(sel.url ? style.template : style.offline, sel) };
      });
      if (sel.url) entries.push({ key: "link", label: data.ui.link, text: sel.url });
      entries.forEach(function (entry) {
        menu.appendChild(option(entry, function () {
          copy(entry.text).then(function () {
            button.setAttribute("data-copied", entry.text);
            say(data.ui.copied + ": " + entry.text);
            closeMenu(true);
          });
        }));
      });
      if (sel.to === sel.from) {  /* one item: begin a range here, or drop the one begun here */
        var open = rangeFrom === item.id;
        menu.appendChild(option({ key: open ? "range-cancel" : "range", label: open ? data.ui.range_cancel : data.ui.range_from },
          function () {
            if (open) cancelRange();
            else startRange(item, sel);
            closeMenu(true);
          }));
      }
      menu.addEventListener("keydown", function (event) {
        var options = Array.prototype.slice.call(menu.querySelectorAll(".wp-cite-option"));
        var i = options.indexOf(document.activeElement);
        if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); closeMenu(true); }
        else if (event.key === "ArrowDown") { event.preventDefault(); options[(i + 1) % options.length].focus(); }
        else if (event.key === "ArrowUp") { event.preventDefault(); options[(i - 1 + options.length) % options.length].focus(); }
      });
      button.parentNode.insertBefore(menu, button.nextSibling);
      window.wpPopup(menu, true);
      button.setAttribute("aria-expanded", "true");
      menu.querySelector(".wp-cite-option").focus();
    }

    document.addEventListener("click", function (event) {
      if (menu && !menu.contains(event.target) && !(menu.wpButton && menu.wpButton.contains(event.target))) closeMenu(false);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !menu) cancelRange();  /* Escape drops a range waiting for its end */
    });

    function sameSection(a, b) { return kit.parts(a)[0] === kit.parts(b)[0]; }

    /* A press of an item's Cite button: ends a range begun on another item of its section
       (or, shift-pressed, makes one from the last item pressed); otherwise the item's own menu. */
    function press(button, item, shift) {
      if (menu && menu.wpButton === button && !shift) { closeMenu(true); return; }
      var from = rangeFrom && rangeFrom !== item.id && sameSection(rangeFrom, item.id) ? rangeFrom
        : shift && anchorId && anchorId !== item.id && sameSection(anchorId, item.id) ? anchorId : null;
      if (rangeFrom && rangeFrom !== item.id) cancelRange();  /* ended here, or dropped for another section */
      var sel;
      if (from) {
        sel = kit.selection(from, item.id);  /* a run of items: one link, one citation */
        kit.mark(sel);
      } else {
        anchorId = item.id;
        sel = kit.selection(item.id);
        if (!rangeFrom) kit.mark(null);
      }
      openMenu(button, item, sel);
    }
    return { press: press };
  });
})();
