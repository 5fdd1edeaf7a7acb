import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { createDataSource } from './database/data-source.js';
import { startEmbeddedPostgres, type RunningDatabase } from './database/embedded.js';
import { seedDemo } from './seed/demo-seed.js';

async function main(): Promise<void> {
  const started = Date.now();
  const logger = new Logger('sutiao');
  // `npm start` is the demo: seed an empty database unless DEMO_SEED=0.
  const config = loadConfig({ DEMO_SEED: '1', ...process.env });
  let db: RunningDatabase;
  if (config.databaseUrl) {
    db = { url: config.databaseUrl, stop: async () => {} };
  } else {
    db = await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'sutiao', persistent: true, log: (m) => logger.warn(m) });
    logger.log(`Embedded PostgreSQL running with data in ${config.dataDir}/pg`);
  }
  const stopDb = async () => { await db.stop().catch(() => {}); };
  try {
    const ds = createDataSource({ url: db.url, poolSize: 2, applicationName: 'sutiao-migrate' });
    await ds.initialize();
    const applied = await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
    if (applied.length) logger.log(`Applied ${applied.length} migration(s)`);

    const app = await createApp({ config, databaseUrl: db.url });
    if (config.demoSeed) await seedDemo(app, config);
    await app.listen(config.port);
    const url = `http://localhost:${config.port}`;
    logger.log(`sutiao ready in ${((Date.now() - started) / 1000).toFixed(1)} s — open ${url}  (API ${url}/api, docs ${url}/api/docs)`);
    if (config.demoSeed) logger.log(`Demo accounts: clerk1 · mediator001 · judge1 · stats1 · admin — password "${config.demoPassword}"`);
    const shutdown = async (signal: string) => {
      logger.log(`${signal}: stopping`);
      await app.close().catch(() => {});
      await stopDb();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (e) {
    await stopDb();
    throw e;
  }
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? `Configuration error: ${e.message}` : e);
  process.exit(1);
});
