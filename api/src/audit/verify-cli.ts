/** `npm run audit:verify`: recompute every audit chain; exit 1 naming the first broken link. */
import { loadConfig } from '../config/app-config.js';
import { createDataSource } from '../database/data-source.js';
import { startEmbeddedPostgres } from '../database/embedded.js';
import { verifyAuditChains } from './verify.js';

async function main(): Promise<number> {
  const config = loadConfig();
  const db = config.databaseUrl
    ? { url: config.databaseUrl, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'sutiao', persistent: true });
  const ds = createDataSource({ url: db.url, poolSize: 2 });
  try {
    await ds.initialize();
    const started = Date.now();
    const result = await verifyAuditChains(ds);
    const took = Date.now() - started;
    if (result.broken) {
      const b = result.broken;
      console.error(`AUDIT CHAIN BROKEN at stream ${b.stream}, seq ${b.seq} (event id ${b.id}): ${b.problem}`);
      return 1;
    }
    console.log(`Audit trail intact: ${result.events} events in ${result.streams} chains verified in ${took} ms.`);
    return 0;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await db.stop();
  }
}

// Exit explicitly: the embedded database's exit hooks would otherwise reset the exit code.
main().then((code) => process.exit(code), (e) => { console.error(e instanceof Error ? e.message : e); process.exit(2); });
