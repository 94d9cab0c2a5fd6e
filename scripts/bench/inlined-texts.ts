import { astFromValue, type GraphQLInputType, type GraphQLSchema, Kind, parse, print, typeFromAST, visit, type ValueNode } from 'graphql';

/**
 * A different query text on every request, written as people write in GraphiQL: the values typed into
 * the document rather than sent as variables (variant (h) of `npm run bench`). Request i inlines
 * variable set i of the pool and drops the variable definitions, so the document differs in its
 * values — what validation reads — and no cache of any kind, the validation shape cache included,
 * can serve one request from another while the pool lasts.
 */
export function inlinedTexts(schema: GraphQLSchema, query: string, pool: ReadonlyArray<Record<string, unknown>>): (i: number) => string {
  const document = parse(query, { noLocation: true });
  const types = new Map<string, GraphQLInputType>();
  visit(document, {
    VariableDefinition(node) {
      types.set(node.variable.name.value, typeFromAST(schema, node.type as never) as GraphQLInputType);
    },
  });
  const texts = pool.map((variables) =>
    print(
      visit(document, {
        OperationDefinition: (node) => ({ ...node, variableDefinitions: [] }),
        // An unset variable becomes an explicit null, which every nullable argument accepts as absent.
        Variable: (node): ValueNode => astFromValue(variables[node.name.value] ?? null, types.get(node.name.value)!) ?? { kind: Kind.NULL },
      }),
    ),
  );
  return (i) => texts[i % texts.length]!;
}
