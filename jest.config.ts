/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';
import miniapp from './miniapp/jest.project.cjs';

// One swc transform for every TypeScript project: decorators with metadata for Nest, ESM output.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'es6' },
  },
] as const;

// Workspace packages resolve to their sources, so tests never need a prior build.
const moduleNameMapper = {
  '^@guideshare/wechat/simulator$': '<rootDir>/packages/wechat/src/simulator/index.ts',
  '^@guideshare/(contracts|rules|wechat)$': '<rootDir>/packages/$1/src/index.ts',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};

const node = (displayName: string, roots: string[], extra: Partial<Config> = {}) => ({
  displayName,
  rootDir: '.',
  roots,
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper,
  ...extra,
});

const config: Config = {
  // A global option in jest 30 (ignored inside `projects`): API tests boot a stack and make databases.
  testTimeout: 60_000,
  projects: [
    node('packages', ['<rootDir>/packages']),
    node('api', ['<rootDir>/api/test']),
    miniapp,
  ] as Config['projects'],
};

export default config;
