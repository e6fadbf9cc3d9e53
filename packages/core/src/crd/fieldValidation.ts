/**
 * What happens to fields the schema does not declare: the `fieldValidation` option of every
 * write (`kubectl --validate=strict|warn|ignore`; apiserver `metav1.FieldValidation*`).
 * @packageDocumentation
 */
import { KubesimError } from '../errors.js';

/**
 * `Strict`: refuse the write (400 BadRequest) naming each unknown field; `Warn`: drop them and
 * return one warning each; `Ignore`: drop them silently.
 */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** Options of a write that reach custom-resource admission. */
export interface CustomWriteOptions {
  /**
   * Unknown-field handling.
   * @defaultValue `'Strict'` (what `kubectl apply` sends since 1.27)
   */
  fieldValidation?: FieldValidation;
  /** Receives the write's warnings (unknown fields under Warn, deprecated versions). */
  warnings?: string[];
}

/**
 * A write under `fieldValidation: Strict` named fields the schema does not declare (HTTP 400
 * `BadRequest`). Nothing changed. `fields` are the paths (`spec.colour`).
 */
export class StrictDecodingError extends KubesimError {
  readonly fields: readonly string[];
  constructor(kind: string, version: string, fields: readonly string[]) {
    const list = fields.map((f) => `unknown field ${JSON.stringify(f)}`).join(', ');
    super(
      'BadRequest',
      `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: strict decoding error: ${list}`,
    );
    this.fields = fields;
  }
}
