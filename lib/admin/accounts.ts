/**
 * Staff accounts, kept by the store (staff.json in the private folder, mode 0600, or PostgreSQL's
 * staff_accounts). Created from the command line
 * (`npm run staff:add -- EMAIL`); there is no sign-up page. Each account has a session version:
 * signing out raises it, which ends every session of that account at once.
 */
import { hashPassword, passwordProblem } from './passwords';
import type { Account } from '../store/staff';
import { getStore } from '../store/store';

export type { Account };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The longest address RFC 5321 allows; anything longer is refused before any other work. */
export const MAX_EMAIL_LENGTH = 254;

/**
 * Reads, changes and writes the accounts with nothing else changing them meanwhile, so two
 * changes (a reset and a sign-out, say) never overwrite each other. Nothing slow happens inside:
 * hash before calling.
 */
async function updateAccounts<T>(change: (accounts: Account[]) => T): Promise<T> {
  return (await getStore()).staff.updateAccounts(change);
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function readAccounts(): Promise<Account[]> {
  return (await getStore()).staff.accounts();
}

export async function findAccount(email: string): Promise<Account | undefined> {
  const wanted = normalizeEmail(email);
  return (await readAccounts()).find((a) => a.email === wanted);
}

/** Creates an account, or with `reset` sets a new password (and ends its sessions). */
export async function addAccount(email: string, password: string, reset = false): Promise<{ created: boolean }> {
  const address = normalizeEmail(email);
  if (address.length > MAX_EMAIL_LENGTH || !EMAIL.test(address)) throw new Error(`“${email.slice(0, 100)}” is not an email address.`);
  const problem = passwordProblem(password);
  if (problem) throw new Error(problem);
  if ((await readAccounts()).some((a) => a.email === address) && !reset) throw new Error(`${address} already has an account; use --reset to give it a new password.`);
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
