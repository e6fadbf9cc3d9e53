// Writes packages/core/src/validation/strict/knownFields.generated.ts: the known fields of every
// kind, derived from the upstream OpenAPI data in packages/core/openapi/ by deriveKnownFields
// (run after `npm run build`; a test checks that the committed file is what this writes).
//
//   node scripts/gen-known-fields.mjs
/* global process, URL */
import { readFileSync, writeFileSync } from 'node:fs';
import { deriveKnownFields } from '../packages/core/dist/validation/strict/deriveKnownFields.js';
import { renderKnownFields } from '../packages/core/dist/validation/strict/renderKnownFields.js';

const root = new URL('..', import.meta.url);
const spec = JSON.parse(
  readFileSync(new URL('packages/core/openapi/kubernetes-swagger.json', root), 'utf8'),
);
const out = new URL('packages/core/src/validation/strict/knownFields.generated.ts', root);
writeFileSync(out, renderKnownFields(deriveKnownFields(spec)));
process.stdout.write(`wrote ${out.pathname}\n`);
