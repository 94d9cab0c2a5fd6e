import { GraphQLEnumType, GraphQLError, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { shortcutSafe } from './shortcut-safety.ts';

const ENUM_ERROR = /Value "([^"]*)" does not exist in "(\w+)" enum|Enum "(\w+)" cannot represent/;

/** Adds `extensions.accepted` (the enum's values) to errors about an unknown enum value, e.g. `day: FRIDAYY`. */
export function withEnumHints(schema: GraphQLSchema, error: GraphQLError): GraphQLError {
  const match = ENUM_ERROR.exec(error.message);
  const type = match ? schema.getType(match[2] ?? match[3] ?? '') : null;
  if (!(type instanceof GraphQLEnumType) || error.extensions.accepted) return error;
  const accepted = type.getValues().map((v) => v.name);
  return new GraphQLError(`${error.message} Accepted values: ${accepted.join(', ')}.`, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: error.extensions.code ?? 'BAD_USER_INPUT', accepted },
  });
}

/** Applies withEnumHints to validation errors and to variable-coercion errors of execution. */
export function useEnumHints(schema: GraphQLSchema): Plugin {
  return shortcutSafe(enumHints(schema), 'rewords errors only, and answers with errors are never cached');
}

function enumHints(schema: GraphQLSchema): Plugin {
  return {
    onValidate:
      () =>
      ({ result, setResult }) => {
        if (result.length > 0) setResult(result.map((e) => withEnumHints(schema, e)));
      },
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if ('errors' in result && result.errors && result.errors.length > 0) {
          setResult({ ...result, errors: result.errors.map((e) => withEnumHints(schema, e)) });
        }
      },
    }),
  };
}
