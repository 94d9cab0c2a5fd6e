import { type DocumentNode, execute, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { BUNDLED_DATA_DIR } from '../src/ingest/read-data-dir.ts';
import { loadGraph } from '../src/load-graph.ts';
import { createContext } from '../src/schema/context.ts';
import { schema } from '../src/schema/index.ts';
import { CORPUS, corpusPresent } from '../test/support/corpus.ts';
import { BENCH_QUERIES } from '../test/support/bench-queries.ts';
import { buildNaiveSchema } from './bench/naive-schema.ts';

// The cost of relations in the executor alone, without HTTP or Yoga: CPU time per execution of the
// bench queries' varied variables, the project's schema against the naive one (every lookup on its
// own, no batching: scripts/bench/naive-schema.ts), with graphql-js and with graphql-jit, in
// alternating rounds in one process (the median of six rounds is printed).
//   node scripts/measure-relations.ts [dashboard,deep-traversal]
const names = (process.argv[2] ?? 'dashboard,deep-traversal').split(',');
const { graph } = await loadGraph(corpusPresent ? [BUNDLED_DATA_DIR, CORPUS.talkPosts] : [BUNDLED_DATA_DIR]);
const naive = buildNaiveSchema();

type Run = (variables: Record<string, unknown>) => unknown;

function runners(document: DocumentNode): Record<string, Run> {
  const jit = (s: typeof schema): Run => {
    const compiled = compileQuery(s, document);
    if (!isCompiledQuery(compiled)) throw new Error('graphql-jit cannot compile the query');
    return (variables) => compiled.query(undefined, createContext(graph), variables);
  };
  return {
    'graphql-js, project': (variables) => execute({ schema, document, variableValues: variables, contextValue: createContext(graph) }),
    'graphql-js, naive': (variables) => execute({ schema: naive, document, variableValues: variables, contextValue: createContext(graph) }),
    'graphql-jit, project': jit(schema),
    'graphql-jit, naive': jit(naive),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

for (const bench of BENCH_QUERIES.filter((q) => names.includes(q.name))) {
  const pool = bench.variedPool(graph, 400, 3);
  const modes = runners(parse(bench.query));
  const times = new Map<string, number[]>(Object.keys(modes).map((name) => [name, []]));
  for (let round = 0; round < 8; round++) {
    for (const [name, run] of Object.entries(modes)) {
      const start = process.cpuUsage();
      for (const variables of pool) await run(variables);
      const spent = process.cpuUsage(start);
      if (round >= 2) times.get(name)?.push((spent.user + spent.system) / pool.length);
    }
  }
  const µs = (name: string) => median(times.get(name) ?? []);
  for (const executor of ['graphql-js', 'graphql-jit']) {
    const project = µs(`${executor}, project`);
    const plain = µs(`${executor}, naive`);
    console.log(
      `${bench.name} ${executor}: project ${project.toFixed(0)} µs, naive ${plain.toFixed(0)} µs per execution, project/naive ${(project / plain).toFixed(2)}`,
    );
  }
}
