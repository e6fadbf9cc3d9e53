import { describe, expect, it } from 'vitest';
import { GET_TABWRITER, tabwrite } from './tabwriter.js';

describe('tabwrite aligns like Go text/tabwriter', () => {
  it('pads every cell but the last of a line to the widest cell plus padding', () => {
    expect(tabwrite('A\tBB\tx\nCCC\tD\ty\n')).toBe('A    BB  x\nCCC  D   y\n');
  });

  it('applies the minimal width of kubectl get', () => {
    expect(tabwrite('NAME\tAGE\na\t5s\n', GET_TABWRITER)).toBe('NAME   AGE\na      5s\n');
  });

  it('aligns a column only over consecutive lines that have a cell in it', () => {
    const text = 'Name:\tweb\nLong label:\tx\nIPs:\n  IP:\t1\nOther:\t2\n';
    expect(tabwrite(text)).toBe(
      // `IPs:` has no cell, so it ends the first block; `  IP:` and `Other:` form the next.
      'Name:        web\nLong label:  x\nIPs:\n  IP:   1\nOther:  2\n',
    );
  });

  it('aligns a nested column within its own block (Port name and number)', () => {
    const text = 'Port:\thttp\t80/TCP\nTargetPort:\t8080/TCP\n';
    expect(tabwrite(text)).toBe('Port:        http  80/TCP\nTargetPort:  8080/TCP\n');
  });

  it('pads empty cells and keeps text after the last newline', () => {
    expect(tabwrite('\tk=v\nLabels:\tx\ntail')).toBe('         k=v\nLabels:  x\ntail');
  });
});
