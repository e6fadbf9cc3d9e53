/**
 * Reading manifests as users write them: multi-document YAML or JSON, `kind: List` expanded.
 * @packageDocumentation
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import { ManifestParseError } from '../errors.js';
import type { KubeObjectInput } from '../objects/kinds.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses a YAML (or JSON) stream of Kubernetes manifests. Documents are separated by `---`;
 * empty documents are skipped; a `kind: List` (or `…List`) document is expanded into its `items`,
 * as kubectl does. Nothing is validated here beyond the shape: see {@link validateObject}.
 *
 * @throws ManifestParseError with the 1-based line and column of the first syntax error, or of a
 *   document that is not a mapping.
 * @example
 * parseManifests('apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n')
 * // → [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }]
 */
export function parseManifests(text: string): KubeObjectInput[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (!Array.isArray(docs)) {
    // An empty stream parses to an EmptyStream marker.
    return [];
  }
  const out: KubeObjectInput[] = [];
  docs.forEach((doc, index) => {
    const error = doc.errors[0];
    if (error !== undefined) {
      const pos = lineCounter.linePos(error.pos[0]);
      throw new ManifestParseError(firstLine(error.message), pos.line, pos.col, index);
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      // The yaml library reports some errors only while building values (an alias before its
      // anchor, an alias bomb): they are manifest errors too, never a crash.
      const at = lineCounter.linePos(doc.contents?.range[0] ?? 0);
      const message = err instanceof Error ? err.message : String(err);
      throw new ManifestParseError(firstLine(message), at.line, at.col, index);
    }
    if (value === null || value === undefined) return;
    const start = doc.contents?.range[0] ?? 0;
    const pos = lineCounter.linePos(start);
    if (!isPlainObject(value)) {
      throw new ManifestParseError(
        `document ${index + 1} is a ${Array.isArray(value) ? 'list' : typeof value}, not a Kubernetes object (a mapping with apiVersion and kind)`,
        pos.line,
        pos.col,
        index,
      );
    }
    const kind = value.kind;
    if (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(value.items)) {
      value.items.forEach((item: unknown, i: number) => {
        if (!isPlainObject(item)) {
          throw new ManifestParseError(
            `items[${i}] of the ${kind} in document ${index + 1} is not a Kubernetes object`,
            pos.line,
            pos.col,
            index,
          );
        }
        out.push(item);
      });
      return;
    }
    out.push(value);
  });
  return out;
}

function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return nl < 0 ? message : message.slice(0, nl);
}
