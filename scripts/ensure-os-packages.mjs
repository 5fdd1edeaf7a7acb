// The OS packages `npm test` needs, from Debian's apt when they are missing and we are root:
// Chromium (browser tests; never a tool's own browser download), CJK fonts (Chinese in
// screenshots) and poppler (pdftotext/pdffonts read the generated PDFs back).
// Not root and missing: say which, and how to install them, then let the tests report it.
import { execSync, spawnSync } from 'node:child_process';

const has = (cmd) => spawnSync('sh', ['-c', cmd], { stdio: 'ignore' }).status === 0;
const need = [];
if (!has('command -v chromium')) need.push('chromium');
if (!has("fc-list 2>/dev/null | grep -qi 'Noto.*CJK'")) need.push('fonts-noto-cjk');
if (!has('command -v pdftotext')) need.push('poppler-utils');

if (need.length) {
  if (process.getuid?.() === 0 && has('command -v apt-get')) {
    console.log(`Installing OS packages for the tests: ${need.join(' ')} …`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execSync('apt-get update -qq', { stdio: 'inherit', env });
    execSync(`apt-get install -y -qq --no-install-recommends ${need.join(' ')} >/dev/null`, { stdio: 'inherit', env });
  } else {
    console.warn(`Missing OS packages for the tests: ${need.join(' ')} — install them with: sudo apt-get install ${need.join(' ')}`);
  }
}
