import type { YogaLogger } from 'graphql-yoga';
import type { LogLevel } from './server-config.ts';

export type LogFields = Record<string, unknown>;

export interface JsonLogger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** Whether a line at this level would be written (createJsonLogger's loggers say; others are asked with every line). */
  enabled?(level: keyof JsonLogger & LogLevel): boolean;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface JsonLoggerOptions {
  level?: LogLevel;
  /** Where a finished line goes (default: stderr); `urgent` for warnings and errors. */
  write?: (line: string, urgent: boolean) => void;
  now?: () => Date;
}

function serializeError(error: Error): LogFields {
  return { name: error.name, message: error.message, stack: error.stack };
}

/** Replaces Errors (which JSON.stringify turns into `{}`) and bigints by plain values. */
function toJsonValue(_key: string, value: unknown): unknown {
  if (value instanceof Error) return serializeError(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** Whether JSON.stringify needs no replacer for these fields (the request line: strings, numbers, lists of codes). */
function isPlain(fields: LogFields): boolean {
  for (const key in fields) {
    const value = fields[key];
    if (typeof value === 'bigint') return false;
    if (typeof value === 'object' && value !== null && !(Array.isArray(value) && value.every((item) => typeof item === 'string'))) return false;
  }
  return true;
}

let lastMs = Number.NaN;
let lastIso = '';

/** `new Date().toISOString()`, built once per millisecond (many request lines share one under load). */
function isoTimeNow(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

/**
 * `JSON.stringify({ time, level, msg, ...fields })`, without copying the fields into a new object:
 * the fields' own JSON is appended to the fixed head. Fields named time, level or msg take the
 * general path (the spread's order and overriding), as do values that need the replacer.
 */
function lineOf(time: string, head: string, level: string, msg: string, fields: LogFields): string {
  if ('time' in fields || 'level' in fields || 'msg' in fields) {
    return JSON.stringify({ time, level, msg, ...fields }, isPlain(fields) ? undefined : toJsonValue);
  }
  // A replacer makes JSON.stringify call back for every value: only used where it can matter.
  const rest = JSON.stringify(fields, isPlain(fields) ? undefined : toJsonValue);
  return `{"time":"${time}${head}${JSON.stringify(msg)}${rest.length > 2 ? `,${rest.slice(1)}` : '}'}`;
}

let pendingLines: string[] = [];
let flushOnExit = false;

function flushPendingLines(): void {
  if (pendingLines.length === 0) return;
  const text = pendingLines.join('');
  pendingLines = [];
  process.stderr.write(text);
}

/**
 * Lines logged within one turn of the event loop go to stderr in one write: under load that is one
 * system call for many requests instead of one each. Exit writes what is left;
 * warnings and errors go out at once (with what is pending before them), so a crash loses none.
 */
function writeToStderr(line: string, urgent: boolean): void {
  if (urgent) {
    pendingLines.push(`${line}\n`);
    flushPendingLines();
    return;
  }
  if (pendingLines.push(`${line}\n`) === 1) {
    if (!flushOnExit) process.once('exit', flushPendingLines), (flushOnExit = true);
    setImmediate(flushPendingLines);
  }
}

/**
 * One JSON object per line: `{"time","level","msg",...fields}`. Our own ~40 lines rather than
 * pino: the server logs one line per request, so pino's speed buys nothing here, and a sink that
 * is a plain function keeps tests simple.
 */
export function createJsonLogger(options: JsonLoggerOptions = {}): JsonLogger {
  const threshold = RANK[options.level ?? 'info'];
  const write = options.write ?? writeToStderr;
  const time = options.now ? () => options.now!().toISOString() : isoTimeNow;
  const log = (level: Exclude<LogLevel, 'silent'>) => {
    const head = `","level":"${level}","msg":`;
    return (msg: string, fields: LogFields = {}) => {
      if (RANK[level] < threshold) return;
      let line: string;
      try {
        line = lineOf(time(), head, level, msg, fields);
      } catch {
        line = JSON.stringify({ time: time(), level, msg, unserializableFields: true });
      }
      write(line, RANK[level] >= RANK.warn);
    };
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), enabled: (level) => RANK[level] >= threshold };
}

/** Yoga's internal logger (it logs e.g. the original of every masked error) on top of ours. */
export function yogaLoggerOf(logger: JsonLogger): YogaLogger {
  const forward =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      // Yoga logs three debug lines per request: below the logger's level they cost no fields object.
      if (logger.enabled && !logger.enabled(level)) return;
      const [first, ...rest] = args;
      if (first instanceof Error) logger[level](first.message, { source: 'yoga', error: first, ...(rest.length ? { details: rest } : {}) });
      else logger[level](String(first), { source: 'yoga', ...(rest.length ? { details: rest } : {}) });
    };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}
