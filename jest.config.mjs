// Jest runs the TypeScript sources as ES modules (node --experimental-vm-modules, see
// scripts/jest.sh), compiled by SWC with the decorator metadata NestJS reads.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  sourceMaps: 'inline',
};

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/scripts'],
  testMatch: ['**/*spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/apps/web/src/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tools/'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@jipin/testing$': '<rootDir>/apps/testing/index.ts',
    '^@jipin/(.*)$': '<rootDir>/libs/$1/index.ts',
  },
  // Files run two at a time (two cores), each on its own database and queue prefix.
  maxWorkers: 2,
  // Integration, fault and browser tests start processes and databases; none asserts a time.
  testTimeout: 180_000,
  reporters: ['default', '<rootDir>/scripts/jest/summary-reporter.mjs'],
};
