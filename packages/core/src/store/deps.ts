/**
 * The single place where the store reaches into sibling modules (validation, admission, selector).
 * @packageDocumentation
 */
export { validateObject, validateUpdate } from '../validation/index.js';
export { defaultObject, ServiceAllocators } from '../admission/index.js';
export { matchesSet } from '../selector/index.js';
