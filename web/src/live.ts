import { useEffect, useState } from 'preact/hooks';
import { documentParams, refreshAll } from './api.ts';
import { graphql } from './gql/gql.ts';

export const GraphVersionSubscription = graphql(`
  subscription GraphVersion {
    graphVersion
  }
`);

const RETRY_MS = 5_000;

/**
 * Follows `subscription { graphVersion }` over server-sent events (a POST of its persisted id with
 * `Accept: text/event-stream`, which Yoga answers as a stream); calls `onVersion` with each version.
 * Reconnects after a pause when the stream ends; after a 404 (a server whose manifest lacks the id)
 * it sends the text instead. Returns the function that stops it.
 */
export function followGraphVersion(onVersion: (version: string) => void): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  let asText = false;
  const connect = async () => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
          body: JSON.stringify(documentParams(GraphVersionSubscription, asText)),
          signal: controller.signal,
        });
        if (response.status === 404) asText = true;
        if (!response.ok || !response.body) throw new Error(`status ${response.status}`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = message
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5).trim())
              .join('\n');
            if (!data) continue;
            const version = (JSON.parse(data) as { data?: { graphVersion?: string } }).data?.graphVersion;
            if (version) onVersion(version);
          }
        }
      } catch {
        // The server went away or restarted; try again after a pause (below).
      }
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  };
  void connect();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

/** The version being shown and whether it changed since the page opened; refreshes the views when it does. */
export function useLiveGraph(): { version: string | null; updates: number } {
  const [state, setState] = useState<{ version: string | null; updates: number }>({ version: null, updates: 0 });
  useEffect(
    () =>
      followGraphVersion((version) =>
        setState((previous) => {
          if (previous.version === null || previous.version === version) return { ...previous, version };
          refreshAll();
          return { version, updates: previous.updates + 1 };
        }),
      ),
    [],
  );
  return state;
}
