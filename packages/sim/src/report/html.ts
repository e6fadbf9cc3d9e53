/**
 * Escaping and number formatting for the report: every text that reaches the HTML goes through
 * {@link esc}; numbers are printed the same on every machine (no locale).
 * @packageDocumentation
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A pixel coordinate with at most one decimal (`12.5`, `40`), stable across platforms. */
export function px(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/** An integer with thousands separators, independent of locale: `12,345`. */
export function count(n: number): string {
  const s = String(Math.trunc(Math.abs(n)));
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}

/** Virtual time as `mm:ss.mmm` (minutes keep counting past 59: `75:02.500`). */
export function clock(ms: number): string {
  const t = Math.max(0, Math.round(ms));
  const minutes = Math.floor(t / 60_000);
  const seconds = Math.floor((t % 60_000) / 1000);
  const millis = t % 1000;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}.${String(millis).padStart(3, '0')}`;
}

/** A short axis label: `0s`, `45s`, `2m`, `2m30s`, `1h5m`. */
export function shortDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h > 0) return m === 0 ? `${h}h` : `${h}h${m}m`;
  return rest === 0 ? `${m}m` : `${m}m${rest}s`;
}
