/* Reading aids, loaded by workplan-reading.js on first use (a tap on a term, the pinyin toggle,
   the glossary page): the term card, pinyin ruby, the glossary's filter and sort.
   Their data (reading/cards.js, reading/pinyin.js of the edition) is loaded on first use with a
   <script> element, which also works from file://, where fetch() of a local file is refused. */
(function () {
  "use strict";
  var root = document.documentElement;
  var script = document.currentScript;
  /* assets/javascripts/workplan-reading-aids.js -> the edition's root */
  var base = script ? new URL("../../", script.src) : new URL(".", location.href);
  var pending = {}, loaded = {};

  window.wpReading = function (kind, data) {
    loaded[kind] = data;
    (pending[kind] || []).forEach(function (fn) { fn(data); });
    pending[kind] = [];
  };

  function load(kind, done, failed) {
    if (loaded[kind]) { done(loaded[kind]); return; }
    var first = !pending[kind];
    (pending[kind] = pending[kind] || []).push(done);
    if (!first) return;
    var tag = document.createElement("script");
    tag.src = new URL("reading/" + kind + ".js", base).href;
    tag.async = true;
    tag.onerror = function () { pending[kind] = null; if (failed) failed(); };
    document.head.appendChild(tag);
  }

  /* A counted string: `forms` by CLDR plural category ({ one: "In {n} place…", other: "In {n} places…" }),
     chosen for the page's language; a language without the category falls back to "other". */
  var plurals = null;
  function counted(forms, n) {
    if (!plurals) {
      try { plurals = new Intl.PluralRules(root.lang || "en"); } catch { plurals = { select: function () { return "other"; } }; }
    }
    return (forms[plurals.select(n)] || forms.other).replace("{n}", n);
  }

  function el(name, attrs, text) {
    var node = document.createElement(name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) node.textContent = text;
    return node;
  }

  /* ---- term cards ---------------------------------------------------------------------- */
  var card = null, opener = null;

  function termId(link) {
    var hash = link.hash || "";
    return decodeURIComponent(hash.slice(1));
  }

  function close(returnFocus) {
    if (!card) return;
    var from = opener;
    window.wpPopup(card, false);
    card.parentNode.removeChild(card);
    card = null;
    opener = null;
    if (from) from.setAttribute("aria-expanded", "false");
    if (returnFocus && from) from.focus();
  }

  function place(node, link) {
    /* absolutely positioned under the term: nothing else moves; kept inside the viewport */
    var margin = 8;
    /* a term may wrap over two lines: below its last line, or above its first */
    var rects = link.getClientRects();
    var first = rects[0] || link.getBoundingClientRect(), last = rects[rects.length - 1] || first;
    var rect = { left: first.left, top: first.top, bottom: last.bottom };
    var holder = node.offsetParent || document.body;
    var parent = holder.getBoundingClientRect();
    var width = node.offsetWidth;
    var viewport = document.documentElement.clientWidth;
    var left = Math.min(Math.max(rect.left, margin), Math.max(margin, viewport - width - margin));
    /* offsets are from the padding box of the positioned ancestor: inside its border */
    node.style.left = (left - parent.left - holder.clientLeft) + "px";
    var height = node.offsetHeight, room = document.documentElement.clientHeight;
    var above = rect.bottom + height + 6 + margin > room && rect.top - height - 6 > margin;
    node.style.top = ((above ? rect.top - height - 6 : rect.bottom + 6) - parent.top - holder.clientTop) + "px";
  }

  function build(link, data) {
    var id = termId(link), t = data.terms[id], ui = data.ui;
    if (!t) return null;
    var node = el("div", { "class": "wp-card", role: "dialog", "aria-modal": "false", tabindex: "-1",
                           "aria-labelledby": "wp-card-name", "aria-describedby": "wp-card-def",
                           id: "wp-card" });
    var name = el("p", { "class": "wp-card__name", id: "wp-card-name" }, t.name);
    node.appendChild(name);
    var list = el("dl", { "class": "wp-card__facts" });
    function fact(label, value, lang) {
      list.appendChild(el("dt", {}, label));
      list.appendChild(el("dd", lang ? { lang: lang } : {}, value));
    }
    t.other.forEach(function (pair) { fact(ui.langs[pair[0]] || pair[0], pair[1], pair[0]); });
    if (t.pinyin) fact(ui.pinyin.replace(/[:：]\s*$/, ""), t.pinyin, "zh-Latn-pinyin");
    if (t.abbr) fact(ui.abbr.replace(/[:：]\s*$/, ""), t.abbr);
    node.appendChild(list);
    node.appendChild(el("p", { "class": "wp-card__def", id: "wp-card-def" }, t.def));
    var more = el("p", { "class": "wp-card__more" });
    var full = el("a", { href: link.getAttribute("href") }, ui.full);
    more.appendChild(full);
    more.appendChild(document.createTextNode(" · " + (t.count ? counted(ui.count, t.count) : ui.none)));
    node.appendChild(more);
    var button = el("button", { type: "button", "class": "wp-card__close", "aria-label": ui.close, title: ui.close });
    button.innerHTML = '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path fill="currentColor" d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12 19 6.41Z"/></svg>';
    button.addEventListener("click", function () { close(true); });
    node.appendChild(button);
    return node;
  }

  function open(link) {
    load("cards", function (data) {
      close(false);
      var node = build(link, data);
      if (!node) { location.href = link.href; return; }
      /* right after the term in the text: the tab order goes term -> card -> rest of the text */
      node.style.left = "0";
      node.style.top = "0";
      link.insertAdjacentElement("afterend", node);
      window.wpPopup(node, true);
      card = node;
      opener = link;
      link.setAttribute("aria-expanded", "true");
      link.setAttribute("aria-controls", "wp-card");
      place(node, link);
      node.focus({ preventScroll: true });
      if (node.scrollIntoView) node.scrollIntoView({ block: "nearest" });
    }, function () { location.href = link.href; });
  }

  function toggleCard(link) {
    if (opener === link) close(true);
    else open(link);
  }

  document.addEventListener("keydown", function (event) {
    if (card && (event.key === "Escape" || event.key === "Esc")) {
      event.preventDefault();
      close(true);
    }
  });

  document.addEventListener("pointerdown", function (event) {
    if (!card || card.contains(event.target)) return;
    if (opener && opener.contains(event.target)) return; /* the click on the term toggles */
    close(false);
  });

  document.addEventListener("focusin", function (event) {
    /* Tab past the card (or Shift+Tab before the term) closes it */
    if (card && !card.contains(event.target) && event.target !== opener) close(false);
  });

  window.addEventListener("resize", function () { if (card && opener) place(card, opener); });
  /* ---- pinyin ruby --------------------------------------------------------------------- */
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

  function targets() {
    var out = [];
    document.querySelectorAll(".wp-item[id^='item-']").forEach(function (item) {
      var p = item.querySelector("p");
      if (p) out.push([item.id.slice(5).replace(/-/g, "."), p]);
    });
    /* the other parts of the plan's text (title, headings, preamble, source line) name their part */
    document.querySelectorAll(".md-content [data-wp-py]").forEach(function (el) {
      out.push([el.getAttribute("data-wp-py"), el]);
    });
    return out;
  }

  /* Pinyin as its readers expect it: one <ruby> per word (the words of GB/T 16159, as the glossary
     spells them), its syllables written together (an apostrophe before a, o, e inside a word, an
     idiom's halves joined by a hyphen), <rp> parentheses for a browser without ruby, and the
     <rt> left out of what a screen reader reads and of what the reader copies. */
  var VOWEL = /^[aāáǎàoōóǒòeēéěè]/;

  /* sizes "2 2-2 1" -> per character: [word number, half number] */
  function wordsOf(sizes, count) {
    var out = [];
    (sizes || "").split(" ").forEach(function (word, w) {
      word.split("-").forEach(function (half, h) {
        for (var k = 0; k < Number(half); k++) out.push([w, h]);
      });
    });
    if (out.length !== count) {  /* no grouping known: a word a character */
      out = [];
      for (var i = 0; i < count; i++) out.push([i, 0]);
    }
    return out;
  }

  function spell(syllables, groups, from, to) {
    var text = "";
    for (var i = from; i < to; i++) {
      if (i > from && groups[i][1] !== groups[i - 1][1]) text += "-";
      else if (i > from && VOWEL.test(syllables[i])) text += "'";
      text += syllables[i];
    }
    return text;
  }

  function rubyOf(base, reading) {
    var ruby = document.createElement("ruby");
    ruby.appendChild(document.createTextNode(base));
    var rt = el("rt", { lang: "zh-Latn-pinyin", "aria-hidden": "true" }, reading);
    ruby.appendChild(el("rp", { "aria-hidden": "true" }, "("));
    ruby.appendChild(rt);
    ruby.appendChild(el("rp", { "aria-hidden": "true" }, ")"));
    return ruby;
  }

  function rubify(p, syllables, sizes) {
    if (p.getAttribute("data-wp-ruby")) return;
    var walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        return n.parentNode.closest(".wp-ref, .wp-copy-slot, .wp-card, rt, rp") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [], n, i = 0;
    while ((n = walker.nextNode())) nodes.push(n);
    var han = 0;
    nodes.forEach(function (t) { for (var c = 0; c < t.data.length; c++) if (HAN.test(t.data[c])) han++; });
    if (han !== syllables.length) return; /* never misalign readings */
    var groups = wordsOf(sizes, han);
    nodes.forEach(function (t) {
      if (!HAN.test(t.data)) return;
      var frag = document.createDocumentFragment(), plain = "", base = "", from = i;
      function close() {
        if (base) frag.appendChild(rubyOf(base, spell(syllables, groups, from, i)));
        base = "";
      }
      for (var c = 0; c < t.data.length; c++) {
        var ch = t.data[c];
        if (!HAN.test(ch)) { close(); plain += ch; continue; }
        if (plain) { frag.appendChild(document.createTextNode(plain)); plain = ""; }
        if (base && groups[i][0] !== groups[i - 1][0]) {
          close();
          /* a word never breaks across lines (workplan-reading-aids.css), the line may between words */
          frag.appendChild(document.createElement("wbr"));
        }
        if (!base) from = i;
        base += ch;
        i++;
      }
      close();
      if (plain) frag.appendChild(document.createTextNode(plain));
      t.parentNode.replaceChild(frag, t);
    });
    p.setAttribute("data-wp-ruby", "1");
  }

  /* Copying text with pinyin shown gives the characters only. */
  document.addEventListener("copy", function (event) {
    var selection = window.getSelection();
    if (!root.classList.contains("wp-pinyin") || !selection.rangeCount || !event.clipboardData) return;
    var range = selection.getRangeAt(0);
    var holder = document.createElement("div");
    holder.appendChild(range.cloneContents());
    if (!holder.querySelector("rt, rp")) return;
    root.classList.add("wp-pinyin-copying");  /* rt and rp out of the layout, for toString() */
    var text = selection.toString();
    root.classList.remove("wp-pinyin-copying");
    holder.querySelectorAll("rt, rp").forEach(function (node) { node.parentNode.removeChild(node); });
    event.clipboardData.setData("text/plain", text);
    event.clipboardData.setData("text/html", holder.innerHTML);
    event.preventDefault();
  });

  function pinyin(on, done) {
    if (!on) { root.classList.remove("wp-pinyin"); if (done) done(); return; }
    load("pinyin", function (data) {
      var words = data.words || {};
      targets().forEach(function (pair) {
        var value = data[pair[0]];
        if (value) rubify(pair[1], value.split(" "), words[pair[0]]);
      });
      root.classList.add("wp-pinyin");
      if (done) done();
    }, function () { if (done) done(); });
  }

  /* ---- the glossary page as a tool: filter by category and section, sort ------------------ */
  function glossaryTools() {
    var holder = document.querySelector(".wp-glossary-tools[data-labels]");
    if (!holder) return;
    var labels = JSON.parse(holder.getAttribute("data-labels"));
    var content = holder.parentNode;
    /* each entry is a box as built (.wp-entry, with its category); what the tools sort by is read
       when the reader first uses a control */
    var entries = null;
    function prepare() {
      if (entries) return;
      var zh = /^zh/.test(root.lang || "");
      entries = Array.prototype.slice.call(content.querySelectorAll(":scope > .wp-entry")).map(function (box, k) {
        var e = { category: box.getAttribute("data-category"), box: box, heading: box.querySelector("h3"), order: k };
        var py = box.querySelector(".wp-pinyin-name");
        var en = box.querySelector('.wp-names [lang="en"]');
        e.pinyin = py ? py.textContent.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z ]/gi, "") : "";
        e.english = (zh && en ? en.textContent : e.heading.textContent).trim();
        e.sections = {};
        box.querySelectorAll(".wp-uses a").forEach(function (a) {
          var m = /sections\/(\d+)\//.exec(a.getAttribute("href"));
          e.sections[m ? m[1] : "preamble"] = true;
        });
        return e;
      });
    }
    var headings = Array.prototype.slice.call(content.querySelectorAll("h2[id^='category-']"));
    var form = el("div", { "class": "wp-tools", role: "group", "aria-label": labels.sort });
    function select(name, label, options) {
      var wrap = el("label", { "class": "wp-tool" });
      wrap.appendChild(el("span", {}, label));
      var sel = el("select", { name: name });
      options.forEach(function (o) { sel.appendChild(el("option", { value: o[0] }, o[1])); });
      wrap.appendChild(sel);
      form.appendChild(wrap);
      return sel;
    }
    var byCategory = select("category", labels.category, [["", labels.all]].concat(labels.categories));
    var bySection = select("section", labels.section, [["", labels.all]].concat(labels.sections.map(function (s) { return [String(s[0]), s[1]]; })));
    var order = select("order", labels.sort, labels.orders.filter(function (o) { return o[0] !== "pinyin" || content.querySelector(".wp-pinyin-name"); }));
    var status = el("p", { "class": "wp-tools-status", role: "status", "aria-live": "polite" });
    holder.appendChild(form);
    holder.appendChild(status);
    function apply() {
      prepare();
      var c = byCategory.value, s = bySection.value, o = order.value, shown = 0;
      var sorted = entries.slice();
      if (o === "pinyin") sorted.sort(function (a, b) { return a.pinyin.localeCompare(b.pinyin, "en") || a.order - b.order; });
      else if (o === "english") sorted.sort(function (a, b) { return a.english.localeCompare(b.english, "en", { sensitivity: "base" }) || a.order - b.order; });
      else sorted.sort(function (a, b) { return a.order - b.order; });
      if (o === "category") {
        /* back under their category headings */
        headings.forEach(function (h) {
          var after = h;
          sorted.forEach(function (e) { if (e.category === h.id.slice(9)) { after.insertAdjacentElement("afterend", e.box); after = e.box; } });
        });
      } else {
        var after = holder;
        sorted.forEach(function (e) { after.insertAdjacentElement("afterend", e.box); after = e.box; });
      }
      sorted.forEach(function (e) {
        var visible = (!c || e.category === c) && (!s || e.sections[s]);
        e.box.hidden = !visible;
        if (visible) shown++;
      });
      headings.forEach(function (h) {
        h.hidden = o !== "category" || !entries.some(function (e) { return e.category === h.id.slice(9) && !e.box.hidden; });
      });
      status.textContent = counted(labels.shown, shown);
    }
    [byCategory, bySection, order].forEach(function (sel) { sel.addEventListener("change", apply); });
    status.textContent = counted(labels.shown, content.querySelectorAll(":scope > .wp-entry").length);
  }

  window.wpAids({ toggleCard: toggleCard, pinyin: pinyin, glossaryTools: glossaryTools });
})();
