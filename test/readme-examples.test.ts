import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { BUNDLED_DATA_DIR } from '../src/ingest/read-data-dir.ts';
import { loadGraph } from '../src/load-graph.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphYoga } from '../src/server/create-yoga.ts';
import { EXAMPLE_BLOCK } from './support/readme-blocks.ts';
import { ROOT } from './helpers.ts';

describe('README examples', () => {
  it('show the real answer of every example query on the bundled data (run `npm run readme` when this fails)', async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const examples = [...readme.matchAll(EXAMPLE_BLOCK)];
    expect(examples.length).toBeGreaterThanOrEqual(8);
    const { graph } = await loadGraph([BUNDLED_DATA_DIR]);
    const yoga = createTalkGraphYoga({ schema, graphs: new GraphHolder(graph) });
    for (const [, query, shown] of examples) {
      const response = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const answer = await response.json();
      expect(answer.errors, query).toBeUndefined();
      expect(JSON.parse(shown!), query).toEqual(answer);
    }
  });
});
