/** An answer to an item, from the recipient (link, Open311) or a coordinator: its state, case number and note, on the timeline. */
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { closedStates, isClosed, type ItemState } from '../../../shared/domain/action-items.js';
import * as repo from './action-items.repository.js';
import { findRecipientRow } from './recipients.repository.js';
import { recheckHoursOf } from './follow-up.repository.js';
import { notifyObserversIfClosed } from './observer-mail.js';
import type { Executor } from '../../platform/db/database.js';

export interface Answer {
  state?: ItemState;
  externalReference?: string | null;
  note: string | null;
}

/** Applies an answer to an item: its state, its case number, a note; records it on the timeline. */
export async function applyAnswer(
  db: Executor,
  ctx: AppContext,
  row: repo.ItemRow,
  answer: Answer,
  by: { memberId?: string; byRecipient?: boolean },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const state = answer.state;
  if (state && isClosed(row.state) && state !== row.state && !by.memberId) throw new AppError('conflict', [{ field: 'state', message: 'error.item_closed' }]);
  const closing = state !== undefined && (closedStates as readonly string[]).includes(state);
  const recheckHours = closing && state === 'resolved' ? await recheckHoursOf(db, row.category_id) : null;
  await repo.updateItem(db, row.association_id, row.id, {
    ...(state && { state }),
    ...(state === 'sent' && !row.sent_at && (await firstDeadline(db, row, now, at))),
    ...(state && state !== 'sent' && !row.answered_at && { answered_at: at }),
    ...(closing && { closed_at: at }),
    ...(state && !closing && isClosed(row.state) && { closed_at: null }),
    ...(recheckHours !== null && { recheck_due_at: new Date(now.getTime() + recheckHours * 3_600_000).toISOString() }),
    ...(answer.externalReference !== undefined && { external_reference: answer.externalReference }),
    ...(state === 'sent' && { delivery_error: null }),
    updated_at: at,
  });
  await repo.addEvent(db, row.association_id, row.id, {
    kind: state === 'sent' ? 'sent' : state ? 'answered' : 'note',
    state: state ?? null,
    note: answer.note,
    externalReference: answer.externalReference ?? null,
    memberId: by.memberId ?? null,
    byRecipient: by.byRecipient,
    at,
  });
  if (closing && !isClosed(row.state))
    await notifyObserversIfClosed(db, ctx, row, state, { note: answer.note, reference: answer.externalReference ?? row.external_reference });
}

/** Sent now: the deadline starts, and it is the first one (a reminder moves due_at only). */
async function firstDeadline(db: Executor, row: repo.ItemRow, now: Date, at: string) {
  const recipient = await findRecipientRow(db, row.association_id, row.recipient_id);
  const due = new Date(now.getTime() + (recipient?.response_days ?? 14) * 86_400_000).toISOString();
  return { sent_at: at, due_at: due, first_due_at: due };
}
