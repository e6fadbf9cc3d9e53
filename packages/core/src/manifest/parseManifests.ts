/**
 * Reading manifests as users write them: multi-document YAML or JSON, `kind: List` expanded.
 * @packageDocumentation
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import { ManifestParseError } from '../errors.js';
import type { KubeObjectInput } from '../objects/kinds.js';

/** Limits on manifest text, checked before the YAML parser reads it. */
export interface ManifestLimits {
  /** Longest text, in UTF-16 code units. @defaultValue 64 Mi */
  readonly maxLength?: number;
  /** Deepest nesting of mappings and sequences. @defaultValue 200 */
  readonly maxDepth?: number;
}

const DEFAULT_MAX_LENGTH = 64 * 1024 * 1024;
const DEFAULT_MAX_DEPTH = 200;

/**
 * Refuses text nested deeper than `maxDepth` before the YAML parser sees it: the parser recurses
 * (and its documents grow) with the nesting, so 20,000 nested `[` would exhaust the stack or the
 * heap. Flow collections count their open brackets outside quotes; block collections count the
 * indentation levels open on the line. The count may exceed the real depth a little (a key and a
 * sequence at one indent), never fall short by more than the compact `- a:` forms.
 */
function checkNesting(text: string, maxDepth: number): void {
  const indents: number[] = [];
  let flow = 0;
  let line = 1;
  let col = 0;
  let atLineStart = true;
  let indent = 0;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    col += 1;
    if (c === '\n') {
      line += 1;
      col = 0;
      atLineStart = true;
      indent = 0;
      if (quote === "'") quote = undefined;
      continue;
    }
    if (atLineStart) {
      if (c === ' ' || c === '-' || c === '\t') {
        indent += 1;
        continue;
      }
      atLineStart = false;
      if (c === '#' || flow > 0) continue;
      while ((indents.at(-1) ?? -1) >= indent) indents.pop();
      indents.push(indent);
    }
    if (quote !== undefined) {
      if (c === '\\' && quote === '"') i += 1;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ')) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i += 1;
    } else if (c === '[' || c === '{') flow += 1;
    else if ((c === ']' || c === '}') && flow > 0) flow -= 1;
    if (flow + indents.length > maxDepth) {
      throw new ManifestParseError(
        `nesting deeper than ${maxDepth} levels (config maxNestingDepth)`,
        line,
        col,
        0,
      );
    }
  }
}

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
export function parseManifests(text: string, limits: ManifestLimits = {}): KubeObjectInput[] {
  if (typeof text !== 'string') {
    throw new ManifestParseError(`manifest text must be a string, got ${typeof text}`, 1, 1, 0);
  }
  const maxLength = limits.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength) {
    throw new ManifestParseError(
      `manifest text is ${text.length} characters long, more than the limit of ${maxLength} (config maxManifestLength)`,
      1,
      1,
      0,
    );
  }
  checkNesting(text, limits.maxDepth ?? DEFAULT_MAX_DEPTH);
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
