// The web app: Vue 3 + Vant (mobile pages) + ECharts (staff charts), built into apps/web/dist,
// which the API serves from the same origin (create-api-app.ts, WEB_DIST).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { VantResolver } from '@vant/auto-import-resolver';
import { afterFirstPaint } from './build/after-first-paint.mjs';
import { vantIconFontFile } from './build/icon-font.mjs';
import { precompress } from './build/precompress.mjs';
import { serviceWorker } from './build/service-worker.mjs';

const api = process.env.JIPIN_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    vue(),
    // Each page imports only the Vant components (and their CSS) its template uses.
    Components({ resolvers: [VantResolver()], dts: false, dirs: [] }),
    vantIconFontFile(
      fileURLToPath(new URL('../../node_modules/.cache/jipin-web', import.meta.url)),
    ),
    afterFirstPaint(),
    serviceWorker(),
    precompress(),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/api': api, '/health': api } },
});
