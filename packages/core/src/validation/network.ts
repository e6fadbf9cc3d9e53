/**
 * IP address and CIDR syntax checks (upstream `netutils.ParseIPSloppy`, `ValidateCIDR`).
 * @packageDocumentation
 */

const ipv4Octet = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const ipv4Re = new RegExp(`^${ipv4Octet}(\\.${ipv4Octet}){3}$`);

/** True for a dotted-quad IPv4 address without leading zeros (`10.0.0.1`). */
export function isIPv4(value: string): boolean {
  return ipv4Re.test(value);
}

/** True for an IPv6 address in any RFC 4291 text form (`::1`, `fd00::5`, `::ffff:10.0.0.1`). */
export function isIPv6(value: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(value) || !value.includes(':')) return false;
  let text = value;
  let groupsFromV4 = 0;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIPv4(tail)) return false;
    text = `${text.slice(0, lastColon + 1)}0`;
    groupsFromV4 = 1;
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (h: string): string[] => (h === '' ? [] : h.split(':'));
  const groups = halves.flatMap(groupsOf);
  if (!groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const count = groups.length + groupsFromV4;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** True for an IPv4 or IPv6 address. */
export function isIP(value: string): boolean {
  return isIPv4(value) || isIPv6(value);
}

/** True for `address/prefix` with a prefix length valid for the address family. */
export function isCIDR(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return false;
  const addr = value.slice(0, slash);
  const bits = value.slice(slash + 1);
  if (!/^[0-9]{1,3}$/.test(bits)) return false;
  const n = Number(bits);
  if (isIPv4(addr)) return n <= 32;
  return isIPv6(addr) && n <= 128;
}
