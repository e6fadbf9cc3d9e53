/**
 * Deterministic hashing of seeds and stream names into generator state.
 * @packageDocumentation
 */

/**
 * Hashes a string to 128 bits, returned as four signed 32-bit integers, never all zero. The same
 * text gives the same words on every platform (it reads UTF-16 code units and uses only 32-bit
 * integer arithmetic). A cyrb128-style mix: four lanes of multiply-xor, cross-mixed at the end.
 * @example hash128('seed') // [w0, w1, w2, w3]
 */
export function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  // Finalise with the length so 'a' and 'a\u0000' differ even if a lane collides.
  h1 ^= text.length;
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const words: [number, number, number, number] = [h1 | 0, h2 | 0, h3 | 0, h4 | 0];
  if ((words[0] | words[1] | words[2] | words[3]) === 0) words[3] = 1; // xoroshiro needs a non-zero state
  return words;
}

/**
 * The canonical text of a seed: numbers by their decimal form (`42` and `'42'` are the same
 * seed), strings as they are. Non-finite numbers are refused by the caller.
 */
export function seedText(seed: number | string): string {
  return typeof seed === 'number' ? String(seed) : seed;
}
