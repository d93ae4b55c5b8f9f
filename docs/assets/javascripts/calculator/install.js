// The Python that installs the estimator's wheel, by hand and not by loadPackage (a snapshot
// cannot be made once loadPackage has run). Shared by the worker and by scripts/stdlib-used.mjs,
// which records the standard-library modules the calculator needs.

/** Where the wheel's bytes are written before the script runs. */
export const WHEEL_FILE = "/tmp/estimator.whl";

/**
 * Checks the wheel against the lock's sha256, unpacks it and imports the estimator.
 * @param {{sha256: string, imports: string[]}} entry the estimator's entry in the lock file
 */
export function installScript(entry) {
  const imports = entry.imports.map((name) => name.replace(/[^A-Za-z0-9_.]/g, "")).join(", ");
  return `
import hashlib, importlib, os, site, zipfile
with open("${WHEEL_FILE}", "rb") as wheel:
    if hashlib.sha256(wheel.read()).hexdigest() != ${JSON.stringify(entry.sha256)}:
        raise ValueError("the wheel does not match the sha256 in the lock file")
with zipfile.ZipFile("${WHEEL_FILE}") as wheel:
    wheel.extractall(site.getsitepackages()[0])
os.remove("${WHEEL_FILE}")
importlib.invalidate_caches()
import ${imports}
`;
}
