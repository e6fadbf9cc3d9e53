/**
 * `validateScenario`: every field of a scenario checked, errors naming the field's path.
 * @packageDocumentation
 */
import { ScenarioError } from '@kubesim/core';
import { BUILTIN_INVARIANT_NAMES } from '../invariants/index.js';
import type { Scenario } from './types.js';
import {
  validateAction,
  validateExternal,
  validateFault,
  validateTraffic,
} from './validateActions.js';
import { validateConfig, validateManifests, validateNodes } from './validateParts.js';
import {
  isMap,
  readDuration,
  readList,
  readMap,
  readName,
  required,
  show,
  typeName,
} from './fieldReaders.js';

/** The top-level fields of a scenario, in the order they are checked. */
const SCENARIO_FIELDS = [
  'version',
  'name',
  'seed',
  'horizon',
  'config',
  'nodes',
  'external',
  'manifests',
  'actions',
  'faults',
  'traffic',
  'invariants',
] as const;

function validateSeed(value: unknown): void {
  if (value === undefined) required('seed', 'a number or string that fixes every random choice');
  const ok =
    (typeof value === 'number' && Number.isFinite(value)) ||
    (typeof value === 'string' && value !== '');
  if (!ok) {
    throw new ScenarioError(
      'seed',
      `must be a finite number or a non-empty string, got ${show(value)}`,
    );
  }
}

function validateInvariantNames(value: unknown): void {
  const seen = new Set<string>();
  readList(value, 'invariants').forEach((name, i) => {
    const n = readName(name, `invariants[${i}]`, 'a built-in invariant name');
    if (!BUILTIN_INVARIANT_NAMES.includes(n)) {
      throw new ScenarioError(
        `invariants[${i}]`,
        `Unsupported value: ${show(n)}: one of ${BUILTIN_INVARIANT_NAMES.join(', ')}`,
      );
    }
    if (seen.has(n)) throw new ScenarioError(`invariants[${i}]`, `Duplicate value: ${show(n)}`);
    seen.add(n);
  });
}

/**
 * Checks that `input` (parsed JSON or YAML, or an object built in code) is a valid
 * {@link Scenario} and returns it typed. Unknown fields are refused at every level (a typo must not
 * be silently ignored); durations are ms or Go strings; node counts are positive whole numbers;
 * fault and action types are the known ones; actions, faults and traffic starts fall within the
 * horizon; manifests pass core `validateObject`; invariant names are built-in ones.
 *
 * Never throws anything but {@link ScenarioError}, whatever the input.
 *
 * @throws ScenarioError (code `ScenarioInvalid`) naming the first offending path, e.g.
 *   `actions[2].at: invalid duration "5x": …`, `horizon: Required value: …`, or
 *   `manifests[1].spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive`.
 * @example
 * ```ts
 * const s = validateScenario({ seed: 1, horizon: '5m', nodes: [{ count: 3 }] });
 * ```
 */
export function validateScenario(input: unknown): Scenario {
  if (!isMap(input)) {
    throw new ScenarioError(
      '',
      `a scenario must be a mapping with at least seed and horizon, got ${typeName(input)}`,
    );
  }
  const o = readMap(input, '', SCENARIO_FIELDS);
  if (o.version !== undefined && o.version !== 1) {
    throw new ScenarioError('version', `Unsupported value: ${show(o.version)}: only 1`);
  }
  if (o.name !== undefined && typeof o.name !== 'string') {
    throw new ScenarioError('name', `must be a string, got ${show(o.name)}`);
  }
  validateSeed(o.seed);
  const horizon = readDuration(o.horizon, 'horizon', "how long to run, e.g. '10m'", true);
  if (o.config !== undefined) validateConfig(o.config);
  if (o.nodes !== undefined) {
    readList(o.nodes, 'nodes').forEach((n, i) => validateNodes(n, `nodes[${i}]`));
  }
  if (o.external !== undefined) validateExternal(o.external, 'external');
  if (o.manifests !== undefined) validateManifests(o.manifests, 'manifests');
  if (o.actions !== undefined) {
    readList(o.actions, 'actions').forEach((a, i) => validateAction(a, `actions[${i}]`, horizon));
  }
  if (o.faults !== undefined) {
    readList(o.faults, 'faults').forEach((f, i) => validateFault(f, `faults[${i}]`, horizon));
  }
  if (o.traffic !== undefined) {
    readList(o.traffic, 'traffic').forEach((t, i) => validateTraffic(t, `traffic[${i}]`, horizon));
  }
  if (o.invariants !== undefined) validateInvariantNames(o.invariants);
  return o as unknown as Scenario;
}
