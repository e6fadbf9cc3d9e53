/**
 * Errors of the simulated kubelet.
 * @packageDocumentation
 */
import { KubesimError } from '@kubesim/core';

/**
 * A `kubesim.io/behavior` annotation (or a configured default behaviour) cannot be read. Code
 * `BehaviorInvalid`; `field` names the offending field ('' for the whole text). The kubelet
 * records it as a Warning Event on the pod and runs the pod with the default behaviour.
 */
export class BehaviorInvalidError extends KubesimError {
  /** The field that was refused, e.g. `readinessFailing[0].from`; '' for the whole text. */
  readonly field: string;
  constructor(field: string, message: string) {
    super(
      'BehaviorInvalid',
      field === '' ? `behavior: ${message}` : `behavior.${field}: ${message}`,
    );
    this.field = field;
  }
}
