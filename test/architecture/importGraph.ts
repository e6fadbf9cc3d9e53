/**
 * The import graph of the packages' source files, read from the files themselves (static imports,
 * re-exports and literal dynamic imports). Test files and test-only support files are left out:
 * they are not part of what ships.
 * @packageDocumentation
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** The repository root. */
export const root = resolve(new URL('../..', import.meta.url).pathname);

/** The package names and their source folders. */
const PACKAGES: Readonly<Record<string, string>> = {
  '@kubesim/core': 'packages/core/src/index.ts',
  '@kubesim/core/openapi': 'packages/core/src/openapi/index.ts',
  '@kubesim/sim': 'packages/sim/src/index.ts',
  '@kubesim/sim/testing': 'packages/sim/src/testing/index.ts',
};

/**
 * Source files the repository's own scripts load from a package's build (`scripts/*.mjs` importing
 * `../packages/<pkg>/dist/<file>.js`): generators such as the known-fields table.
 */
function scriptEntries(): string[] {
  const found: string[] = [];
  for (const name of readdirSync(join(root, 'scripts'))) {
    if (!name.endsWith('.mjs')) continue;
    const text = readFileSync(join(root, 'scripts', name), 'utf8');
    for (const m of text.matchAll(/['"]\.\.\/packages\/([a-z]+)\/dist\/([^'"]+)\.js['"]/g)) {
      found.push(`packages/${m[1]}/src/${m[2]}.ts`);
    }
  }
  return found;
}

/** What users or npm load first: the package entries and the CLI's bin, and what scripts load. */
export const ENTRY_POINTS: readonly string[] = [
  ...Object.values(PACKAGES),
  'packages/sim/src/cli/main.ts',
  ...scriptEntries(),
];

/** Test files and the support files that only tests load (excluded from the packages' builds). */
export function isTestSupport(file: string): boolean {
  return (
    /\.test(-d|-helper)?\.ts$/.test(file) ||
    file.startsWith('packages/core/src/testing/') ||
    file === 'packages/core/src/store/testManifests.ts'
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    return statSync(join(root, rel)).isDirectory() ? filesUnder(rel) : [rel];
  });
}

/** Every shipped source file of the packages, repository-relative, sorted. */
export function sourceFiles(): string[] {
  return ['packages/core/src', 'packages/sim/src']
    .flatMap(filesUnder)
    .filter((f) => f.endsWith('.ts') && !isTestSupport(f))
    .sort();
}

/** The file an import specifier names, or undefined for a third-party module. */
function resolveSpecifier(from: string, spec: string): string | undefined {
  const pkg = PACKAGES[spec];
  if (pkg !== undefined) return pkg;
  if (!spec.startsWith('.')) return undefined;
  const base = relative(root, resolve(root, dirname(from), spec));
  for (const candidate of [base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}/index.ts`]) {
    if (existsSync(join(root, candidate)) && statSync(join(root, candidate)).isFile()) {
      return candidate;
    }
  }
  return undefined;
}

/** file → the files it imports (type-only imports included: they tie files together too). */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const targets = info.importedFiles
      .map((f) => resolveSpecifier(file, f.fileName))
      .filter((t): t is string => t !== undefined);
    graph.set(file, [...new Set(targets)].sort());
  }
  return graph;
}

/** The import circles: strongly connected groups of more than one file (Tarjan), each sorted. */
export function importCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      const selfLoop = (graph.get(v) ?? []).includes(v);
      if (group.length > 1 || selfLoop) circles.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return circles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** Source files no entry point reaches through imports. */
export function unreachableFiles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const seen = new Set<string>();
  const todo = [...ENTRY_POINTS];
  for (let f = todo.pop(); f !== undefined; f = todo.pop()) {
    if (seen.has(f)) continue;
    seen.add(f);
    todo.push(...(graph.get(f) ?? []));
  }
  return [...graph.keys()].filter((f) => !seen.has(f)).sort();
}
