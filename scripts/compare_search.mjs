// The in-Node half of scripts/compare_search.py: MiniSearch, FlexSearch, Orama and the site's
// own matcher over the same documents and queries.  Reads {site, cases} as JSON on stdin,
// writes {engine: {edition: {raw, gzip}}, results: [...]} as JSON on stdout.
//
// Equal terms: every engine gets each edition's documents as the site's index has them
// (title, own text, the other-language text the page shows), the same tokenizer for Chinese
// (one token per Han character: none of them segments Chinese) and its own typo and prefix
// options at their most forgiving that still match the rule (one edit, words of 5+ letters).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const MiniSearch = require("minisearch");
const { Document: FlexDocument, Charset } = require("flexsearch");
const orama = await import("@orama/orama");
const ours = require("../overrides/assets/javascripts/workplan-search-core.js");

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const EDITIONS = ["zh-Hans", "zh-Hant", "en"];
const FIELDS = ["t", "x", "a"];

function tokens(text) {
  return (String(text || "").toLowerCase().match(/[\u3400-\u9fff\uf900-\ufaff]|[a-z0-9]+/g) || []);
}

function size(text) {
  const buf = Buffer.from(text);
  return { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
}

function sectionsOf(locations) {
  const out = [];
  for (const loc of locations) {
    const m = /sections\/(\d+)\//.exec(loc);
    if (m && !out.includes(+m[1])) out.push(+m[1]);
  }
  return out;
}

function timed(fn) {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

const engines = {
  async minisearch(docs) {
    const ms = new MiniSearch({
      fields: FIELDS, storeFields: ["l"], tokenize: tokens, processTerm: (t) => t,
      searchOptions: { prefix: true, combineWith: "AND", fuzzy: (term) => (term.length >= 5 ? 1 : 0) },
    });
    ms.addAll(docs.map((d, id) => ({ id, l: d.l, t: d.t || "", x: d.x || "", a: d.a || "" })));
    return { size: size(JSON.stringify(ms)), search: (q) => ms.search(q).map((r) => r.l) };
  },
  async flexsearch(docs) {
    const index = new FlexDocument({
      document: { id: "id", index: FIELDS, store: ["l"] },
      tokenize: "forward", encoder: Charset.LatinBalance,
    });
    docs.forEach((d, id) => index.add({ id, l: d.l, t: tokens(d.t).join(" "), x: tokens(d.x).join(" "), a: tokens(d.a).join(" ") }));
    const parts = [];
    await index.export((key, data) => { parts.push(key + (data || "")); });
    const search = (q) => {
      const terms = tokens(q);
      // AND over the terms: a document must be found by each
      let ids = null;
      for (const term of terms) {
        const found = new Set(index.search(term, { limit: 1000, merge: true, suggest: false }).map((r) => r.id));
        ids = ids === null ? [...found] : ids.filter((id) => found.has(id));
      }
      return (ids || []).map((id) => docs[id].l);
    };
    return { size: size(parts.join("")), search };
  },
  async orama(docs) {
    const db = await orama.create({
      schema: { l: "string", t: "string", x: "string", a: "string" },
      components: { tokenizer: { language: "english", normalizationCache: new Map(), tokenize: (text) => tokens(text) } },
    });
    for (const d of docs) await orama.insert(db, { l: d.l, t: d.t || "", x: d.x || "", a: d.a || "" });
    const saved = await orama.save(db);
    const search = (q) => {
      const longest = Math.max(0, ...tokens(q).map((t) => t.length));
      const r = orama.search(db, { term: q, properties: FIELDS, tolerance: longest >= 5 ? 1 : 0, threshold: 0, limit: 1000 });
      return r.hits.map((h) => h.document.l);
    };
    return { size: size(JSON.stringify(saved)), search };
  },
  async workplan(docs, raw) {
    const index = JSON.parse(raw);
    const core = fs.readFileSync(new URL("../overrides/assets/javascripts/workplan-search-core.js", import.meta.url), "utf8");
    const stem = fs.readFileSync(new URL("../overrides/assets/javascripts/vendor/porter2.js", import.meta.url), "utf8");
    return {
      size: size(raw), code: size(core + stem),
      setup: () => ours.setup(index),
      search: (q) => ours.search(q).items.flat().map((i) => i.location),
    };
  },
};

const out = { sizes: {}, results: [] };
for (const [name, make] of Object.entries(engines)) {
  out.sizes[name] = {};
  for (const edition of EDITIONS) {
    const raw = fs.readFileSync(path.join(input.site, edition, "search", "workplan-index.json"), "utf8");
    const docs = JSON.parse(raw).docs;
    const engine = await make(docs, raw);
    out.sizes[name][edition] = engine.code ? { ...engine.size, code: engine.code } : engine.size;
    if (engine.setup) engine.setup();
    for (const [ed, query, expected, kind] of input.cases) {
      if (ed !== edition) continue;
      engine.search(query);  // warm
      const [locations, ms] = timed(() => engine.search(query));
      out.results.push({ engine: name, edition, query, expected, kind, sections: sectionsOf(locations), ms });
    }
  }
}
process.stdout.write(JSON.stringify(out));
