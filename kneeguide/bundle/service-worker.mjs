// Writes the site's service worker with Workbox's generateSW, from the built files (run by
// kneeguide/bundle/service_worker.py after MkDocs has written the site). Prints a JSON summary.
//
// Precached (revision-hashed, so a new build replaces what changed): the home page, treatment,
// when to see a clinician, the program page, every exercise page, the calculator's page, the
// offline page (shown for any other page the reader opens offline), the site's own assets and the
// estimator's wheel and lock file, all from one build, so a later visit needs no network until
// Python runs. Files with their content's hash in their names (Material's bundles) are fetched
// through the HTTP cache, so the page's own copy is reused, not downloaded again. Pyodide's
// runtime (13 MB few readers need) is cached the first time the calculator runs instead, so a
// visit to any other page downloads none of it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { generateSW } from "workbox-build";

const site = process.argv[2];
if (!site) {
  console.error("usage: node service-worker.mjs SITE_DIR");
  process.exit(2);
}
const require = createRequire(import.meta.url);
const pyodide = JSON.parse(readFileSync(require.resolve("pyodide/package.json"), "utf8")).version;

const { count, size, warnings } = await generateSW({
  globDirectory: site,
  swDest: `${site}/sw.js`,
  // Every page, so every page the worker opens comes from the same build as the assets it holds:
  // a tab never shows a newer page with older scripts and styles (or the reverse) while a new
  // build waits for "Update now".
  globPatterns: [
    "**/index.html",
    "pyodide/*/*.{whl,json}",
    "assets/**/*.{js,mjs,css,svg,png,webmanifest}",
    "manifest.webmanifest",
  ],
  globIgnores: [
    "**/*.map",
    "assets/javascripts/lunr/**",
    "assets/javascripts/workers/**",
    "pyodide/*/*.{mjs,wasm,zip}",
  ],
  // A page's query never changes it (the calculator's answers, the builder's ?edit, ?preview and
  // ?add are read by its script): any query opens the same precached page.
  ignoreURLParametersMatching: [/./],
  dontCacheBustURLsMatching: /\.[0-9a-f]{8,}\.min\.(?:js|css)$/,
  directoryIndex: "index.html",
  cleanupOutdatedCaches: true,
  // A new build waits until the reader chooses "Update now" (sw-register.js), so a page never
  // mixes files from two builds.
  skipWaiting: false,
  clientsClaim: false,
  sourcemap: false,
  mode: "production",
  inlineWorkboxRuntime: false,
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
  runtimeCaching: [
    {
      // Pyodide's runtime is pinned: its version names the cache, so an upgrade starts afresh.
      // The calculator's page asks for its files to be cached (Workbox's CACHE_URLS message) once
      // its first visit is over, so a later visit reads them here and writes nothing while Python
      // starts.
      urlPattern: ({ url }) => url.pathname.includes("/pyodide/") && !/\.(whl|json)$/.test(url.pathname),
      handler: "CacheFirst",
      options: { cacheName: `knee-guide-pyodide-${pyodide}` },
    },
    {
      // An address that is not a page of this build goes to the network, never to a cache that
      // could hold another build's page; offline, it shows the offline page.
      urlPattern: ({ request }) => request.mode === "navigate",
      handler: "NetworkOnly",
      options: { precacheFallback: { fallbackURL: "offline/index.html" } },
    },
  ],
});
for (const warning of warnings) console.error(warning);
console.log(JSON.stringify({ count, size, pyodide }));
