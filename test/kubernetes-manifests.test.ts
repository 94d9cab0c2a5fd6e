import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { serverConfigFromEnv } from '../src/server/server-config.ts';
import { parseCorsOrigins } from '../src/server/cors-policy.ts';
import { parseCacheMaxAge } from '../src/server/http-cache-plugin.ts';
import { graphOf, ROOT, seedSource, yogaOf } from './helpers.ts';

const DIR = path.join(ROOT, 'deploy', 'kubernetes');
type Manifest = { kind: string; metadata: { name: string }; spec: any };
const manifests: Manifest[] = readdirSync(DIR)
  .filter((name) => name.endsWith('.yaml'))
  .flatMap((name) =>
    parseAllDocuments(readFileSync(path.join(DIR, name), 'utf8')).map((doc) => {
      expect(doc.errors, name).toEqual([]);
      return doc.toJS() as Manifest;
    }),
  );
const byKind = (kind: string) => manifests.find((m) => m.kind === kind)!;
const deployment = byKind('Deployment');
const container = deployment.spec.template.spec.containers[0];
const env: Record<string, string> = Object.fromEntries(container.env.map((e: { name: string; value: string }) => [e.name, e.value]));

/** Environment variable names the server reads: `env.X`/`process.env.X` and the names passed to its readers, in the entry point and its configuration. */
function variablesTheServerReads(): Set<string> {
  const names = new Set<string>();
  for (const file of ['src/main.ts', 'src/server/server-config.ts', 'src/server/listen-address.ts', 'src/server/connection-limits.ts']) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const match of text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)|\benv, '([A-Z][A-Z0-9_]+)'|: '([A-Z][A-Z0-9_]+)',|\bprocess\.env\.([A-Z][A-Z0-9_]+)/g))
      names.add(match[1] ?? match[2] ?? match[3] ?? match[4]!);
  }
  return names;
}

describe('Kubernetes manifests (deploy/kubernetes)', () => {
  it('has a Deployment, Service, PodDisruptionBudget and a CPU HorizontalPodAutoscaler that name the same pods', () => {
    expect(manifests.map((m) => m.kind).sort()).toEqual(['Deployment', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Service']);
    const labels = deployment.spec.template.metadata.labels;
    expect(deployment.spec.selector.matchLabels).toEqual(labels);
    expect(byKind('Service').spec.selector).toEqual(labels);
    expect(byKind('PodDisruptionBudget').spec.selector.matchLabels).toEqual(labels);
    const hpa = byKind('HorizontalPodAutoscaler').spec;
    expect(hpa.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: deployment.metadata.name });
    expect(hpa.metrics.map((m: any) => m.resource.name)).toEqual(['cpu']);
    expect(hpa.minReplicas).toBeGreaterThanOrEqual(2);
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
  });

  it('configures the server only through variables it reads, with values it accepts', () => {
    const known = variablesTheServerReads();
    expect(known.has('PORT') && known.has('MAX_DEPTH') && known.has('SHUTDOWN_DELAY_MS')).toBe(true); // the scan finds them
    expect(Object.keys(env).filter((name) => !known.has(name))).toEqual([]);
    const config = serverConfigFromEnv(env);
    expect(config.production).toBe(true);
    expect(() => parseCorsOrigins(env.CORS_ORIGINS)).not.toThrow();
    expect(() => parseCacheMaxAge(env.CACHE_MAX_AGE)).not.toThrow();
    expect(env.HOST).toBe('0.0.0.0');
    // Grace period: the delay before closing, then at most 10 s of draining, with room to spare.
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(config.shutdownDelayMs / 1000 + 10);
  });

  it('points the ports and probes at what the server serves: PORT, /ready and /health', async () => {
    const port = container.ports.find((p: { name: string }) => p.name === 'http');
    expect(port.containerPort).toBe(Number(env.PORT));
    expect(byKind('Service').spec.ports[0].targetPort).toBe('http');
    expect(container.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
    expect(container.startupProbe.httpGet.port).toBe('http');

    const yoga = yogaOf(graphOf([seedSource()]));
    for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe]) {
      expect((await yoga.fetch(`http://localhost${probe.httpGet.path}`)).status, probe.httpGet.path).toBe(200);
    }
  });

  it('sizes memory from the measured peak (docs/deployment.md) with headroom', () => {
    const mebibytes = (value: string) => Number(value.replace(/Mi$/, '')) * (value.endsWith('Gi') ? 1024 : 1);
    expect(mebibytes(container.resources.requests.memory)).toBeGreaterThanOrEqual(138 + 64); // peak at the bundled data + the response cache's bound
    expect(mebibytes(container.resources.limits.memory)).toBeGreaterThan(mebibytes(container.resources.requests.memory));
    expect(container.resources.requests.cpu).toBeDefined(); // the HPA's utilization is relative to it
  });
});
