import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../scripts/container/dockerfile.ts';
import { dryRunContainer } from '../scripts/container/dry-run.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';
import { ROOT } from './helpers.ts';

const instructions = parseDockerfile(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));

describe('container image definition (Dockerfile)', () => {
  it('is multi-stage on Node 24 slim and runs as a non-root user, listening on all interfaces', () => {
    const froms = instructions.filter((i) => i.op === 'FROM');
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const baseImages = froms.filter((i) => !froms.some((f) => f.name === i.image)).map((i) => i.image);
    expect(baseImages.length).toBeGreaterThanOrEqual(2);
    expect(new Set(baseImages)).toEqual(new Set(['node:24-slim']));
    const lastStage = instructions.slice(instructions.lastIndexOf(froms[froms.length - 1]!));
    const user = lastStage.find((i) => i.op === 'USER');
    expect(user && user.op === 'USER' && user.user).toBe('node');
    const env = Object.assign({}, ...lastStage.flatMap((i) => (i.op === 'ENV' ? [i.values] : []))) as Record<string, string>;
    expect(env.HOST).toBe('0.0.0.0');
    expect(() => serverConfigFromEnv(env)).not.toThrow(); // every value is one the server accepts
    expect(lastStage.some((i) => i.op === 'HEALTHCHECK' && i.command.join(' ').includes('/ready'))).toBe(true);
    expect(lastStage.some((i) => i.op === 'COPY' && i.from === 'snapshot')).toBe(true);
    expect(lastStage.some((i) => i.op === 'COPY' && i.from === 'dashboard')).toBe(true);
  });

  it('builds and starts without a Docker engine: the snapshot is made in the build, the CMD serves it, the HEALTHCHECK passes, SIGTERM exits 0', async () => {
    const lines: string[] = [];
    const result = await dryRunContainer({ log: (line) => lines.push(line) });
    expect(result.talks, lines.join('\n')).toBeGreaterThan(10); // data/: the seed post's talks
    expect(result.dashboardPage.status, result.dashboardPage.body).toBe(200); // built in the image, not 503 "not built"
    expect(result.dashboardPage.contentType).toMatch(/^text\/html/);
    expect(result.dashboardPage.body).toMatch(/<script[^>]+src="\/assets\//);
    expect(result.exitStatus).toBe(0);
    expect(result.command).toContain('--snapshot');
    expect(result.exposedPort).toBe(Number(result.env.PORT));
  }, 900_000);
});
