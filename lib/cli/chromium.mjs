// The browser tests drive Debian's Chromium (never a downloaded browser). This checks that it is
// there before `npm test` spends ten minutes on the other stages, and installs Debian's package
// when it can (as root, or with sudo that asks no password); otherwise it stops at once and names
// the one command that fixes it. `node lib/cli/chromium.mjs` runs the check on its own.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const INSTALL_SCRIPT = 'apt-get update -qq && apt-get install -y -qq chromium';
export const FIX_COMMAND = 'sudo apt-get install -y chromium';

/**
 * What to do about Chromium, from the facts (no side effects, so it can be tested):
 *   { action: 'ok', path }                        — it is there;
 *   { action: 'install', path, sudo, command, fix } — install Debian's package, as root or via sudo;
 *   { action: 'stop', message }                   — it cannot be installed from here: say how.
 *
 * @param {{ chromiumPath?: string, executable: (path: string) => boolean, isRoot: boolean,
 *   sudoWithoutPassword: () => boolean, hasAptGet: () => boolean }} facts
 */
export function chromiumPlan({ chromiumPath, executable, isRoot, sudoWithoutPassword, hasAptGet }) {
  if (chromiumPath) {
    if (executable(chromiumPath)) return { action: 'ok', path: chromiumPath };
    // An explicit choice is never overridden by an install elsewhere.
    return {
      action: 'stop',
      message: `CHROMIUM_PATH is ${chromiumPath}, which is not an executable file. Point it at a Chromium or Chrome executable, or unset it to use Debian's ${DEFAULT_CHROMIUM}.`,
    };
  }
  if (executable(DEFAULT_CHROMIUM)) return { action: 'ok', path: DEFAULT_CHROMIUM };
  const missing = `The browser tests need Chromium at ${DEFAULT_CHROMIUM}, and it is not installed.`;
  if (!hasAptGet()) {
    return { action: 'stop', message: `${missing} This system has no apt-get: install Chromium and set CHROMIUM_PATH to its executable, then run npm test again.` };
  }
  if (isRoot) return { action: 'install', path: DEFAULT_CHROMIUM, sudo: false, command: ['sh', '-c', INSTALL_SCRIPT], fix: 'apt-get install -y chromium' };
  if (sudoWithoutPassword()) return { action: 'install', path: DEFAULT_CHROMIUM, sudo: true, command: ['sudo', '-n', 'sh', '-c', INSTALL_SCRIPT], fix: FIX_COMMAND };
  return {
    action: 'stop',
    message: `${missing} Install Debian's package with:\n\n    ${FIX_COMMAND}\n\nor set CHROMIUM_PATH to another Chromium or Chrome executable; then run npm test again.`,
  };
}

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const succeeds = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

/** The facts of this machine. */
export function localFacts(env = process.env) {
  return {
    chromiumPath: env.CHROMIUM_PATH || undefined,
    executable,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    sudoWithoutPassword: () => succeeds('sudo', ['-n', 'true']),
    hasAptGet: () => succeeds('sh', ['-c', 'command -v apt-get']),
  };
}

/**
 * Makes sure Chromium is there, installing it when it can. Returns true when the browser tests
 * can run; otherwise prints why and what to do, and returns false.
 */
export function ensureChromium(facts = localFacts()) {
  const plan = chromiumPlan(facts);
  if (plan.action === 'ok') return true;
  if (plan.action === 'stop') {
    console.error(`\n${plan.message}\n`);
    return false;
  }
  console.log(`Chromium is missing: installing Debian's package (${plan.sudo ? 'sudo ' : ''}${INSTALL_SCRIPT})…`);
  const run = spawnSync(plan.command[0], plan.command.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (run.status === 0 && facts.executable(plan.path)) return true;
  console.error(`\nInstalling Chromium failed. Install it with:\n\n    ${plan.fix}\n\nor set CHROMIUM_PATH to another Chromium or Chrome executable; then run npm test again.\n`);
  return false;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(ensureChromium() ? 0 : 1);
