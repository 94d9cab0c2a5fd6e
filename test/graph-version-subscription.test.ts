import { describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { execute, graphOf, seedSource } from './helpers.ts';

/** Reads server-sent events from a streamed response, one `data:` payload at a time. */
async function* eventsOf(response: Response): AsyncGenerator<unknown> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const data = buffer
        .slice(0, end)
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trim())
        .join('');
      buffer = buffer.slice(end + 2);
      if (data) yield JSON.parse(data);
    }
  }
}

describe('subscription graphVersion (server-sent events through Yoga)', () => {
  it('sends the version being served, then the new one each time a reload swaps the graph', async () => {
    const first = graphOf([seedSource()]);
    const second = graphOf([]);
    expect(second.version).not.toBe(first.version);
    const graphs = new GraphHolder(first);
    const yoga = createTalkGraphYoga({ schema, graphs });
    const abort = new AbortController();
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { graphVersion }' }),
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = eventsOf(response);
    expect((await events.next()).value).toEqual({ data: { graphVersion: first.version } });
    graphs.swap(second);
    expect((await events.next()).value).toEqual({ data: { graphVersion: second.version } });
    graphs.swap(first);
    expect((await events.next()).value).toEqual({ data: { graphVersion: first.version } });
    // The version the subscription announces is the one queries report.
    expect((await execute(yoga, '{ ingestReport { graphVersion } }')).data.ingestReport.graphVersion).toBe(first.version);
    abort.abort();
    await events.return(undefined);
  });
});
