/** An example in the README: a marker, a ```graphql block, then a ```json block with its answer. */
export const EXAMPLE_BLOCK = /<!-- example -->\n```graphql\n([\s\S]*?)\n```\n\n```json\n([\s\S]*?)\n```/g;

export async function renderExamples(markdown: string, run: (query: string) => Promise<unknown>): Promise<string> {
  let out = '';
  let last = 0;
  for (const match of markdown.matchAll(EXAMPLE_BLOCK)) {
    const query = match[1]!;
    const answer = JSON.stringify(await run(query), null, 2);
    out += markdown.slice(last, match.index) + `<!-- example -->\n\`\`\`graphql\n${query}\n\`\`\`\n\n\`\`\`json\n${answer}\n\`\`\``;
    last = match.index! + match[0].length;
  }
  return out + markdown.slice(last);
}
