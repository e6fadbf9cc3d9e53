/**
 * Column alignment as Go's `text/tabwriter` does it for kubectl: cells end at a tab, a column
 * block is a run of consecutive lines that all have a cell in that column, and each cell of a
 * block is padded to the block's widest cell plus `padding` (at least `minWidth`). The last cell
 * of a line is never padded.
 * @packageDocumentation
 */

/** Options of {@link tabwrite}. */
export interface TabwriterConstraints {
  /**
   * Minimal cell width including padding.
   * @defaultValue 0
   */
  readonly minWidth?: number;
  /**
   * Spaces added to the widest cell of a column block.
   * @defaultValue 2
   */
  readonly padding?: number;
}

/** kubectl get's writer: `tabwriter.NewWriter(out, 6, 4, 3, ' ', 0)`. */
export const GET_TABWRITER: TabwriterConstraints = { minWidth: 6, padding: 3 };
/** kubectl describe's writer: `tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)`. */
export const DESCRIBE_TABWRITER: TabwriterConstraints = { minWidth: 0, padding: 2 };

// Go's tabwriter counts runes (utf8.RuneCount), i.e. code points, not graphemes.
// eslint-disable-next-line @typescript-eslint/no-misused-spread
const width = (s: string): number => [...s].length;

/**
 * Aligns tab-separated text. Every line should end with `\n`; the text after the last newline is
 * kept as one unaligned line.
 *
 * @example tabwrite('A\tBB\nCCC\tD\n') === 'A    BB\nCCC  D\n'
 */
export function tabwrite(text: string, opts: TabwriterConstraints = {}): string {
  const minWidth = opts.minWidth ?? 0;
  const padding = opts.padding ?? 2;
  const raw = text.split('\n');
  const trailing = raw.pop() ?? '';
  const lines = raw.map((l) => l.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i] ?? [];
      let s = '';
      cells.forEach((cell, j) => {
        s += cell;
        const w = widths[j];
        if (w !== undefined && j < cells.length - 1) s += ' '.repeat(Math.max(0, w - width(cell)));
      });
      out.push(s);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= (lines[i]?.length ?? 0) - 1) continue;
      writeLines(start, i);
      let w = minWidth;
      let end = i;
      for (; end < line1; end++) {
        const cells = lines[end] ?? [];
        if (column >= cells.length - 1) break;
        w = Math.max(w, width(cells[column] ?? '') + padding);
      }
      widths.push(w);
      format(i, end);
      widths.pop();
      start = end;
      i = end - 1;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.map((l) => `${l}\n`).join('') + trailing;
}
