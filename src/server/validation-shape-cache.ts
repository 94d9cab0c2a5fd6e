import { Kind, type DocumentNode, type FieldNode, type GraphQLError, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import { SecondSighting } from './second-sighting.ts';
import { shortcutSafe } from './shortcut-safety.ts';

/**
 * The shape of a document as validation sees it: the same for two documents exactly when they differ
 * only in whitespace, comments, locations and the spelling of aliases. Every other part of the AST is
 * written out (generically, so a node kind added to graphql-js is covered too). Response names (an
 * alias, or the field name where there is none) are numbered in order of appearance, so which fields
 * share a response name — all that OverlappingFieldsCanBeMergedRule reads of them — is kept, and so is
 * whether a field has an alias (the alias limit counts them). Field order is kept.
 */
export function validationShapeOf(document: DocumentNode): string {
  const responseNames = new Map<string, number>();
  const write = (value: unknown): string => {
    if (typeof value === 'string') return `${value.length}:${value}`;
    if (value === undefined) return '-';
    if (value === null || typeof value !== 'object') return String(value);
    if (Array.isArray(value)) {
      let out = '[';
      for (const item of value) out += write(item);
      return `${out}]`;
    }
    // The parser gives every node of a kind the same properties in the same order (kind first), so
    // the values alone, each self-delimiting, say which property is which.
    const node = value as Record<string, unknown>;
    let out = '{';
    if (node.kind === Kind.FIELD) {
      const field = node as unknown as FieldNode;
      const responseName = field.alias?.value ?? field.name.value;
      let id = responseNames.get(responseName);
      if (id === undefined) responseNames.set(responseName, (id = responseNames.size));
      out += field.alias ? `@${id}` : `=${id}`;
    }
    for (const key in node) if (key !== 'loc' && key !== 'alias') out += write(node[key]);
    return `${out}}`;
  };
  return write(document);
}

export interface ValidationShapeCacheLimits {
  /** Bytes of shapes kept (two bytes a character, plus overhead). Default 8 MiB. */
  maxBytes?: number;
}

const ruleNames = (rules: readonly ValidationRule[] | undefined) => (rules ?? []).map((rule) => rule.name).join(',');

/**
 * Validation skipped for a document whose shape (validationShapeOf) passed the same rules before: a
 * query reformatted, re-aliased or sent with another operation text by a code generator is new text
 * to Yoga's caches (keyed by text and by parsed document) but not to validation. A shape is kept from
 * its second pass (SecondSighting), so documents that are new in what validation reads (values typed
 * into the text) leave nothing behind. Only passes are kept: a document with errors is always
 * validated in full, so its errors are graphql-js' own. The rules are part of the key by name, as in
 * Yoga's own validation cache (armor makes its rules per request). One cache serves one schema.
 */
export class ValidationShapeCache {
  private readonly passed: LRUCache<string, true>;
  private readonly sighting = new SecondSighting();
  hits = 0;
  misses = 0;

  constructor(limits: ValidationShapeCacheLimits = {}) {
    this.passed = new LRUCache({ maxSize: limits.maxBytes ?? 8 * 1024 * 1024, sizeCalculation: (_value, key) => key.length * 2 + 64 });
  }

  /** Validates through `validate` unless a document of the same shape passed the same rules. */
  validate(
    validate: (document: DocumentNode, rules: readonly ValidationRule[] | undefined) => readonly GraphQLError[],
    document: DocumentNode,
    rules: readonly ValidationRule[] | undefined,
  ): readonly GraphQLError[] {
    const key = `${ruleNames(rules)}\n${validationShapeOf(document)}`;
    if (this.passed.has(key)) {
      this.hits++;
      return [];
    }
    this.misses++;
    const errors = validate(document, rules);
    if (errors.length === 0 && this.sighting.admit(key)) this.passed.set(key, true);
    return errors;
  }
}

/**
 * The plugin: wraps the validation function, so it sees the rules every plugin added. Yoga's own
 * cache (by parsed document) answers first for a text seen before; this one only for a new text.
 */
export function useValidationShapeCache(cache: ValidationShapeCache): Plugin {
  return shortcutSafe(
    {
      onValidate({ validateFn, setValidationFn }) {
        setValidationFn((schema, document, rules, typeInfo, options) =>
          cache.validate((doc, finalRules) => validateFn(schema, doc, finalRules as ValidationRule[] | undefined, typeInfo, options), document, rules),
        );
      },
    },
    'only skips validation of a document whose shape passed it; a cached answer was validated when it was made',
  );
}
