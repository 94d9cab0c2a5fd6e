// `npm run container-dry-run`
//
// The Dockerfile's steps without a Docker engine (see scripts/container/dry-run.ts): builds each
// stage into a temp folder (npm ci --omit=dev, the snapshot), starts the image's CMD with the
// image's ENV, waits for its HEALTHCHECK, queries it, stops it with SIGTERM. Exit 0 when all of
// that worked.
import { dryRunContainer } from './container/dry-run.ts';

const result = await dryRunContainer();
for (const note of result.notes) console.log(`container-dry-run: note: ${note}`);
const ok = result.talks > 0 && result.exitStatus === 0;
console.log(
  `container-dry-run: ${ok ? 'OK' : 'FAILED'}: HEALTHCHECK passed ${result.readySeconds.toFixed(1)} s after CMD started; ${result.talks} talks served; exit status ${result.exitStatus} after SIGTERM`,
);
process.exitCode = ok ? 0 : 1;
