// Types for debian.mjs (plain JavaScript, so `npm test` runs it without a build).
export declare function installScript(pkg: string): string;
export declare function executable(file: string): boolean;
export declare function systemFacts(): { isRoot: boolean; sudoWithoutPassword: () => boolean; hasAptGet: () => boolean };
export interface InstallCommand {
  sudo: boolean;
  command: string[];
  fix: string;
}
export declare function installCommand(pkg: string, facts: { isRoot: boolean; sudoWithoutPassword: () => boolean }): InstallCommand | null;
export declare function carryOut(
  plan: { action: 'ok' } | { action: 'stop'; message: string } | ({ action: 'install' } & InstallCommand),
  what: { name: string; pkg: string; installed: () => boolean; otherwise: string },
): boolean;
