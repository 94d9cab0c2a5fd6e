/**
 * Server switches and abuse limits. Every value has a default that is safe for a public endpoint;
 * each can be overridden from the environment (see `serverConfigFromEnv`). NODE_ENV=production
 * turns GraphiQL and field suggestions off and restricts introspection, unless their variable says otherwise.
 */
export interface QueryLimits {
  /** Deepest selection nesting (MAX_DEPTH). */
  maxDepth: number;
  /** Aliased fields per operation, fragments included (MAX_ALIASES). */
  maxAliases: number;
  /** Estimated cost: every field 1, connections × their page size, plain lists × 5 (MAX_COST). */
  maxCost: number;
  /** Lexer tokens in a document (MAX_TOKENS). */
  maxTokens: number;
  /** Directives per operation (MAX_DIRECTIVES). */
  maxDirectives: number;
  /** Characters of the `query` text (MAX_DOCUMENT_CHARS). */
  maxDocumentChars: number;
  /** Bytes of a request body, counted while it streams in (MAX_BODY_BYTES). */
  maxBodyBytes: number;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/**
 * `on`: full introspection. `restricted`: `__type(name:)` and `__typename` are answered, the bulk
 * `__schema` dump is refused (the graphql-http MUST audit 28B9 uses `__type`). `off`: both refused.
 */
export type IntrospectionMode = 'on' | 'restricted' | 'off';

/**
 * Which requests must pass CSRF prevention (a preflighted content type such as application/json,
 * or the `x-graphql-yoga-csrf` header). `post`: every request but GET — GET can only run queries,
 * which change nothing, so dashboards and HTTP caches keep plain GETs. `all`: GET too. `off`: none.
 */
export type CsrfMode = 'post' | 'all' | 'off';

export interface ServerConfig {
  /** NODE_ENV === 'production'. */
  production: boolean;
  limits: QueryLimits;
  /** Introspection (INTROSPECTION=on|restricted|off; default on, restricted in production). */
  introspection: IntrospectionMode;
  /** Serve GraphiQL to browsers (GRAPHIQL; default: not in production). */
  graphiql: boolean;
  /** "Did you mean …?" in validation errors (FIELD_SUGGESTIONS; default: not in production). */
  fieldSuggestions: boolean;
  /** CSRF prevention (CSRF_PREVENTION=post|all|off; default post). */
  csrfPrevention: CsrfMode;
  /** Serve Prometheus metrics at /metrics (METRICS; default on). */
  metrics: boolean;
  /** Run only persisted documents, named by id (PERSISTED_ONLY; default off; see src/server/persisted-documents-plugin.ts). */
  persistedOnly: boolean;
  /**
   * The speed-ups that keep work from being repeated (OPTIMIZATIONS; default on): the response cache, graphql-jit,
   * Yoga's parse and validation caches, the per-document cost bound. `off` serves every request by parsing,
   * validating, estimating and executing it anew with graphql-js: the baseline `npm run bench` compares against.
   */
  optimizations: boolean;
  /** Warm a newly served graph in the background for the dashboard's first view (WARM_UP; default on; see graph-warm-up.ts). */
  warmUp: boolean;
  /** Runs of a query by graphql-js before graphql-jit compiles it (JIT_AFTER; default 10; 0 compiles on the first run). */
  jitAfter: number;
  /** Threshold of the JSON request log on stderr (LOG_LEVEL; default info, warn under NODE_ENV=test; `silent` turns it off). */
  logLevel: LogLevel;
  /** On SIGTERM, milliseconds between `/ready` turning 503 and the listener closing, so balancers stop sending first (SHUTDOWN_DELAY_MS; default 0). */
  shutdownDelayMs: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxCost: 25_000,
  maxTokens: 2_000,
  maxDirectives: 20,
  maxDocumentChars: 20_000,
  maxBodyBytes: 100_000,
};

const LIMIT_ENV: Record<keyof QueryLimits, string> = {
  maxDepth: 'MAX_DEPTH',
  maxAliases: 'MAX_ALIASES',
  maxCost: 'MAX_COST',
  maxTokens: 'MAX_TOKENS',
  maxDirectives: 'MAX_DIRECTIVES',
  maxDocumentChars: 'MAX_DOCUMENT_CHARS',
  maxBodyBytes: 'MAX_BODY_BYTES',
};

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export type Env = Readonly<Record<string, string | undefined>>;

function readCount(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}".`);
  return value;
}

function readChoice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T, aliases: Record<string, T> = {}): T {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  const value = (aliases[raw] ?? raw) as T;
  if (!choices.includes(value)) throw new Error(`${name} must be one of ${choices.join(', ')}, got "${env[name]}".`);
  return value;
}

function readSwitch(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${env[name]}".`);
}

/** Builds the configuration from environment variables; throws on a malformed value (fail at start, not later). */
export function serverConfigFromEnv(env: Env = process.env): ServerConfig {
  const production = env.NODE_ENV === 'production';
  const limits = Object.fromEntries(
    (Object.keys(DEFAULT_LIMITS) as Array<keyof QueryLimits>).map((key) => [key, readCount(env, LIMIT_ENV[key], DEFAULT_LIMITS[key])]),
  ) as unknown as QueryLimits;
  // Under the test runner (NODE_ENV=test) only warnings and errors, so test output stays readable.
  const logLevel = (env.LOG_LEVEL?.trim().toLowerCase() || (env.NODE_ENV === 'test' ? 'warn' : 'info')) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}".`);
  return {
    production,
    limits,
    introspection: readChoice<IntrospectionMode>(env, 'INTROSPECTION', ['on', 'restricted', 'off'], production ? 'restricted' : 'on', {
      true: 'on',
      false: 'off',
    }),
    graphiql: readSwitch(env, 'GRAPHIQL', !production),
    fieldSuggestions: readSwitch(env, 'FIELD_SUGGESTIONS', !production),
    csrfPrevention: readChoice<CsrfMode>(env, 'CSRF_PREVENTION', ['post', 'all', 'off'], 'post', { true: 'post', on: 'post', false: 'off' }),
    metrics: readSwitch(env, 'METRICS', true),
    persistedOnly: readSwitch(env, 'PERSISTED_ONLY', false),
    optimizations: readSwitch(env, 'OPTIMIZATIONS', true),
    warmUp: readSwitch(env, 'WARM_UP', true),
    jitAfter: env.JIT_AFTER?.trim() === '0' ? 0 : readCount(env, 'JIT_AFTER', 10),
    logLevel,
    shutdownDelayMs: env.SHUTDOWN_DELAY_MS?.trim() === '0' ? 0 : readCount(env, 'SHUTDOWN_DELAY_MS', 0),
  };
}
