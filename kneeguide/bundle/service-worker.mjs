// Writes the site's service worker with Workbox's generateSW: the worker and Workbox's runtime,
// with one placeholder entry where the precache list goes (run by kneeguide/bundle/service_worker.py
// only when this script or Workbox changes). Python fills in the list from the built files on
// every build, so an edit to a page never waits for Node. Prints a JSON summary.
//
// The precache (every page, the site's own assets and the estimator's wheel and lock file, listed
// in service_worker.py) comes from one build, so a later visit needs no network until Python
// runs. Pyodide's runtime (13 MB few readers need) is cached the first time the calculator runs
// instead, so a visit to any other page downloads none of it.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateSW } from "workbox-build";

const [out, placeholder] = process.argv.slice(2);
if (!out || !placeholder) {
  console.error("usage: node service-worker.mjs OUT_DIR PLACEHOLDER");
  process.exit(2);
}
const require = createRequire(import.meta.url);
const pyodide = JSON.parse(readFileSync(require.resolve("pyodide/package.json"), "utf8")).version;
const empty = mkdtempSync(join(tmpdir(), "kg-sw-"));

const { warnings } = await generateSW({
  globDirectory: empty,
  globPatterns: [],
  additionalManifestEntries: [{ url: placeholder, revision: placeholder }],
  swDest: `${out}/sw.js`,
  // A page's query never changes it (the calculator's answers, the builder's ?edit, ?preview and
  // ?add are read by its script): any query opens the same precached page.
  ignoreURLParametersMatching: [/./],
  directoryIndex: "index.html",
  cleanupOutdatedCaches: true,
  // A new build waits until the reader chooses "Update now" (sw-register.js), so a page never
  // mixes files from two builds.
  skipWaiting: false,
  clientsClaim: false,
  sourcemap: false,
  mode: "production",
  inlineWorkboxRuntime: false,
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
rmSync(empty, { recursive: true });
for (const warning of warnings) console.error(warning);
console.log(JSON.stringify({ pyodide }));
