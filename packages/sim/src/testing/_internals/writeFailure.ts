/**
 * Library-mode failure records: the file `kubesim run` writes, in a folder of the caller's choice.
 * @packageDocumentation
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failureRecord } from '../../scenario/failureRecord.js';
import type { ScenarioResult } from '../../scenario/runScenario.js';
import type { Violation } from '../../invariants/types.js';

/** Where failure records go unless told otherwise: `.kubesim/failures` under the working directory. */
export const DEFAULT_FAILURE_DIR = '.kubesim/failures';

/**
 * Writes `kubesim-failure-<hash>.json` (the CLI's record: scenario, seed, version, hash,
 * violations) into `dir`, creating it; returns the file's path.
 */
export function writeFailure(
  dir: string,
  result: ScenarioResult,
  violations: readonly Violation[],
): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `kubesim-failure-${result.hash}.json`);
  writeFileSync(file, `${JSON.stringify(failureRecord(result, violations), null, 2)}\n`);
  return file;
}
