/**
 * Validation of manifests in kubectl's words: {@link validateObject} for a manifest as written,
 * {@link validateUpdate} for the immutable fields of an update, and the name and label checks
 * they are built from.
 * @packageDocumentation
 */
export { validateObject } from './validateObject.js';
export { validateStatus } from './status.js';
export { POD_UPDATE_MESSAGE, validateUpdate } from './validateUpdate.js';
export {
  validateAnnotations,
  validateLabels,
  TOTAL_ANNOTATION_SIZE_LIMIT_BYTES,
} from './labels.js';
export { nameValidatorFor } from './objectMeta.js';
export type { NameValidator } from './objectMeta.js';
export {
  DNS1123_LABEL_MAX_LENGTH,
  DNS1123_SUBDOMAIN_MAX_LENGTH,
  LABEL_VALUE_MAX_LENGTH,
  inclusiveRangeError,
  isDns1035Label,
  isDns1123Label,
  isDns1123Subdomain,
  isLabelValue,
  isQualifiedName,
  isValidPathSegmentName,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
} from './names.js';
export { isCIDR, isIP, isIPv4, isIPv6 } from './network.js';
export {
  FIELD_VALIDATION_MODES,
  KNOWN_FIELDS,
  StrictPatchError,
  UnmarshalError,
  applyFieldValidation,
  dropNullFields,
  findInt32Overflows,
  deriveKnownFields,
  dropUnknownFields,
  findUnknownFields,
  unknownFieldText,
} from './strict/index.js';
export type {
  DefinitionsSpec,
  FieldChild,
  FieldValidationResult,
  Int32Overflow,
  KnownFieldTable,
} from './strict/index.js';
