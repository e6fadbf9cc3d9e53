/**
 * Validation of a scenario's cluster parts: config, nodes and manifests.
 * @packageDocumentation
 */
import {
  ConfigError,
  KubesimError,
  ScenarioError,
  parseManifests,
  parseQuantity,
  validateObject,
  type KubeObjectInput,
} from '@kubesim/core';
import { resolveSimConfig, type SimConfigInput } from '../engine/index.js';
import { buildNodes } from '../simulation/addNodes.js';
import type { NodeTemplate } from '../simulation/types.js';
import type { ScenarioNodes } from './types.js';
import {
  isMap,
  readInteger,
  readList,
  readMap,
  readName,
  readStringMap,
  typeName,
} from './fieldReaders.js';

/** Checks `config` with the simulation's own config reader; errors name `config.<field>`. */
export function validateConfig(value: unknown): SimConfigInput {
  if (!isMap(value)) throw new ScenarioError('config', `must be a mapping, got ${typeName(value)}`);
  try {
    resolveSimConfig(value);
  } catch (err) {
    if (err instanceof ConfigError) {
      const prefix = `config.${err.field}: `;
      const message = err.message.startsWith(prefix)
        ? err.message.slice(prefix.length)
        : err.message;
      throw new ScenarioError(`config.${err.field}`, message);
    }
    if (err instanceof KubesimError) throw new ScenarioError('config', err.message);
    throw err;
  }
  return value;
}

const NODE_FIELDS = ['count', 'zones', 'cpu', 'memory', 'pods', 'labels', 'taints'] as const;

/** Where a Node field issue lands in a `nodes[i]` entry. */
function nodeIssuePath(path: string, issuePath: string): string {
  const labels = /^metadata\.labels(.*)$/.exec(issuePath);
  if (labels) return `${path}.labels${labels[1] ?? ''}`;
  const taints = /^spec\.taints(.*)$/.exec(issuePath);
  if (taints) return `${path}.taints${taints[1] ?? ''}`;
  return path;
}

/** Checks one `nodes[i]` entry; labels and taints are checked as the Node they build. */
export function validateNodes(value: unknown, path: string): ScenarioNodes {
  const o = readMap(value, path, NODE_FIELDS);
  readInteger(o.count, `${path}.count`, 1, 'how many nodes to add');
  if (o.zones !== undefined) {
    readList(o.zones, `${path}.zones`).forEach((z, i) => {
      readName(z, `${path}.zones[${i}]`, 'a zone name');
    });
  }
  for (const field of ['cpu', 'memory'] as const) {
    const q = o[field];
    if (q === undefined) continue;
    const p = `${path}.${field}`;
    if (typeof q !== 'string') {
      throw new ScenarioError(p, `must be a quantity string such as '4' or '16Gi'`);
    }
    try {
      parseQuantity(q);
    } catch (err) {
      if (err instanceof KubesimError) throw new ScenarioError(p, err.message);
      throw err;
    }
  }
  if (o.pods !== undefined) readInteger(o.pods, `${path}.pods`, 1, 'pods per node');
  if (o.labels !== undefined) readStringMap(o.labels, `${path}.labels`);
  if (o.taints !== undefined) {
    readList(o.taints, `${path}.taints`).forEach((t, i) => {
      readMap(t, `${path}.taints[${i}]`, ['key', 'value', 'effect', 'timeAdded']);
    });
  }
  const template = o as NodeTemplate;
  const [node] = buildNodes(0, 1, template);
  const issue = validateObject(node)[0];
  if (issue !== undefined) throw new ScenarioError(nodeIssuePath(path, issue.path), issue.message);
  return o as unknown as ScenarioNodes;
}

/**
 * Checks manifests given as objects or YAML text: each must parse and pass `validateObject`;
 * an issue is reported at `<path>[i].<field>` (documents counted after `kind: List` expansion).
 */
export function validateManifests(
  value: unknown,
  path: string,
): readonly KubeObjectInput[] | string {
  let objects: readonly unknown[];
  if (typeof value === 'string') {
    try {
      objects = parseManifests(value);
    } catch (err) {
      if (err instanceof KubesimError) throw new ScenarioError(path, err.message);
      throw err;
    }
  } else {
    objects = readList(value, path);
  }
  objects.forEach((obj, i) => {
    const issue = validateObject(obj)[0];
    if (issue === undefined) return;
    const at = issue.path === '' ? `${path}[${i}]` : `${path}[${i}].${issue.path}`;
    throw new ScenarioError(at, issue.message);
  });
  return value as readonly KubeObjectInput[] | string;
}
