/**
 * Staff accounts, in staff.json in the private folder (mode 0600). Created from the command line
 * (`npm run staff:add -- EMAIL`); there is no sign-up page. Each account has a session version:
 * signing out raises it, which ends every session of that account at once.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomic';
import { hashPassword, passwordProblem } from './passwords';
import { privatePath, writablePrivatePath } from './paths';

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
  if (!EMAIL.test(address)) throw new Error(`“${email}” is not an email address.`);
  const problem = passwordProblem(password);
  if (problem) throw new Error(problem);
  const accounts = readAccounts();
  const existing = accounts.find((a) => a.email === address);
  if (existing && !reset) throw new Error(`${address} already has an account; use --reset to give it a new password.`);
  const passwordHash = await hashPassword(password);
  if (existing) {
    existing.passwordHash = passwordHash;
    existing.sessionVersion++;
  } else {
    accounts.push({ email: address, passwordHash, created: new Date().toISOString(), sessionVersion: 1 });
  }
  writeAccounts(accounts);
  return { created: !existing };
}

/** Ends every session of the account (sign-out). */
export function endSessions(email: string): void {
  const accounts = readAccounts();
  const account = accounts.find((a) => a.email === normalizeEmail(email));
  if (!account) return;
  account.sessionVersion++;
  writeAccounts(accounts);
}
