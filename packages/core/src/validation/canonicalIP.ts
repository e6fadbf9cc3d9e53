/**
 * The canonical text of an IP address, as Go's `net.IP.String` prints what k8s.io/utils/net
 * `ParseIPSloppy` read: the form the EndpointSlice controller publishes (k8s.io/endpointslice
 * utils.go `getEndpointAddresses` parses and re-prints every pod IP).
 * @packageDocumentation
 */

/** Reads a dotted quad (leading zeros read as decimal, as the sloppy parser does) into 4 bytes. */
function parseIPv4Bytes(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    bytes.push(n);
  }
  return bytes;
}

/** Reads IPv6 text (`::` once at most, an optional trailing dotted quad) into 8 16-bit groups. */
function parseIPv6Groups(text: string): number[] | undefined {
  let head = text;
  const tailGroups: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4Bytes(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    tailGroups.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
    // Keep the colon(s) before the quad: `::1.2.3.4` leaves `::`, `a::b:1.2.3.4` leaves `a::b`.
    head = text.slice(0, lastColon + 1);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const read = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const before = read(halves[0] ?? '');
  const after = halves.length === 2 ? read(halves[1] ?? '') : [];
  if (before === undefined || after === undefined) return undefined;
  const explicit = before.length + after.length + tailGroups.length;
  if (halves.length === 2 ? explicit > 7 : explicit !== 8) return undefined;
  const zeros = new Array<number>(8 - explicit).fill(0);
  return [...before, ...zeros, ...after, ...tailGroups];
}

/** RFC 5952 text of 8 groups: lower-case hex, no leading zeros, the first longest run of two or more zero groups as `::`. */
function formatIPv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j += 1;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (gs: readonly number[]): string => gs.map((g) => g.toString(16)).join(':');
  if (bestStart < 0) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}

/**
 * The canonical text of an IP address, as the API's controllers print it: IPv4 as a dotted quad;
 * an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) as its IPv4 address; other IPv6 addresses in
 * RFC 5952 form (lower case, no leading zeros, the first longest run of at least two zero groups
 * written `::`). Text that is not an IP address comes back unchanged.
 *
 * @example
 * ```ts
 * canonicalIP('1234::5678:0000:0000:9abc:def0'); // '1234::5678:0:0:9abc:def0'
 * canonicalIP('2001:DB8:0:0:0:0:0:1');           // '2001:db8::1'
 * canonicalIP('10.0.0.1');                       // '10.0.0.1'
 * ```
 */
export function canonicalIP(text: string): string {
  if (!text.includes(':')) {
    const v4 = parseIPv4Bytes(text);
    return v4 === undefined ? text : v4.join('.');
  }
  const groups = parseIPv6Groups(text);
  if (groups === undefined) return text;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  }
  return formatIPv6(groups);
}
