import { reactive, ref } from 'vue';
import { showSuccessToast } from 'vant';
import { ApiError } from './api/client';

/**
 * A form's submit state: field errors from the API's `details` go next to
 * their fields (`errors[field]`), anything else into `formError` at the top.
 */
export function useSubmit() {
  const errors = reactive<Record<string, string>>({});
  const formError = ref('');
  const submitting = ref(false);

  function clear(): void {
    for (const key of Object.keys(errors)) delete errors[key];
    formError.value = '';
  }

  async function submit<T>(action: () => Promise<T>, success?: string): Promise<T | undefined> {
    clear();
    submitting.value = true;
    try {
      const result = await action();
      if (success) showSuccessToast(success);
      return result;
    } catch (error) {
      if (!(error instanceof ApiError)) {
        formError.value = '出错了，请稍后重试';
        throw error;
      }
      const fields = error.fieldErrors();
      Object.assign(errors, fields);
      const unplaced = error.details.filter((d) => !d.field).map((d) => d.message);
      formError.value = Object.keys(fields).length
        ? `${error.message}`
        : [error.message, ...unplaced].join('：');
      return undefined;
    } finally {
      submitting.value = false;
    }
  }

  return { errors, formError, submitting, submit, clear };
}

/** "焊工，叉车 司机" → ['焊工', '叉车', '司机'] */
export function splitTags(text: string): string[] {
  return text
    .split(/[,，、\s;；]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}
