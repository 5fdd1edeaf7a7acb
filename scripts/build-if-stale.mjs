// Rebuilds the web app and the API only when their sources changed since the last build,
// so a second `npm start` is quick. `--force` always builds.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

const targets = [
  {
    name: 'web',
    stamp: 'dist/.web-stamp',
    inputs: ['web', 'api/src/rules', 'angular.json', 'package-lock.json'],
    cmd: 'npm run build:web',
  },
  {
    name: 'api',
    stamp: 'dist/.api-stamp',
    inputs: ['api/src', 'templates', 'tsconfig.json', 'package-lock.json'],
    cmd: 'npm run build:api',
  },
];
const force = process.argv.includes('--force');
// `--only api`: just the API (scripts that need dist/api but not the web app, e.g. openapi:write).
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
for (const t of targets) {
  if (only && t.name !== only) continue;
  const built = existsSync(t.stamp) ? statSync(t.stamp).mtimeMs : 0;
  if (!force && built > Math.max(...t.inputs.map(newest))) continue;
  execSync(t.cmd, { stdio: 'inherit', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } });
  writeFileSync(t.stamp, new Date().toISOString());
}
