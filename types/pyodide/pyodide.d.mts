// The site serves Pyodide's runtime at pyodide/pyodide.mjs (kneeguide/bundle/pyodide.py);
// tsconfig.json's rootDirs lays this folder over docs/ so the worker's import finds these types.
export * from "pyodide";
