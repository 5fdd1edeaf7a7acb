import pg from 'pg';

export default async function globalTeardown() {
  const adminUrl = process.env.SUTIAO_TEST_ADMIN_URL;
  const template = process.env.SUTIAO_TEST_TEMPLATE;
  if (adminUrl && template && process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${template}%`]);
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    // The run's roles own nothing once its databases are gone.
    for (const url of [process.env.SUTIAO_TEST_APP_URL, process.env.SUTIAO_TEST_OWNER_URL]) {
      if (url) await admin.query(`DROP ROLE IF EXISTS "${decodeURIComponent(new URL(url).username)}"`).catch(() => undefined);
    }
    await admin.end();
  }
  await globalThis.__SUTIAO_DB__?.stop();
}
