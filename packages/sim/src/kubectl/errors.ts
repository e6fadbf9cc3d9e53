/**
 * Errors of the kubectl printers.
 * @packageDocumentation
 */
import { KubesimError } from '@kubesim/core';

/**
 * `table` or `describe` was asked for a kind it has no printer for (code `KubectlUnsupported`).
 * The message names the kinds that are supported.
 */
export class KubectlUnsupportedError extends KubesimError {
  constructor(what: string, kind: string, supported: readonly string[]) {
    super(
      'KubectlUnsupported',
      `kubectl ${what} has no printer for kind ${kind}; supported: ${supported.join(', ')}`,
    );
  }
}
