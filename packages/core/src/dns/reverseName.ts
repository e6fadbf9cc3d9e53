/**
 * IPv4 reverse names (`in-addr.arpa`).
 * @packageDocumentation
 */

const SUFFIX = '.in-addr.arpa';

/**
 * The IPv4 address a reverse name stands for, or undefined when `name` is not a complete
 * IPv4 reverse name. `15.0.96.10.in-addr.arpa` → `10.96.0.15`.
 */
export function ipFromReverseName(name: string): string | undefined {
  if (!name.endsWith(SUFFIX)) return undefined;
  const octets = name.slice(0, -SUFFIX.length).split('.');
  if (octets.length !== 4) return undefined;
  if (!octets.every((o) => /^(0|[1-9]\d{0,2})$/.test(o) && Number(o) <= 255)) return undefined;
  return octets.reverse().join('.');
}

/** The reverse name of an IPv4 address: `10.96.0.15` → `15.0.96.10.in-addr.arpa`. */
export function reverseNameOf(ip: string): string {
  return `${ip.split('.').reverse().join('.')}${SUFFIX}`;
}
