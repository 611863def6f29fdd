/**
 * Open311 (GeoReport v2): a job posts the item to the recipient's endpoint
 * (open311-client.ts), exactly once even when the answer is late, and polls
 * for the recipient's answer afterwards.
 */
import { enqueueJob } from '../../../platform/jobs/jobs.repository.js';
import type { Channel } from './channel.js';

export const OPEN311_SUBMIT = 'open311.submit';

export const open311Channel: Channel = {
  async queue(db, _ctx, item, recipient) {
    await enqueueJob(db, { kind: OPEN311_SUBMIT, associationId: recipient.association_id, payload: { itemId: item.id } });
    return null;
  },
};
