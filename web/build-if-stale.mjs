#!/usr/bin/env node
// Builds the dashboard (npm run web:build) when web/dist is missing or older than what it is built
// from: web/src (generated gql/ aside), web's config files, schema.graphql and package-lock.json.
// Run by `npm start` (prestart) and `npm test`. `--force` always builds. Exit 1 when the build fails;
// when the build tools are not installed (npm ci --omit=dev) it warns and leaves the server to say so.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const web = import.meta.dirname;
const root = path.dirname(web);
const built = path.join(web, 'dist', 'index.html');

function newest(file) {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(file)) {
    if (entry === 'gql' && file === path.join(web, 'src')) continue;
    latest = Math.max(latest, newest(path.join(file, entry)));
  }
  return latest;
}

const inputs = ['src', 'index.html', 'vite.config.ts', 'codegen.ts', 'tsconfig.json'].map((f) => path.join(web, f));
inputs.push(path.join(root, 'schema.graphql'), path.join(root, 'package-lock.json'));
const sourceTime = Math.max(...inputs.filter((f) => existsSync(f)).map(newest));
const builtTime = existsSync(built) ? statSync(built).mtimeMs : 0;

if (!process.argv.includes('--force') && builtTime >= sourceTime) process.exit(0);
if (!existsSync(path.join(root, 'node_modules', 'vite'))) {
  console.warn('dashboard: web/dist is missing or stale and vite is not installed (npm ci installs it); / will say the dashboard is not built');
  process.exit(0);
}
console.error(builtTime ? 'dashboard: web/dist is older than web/src; rebuilding' : 'dashboard: building web/dist');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['run', '--silent', 'web:build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
process.exit(result.status ?? 1);
