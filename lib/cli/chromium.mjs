// The browser tests drive Debian's Chromium (never a downloaded browser). This checks that it is
// there before `npm test` spends ten minutes on the other stages, and installs Debian's package
// when it can (as root, or with sudo that asks no password); otherwise it stops at once and names
// the one command that fixes it. `node lib/cli/chromium.mjs` runs the check on its own.
import { pathToFileURL } from 'node:url';
import { carryOut, executable, installCommand, installScript, systemFacts } from './debian.mjs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const INSTALL_SCRIPT = installScript('chromium');
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
  const install = installCommand('chromium', { isRoot, sudoWithoutPassword });
  if (install) return { action: 'install', path: DEFAULT_CHROMIUM, ...install };
  return {
    action: 'stop',
    message: `${missing} Install Debian's package with:\n\n    ${FIX_COMMAND}\n\nor set CHROMIUM_PATH to another Chromium or Chrome executable; then run npm test again.`,
  };
}

/** The facts of this machine. */
export function localFacts(env = process.env) {
  return {
    chromiumPath: env.CHROMIUM_PATH || undefined,
    executable,
    ...systemFacts(),
  };
}

/**
 * Makes sure Chromium is there, installing it when it can. Returns true when the browser tests
 * can run; otherwise prints why and what to do, and returns false.
 */
export function ensureChromium(facts = localFacts()) {
  const plan = chromiumPlan(facts);
  return carryOut(plan, {
    name: 'Chromium',
    pkg: 'chromium',
    installed: () => plan.action === 'install' && facts.executable(plan.path),
    otherwise: 'or set CHROMIUM_PATH to another Chromium or Chrome executable',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(ensureChromium() ? 0 : 1);
