/**
 * Scenarios as YAML a person can read: block style, with every collection that fits on a short
 * line in flow style.
 * @packageDocumentation
 */
import { Document, visit, type Node } from 'yaml';
import type { Scenario } from '../scenario/types.js';

/** Longest collection printed on one line. */
const FLOW_WIDTH = 72;

/**
 * The scenario as YAML: block style, and each map or list whose one-line form is at most 72
 * characters on one line (`{name: web, port: 80, targetPort: http}`), so a counterexample fits on
 * a screen. The text parses back to the same scenario (`parseScenario`).
 * @example printScenario({ seed: 1, horizon: 5000, nodes: [{ count: 1 }] }) // 'seed: 1\nhorizon: 5000\nnodes:\n  - {count: 1}\n'
 */
export function printScenario(s: Scenario): string {
  const doc = new Document(JSON.parse(JSON.stringify(s)) as unknown);
  const fits = (node: Node): boolean => flowLength(node.toJSON()) <= FLOW_WIDTH;
  visit(doc, {
    Map(_key, node) {
      if (node.items.length > 0 && fits(node)) {
        node.flow = true;
        return visit.SKIP;
      }
      return undefined;
    },
    Seq(_key, node) {
      if (node.items.length > 0 && fits(node)) {
        node.flow = true;
        return visit.SKIP;
      }
      return undefined;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** About how long the value is on one line in flow style: its JSON less quotes, plus a space after each `:` and `,`. */
function flowLength(value: unknown): number {
  const json = JSON.stringify(value);
  let n = json.length;
  for (const ch of json) {
    if (ch === '"') n -= 1;
    else if (ch === ':' || ch === ',') n += 1;
  }
  return n;
}
