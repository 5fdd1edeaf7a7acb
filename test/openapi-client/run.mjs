// `npm run test:openapi-client [-- --run URL]`: generates a TypeScript client from the OpenAPI
// document (openapi-typescript, types for openapi-fetch), type-checks lifecycle.ts against it with
// `tsc --strict` and proves it contains no cast (`as`, `<T>x`, `!`). With --run URL it also runs
// the lifecycle against a running server with the demo data (DEMO_PASSWORD or sutiao-demo).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const started = Date.now();

// 1. The document as the server serves it, and the client types generated from it.
execFileSync('npm', ['run', '--silent', 'openapi:write'], { cwd: root, stdio: 'inherit' });
mkdirSync(join(here, '.generated'), { recursive: true });
execFileSync(bin('openapi-typescript'), [join(root, 'dist/openapi.json'), '-o', join(here, '.generated/api.ts')], {
  cwd: here,
  stdio: 'pipe',
});

// 2. No casts: every value's type comes from the generated client.
const file = join(here, 'lifecycle.ts');
const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2023, true);
const casts = [];
const visit = (node) => {
  if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node)) {
    casts.push(`${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().slice(0, 60)}`);
  }
  ts.forEachChild(node, visit);
};
visit(source);
if (casts.length) {
  console.error(`lifecycle.ts has ${casts.length} cast(s):\n  ${casts.join('\n  ')}`);
  process.exit(1);
}

// 3. tsc --strict on the example and the generated client.
const run = process.argv.includes('--run') ? process.argv[process.argv.indexOf('--run') + 1] : null;
const outDir = join(here, '.generated/out'); // beside node_modules, so the emitted code finds openapi-fetch
const tscArgs = [
  '--strict',
  '--target',
  'es2023',
  '--module',
  'nodenext',
  '--moduleResolution',
  'nodenext',
  '--lib',
  'es2023,dom',
  '--types',
  'node',
];
execFileSync(bin('tsc'), [...tscArgs, ...(run ? ['--outDir', outDir] : ['--noEmit']), file], { cwd: here, stdio: 'inherit' });
console.log(
  `OpenAPI client: generated, lifecycle.ts type-checks with tsc --strict and no casts (${((Date.now() - started) / 1000).toFixed(1)} s)`,
);

// 4. Optionally, against a running server.
if (run) {
  writeFileSync(join(outDir, 'package.json'), '{"type":"module"}');
  const { lifecycle } = await import(pathToFileURL(join(outDir, 'lifecycle.js')).href);
  const c = await lifecycle(run, process.env.DEMO_PASSWORD || 'sutiao-demo');
  console.log(`OpenAPI client: lifecycle ran against ${run}: ${c.caseNumber} ${c.status}, ${c.documents.length} documents`);
}
