/** The instructions of a Dockerfile that scripts/container-dry-run.ts performs (the subset ours uses). */
export type Instruction =
  | { op: 'FROM'; image: string; name: string | null }
  | { op: 'WORKDIR'; path: string }
  | { op: 'COPY'; from: string | null; sources: string[]; destination: string }
  | { op: 'RUN'; command: string }
  | { op: 'ENV'; values: Record<string, string> }
  | { op: 'USER'; user: string }
  | { op: 'EXPOSE'; port: number }
  | { op: 'HEALTHCHECK'; options: Record<string, string>; command: string[] }
  | { op: 'CMD'; command: string[] };

function execForm(text: string, line: number): string[] {
  const parsed = JSON.parse(text) as unknown;
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string'))
    throw new Error(`Dockerfile:${line}: exec form (a JSON list of strings) expected`);
  return parsed;
}

/** Parses the Dockerfile; throws on an instruction outside the subset (so the dry run never silently skips a step). */
export function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    let line = lines[i]!;
    while (line.endsWith('\\') && i + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++i]!.trim()}`;
    line = line.trim();
    if (!line || line.startsWith('#')) continue;
    const [op, ...rest] = line.split(/\s+/);
    const args = line.slice(op!.length).trim();
    switch (op!.toUpperCase()) {
      case 'FROM':
        instructions.push({ op: 'FROM', image: rest[0]!, name: rest[1]?.toUpperCase() === 'AS' ? rest[2]! : null });
        break;
      case 'WORKDIR':
        instructions.push({ op: 'WORKDIR', path: args });
        break;
      case 'COPY': {
        const from = rest[0]?.startsWith('--from=') ? rest.shift()!.slice('--from='.length) : null;
        if (rest.some((part) => part.startsWith('--'))) throw new Error(`Dockerfile:${start}: COPY option not supported by the dry run`);
        instructions.push({ op: 'COPY', from, sources: rest.slice(0, -1), destination: rest[rest.length - 1]! });
        break;
      }
      case 'RUN':
        instructions.push({ op: 'RUN', command: args });
        break;
      case 'ENV':
        instructions.push({ op: 'ENV', values: Object.fromEntries(rest.map((pair) => pair.split(/=(.*)/s).slice(0, 2) as [string, string])) });
        break;
      case 'USER':
        instructions.push({ op: 'USER', user: args });
        break;
      case 'EXPOSE':
        instructions.push({ op: 'EXPOSE', port: Number(rest[0]) });
        break;
      case 'HEALTHCHECK': {
        const options: Record<string, string> = {};
        while (rest[0]?.startsWith('--')) {
          const [key, value] = rest.shift()!.slice(2).split('=');
          options[key!] = value!;
        }
        if (rest.shift() !== 'CMD') throw new Error(`Dockerfile:${start}: HEALTHCHECK CMD expected`);
        instructions.push({ op: 'HEALTHCHECK', options, command: execForm(rest.join(' '), start) });
        break;
      }
      case 'CMD':
        instructions.push({ op: 'CMD', command: execForm(args, start) });
        break;
      default:
        throw new Error(`Dockerfile:${start}: ${op} is not performed by the dry run`);
    }
  }
  return instructions;
}
