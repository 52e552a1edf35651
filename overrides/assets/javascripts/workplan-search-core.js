/* The site's search: matching and ranking over search/workplan-index.json (made by
   scripts/workplan/outputs/search_index.py).  No DOM, no fetch: the same file runs in the search worker
   (importScripts, see workplan-search.js), in a page (<script>, e.g. from file:// where a
   Worker cannot start) and in Node (require, for the unit tests).  It needs the Porter2
   (Snowball english) stemmer loaded first: vendor/porter2.js.

   API (global WorkplanSearch in a worker or page; module.exports in Node):
     WorkplanSearch.setup(index)   index: the parsed JSON of search/workplan-index.json
     WorkplanSearch.search(query)  -> { items: [[result, ...], ...] }, mkdocs-material's worker
                                      result format (one array per page, the page first)
     WorkplanSearch.normaliseText, .pinyinQuery, .spelling, .stem, .oneEdit  (for the tests)

   What a query matches (a query is split at spaces, and at changes between Han and Latin
   script; every part must match somewhere in the document):
     Han        as a substring, after folding every script form to one (OpenCC's table in the
                index): simplified, traditional or mixed finds the same text.
     Latin      exact: a word that starts with it (1-2 letters: the whole word);
                spelling: the same after British/American folding (behaviour: behavior);
                stemmed: a word with the same Porter2 stem after that folding;
                fuzzy (5+ letters): one edit away, Damerau (a swap of neighbours is one edit);
                pinyin (Chinese editions): the syllables of 2+ characters in a row, tone marks
                optional, ü as u or v; or the initials of 3+ characters in a row; fuzzy
                pinyin (5+ letters): the syllables of 2+ characters one edit away.
   Ranking: see RANK below (and the README's table).  Among the pages matched in the edition's
   own language, and again among those matched only in the other, the pages of the plan come
   first; the reference pages the index names (`ref`: the glossary) follow, their results folded
   after the first few. */
(function (root, factory) {
  var stem = root.porter2Stem || (typeof require === "function" ? require("./vendor/porter2.js") : null);
  var api = factory(stem);
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.WorkplanSearch = api;
})(typeof self !== "undefined" ? self : this, function (porter2) {
  "use strict";

  /* Kinds of match, best first; a hit in the other language (the page's annotation or
     original) ranks below every hit in the edition's own language. */
  var KIND = { exact: 0, spelling: 1, stemmed: 2, pinyin: 3, initials: 4, fuzzy: 5 };
  var OTHER = 6;  /* tier = KIND + (field in the other language ? OTHER : 0) */
  var RANK = KIND;

  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
  var fold = new Map();
  var readings = new Map();
  var docs = [];
  var vocabulary = new Map();  /* Latin word -> { spelled, stem } */
  var otherLang = "";  /* the language of the documents' `a` field */
  var reference = new Set();  /* pages that are reference, not the plan (the glossary) */
  /* A reference page's results: after every page of the plan, the first few shown, the rest
     folded under Material's "more" (it folds the page's results scoring below its first). */
  var REFERENCE_SHOWN = 3;

  /* One character in, one character out, so that positions in the normalised text are
     positions in the shown text: NFKC (full-width letters), lower case, no diacritics,
     dashes and underscores as spaces, every script form folded. */
  var charCache = new Map();

  function normaliseChar(ch) {
    var known = charCache.get(ch);
    if (known === undefined) {
      known = normaliseOne(ch);
      charCache.set(ch, known);
    }
    return known;
  }

  function normaliseOne(ch) {
    var n = ch.normalize("NFKC").toLowerCase();
    if (n.length !== 1) {
      var bare = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
      n = bare.length === 1 ? bare : (ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch);
    }
    if (/[\u2010-\u2015_-]/.test(n)) return " ";
    if (n.charCodeAt(0) > 127 && !HAN.test(n)) {
      var stripped = n.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      if (stripped.length === 1) n = stripped;
    }
    return fold.get(n) || n;
  }

  function normaliseText(text) {
    return text.replace(/[^a-z0-9 ]/g, normaliseChar);
  }

  /* British and American spellings to one form (applied to the page's words and the query's
     alike, before stemming): -isation/-ise/-yse -> -ization/-ize/-yze, -our -> -or,
     -re -> -er after a consonant, -mme -> -m, -ogue -> -og, -ence -> -ense after c/f,
     -lled/-lling -> -led/-ling. */
  function spelling(word) {
    var w = word;
    w = w.replace(/([a-z]{2,})([iy])s(e|es|ed|ing|er|ers|ation|ations|ational)$/, "$1$2z$3");
    w = w.replace(/^([a-z]{3,})our(s|ed|ing|er|ers|ite|ites|able|ably|ful|less)?$/, "$1or$2");
    w = w.replace(/^([a-z]{2,}[^aeiou])re(s|d)?$/, "$1er$2");
    w = w.replace(/^([a-z]{3,})mme(s)?$/, "$1m$2");
    w = w.replace(/^([a-z]{3,})ogue(s)?$/, "$1og$2");
    w = w.replace(/^([a-z]{2,}[cf])ence(s)?$/, "$1ense$2");
    w = w.replace(/^([a-z]{3,}[aeiou])ll(ed|ing|er|ers)$/, "$1l$2");
    return w;
  }

  function stem(word) {
    return porter2(spelling(word));
  }

  function info(word) {
    var known = vocabulary.get(word);
    if (!known) {
      var spelled = spelling(word);
      known = { spelled: spelled, stem: porter2(spelled), postings: [] };
      vocabulary.set(word, known);
    }
    return known;
  }

  /* Whether a and b are at most one edit apart, Damerau's way: one letter wrong, missing or
     extra, or two neighbours swapped (plain Levenshtein would count a swap as two). */
  function oneEdit(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* Pinyin as typed -> letters only: tone marks and tone numbers dropped, ü/v as u. */
  function pinyinQuery(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/v/g, "u").replace(/[^a-z]/g, "");
  }

  /* A field's readings as one string: syllables joined, "|" where a character has none;
     `at[k]` is the character whose syllable (or "|") starts at offset k (-1 inside a syllable), and the
     initials string has one letter (or "|") per character. */
  function pinyinField(sy) {
    var cat = "", at = [], initials = "";
    sy.forEach(function (s, i) {
      if (!s) { cat += "|"; at.push(i); initials += "|"; return; }
      for (var k = 0; k < s.length; k++) at.push(k === 0 ? i : -1);
      cat += s;
      initials += s[0];
    });
    at.push(sy.length);
    return { sy: sy, cat: cat, at: at, initials: initials };
  }

  /* Where the letters `q` spell consecutive characters: whole syllables over 2+ characters
     (the last may be cut short while typing, once 2 whole syllables are there), initials over
     3+ characters, or (5+ letters, when nothing else matched) the syllables of 2+ characters
     one edit away. */
  function pinyinHits(q, f, fuzzy) {
    var p = f.py, full = [], initials = [], near = [];
    var from = p.cat.indexOf(q);
    while (from >= 0) {
      var start = p.at[from];
      if (start >= 0) {
        var endOffset = from + q.length, end = p.at[endOffset];
        var cut = false;
        if (end === undefined || end < 0) {  /* ends inside a syllable: find that character */
          var k = endOffset;
          while (k > from && p.at[k] < 0) k--;
          end = p.at[k] + 1;
          cut = true;
        }
        if (end - start >= (cut ? 3 : 2) && p.cat.slice(from, endOffset).indexOf("|") < 0) full.push([start, end]);
      }
      from = p.cat.indexOf(q, from + 1);
    }
    if (q.length >= 3) {
      from = p.initials.indexOf(q);
      while (from >= 0) { initials.push([from, from + q.length]); from = p.initials.indexOf(q, from + 1); }
    }
    if (fuzzy && !full.length && !initials.length && q.length >= 5) {
      for (var i = 0; i < p.sy.length; i++) {
        if (!p.sy[i]) continue;
        var joined = p.sy[i];
        for (var j = i + 1; j < p.sy.length && p.sy[j] && joined.length <= q.length; j++) {
          joined += p.sy[j];
          if (oneEdit(q, joined)) { near.push([i, j + 1]); break; }
        }
      }
    }
    return { full: full, initials: initials, near: near };
  }

  function field(name, text, own, odd) {
    var raw = text || "";  /* plain text; the index's pinyin offsets count its characters */
    var norm = normaliseText(raw);
    var words = [], re = /[a-z0-9]+/g, m;
    while ((m = re.exec(norm)) !== null) words.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
    var py = null;
    if (readings.size && HAN.test(norm)) {
      var sy = [];
      for (var i = 0; i < norm.length; i++) sy.push(readings.get(norm[i]) || null);
      (odd || []).forEach(function (pair) { sy[pair[0]] = pair[1]; });
      py = pinyinField(sy);
    }
    return { name: name, own: own, raw: raw, norm: norm, words: words, py: py };
  }

  function setup(index) {
    fold = new Map();
    charCache = new Map();
    var pairs = index.fold || "";
    for (var i = 0; i + 1 < pairs.length; i += 2) fold.set(pairs[i], pairs[i + 1]);
    readings = new Map();
    var re = /([^a-z])([a-z]+)/g, m;
    while ((m = re.exec(index.py || "")) !== null) readings.set(m[1], m[2]);
    vocabulary = new Map();
    otherLang = index.alt || "";
    reference = new Set(index.ref || []);
    docs = index.docs.map(function (doc) {
      var p = doc.p || {};
      var fields = [field("t", doc.t, true, p.t), field("x", doc.x, true, p.x)];
      if (doc.a) fields.push(field("a", doc.a, false, p.a));
      return { location: doc.l, page: doc.l.split("#")[0], fields: fields };
    });
    /* word -> where it occurs: [doc, field, start, end, ...] */
    docs.forEach(function (doc, d) {
      doc.fields.forEach(function (f, k) {
        f.words.forEach(function (w) {
          info(w.word).postings.push(d, k, w.start, w.end);
        });
      });
    });
  }

  /* A query -> its parts: Han runs and Latin runs (letters, digits). */
  function parts(query) {
    var out = [];
    normaliseText(query).split(/\s+/).forEach(function (term) {
      (term.match(/[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g) || []).forEach(function (p) { out.push(p); });
    });
    return out;
  }

  /* For one Latin part: the vocabulary words it matches and how. */
  function latinMatcher(part, raw, pinyinOnly) {
    var alpha = /^[a-z]+$/.test(part);
    var own = null;
    if (alpha && part.length >= 3) {  /* not info(): the vocabulary holds the index's words only */
      var spelled = spelling(part);
      own = { spelled: spelled, stem: porter2(spelled) };
    }
    var cache = new Map();
    var py = pinyinQuery(raw);
    var matcher = {
      py: readings.size && /^[a-z]+$/.test(py) && py.length >= 2 ? py : null,
      near: false,  /* fuzzy pinyin: only for a part that is no word of the index, nor near one */
      kind: function (word) {
        if (pinyinOnly) return null;
        if (cache.has(word)) return cache.get(word);
        var kind = null;
        if (part.length <= 2 ? word === part : word.startsWith(part)) kind = KIND.exact;
        else if (own) {
          var w = info(word);
          if (w.spelled === own.spelled || w.spelled.startsWith(own.spelled)) kind = KIND.spelling;
          else if (w.stem === own.stem) kind = KIND.stemmed;
          else if (part.length >= 5 && word.length >= 4 &&
                   (oneEdit(part, word) || oneEdit(own.spelled, w.spelled) ||
                    (own.stem.length >= 4 && oneEdit(own.stem, w.stem)))) kind = KIND.fuzzy;
        }
        cache.set(word, kind);
        return kind;
      }
    };
    if (matcher.py && matcher.py.length >= 5 && !pinyinOnly) {
      matcher.near = true;
      vocabulary.forEach(function (_, word) { if (matcher.near && matcher.kind(word) !== null) matcher.near = false; });
    }
    return matcher;
  }

  /* Where one part of the query occurs: doc index -> field index -> { kind, hits }, keeping
     per field only the hits of the best kind. */
  function partHits(part, matcher) {
    var out = new Map();
    function add(d, k, kind, start, end) {
      var byField = out.get(d);
      if (!byField) { byField = new Map(); out.set(d, byField); }
      var h = byField.get(k);
      if (!h || kind < h.kind) { h = { kind: kind, hits: [] }; byField.set(k, h); }
      if (kind === h.kind) h.hits.push([start, end]);
    }
    if (!matcher) {  /* Han: a substring of the folded text */
      docs.forEach(function (doc, d) {
        doc.fields.forEach(function (f, k) {
          var at = f.norm.indexOf(part);
          while (at >= 0) { add(d, k, KIND.exact, at, at + part.length); at = f.norm.indexOf(part, at + part.length); }
        });
      });
      return out;
    }
    vocabulary.forEach(function (w, word) {
      var kind = matcher.kind(word);
      if (kind === null) return;
      var p = w.postings;
      for (var i = 0; i < p.length; i += 4) add(p[i], p[i + 1], kind, p[i + 2], p[i + 3]);
    });
    if (matcher.py) {
      docs.forEach(function (doc, d) {
        doc.fields.forEach(function (f, k) {
          if (!f.py) return;
          var byField = out.get(d), h = byField && byField.get(k);
          if (h && h.kind <= KIND.pinyin) return;
          var found = pinyinHits(matcher.py, f, false);
          found.full.forEach(function (r) { add(d, k, KIND.pinyin, r[0], r[1]); });
          found.initials.forEach(function (r) { add(d, k, KIND.initials, r[0], r[1]); });
        });
      });
    }
    if (matcher.py && matcher.near && !out.size) {  /* nothing else anywhere: pinyin one edit away */
      docs.forEach(function (doc, d) {
        doc.fields.forEach(function (f, k) {
          if (f.py) pinyinHits(matcher.py, f, true).near.forEach(function (r) { add(d, k, KIND.fuzzy, r[0], r[1]); });
        });
      });
    }
    return out;
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function mark(text, ranges) {
    ranges = ranges.slice().sort(function (a, b) { return a[0] - b[0]; });
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

  function withHighlight(location, words) {
    if (!words.length) return location;
    var hash = location.indexOf("#");
    var path = hash >= 0 ? location.slice(0, hash) : location, anchor = hash >= 0 ? location.slice(hash) : "";
    return path + "?h=" + encodeURIComponent(words.join(" ")) + anchor;
  }

  /* One way of reading the query: its parts, each with its matcher (null for Han). */
  function reading(ps, raws, pinyinOnly) {
    return { parts: ps, matchers: ps.map(function (p, i) { return HAN.test(p) ? null : latinMatcher(p, raws[i], pinyinOnly); }) };
  }

  function search(query) {
    var ps = parts(query);
    if (!ps.length) return { items: [] };
    var rawTerms = query.split(/\s+/).filter(Boolean);
    var raws = ps.map(function (p) {
      return rawTerms.find(function (t) { return normaliseText(t).indexOf(p) >= 0; }) || p;
    });
    var readingsOfQuery = [reading(ps, raws)];
    /* Pinyin typed with spaces between syllables (lan tian): also the parts joined as one. */
    if (ps.length > 1 && readings.size && ps.every(function (p) { return /^[a-z]+$/.test(p); })) {
      readingsOfQuery.push(reading([ps.join("")], [raws.join("")], true));
    }
    var best = new Map();
    readingsOfQuery.forEach(function (r) {
      var hits = r.parts.map(function (p, i) { return partHits(p, r.matchers[i]); });
      var smallest = hits.reduce(function (a, b) { return b.size < a.size ? b : a; });
      smallest.forEach(function (_, d) {
        var found = matchDoc(d, hits);
        if (found && (!best.has(d) || better(found, best.get(d)) < 0)) best.set(d, found);
      });
    });
    return rank(Array.from(best.values()));
  }

  function better(a, b) { return a.worst - b.worst || a.sum - b.sum || b.score - a.score; }

  /* A document found by every part: its tiers (worst, sum), score and highlight ranges. */
  function matchDoc(d, hits) {
    var doc = docs[d], tiers = [], score = 0, ranges = { t: [], x: [], a: [] };
    for (var i = 0; i < hits.length; i++) {
      var byField = hits[i].get(d);
      if (!byField) return null;
      var tier = null;
      byField.forEach(function (h, k) {
        var t = h.kind + (doc.fields[k].own ? 0 : OTHER);
        if (tier === null || t < tier) tier = t;
      });
      tiers.push(tier);
      byField.forEach(function (h, k) {
        var f = doc.fields[k];
        if (h.kind + (f.own ? 0 : OTHER) !== tier) return;
        score += (f.name === "t" ? 10 : 1) * h.hits.length;
        ranges[f.name] = ranges[f.name].concat(h.hits);
      });
    }
    return { doc: doc, worst: Math.max.apply(null, tiers), sum: tiers.reduce(function (a, b) { return a + b; }, 0),
             score: score, ranges: ranges };
  }

  function rank(results) {
    var pages = new Map();
    results.forEach(function (r) {
      var group = pages.get(r.doc.page) || [];
      group.push(r);
      pages.set(r.doc.page, group);
    });
    var groups = Array.from(pages.entries()).map(function (entry) {
      var page = entry[0], group = entry[1].sort(better);
      var lead = group[0];
      var score = group.filter(function (r) { return r.worst === lead.worst && r.sum === lead.sum; })
        .reduce(function (s, r) { return s + r.score; }, 0);
      var items = group.map(present);
      var own = items.findIndex(function (it) { return it.page === page && it.anchorless; });
      if (own > 0) items.unshift(items.splice(own, 1)[0]);
      else if (own < 0) {
        var parent = docs.find(function (d) { return d.location === page; });
        if (parent) items.unshift({ location: page, title: escapeHtml(parent.fields[0].raw), text: "", score: 0, terms: {} });
      }
      items.forEach(function (it) { delete it.page; delete it.anchorless; });
      var ref = reference.has(page);
      if (ref) foldGroup(items, group.length - (own >= 0 ? 1 : 0));
      else unfold(items);
      return { key: { worst: lead.worst, sum: lead.sum, score: score }, ref: ref, items: items };
    });
    /* within each language band (a hit in the other language never outranks one in the own) */
    groups.sort(function (a, b) {
      return ((a.key.worst >= OTHER) - (b.key.worst >= OTHER)) || (a.ref - b.ref) || better(a.key, b.key);
    });
    return { items: groups.map(function (g) { return g.items; }) };
  }

  /* A reference page's group: its heading counts its results ("Glossary (32)"); the first
     REFERENCE_SHOWN stay open, the others score below the heading, which Material folds. */
  function foldGroup(items, count) {
    var head = items[0];
    head.title += " (" + count + ")";
    head.score = 1;
    items.slice(1).forEach(function (it, k) { it.score = k < REFERENCE_SHOWN ? Math.max(it.score, 1) : 0; });
  }

  /* A page of the plan: its items all shown, also when the page itself matched better (a section
     whose heading names the query): they are what the reader is looking for. */
  function unfold(items) {
    items.slice(1).forEach(function (it) { if (it.score < items[0].score) items[0].score = it.score; });
  }

  function present(r) {
    var fields = r.doc.fields, byName = {};
    fields.forEach(function (f) { byName[f.name] = f; });
    var words = [];
    ["t", "x", "a"].forEach(function (n) {
      (r.ranges[n] || []).forEach(function (rg) {
        var w = byName[n].raw.slice(rg[0], rg[1]);
        if (w && words.indexOf(w) < 0) words.push(w);
      });
    });
    var text;
    if (r.ranges.x.length || !r.ranges.a.length) text = byName.x.raw ? snippet(byName.x.raw, r.ranges.x, 40) : "";
    else text = '<span class="wp-other" lang="' + escapeHtml(otherLang) + '">' + snippet(byName.a.raw, r.ranges.a, 40) + "</span>";
    return {
      location: withHighlight(r.doc.location, words),
      title: mark(byName.t.raw, r.ranges.t),
      text: text,
      /* Material shows the page's hits and folds those scoring below the page under "more" */
      score: (2 * OTHER - r.worst) * 1000 - r.sum * 10 + Math.min(r.score, 9),
      terms: {},
      page: r.doc.page,
      anchorless: r.doc.location === r.doc.page
    };
  }

  return {
    setup: setup,
    search: search,
    normaliseText: normaliseText,
    pinyinQuery: pinyinQuery,
    spelling: spelling,
    stem: stem,
    oneEdit: oneEdit,
    RANK: RANK,
    OTHER: OTHER
  };
});
