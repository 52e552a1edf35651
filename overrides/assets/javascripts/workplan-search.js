/* Search worker for the reader's edition, speaking mkdocs-material's worker protocol
   (messages: 0 setup -> 1 ready, 2 query -> 3 result).  Material's own search_index.json is
   left empty (every page is excluded from it), so nothing is indexed at page load; the site's
   index, search/workplan-index.json (one document per item, section, glossary term), is
   fetched when the reader types the first character of a query.

   Why not Material's lunr worker: for Chinese it keeps only the first indexed word of a
   query (海牙协定 is searched as 海牙) and ranks the right section third or fifth.  The
   plan is small (a few hundred documents per edition), so an exact scan is instant:
   - text is normalised (NFKC, lower case, dashes and underscores as spaces);
   - a query is split at spaces into terms; every term must occur (AND);
   - a term with Chinese characters matches as a substring; a Latin term matches at the
     start of a word ("examination" finds "examinations", "IP5" does not find "RIP5");
   - score: occurrences in the title count 10, in the text 1; the best page first. */
"use strict";

var docs = [];

function normalise(text) {
  return text.normalize("NFKC").toLowerCase().replace(/[\u2010-\u2015_\-]+/g, " ").replace(/\s+/g, " ");
}

function plain(html) {
  /* Material's Chinese index separates jieba's words with zero-width spaces: drop them,
     so that a query is found across word boundaries. */
  return html.replace(/\u200b/g, "").replace(/<[^>]*>/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

function termPattern(term) {
  var body = escapeRegExp(term).replace(/ /g, "[ ]?");
  return HAN.test(term) ? new RegExp(body, "g") : new RegExp("(?:^|[^a-z0-9])(" + body + ")", "g");
}

/* Positions [start, end) of a term in normalised text (the same length as the plain text:
   NFKC of this site's text keeps lengths, and the fallback below guards the highlight). */
function find(pattern, text) {
  var hits = [];
  pattern.lastIndex = 0;
  var m;
  while ((m = pattern.exec(text)) !== null) {
    var value = m[1] !== undefined ? m[1] : m[0];
    var start = m.index + m[0].length - value.length;
    hits.push([start, start + value.length]);
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return hits;
}

function mark(text, ranges) {
  ranges.sort(function (a, b) { return a[0] - b[0]; });
  var out = "", pos = 0;
  ranges.forEach(function (r) {
    if (r[0] < pos) return;
    out += escapeHtml(text.slice(pos, r[0])) + "<mark>" + escapeHtml(text.slice(r[0], r[1])) + "</mark>";
    pos = r[1];
  });
  return out + escapeHtml(text.slice(pos));
}

function snippet(text, ranges, width) {
  if (!ranges.length) return escapeHtml(text.slice(0, width * 2)) + (text.length > width * 2 ? "…" : "");
  var first = ranges.reduce(function (a, b) { return a[0] <= b[0] ? a : b; });
  var start = Math.max(0, first[0] - width), end = Math.min(text.length, first[1] + width * 2);
  var inside = ranges.filter(function (r) { return r[0] >= start && r[1] <= end; })
    .map(function (r) { return [r[0] - start, r[1] - start]; });
  return (start > 0 ? "…" : "") + mark(text.slice(start, end), inside) + (end < text.length ? "…" : "");
}

var INDEX_URL = new URL("../../search/workplan-index.json", self.location.href).href;
var loading = null;

function load() {
  if (!loading) {
    loading = fetch(INDEX_URL, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(INDEX_URL + ": " + response.status);
        return response.json();
      })
      .then(setup);
  }
  return loading;
}

function setup(index) {
  docs = index.docs.map(function (doc) {
    var title = plain(doc.title || ""), text = plain(doc.text || "");
    return {
      location: doc.location,
      page: doc.location.split("#")[0],
      title: title,
      text: text,
      ntitle: normalise(title),
      ntext: normalise(text)
    };
  });
}

function search(query) {
  var terms = normalise(query).trim().split(" ").filter(Boolean);
  if (!terms.length) return { items: [] };
  var patterns = terms.map(termPattern);
  var pages = new Map();
  docs.forEach(function (doc) {
    var score = 0, titleHits = [], textHits = [], found = {};
    var all = patterns.every(function (pattern, i) {
      var t = find(pattern, doc.ntitle), x = find(pattern, doc.ntext);
      if (!t.length && !x.length) return false;
      found[terms[i]] = true;
      score += 10 * t.length + x.length;
      titleHits = titleHits.concat(t);
      textHits = textHits.concat(x);
      return true;
    });
    if (!all) return;
    var aligned = doc.ntitle.length === doc.title.length && doc.ntext.length === doc.text.length;
    var item = {
      location: doc.location,
      title: aligned ? mark(doc.title, titleHits) : escapeHtml(doc.title),
      text: aligned ? snippet(doc.text, textHits, 40) : escapeHtml(doc.text.slice(0, 120)),
      score: score,
      terms: found
    };
    var group = pages.get(doc.page) || [];
    group.push(item);
    pages.set(doc.page, group);
  });
  var groups = Array.from(pages.entries()).map(function (entry) {
    var page = entry[0], group = entry[1];
    group.sort(function (a, b) {
      if (a.location === page) return -1;
      if (b.location === page) return 1;
      return b.score - a.score;
    });
    if (group[0].location !== page) {
      var parent = docs.find(function (d) { return d.location === page; });
      if (parent) group.unshift({ location: page, title: escapeHtml(parent.title), text: "", score: 0, terms: {} });
    }
    var best = group.reduce(function (sum, item) { return sum + item.score; }, 0);
    return { best: best, group: group };
  });
  groups.sort(function (a, b) { return b.best - a.best; });
  return { items: groups.map(function (g) { return g.group; }) };
}

addEventListener("message", function (event) {
  var message = event.data;
  switch (message.type) {
    case 0:
      postMessage({ type: 1 });  /* ready: the index is loaded on the first query */
      break;
    case 2:
      if (!String(message.data || "").trim()) {  /* Material queries "" when search starts */
        postMessage({ type: 3, data: { items: [] } });
        break;
      }
      load().then(function () {
        postMessage({ type: 3, data: search(message.data) });
      }, function (error) {
        console.warn("search index not loaded", error);
        postMessage({ type: 3, data: { items: [] } });
      });
      break;
    default:
      throw new TypeError("Invalid message type");
  }
});
