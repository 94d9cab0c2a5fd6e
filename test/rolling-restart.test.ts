import { describe, expect, it } from 'vitest';
import { findNginx } from '../scripts/rolling/nginx.ts';
import { runRollingRestart } from '../scripts/rolling/run-rolling-restart.ts';

const nginx = findNginx();
const inCi = process.env.CI === 'true';
if (!nginx && !inCi) console.warn('rolling-restart.test.ts: skipped: nginx is not installed (apt-get install -y nginx); CI installs it (.ci/run)');

describe('rolling restart behind nginx (npm run rolling)', () => {
  it.runIf(nginx || inCi)(
    'loses no request and answers only as the old or the new graph while three replicas restart one by one',
    async () => {
      expect(nginx, 'nginx must be installed in CI (.ci/run installs Debian nginx)').not.toBeNull();
      const lines: string[] = [];
      const result = await runRollingRestart({
        nginx: nginx!,
        ratePerSecond: 100,
        concurrency: 4,
        maxRequests: 60_000,
        maxSeconds: 600,
        log: (line) => lines.push(line),
      });
      const summary = { ...result, log: lines };
      expect(result.failed, JSON.stringify(summary, null, 1)).toBe(0);
      expect(result.otherAnswers).toBe(0);
      expect(result.oldAnswers).toBeGreaterThan(0);
      expect(result.newAnswers).toBeGreaterThan(0);
      expect(result.restarts).toHaveLength(3);
      for (const restart of result.restarts) {
        expect(restart.exitStatus).toBe(0); // drained and exited on its own
        expect(restart.readyFalseWhileServing).toBe(true);
      }
      expect(result.ok).toBe(true);
    },
    900_000,
  );
});
