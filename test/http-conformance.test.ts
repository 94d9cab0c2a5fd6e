import { serverAudits, type AuditResult } from 'graphql-http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { schema } from '../src/schema/index.ts';
import { ResponseCache } from '../src/server/response-cache.ts';
import { createTalkGraphServer, createTalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';
import { graphOf, seedSource } from './helpers.ts';

// The GraphQL-over-HTTP audit suite of `graphql-http`, in-process through yoga.fetch, against the
// server as main.ts builds it: once with the development defaults, once with NODE_ENV=production.
const graph = graphOf([seedSource()]);

for (const [label, env] of [
  ['development', { NODE_ENV: 'development', LOG_LEVEL: 'silent' }],
  ['production', { NODE_ENV: 'production', LOG_LEVEL: 'silent' }],
] as const) {
  describe(`graphql-http server audits (${label})`, () => {
    const yoga = createTalkGraphYoga({ schema, graphs: new GraphHolder(graph), config: serverConfigFromEnv(env) });
    const audits = serverAudits({ url: 'http://localhost/graphql', fetchFn: yoga.fetch });

    it('has the audits it should', () => {
      expect(audits.filter((a) => /^(MUST|SHOULD) /.test(a.name)).length).toBeGreaterThan(30);
    });

    // Every MUST and SHOULD is required; the MAYs pass too (GETs work without a CSRF header).
    for (const audit of audits) {
      it(`${audit.id} ${audit.name}`, async () => {
        const result: AuditResult = await audit.fn();
        const reason = result.status === 'ok' ? '' : result.reason;
        expect({ status: result.status, reason }).toEqual({ status: 'ok', reason: '' });
      });
    }
  });
}

// The same audits over HTTP, against the Node listener main.ts serves. Each audit runs twice, so its
// second run meets the response cache's early answer where its first answer was stored.
describe('graphql-http server audits (over HTTP, with the response cache)', () => {
  const cache = new ResponseCache();
  const server = createTalkGraphServer({
    schema,
    graphs: new GraphHolder(graph),
    config: serverConfigFromEnv({ LOG_LEVEL: 'silent' }),
    responseCache: cache,
  });
  const http = createServer(server.listener);
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => http.close(resolve)));
  const audits = serverAudits({ url: () => `${base}/graphql` });

  for (const audit of audits) {
    it(`${audit.id} ${audit.name}`, async () => {
      for (const run of ['first', 'repeated']) {
        const result: AuditResult = await audit.fn();
        const reason = result.status === 'ok' ? '' : result.reason;
        expect({ run, status: result.status, reason }).toEqual({ run, status: 'ok', reason: '' });
      }
    });
  }

  it('answered some audits from the response cache', () => {
    expect(cache.stats().hits).toBeGreaterThan(3);
  });
});
