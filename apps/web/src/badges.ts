import { reactive, watch } from 'vue';
import { router } from './router';
import { api } from './api/client';
import { RecruiterInboxCounts, UnreadCount } from './api/types';
import { session } from './session';

/** Counts on the tab bar: unread messages (seekers), the recruiter inbox (employers). */
export const badges = reactive({ messages: 0, inbox: 0 });

async function refresh(): Promise<void> {
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
