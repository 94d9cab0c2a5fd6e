import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types the dashboard's GraphQL documents from the committed schema.graphql (client preset).
 * Documents are kept as typed strings (documentMode: 'string'): the fetch client posts them as is,
 * so no GraphQL runtime ships to the browser. Run from the repository root: `npm run web:codegen`.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      // persisted-documents.json: each operation by its id (`sha256:` + the hex SHA-256 of its printed
      // text), which is also on the document (`__meta__.hash`), so the client sends the id, not the text.
      presetConfig: { fragmentMasking: false, persistedDocuments: true },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        scalars: { JSON: 'unknown', LocalDate: 'string', LocalTime: 'string', DateTime: 'string' },
      },
    },
  },
};

export default config;
