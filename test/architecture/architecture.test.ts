// The package line and the shape of the import graph (README "Architecture"): core is pure and
// imports nothing from sim, the World is sealed inside sim/src/world, no file takes part in an
// import circle, and every shipped source file is reachable from an entry point.
import { describe, expect, it } from 'vitest';
import { importCircles, importGraph, sourceFiles, unreachableFiles } from './importGraph.js';

const files = sourceFiles();
const graph = importGraph(files);

describe('architecture', () => {
  it('reads the real tree (guards against a check that passes on nothing)', () => {
    expect(files).toContain('packages/core/src/index.ts');
    expect(files).toContain('packages/sim/src/world/world.ts');
    expect(graph.get('packages/sim/src/index.ts')).toContain('packages/core/src/index.ts');
  });

  it('core imports nothing from sim', () => {
    const offending = [...graph]
      .filter(([file]) => file.startsWith('packages/core/'))
      .flatMap(([file, targets]) =>
        targets.filter((t) => t.startsWith('packages/sim/')).map((t) => `${file} -> ${t}`),
      );
    expect(offending, 'core must stay pure: move the shared piece into core').toEqual([]);
  });

  it('no file outside sim/src/world imports the World itself', () => {
    const offending = [...graph]
      .filter(([file]) => !file.startsWith('packages/sim/src/world/'))
      .filter(([, targets]) => targets.includes('packages/sim/src/world/world.ts'))
      .map(([file]) => file);
    expect(offending, 'reach the simulation through a narrow interface, not World').toEqual([]);
  });

  it('has no import circles between files', () => {
    const circles = importCircles(graph).map((c) => c.join(' <-> '));
    expect(
      circles,
      'break each circle: move the shared type or function into its own file',
    ).toEqual([]);
  });

  it('finds a circle when there is one (the check itself)', () => {
    const toy = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(importCircles(toy)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('has no source file that no entry point reaches', () => {
    expect(
      unreachableFiles(graph),
      'unreachable source files: delete them, or import them from where they are used',
    ).toEqual([]);
  });
});
