/**
 * Middle tier: `*.int-spec.ts` beside the code, each a single context module (test/int/context-module.ts) on a
 * real MongoDB-wire server and Redis started once per run. No transport, no other app: fast room and user rules.
 */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('../../tsconfig.json');

module.exports = {
  rootDir: '../..',
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testRegex: '\\.int-spec\\.ts$',
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/int/global-setup.ts',
  globalTeardown: '<rootDir>/test/int/global-teardown.ts',
  testTimeout: 30000,
};
