import { createGraphQLError } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';

/** Stable `extensions.code` values of the abuse limits (part of the API contract: never rename). */
export const LIMIT_CODES = {
  depth: 'QUERY_DEPTH_EXCEEDED',
  aliases: 'ALIASES_EXCEEDED',
  directives: 'DIRECTIVES_EXCEEDED',
  tokens: 'TOKENS_EXCEEDED',
  cost: 'QUERY_COST_EXCEEDED',
  documentChars: 'DOCUMENT_TOO_LARGE',
  bodyBytes: 'REQUEST_ENTITY_TOO_LARGE', // the code Yoga's own body limit uses too
  introspection: 'INTROSPECTION_DISABLED',
  csrf: 'CSRF_HEADER_REQUIRED',
  jsonDepth: 'JSON_DEPTH_EXCEEDED',
} as const;

export type LimitCode = (typeof LIMIT_CODES)[keyof typeof LIMIT_CODES];

/**
 * How the rejection sets the HTTP status: `status` always, or with `spec: true` only for clients
 * that accept application/graphql-response+json (legacy application/json answers stay 200), as
 * Yoga does for validation errors.
 */
export interface LimitHttp {
  status: number;
  spec?: boolean;
}

/** A client-facing rejection: the message names the limit, `extensions` carry the code and the limit. */
export function limitError(code: LimitCode, message: string, limit?: number, http?: LimitHttp): GraphQLError {
  return createGraphQLError(message, {
    extensions: {
      code,
      ...(limit === undefined ? {} : { limit }),
      ...(http === undefined ? {} : { http }),
    },
  });
}

/** Armor's messages start with "Syntax Error: " although they are limit errors; keep the rest. */
export function armorMessage(error: GraphQLError): string {
  return error.message.replace(/^Syntax Error:\s*/, '');
}
