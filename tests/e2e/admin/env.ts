/** Where the staff-pages test server keeps its data and private folders, and who can sign in. */
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ADMIN_PORT = Number(process.env.E2E_ADMIN_PORT ?? 3101);
export const ADMIN_ROOT = path.join(tmpdir(), `atlas-e2e-admin-${ADMIN_PORT}`);
export const ADMIN_DATA = path.join(ADMIN_ROOT, 'data');
export const ADMIN_PRIVATE = path.join(ADMIN_ROOT, 'private');
export const STAFF = { email: 'staff@example.org', password: 'a long test password' };
/** A second account, for the rate-limit test (so the main one is never locked out). */
export const LOCKED = { email: 'locked@example.org', password: 'another test password' };
/** A third, for the sign-out test (signing out ends every session of the account). */
export const LEAVER = { email: 'leaver@example.org', password: 'a third test password' };
