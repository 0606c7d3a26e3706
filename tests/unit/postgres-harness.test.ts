import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../support/postgres';

// The store's PostgreSQL tests start their own cluster with this helper; it must itself be sound.
describe('a throwaway PostgreSQL for tests', () => {
  let db: TestPostgres;
  beforeAll(async () => {
    db = await startPostgres();
  }, 90_000);
  afterAll(async () => db?.stop(), 60_000);

  it('serves SQL on its own port, in a transaction that can be rolled back', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string }>("select current_setting('server_version_num') as version");
      expect(Number(rows[0].version)).toBeGreaterThanOrEqual(150000);
      await client.query('create table t (n integer primary key)');
      await client.query('begin');
      await client.query('insert into t values (1), (2)');
      await client.query('rollback');
      await client.query('insert into t values (3)');
      expect((await client.query('select n from t order by n')).rows).toEqual([{ n: 3 }]);
      await expect(client.query('insert into t values (3)')).rejects.toThrow(/duplicate key/);
    } finally {
      await client.end();
    }
  });

  it('stops and leaves nothing behind', async () => {
    const other = await startPostgres();
    expect(other.port).not.toBe(db.port);
    expect(existsSync(other.dir)).toBe(true);
    await other.stop();
    expect(existsSync(other.dir)).toBe(false);
    const client = new pg.Client({ connectionString: other.url, connectionTimeoutMillis: 2000 });
    await expect(client.connect()).rejects.toThrow();
  }, 90_000);
});
