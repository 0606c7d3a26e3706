/**
 * Staff accounts, in staff.json in the private folder (mode 0600). Created from the command line
 * (`npm run staff:add -- EMAIL`); there is no sign-up page. Each account has a session version:
 * signing out raises it, which ends every session of that account at once.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../store/atomic';
import { withLock } from '../store/lock';
import { hashPassword, passwordProblem } from './passwords';
import { privatePath, writablePrivatePath } from '../store/paths';

export interface Account {
  email: string;
  passwordHash: string;
  created: string;
  sessionVersion: number;
}

interface AccountFile {
  accounts: Account[];
}

const FILE = 'staff.json';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The longest address RFC 5321 allows; anything longer is refused before any other work. */
export const MAX_EMAIL_LENGTH = 254;
const lockDir = () => writablePrivatePath('accounts.lock');

/**
 * Reads, changes and writes the accounts file holding a lock, so two changes (a reset and a
 * sign-out, say) never overwrite each other. Nothing slow happens inside: hash before calling.
 */
function updateAccounts<T>(change: (accounts: Account[]) => T): Promise<T> {
  return withLock(lockDir(), async () => {
    const accounts = readAccounts();
    const result = change(accounts);
    writeAccounts(accounts);
    return result;
  });
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function readAccounts(): Account[] {
  try {
    return (JSON.parse(readFileSync(privatePath(FILE), 'utf8')) as AccountFile).accounts ?? [];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

function writeAccounts(accounts: Account[]): void {
  writeFileAtomic(writablePrivatePath(FILE), `${JSON.stringify({ accounts } satisfies AccountFile, null, 2)}\n`, { mode: 0o600 });
}

export function findAccount(email: string): Account | undefined {
  const wanted = normalizeEmail(email);
  return readAccounts().find((a) => a.email === wanted);
}

/** Creates an account, or with `reset` sets a new password (and ends its sessions). */
export async function addAccount(email: string, password: string, reset = false): Promise<{ created: boolean }> {
  const address = normalizeEmail(email);
  if (address.length > MAX_EMAIL_LENGTH || !EMAIL.test(address)) throw new Error(`“${email.slice(0, 100)}” is not an email address.`);
  const problem = passwordProblem(password);
  if (problem) throw new Error(problem);
  if (readAccounts().some((a) => a.email === address) && !reset) throw new Error(`${address} already has an account; use --reset to give it a new password.`);
  // The slow hash first, outside the lock; then the file is read again and changed under it, so
  // a sign-out or another reset meanwhile is never lost (nor a session left valid).
  const passwordHash = await hashPassword(password);
  return updateAccounts((accounts) => {
    const existing = accounts.find((a) => a.email === address);
    if (existing && !reset) throw new Error(`${address} already has an account; use --reset to give it a new password.`);
    if (existing) {
      existing.passwordHash = passwordHash;
      existing.sessionVersion++;
    } else {
      accounts.push({ email: address, passwordHash, created: new Date().toISOString(), sessionVersion: 1 });
    }
    return { created: !existing };
  });
}

/** Ends every session of the account (sign-out, or a reset from the command line). */
export async function endSessions(email: string): Promise<void> {
  const wanted = normalizeEmail(email);
  await updateAccounts((accounts) => {
    const account = accounts.find((a) => a.email === wanted);
    if (account) account.sessionVersion++;
  });
}
