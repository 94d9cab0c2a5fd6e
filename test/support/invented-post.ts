// A post written for the project's tests (invented talks, people and abstracts; no one else's text).
// It lists three talks at KubeCon + CloudNativeCon North America 2024 in Salt Lake City, so a graph of
// the seed post and this one spans two events, two years and two time zones.
import type { PostSource } from '../../src/ingest/read-post-file.ts';

export const INVENTED_POST_FILE = 'posts/2024-10-30-invented-kubecon-na-2024.md';

export const INVENTED_POST_TEXT = `---
title: 'Invented Talks at KubeCon NA 2024'
date: '2024-10-30'
---

KubeCon + CloudNativeCon North America 2024 takes place in Salt Lake City. These three talks were made up
for the tests of Talk Graph.

[Counting Packets Without Counting Sheep - Jane Doe, Isovalent](https://example.com/talks/counting-packets)

Wednesday, November 13 • 11:00 - 11:30

A made-up abstract about eBPF maps, written so that a test has something to search for.

[Tetragon Policies for the Rest of Us - Ravi Placeholder, Example Corp & Jane Doe, Isovalent](https://example.com/talks/tetragon-policies)

Thursday, November 14 • 14:30 - 15:05

Another invented abstract: runtime enforcement with Tetragon, explained with a toy cluster.

[Lightning Talk: ClusterMesh in Five Minutes - Mia Sample, Example Corp](https://example.com/talks/clustermesh-five)

Friday, November 15 • 16:00 - 16:05

An invented lightning talk about Cilium ClusterMesh.
`;

export function inventedSource(): PostSource {
  return { file: INVENTED_POST_FILE, text: INVENTED_POST_TEXT };
}
