import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

function layerOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0]!;
}

const files = sourceFiles(SRC);

describe('layer rules (DESIGN.md)', () => {
  it('ingest/ never imports graphql, Pothos, Yoga, DataLoader or other layers, and only its readers (read-*.ts: read = I/O) touch the file system', () => {
    const offences: string[] = [];
    for (const file of files.filter((f) => layerOf(f) === 'ingest')) {
      for (const spec of importsOf(file)) {
        if (/^(graphql|graphql-yoga|@pothos\/|dataloader|@graphql-yoga\/)/.test(spec)) offences.push(`${file}: ${spec}`);
        if (/^\.\.\/(graph|schema|server)\//.test(spec)) offences.push(`${file}: ${spec}`);
        if (/^(node:)?fs(\/promises)?$/.test(spec) && !path.basename(file).startsWith('read-')) offences.push(`${file}: ${spec}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('graph/ imports only domain types (and its search library), never ingest, schema or server', () => {
    const offences = files
      .filter((f) => layerOf(f) === 'graph')
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => /^\.\.\/(ingest|schema|server)\//.test(spec) || /^(graphql|@pothos|graphql-yoga|node:fs)/.test(spec))
          .map((s) => `${file}: ${s}`),
      );
    expect(offences).toEqual([]);
  });

  it('schema/ never imports ingest/, server/ or node:fs', () => {
    const offences = files
      .filter((f) => layerOf(f) === 'schema')
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => /^\.\.\/(ingest|server)\//.test(spec) || /^(node:)?fs/.test(spec))
          .map((s) => `${file}: ${s}`),
      );
    expect(offences).toEqual([]);
  });

  it('server/ never imports ingest/', () => {
    const offences = files
      .filter((f) => layerOf(f) === 'server')
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => /^\.\.\/ingest\//.test(spec))
          .map((s) => `${file}: ${s}`),
      );
    expect(offences).toEqual([]);
  });

  it('has no import cycles', () => {
    const graph = new Map<string, string[]>();
    for (const file of files) {
      graph.set(
        file,
        importsOf(file)
          .filter((s) => s.startsWith('.'))
          .map((s) => path.resolve(path.dirname(file), s)),
      );
    }
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(SRC, f)).join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});

describe('module size (issue 16)', () => {
  it('keeps every source file in src/ at 300 lines or fewer', () => {
    const long = files
      .map((file) => ({ file: path.relative(ROOT, file), lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > 300);
    expect(long).toEqual([]);
  });
});
