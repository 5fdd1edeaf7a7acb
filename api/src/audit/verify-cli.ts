/**
 * `npm run audit:verify [-- options]`: recompute every audit chain and compare it with the signed
 * checkpoints; exit 1 naming every case and seq that differs, 2 when signatures could not be checked.
 *   --public-key FILE       trusted public key(s), PEM (repeatable; default AUDIT_PUBLIC_KEY, else this server's own key)
 *   --expect-checkpoint N   the newest checkpoint number recorded off the server: fewer is a finding
 *   --print-public-key      print the public key of this server's signing key and exit
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { KeyObject } from 'node:crypto';
import { type AppConfig, loadConfig } from '../config/app-config.js';
import { createDataSource } from '../database/data-source.js';
import { startEmbeddedPostgres } from '../database/embedded.js';
import { publicKeyPem, publicKeysFromPem, signingKeyFromPem } from './checkpoint-signature.js';
import { type Finding, verifyAuditTrail } from './verify-trail.js';

const MAX_LINES = 200;

function trustedKeys(config: AppConfig, files: string[]): { keys: Map<string, KeyObject> | null; source: string } {
  if (files.length) return { keys: publicKeysFromPem(files.map((f) => readFileSync(f, 'utf8')).join('\n')), source: files.join(', ') };
  if (config.audit.trustedPublicKeysPem) return { keys: publicKeysFromPem(config.audit.trustedPublicKeysPem), source: 'AUDIT_PUBLIC_KEY' };
  if (config.audit.signingKeyPem) {
    const own = signingKeyFromPem(config.audit.signingKeyPem);
    return {
      keys: new Map([[own.keyId, own.publicKey]]),
      source: "this server's own signing key — for an independent check pass the off-server copy with --public-key",
    };
  }
  return { keys: null, source: 'none' };
}

const where = (f: Finding) =>
  f.stream === null
    ? ''
    : ` at stream ${f.stream}${f.seqFrom === null ? '' : `, seq ${f.seqFrom}${f.seqTo !== null && f.seqTo !== f.seqFrom ? `–${f.seqTo}` : ''}`}${f.caseNumber ? ` (case ${f.caseNumber})` : ''}`;

async function main(): Promise<number> {
  const { values: args } = parseArgs({
    options: {
      'public-key': { type: 'string', multiple: true, default: [] },
      'expect-checkpoint': { type: 'string' },
      'print-public-key': { type: 'boolean', default: false },
    },
  });
  const config = loadConfig();
  if (args['print-public-key']) {
    if (!config.audit.signingKeyPem) {
      console.error(`No audit signing key yet (${config.audit.signingKeyFile}): the app creates it on its first start.`);
      return 2;
    }
    const key = signingKeyFromPem(config.audit.signingKeyPem);
    process.stdout.write(`# sutiao audit checkpoint key ${key.keyId}\n${publicKeyPem(key.publicKey)}`);
    return 0;
  }
  const expectCheckpoint = args['expect-checkpoint'] === undefined ? null : Number(args['expect-checkpoint']);
  if (expectCheckpoint !== null && !(Number.isInteger(expectCheckpoint) && expectCheckpoint > 0)) {
    console.error('--expect-checkpoint takes a checkpoint number');
    return 2;
  }
  const { keys, source } = trustedKeys(config, args['public-key']);
  const db = config.databaseUrl
    ? { url: config.databaseUrl, stop: async () => {} }
    : // Reads only, so as the app role; works beside a running app (its server is reused, not stopped).
      await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'sutiao', persistent: true, whenRunning: 'reuse' });
  const ds = createDataSource({ url: db.url, poolSize: 2, applicationName: 'sutiao-audit-verify' });
  try {
    await ds.initialize();
    const started = Date.now();
    const report = await verifyAuditTrail(ds, { publicKeys: keys, expectCheckpoint, checkpointMinutes: config.audit.checkpointMinutes });
    const took = Date.now() - started;
    const cp = report.checkpoints;
    if (cp.latest) {
      console.log(
        `Checkpoints: ${cp.count}, newest trusted #${cp.latest.number} (${cp.latest.scope}, signed ${cp.latest.signedAt.toISOString()}, key ${cp.latest.keyId})` +
          (cp.latestFull ? `, newest full #${cp.latestFull.number} (${cp.latestFull.signedAt.toISOString()})` : '') +
          `; signatures checked against ${source}.`,
      );
    } else {
      console.log(`Checkpoints: ${cp.count} trusted.`);
    }
    for (const f of report.findings.slice(0, MAX_LINES)) console.error(`AUDIT TRAIL BROKEN${where(f)}: ${f.problem}`);
    if (report.findings.length > MAX_LINES) console.error(`… and ${report.findings.length - MAX_LINES} more findings.`);
    if (report.uncheckpointed.length) {
      const events = report.uncheckpointed.reduce((n, u) => n + u.toSeq - u.fromSeq + 1, 0);
      const some = report.uncheckpointed
        .slice(0, 10)
        .map(
          (u) =>
            `${u.stream} seq ${u.fromSeq === u.toSeq ? u.fromSeq : `${u.fromSeq}–${u.toSeq}`}${u.caseNumber ? ` (case ${u.caseNumber})` : ''}`,
        );
      console.log(
        `Not yet checkpointed (appended after the newest checkpoint of their chain; not an error): ${events} event(s) in ${report.uncheckpointed.length} chain(s) — ` +
          `${some.join('; ')}${report.uncheckpointed.length > 10 ? '; …' : ''}`,
      );
    }
    for (const w of report.warnings) console.log(`Warning: ${w}`);
    if (report.findings.length) {
      const chains = new Set(report.findings.map((f) => f.stream).filter(Boolean)).size;
      console.error(
        `AUDIT TRAIL BROKEN: ${report.findings.length} finding(s) in ${chains} chain(s) — ${report.events} events in ${report.streams} chains checked in ${took} ms.`,
      );
      return 1;
    }
    if (cp.count && cp.signatures === 'unchecked') {
      console.error(
        `Could not check the checkpoints' signatures: no public key (pass --public-key FILE or set AUDIT_PUBLIC_KEY). Chains consistent with ${cp.count} checkpoints otherwise.`,
      );
      return 2;
    }
    console.log(`Audit trail intact: ${report.events} events in ${report.streams} chains verified in ${took} ms.`);
    return 0;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await db.stop();
  }
}

// Exit explicitly: the embedded database's exit hooks would otherwise reset the exit code.
main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
