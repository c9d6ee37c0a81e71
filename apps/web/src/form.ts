import { nextTick, reactive, ref } from 'vue';
import { showSuccessToast, showToast } from 'vant';
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
      await showFirstError(Object.keys(fields).length, formError.value);
      return undefined;
    } finally {
      submitting.value = false;
    }
  }

  return { errors, formError, submitting, submit, clear };
}

/**
 * A person who pressed the button at the bottom of a long form must see what is wrong:
 * the first field in error is scrolled to the middle of the screen and focused, and a toast
 * says how many need changing (or the form's own error, scrolled into view).
 */
async function showFirstError(fieldCount: number, message: string): Promise<void> {
  await nextTick();
  const field = document.querySelector<HTMLElement>(
    '.van-field--error, .van-field:has(.van-field__error-message)',
  );
  const target = field ?? document.querySelector<HTMLElement>('.form-error');
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  const input = field?.querySelector<HTMLElement>('input, textarea');
  input?.focus({ preventScroll: true });
  const label = field?.querySelector('.van-field__label')?.textContent?.trim();
  showToast({
    message:
      fieldCount > 0 ? `有 ${fieldCount} 处需要修改${label ? `，请先看“${label}”` : ''}` : message,
    duration: 4000,
    wordBreak: 'break-word',
  });
}

/** "焊工，叉车 司机" → ['焊工', '叉车', '司机'] */
export function splitTags(text: string): string[] {
  return text
    .split(/[,，、\s;；]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}
