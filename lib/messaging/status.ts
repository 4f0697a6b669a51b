// Provider statuses only move forward: a late "sent" never overwrites "delivered".
// Messages: accepted → queued → sending → sent → delivered | undelivered | failed (| read).
// Calls: queued → initiated → ringing → in-progress → completed | busy | no-answer | failed | canceled.

const rank: Record<string, number> = {
  pending: 0,
  accepted: 1,
  queued: 1,
  initiated: 2,
  sending: 2,
  ringing: 3,
  sent: 3,
  "in-progress": 4,
  delivered: 5,
  read: 6,
  undelivered: 5,
  failed: 5,
  completed: 5,
  busy: 5,
  "no-answer": 5,
  canceled: 5,
};

export const finalStatuses = new Set(["delivered", "read", "undelivered", "failed", "completed", "busy", "no-answer", "canceled"]);
export const failedStatuses = new Set(["undelivered", "failed", "busy", "no-answer", "canceled"]);

export function isKnownStatus(status: string): boolean {
  return status in rank;
}

/** Whether `next` may replace `current`. Final statuses are never replaced, except read after delivered. */
export function movesForward(current: string, next: string): boolean {
  if (!isKnownStatus(next)) return false;
  if (finalStatuses.has(current)) return current === "delivered" && next === "read";
  return (rank[next] ?? 0) > (rank[current] ?? 0);
}
