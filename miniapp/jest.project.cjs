// Jest project for the mini-program: jsdom + testing-library, with hand-written mocks of
// @tarojs/taro and @tarojs/components (see test/mocks). Paths are relative to the workspace root,
// so this object can go straight into the root jest.config.ts `projects` array:
//   projects: [..., require('./miniapp/jest.project.cjs')]   (or import it)
// Run alone: cd /work/main && node node_modules/jest/bin/jest.js --config miniapp/jest.project.cjs
const path = require('node:path');

module.exports = {
  displayName: 'miniapp',
  rootDir: path.resolve(__dirname, '..'),
  roots: ['<rootDir>/miniapp/src', '<rootDir>/miniapp/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/miniapp/test/setup.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/miniapp/test/mocks/taro.ts',
    '^@tarojs/components$': '<rootDir>/miniapp/test/mocks/components.tsx',
    '\\.(css|scss|sass|less)$': '<rootDir>/miniapp/test/mocks/style.ts',
    '^@guideshare/contracts$': '<rootDir>/packages/contracts/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // Build-time constants of config/index.ts.
  globals: { API_BASE: '', H5_ORIGIN: 'http://h5.test' },
};
