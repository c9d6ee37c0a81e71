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

void appStylesApplied().then(() => createApp(App).use(router).mount('#app'));
registerServiceWorker();
