import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/**
 * The dashboard's own build: web/src → web/dist, served by the Talk Graph server at `/`
 * (src/server/dashboard-plugin.ts). Hashed names under /assets/ are cached as immutable.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: { proxy: { '/graphql': 'http://localhost:4000', '/calendar.ics': 'http://localhost:4000' } },
});
