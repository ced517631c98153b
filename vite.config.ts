// Builds the React UI (renderer/) into dist/renderer, which both shells serve: Electron loads
// it from disk and the browser shell (web/server.ts) over loopback HTTP. `base: './'` keeps
// every asset path relative so both work. In `vite dev`, /api is proxied to a running browser
// shell: RELIEF_API=http://127.0.0.1:PORT npx vite, then open the page with ?token=<that shell's token>.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // The browser shell accepts only its own Host and Origin: present the proxied calls as its own.
    proxy: process.env.RELIEF_API
      ? {
          // Not '/api': that prefix would also catch the module /api.ts.
          '^/api/': {
            target: process.env.RELIEF_API,
            changeOrigin: true,
            configure: (proxy) => {
              proxy.on('proxyReq', (req) => {
                req.removeHeader('origin');
              });
            },
          },
        }
      : {},
  },
});
