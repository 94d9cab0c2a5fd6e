import { describe, expect, it } from 'vitest';
import { createJsonLogger, type JsonLogger, type LogFields, yogaLoggerOf } from '../src/server/json-logger.ts';

const AT = new Date('2026-12-02T09:58:00.123Z');

function captured(level: 'debug' | 'info' | 'warn' = 'debug', clock: 'fixed' | 'real' = 'fixed') {
  const now = clock === 'fixed' ? () => AT : undefined;
  const lines: Array<{ line: string; urgent: boolean }> = [];
  const logger = createJsonLogger({ level, now, write: (line, urgent) => lines.push({ line, urgent }) });
  return { logger, lines };
}

describe('createJsonLogger', () => {
  it('writes exactly JSON.stringify({ time, level, msg, ...fields }) for the request line and other plain fields', () => {
    const cases: LogFields[] = [
      {},
      { requestId: 'r-1', method: 'POST', path: '/graphql', status: 200, durationMs: 0.42 },
      { requestId: 'r-2', method: 'GET', path: '/x', status: 400, durationMs: undefined, errorCodes: ['BAD_REQUEST', 'UNCODED'] },
      { quote: 'a "quoted" \n line', nested: { deep: [1, null, 'x'] }, nothing: null },
    ];
    const { logger, lines } = captured();
    for (const fields of cases) logger.info('request', fields);
    logger.warn('careful "here"');
    expect(lines.map((l) => l.line)).toEqual([
      ...cases.map((fields) => JSON.stringify({ time: AT.toISOString(), level: 'info', msg: 'request', ...fields })),
      JSON.stringify({ time: AT.toISOString(), level: 'warn', msg: 'careful "here"' }),
    ]);
    expect(lines.map((l) => l.urgent)).toEqual([false, false, false, false, true]);
  });

  it('lets fields named time, level or msg override as the spread did, and serialises errors and bigints', () => {
    const { logger, lines } = captured();
    logger.info('first', { msg: 'second', level: 'custom', extra: 1 });
    const error = new TypeError('boom');
    logger.error('failed', { error, count: 10n });
    expect(JSON.parse(lines[0]!.line)).toEqual({ time: AT.toISOString(), level: 'custom', msg: 'second', extra: 1 });
    expect(lines[0]!.line.startsWith('{"time":')).toBe(true);
    expect(JSON.parse(lines[1]!.line)).toEqual({
      time: AT.toISOString(),
      level: 'error',
      msg: 'failed',
      error: { name: 'TypeError', message: 'boom', stack: error.stack },
      count: '10',
    });
  });

  it('stamps lines with the current time when no clock is given', () => {
    const { logger, lines } = captured('info', 'real');
    const before = Date.now();
    logger.info('now');
    const after = Date.now();
    const time = JSON.parse(lines[0]!.line).time as string;
    expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(time)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(time)).toBeLessThanOrEqual(after);
  });

  it('writes nothing below its level and says which levels it writes', () => {
    const { logger, lines } = captured('warn');
    logger.debug('no');
    logger.info('no');
    logger.warn('yes');
    expect(lines).toHaveLength(1);
    expect([logger.enabled?.('debug'), logger.enabled?.('info'), logger.enabled?.('warn'), logger.enabled?.('error')]).toEqual([false, false, true, true]);
  });
});

describe('yogaLoggerOf', () => {
  function counting(enabled?: (level: 'debug' | 'info' | 'warn' | 'error') => boolean) {
    const calls: Array<[string, string, LogFields | undefined]> = [];
    const record = (level: string) => (msg: string, fields?: LogFields) => void calls.push([level, msg, fields]);
    const logger: JsonLogger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error'), ...(enabled ? { enabled } : {}) };
    return { logger, calls };
  }

  it('forwards nothing at a level the logger does not write, and everything else with its details', () => {
    const { logger, calls } = counting((level) => level !== 'debug');
    const yoga = yogaLoggerOf(logger);
    yoga.debug('Processing GraphQL Parameters');
    yoga.info('started', 1);
    expect(calls).toEqual([['info', 'started', { source: 'yoga', details: [1] }]]);
  });

  it('forwards every level to a logger that cannot say which it writes', () => {
    const { logger, calls } = counting();
    yogaLoggerOf(logger).debug('Processing GraphQL Parameters');
    expect(calls).toEqual([['debug', 'Processing GraphQL Parameters', { source: 'yoga' }]]);
  });
});
