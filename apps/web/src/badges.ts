import { reactive, watch } from 'vue';
import { router } from './router';
import { api } from './api/client';
import { RecruiterInboxCounts, UnreadCount } from './api/types';
import { session } from './session';

/** Counts on the tab bar: unread messages (seekers), the recruiter inbox (employers). */
export const badges = reactive({ messages: 0, inbox: 0 });

/**
 * The count being read and when it was asked: the first page's sign-in and its page change
 * ask within the same moment, and are answered by one request. A later ask reads anew.
 */
let reading: { done: Promise<void>; at: number } | undefined;
const SAME_MOMENT_MS = 100;

function refresh(): Promise<void> {
  const now = performance.now();
  if (!reading || now - reading.at > SAME_MOMENT_MS) {
    const current = { at: now, done: readCounts() };
    reading = current;
    void current.done.finally(() => {
      if (reading === current) reading = undefined;
    });
  }
  return reading.done;
}

async function readCounts(): Promise<void> {
  const role = session.account?.role;
  try {
    if (role === 'seeker')
      badges.messages = (await api.get<UnreadCount>('/api/messages/unread')).unread;
    if (role === 'employer')
      badges.inbox = (await api.get<RecruiterInboxCounts>('/api/employer/inbox/counts')).total;
  } catch {
    // A badge is a hint: a failed count keeps the last one.
  }
}

// On every page change, and at sign-in.
router.afterEach(() => void refresh());
watch(
  () => session.account?.id,
  () => void refresh(),
);
