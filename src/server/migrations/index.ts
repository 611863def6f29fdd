/** The ordered list of migrations; a new one is appended, a landed one is never edited. */
import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_shifts.js';
import * as m0003 from './0003_observations.js';
import * as m0004 from './0004_action_items.js';
import * as m0005 from './0005_open311_server.js';
import * as m0006 from './0006_police_events.js';
import * as m0007 from './0007_est_reports.js';
import * as m0008 from './0008_follow_up.js';
import * as m0009 from './0009_dashboard_index.js';
import * as m0010 from './0010_sealed_mail_links.js';
import * as m0011 from './0011_totp_uses.js';
import * as m0012 from './0012_member_email_per_association.js';
import * as m0013 from './0013_retention.js';
import * as m0014 from './0014_observation_client_ids.js';
import * as m0015 from './0015_association_contact_email.js';
import * as m0016 from './0016_first_deadline.js';
import * as m0017 from './0017_long_request_text.js';
import * as m0018 from './0018_photos_to_follow.js';
import * as m0019 from './0019_needs_placing.js';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_shifts': m0002,
  '0003_observations': m0003,
  '0004_action_items': m0004,
  '0005_open311_server': m0005,
  '0006_police_events': m0006,
  '0007_est_reports': m0007,
  '0008_follow_up': m0008,
  '0009_dashboard_index': m0009,
  '0010_sealed_mail_links': m0010,
  '0011_totp_uses': m0011,
  '0012_member_email_per_association': m0012,
  '0013_retention': m0013,
  '0014_observation_client_ids': m0014,
  '0015_association_contact_email': m0015,
  '0016_first_deadline': m0016,
  '0017_long_request_text': m0017,
  '0018_photos_to_follow': m0018,
  '0019_needs_placing': m0019,
};
