// Writes the site's service worker with Workbox's generateSW, from the built files (run by
// kneeguide/bundle/service_worker.py after MkDocs has written the site). Prints a JSON summary.
//
// Precached (revision-hashed, so a new build replaces what changed): the program page, every
// exercise page and the site's own assets. The calculator's page, scripts and Pyodide files are
// cached on first use instead, so a visit to any other page downloads none of Pyodide.
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
  globPatterns: [
    "program/index.html",
    "exercises/index.html",
    "exercises/*/index.html",
    "assets/**/*.{js,mjs,css,svg,png,webmanifest}",
    "manifest.webmanifest",
  ],
  globIgnores: ["**/*.map", "assets/javascripts/calculator*", "assets/javascripts/lunr/**", "assets/javascripts/workers/**", "pyodide/**"],
  // The builder's and preview's flags (?edit, ?preview, ?add) open the same precached page.
  ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^edit$/, /^preview$/, /^add$/],
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
      urlPattern: ({ url }) => url.pathname.includes("/pyodide/") && !/\.(whl|json)$/.test(url.pathname),
      handler: "CacheFirst",
      options: { cacheName: `knee-guide-pyodide-${pyodide}` },
    },
    {
      // The estimator's wheel and lock file, and the calculator's own page and scripts: fresh when
      // online, from the cache when offline.
      urlPattern: ({ url }) => url.pathname.includes("/pyodide/") || url.pathname.includes("/calculator") || url.pathname.includes("/assets/javascripts/calculator"),
      handler: "NetworkFirst",
      // A calculator link's answers are in its query: any of them opens the cached page.
      options: { cacheName: "knee-guide-calculator", networkTimeoutSeconds: 10, matchOptions: { ignoreSearch: true } },
    },
    {
      // Any other page read once is there offline too.
      urlPattern: ({ request }) => request.mode === "navigate",
      handler: "NetworkFirst",
      options: { cacheName: "knee-guide-pages", networkTimeoutSeconds: 5 },
    },
  ],
});
for (const warning of warnings) console.error(warning);
console.log(JSON.stringify({ count, size, pyodide }));
