import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, ROOT, waitFor } from '../rolling/replica.ts';
import { parseDockerfile, type Instruction } from './dockerfile.ts';

export interface DryRunResult {
  /** What `GET /` answered: the dashboard's page when the image built it. */
  dashboardPage: { status: number; contentType: string; body: string };
  /** Seconds from spawning the image's CMD to its HEALTHCHECK passing. */
  readySeconds: number;
  talks: number;
  /** Exit status after SIGTERM (0: drained cleanly). */
  exitStatus: number | null;
  notes: string[];
  env: Record<string, string>;
  command: string[];
  exposedPort: number | null;
}

interface Stage {
  name: string;
  root: string;
  workdir: string;
  env: Record<string, string>;
}

/** `.dockerignore` patterns of the simple kinds ours uses: a name anywhere at the top, `dir/sub`, `*.ext`. */
function ignoreFilter(patterns: readonly string[]): (relative: string) => boolean {
  return (relative) =>
    !patterns.some((pattern) => {
      if (pattern.startsWith('*.')) return relative.endsWith(pattern.slice(1));
      return relative === pattern || relative.startsWith(`${pattern}/`);
    });
}

/**
 * Performs the Dockerfile's steps without a Docker engine: each stage is a folder under a temp
 * folder (container paths map below it), COPY copies from the build context (minus .dockerignore)
 * or an earlier stage, RUN runs in the stage's WORKDIR with its ENV. Then starts the last stage's
 * CMD with only its ENV (PORT moved to a free port), waits for its HEALTHCHECK command to pass,
 * queries it, and stops it with SIGTERM. What cannot be done here (the base image's own files,
 * USER) is reported in `notes`.
 */
export async function dryRunContainer(options: { log?: (line: string) => void; startTimeoutMs?: number } = {}): Promise<DryRunResult> {
  const log = options.log ?? ((line: string) => console.error(line));
  const instructions = parseDockerfile(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
  const ignorePatterns = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const keepFromContext = ignoreFilter(ignorePatterns);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'talk-graph-image-'));
  const notes: string[] = [];
  const stages: Stage[] = [];
  let stage: Stage | null = null;
  let exposedPort: number | null = null;
  let healthcheck: string[] | null = null;
  let command: string[] | null = null;
  const inStage = (s: Stage, containerPath: string) => path.join(s.root, path.posix.resolve(s.workdir, containerPath));
  try {
    for (const instruction of instructions as Instruction[]) {
      if (instruction.op === 'FROM') {
        const base = stages.find((s) => s.name === instruction.image);
        const root = path.join(dir, `stage-${stages.length}`);
        if (base) cpSync(base.root, root, { recursive: true, verbatimSymlinks: true });
        else {
          mkdirSync(root);
          if (/^node:(\d+)/.exec(instruction.image)?.[1] !== process.versions.node.split('.')[0])
            notes.push(`FROM ${instruction.image}: run with Node ${process.version}`);
        }
        stage = { name: instruction.name ?? String(stages.length), root, workdir: base?.workdir ?? '/', env: { ...base?.env } };
        stages.push(stage);
        healthcheck = null;
        command = null;
        exposedPort = null;
        log(`image: FROM ${instruction.image}${instruction.name ? ` AS ${instruction.name}` : ''}`);
        continue;
      }
      if (!stage) throw new Error('Dockerfile: an instruction before FROM');
      const current: Stage = stage;
      switch (instruction.op) {
        case 'WORKDIR':
          current.workdir = path.posix.resolve(current.workdir, instruction.path);
          mkdirSync(inStage(current, '.'), { recursive: true });
          break;
        case 'COPY': {
          const from = instruction.from === null ? null : stages.find((s) => s.name === instruction.from);
          if (instruction.from !== null && !from) throw new Error(`COPY --from=${instruction.from}: no such stage`);
          const destination = inStage(current, instruction.destination);
          for (const source of instruction.sources) {
            const sourcePath = from ? path.join(from.root, source) : path.join(ROOT, source);
            if (!from && !keepFromContext(source)) throw new Error(`COPY ${source}: excluded by .dockerignore`);
            const target =
              instruction.destination.endsWith('/') && !existsSync(`${sourcePath}/.`) ? path.join(destination, path.basename(source)) : destination;
            cpSync(sourcePath, target, {
              recursive: true,
              verbatimSymlinks: true,
              filter: (file) => from !== null || keepFromContext(path.relative(ROOT, file).split(path.sep).join('/')),
            });
          }
          break;
        }
        case 'RUN': {
          log(`image: RUN ${instruction.command}`);
          const run = spawnSync('sh', ['-c', instruction.command], {
            cwd: inStage(current, '.'),
            env: { ...process.env, ...current.env },
            stdio: ['ignore', 'inherit', 'inherit'],
          });
          if (run.status !== 0) {
            if (!/^npm ci\b/.test(instruction.command)) throw new Error(`RUN ${instruction.command}: exit status ${run.status}`);
            // No registry here: the project's installed packages (without its dev dependencies when the RUN omits them).
            const omitDev = /--omit=dev\b/.test(instruction.command);
            notes.push(`RUN ${instruction.command} failed (no registry?): copied node_modules${omitDev ? ' and ran npm prune --omit=dev --offline' : ''}`);
            cpSync(path.join(ROOT, 'node_modules'), inStage(current, 'node_modules'), { recursive: true, verbatimSymlinks: true });
            if (omitDev) execFileSync('npm', ['prune', '--omit=dev', '--offline', '--no-audit', '--no-fund'], { cwd: inStage(current, '.'), stdio: 'inherit' });
          }
          break;
        }
        case 'ENV':
          Object.assign(current.env, instruction.values);
          break;
        case 'USER':
          notes.push(`USER ${instruction.user}: not switched (the dry run runs as ${os.userInfo().username})`);
          break;
        case 'EXPOSE':
          exposedPort = instruction.port;
          break;
        case 'HEALTHCHECK':
          healthcheck = instruction.command;
          break;
        case 'CMD':
          command = instruction.command;
          break;
      }
    }
    if (!stage || !command || !healthcheck) throw new Error('Dockerfile: the last stage needs a CMD and a HEALTHCHECK');
    return await startImage(stage, command, healthcheck, exposedPort, notes, log, options.startTimeoutMs ?? 300_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `node` in an exec form is the image's node: here, this process's. */
const resolveNode = (argv: string[]) => (argv[0] === 'node' ? [process.execPath, ...argv.slice(1)] : argv);

async function startImage(
  stage: Stage,
  command: string[],
  healthcheck: string[],
  exposedPort: number | null,
  notes: string[],
  log: (line: string) => void,
  timeoutMs: number,
): Promise<DryRunResult> {
  const port = await freePort();
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: stage.root, ...stage.env, PORT: String(port) };
  const cwd = path.join(stage.root, stage.workdir);
  const [binary, ...args] = resolveNode(command);
  log(`image: CMD ${command.join(' ')} (PORT=${port} instead of ${stage.env.PORT})`);
  const started = performance.now();
  const child = spawn(binary!, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const [checkBinary, ...checkArgs] = resolveNode(healthcheck);
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`the image's CMD exited with status ${child.exitCode}`);
        return spawnSync(checkBinary!, checkArgs, { cwd, env, timeout: 3_000 }).status === 0;
      },
      'HEALTHCHECK passing',
      timeoutMs,
    );
    const readySeconds = (performance.now() - started) / 1000;
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ talks(first: 1) { totalCount } }' }),
    });
    const body = (await response.json()) as { data?: { talks: { totalCount: number } } };
    const dashboard = await fetch(`http://127.0.0.1:${port}/`, { headers: { accept: 'text/html' } });
    const dashboardPage = { status: dashboard.status, contentType: dashboard.headers.get('content-type') ?? '', body: await dashboard.text() };
    child.kill('SIGTERM');
    return { readySeconds, talks: body.data?.talks.totalCount ?? 0, dashboardPage, exitStatus: await exited, notes, env: stage.env, command, exposedPort };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}
