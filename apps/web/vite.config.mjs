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
const src = (path) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));
const vant = (path) => fileURLToPath(new URL(`../../node_modules/vant/es/${path}`, import.meta.url));

/**
 * The pages a seeker opens first, with the app around them, come in one chunk of code and
 * one of CSS: on a phone at 400 ms a round trip, each further file costs a round trip more.
 */
const FIRST_PAGES = [
  src('main.ts'),
  src('pages/seeker/VacancyListPage.vue'),
  src('pages/seeker/VacancyPage.vue'),
  src('pages/seeker/ResumePage.vue'),
  // Their toasts and dialogs, called from code (`import { showToast } from 'vant'`).
  vant('toast/index.mjs'),
  vant('dialog/index.mjs'),
];
/** Vant's index names every component: the pages' own imports say which they use. */
const VANT_INDEX = vant('index.mjs');

/** Names the first-load chunk for every module those pages import, directly or not. */
function firstLoadChunk() {
  let firstLoad;
  return (id, context) => {
    if (!firstLoad) {
      firstLoad = new Set();
      const visit = (module) => {
        if (firstLoad.has(module) || module === VANT_INDEX) return;
        firstLoad.add(module);
        context.getModuleInfo(module)?.importedIds.forEach(visit);
      };
      FIRST_PAGES.forEach(visit);
    }
    return firstLoad.has(id) ? 'app' : null;
  };
}

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
  // No component of the app or of Vant uses Vue's Options API: its code need not be
  // downloaded, parsed or run on a phone.
  define: { __VUE_OPTIONS_API__: 'false' },
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: firstLoadChunk() }] } } },
  },
  server: { proxy: { '/api': api, '/health': api } },
});
