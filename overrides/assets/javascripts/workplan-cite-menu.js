/* The cite menu (loaded by workplan-cite.js on the first press of a Cite button): the item's
   citation in every style, or a run of items' (shift-press a second item of the same section). */
(function () {
  "use strict";
  if (!window.wpCiteMenu) return;
  window.wpCiteMenu(function (kit) {
    var data = kit.data, status = kit.status;
    var menu = null, anchorId = null;

    var copy = window.wpCopy;  /* workplan.js's copy helper (every page loads it first) */
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
      window.wpPopup(menu, true);
      button.setAttribute("aria-expanded", "true");
      menu.querySelector(".wp-cite-option").focus();
    }

    document.addEventListener("click", function (event) {
      if (menu && !menu.contains(event.target) && !(menu.wpButton && menu.wpButton.contains(event.target))) closeMenu(false);
    });

    /* a press of an item's Cite button (shift: from the last item pressed to this one) */
    function press(button, item, shift) {
      if (menu && menu.wpButton === button && !shift) { closeMenu(true); return; }
      var sel;
      if (shift && anchorId && kit.parts(anchorId)[0] === kit.parts(item.id)[0]) {
        sel = kit.selection(anchorId, item.id);  /* a run of items: one link, one citation */
      } else {
        anchorId = item.id;
        sel = kit.selection(item.id);
        say(data.ui.range.split("{pin}").join(sel.pin));
      }
      kit.mark(sel.to > sel.from ? sel : null);
      openMenu(button, sel);
    }
    return { press: press };
  });
})();
