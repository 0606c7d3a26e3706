/**
 * npm run staff:add -- EMAIL [--reset]
 *
 * Creates a staff account (or, with --reset, gives an existing one a new password and ends its
 * sessions). The password is asked for twice without echo, or read from the first line of
 * standard input when that is not a terminal:
 *
 *   printf '%s\n' "$PASSWORD" | npm run --silent staff:add -- editor@example.org
 *
 * Accounts live in the store: staff.json in the private folder (ATLAS_PRIVATE_DIR, default
 * .atlas/), or PostgreSQL when DATABASE_URL is set.
 */
import { addAccount } from '../admin/accounts';
import { MIN_PASSWORD_LENGTH } from '../admin/passwords';
import { privatePath } from '../store/paths';
import { getStore } from '../store/store';

const USAGE = 'Usage: npm run staff:add -- EMAIL [--reset]   (password from a prompt, or the first line of stdin)';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => (text += chunk));
    process.stdin.on('end', () => resolve(text.split(/\r?\n/)[0] ?? ''));
    process.stdin.on('error', reject);
  });
}

/** Asks for a password on the terminal without showing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const onData = (key: string) => {
      for (const ch of key) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function main() {
  const args = process.argv.slice(2);
  const reset = args.includes('--reset');
  const emails = args.filter((a) => !a.startsWith('--'));
  if (emails.length !== 1 || args.some((a) => a.startsWith('--') && a !== '--reset')) {
    console.error(USAGE);
    process.exit(2);
  }
  let password: string;
  if (process.stdin.isTTY) {
    password = await askHidden(`Password for ${emails[0]} (at least ${MIN_PASSWORD_LENGTH} characters): `);
    const again = await askHidden('The same password again: ');
    if (again !== password) {
      console.error('The two passwords differ; nothing was changed.');
      process.exit(1);
    }
  } else {
    password = await readStdin();
  }
  const store = await getStore();
  try {
    const { created } = await addAccount(emails[0], password, reset);
    const where = store.kind === 'postgres' ? 'the PostgreSQL store (DATABASE_URL)' : privatePath('staff.json');
    console.log(`${created ? 'Created' : 'Reset'} the staff account ${emails[0].trim().toLowerCase()} in ${where}.`);
  } catch (err) {
    console.error(`staff:add: ${(err as Error).message} Nothing was changed.`);
    process.exitCode = 1;
  } finally {
    await store.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
