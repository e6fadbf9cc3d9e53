/**
 * The string formats a CRD schema may name, checked as the API server does
 * (apiextensions-apiserver pkg/apiserver/validation/formats.go lists them; kube-openapi strfmt
 * checks them). A format the server does not know is not checked.
 * @packageDocumentation
 */

const ipv4Octet = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const ipv4 = new RegExp(`^${ipv4Octet}(\\.${ipv4Octet}){3}$`);
const hostnameLabel = '[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const hostname = new RegExp(`^${hostnameLabel}(\\.${hostnameLabel})*\\.?$`);
const uuid = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const uuidV = (v: number): RegExp =>
  new RegExp(`^[0-9a-f]{8}-?[0-9a-f]{4}-?${v}[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$`, 'i');
const email = /^[^\s@]+@[^\s@]+$/;
const mac = /^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$|^([0-9A-Fa-f]{4}\.){2}[0-9A-Fa-f]{4}$/;
const hexcolor = /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const rgbcolor =
  /^rgb\(\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*,\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*,\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*\)$/;
const date = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTime =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
// Go's time.ParseDuration plus days and weeks (strfmt duration).
const duration = /^(-?\d+(\.\d+)?\s*(ns|us|µs|ms|s|m|h|d|w)\s*)+$/;
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;
const bsonObjectId = /^[0-9a-fA-F]{24}$/;

function isIPv6(s: string): boolean {
  if (s.includes('.')) {
    const at = s.lastIndexOf(':');
    if (!ipv4.test(s.slice(at + 1))) return false;
    s = `${s.slice(0, at + 1)}0:0`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const group = /^[0-9a-fA-F]{1,4}$/;
  const parts = (h: string): string[] | undefined => {
    if (h === '') return [];
    const p = h.split(':');
    return p.every((g) => group.test(g)) ? p : undefined;
  };
  const left = parts(halves[0] ?? '');
  const right = halves.length === 2 ? parts(halves[1] ?? '') : [];
  if (left === undefined || right === undefined) return false;
  const n = left.length + right.length;
  return halves.length === 2 ? n < 8 : n === 8;
}

function isCidr(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const ip = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return false;
  const n = Number(bits);
  if (ipv4.test(ip)) return n <= 32;
  return isIPv6(ip) && n <= 128;
}

function isDate(s: string): boolean {
  const m = date.exec(s);
  if (m === null) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function isUri(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/.test(s) || /^\/\S*$/.test(s);
}

const checks: Readonly<Record<string, (s: string) => boolean>> = {
  bsonobjectid: (s) => bsonObjectId.test(s),
  uri: isUri,
  email: (s) => email.test(s),
  hostname: (s) => s.length <= 255 && hostname.test(s),
  ipv4: (s) => ipv4.test(s),
  ipv6: isIPv6,
  cidr: isCidr,
  mac: (s) => mac.test(s),
  uuid: (s) => uuid.test(s),
  uuid3: (s) => uuidV(3).test(s),
  uuid4: (s) => uuidV(4).test(s),
  uuid5: (s) => uuidV(5).test(s),
  hexcolor: (s) => hexcolor.test(s),
  rgbcolor: (s) => rgbcolor.test(s),
  byte: (s) => s.length % 4 === 0 && base64.test(s),
  password: () => true,
  date: isDate,
  duration: (s) => duration.test(s),
  datetime: (s) => dateTime.test(s),
  'date-time': (s) => dateTime.test(s),
};

/** The formats the API server checks on strings. */
export const checkedFormats: readonly string[] = Object.keys(checks).sort();

/**
 * True when `value` is a valid `format`; always true for a format the server does not check
 * (int32, int64, float, double and unknown names).
 */
export function matchesFormat(format: string, value: string): boolean {
  const check = Object.prototype.hasOwnProperty.call(checks, format) ? checks[format] : undefined;
  return check === undefined || check(value);
}
