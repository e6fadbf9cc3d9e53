/**
 * The per-server bearer token (random, from the OS: it is a credential, not simulation chance).
 * @packageDocumentation
 */
import { randomBytes } from 'node:crypto';

/** A fresh 32-byte token, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
