/**
 * Seeded uids and generated-name suffixes (DESIGN.md point 7).
 * @packageDocumentation
 */
import { NAME_SUFFIX_ALPHABET, NAME_SUFFIX_LENGTH } from '@kubesim/core';
import type { IdSource } from '@kubesim/core';
import { customRandom } from 'nanoid';
import type { RandomStreams } from './randomStreams.js';

/** Stream that uids are drawn from. */
export const UID_STREAM = 'ids/uid';
/** Stream that `generateName` suffixes are drawn from (separate, so uids never shift names). */
export const NAME_SUFFIX_STREAM = 'ids/name-suffix';

const HEX = '0123456789abcdef';

/**
 * Core's {@link IdSource} over the simulation's seeded streams:
 * - `uid()`: an RFC 4122 version-4-shaped uid (`xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`,
 *   lower-case hex) from 16 bytes of the {@link UID_STREAM} stream;
 * - `nameSuffix()`: 5 characters over upstream's alphabet `bcdfghjklmnpqrstvwxz2456789`, from
 *   nanoid's `customRandom` reading bytes of the {@link NAME_SUFFIX_STREAM} stream (nanoid
 *   rejects bytes past the largest multiple of 27, so every character is uniform).
 *
 * The same seed yields the same ids in the same order.
 *
 * @example
 * ```ts
 * const ids = createIdSource(new RandomStreams(1));
 * ids.uid();        // e.g. '3f2a…-…-4…-a…-…'
 * ids.nameSuffix(); // e.g. 'x2k8q'
 * ```
 */
export function createIdSource(streams: RandomStreams): IdSource {
  const uidStream = streams.stream(UID_STREAM);
  const suffixStream = streams.stream(NAME_SUFFIX_STREAM);
  const suffix = customRandom(NAME_SUFFIX_ALPHABET, NAME_SUFFIX_LENGTH, (bytes) =>
    suffixStream.fillBytes(new Uint8Array(bytes)),
  );
  const buf = new Uint8Array(16);
  return {
    uid(): string {
      uidStream.fillBytes(buf);
      buf[6] = ((buf[6] ?? 0) & 0x0f) | 0x40; // version 4
      buf[8] = ((buf[8] ?? 0) & 0x3f) | 0x80; // variant 10xx (RFC 4122)
      let out = '';
      for (let i = 0; i < 16; i++) {
        if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
        const b = buf[i] ?? 0;
        out += HEX.charAt(b >>> 4) + HEX.charAt(b & 15);
      }
      return out;
    },
    nameSuffix(): string {
      return suffix();
    },
  };
}
