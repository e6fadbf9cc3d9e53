/**
 * Strict field validation like the API server's `fieldValidation`: unknown fields found from
 * upstream's OpenAPI definitions, refused (Strict), dropped with a warning (Warn) or dropped
 * silently (Ignore).
 * @packageDocumentation
 */
export {
  FIELD_VALIDATION_MODES,
  dropUnknownFields,
  findUnknownFields,
  schemaOfObject,
  unknownFieldText,
} from './unknownFields.js';
export { StrictPatchError, goValueString } from './strictErrors.js';
export { deriveKnownFields } from './deriveKnownFields.js';
export type { DefinitionsSpec, FieldChild, KnownFieldTable } from './deriveKnownFields.js';
export { KNOWN_FIELDS } from './knownFields.generated.js';
export { applyFieldValidation } from './applyFieldValidation.js';
export type { FieldValidationResult } from './applyFieldValidation.js';
export { dropNullFields } from './nullFields.js';
export { UnmarshalError, findInt32Overflows } from './int32Fields.js';
export type { Int32Overflow } from './int32Fields.js';
