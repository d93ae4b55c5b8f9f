// Loads Pyodide's runtime script once more, and does nothing with it. The browser keeps a
// script's compiled code only from its second load, and the calculator's worker loads it once
// per visit: without this, the next visit would compile the 1.2 MB script again before it could
// restore the snapshot. The calculator's worker starts this once it has stored a snapshot.
const RUNTIME_SCRIPT = "../../pyodide/pyodide.asm.mjs";
await import(RUNTIME_SCRIPT);
postMessage("primed");
export {};
