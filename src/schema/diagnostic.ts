import type { Diagnostic, SourceLocation } from '../domain/types.ts';
import { builder } from './builder.ts';

export const SourceLocationRef = builder.objectRef<SourceLocation>('SourceLocation').implement({
  description: 'Where something was read: a post file and a line in it.',
  fields: (t) => ({
    file: t.exposeString('file', { description: 'Path of the post, relative to the data folder.' }),
    line: t.exposeInt('line', { description: '1-based line number in the file.' }),
  }),
});

export const SeverityEnum = builder.enumType('Severity', {
  description: 'How much a diagnostic matters.',
  values: {
    ERROR: { value: 'error', description: 'Something was skipped or is wrong.' },
    WARNING: { value: 'warning', description: 'Something was guessed or is incomplete.' },
    INFO: { value: 'info', description: 'Worth knowing; nothing is wrong.' },
  } as const,
});

export const DiagnosticRef = builder.objectRef<Diagnostic>('Diagnostic').implement({
  description: 'Something the ingest noticed while reading a post: a stable code, where, and what.',
  fields: (t) => ({
    file: t.exposeString('file', { description: 'Path of the post, relative to the data folder.' }),
    line: t.exposeInt('line', { description: '1-based line number in the file.' }),
    severity: t.field({ type: SeverityEnum, description: 'How much it matters.', resolve: (d) => d.severity }),
    code: t.exposeString('code', { description: 'Stable code from the diagnostic catalogue (docs/operations.md), e.g. WEEKDAY_MISMATCH.' }),
    message: t.exposeString('message', { description: 'What happened, for a person.' }),
  }),
});
