/**
 * The single place where the store reaches into sibling modules (validation, admission, selector).
 * @packageDocumentation
 */
export { validateObject, validateStatus, validateUpdate } from '../validation/index.js';
export { updateRuleIssues } from '../validation/validateUpdate.js';
export { defaultObject, ServiceAllocators } from '../admission/index.js';
// Internal to the write path (not part of the public admission API).
export { cloneUnfrozen } from '../admission/defaultObject.js';
export { defaultStatus } from '../admission/defaultStatus.js';
export { matchesSet } from '../selector/index.js';
// Custom resources (CRDs and the kinds they define) take their own write path; see crd/storeSeam.ts.
export {
  applyCustomResource,
  createCustomResource,
  removeCustomResourcesOf,
  updateCustomResource,
} from '../crd/storeSeam.js';
export { normalizeKindKey, resolveKindInfo } from '../crd/customKindRegistry.js';
export type { CustomWriteOptions } from '../crd/fieldValidation.js';
