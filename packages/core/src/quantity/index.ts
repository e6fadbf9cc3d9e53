/**
 * Kubernetes resource quantities (`250m`, `1.5Gi`, `1e3`), parsed exactly.
 * @packageDocumentation
 */
export { Quantity } from './quantity.js';
export type { QuantityFormat } from './quantity.js';
export { bytes, cpuMillis, parseQuantity } from './parseQuantity.js';
export {
  QUANTITY_FORMAT_MESSAGE,
  QUANTITY_SUFFIX_MESSAGE,
  QuantityError,
} from './quantityError.js';
