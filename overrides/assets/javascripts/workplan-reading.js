/* Reading aids, progressively enhanced (without JS a term stays a plain link to the glossary).
   This small part loads with every page; the rest (workplan-reading-aids.js and .css) only when
   the reader first uses an aid, so a page where none is used weighs what it did without them.
   - a tap, click or Enter on a linked term (a.wp-term) opens its card in place; focus alone never
     does.  The card supersedes Material's tooltip on terms (their title stays for no-JS readers).
   - Chinese editions: a remembered pinyin toggle, off by default, shows pinyin as ruby.
   - the glossary page: filter by category and section, sort.
   - the translation toggle (workplan.js) shows its state in words as well as aria-pressed. */
(function () {
  "use strict";
  var root = document.documentElement;
  var script = document.currentScript;
  var here = script ? script.src : new URL("assets/javascripts/workplan-reading.js", location.href).href;
  var KEY = "wp-pinyin";
  var aids = null, styled = false, ready = false, queue = [], requested = false;

  function flush() {
    /* the styles first: an unstyled card would push the text down for a moment */
    if (!aids || !styled) return;
    ready = true;
    queue.splice(0).forEach(function (job) { job[0](aids); });
  }
  window.wpAids = function (api) { aids = api; flush(); };

  /* run fn(api) once the aids are loaded; failed() if they cannot be */
  function withAids(fn, failed) {
    if (ready) { fn(aids); return; }
    queue.push([fn, failed]);
    if (requested) return;
    requested = true;
    window.wpLoad(here, "../stylesheets/workplan-reading-aids.css", "workplan-reading-aids.js",
                  function () { styled = true; flush(); },
                  function () {
                    requested = false;
                    queue.splice(0).forEach(function (job) { if (job[1]) job[1](); });
                  });
  }

  function meta(name, fallback) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute("content") : fallback;
  }

  function stateSpan() {
    var state = document.createElement("span");
    state.className = "wp-state";
    state.setAttribute("aria-hidden", "true");
    return state;
  }

  /* ---- terms: the card replaces the navigation and Material's tooltip -------------------- */
  document.querySelectorAll("a.wp-term[title]").forEach(function (link) {
    /* before Material mounts its tooltips (on DOMContentLoaded) */
    link.removeAttribute("title");
    link.setAttribute("aria-haspopup", "dialog");
    link.setAttribute("aria-expanded", "false");
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.wp-term");
    if (!link || event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    withAids(function (api) { api.toggleCard(link); }, function () { location.href = link.href; });
  });

  /* ---- the pinyin toggle (Chinese editions) ---------------------------------------------- */
  function addPinyinToggle() {
    var toolbar = document.querySelector(".md-content .wp-toolbar");
    if (!/^zh/.test(root.lang || "") || !toolbar || !document.querySelector(".md-content .wp-item, .md-content [data-wp-py]")) return;
    var on = meta("wp-state-on", "on"), off = meta("wp-state-off", "off");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "wp-pinyin-toggle";
    button.appendChild(document.createTextNode(meta("wp-pinyin", "Pinyin")));
    var state = stateSpan();
    button.appendChild(state);
    function sync() {
      var shown = root.classList.contains("wp-pinyin");
      button.setAttribute("aria-pressed", shown ? "true" : "false");
      state.textContent = shown ? on : off;
    }
    function show(wanted) {
      button.setAttribute("aria-busy", "true");
      withAids(function (api) {
        api.pinyin(wanted, function () { button.removeAttribute("aria-busy"); sync(); });
      }, function () { button.removeAttribute("aria-busy"); sync(); });
    }
    button.addEventListener("click", function () {
      var wanted = !root.classList.contains("wp-pinyin");
      try { localStorage.setItem(KEY, wanted ? "1" : "0"); } catch { /* private mode */ }
      show(wanted);
    });
    sync();
    toolbar.appendChild(button);
    if (root.classList.contains("wp-pinyin-wanted")) show(true);
  }

  /* ---- the translation toggle shows its state at a glance -------------------------------- */
  function translationState() {
    var button = document.querySelector("button.wp-toggle");
    if (!button || button.querySelector(".wp-state")) return;
    var on = meta("wp-state-on", "on"), off = meta("wp-state-off", "off");
    var state = stateSpan();
    button.appendChild(state);
    function sync() { state.textContent = button.getAttribute("aria-pressed") === "true" ? on : off; }
    new MutationObserver(sync).observe(button, { attributes: true, attributeFilter: ["aria-pressed"] });
    sync();
  }

  function init() {
    /* after workplan.js, which adds the translation toggle on DOMContentLoaded too */
    translationState();
    addPinyinToggle();
    if (document.querySelector(".wp-glossary-tools[data-labels]")) {
      withAids(function (api) { api.glossaryTools(); });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
