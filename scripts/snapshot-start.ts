// `npm run snapshot-start -- --snapshot FILE [--runs 1]`
//
// Time to ready and peak RSS of `npm start -- --snapshot FILE` (the same node flags): spawns the
// server on 127.0.0.1, polls /ready every 20 ms, then reads the process's own peak RSS (VmHWM) and
// CPU time (utime + stime) from /proc (Linux), sends a few queries (a filter, a search) and reads
// the peak again, and stops it with SIGTERM. Each query's latency is printed: the first requests
// after ready pay for whatever a server builds lazily (derived indexes, compiled queries). CPU seconds are printed beside wall seconds because
// on a shared machine the wall time mostly measures the other processes.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { freePort, ROOT, statusOf, waitFor } from './rolling/replica.ts';

const { values } = parseArgs({ options: { snapshot: { type: 'string' }, runs: { type: 'string', default: '1' } } });
if (!values.snapshot) {
  console.error('usage: npm run snapshot-start -- --snapshot FILE [--runs N]');
  process.exit(2);
}

function peakRssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'))!;
  return Number(line.split(/\s+/)[1]) / 1024;
}

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

const QUERIES = [
  '{ talks(first: 20, filter: { topic: ["ebpf"] }) { totalCount edges { node { id title speakers { name } } } } }',
  '{ talks(first: 20, filter: { text: "scaling cilium" }) { totalCount edges { node { id } } } }',
  '{ search(query: "observability", first: 10) { score } }',
  '{ ask(question: "keynotes on Tuesday about cilium") { interpretation talks(first: 5) { totalCount } } }',
  '{ ingestReport { counts { talks } } }',
];

console.log(
  `snapshot-start: ${values.snapshot}, Node ${process.version}, ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
for (let run = 1; run <= Number(values.runs); run++) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--expose-gc', 'src/main.ts', '--snapshot', values.snapshot], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitFor(async () => (await statusOf(`http://127.0.0.1:${port}/ready`)) === 200, 'ready', 600_000);
  const readySeconds = (performance.now() - started) / 1000;
  const atReady = { rss: peakRssMiB(child.pid!), cpu: cpuSeconds(child.pid!) };
  const latencies: number[] = [];
  for (const query of QUERIES) {
    const sent = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    if (response.status !== 200) throw new Error(`query failed: ${response.status} ${await response.text()}`);
    await response.text();
    latencies.push(performance.now() - sent);
  }
  const afterQueries = peakRssMiB(child.pid!);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  console.log(
    `run ${run}: ready after ${readySeconds.toFixed(2)} s wall, ${atReady.cpu.toFixed(2)} s CPU; peak RSS ${atReady.rss.toFixed(0)} MiB at ready, ${afterQueries.toFixed(0)} MiB after ${QUERIES.length} queries (${latencies.map((ms) => ms.toFixed(0)).join(', ')} ms)`,
  );
}
