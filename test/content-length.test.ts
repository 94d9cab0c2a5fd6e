import { createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { DEFAULT_LIMITS, serverConfigFromEnv } from '../src/server/server-config.ts';
import { graphOf, seedSource } from './helpers.ts';

// create-talk-graph-server.ts turns Yoga's own body limit off (useBodyLimit counts the bytes) and keeps its
// Content-Length header check as useContentLengthCheck: the answers must stay Yoga's.
const ours = createTalkGraphYoga({ schema, graphs: new GraphHolder(graphOf([seedSource()])), config: serverConfigFromEnv({ LOG_LEVEL: 'silent' }) });
const yogaDefault = createYoga({ schema, maxRequestBodySize: DEFAULT_LIMITS.maxBodyBytes, logging: false });

async function answer(yoga: { fetch: (url: string, init: RequestInit) => Response | Promise<Response> }, method: 'GET' | 'POST', contentLength: string) {
  const headers = { 'content-length': contentLength, 'content-type': 'application/json', accept: 'application/graphql-response+json' };
  const response = await (method === 'GET'
    ? yoga.fetch('http://localhost/graphql?query=%7B__typename%7D', { method, headers })
    : yoga.fetch('http://localhost/graphql', { method, headers, body: '{"query":"{ __typename }"}' }));
  return { status: response.status, body: await response.text() };
}

describe('the Content-Length header check', () => {
  it.each([
    ['POST', 'abc', 400, 'BAD_REQUEST'],
    ['POST', '1,2', 400, 'BAD_REQUEST'],
    ['POST', '-1', 400, 'BAD_REQUEST'],
    ['GET', String(DEFAULT_LIMITS.maxBodyBytes + 1), 413, 'REQUEST_ENTITY_TOO_LARGE'],
  ] as const)('%s with content-length %s: %i %s, as Yoga answers', async (method, contentLength, status, code) => {
    const got = await answer(ours, method, contentLength);
    expect(got.status).toBe(status);
    expect(JSON.parse(got.body).errors[0].extensions.code).toBe(code);
    expect(got).toEqual(await answer(yogaDefault, method, contentLength));
  });
});
