/**
 * The API server refused the request outright (HTTP 403 `Forbidden`).
 * @packageDocumentation
 */
import { KubesimError } from '../errors.js';

/**
 * A request the API server forbids whatever its content: creating in a namespace that is being
 * deleted, or deleting `default`, `kube-system` or `kube-public`. Code `Forbidden`.
 * @example `namespaces "default" is forbidden: this namespace may not be deleted`
 */
export class ForbiddenError extends KubesimError {
  constructor(message: string) {
    super('Forbidden', message);
  }
}
