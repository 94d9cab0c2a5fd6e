import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * Heap bytes a parsed document costs per character of its text. Measured: the wide document of
 * test/support/wide-document.ts (866 characters) takes about 85 KB once parsed (locations kept,
 * as Yoga parses), about 98 bytes a character; counted at 120 to stay on the safe side.
 */
export const DOCUMENT_BYTES_PER_CHAR = 120;

/** What a cached parsed document costs: its AST, estimated from its text, plus the text as a key (two bytes a character at most). */
export function documentBytes(query: string): number {
  return query.length * (DOCUMENT_BYTES_PER_CHAR + 2) + 256;
}

export interface ParserCacheLimits {
  /** Parsed documents (keys included). Default 32 MiB. */
  documentBytes?: number;
  /** Parse errors by query text (keys included). Default 4 MiB. */
  errorBytes?: number;
}

export const DEFAULT_PARSER_CACHE_LIMITS: Required<ParserCacheLimits> = { documentBytes: 32 * 1024 * 1024, errorBytes: 4 * 1024 * 1024 };

const errorBytes = (error: unknown, query: string) => query.length * 2 + (error instanceof Error ? error.message.length * 2 : 0) + 2048;

/**
 * Yoga's parser and validation caches, bounded in bytes instead of by count (Yoga's default keeps
 * 1024 documents of any size). Validation results are kept by Yoga in a WeakMap keyed by the parsed
 * document, so they go when their document goes.
 */
export function createParserCaches(limits: ParserCacheLimits = {}) {
  const documents = limits.documentBytes ?? DEFAULT_PARSER_CACHE_LIMITS.documentBytes;
  const errors = limits.errorBytes ?? DEFAULT_PARSER_CACHE_LIMITS.errorBytes;
  return {
    documentCache: new LRUCache<string, DocumentNode>({ maxSize: documents, sizeCalculation: (_document, query) => documentBytes(query) }),
    errorCache: new LRUCache<string, object>({ maxSize: errors, sizeCalculation: (error, query) => errorBytes(error, query) }),
  };
}
