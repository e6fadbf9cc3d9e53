/**
 * Virtual time: RFC 3339 timestamps and Go-style durations, without the wall clock.
 * @packageDocumentation
 */
import { KubesimError } from './errors.js';

/** Milliseconds since the Unix epoch of 2025-01-01T00:00:00Z, the default simulation start. */
export const DEFAULT_START_TIME_MS = 1_735_689_600_000;

/**
 * A duration: milliseconds, or a Go-style string such as `'500ms'`, `'30s'`, `'5m'`, `'1h30m'`,
 * plus days (`'30d'`, 24 h each), which Go lacks.
 */
export type Duration = number | string;

/** A duration string or number that cannot be read. */
export class DurationParseError extends KubesimError {
  constructor(input: unknown, detail: string) {
    const shown =
      typeof input === 'string' || typeof input === 'number'
        ? JSON.stringify(input)
        : input === null
          ? 'null'
          : `(${typeof input})`;
    super('DurationParse', `invalid duration ${shown}: ${detail}`);
  }
}

const unitMs: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * Reads a duration as integer milliseconds. Numbers are milliseconds; strings follow Go's
 * `time.ParseDuration` with the units `ms`, `s`, `m`, `h`, plus `d` (24 h; Go has no day unit),
 * fractions allowed: `'1.5s'`, `'0.5d'`.
 * Results are rounded to the millisecond; negative durations are refused.
 * @example parseDuration('1h30m') === 5_400_000
 * @example parseDuration('30d') === 2_592_000_000
 */
export function parseDuration(input: Duration): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0) {
      throw new DurationParseError(input, 'must be a finite number of milliseconds, at least 0');
    }
    if (input > Number.MAX_SAFE_INTEGER) {
      throw new DurationParseError(input, `must be at most ${Number.MAX_SAFE_INTEGER} ms`);
    }
    return Math.round(input);
  }
  if (typeof input !== 'string') {
    throw new DurationParseError(
      input,
      "must be a duration string such as '30s' or a number of milliseconds",
    );
  }
  const text = input.trim();
  if (text === '0') return 0;
  if (text === '') throw new DurationParseError(input, 'empty');
  const re = /(\d+(?:\.\d*)?|\.\d+)(ms|s|m|h|d)/y;
  let total = 0;
  let pos = 0;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (m === null) {
      throw new DurationParseError(
        input,
        "expected a sequence of numbers with units ms, s, m, h or d, e.g. '30s', '1h30m' or '30d'",
      );
    }
    total += Number(m[1]) * (unitMs[m[2] ?? ''] ?? 0);
    pos = re.lastIndex;
  }
  if (!(total <= Number.MAX_SAFE_INTEGER)) {
    throw new DurationParseError(input, `must be at most ${Number.MAX_SAFE_INTEGER} ms`);
  }
  return Math.round(total);
}

/** Formats milliseconds as a short Go-style duration: `90000` → `'1m30s'`, `1500` → `'1.5s'`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = rest / 1000;
  let out = sign;
  if (h > 0) out += `${h}h`;
  if (m > 0) out += `${m}m`;
  if (s > 0 || out === sign) out += rest % 1000 === 0 ? `${s}s` : `${Number(s.toFixed(3))}s`;
  return out;
}

// Days from civil date and back (Howard Hinnant's algorithms), so no Date object is needed.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [m <= 2 ? y + 1 : y, m, d];
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * Formats epoch milliseconds as RFC 3339 UTC: `2025-01-01T00:00:05Z`, with milliseconds only
 * when they are not zero (`…:05.250Z`).
 */
export function formatTimestamp(epochMs: number): string {
  // Everything written in one virtual millisecond carries the same text: hand back the string
  // already made (a 300-node cluster held 57,300 separate copies of a handful of timestamps).
  const slot = epochMs & (MEMO_SLOTS - 1);
  if (memoMs[slot] === epochMs) return memoText[slot] as string;
  const text = format(epochMs);
  memoMs[slot] = epochMs;
  memoText[slot] = text;
  return text;
}

/** Slots of the direct-mapped memo of {@link formatTimestamp} (a power of two). */
const MEMO_SLOTS = 256;
const memoMs = new Float64Array(MEMO_SLOTS).fill(Number.NaN);
const memoText = new Array<string>(MEMO_SLOTS).fill('');

function format(epochMs: number): string {
  const days = Math.floor(epochMs / 86_400_000);
  let rest = epochMs - days * 86_400_000;
  const [y, mo, d] = civilFromDays(days);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const s = Math.floor(rest / 1000);
  const ms = rest - s * 1000;
  const frac = ms === 0 ? '' : `.${pad(ms, 3)}`;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${frac}Z`;
}

/** Formats epoch milliseconds as upstream's MicroTime: always six fractional digits. */
export function formatMicroTimestamp(epochMs: number): string {
  const base = formatTimestamp(epochMs - (epochMs % 1000));
  return `${base.slice(0, -1)}.${pad(epochMs % 1000, 3)}000Z`;
}

/**
 * Reads an RFC 3339 timestamp (`Z` or `±hh:mm` offsets, optional fraction) as epoch milliseconds.
 * Returns undefined when it is not one.
 */
export function parseTimestamp(text: string): number | undefined {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|z|[+-]\d{2}:\d{2})$/.exec(
      text,
    );
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  const days = daysFromCivil(Number(y), Number(mo), Number(d));
  let ms = days * 86_400_000 + Number(h) * 3_600_000 + Number(mi) * 60_000 + Number(s) * 1000;
  if (frac !== undefined) ms += Math.floor(Number(`0.${frac}`) * 1000 + 1e-9);
  if (tz !== undefined && tz !== 'Z' && tz !== 'z') {
    const sign = tz.startsWith('-') ? -1 : 1;
    ms -= sign * (Number(tz.slice(1, 3)) * 3_600_000 + Number(tz.slice(4, 6)) * 60_000);
  }
  return ms;
}
