// Lint carries the style (shared/STYLE.md): no cross-lib relative imports,
// no floating promises, no explicit any. The web app (apps/web/src, .ts and .vue)
// is linted by the same rules, with its own tsconfig (browser, bundler resolution).
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'apps/web/dist/**', 'data/**', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  // Vue's rules that catch mistakes; layout is prettier's.
  ...pluginVue.configs['flat/essential'],
  {
    files: ['**/*.ts', '**/*.vue'],
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../../*'], message: 'Import other libs by alias (@jipin/...), not by relative path.' }] },
      ],
    },
  },
  {
    // A form section (ProfileFields, PhoneCodeFields) edits the fields of the form object its
    // page owns and passes down; replacing the object itself stays forbidden.
    files: ['apps/web/src/**/*.vue'],
    rules: { 'vue/no-mutating-props': ['error', { shallowOnly: true }] },
  },
  {
    // Test helpers boot the real apps and read loosely typed JSON responses.
    files: ['apps/testing/**/*.ts', '**/*spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-restricted-imports': 'off' },
  },
  {
    // Generated from the OpenAPI document (scripts/generate-api-types.ts): checked by its staleness test.
    files: ['apps/web/src/api/schema.d.ts'],
    rules: { '@typescript-eslint/no-empty-object-type': 'off' },
  },
);
