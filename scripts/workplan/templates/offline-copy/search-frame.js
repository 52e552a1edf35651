/* Inside the offline copy's search frame (see iframe-worker-csp.js): the worker's globals, then
   the edition's index as a script file (search/workplan-index.js sets __workplanIndex), then the
   search worker itself, unchanged: its fetch of search/workplan-index.json is answered from
   __workplanIndex, as fetch of a file: URL is blocked. */
(function () {
  "use strict";
  var parentWindow = window.parent;
  window.postMessage = function (data) { parentWindow.postMessage(data, "*"); };
  window.importScripts = function () { throw new Error("importScripts is not available in the offline copy"); };
  window.fetch = function (url) {
    if (/workplan-index\.json(\?|#|$)/.test(String(url)) && window.__workplanIndex) {
      return Promise.resolve(new Response(JSON.stringify(window.__workplanIndex),
                                          { headers: { "Content-Type": "application/json" } }));
    }
    return Promise.reject(new TypeError("no fetch from file:// (offline copy): " + url));
  };
  function load(src, then) {
    var script = document.createElement("script");
    script.src = src;
    script.onload = then;
    document.head.appendChild(script);
  }
  /* messages that arrive before the worker has loaded wait for it */
  var early = [];
  function hold(event) { early.push(event.data); }
  window.addEventListener("message", hold);
  var worker = decodeURIComponent(location.hash.slice(1)) || "workplan-search.js";
  load("../../search/workplan-index.js", function () {
    load(worker, function () {
      window.removeEventListener("message", hold);
      early.splice(0).forEach(function (data) { window.dispatchEvent(new MessageEvent("message", { data: data })); });
    });
  });
})();
