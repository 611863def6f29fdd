/** API schemas of retention: the association's periods, what the next run takes, and what the last one did. */
import { z } from 'zod';
import { retentionKinds } from '../domain/retention.js';

export const retentionSettings = z.object({
  kinds: z.array(
    z.object({
      kind: z.enum(retentionKinds),
      months: z.number(),
      defaultMonths: z.number(),
      minMonths: z.number(),
      maxMonths: z.number(),
      /** Data from before this instant goes at the next run. */
      cutoff: z.string(),
      /** How many rows would go if the run were now. */
      due: z.number(),
    }),
  ),
  /** The installation's own periods, in days (set by the operator, the same for every association). */
  installation: z.object({
    endedSessionDays: z.number(),
    rateLimitRowDays: z.number(),
    policeEventDays: z.number(),
    policeCallDays: z.number(),
    noticeDays: z.number(),
  }),
  nextRunAt: z.string(),
  lastRun: z.object({ startedAt: z.string(), finishedAt: z.string().nullable(), removed: z.record(z.string(), z.number()) }).nullable(),
});
export type RetentionSettings = z.infer<typeof retentionSettings>;

export const retentionUpdate = z.strictObject({
  months: z.partialRecord(z.enum(retentionKinds), z.number().int().min(1).max(120)),
});
export type RetentionUpdate = z.infer<typeof retentionUpdate>;
