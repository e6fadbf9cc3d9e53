/**
 * The building blocks of `kubectl describe` output: a prefix writer with indent levels, the
 * multi-line label/annotation fields and the Events table (kubectl pkg/describe/describe.go).
 * @packageDocumentation
 */
import type { Event, ObjectMeta } from '@kubesim/core';
import { ageOf } from './humanDuration.js';
import { DESCRIBE_TABWRITER, tabwrite } from './tabwriter.js';

/**
 * Collects tab-separated lines at indent levels and aligns them on `toString()`. `flush()` ends
 * an alignment block, as kubectl does before the Events table.
 */
export class DescribeWriter {
  readonly #done: string[] = [];
  #pending = '';

  /** Writes `text` indented by two spaces per level. */
  write(level: number, text: string): void {
    this.#pending += '  '.repeat(level) + text;
  }

  /** Aligns what was written so far, independently of what follows. */
  flush(): void {
    this.#done.push(tabwrite(this.#pending, DESCRIBE_TABWRITER));
    this.#pending = '';
  }

  toString(): string {
    return this.#done.join('') + tabwrite(this.#pending, DESCRIBE_TABWRITER);
  }
}

const sortedEntries = (m: Readonly<Record<string, string>> | undefined): [string, string][] =>
  Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** `Labels:  a=b` then one `k=v` per line; `<none>` when empty (printLabelsMultiline). */
export function writeMap(
  w: DescribeWriter,
  title: string,
  m: Readonly<Record<string, string>> | undefined,
  skip: readonly string[] = [],
): void {
  const entries = sortedEntries(m).filter(([k]) => !skip.includes(k));
  if (entries.length === 0) {
    w.write(0, `${title}:\t<none>\n`);
    return;
  }
  entries.forEach(([k, v], i) => {
    w.write(0, `${i === 0 ? `${title}:` : ''}\t${k}=${v}\n`);
  });
}

/** Labels and Annotations of an object, as every describer prints them. */
export function writeLabelsAndAnnotations(w: DescribeWriter, meta: ObjectMeta): void {
  writeMap(w, 'Labels', meta.labels);
  writeMap(w, 'Annotations', meta.annotations, [
    'kubectl.kubernetes.io/last-applied-configuration',
  ]);
}

/** `k=v,k2=v2` sorted by key, or `<none>` (labels.FormatLabels). */
export function formatLabels(m: Readonly<Record<string, string>> | undefined): string {
  const entries = sortedEntries(m);
  return entries.length === 0 ? '<none>' : entries.map(([k, v]) => `${k}=${v}`).join(',');
}

const eventTime = (e: Event): string =>
  e.lastTimestamp ?? e.firstTimestamp ?? e.metadata.creationTimestamp;

/**
 * The Events section: `Events:  <none>`, or a Type/Reason/Age/From/Message table sorted by last
 * timestamp (DescribeEvents). Ages read `5s`, or `20s (x3 over 2m)` for a repeated event.
 */
export function writeEvents(w: DescribeWriter, events: readonly Event[], nowEpochMs: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => {
      const ta = eventTime(a.e);
      const tb = eventTime(b.e);
      return ta < tb ? -1 : ta > tb ? 1 : a.i - b.i;
    })
    .map((x) => x.e);
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = ageOf(e.firstTimestamp ?? e.metadata.creationTimestamp, nowEpochMs);
    const count = e.count ?? 1;
    const age =
      count > 1 ? `${ageOf(e.lastTimestamp, nowEpochMs)} (x${count} over ${first})` : first;
    w.write(
      1,
      `${e.type}\t${e.reason}\t${age}\t${e.source?.component ?? ''}\t${e.message.trim()}\n`,
    );
  }
}
