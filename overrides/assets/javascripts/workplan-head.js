/* Loaded synchronously in the head, where Material inlines its scope script: the same globals
   (__md_scope, __md_hash, __md_get, __md_set; mkdocs-material 9.8.1, partials/javascripts/base.html),
   the scope coming from this script's data-scope attribute.  Then the project's classes that must be
   set before the first paint: JS is on, and whether the reader chose to see the other-language text. */
/* global WorkplanSearch -- defined by workplan-search-core.js, loaded on demand below */
(function () {
  "use strict";
  var script = document.currentScript;
  window.__md_scope = new URL(script.getAttribute("data-scope") || ".", location);
  window.__md_hash = function (value) {
    return Array.prototype.reduce.call(value, function (hash, ch) { return (hash << 5) - hash + ch.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch { /* private mode */ }
  };
  var root = document.documentElement;
  root.classList.add("wp-js");
  try {
    if (localStorage.getItem("wp-show-alt") === "1") root.classList.add("wp-show-alt");
    if (localStorage.getItem("wp-pinyin") === "1") root.classList.add("wp-pinyin-wanted");  /* workplan-reading.js */
  } catch { /* private mode */ }
  /* Search answered in the page after the worker's first answer (README "Search", Latency):
     wraps the Worker that Material's bundle starts for search. */
  var Native = window.Worker;
  if (Native && window.EventTarget && /^https?:$/.test(location.protocol)) {
    window.Worker = function (url, options) {
      var worker = new Native(url, options);
      if (!/workplan-search[.\w]*\.js$/.test(new URL(url, location.href).pathname)) return worker;
      var self = new EventTarget(), matcher = null, state = 0;  /* 1 searched, 2 loading, 3 in page */
      function deliver(data) {
        var event = new MessageEvent("message", { data: data });
        self.dispatchEvent(event);
        if (self.onmessage) self.onmessage(event);
      }
      function load(src, then) {
        var el = document.createElement("script");
        el.src = new URL(src, new URL(url, location.href)).href;
        el.onload = then;
        document.head.appendChild(el);
      }
      var idle = window.requestIdleCallback || function (fn) { setTimeout(fn, 50); };
      worker.addEventListener("message", function (event) {
        if (event.data && event.data.type === 3) {
          if (state === 3) return;  /* an answer to a query the page has answered since */
          if (state === 1) {
            state = 2;
            idle(function () {
              load("vendor/porter2.js", function () {
                load("workplan-search-core.js", function () {
                  fetch(new URL("../../search/workplan-index.json", new URL(url, location.href)).href)
                    .then(function (r) { return r.ok ? r.json() : null; })
                    .then(function (index) {
                      if (index) idle(function () { WorkplanSearch.setup(index); matcher = WorkplanSearch; });
                    }).catch(function () { /* the worker keeps answering */ });
                });
              });
            });
          }
        }
        deliver(event.data);
      });
      self.postMessage = function (message) {
        var query = message && message.type === 2 ? String(message.data || "") : null;
        if (query !== null && (matcher || state === 3)) {
          state = 3;
          var data = query.trim() ? matcher.search(query) : { items: [] };
          Promise.resolve().then(function () { deliver({ type: 3, data: data }); });
          return;
        }
        if (query && query.trim() && !state) state = 1;
        worker.postMessage(message);
      };
      self.terminate = function () { worker.terminate(); };
      return self;
    };
  }
  /* Offline after one visit: the edition's worker (sw.js at the edition's root, its scope).  Registered
     once the page has loaded and gone quiet (2 s after load, then when idle): installing it fetches and
     checks the whole edition, which on a phone would otherwise compete with the page's own first paint
     and start-up for the network and the CPU (issue 10, point 5). */
  var worker = script.getAttribute("data-sw");
  if (worker && "serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    var idle = window.requestIdleCallback || function (fn) { setTimeout(fn, 0); };
    addEventListener("load", function () {
      setTimeout(function () {
        idle(function () {
          navigator.serviceWorker.register(worker, { updateViaCache: "none" }).catch(function () { /* not allowed here */ });
        }, { timeout: 5000 });
      }, 2000);
    });
  }
})();
