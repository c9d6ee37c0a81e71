import { ref, watch } from 'vue';

/**
 * 长辈模式: larger text, stronger contrast, bigger touch targets (html.easy in styles.css).
 * Remembered on this phone, so a person switches it on once.
 */
const STORAGE_KEY = 'jipin.easyMode';

function remembered(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

export const easyMode = ref(remembered());

// At start only the class, and only when on: a class written on <html> restyles the whole
// page, in the task that mounts the app on a slow phone.
if (easyMode.value) document.documentElement.classList.add('easy');
watch(easyMode, (on) => {
  document.documentElement.classList.toggle('easy', on);
  try {
    if (on) localStorage.setItem(STORAGE_KEY, '1');
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private browsing without storage: the mode still applies to this visit.
  }
});

/** Reads text aloud in Mandarin with the browser's speech synthesis; false when it has none. */
export function readAloud(text: string): boolean {
  if (!('speechSynthesis' in window)) return false;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = 'zh-CN';
  utterance.rate = 0.9;
  const voice = window.speechSynthesis
    .getVoices()
    .find((v) => v.lang.replace('_', '-') === 'zh-CN');
  if (voice) utterance.voice = voice;
  window.speechSynthesis.speak(utterance);
  return true;
}

export function stopReading(): void {
  if ('speechSynthesis' in window) window.speechSynthesis.cancel();
}
