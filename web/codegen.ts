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
      presetConfig: { fragmentMasking: false },
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
