// Pyodide's runtime script (pyodide.asm.mjs) ships without types: its default export is the
// module factory that loadPyodide takes as `createPyodideModule`.
import type { PyodideConfig } from "pyodide";

declare const createPyodideModule: NonNullable<PyodideConfig["createPyodideModule"]>;
export default createPyodideModule;
