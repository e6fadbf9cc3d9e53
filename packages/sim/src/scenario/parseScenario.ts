/**
 * `parseScenario`: a scenario from JSON or YAML text.
 * @packageDocumentation
 */
import { LineCounter, parseDocument } from 'yaml';
import { ManifestParseError, ScenarioError } from '@kubesim/core';
import type { Scenario } from './types.js';
import { validateScenario } from './validateScenario.js';

/**
 * Reads a scenario from JSON or YAML text (JSON is read as YAML, so both work) and validates it
 * with {@link validateScenario}.
 *
 * @throws ManifestParseError (code `ManifestParse`) with the 1-based line and column of a syntax
 *   error; ScenarioError (code `ScenarioInvalid`) naming the path of an invalid field.
 * @example
 * ```ts
 * const s = parseScenario('seed: 1\nhorizon: 5m\nnodes: [{ count: 3 }]\n');
 * ```
 */
export function parseScenario(text: string): Scenario {
  if (typeof text !== 'string') {
    throw new ScenarioError('', `a scenario is YAML or JSON text, got ${typeof text}`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error !== undefined) {
    const pos = lineCounter.linePos(error.pos[0]);
    const nl = error.message.indexOf('\n');
    throw new ManifestParseError(
      nl < 0 ? error.message : error.message.slice(0, nl),
      pos.line,
      pos.col,
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // The yaml library reports some errors only while building values (an alias before its
    // anchor, an alias bomb): they are parse errors of the file, never a crash.
    const pos = lineCounter.linePos(doc.contents?.range[0] ?? 0);
    const message = err instanceof Error ? err.message : String(err);
    const nl = message.indexOf('\n');
    throw new ManifestParseError(nl < 0 ? message : message.slice(0, nl), pos.line, pos.col);
  }
  return validateScenario(value);
}
