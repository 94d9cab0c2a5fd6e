/**
 * Queries GraphiQL opens with, one per tab: the questions people ask first. Each must answer with data
 * on the bundled seed post (test/readme-examples.test.ts checks it).
 */
export const EXAMPLE_QUERIES: ReadonlyArray<{ title: string; query: string }> = [
  {
    title: 'Isovalent on Friday',
    query: `# Talks by Isovalent speakers on Friday, in start order
{
  talks(filter: { organization: "Isovalent", day: FRIDAY }, first: 50) {
    totalCount
    nodes { title url startsAt endsAt speakers { name } }
  }
}`,
  },
  {
    title: 'Tetragon talks',
    query: `# Talks tagged Tetragon, with the evidence for the tag
{
  topic(slug: "tetragon") {
    name
    talks(first: 50) { nodes { title url topicTags { topic { name } keyword field } } }
  }
}`,
  },
  {
    title: 'An organization',
    query: `{
  organization(slug: "isovalent") {
    name
    speakers(first: 50) { totalCount nodes { name talkCount } }
    talks(first: 50) { totalCount nodes { title day start } }
  }
}`,
  },
  {
    title: 'Counts',
    query: `{
  speakers(first: 100) { totalCount }
  organizations(first: 100) { totalCount }
  topics(first: 100) { totalCount nodes { name talkCount } }
}`,
  },
  {
    title: 'Ask in plain words',
    query: `# A question in plain words, shown as the filter it was turned into
{
  ask(question: "talks by Isovalent speakers on Friday") {
    interpretation
    filter
    unrecognized
    corrections { from to }
    alternatives { interpretation talkCount }
    talks(first: 20) { totalCount nodes { title day start speakers { name } } }
  }
}`,
  },
];
