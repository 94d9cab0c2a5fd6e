import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { BUNDLED_DATA_DIR } from '../src/ingest/read-data-dir.ts';
import { loadGraph } from '../src/load-graph.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { EXAMPLE_QUERIES } from '../src/server/example-queries.ts';
import { EXAMPLE_BLOCK, exampleFiles } from './support/readme-blocks.ts';

const { graph } = await loadGraph([BUNDLED_DATA_DIR]);
const yoga = createTalkGraphYoga({ schema, graphs: new GraphHolder(graph) });

async function answerOf(query: string): Promise<{ data?: unknown; errors?: unknown }> {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

/** Talks, lists and objects in an answer: an answer of only nulls, zeros and empty lists shows nothing. */
function showsSomething(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value !== null && typeof value === 'object') return Object.values(value).some(showsSomething);
  return typeof value === 'string' || (typeof value === 'number' && value > 0);
}

const files = exampleFiles().map((file) => ({ ...file, text: readFileSync(file.path, 'utf8') }));

describe('README and docs examples', () => {
  it('README stays short: under 200 lines, with three examples', () => {
    const readme = files.find((f) => f.name === 'README.md')!.text;
    expect(readme.split('\n').length).toBeLessThan(200);
    expect([...readme.matchAll(EXAMPLE_BLOCK)]).toHaveLength(3);
  });

  it.each(files.filter((f) => f.text.includes('<!-- example -->')).map((f) => [f.name, f] as const))(
    '%s shows the real answer of every example query on the bundled data (run `npm run readme` when this fails)',
    async (_name, file) => {
      const examples = [...file.text.matchAll(EXAMPLE_BLOCK)];
      // Every marker is followed by a query and its answer in the form the check reads.
      expect(examples.length).toBe(file.text.split('<!-- example -->').length - 1);
      for (const [, query, shown] of examples) {
        const answer = await answerOf(query!);
        expect(answer.errors, query).toBeUndefined();
        expect(JSON.parse(shown!), query).toEqual(answer);
        expect(showsSomething(answer.data), query).toBe(true);
      }
    },
  );

  it('has examples in the cookbook, checked with the README', () => {
    expect(files.find((f) => f.name === 'docs/cookbook.md')!.text.split('<!-- example -->').length - 1).toBeGreaterThanOrEqual(10);
  });
});

describe('GraphiQL example tabs', () => {
  it.each(EXAMPLE_QUERIES.map((e) => [e.title, e] as const))('%s answers on the bundled data, with something to show', async (_title, example) => {
    const answer = await answerOf(example.query);
    expect(answer.errors).toBeUndefined();
    expect(showsSomething(answer.data)).toBe(true);
  });
});
