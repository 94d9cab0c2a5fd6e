/**
 * The wide document of issue 12 finding 2: 15 aliases of `talks` over one fragment with relations
 * (speakers and their organizations, topics and their parents, the event and its parent, the
 * post). About a kilobyte of text; graphql-jit generates over a megabyte of code for it. `n`
 * makes the text distinct (alias names and page sizes), so every `n` is a new document.
 */
export function wideDocument(n: number): string {
  const fields = Array.from({ length: 15 }, (_, i) => `a${n}_${i}: talks(first: ${1 + ((n + i) % 3)}) { nodes { ...F } }`).join(' ');
  return `query Wide${n} { ${fields} } fragment F on Talk { title slug kind day start end startsAt speakers { name slug organizations { name } } organizations { name slug } topics { name parent { name } } event { name city parent { name } } post { title date } }`;
}
