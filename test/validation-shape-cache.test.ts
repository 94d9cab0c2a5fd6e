import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphServer, type TalkGraphServer } from '../src/server/create-talk-graph-server.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';
import { validationShapeOf } from '../src/server/validation-shape-cache.ts';
import { graphOf, seedSource } from './helpers.ts';

const graph = graphOf([seedSource()]);

const shape = (text: string) => validationShapeOf(parse(text));

describe('validationShapeOf', () => {
  it('ignores whitespace, comments and how aliases are spelled', () => {
    const base = shape('{ a: talks(first: 2) { nodes { title } } b: speakers { totalCount } }');
    expect(shape('# explore\n{\n  x: talks(first: 2) {\n    nodes { title }\n  }\n  y: speakers { totalCount }\n}')).toBe(base);
  });

  it('keeps which fields share a response name, whether a field has an alias, field names, order and values', () => {
    const base = shape('{ a: talks { totalCount } b: talks { totalCount } }');
    expect(shape('{ a: talks { totalCount } a: talks { totalCount } }')).not.toBe(base);
    // An alias that equals another field's own name shares its response name.
    expect(shape('{ a: speakers { totalCount } speakers { totalCount } }')).not.toBe(shape('{ speakers: speakers { totalCount } speakers { totalCount } }'));
    expect(shape('{ talks { totalCount } }')).not.toBe(shape('{ a: talks { totalCount } }'));
    expect(shape('{ a: talks { totalCount } }')).not.toBe(shape('{ a: speakers { totalCount } }'));
    expect(shape('{ talks(first: 2) { totalCount } }')).not.toBe(shape('{ talks(first: 3) { totalCount } }'));
    expect(shape('query A { talks { totalCount } }')).not.toBe(shape('query B { talks { totalCount } }'));
  });
});

function start(optimizations: boolean): TalkGraphServer {
  return createTalkGraphServer({
    schema,
    graphs: new GraphHolder(graph),
    config: serverConfigFromEnv({ OPTIMIZATIONS: optimizations ? 'on' : 'off', LOG_LEVEL: 'silent' }),
    // Every text below is new; the response cache would not answer any of them, and is kept out of the comparison.
    responseCache: false,
  });
}

async function ask(server: TalkGraphServer, query: string): Promise<string> {
  const response = await server.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  return `${response.status} ${await response.text()}`;
}

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the validation shape cache in the server', () => {
  it('answers every re-aliased document exactly as a server that validates each one in full', async () => {
    // Aliases drawn from a pool that includes the fields' own names, so many documents are invalid
    // (fields that share a response name but differ) and many more differ from a valid one only in aliases.
    const next = random(14);
    const fields = ['title', 'url', 'speakers { name }', 'speakers { name organizations { name } }'];
    const aliases = ['title', 'url', 'speakers', 'a', 'b'];
    // Each base selection is sent with its aliases spelled anew four times: some spellings keep which
    // fields share a response name (the cache may answer), others make or break a clash (it must not).
    const bases = Array.from({ length: 150 }, () =>
      Array.from({ length: 3 }, () => ({ field: fields[Math.floor(next() * fields.length)]!, aliased: next() < 0.6 })),
    );
    const documents = bases.flatMap((base) =>
      Array.from({ length: 4 }, () => {
        const selections = base.map(({ field, aliased }) => (aliased ? `${aliases[Math.floor(next() * aliases.length)]}: ${field}` : field));
        return `{ talks(first: 2) { nodes { ${selections.join(' ')} } } }`;
      }),
    );
    const optimized = start(true);
    const full = start(false);
    let invalid = 0;
    for (const document of documents) {
      const [answer, expected] = await Promise.all([ask(optimized, document), ask(full, document)]);
      expect(answer, document).toBe(expected);
      if (expected.includes('"errors"')) invalid++;
    }
    // The comparison means something only if both kinds occurred and the cache answered some.
    expect(invalid).toBeGreaterThan(20);
    expect(invalid).toBeLessThan(documents.length - 20);
    expect(optimized.validationShapes!.hits).toBeGreaterThan(50);
  });

  it('validates a reformatted, re-aliased text once, and a document with errors every time', async () => {
    const server = start(true);
    const shapes = server.validationShapes!;
    const first = await ask(server, '{ a: talks(first: 1) { totalCount } }');
    expect(first).toMatch(/^200 .*"totalCount"/);
    expect([shapes.hits, shapes.misses]).toEqual([0, 1]);
    // Kept from its second pass.
    await ask(server, '{ c: talks(first: 1) { totalCount } }');
    expect([shapes.hits, shapes.misses]).toEqual([0, 2]);
    expect(await ask(server, '{\n  b: talks(first: 1) {\n    totalCount\n  }\n}')).toBe(first.replace('"a"', '"b"'));
    expect([shapes.hits, shapes.misses]).toEqual([1, 2]);
    const bad = await ask(server, '{ a: talks(first: 1) { totalCount } a: speakers { totalCount } }');
    expect(bad).toMatch(/^400 .*GRAPHQL_VALIDATION_FAILED/);
    expect(await ask(server, '{ b: talks(first: 1) { totalCount }\n b: speakers { totalCount } }')).toMatch(/^400 .*GRAPHQL_VALIDATION_FAILED/);
    expect([shapes.hits, shapes.misses]).toEqual([1, 4]);
  });

  it('is off with OPTIMIZATIONS=off', () => {
    expect(start(false).validationShapes).toBeNull();
  });
});
