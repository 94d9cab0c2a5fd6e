import { Kind, parse, print, stripIgnoredCharacters, visit, type FieldNode, type SelectionNode } from 'graphql';

const ALIAS = 'ALIAS_PLACEHOLDER_';

/**
 * A different query text for every request, meaning the same query (the explorer's case, variant (f)
 * of `npm run bench`): request i aliases each root field `r{i}_{field}`, rotates the order of the
 * fields in every selection set by one of four steps, and is printed either pretty or with every
 * ignorable character stripped. So no two requests of a run send the same text, and no parse,
 * validation, compilation or response cache keyed by the text can serve one from another. The
 * templates are made once; a request costs the load generator one string replacement.
 */
export function variedTexts(query: string): (i: number) => string {
  const document = parse(query, { noLocation: true });
  const templates: string[] = [];
  for (let step = 0; step < 4; step++) {
    const varied = visit(document, {
      SelectionSet(node) {
        if (node.selections.length < 2) return undefined;
        const k = step % node.selections.length;
        return { ...node, selections: [...node.selections.slice(k), ...node.selections.slice(0, k)] };
      },
      OperationDefinition: {
        leave(node) {
          const aliased = (selection: SelectionNode): SelectionNode =>
            selection.kind === Kind.FIELD
              ? ({ ...selection, alias: { kind: Kind.NAME, value: `${ALIAS}${selection.name.value}` } } satisfies FieldNode)
              : selection;
          return { ...node, selectionSet: { ...node.selectionSet, selections: node.selectionSet.selections.map(aliased) } };
        },
      },
    });
    const printed = print(varied);
    templates.push(printed, stripIgnoredCharacters(printed));
  }
  return (i) => templates[i % templates.length]!.replaceAll(ALIAS, `r${i}_`);
}
