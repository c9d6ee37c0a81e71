import { onMounted, ref } from 'vue';
import { ApiError } from './api/client';

export function messageOf(error: unknown, fallback = '加载失败，请稍后重试'): string {
  return error instanceof ApiError ? error.message : fallback;
}

/**
 * A page's loading and error state around `fetch` (which stores what it reads),
 * run when the page mounts and again on "重新加载".
 */
export function useLoad(fetch: () => Promise<void>, options: { immediate?: boolean } = {}) {
  const loading = ref(options.immediate !== false);
  const error = ref('');

  async function load(): Promise<void> {
    loading.value = true;
    error.value = '';
    try {
      await fetch();
    } catch (e) {
      error.value = messageOf(e);
    } finally {
      loading.value = false;
    }
  }

  if (options.immediate !== false) onMounted(load);
  return { loading, error, load };
}
