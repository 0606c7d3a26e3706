// What `npm test`'s system checks (chromium.mjs, postgres.mjs) share: the facts of this machine
// that decide whether a missing Debian package can be installed from here, the command that
// installs it, and running that command.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

export const installScript = (pkg) => `apt-get update -qq && apt-get install -y -qq ${pkg}`;

export function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const succeeds = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

/** Who we are and what sudo and apt-get would do: asked only when an install is needed. */
export function systemFacts() {
  return {
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    sudoWithoutPassword: () => succeeds('sudo', ['-n', 'true']),
    hasAptGet: () => succeeds('sh', ['-c', 'command -v apt-get']),
  };
}

/**
 * How Debian's `pkg` can be installed here: as root, or through sudo that asks no password; with
 * the command to name if that fails. Null when neither is possible.
 *
 * @param {string} pkg
 * @param {{ isRoot: boolean, sudoWithoutPassword: () => boolean }} facts
 */
export function installCommand(pkg, { isRoot, sudoWithoutPassword }) {
  if (isRoot) return { sudo: false, command: ['sh', '-c', installScript(pkg)], fix: `apt-get install -y ${pkg}` };
  if (sudoWithoutPassword()) return { sudo: true, command: ['sudo', '-n', 'sh', '-c', installScript(pkg)], fix: `sudo apt-get install -y ${pkg}` };
  return null;
}

/**
 * Runs a check's plan: true when it is 'ok', or when its install runs and `installed()` then holds.
 * Otherwise prints why (the plan's message, or the install's `fix` and `otherwise`) and returns false.
 *
 * @param {{ action: 'ok' } | { action: 'stop', message: string } | { action: 'install', sudo: boolean, command: string[], fix: string }} plan
 * @param {{ name: string, pkg: string, installed: () => boolean, otherwise: string }} what
 */
export function carryOut(plan, { name, pkg, installed, otherwise }) {
  if (plan.action === 'ok') return true;
  if (plan.action === 'stop') {
    console.error(`\n${plan.message}\n`);
    return false;
  }
  console.log(`${name} is missing: installing Debian's package (${plan.sudo ? 'sudo ' : ''}${installScript(pkg)})…`);
  const run = spawnSync(plan.command[0], plan.command.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (run.status === 0 && installed()) return true;
  console.error(`\nInstalling ${name} failed. Install it with:\n\n    ${plan.fix}\n\n${otherwise}; then run npm test again.\n`);
  return false;
}
