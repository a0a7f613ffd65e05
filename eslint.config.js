// ESLint for the browser scripts in participatie/static and the node runners the tests use.
// The scripts are plain ES5-style files (no build step: phones get them as written), shared
// between the browser and node where a test runs them against the Python twins.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  { ignores: ["node_modules/**", ".venv/**", "build/**"] },
  js.configs.recommended,
  {
    files: ["participatie/static/**/*.js"],
    languageOptions: {
      // ES2018 syntax at most (the phones we serve run old browsers); BigInt is used only
      // where every such browser has it (Chrome 67+).
      ecmaVersion: 2018,
      sourceType: "script",
      globals: { ...globals.browser, ...globals.serviceworker, module: "readonly", require: "readonly", BigInt: "readonly" },
    },
    rules: {
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      eqeqeq: ["error", "smart"],
      "no-implicit-globals": "error",
      "no-var": "off",
    },
  },
  {
    // A service worker has a global scope of its own: nothing on a page shares it.
    files: ["participatie/static/offline/sw.js"],
    rules: { "no-implicit-globals": "off" },
  },
  {
    files: ["tests/**/*.js", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
  },
];
