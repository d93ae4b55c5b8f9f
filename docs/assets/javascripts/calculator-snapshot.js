// The checksum kept beside the calculator's memory snapshot (calculator-worker.js), checked on
// every start from it. The snapshot lives in the origin's own private storage, so what it risks
// is accidental damage (a failing disk, a write cut short), not someone forging it: a checksum
// that catches damage is enough. SHA-256 over the 31 MB took about 40 ms of a processor on each
// start here, competing with the WebAssembly compile; this takes about 6 ms.

/**
 * Two 32-bit lanes, each a multiply-xor chain over every other 32-bit word. Each step is a
 * bijection of the word for a given state, and of the state for a given word, so changing any
 * single word or byte always changes the result; several changes cancel out by chance only.
 * @param {Uint8Array} bytes
 * @returns {string} 16 hexadecimal digits
 */
export function checksum(bytes) {
  if (bytes.byteOffset % 4) return checksum(bytes.slice()); // 32-bit words must be aligned
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ bytes.length;
  const pairs = words.length & ~1;
  for (let i = 0; i < pairs; i += 2) {
    a = Math.imul(a ^ words[i], 0x9e3779b1);
    b = Math.imul(b ^ words[i + 1], 0x85ebca77);
  }
  if (pairs < words.length) a = Math.imul(a ^ words[pairs], 0x9e3779b1);
  for (let i = words.length * 4; i < bytes.length; i++) b = Math.imul(b ^ bytes[i], 0x85ebca77);
  return [a, b].map((lane) => (lane >>> 0).toString(16).padStart(8, "0")).join("");
}
