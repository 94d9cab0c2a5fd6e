// `npm run rolling [-- --rate 200 --concurrency 4 --max-requests 100000 --max-seconds 900]`
//
// Rolling restart with nothing lost: three replicas serve a snapshot of data/ on 127.0.0.1 behind
// Debian's nginx (run in the foreground with its own config, pid and logs in a temp folder), a
// bounded load goes through nginx, and each replica in turn gets SIGTERM (/ready turns 503, it
// drains, exits) and starts again from a new snapshot. Exit 0 when no request failed and every
// answer was the old graph's or the new graph's; 1 otherwise; 3 when nginx is not installed.
import { parseArgs } from 'node:util';
import { findNginx } from './rolling/nginx.ts';
import { runRollingRestart } from './rolling/run-rolling-restart.ts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '4' },
    'max-requests': { type: 'string', default: '100000' },
    'max-seconds': { type: 'string', default: '900' },
  },
});
const nginx = findNginx();
if (!nginx) {
  console.error('rolling: nginx is not installed (apt-get install -y nginx; or set NGINX=/path/to/nginx)');
  process.exit(3);
}
const result = await runRollingRestart({
  nginx,
  ratePerSecond: Number(values.rate),
  concurrency: Number(values.concurrency),
  maxRequests: Number(values['max-requests']),
  maxSeconds: Number(values['max-seconds']),
});
console.log(
  `rolling: ${result.ok ? 'OK' : 'FAILED'}: ${result.requests} requests in ${result.loadSeconds.toFixed(1)} s through nginx, ${result.failed} failed; ` +
    `answers: ${result.oldAnswers} old graph, ${result.newAnswers} new graph, ${result.otherAnswers} neither; ` +
    `restarts: ${result.restarts.map((r) => `drain ${r.stopSeconds.toFixed(1)} s + start ${r.startSeconds.toFixed(1)} s`).join(', ')}`,
);
for (const failure of result.firstFailures) console.log(`  ${failure}`);
process.exitCode = result.ok ? 0 : 1;
