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

/**
 * graphql-jit compilations, one per parsed document and operation name (Yoga caches the parsed
 * document per query text, so each query text is compiled once). Null for an operation it must
 * not compile: not a query, or a variable of a recursive input type (graphql-jit recurses forever
 * generating their coercion code, zalando-incubator/graphql-jit#175).
 */
export class CompiledOperations {
  private readonly recursive: ReadonlySet<string>;
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  constructor(readonly schema: GraphQLSchema) {
    this.recursive = recursiveInputTypes(schema);
  }

  get(document: DocumentNode, operationName: string | null | undefined): CompiledQuery | null {
    let byName = this.byDocument.get(document);
    if (!byName) this.byDocument.set(document, (byName = new Map()));
    const key = operationName ?? '';
    if (!byName.has(key)) {
      const operation = getOperationAST(document, operationName);
      const blocked =
        !operation ||
        operation.operation !== 'query' ||
        (operation.variableDefinitions ?? []).some((definition) => {
          const type = typeFromAST(this.schema, definition.type as never);
          return type !== undefined && this.recursive.has(getNamedType(type).name);
        });
      const compiled = blocked ? null : compileQuery(this.schema, document, operationName ?? undefined);
      byName.set(key, compiled && isCompiledQuery(compiled) ? compiled : null);
    }
    return byName.get(key)!;
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
        const result = compiled.query(executionArgs.rootValue, executionArgs.contextValue, executionArgs.variableValues);
        return result instanceof Promise ? result.then(orInterpreted) : orInterpreted(result);
      });
    },
  };
}
