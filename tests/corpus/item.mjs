/**
 * @template T
 * @param {readonly T[]} list
 * @param {number} index
 * @returns {T} list[index], which the generators know is there (a bug in them if not)
 */
export function itemAt(list, index) {
  if (index < 0 || index >= list.length)
    throw new Error(`corpus generator: no item ${index} of ${list.length}`);
  return /** @type {T} */ (list[index]);
}
