/* Search worker for the reader's edition, speaking mkdocs-material's worker protocol
   (messages: 0 setup -> 1 ready, 2 query -> 3 result).  Material's own search_index.json is
   left empty (every page is excluded from it), so nothing is indexed at page load; the site's
   index, search/workplan-index.json (one document per item, section, glossary term, made by
   scripts/workplan/outputs/search_index.py), is fetched when the reader types the first character.

   The matching and ranking live in workplan-search-core.js (with the Porter2 stemmer,
   vendor/porter2.js), which runs the same in a page: where a Worker cannot start (file://),
   load both with <script> tags and call WorkplanSearch.setup(index) and
   WorkplanSearch.search(query) directly.  An index already present as the global
   WORKPLAN_SEARCH_INDEX (e.g. from a script file) is used instead of fetching. */
"use strict";
/* global WorkplanSearch -- defined by workplan-search-core.js, which load() imports */

var INDEX_URL = new URL("../../search/workplan-index.json", self.location.href).href;
var loading = null;

function load() {
  if (!loading) {
    /* Loaded with the index, when the reader starts to search: the first load of a page
       fetches only this small file (Material starts the worker at page load). */
    importScripts("vendor/porter2.js", "workplan-search-core.js");
    loading = (self.WORKPLAN_SEARCH_INDEX ? Promise.resolve(self.WORKPLAN_SEARCH_INDEX) :
      fetch(INDEX_URL, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(INDEX_URL + ": " + response.status);
        return response.json();
      })).then(function (index) { WorkplanSearch.setup(index); });
  }
  return loading;
}

/* Material sends a query on every keystroke.  Only the latest is answered: one that a newer
   query has replaced while it waited is dropped, so the last keystroke never queues behind
   searches nobody will see. */
var latest = null, scheduled = false;

function answer() {
  scheduled = false;
  var query = latest;
  latest = null;
  if (query === null) return;
  load().then(function () {
    postMessage({ type: 3, data: WorkplanSearch.search(query) });
  }, function (error) {
    console.warn("search index not loaded", error);
    postMessage({ type: 3, data: { items: [] } });
  });
}

addEventListener("message", function (event) {
  var message = event.data;
  switch (message.type) {
    case 0:
      postMessage({ type: 1 });  /* ready: the index is loaded on the first query */
      break;
    case 2:
      if (!String(message.data || "").trim()) {  /* Material queries "" when search starts */
        latest = null;
        postMessage({ type: 3, data: { items: [] } });
        break;
      }
      latest = message.data;
      if (!scheduled) {
        scheduled = true;
        setTimeout(answer, 0);
      }
      break;
    default:
      throw new TypeError("Invalid message type");
  }
});
