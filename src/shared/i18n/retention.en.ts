/** English texts of retention (how long data is kept). */
import type { svRetention } from './retention.sv.js';

export const enRetention: Record<keyof typeof svRetention, string> = {
  'nav.retention': 'Retention',
  'retention.title': 'Retention',
  'retention.intro':
    'The association keeps personal data only as long as it is needed. Here the board chooses how many months each kind of data is kept. Every night the system removes what is older. What the follow-up counts (observations per category, area and hour, shifts, hours and kilometres) stays.',
  'retention.nextRun': 'Next run: {when}.',
  'retention.lastRun': 'The last run finished {when}.',
  'retention.save': 'Save the periods',
  'retention.saved': 'Saved. The next run follows the new periods.',
  'retention.bounds': 'Between {min} and {max} months (default {default}).',
  'retention.due': 'The next run removes {n}: everything from before {date}.',
  'retention.dueNone': 'Nothing to remove now (the limit is {date}).',
  'retention.kind.observation_texts': 'Observations’ words and photos (months)',
  'retention.kind.routes': 'Routes driven (months)',
  'retention.kind.shift_notes': 'Notes on shifts (months)',
  'retention.kind.mail_bodies': 'What sent mail said (months)',
  'retention.kind.jobs': 'Finished background jobs (months)',
  'retention.kind.audit': 'The audit log (months)',
  'retention.kind.invitations': 'Used and old invitations (months)',
  'retention.what.observation_texts':
    'The crew’s words, photos, police and 112 references, and notes on items. The observation itself (category, place, time) stays.',
  'retention.what.routes': 'Where the car drove on shifts. Coverage in the follow-up counts only what is left.',
  'retention.what.shift_notes':
    'Shift notes, the police briefing, the summary and why a shift was cancelled. Times, crew, places and kilometres in the driving log stay.',
  'retention.what.mail_bodies': 'What mail said and to whom. That it was sent stays.',
  'retention.what.jobs': 'Done and failed jobs (Open311 deliveries, retention runs).',
  'retention.what.audit': 'Who did what in the system.',
  'retention.what.invitations': 'Invitations that were used, revoked or ran out.',
  'retention.installationHeading': 'What the operator sets for every association',
  'retention.installation.sessions': 'Ended sign-ins and one-time links are removed after {days} days.',
  'retention.installation.police': 'Police events on the map are removed after {days} days.',
  'retention.installation.notices': 'Marks that a reminder was sent are removed after {days} days.',
  'audit.action.retention.update': 'Retention periods changed',
  'audit.action.retention.run': 'Retention run',
  'error.field.out_of_range': 'The value is outside what is allowed.',
};
