/**
 * The PostgreSQL store's change counter, followed from outside Next (for the replay cache in
 * lib/cli/serve.mjs): LISTEN atlas_store, which every change notifies, and a look at the counter
 * every half second in case the listening connection dropped. While the database cannot be
 * reached the value is unknown (null), and nothing is replayed.
 */
import pg from 'pg';

const POLL_MS = 500;

/**
 * @param {string} url
 * @param {{ now?: () => number }} [options]
 * @returns {{ current: () => { value: string, changedAt: number } | null, stop: () => Promise<void> }}
 */
export function watchPostgres(url, { now = Date.now } = {}) {
  /** @type {{ value: string, changedAt: number } | null} */
  let state = null;
  /** @type {pg.Client | null} */
  let client = null;
  let stopped = false;
  /** @type {NodeJS.Timeout | null} */
  let timer = null;

  const see = (value) => {
    if (!state || state.value !== value) state = { value, changedAt: now() };
  };

  async function connect() {
    const c = new pg.Client({ connectionString: url });
    c.on('error', () => drop(c));
    c.on('end', () => drop(c));
    c.on('notification', (n) => {
      if (n.channel === 'atlas_store' && n.payload) see(`g${n.payload}`);
    });
    await c.connect();
    await c.query('LISTEN atlas_store');
    client = c;
  }

  function drop(c) {
    if (client === c) client = null;
    state = null;
    c.end().catch(() => {});
  }

  async function poll() {
    try {
      if (!client) await connect();
      const { rows } = await /** @type {pg.Client} */ (client).query('SELECT generation FROM store_state');
      if (rows[0]) see(`g${rows[0].generation}`);
      else state = null;
    } catch {
      state = null;
      if (client) drop(client);
    } finally {
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    }
  }
  void poll();

  return {
    current: () => state,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}
