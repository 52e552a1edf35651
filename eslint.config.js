// ESLint for our own browser scripts (overrides/assets/javascripts/), run by `make lint` (part of
// `make test`): ESLint's recommended rules, nothing silenced.
"use strict";
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  // only our own scripts: not the vendored stemmer, the build's output or installed packages
  { ignores: ["overrides/assets/javascripts/vendor/**", ".venv/**", ".cache/**", "site/**", "docs/**", "tests/artifacts/**"] },
  {
    files: ["overrides/assets/javascripts/**/*.js"],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",  // classic scripts, loaded by <script> tags and importScripts()
      globals: { ...globals.browser },
    },
  },
  {
    // the search worker, and the matcher it imports (which also runs under Node for the tests)
    files: ["overrides/assets/javascripts/workplan-search.js", "overrides/assets/javascripts/workplan-search-core.js"],
    languageOptions: { globals: { ...globals.worker, ...globals.node } },
  },
  {
    files: ["eslint.config.js", "scripts/**/*.mjs"],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
  },
  {
    files: ["scripts/**/*.mjs"],
    languageOptions: { sourceType: "module" },
  },
];
