import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

// Taro sets TARO_ENV from `--type` before this file is evaluated.
const platform = process.env.TARO_ENV || 'weapp';

// weapp talks to the API by absolute URL (a build-time constant); H5 is served by the API itself,
// so it uses relative `/api` unless H5_API_BASE says otherwise (e.g. a static dev server).
const apiBase = platform === 'h5' ? (process.env.H5_API_BASE ?? '') : process.env.API_BASE || 'http://127.0.0.1:3000';
// Where a scanned poster QR should open the H5 storefront (the API serves it).
const h5Origin = process.env.H5_ORIGIN || process.env.API_BASE || 'http://127.0.0.1:3000';

// Shared TypeScript sources of the workspace, compiled by Taro's babel like our own code.
const packagesDir = path.resolve(__dirname, '../../packages');
const contractsSrc = path.join(packagesDir, 'contracts/src/index.ts');

function webpackChain(chain: any) {
  chain.resolve.alias.set('@guideshare/contracts$', contractsSrc);
  // packages/ use NodeNext-style imports ("./money.js" for ./money.ts).
  chain.merge({ resolve: { extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } } });
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'guideshare',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
      H5_ORIGIN: JSON.stringify(h5Origin),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [packagesDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain,
    },
    h5: {
      compile: { include: [packagesDir] },
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain,
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
