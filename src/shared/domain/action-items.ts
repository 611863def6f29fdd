/** Action items: one per (observation, recipient), followed until the recipient closes it. */
export const itemStates = [
  'new',
  'queued',
  'sent',
  'acknowledged',
  'in_progress',
  'resolved',
  'rejected',
  'not_responsible',
  'duplicate',
  // A coordinator took it back before it went out: the routing proposed a recipient it should not have.
  'withdrawn',
] as const;
export type ItemState = (typeof itemStates)[number];

/** The recipient's answers that close an item. */
export const closedStates = ['resolved', 'rejected', 'not_responsible', 'duplicate'] as const satisfies readonly ItemState[];
/** What a recipient may set, through the answer link or Open311, and a coordinator on their behalf. */
export const answerStates = ['acknowledged', 'in_progress', ...closedStates] as const satisfies readonly ItemState[];
export type AnswerState = (typeof answerStates)[number];

/** Every state an item ends in: the recipient's closing answers, and withdrawn. */
export const endStates = [...closedStates, 'withdrawn'] as const satisfies readonly ItemState[];
export const isClosed = (s: string): boolean => (endStates as readonly string[]).includes(s);
/** Before delivery: the item can still be withdrawn or its routing changed. */
export const isUndelivered = (s: string): boolean => s === 'new' || s === 'queued';

/** Overdue: delivered, not answered, and past the recipient's deadline. Derived, never stored. */
/**
 * Sent, unanswered and past its deadline. The deadline is the first one the
 * item was sent with: a reminder gives the recipient more time, but the item
 * stays overdue (the IOP report counts it so).
 */
export function isOverdue(item: { state: string; dueAt: string | null; firstDueAt: string | null; answeredAt: string | null }, now: Date): boolean {
  const deadline = item.firstDueAt ?? item.dueAt;
  return item.state === 'sent' && !item.answeredAt && deadline !== null && Date.parse(deadline) < now.getTime();
}

export const channels = ['email', 'open311', 'manual'] as const;
export type Channel = (typeof channels)[number];
export const deliveries = ['each', 'daily'] as const;
export const recipientKinds = ['police', 'municipality', 'fire', 'road', 'housing', 'utility', 'other'] as const;

/** Timeline entries of an item. */
export const eventKinds = [
  'created',
  'queued',
  'sent',
  'delivery_failed',
  'retried',
  'answered',
  'note',
  'reminded',
  'escalated',
  'joined',
  'withdrawn',
  'rechecked',
  'photo_sent',
] as const;
export type EventKind = (typeof eventKinds)[number];

/** Only these urgencies go to a recipient; a note stays with the association. Urgent ones are sent at once, never in a digest. */
export const routedUrgencies = ['emergency_112', 'police_tip', 'needs_action'] as const;
export const urgentUrgencies = ['emergency_112', 'police_tip'] as const;

/** Duplicates: an open item of the same category this near and this recent is offered for joining instead of a new one. */
export const DUPLICATE_RADIUS_M = 50;
export const DUPLICATE_DAYS = 30;
