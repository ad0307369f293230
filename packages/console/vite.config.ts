import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the API under /console/ (hash routes keep deep links working without server rewrites).
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  // The shared contract from its sources: no prior `tsc -b` needed to build the console.
  resolve: {
    alias: { '@guideshare/contracts': fileURLToPath(new URL('../contracts/src/index.ts', import.meta.url)) },
  },
  server: { proxy: { '/api': process.env.API_URL ?? 'http://127.0.0.1:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks: the app's own code changes more often than antd or ECharts.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/, priority: 40 },
            { name: 'antd-pro', test: /node_modules[\\/]@ant-design[\\/]pro-/, priority: 30 },
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
              priority: 20,
            },
            { name: 'antd', test: /node_modules/, priority: 10 },
          ],
        },
      },
    },
  },
});
