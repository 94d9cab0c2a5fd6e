// Fills the result block after each `<!-- example -->` query in README.md and docs/*.md with the real
// answer on the bundled data: `npm run readme`. test/readme-examples.test.ts fails when one is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { BUNDLED_DATA_DIR } from '../src/ingest/read-data-dir.ts';
import { loadGraph } from '../src/load-graph.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';
import { EXAMPLE_BLOCK, exampleFiles, renderExamples } from '../test/support/readme-blocks.ts';

const { graph } = await loadGraph([BUNDLED_DATA_DIR]);
const yoga = createTalkGraphYoga({ schema, graphs: new GraphHolder(graph), config: serverConfigFromEnv({ LOG_LEVEL: 'warn' }) });
for (const file of exampleFiles()) {
  const before = readFileSync(file.path, 'utf8');
  const after = await renderExamples(before, async (query) => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return response.json();
  });
  if (after !== before) writeFileSync(file.path, after);
  console.error(`${file.name}: ${[...before.matchAll(EXAMPLE_BLOCK)].length} examples ${before === after ? 'already current' : 'updated'}`);
}
