// Module worker: starts Pyodide from the site itself, loads the estimator's wheel by name from
// the site's lock file (Pyodide checks its sha256), and answers {id, input} messages with the
// estimator's JSON. The page never freezes while Python starts.
import { loadPyodide } from "../../pyodide/pyodide.mjs";

const indexURL = new URL("../../pyodide/", import.meta.url).href;
let respond = null;

async function start() {
  postMessage({ type: "progress", stage: "runtime" });
  const pyodide = await loadPyodide({
    indexURL,
    lockFileURL: indexURL + "pyodide-lock.json",
    stdout: () => {},
    stderr: () => {},
  });
  postMessage({ type: "progress", stage: "package" });
  const problems = [];
  await pyodide.loadPackage("knee-guide-calculator", {
    messageCallback: () => {},
    errorCallback: (message) => problems.push(message),
  });
  // loadPackage does not reject on a missing file or a wrong hash: the import is the check.
  let api;
  try {
    api = pyodide.pyimport("calculator.api");
  } catch (error) {
    throw new Error(`the estimator did not load (${problems.join("; ") || error.message})`);
  }
  respond = api.respond;
  postMessage({ type: "ready", python: pyodide.runPython("import sys; sys.version.split()[0]") });
}

const started = start().catch((error) => {
  postMessage({ type: "failed", reason: String((error && error.message) || error) });
});

onmessage = async (event) => {
  await started;
  const { id, input } = event.data;
  if (respond === null) return;
  try {
    postMessage({ type: "result", id, response: JSON.parse(respond(JSON.stringify(input))) });
  } catch (error) {
    postMessage({ type: "failed", reason: String((error && error.message) || error) });
  }
};
