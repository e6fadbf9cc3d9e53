/**
 * Splitting a connection target (`web.default:80`, `10.96.0.15:80`, `node-1:30080`).
 * @packageDocumentation
 */
import { KubesimError } from '../errors.js';

/** A target that cannot be parsed (code `TargetParse`). */
export class TargetParseError extends KubesimError {
  /** The text that was refused. */
  readonly target: string;
  constructor(target: string, detail: string) {
    super('TargetParse', `cannot parse connection target ${JSON.stringify(target)}: ${detail}`);
    this.target = target;
  }
}

/** A parsed connection target. */
export interface ParsedTarget {
  /** A DNS name, node name or IP address (IPv6 without brackets). */
  readonly host: string;
  /** The port, when the target names one. */
  readonly port?: number;
  /** Whether `host` is an IPv4 or IPv6 literal rather than a name. */
  readonly isIP: boolean;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Splits a target into host and optional port: `web` → `{ host: 'web' }`,
 * `web.default.svc.cluster.local:80` → port 80, `10.96.0.15:80`, `node-1:30080`,
 * `[fd00::1]:80`. A trailing dot on a name is kept (it marks an absolute DNS name).
 *
 * @throws {@link TargetParseError} for an empty host or a port outside 1–65535.
 */
export function parseTarget(text: string): ParsedTarget {
  const trimmed = text.trim();
  let host: string;
  let portText: string | undefined;
  if (trimmed.startsWith('[')) {
    const close = trimmed.indexOf(']');
    if (close < 0) throw new TargetParseError(text, "missing ']' after an IPv6 address");
    host = trimmed.slice(1, close);
    const rest = trimmed.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':'))
      throw new TargetParseError(text, "expected ':' after ']'");
    portText = rest === '' ? undefined : rest.slice(1);
  } else {
    const colons = trimmed.split(':').length - 1;
    if (colons > 1) {
      host = trimmed; // a bare IPv6 address
    } else {
      const at = trimmed.lastIndexOf(':');
      host = at < 0 ? trimmed : trimmed.slice(0, at);
      portText = at < 0 ? undefined : trimmed.slice(at + 1);
    }
  }
  if (host === '') throw new TargetParseError(text, 'the host is empty');
  const isIP = host.includes(':') || isIPv4(host);
  if (portText === undefined) return { host, isIP };
  if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
    throw new TargetParseError(
      text,
      `port ${JSON.stringify(portText)} must be between 1 and 65535`,
    );
  }
  return { host, port: Number(portText), isIP };
}

function isIPv4(host: string): boolean {
  const m = IPV4.exec(host);
  return m !== null && m.slice(1).every((o) => Number(o) <= 255);
}
