/**
 * The JSONPath of a CRD's printer columns, evaluated as client-go's util/jsonpath evaluates a
 * column (`{<path>}` with missing keys allowed): fields (`.a.b`, `['a.b']`), indices and slices
 * (`[0]`, `[-1]`, `[1:3]`), wildcards (`[*]`, `.*`), recursive descent (`..name`) and filters
 * (`[?(@.type=="Ready")]`, `[?(@.x)]`). Written from the documented syntax, not ported.
 * @packageDocumentation
 */

type Step =
  | { readonly t: 'field'; readonly name: string }
  | { readonly t: 'recursive' }
  | { readonly t: 'wildcard' }
  | { readonly t: 'slice'; readonly start?: number; readonly end?: number; readonly index: boolean }
  | {
      readonly t: 'filter';
      readonly left: readonly Step[];
      readonly op: string;
      readonly right: unknown;
    };

/** A path that does not parse. */
export class JsonPathError extends Error {}

function parseLiteral(text: string): unknown {
  const t = text.trim();
  if (/^'.*'$/.test(t) || /^".*"$/.test(t)) return t.slice(1, -1);
  if (t === 'true' || t === 'false') return t === 'true';
  const n = Number(t);
  if (t !== '' && Number.isFinite(n)) return n;
  throw new JsonPathError(`unrecognized filter value ${t}`);
}

function parseFilter(body: string): Step {
  const m = /^@((?:\.[^.=!<>\s]+)*)\s*(==|!=|<=|>=|<|>)?\s*(.*)$/.exec(body.trim());
  if (m === null) throw new JsonPathError(`unrecognized filter ${body}`);
  const left = parseSteps(m[1] ?? '');
  const op = m[2];
  if (op === undefined) return { t: 'filter', left, op: 'exists', right: undefined };
  return { t: 'filter', left, op, right: parseLiteral(m[3] ?? '') };
}

function parseBracket(body: string): Step {
  const b = body.trim();
  if (b === '*') return { t: 'wildcard' };
  if (b.startsWith('?(') && b.endsWith(')')) return parseFilter(b.slice(2, -1));
  if (/^'.*'$/.test(b) || /^".*"$/.test(b)) return { t: 'field', name: b.slice(1, -1) };
  const slice = /^(-?\d*)(?::(-?\d*))?$/.exec(b);
  if (slice === null) throw new JsonPathError(`unrecognized array selector [${body}]`);
  const num = (s: string | undefined): number | undefined =>
    s === undefined || s === '' ? undefined : Number(s);
  const start = num(slice[1]);
  if (slice[2] === undefined) {
    if (start === undefined) throw new JsonPathError('empty array index');
    return start === -1
      ? { t: 'slice', start, index: true }
      : { t: 'slice', start, end: start + 1, index: true };
  }
  const end = num(slice[2]);
  return {
    t: 'slice',
    index: false,
    ...(start !== undefined ? { start } : {}),
    ...(end !== undefined ? { end } : {}),
  };
}

function parseSteps(path: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      if (path[i + 1] === '.') {
        steps.push({ t: 'recursive' });
        i += 2;
        continue;
      }
      i++;
      let name = '';
      while (i < path.length && path[i] !== '.' && path[i] !== '[') name += path.charAt(i++);
      if (name === '*') steps.push({ t: 'wildcard' });
      else if (name !== '') steps.push({ t: 'field', name });
      continue;
    }
    if (c === '[') {
      let depth = 0;
      let j = i;
      let quote: string | undefined;
      for (; j < path.length; j++) {
        const ch = path[j];
        if (quote !== undefined) {
          if (ch === quote) quote = undefined;
          continue;
        }
        if (ch === "'" || ch === '"') quote = ch;
        else if (ch === '[') depth++;
        else if (ch === ']' && --depth === 0) break;
      }
      if (j >= path.length) throw new JsonPathError(`unclosed [ in ${path}`);
      steps.push(parseBracket(path.slice(i + 1, j)));
      i = j + 1;
      continue;
    }
    // A bare name (`{status}`) reads as a field.
    let name = '';
    while (i < path.length && path[i] !== '.' && path[i] !== '[') name += path.charAt(i++);
    steps.push({ t: 'field', name });
  }
  return steps;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v as unknown[];
  if (isObject(v)) return Object.values(v);
  return [];
}

function descendants(v: unknown, out: unknown[]): void {
  const kids = children(v);
  if (kids.length === 0) return;
  out.push(v);
  for (const k of kids) descendants(k, out);
}

function compare(left: unknown, op: string, right: unknown): boolean {
  if (op === '==') return left === right;
  if (op === '!=') return left !== right;
  if (typeof left !== typeof right || (typeof left !== 'number' && typeof left !== 'string')) {
    throw new JsonPathError('cannot compare these values');
  }
  const l = left;
  const r = right as number | string;
  if (op === '<') return l < r;
  if (op === '>') return l > r;
  if (op === '<=') return l <= r;
  return l >= r;
}

function step(values: readonly unknown[], s: Step): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    if (v === null || v === undefined) continue;
    switch (s.t) {
      case 'field':
        if (isObject(v) && Object.prototype.hasOwnProperty.call(v, s.name)) out.push(v[s.name]);
        break;
      case 'wildcard':
        out.push(...children(v));
        break;
      case 'recursive':
        descendants(v, out);
        break;
      case 'slice': {
        if (!Array.isArray(v)) throw new JsonPathError('not an array');
        const arr = v as unknown[];
        const len = arr.length;
        let start = s.start ?? 0;
        let end = s.end ?? len;
        if (start < 0) start += len;
        if (end < 0) end += len;
        if (end !== start && (start >= len || end > len || start < 0)) {
          throw new JsonPathError('array index out of bounds');
        }
        out.push(...arr.slice(start, end));
        break;
      }
      case 'filter': {
        if (!Array.isArray(v)) throw new JsonPathError('not an array and cannot be filtered');
        for (const item of v as unknown[]) {
          const lefts = run([item], s.left);
          if (s.op === 'exists') {
            if (lefts.length > 0) out.push(item);
            continue;
          }
          if (lefts.length !== 1) throw new JsonPathError('can only compare one element at a time');
          if (compare(lefts[0], s.op, s.right)) out.push(item);
        }
        break;
      }
    }
  }
  return out;
}

function run(values: readonly unknown[], steps: readonly Step[]): unknown[] {
  let at: unknown[] = [...values];
  for (const s of steps) at = step(at, s);
  return at;
}

/** A parsed printer-column path. */
export interface CompiledJsonPath {
  /** Every value the path finds in `data` (missing keys find nothing); throws on a type error. */
  find(data: unknown): unknown[];
}

/** Parses a column's `jsonPath` (`.spec.size`). Throws {@link JsonPathError} when it does not parse. */
export function compileJsonPath(path: string): CompiledJsonPath {
  const steps = parseSteps(path.trim());
  return { find: (data) => run([data], steps) };
}
