/**
 * Deterministic pseudo-random numbers (a 32-bit linear congruential generator): the same seed gives
 * the same corpus on every machine and every run.
 */

/**
 * @param {number} seed
 * @returns {() => number} the next number in [0, 1) at each call
 */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * @template T
 * @param {() => number} next
 * @param {readonly T[]} list
 * @returns {T}
 */
export function pick(next, list) {
  return /** @type {T} */ (list[Math.floor(next() * list.length)]);
}
