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
    rolldownOptions: {
      treeshake: {
        // web/ui's modules have no effect when loaded (components, types; their CSS is a module of its
        // own and keeps its effect): a page that imports one component from the web/ui barrel gets that
        // one, not every module the barrel names (the dialog's and the form fields' react-aria code came
        // with every page, issue 18: Lighthouse on phones).
        moduleSideEffects: (id: string) => !/[\\/]web[\\/]ui[\\/][^/\\]+\.tsx?$/.test(id),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
