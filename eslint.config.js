// ESLint (flat config): the recommended rules on the browser JavaScript and its Node tests.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: [".venv/", "site/", "build/", "scripts/lighthouse/"],
  },
  {
    files: ["docs/assets/javascripts/**/*.js"],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } },
    rules: {
      ...js.configs.recommended.rules,
      "no-unused-vars": ["error", { destructuredArrayIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["docs/assets/javascripts/calculator/worker.js"],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    files: ["docs/assets/javascripts/site/redirect.js"],
    languageOptions: { sourceType: "script" },
  },
  {
    // Scripts written into the pages, and the offline copy's, find the site's root in the scope
    // Material's start-up script sets in every page's head.
    files: ["docs/assets/javascripts/inline/*.js", "docs/assets/javascripts/site/sw-register.js"],
    languageOptions: { globals: { __md_scope: "readonly" } },
  },
  {
    // Material's start-up scripts are classic scripts sharing globals, copied from Material.
    files: ["docs/assets/javascripts/inline/material-*.js"],
    languageOptions: {
      sourceType: "script",
      globals: { __md_scope: "writable", __md_hash: "writable", __md_get: "writable", __md_set: "writable" },
    },
    rules: { "no-empty": "off", "no-unused-vars": "off" },
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.js", "scripts/*.mjs", "tests/tools/*.mjs"],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
  },
  {
    // Tests of the modules that render run in a light DOM (dom-setup.js) with the browser's names.
    files: ["tests/js/dom-setup.js", "tests/js/dom.test.js", "tests/js/*-render.test.js"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
];
