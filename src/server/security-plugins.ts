import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { getNamedType, GraphQLError, isIntrospectionType, type ValidationContext, type ValidationRule } from 'graphql';
import { createGraphQLError, mapMaybePromise, type Plugin } from 'graphql-yoga';
import { useBodyLimit } from './body-limit-plugin.ts';
import { useCostLimit } from './cost-limit-plugin.ts';
import { useJsonDepthLimit } from './json-depth-limit-plugin.ts';
import { armorMessage, LIMIT_CODES, limitError, type LimitCode } from './limit-error.ts';
import type { CsrfMode, IntrospectionMode, QueryLimits, ServerConfig } from './server-config.ts';
import { shortcutSafe } from './shortcut-safety.ts';

/** The header a client sends to pass CSRF prevention when its request is not preflighted (e.g. GET). */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

/** Armor's onReject callback (the type lives in a package we do not otherwise need). */
type ArmorRejectCallback = (context: ValidationContext | null, error: GraphQLError) => void;

/** Armor reports through a callback; report our coded error instead of its uncoded one. */
function reportAs(code: LimitCode, limit: number): { onReject: ArmorRejectCallback[]; propagateOnRejection: false } {
  return {
    onReject: [(context, error) => context?.reportError(limitError(code, armorMessage(error), limit))],
    propagateOnRejection: false,
  };
}

/** Refuses a `query` text longer than the limit before it is parsed. */
function useDocumentLength(maxChars: number): Plugin {
  return {
    onParams({ params }) {
      if (typeof params.query === 'string' && params.query.length > maxChars)
        throw limitError(LIMIT_CODES.documentChars, `Document length limit of ${maxChars} characters exceeded, found ${params.query.length}.`, maxChars, {
          status: 400,
          spec: true,
        });
    },
  };
}

/** graphql-js' own refusal when a document has more lexer tokens than `maxTokens`. */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more th(?:at|an) \d+ tokens\. Parsing aborted\.$/; // graphql 16 writes "more that"

/**
 * The token limit, counted by graphql-js' parser itself (its `maxTokens` option: the tokens before
 * the end of the document, as armor's max-tokens plugin counted them, with armor's message), as a
 * coded error. Armor's plugin wrapped the lexer in a Proxy, which made every new query text parse
 * several times slower; the parse cache still keeps this parse's documents and errors by text.
 */
function useTokenLimit(maxTokens: number): Plugin {
  return {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parseFn(source, { ...options, maxTokens });
        } catch (error) {
          if (error instanceof GraphQLError && TOO_MANY_TOKENS.test(error.message))
            throw limitError(LIMIT_CODES.tokens, `Token limit of ${maxTokens} exceeded.`, maxTokens, { status: 400, spec: true });
          throw error;
        }
      });
    },
  };
}

/**
 * Like graphql-js' NoSchemaIntrospectionCustomRule (`__typename` stays allowed), with a stable code.
 * `restricted` refuses only `__schema`, the whole-schema dump; `off` refuses `__type` too.
 */
function noIntrospectionRule(mode: Exclude<IntrospectionMode, 'on'>): ValidationRule {
  return (context) => ({
    Field(node) {
      const type = context.getType();
      if (!type || !isIntrospectionType(getNamedType(type))) return;
      if (mode === 'restricted' && node.name.value !== '__schema') return;
      const what = mode === 'restricted' ? 'Schema introspection (__schema) is disabled on this server' : 'Introspection is disabled on this server';
      context.reportError(limitError(LIMIT_CODES.introspection, `${what} ("${node.name.value}").`));
    },
  });
}

function useIntrospection(mode: IntrospectionMode): Plugin[] {
  if (mode === 'on') return [];
  const rule = noIntrospectionRule(mode);
  return [{ onValidate: ({ addValidationRule }) => addValidationRule(rule) }];
}

/**
 * Yoga's CSRF prevention: a request that a browser would send without a preflight (no
 * content-type, or a form/text/multipart one) must carry the CSRF header; its 403 gets a code.
 * Mode `post` leaves GET alone: Yoga never runs a mutation over GET (and the schema has none).
 */
function useCsrf(mode: CsrfMode): Plugin[] {
  if (mode === 'off') return [];
  const csrf = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] });
  const plugin: Plugin = {
    onRequestParse(payload) {
      if (mode === 'post' && (payload.request.method === 'GET' || payload.request.method === 'HEAD')) return;
      try {
        return csrf.onRequestParse?.(payload as never);
      } catch {
        throw limitError(LIMIT_CODES.csrf, `Requests without a JSON content type must send the "${CSRF_HEADER}" header (CSRF prevention).`, undefined, {
          status: 403,
        });
      }
    },
  };
  return [plugin];
}

/**
 * Every refusal of the request parser is a GraphQL error with a 4xx status: a content type no parser
 * accepts gets a body instead of Yoga's bare 415, and a parser failure that is not already a
 * GraphQL error (Yoga's GET parser throws a raw SyntaxError on `variables=` that is not JSON,
 * which would be masked as a 500) becomes a 400 BAD_REQUEST.
 */
function useRequestParseErrors(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (!requestParser) {
        const type = request.headers.get('content-type') ?? '(none)';
        throw createGraphQLError(`Unsupported content type ${JSON.stringify(type.slice(0, 100))}: send application/json.`, {
          extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', http: { status: 415 } },
        });
      }
      // The body or parameter as sent is never echoed back: JSON.parse quotes it in its message, and
      // Yoga's POST parser hands that message on as `extensions.originalError`.
      const asBadRequest = (error: unknown): never => {
        if (error instanceof GraphQLError) {
          if (!error.extensions.originalError) throw error;
          // Yoga answered such an error 400 for every Accept because of originalError: keep the status, drop the echo.
          const { originalError: _echo, ...extensions } = error.extensions;
          throw createGraphQLError(error.message, { extensions: { ...extensions, http: { status: 400 } } });
        }
        const detail = error instanceof SyntaxError ? 'a parameter is not valid JSON.' : error instanceof Error ? error.message : String(error);
        throw createGraphQLError(`Could not read the request: ${detail}`, {
          extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
        });
      };
      // Not `async`: Yoga's parsers answer at once for a body that is already buffered (useBodyLimit).
      setRequestParser((req) => {
        try {
          return mapMaybePromise(requestParser(req), (params) => params, asBadRequest);
        } catch (error) {
          return asBadRequest(error);
        }
      });
    },
  };
}

/** The query-level limits, in the order they act: bytes, characters, tokens, then validation. */
export function createLimitPlugins(limits: QueryLimits, costBound = true): Plugin[] {
  return [
    useBodyLimit(limits.maxBodyBytes),
    useDocumentLength(limits.maxDocumentChars),
    useJsonDepthLimit(),
    useTokenLimit(limits.maxTokens),
    maxDepthPlugin({ n: limits.maxDepth, ...reportAs(LIMIT_CODES.depth, limits.maxDepth) }) as Plugin,
    maxAliasesPlugin({ n: limits.maxAliases, ...reportAs(LIMIT_CODES.aliases, limits.maxAliases) }) as Plugin,
    maxDirectivesPlugin({ n: limits.maxDirectives, ...reportAs(LIMIT_CODES.directives, limits.maxDirectives) }) as Plugin,
    useCostLimit(limits.maxCost, costBound),
  ];
}

/** Abuse limits plus the environment switches: introspection, field suggestions, CSRF prevention. */
export function createSecurityPlugins(config: ServerConfig): Plugin[] {
  return [
    ...createLimitPlugins(config.limits, config.optimizations),
    ...useIntrospection(config.introspection),
    ...(config.fieldSuggestions ? [] : [blockFieldSuggestionsPlugin() as Plugin]),
    ...useCsrf(config.csrfPrevention),
    useRequestParseErrors(),
  ].map((plugin) =>
    // The response cache answers only a request it has answered before (same document, variables,
    // Accept) after that one passed all of these, and keeps no answer with errors.
    shortcutSafe(plugin, 'depends on the request alone; a cached answer is one to the same request, which passed it'),
  );
}
