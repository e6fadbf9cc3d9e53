// The public API report: every name each package entry exports, with its declaration as the
// emitted .d.ts files give it (comments stripped), one Markdown file per entry under api/.
// `npm run api:update` rewrites the reports; `npm test` (test/apiReport.test.ts) fails when the
// built declarations and the checked-in reports differ, or when a public name has no TSDoc
// comment. Run after `npm run build`.
import console from 'node:console';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Each public entry point and its report file. */
export const ENTRIES = [
  { name: '@kubesim/core', dts: 'packages/core/dist/index.d.ts', report: 'api/core.api.md' },
  { name: '@kubesim/sim', dts: 'packages/sim/dist/index.d.ts', report: 'api/sim.api.md' },
  {
    name: '@kubesim/sim/testing',
    dts: 'packages/sim/dist/testing/index.d.ts',
    report: 'api/sim-testing.api.md',
  },
];

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

function declarationText(decl) {
  const sf = decl.getSourceFile();
  // A variable's text is its statement (`export declare const x: T;`), not just `x: T`.
  const node = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
  return printer
    .printNode(ts.EmitHint.Unspecified, node, sf)
    .replace(/^export (declare )?/, '')
    .replace(/^declare /, '');
}

let program;

/** Exported names of `entry` whose declaration has no TSDoc comment. */
export function undocumented(entry) {
  reportFor(entry); // builds the shared program
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(join(root, entry.dts));
  return checker
    .getExportsOfModule(checker.getSymbolAtLocation(file))
    .filter((sym) => {
      const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
      const decl = target.declarations?.[0];
      const node = decl !== undefined && ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
      return node === undefined || ts.getJSDocCommentsAndTags(node).length === 0;
    })
    .map((sym) => sym.name);
}

/** The report of one entry as Markdown text. */
export function reportFor(entry) {
  const file = join(root, entry.dts);
  // One program for every entry: loading the declarations once is most of the cost.
  program ??= ts.createProgram(
    ENTRIES.map((e) => join(root, e.dts)),
    {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      noEmit: true,
      noLib: true,
      types: [],
    },
  );
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(file));
  const lines = [
    `# ${entry.name}: public API`,
    '',
    'Generated from the built declarations by `npm run api:update`; do not edit by hand.',
    'A change here is a change of the public surface: review it as one.',
    '',
  ];
  const exports = checker
    .getExportsOfModule(moduleSymbol)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const sym of exports) {
    const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
    const decls = (target.declarations ?? []).map(declarationText);
    lines.push(`## ${sym.name}`, '', '```ts', ...decls, '```', '');
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--check') {
  const stale = ENTRIES.filter((e) => {
    let current = '';
    try {
      current = readFileSync(join(root, e.report), 'utf8');
    } catch {
      // a missing report is stale
    }
    return current !== reportFor(e);
  });
  for (const e of stale) {
    console.log(
      `The public API of ${e.name} changed and ${e.report} does not match it. If the change is ` +
        'intended, run `npm run api:update` and commit the report with your change.',
    );
  }
  const bare = ENTRIES.flatMap((e) => undocumented(e).map((name) => `${e.name}: ${name}`));
  for (const name of bare) console.log(`Public name without a TSDoc comment: ${name}`);
  process.exitCode = stale.length === 0 && bare.length === 0 ? 0 : 1;
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const entry of ENTRIES) {
    const out = join(root, entry.report);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, reportFor(entry));
    console.log(`wrote ${entry.report}`);
  }
}
