// Runs the calculator's whole life in Pyodide under Node, as the worker does (start ready for a
// snapshot, install the wheel, import every module of it, answer, format an error, take the
// snapshot), then prints as JSON
// the standard-library files Python has imported and the answers it gave. With --stdlib ZIP it
// starts from that standard library instead of the pinned one (the trimmed one, to check it).
//
// node scripts/stdlib-used.mjs RUNTIME_DIR LOCK WHEEL INPUTS_JSON [--stdlib ZIP]
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { WHEEL_FILE, installScript } from "../docs/assets/javascripts/calculator/install.js";

const [runtime, lockPath, wheel, inputsPath, flag, stdlib] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${runtime}/pyodide.mjs`).href);
const lockText = readFileSync(lockPath, "utf-8");
const entry = Object.values(JSON.parse(lockText).packages)[0];
const pyodide = await loadPyodide({
  indexURL: `${runtime}/`,
  lockFileContents: lockText,
  ...(flag === "--stdlib" ? { stdLibURL: stdlib } : {}),
  _makeSnapshot: true,
  stdout: () => {},
  stderr: () => {},
});
pyodide.FS.writeFile(WHEEL_FILE, readFileSync(wheel));
pyodide.runPython(installScript(entry));
// Every module of the estimator, not only those the answers reach.
pyodide.runPython(`
import importlib, pkgutil, calculator
for module in pkgutil.walk_packages(calculator.__path__, "calculator."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
`);
const respond = pyodide.pyimport("calculator.api").respond;
const answers = JSON.parse(readFileSync(inputsPath, "utf-8")).map((input) =>
  JSON.parse(respond(JSON.stringify(input))),
);
let traceback = "";
try {
  pyodide.runPython("import calculator.api\ncalculator.api.respond(None)");
} catch (error) {
  traceback = String(error);
}
pyodide.makeMemorySnapshot();
const files = pyodide
  .runPython(
    `
import sys
zips = [p for p in sys.path if p.endswith(".zip")]
sorted({m.__file__[len(zips[0]) + 1:] for m in list(sys.modules.values())
        if (getattr(m, "__file__", None) or "").startswith(zips[0] + "/")})
`,
  )
  .toJs();
process.stdout.write(JSON.stringify({ files, answers, traceback: traceback.split("\n").slice(-2).join("\n") }));
