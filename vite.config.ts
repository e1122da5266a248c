import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorker } from './scripts/vite-service-worker';
import { routePreload } from './scripts/vite-route-preload';

export default defineConfig({
  root: 'web',
  publicDir: 'public',
  plugins: [react(), serviceWorker(), routePreload()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    // Read by the service worker's build (scripts/vite-service-worker.ts): the app shell's files.
    manifest: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
