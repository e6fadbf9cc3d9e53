/**
 * The typed error {@link parseQuantity} and {@link Quantity.bytes} throw.
 * @packageDocumentation
 */
import { KubesimError } from '../errors.js';

/** Upstream's `ErrFormatWrong` text (apimachinery `pkg/api/resource/quantity.go`). */
export const QUANTITY_FORMAT_MESSAGE =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** Upstream's `ErrSuffix` text: the characters after the number are no known suffix. */
export const QUANTITY_SUFFIX_MESSAGE = "unable to parse quantity's suffix";

/**
 * A resource quantity could not be parsed, or does not fit the number asked for. Code
 * `InvalidQuantity`. `detail` is the upstream wording (what validation puts after the value),
 * `quantity` the text that was refused.
 *
 * @example
 * ```ts
 * try { parseQuantity('lots') } catch (e) { if (e instanceof QuantityError) console.log(e.detail) }
 * ```
 */
export class QuantityError extends KubesimError {
  /** The quantity as written. */
  readonly quantity: string;
  /** The reason in upstream's words, e.g. {@link QUANTITY_FORMAT_MESSAGE}. */
  readonly detail: string;
  constructor(quantity: string, detail: string) {
    super('InvalidQuantity', `invalid quantity ${JSON.stringify(quantity)}: ${detail}`);
    this.quantity = quantity;
    this.detail = detail;
  }
}
