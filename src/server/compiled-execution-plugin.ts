import {
  getNamedType,
  getOperationAST,
  isInputObjectType,
  typeFromAST,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputObjectType,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import { documentBytes } from './document-caches.ts';
import { SecondSighting } from './second-sighting.ts';
import { shortcutSafe } from './shortcut-safety.ts';
import { coerceVariables } from './variable-coercion.ts';

/** Input object types that contain themselves (TalkFilter: and/or/not), directly or through others. */
export function recursiveInputTypes(schema: GraphQLSchema): ReadonlySet<string> {
  const recursive = new Set<string>();
  const reaches = (from: GraphQLInputObjectType, target: string, seen: Set<string>): boolean => {
    for (const field of Object.values(from.getFields())) {
      const type = getNamedType(field.type);
      if (!isInputObjectType(type)) continue;
      if (type.name === target) return true;
      if (!seen.has(type.name)) {
        seen.add(type.name);
        if (reaches(type, target, seen)) return true;
      }
    }
    return false;
  };
  for (const type of Object.values(schema.getTypeMap())) if (isInputObjectType(type) && reaches(type, type.name, new Set())) recursive.add(type.name);
  return recursive;
}

/** Runs by graphql-js before a document is compiled (JIT_AFTER; Mercurius' `jit` option is the model). */
export const DEFAULT_JIT_AFTER = 10;
/** Bytes of compiled code kept, all compilations together. */
export const DEFAULT_COMPILED_BYTES = 64 * 1024 * 1024;
/**
 * Heap bytes a compilation costs per character of the code graphql-jit generates. Measured on the
 * wide document of test/support/wide-document.ts (785,000 characters of code): 1.19 MB of heap
 * once compiled, 3.3 MB after its first run (V8 adds the bytecode), about 4.2 bytes a character;
 * counted at 5.
 */
export const COMPILED_BYTES_PER_SOURCE_CHAR = 5;

export interface CompiledOperationsOptions {
  /** Runs by graphql-js before a document is compiled; 0 compiles on the first run. Default DEFAULT_JIT_AFTER. */
  jitAfter?: number;
  /** Bytes of compilations kept (estimated, see COMPILED_BYTES_PER_SOURCE_CHAR). Default DEFAULT_COMPILED_BYTES. */
  maxBytes?: number;
}

/** One operation of one parsed document: how often it ran, and whether it may be compiled at all. */
interface Slot {
  runs: number;
  blocked: boolean;
}

/**
 * graphql-jit compilations of the operations that are run again and again. An operation of a
 * query text is run by graphql-js for its first `jitAfter` runs and compiled on the next: most
 * query texts (people exploring, ad-hoc clients) are run once or twice and never pay for compiling,
 * nor keep a megabyte of generated code.
 *
 * Compilations are kept least recently used first within a byte budget: each is counted at
 * COMPILED_BYTES_PER_SOURCE_CHAR × the length of the code graphql-jit generated, plus its document
 * (which it keeps alive). One that would take more than a quarter of the budget is not kept, and
 * its operation stays with graphql-js. An evicted compilation is made again after `jitAfter` more runs.
 *
 * Never compiled: an operation that is not a query, or has a variable of a recursive input type
 * (graphql-jit recurses forever generating their coercion code, zalando-incubator/graphql-jit#175).
 */
export class CompiledOperations {
  private readonly recursive: ReadonlySet<string>;
  /** Texts run once: a text gets a slot from its second run, so one-off texts leave nothing behind. */
  private readonly sighting = new SecondSighting();
  /** Runs by query text (Yoga keeps a text's parsed document only from its second parse), bounded in bytes. */
  private readonly slots = new LRUCache<string, Map<string, Slot>>({ maxSize: 4 * 1024 * 1024, sizeCalculation: (_slots, text) => text.length * 2 + 256 });
  /** Runs of documents that carry no text (built in code, or parsed without locations). */
  private readonly slotsByDocument = new WeakMap<DocumentNode, Map<string, Slot>>();
  private readonly kept: LRUCache<Slot, CompiledQuery>;
  private readonly maxBytes: number;
  readonly jitAfter: number;
  /** Compilations made, and runs of compiled code (the plugin counts these). */
  readonly stats = { compilations: 0, compiledRuns: 0 };

  readonly schema: GraphQLSchema;

  constructor(schema: GraphQLSchema, options: CompiledOperationsOptions = {}) {
    this.schema = schema;
    this.recursive = recursiveInputTypes(schema);
    this.jitAfter = options.jitAfter ?? DEFAULT_JIT_AFTER;
    this.maxBytes = options.maxBytes ?? DEFAULT_COMPILED_BYTES;
    // An evicted compilation's operation counts its runs anew.
    this.kept = new LRUCache<Slot, CompiledQuery>({ maxSize: this.maxBytes, dispose: (_compiled, slot) => void (slot.runs = 0) });
  }

  /** The compiled operation to run for this execution, or null to run graphql-js. Counts the run. */
  get(document: DocumentNode, operationName: string | null | undefined): CompiledQuery | null {
    const slot = this.slotOf(document, operationName);
    if (!slot || slot.blocked) return null;
    const kept = this.kept.get(slot);
    if (kept) return kept;
    if (slot.runs++ < this.jitAfter) return null;
    const compiled = compileQuery(this.schema, document, operationName ?? undefined, { debug: true } as never);
    if (!isCompiledQuery(compiled)) {
      slot.blocked = true;
      return null;
    }
    this.stats.compilations++;
    // graphql-jit hands out the code it generated only in debug mode: its length is the measure; the copy is dropped.
    const debug = compiled as CompiledQuery & { __DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation?: string };
    const sourceChars = debug.__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation?.length ?? 0;
    delete debug.__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation;
    const size = sourceChars * COMPILED_BYTES_PER_SOURCE_CHAR + documentBytes(document.loc?.source.body ?? '');
    if (size > this.maxBytes / 4) {
      slot.blocked = true;
      return null;
    }
    this.kept.set(slot, compiled, { size });
    return compiled;
  }

  /** Estimated bytes of the compilations kept. */
  bytes(): number {
    return this.kept.calculatedSize;
  }

  /** The slot of an operation; null for the first run of a text (counted when it runs again). */
  private slotOf(document: DocumentNode, operationName: string | null | undefined): Slot | null {
    const text = document.loc?.source.body;
    let byName = text === undefined ? this.slotsByDocument.get(document) : this.slots.get(text);
    let ranBefore = false;
    if (!byName) {
      // A text gets its slots from its second run; the first is counted then.
      ranBefore = text !== undefined && this.jitAfter > 0;
      if (ranBefore && !this.sighting.admit(text!)) return null;
      byName = new Map();
      if (text === undefined) this.slotsByDocument.set(document, byName);
      else this.slots.set(text, byName);
    }
    const key = operationName ?? '';
    let slot = byName.get(key);
    if (!slot) {
      const operation = getOperationAST(document, operationName);
      const blocked =
        operation?.operation !== 'query' ||
        (operation.variableDefinitions ?? []).some((definition) => {
          const type = typeFromAST(this.schema, definition.type as never);
          return type !== undefined && this.recursive.has(getNamedType(type).name);
        });
      byName.set(key, (slot = { runs: ranBefore ? 1 : 0, blocked }));
    }
    return slot;
  }
}

/**
 * Executes queries through graphql-jit (CompiledOperations). Answers stay exactly those of
 * graphql-js: the standard executor runs instead when
 * - the operation is not compiled (see CompiledOperations),
 * - the variables do not coerce (graphql-js words those errors, and useEnumHints adds the accepted values),
 * - the compiled run reports any error (graphql-jit orders `data` before `errors` and gives no
 *   `locations`): the query is run again by graphql-js, which answers errors as always.
 */
export function useCompiledExecution(compiledOperations: CompiledOperations): Plugin {
  return shortcutSafe(compiledExecution(compiledOperations), "gives graphql-js' answers, so a cached answer is the one it would give");
}

function compiledExecution(compiledOperations: CompiledOperations): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (args.schema !== compiledOperations.schema) return;
      const compiled = compiledOperations.get(args.document, args.operationName);
      if (!compiled) return;
      const operation = getOperationAST(args.document, args.operationName)!;
      if (operation.variableDefinitions?.length) {
        // The `?? {}` object is fresh, so only a request's own variables object is ever looked up again.
        if (coerceVariables(args.schema, operation, (args.variableValues ?? {}) as Record<string, unknown>).errors) return;
      }
      setExecuteFn((executionArgs) => {
        const orInterpreted = (result: ExecutionResult) => (result.errors?.length ? executeFn(executionArgs) : result);
        compiledOperations.stats.compiledRuns++;
        const result = compiled.query(executionArgs.rootValue, executionArgs.contextValue, executionArgs.variableValues);
        return result instanceof Promise ? result.then(orInterpreted) : orInterpreted(result);
      });
    },
  };
}
