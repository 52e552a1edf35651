/* Web Workers for the offline copy opened from file:// (new Worker() throws there), after
   squidfunk/iframe-worker (MIT), the shim Material's offline plugin adds from unpkg.com.  The same
   idea, changed so that it holds under the Content-Security-Policy (no inline script): the worker
   runs in a hidden iframe whose document is a static file, search-frame.html beside the worker
   script, not a document.write() of inline script.  Messages cross with postMessage.
   Only under file:; served over HTTP the real Worker is used.  The file name keeps "iframe-worker"
   so that Material's offline plugin does not add its unpkg.com copy. */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  function FrameWorker(url) {
    var target = new EventTarget();
    var script = new URL(url, location.href);
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.title = "search";
    frame.src = new URL("search-frame.html", script).href + "#" + encodeURIComponent(script.pathname.split("/").pop());
    var queue = [], ready = false;
    frame.addEventListener("load", function () {
      ready = true;
      queue.splice(0).forEach(function (data) { frame.contentWindow.postMessage(data, "*"); });
    });
    window.addEventListener("message", function (event) {
      if (event.source !== frame.contentWindow) return;
      var message = new MessageEvent("message", { data: event.data });
      target.dispatchEvent(message);
      if (typeof target.onmessage === "function") target.onmessage(message);
    });
    (document.body || document.documentElement).appendChild(frame);
    target.postMessage = function (data) {
      if (ready) frame.contentWindow.postMessage(data, "*");
      else queue.push(data);
    };
    target.terminate = function () { frame.remove(); };
    return target;
  }

  window.Worker = FrameWorker;
})();
