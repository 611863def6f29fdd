/**
 * How long an association keeps each kind of data (GDPR art. 5(1)(e): no longer
 * than needed). An admin sets each period in months within the bounds here; the
 * defaults are justified in README.md ("What is kept, and for how long"). What
 * the follow-up counts (observations per category, area and hour; shifts, hours
 * and kilometres; items and their answers) is never removed: only the words,
 * pictures, routes and records that can point at a person.
 */
export const retentionKinds = ['observation_texts', 'routes', 'shift_notes', 'mail_bodies', 'jobs', 'audit', 'invitations'] as const;
export type RetentionKind = (typeof retentionKinds)[number];

export interface RetentionRule {
  /** Months kept when the association has not chosen. */
  defaultMonths: number;
  minMonths: number;
  maxMonths: number;
}

export const retentionRules: Record<RetentionKind, RetentionRule> = {
  // The crew's words and photos (and references, notes on items): long enough to follow an item to its end and
  // compare a year with the one before; after that the counts carry the follow-up.
  observation_texts: { defaultMonths: 24, minMonths: 3, maxMonths: 60 },
  // Where the car drove: shows a person's whereabouts; useful for coverage over a season or a year.
  routes: { defaultMonths: 12, minMonths: 1, maxMonths: 36 },
  // Shift notes, police briefings, summaries, reasons for cancelling (the driving log's places and km stay).
  shift_notes: { defaultMonths: 24, minMonths: 3, maxMonths: 84 },
  // What mail said, and to whom: only needed while a mail is sent and answered.
  mail_bodies: { defaultMonths: 3, minMonths: 1, maxMonths: 24 },
  // Finished background work: only needed to see why something failed.
  jobs: { defaultMonths: 1, minMonths: 1, maxMonths: 12 },
  // Who did what: kept as long as a question about it may come up (a board's term and the next).
  audit: { defaultMonths: 24, minMonths: 12, maxMonths: 84 },
  // Invitations that were accepted, revoked or ran out.
  invitations: { defaultMonths: 3, minMonths: 1, maxMonths: 24 },
};

/**
 * Kept by the installation, the same for every association (the operator's, not a board's, to choose):
 * ended sessions, throttling rows, two-factor codes, police events, the call log to Polisen, sent-once keys.
 */
export const installationRetention = {
  endedSessionDays: 7,
  rateLimitRowDays: 1,
  policeEventDays: 90,
  policeCallDays: 2,
  noticeDays: 400,
} as const;

/** The instant before which data of a kind goes: `months` calendar months before now. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}
