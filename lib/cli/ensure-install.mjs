// Runs `npm ci` when dependencies are missing or older than package-lock.json, so `npm test`
// works as the first command on a fresh clone too.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs) {
  console.log('Installing dependencies (npm ci)…');
  execSync('npm ci', { stdio: 'inherit' });
}
