// Words the pages compose around figures. Pure, so Node's test runner imports it.

/**
 * A count with its noun, singular or plural: "1 set", "3 sets", "2 days".
 * @param {number} count
 * @param {string} one
 * @param {string} [many]
 */
export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
