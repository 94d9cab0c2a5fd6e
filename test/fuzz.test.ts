import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';
import { graphOf, seedSource } from './helpers.ts';

// Property-based fuzzing through yoga.fetch: queries generated from the schema itself, then
// malformed documents, variables and bodies. Fixed seed and bounded runs, so CI is repeatable.
const SEED = 20_230_418;
const BUDGET_MS = 2_000;
const yoga = createTalkGraphYoga({ schema, graphs: new GraphHolder(graphOf([seedSource()])), config: serverConfigFromEnv({ LOG_LEVEL: 'silent' }) });

/** Every answer seen, for the unexpected-error report at the end. */
const unexpected: string[] = [];

interface Sent {
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** Sends one request and checks the properties every answer must have. */
async function checkAnswer(request: Sent): Promise<void> {
  const started = performance.now();
  const response = await yoga.fetch(`http://localhost${request.path ?? '/graphql'}`, {
    method: request.method ?? 'POST',
    headers: request.headers ?? { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const text = await response.text();
  const elapsed = performance.now() - started;
  expect(response.status, text.slice(0, 300)).toBeLessThan(500);
  expect(elapsed).toBeLessThan(BUDGET_MS);
  const body = JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  expect('data' in body || 'errors' in body, text.slice(0, 300)).toBe(true);
  for (const error of body.errors ?? []) if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') unexpected.push(error.message);
}

// ---- values for arguments, by input type -------------------------------------------------------

const hugeString = fc.integer({ min: 10_000, max: 60_000 }).map((n) => 'é'.repeat(n));
const anyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('Isovalent', 'cilium', 'Thomas Graf', 'ebpf', 'tetragon', 'kubecon-eu-2023', 'FRIDAY', '') },
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: hugeString },
);
const extremeInt = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom(-1, 0, 499, 500, 501, 1_000_000, 2_147_483_647, -2_147_483_648) },
);
const scalarValue: Record<string, fc.Arbitrary<string>> = {
  Int: extremeInt.map(String),
  Float: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => String(n)),
  Boolean: fc.boolean().map(String),
  String: anyString.map((s) => JSON.stringify(s)),
  ID: fc.oneof(fc.base64String({ maxLength: 40 }), anyString).map((s) => JSON.stringify(s)),
  LocalDate: fc.oneof(fc.constantFrom('2023-04-18', '2023-04-21', '2023-02-30', '0000-00-00'), anyString).map((s) => JSON.stringify(s)),
  LocalTime: fc.oneof(fc.constantFrom('09:00', '12:00', '23:59', '24:00', '9:7'), anyString).map((s) => JSON.stringify(s)),
  DateTime: fc.oneof(fc.constantFrom('2023-04-18T09:00:00+02:00', '2023-04-21T23:59:59Z', 'yesterday'), anyString).map((s) => JSON.stringify(s)),
};

function inputValue(type: GraphQLInputType, depth: number): fc.Arbitrary<string> {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return fc.array(inputValue(nullable.ofType, depth), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`);
  if (isEnumType(nullable)) return fc.constantFrom(...nullable.getValues().map((v) => v.name));
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields()).filter((f) => depth < 2 || !isInputObjectType(getNamedType(f.type)));
    return fc
      .subarray(fields, {
        minLength: fields.some((f) => isNonNullType(f.type)) ? fields.length : 0,
        maxLength: fields.some((f) => isNonNullType(f.type)) ? fields.length : Math.min(3, fields.length),
      })
      .chain((chosen) => fc.tuple(...chosen.map((f) => inputValue(f.type, depth + 1).map((v) => `${f.name}: ${v}`))))
      .map((pairs) => `{ ${pairs.join(', ')} }`);
  }
  if (isScalarType(nullable)) return scalarValue[nullable.name] ?? anyString.map((s) => JSON.stringify(s));
  return fc.constant('null');
}

// ---- selections, by walking the schema -----------------------------------------------------------

function argumentsOf(field: GraphQLField<unknown, unknown>): fc.Arbitrary<string> {
  const required = field.args.filter((a) => isNonNullType(a.type));
  const optional = field.args.filter((a) => !isNonNullType(a.type));
  return fc
    .subarray(optional, { maxLength: Math.min(3, optional.length) })
    .chain((chosen) => fc.tuple(...[...required, ...chosen].map((a) => inputValue(a.type, 0).map((v) => `${a.name}: ${v}`))))
    .map((pairs) => (pairs.length ? `(${pairs.join(', ')})` : ''));
}

function selectionOf(type: GraphQLObjectType | GraphQLInterfaceType, depth: number): fc.Arbitrary<string> {
  const fields = Object.values(type.getFields());
  const fieldArb = (field: GraphQLField<unknown, unknown>): fc.Arbitrary<string> => {
    const named = getNamedType(field.type);
    const sub = !isCompositeType(named)
      ? fc.constant('')
      : depth >= 4 || !(isObjectType(named) || isInterfaceType(named))
        ? fc.constant(' { __typename }')
        : selectionOf(named, depth + 1).map((s) => ` ${s}`);
    return fc.tuple(argumentsOf(field), sub).map(([args, selection]) => `${field.name}${args}${selection}`);
  };
  return fc
    .subarray(fields, { minLength: 1, maxLength: Math.min(depth === 0 ? 2 : 4, fields.length) })
    .chain((chosen) => fc.tuple(...chosen.map(fieldArb)))
    .map((parts) => `{ ${parts.join(' ')} }`);
}

const validQuery = selectionOf(schema.getQueryType()!, 0);

// ---- malformed input -----------------------------------------------------------------------------

const mutatedQuery = fc
  .tuple(validQuery, fc.nat(), fc.nat(), fc.constantFrom('', '{', '}', '(', ')', '"', '\\', '$', '@', '...', '#', ':', '\u0000', '\uD800'))
  .map(([query, a, b, insert]) => {
    const at = a % (query.length + 1);
    const cut = Math.min(query.length, at + (b % 10));
    return query.slice(0, at) + insert + query.slice(cut);
  });

const VARIABLE_QUERY =
  'query ($first: Int, $filter: TalkFilter, $slug: String!, $ids: [ID!]!) { talks(first: $first, filter: $filter) { totalCount } speaker(slug: $slug) { name } nodes(ids: $ids) { id } }';

describe('fuzzing the GraphQL endpoint', () => {
  it('answers 400 random valid queries generated from the schema', async () => {
    await fc.assert(
      fc.asyncProperty(validQuery, (query) => checkAnswer({ body: JSON.stringify({ query }) })),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('answers 100 malformed documents', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedQuery, fc.string({ unit: 'binary', maxLength: 200 })), (query) => checkAnswer({ body: JSON.stringify({ query }) })),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('answers 100 requests with malformed variables', async () => {
    const variables = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record(
        {
          first: fc.oneof(fc.jsonValue({ maxDepth: 1 }), extremeInt),
          filter: fc.jsonValue({ maxDepth: 3 }),
          slug: fc.oneof(anyString, fc.jsonValue({ maxDepth: 1 })),
          ids: fc.oneof(fc.array(anyString, { maxLength: 5 }), fc.jsonValue({ maxDepth: 2 })),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(variables, (vars) => checkAnswer({ body: JSON.stringify({ query: VARIABLE_QUERY, variables: vars }) })),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('answers 120 malformed bodies, content types and GET parameters', async () => {
    const contentType = fc.constantFrom(
      'application/json',
      'application/graphql',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'application/json; charset=latin1',
      '',
    );
    const post = fc
      .record({
        contentType,
        body: fc.oneof(
          fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.uint8Array({ maxLength: 300 }),
          fc
            .record(
              { query: fc.jsonValue({ maxDepth: 2 }), operationName: fc.jsonValue({ maxDepth: 1 }), extensions: fc.jsonValue({ maxDepth: 2 }) },
              { requiredKeys: [] },
            )
            .map((v) => JSON.stringify(v)),
        ),
      })
      .map(({ contentType: type, body }): Sent => ({ headers: type ? { 'content-type': type, 'x-graphql-yoga-csrf': '1' } : {}, body }));
    const get = fc
      .record(
        {
          query: fc.oneof(validQuery, fc.string({ unit: 'binary', maxLength: 100 })),
          variables: fc.string({ maxLength: 50 }),
          operationName: fc.string({ maxLength: 10 }),
        },
        { requiredKeys: ['query'] },
      )
      .map(
        (params): Sent => ({
          method: 'GET',
          path: `/graphql?${new URLSearchParams(params as Record<string, string>)}`,
          headers: { accept: 'application/json' },
        }),
      );
    await fc.assert(fc.asyncProperty(fc.oneof(post, get), checkAnswer), { seed: SEED, numRuns: 120 });
  });

  it('answers 60 requests with deeply nested variables or extensions (hostile input: 4xx, never 5xx)', async () => {
    const nested = fc
      .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('[', '{"a":'), fc.constantFrom('variables', 'extensions'), fc.constantFrom('POST', 'GET'))
      .map(([depth, open, where, method]): Sent => {
        const value = `${open.repeat(depth)}${open === '[' ? ']'.repeat(depth) : `1${'}'.repeat(depth)}`}`;
        const query = '{ talks { totalCount } }';
        if (method === 'GET')
          return {
            method,
            path: `/graphql?query=${encodeURIComponent(query)}&${where}=${encodeURIComponent(`{"x":${value}}`)}`,
            headers: { accept: 'application/json' },
          };
        return { body: `{"query":${JSON.stringify(query)},"${where}":{"x":${value}}}` };
      });
    await fc.assert(fc.asyncProperty(nested, checkAnswer), { seed: SEED, numRuns: 60 });
  });

  it('is still healthy and answering afterwards, with no unexpected (masked) errors', async () => {
    expect((await yoga.fetch('http://localhost/health')).status).toBe(200);
    expect((await yoga.fetch('http://localhost/ready')).status).toBe(200);
    const answer = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ talks { totalCount } }' }),
    });
    expect(await answer.json()).toEqual({ data: { talks: { totalCount: 16 } } });
    expect(unexpected).toEqual([]);
  });
});
