/* The edition's service worker (scripts/workplan/outputs/service_worker.py prepends BUILD and FILES).

   - Scope: the edition's folder (…/{edition}/), so it never answers for another edition or another
     site on the same origin.  Cache names are "workplan:" + that path + ":" + the build id.
   - Install (a reader's first visit to any page of the edition): fetch every file of the edition's
     build, bypassing the HTTP cache, check each against its SHA-256 in FILES and put it into a new
     cache.  An error response or a file of another build fails the install (nothing is kept); the
     browser tries again on a later visit.  So the cache always holds exactly one build.
   - Activate: delete this scope's caches of other builds (never another scope's), take the pages.
   - Fetch: GET requests inside the scope are answered from the cache, looked up without the query
     string (search's ?h=) or fragment; what the build does not list goes to the network, uncached.
     Offline, a page not in the build gets the edition's 404 page. */
"use strict";

var SCOPE = new URL(self.registration.scope);
var PREFIX = "workplan:" + SCOPE.pathname + ":";
var CACHE = PREFIX + BUILD;

function hex(buffer) {
  return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
    return (b < 16 ? "0" : "") + b.toString(16);
  }).join("");
}

function precache() {
  return caches.open(CACHE).then(function (cache) {
    return Promise.all(Object.keys(FILES).map(function (path) {
      var url = new URL(path, SCOPE).href;
      return fetch(url, { cache: "no-cache", credentials: "same-origin", redirect: "error" }).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status + " " + url);
        return response.clone().arrayBuffer().then(function (body) {
          return crypto.subtle.digest("SHA-256", body);
        }).then(function (digest) {
          if (hex(digest).slice(0, FILES[path].length) !== FILES[path]) throw new Error("not of build " + BUILD + ": " + url);
          return cache.put(url, response);
        });
      });
    }));
  }).catch(function (error) {
    return caches.delete(CACHE).then(function () { throw error; });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(precache().then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function key(url) {
  var path = url.pathname.replace(/\/index\.html$/, "/");
  return url.origin + path;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== SCOPE.origin || url.pathname.indexOf(SCOPE.pathname) !== 0) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(key(url)).then(function (hit) {
      if (hit) return hit;
      return fetch(request).catch(function (error) {
        if (request.mode !== "navigate") throw error;
        return cache.match(new URL("404.html", SCOPE).href).then(function (page) {
          if (page) return new Response(page.body, { status: 404, headers: page.headers });
          throw error;
        });
      });
    });
  }));
});
