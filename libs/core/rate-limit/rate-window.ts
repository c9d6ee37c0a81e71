import { DomainError } from '../errors/domain-error';

/**
 * A window is kept as this many slots. A fixed window let twice the limit
 * through across its boundary (the limit at the end of one window and again at
 * the start of the next); counting every slot that touches the last window
 * instead keeps any stretch of that length at the limit.
 */
export const SLOTS_PER_WINDOW = 10;

export interface Slot {
  /** Epoch seconds the slot began. */
  start: number;
  hits: number;
}

/**
 * Throws rate_limited when the slots hold more than `most` hits. The wait is
 * until enough of the oldest slots have left the window for one more hit.
 */
export function refuseOver(
  slots: Slot[],
  most: number,
  window: { limit: number; now: number; windowSeconds: number; reason: string },
): void {
  const { limit, now, windowSeconds, reason } = window;
  let total = slots.reduce((sum, slot) => sum + slot.hits, 0);
  if (total <= most) return;
  const slotSeconds = windowSeconds / SLOTS_PER_WINDOW;
  let freedAt = now;
  for (const slot of slots) {
    if (total <= limit - 1) break;
    total -= slot.hits;
    freedAt = slot.start + windowSeconds + slotSeconds;
  }
  const seconds = Math.max(1, Math.ceil(freedAt - now));
  throw new DomainError('rate_limited', 'rate_limited', `${reason}，请在${seconds}秒后重试`, [
    { message: `请在${seconds}秒后重试`, retryAfterSeconds: seconds },
  ]);
}
