/* Loaded synchronously in the head, where Material inlines its scope script: the same globals
   (__md_scope, __md_hash, __md_get, __md_set; mkdocs-material 9.8.1, partials/javascripts/base.html),
   the scope coming from this script's data-scope attribute.  Then the project's classes that must be
   set before the first paint: JS is on, and whether the reader chose to see the other-language text. */
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
    try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch (e) { /* private mode */ }
  };
  var root = document.documentElement;
  root.classList.add("wp-js");
  try {
    if (localStorage.getItem("wp-show-alt") === "1") root.classList.add("wp-show-alt");
    if (localStorage.getItem("wp-pinyin") === "1") root.classList.add("wp-pinyin-wanted");  /* workplan-reading.js */
  } catch (e) { /* private mode */ }
  /* Offline after one visit: the edition's worker (sw.js at the edition's root, its scope). */
  var worker = script.getAttribute("data-sw");
  if (worker && "serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    addEventListener("load", function () {
      navigator.serviceWorker.register(worker, { updateViaCache: "none" }).catch(function () { /* not allowed here */ });
    });
  }
})();
