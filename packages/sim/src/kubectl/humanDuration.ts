/**
 * kubectl's duration and age formats, on virtual time.
 * @packageDocumentation
 */
import { formatTimestamp, parseTimestamp } from '@kubesim/core';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/**
 * Formats a duration as kubectl's AGE column does (apimachinery `duration.HumanDuration`):
 * seconds below 2 minutes (`90s`), then minutes and seconds below 10 minutes (`3m2s`), minutes
 * below 3 hours (`125m`), hours and minutes below 8 hours (`5h3m`), hours below 2 days (`30h`),
 * days and hours below 8 days (`2d3h`), days below 2 years, then years and days.
 *
 * @param ms - the duration in milliseconds; `-1999..-1` reads as `0s`, earlier as `<invalid>`.
 * @example humanDuration(182_000) === '3m2s'
 */
export function humanDuration(ms: number): string {
  // Go truncates toward zero: int(d.Seconds()).
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(ms / MINUTE);
  if (minutes < 10) {
    const s = Math.floor(ms / SECOND) % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(ms / DAY);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(ms / YEAR);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/**
 * kubectl's `translateTimestampSince`: the age of an RFC 3339 timestamp at `nowEpochMs`, or
 * `<unknown>` when there is none.
 */
export function ageOf(timestamp: string | undefined, nowEpochMs: number): string {
  const t = timestamp === undefined ? undefined : parseTimestamp(timestamp);
  if (t === undefined) return '<unknown>';
  return humanDuration(nowEpochMs - t);
}

const WEEKDAYS = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Formats an RFC 3339 timestamp as Go's `time.RFC1123Z` in UTC, as `kubectl describe` prints
 * times: `Wed, 01 Jan 2025 00:00:05 +0000`. Returns `<unknown>` for a missing or bad timestamp.
 */
export function rfc1123z(timestamp: string | undefined): string {
  const t = timestamp === undefined ? undefined : parseTimestamp(timestamp);
  if (t === undefined) return '<unknown>';
  const days = Math.floor(t / DAY);
  // 1970-01-01 was a Thursday.
  const weekday = WEEKDAYS[((days % 7) + 7) % 7] ?? '';
  const iso = formatTimestamp(t);
  const [date = '', rest = ''] = iso.split(/[Tt]/);
  const [y = '', mo = '', d = ''] = date.split('-');
  const month = MONTHS[Number(mo) - 1] ?? '';
  const hms = rest.slice(0, 8);
  return `${weekday}, ${d} ${month} ${y} ${hms} +0000`;
}
