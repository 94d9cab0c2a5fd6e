import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { SecondSighting } from './second-sighting.ts';

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

/** Parsed documents by query text: the store Yoga's parser cache reads and writes. */
export interface DocumentCache {
  get(query: string): DocumentNode | undefined;
  set(query: string, document: DocumentNode): void;
  /** Bytes held (estimated, see documentBytes). */
  readonly calculatedSize: number;
  /** Documents held. */
  readonly size: number;
}

/**
 * Yoga's parser and validation caches, bounded in bytes instead of by count (Yoga's default keeps
 * 1024 documents of any size). A document is kept from the second time its text is parsed
 * (SecondSighting): the explorer's one-off texts are parsed once and dropped young. Validation
 * results are kept by Yoga in a WeakMap keyed by the parsed document, so they go when it goes.
 */
export function createParserCaches(limits: ParserCacheLimits = {}) {
  const documents = limits.documentBytes ?? DEFAULT_PARSER_CACHE_LIMITS.documentBytes;
  const errors = limits.errorBytes ?? DEFAULT_PARSER_CACHE_LIMITS.errorBytes;
  const kept = new LRUCache<string, DocumentNode>({ maxSize: documents, sizeCalculation: (_document, query) => documentBytes(query) });
  const sighting = new SecondSighting();
  const documentCache: DocumentCache = {
    get: (query) => kept.get(query),
    set: (query, document) => {
      if (sighting.admit(query)) kept.set(query, document);
    },
    get calculatedSize() {
      return kept.calculatedSize;
    },
    get size() {
      return kept.size;
    },
  };
  return {
    documentCache,
    errorCache: new LRUCache<string, object>({ maxSize: errors, sizeCalculation: (error, query) => errorBytes(error, query) }),
  };
}
