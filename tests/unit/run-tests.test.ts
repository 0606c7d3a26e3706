import { describe, expect, it, vi } from 'vitest';
import { chromiumPlan, DEFAULT_CHROMIUM, FIX_COMMAND, INSTALL_SCRIPT, type ChromiumFacts } from '../../lib/cli/chromium.mjs';
import { formatDuration, STAGES, summary } from '../../lib/cli/run-tests.mjs';
import { carryOut } from '../../lib/cli/debian.mjs';
import { DEBIAN_ROOT, INSTALL_SCRIPT as PG_INSTALL_SCRIPT, postgresPlan, type PostgresFacts } from '../../lib/cli/postgres.mjs';

const never = () => {
  throw new Error('not asked');
};

/** A machine: which files are executable, who we are, what sudo and apt-get do. */
function machine(over: Partial<ChromiumFacts> & { files?: string[] } = {}): ChromiumFacts {
  const files = new Set(over.files ?? []);
  return { executable: (p) => files.has(p), isRoot: false, sudoWithoutPassword: () => false, hasAptGet: () => true, ...over };
}

describe('the Chromium check before npm test', () => {
  it('goes ahead when Debian’s Chromium is there, asking nothing else', () => {
    expect(chromiumPlan(machine({ files: [DEFAULT_CHROMIUM], sudoWithoutPassword: never, hasAptGet: never }))).toEqual({ action: 'ok', path: DEFAULT_CHROMIUM });
  });

  it('uses CHROMIUM_PATH when it points at an executable', () => {
    expect(chromiumPlan(machine({ chromiumPath: '/opt/chrome/chrome', files: ['/opt/chrome/chrome'] }))).toEqual({ action: 'ok', path: '/opt/chrome/chrome' });
  });

  it('stops when CHROMIUM_PATH points at nothing, rather than installing another browser', () => {
    const plan = chromiumPlan(machine({ chromiumPath: '/nope/chrome', files: [DEFAULT_CHROMIUM], isRoot: true }));
    expect(plan.action).toBe('stop');
    expect(plan.action === 'stop' && plan.message).toContain('CHROMIUM_PATH is /nope/chrome');
  });

  it('installs Debian’s package as root, the way CI does', () => {
    expect(chromiumPlan(machine({ isRoot: true, sudoWithoutPassword: never }))).toEqual({
      action: 'install',
      path: DEFAULT_CHROMIUM,
      sudo: false,
      command: ['sh', '-c', INSTALL_SCRIPT],
      fix: 'apt-get install -y chromium',
    });
    expect(INSTALL_SCRIPT).toBe('apt-get update -qq && apt-get install -y -qq chromium');
  });

  it('installs it with sudo when sudo needs no password', () => {
    const plan = chromiumPlan(machine({ sudoWithoutPassword: () => true }));
    expect(plan).toMatchObject({ action: 'install', sudo: true, command: ['sudo', '-n', 'sh', '-c', INSTALL_SCRIPT] });
  });

  it('otherwise stops at once, naming the one command that fixes it', () => {
    const plan = chromiumPlan(machine());
    expect(plan.action).toBe('stop');
    expect(plan.action === 'stop' && plan.message).toContain(FIX_COMMAND);
    expect(plan.action === 'stop' && plan.message).toContain('CHROMIUM_PATH');
    expect(FIX_COMMAND).toBe('sudo apt-get install -y chromium');
  });

  it('stops without apt-get, even as root', () => {
    const plan = chromiumPlan(machine({ isRoot: true, hasAptGet: () => false }));
    expect(plan.action).toBe('stop');
    expect(plan.action === 'stop' && plan.message).toMatch(/no apt-get.*CHROMIUM_PATH/);
  });
});

/** A machine for the PostgreSQL check: executable files, Debian's version folders, who we are. */
function pgMachine(over: Partial<PostgresFacts> & { files?: string[]; folders?: string[] } = {}): PostgresFacts {
  const files = new Set(over.files ?? []);
  return { executable: (p) => files.has(p), versions: () => over.folders ?? [], isRoot: false, sudoWithoutPassword: () => false, hasAptGet: () => true, ...over };
}
const debian = (v: string) => [`${DEBIAN_ROOT}/${v}/bin/initdb`, `${DEBIAN_ROOT}/${v}/bin/pg_ctl`];

describe('the PostgreSQL check before npm test', () => {
  it('goes ahead with the newest of Debian’s versions that has initdb and pg_ctl, asking nothing else', () => {
    const facts = pgMachine({ files: [...debian('15'), ...debian('16'), `${DEBIAN_ROOT}/17/bin/pg_ctl`], folders: ['15', '17', '16', 'README'], sudoWithoutPassword: never, hasAptGet: never });
    expect(postgresPlan(facts)).toEqual({ action: 'ok', bin: `${DEBIAN_ROOT}/16/bin` });
  });

  it('uses PG_BIN when it holds the programs, and stops rather than install when it does not', () => {
    expect(postgresPlan(pgMachine({ pgBin: '/opt/pg/bin', files: ['/opt/pg/bin/initdb', '/opt/pg/bin/pg_ctl'] }))).toEqual({ action: 'ok', bin: '/opt/pg/bin' });
    const plan = postgresPlan(pgMachine({ pgBin: '/nope', files: debian('15'), folders: ['15'], isRoot: true }));
    expect(plan.action).toBe('stop');
    expect(plan.action === 'stop' && plan.message).toContain('PG_BIN is /nope');
  });

  it('installs Debian’s package as root, the way CI does, and through sudo that asks no password', () => {
    expect(postgresPlan(pgMachine({ isRoot: true, sudoWithoutPassword: never }))).toEqual({ action: 'install', sudo: false, command: ['sh', '-c', PG_INSTALL_SCRIPT], fix: 'apt-get install -y postgresql' });
    expect(PG_INSTALL_SCRIPT).toBe('apt-get update -qq && apt-get install -y -qq postgresql');
    expect(postgresPlan(pgMachine({ sudoWithoutPassword: () => true }))).toMatchObject({ action: 'install', sudo: true, command: ['sudo', '-n', 'sh', '-c', PG_INSTALL_SCRIPT] });
  });

  it('stops with the command to run when it cannot install, and says what to do without apt-get', () => {
    const plan = postgresPlan(pgMachine());
    expect(plan.action === 'stop' && plan.message).toContain('sudo apt-get install -y postgresql');
    const noApt = postgresPlan(pgMachine({ isRoot: true, hasAptGet: () => false }));
    expect(noApt.action === 'stop' && noApt.message).toContain('set PG_BIN');
  });
});

describe('carrying out a check’s plan', () => {
  const what = (installed: boolean) => ({ name: 'Thing', pkg: 'thing', installed: () => installed, otherwise: 'or set THING_PATH' });
  it('is done when the install command succeeds and the program is then there', () => {
    expect(carryOut({ action: 'ok' }, what(false))).toBe(true);
    expect(carryOut({ action: 'install', sudo: false, command: ['true'], fix: 'apt-get install -y thing' }, what(true))).toBe(true);
  });

  it('fails, naming the fix, when the install fails or leaves the program missing, and on a stop', () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(carryOut({ action: 'install', sudo: false, command: ['false'], fix: 'apt-get install -y thing' }, what(true))).toBe(false);
      expect(carryOut({ action: 'install', sudo: false, command: ['true'], fix: 'apt-get install -y thing' }, what(false))).toBe(false);
      expect(carryOut({ action: 'stop', message: 'No apt-get here.' }, what(true))).toBe(false);
    } finally {
      spy.mockRestore();
      log.mockRestore();
    }
    expect(errors[0]).toContain('Installing Thing failed. Install it with:\n\n    apt-get install -y thing\n\nor set THING_PATH; then run npm test again.');
    expect(errors[1]).toContain('Installing Thing failed');
    expect(errors[2]).toContain('No apt-get here.');
  });
});

describe('the npm test summary', () => {
  it('runs the stages CI runs, in order', () => {
    expect(STAGES).toEqual(['data:check', 'typecheck', 'lint', 'test:unit', 'build', 'test:e2e', 'test:faults', 'test:cluster']);
  });

  it('formats durations in seconds, then minutes', () => {
    expect(formatDuration(940)).toBe('0.9 s');
    expect(formatDuration(21_340)).toBe('21.3 s');
    expect(formatDuration(125_400)).toBe('2 min 05 s');
  });

  it('has one line per stage with its time and status, and the total', () => {
    const lines = summary([
      { name: 'chromium', ms: 12, status: 'ok' },
      { name: 'typecheck', ms: 21_300, status: 'ok' },
      { name: 'test:e2e', ms: 300_000, status: 'FAILED' },
      { name: 'test:faults', status: 'not run' },
    ]);
    expect(lines).toEqual([
      'stage chromium         0.0 s  ok',
      'stage typecheck       21.3 s  ok',
      'stage test:e2e    5 min 00 s  FAILED',
      'stage test:faults          —  not run',
      'total             5 min 21 s  FAILED at test:e2e',
    ]);
  });
});
