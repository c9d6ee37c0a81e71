import { createApp } from 'vue';
// Vant components come with the pages that use them (unplugin-vue-components); the toast and
// dialog functions are called from code, so their styles are imported here.
import 'vant/es/toast/style';
import 'vant/es/dialog/style';
import './styles.css';
import App from './App.vue';
import { router } from './router';
import { registerServiceWorker } from './offline';
import { appStylesApplied } from './app-styles';
import { nextTask } from './next-task';

/**
 * The app starts in steps, each a task of its own: running the code, finding the page (the
 * router), drawing it. On a slow phone one task for all of it held the screen for half a
 * second, with taps waiting; between steps the browser paints and takes input. The page is
 * drawn once its route is known, not first empty and then again.
 */
async function start(): Promise<void> {
  await appStylesApplied();
  await nextTask();
  const app = createApp(App).use(router);
  // A first page that failed (its code unreachable offline) is drawn all the same: the app
  // says what went wrong (router.onError).
  await router.isReady().catch(() => undefined);
  await nextTask();
  app.mount('#app');
}

void start();
registerServiceWorker();
