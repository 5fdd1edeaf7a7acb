// Installs dependencies when node_modules is missing or older than package-lock.json, so that
// `npm start` and `npm test` work on a fresh clone. (npm ci can reject a lockfile made against a
// registry mirror lacking other platforms' optional packages; npm install is the fallback.)
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  console.log('Installing dependencies (first run) …');
  const opts = { stdio: 'inherit', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } };
  try {
    // Quietly: on this registry mirror `npm ci` may refuse the lockfile, which is expected.
    execSync('npm ci --no-audit --no-fund', { ...opts, stdio: 'pipe' });
  } catch {
    console.log('npm ci could not use the lockfile as is; running npm install instead …');
    execSync('npm install --no-audit --no-fund', opts);
  }
}

// `npm test` also needs a browser, CJK fonts and poppler from the OS.
if (process.env.npm_lifecycle_event === 'pretest') await import('./ensure-os-packages.mjs');
