/**
 * Table types for Kysely. Timestamps are ISO-8601 UTC text, dates YYYY-MM-DD,
 * booleans 0/1 and JSON as text on both dialects (see ARCHITECTURE.md).
 * better-auth's own tables (user, session, account, verification, twoFactor,
 * rateLimit) are managed by better-auth and are not typed here.
 */
import type { ColumnType, Generated } from 'kysely';

export interface AssociationTable {
  id: string;
  name: string;
  municipality: string;
  default_language: string;
  require_two_factor: number;
  signup_closes_hours: Generated<number>;
  withdraw_deadline_hours: Generated<number>;
  checkin_grace_minutes: Generated<number>;
  short_shift_notice_days: Generated<number>;
  /** The EST coordinator's address: the week's observations go there every Monday. */
  est_email: ColumnType<string | null, string | null | undefined, string | null>;
  /** Where answers to the association's mail go (Reply-To); null: the sender alone. */
  contact_email: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1: a public page shows counts per coarse grid cell and category (never points or words). */
  public_page: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PartnerOrganisationTable {
  id: string;
  association_id: string;
  name: string;
  kind: string;
  created_at: string;
}

export interface MemberTable {
  id: string;
  association_id: string;
  user_id: string | null;
  kind: string;
  partner_organisation_id: string | null;
  name: string;
  email: string;
  phone: string | null;
  language: string;
  text_size: string;
  status: string;
  created_at: string;
  updated_at: string;
  deactivated_at: string | null;
  max_shifts_per_week: Generated<number | null>;
}

export interface MemberRoleTable {
  association_id: string;
  member_id: string;
  role: string;
}

export interface QualificationTable {
  id: string;
  association_id: string;
  member_id: string;
  kind: string;
  achieved_on: string;
  expires_on: string | null;
}

export interface InvitationTable {
  id: string;
  association_id: string;
  member_id: string;
  token_hash: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
  created_by: string | null;
  created_at: string;
}

export interface AuditTable {
  id: string;
  association_id: string | null;
  actor_member_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  created_at: string;
}

export interface MailOutboxTable {
  id: string;
  association_id: string | null;
  to_address: string;
  language: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string;
  created_at: string;
  sent_at: string | null;
  attachments: ColumnType<string | null, string | null | undefined, string | null>;
  /** The links that grant access, sealed (platform/mail/sealed-links.ts); null once sent. */
  sealed_links: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Two-factor codes used to sign in, kept a few minutes so each works once (platform/auth/totp-once.ts). */
export interface TotpUseTable {
  user_id: string;
  code: string;
  used_at: string;
}

/** An association's chosen retention period for one kind of data (shared/domain/retention.ts). */
export interface RetentionPeriodTable {
  association_id: string;
  kind: string;
  months: number;
  updated_at: string;
}

/** The latest retention run of an association: started, finished (null while running or cut off), counts as JSON. */
export interface RetentionRunTable {
  association_id: string;
  started_at: string;
  finished_at: string | null;
  counts: string;
}

export interface AreaTable {
  id: string;
  association_id: string;
  name: string;
  geojson: string;
  created_at: string;
}

export interface VehicleTable {
  id: string;
  association_id: string;
  name: string;
  registration: string;
  status: string;
  odometer_km: number;
  insurance_due_on: string | null;
  service_due_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface InstallationTable {
  id: number;
  set_up_at: string;
}

export interface Database {
  installation: InstallationTable;
  associations: AssociationTable;
  partner_organisations: PartnerOrganisationTable;
  members: MemberTable;
  member_roles: MemberRoleTable;
  qualifications: QualificationTable;
  invitations: InvitationTable;
  audit_log: AuditTable;
  mail_outbox: MailOutboxTable;
  totp_uses: TotpUseTable;
  retention_periods: RetentionPeriodTable;
  retention_runs: RetentionRunTable;
  areas: AreaTable;
  vehicles: VehicleTable;
  shift_templates: ShiftTemplateTable;
  shifts: ShiftTable;
  shift_crew: ShiftCrewTable;
  calendar_feeds: CalendarFeedTable;
  notices: NoticeTable;
  observation_categories: ObservationCategoryTable;
  observations: ObservationTable;
  observation_photos: ObservationPhotoTable;
  track_segments: TrackSegmentTable;
  recipients: RecipientTable;
  routing_rules: RoutingRuleTable;
  action_items: ActionItemTable;
  action_item_observations: ActionItemObservationTable;
  action_item_events: ActionItemEventTable;
  recipient_links: RecipientLinkTable;
  mail_action_items: MailActionItemTable;
  jobs: JobTable;
  open311_keys: Open311KeyTable;
  police_events: PoliceEventTable;
  police_api_calls: PoliceApiCallTable;
  iop_reports: IopReportTable;
}

/** The board's texts of the IOP follow-up report for one period. */
export interface IopReportTable {
  id: string;
  association_id: string;
  period_from: string;
  period_to: string;
  /** JSON: section key → text. */
  sections: string;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface RecipientTable {
  id: string;
  association_id: string;
  partner_organisation_id: string | null;
  name: string;
  kind: string;
  language: string;
  response_days: number;
  channel: string;
  email: string | null;
  delivery: string;
  open311_url: string | null;
  open311_api_key: string | null;
  open311_jurisdiction: string | null;
  open311_service_codes: string;
  manual_instructions: string | null;
  contacts: string;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface RoutingRuleTable {
  id: string;
  association_id: string;
  category_id: string | null;
  area_id: string | null;
  recipient_id: string;
  precedence: number;
  final: number;
  enabled: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ActionItemTable {
  id: string;
  association_id: string;
  recipient_id: string;
  category_id: string;
  state: string;
  urgent: number;
  lat: number;
  lng: number;
  external_reference: string | null;
  delivery_error: string | null;
  open311_request_id: string | null;
  open311_token: string | null;
  sent_at: string | null;
  /** The deadline now: a reminder moves it. */
  due_at: string | null;
  /** The deadline the item was first sent with: overdue is measured against it (migration 0016). */
  first_due_at: ColumnType<string | null, string | null | undefined, string | null>;
  answered_at: string | null;
  closed_at: string | null;
  reminded_at: string | null;
  escalated_at: string | null;
  recheck_due_at: string | null;
  rechecked_at: string | null;
  /** gone | still_there: what the patrol found. */
  recheck_result: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

export interface ActionItemObservationTable {
  item_id: string;
  observation_id: string;
  association_id: string;
  created_at: string;
}

export interface ActionItemEventTable {
  id: string;
  association_id: string;
  item_id: string;
  at: string;
  kind: string;
  state: string | null;
  note: string | null;
  external_reference: string | null;
  member_id: string | null;
  by_recipient: Generated<number>;
}

export interface RecipientLinkTable {
  id: string;
  association_id: string;
  item_id: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface MailActionItemTable {
  mail_id: string;
  item_id: string;
}

export interface JobTable {
  id: string;
  association_id: string | null;
  kind: string;
  payload: string;
  status: string;
  run_at: string;
  attempts: Generated<number>;
  max_attempts: number;
  last_error: string | null;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface TrackSegmentTable {
  id: string;
  association_id: string;
  shift_id: string;
  member_id: string;
  started_at: string;
  ended_at: string;
  point_count: number;
  polyline: string;
  seconds: string;
  content_hash: string;
  created_at: string;
}

export interface ObservationPhotoTable {
  observation_id: string;
  sha256: string;
  association_id: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  created_at: string;
}

export interface ObservationCategoryTable {
  id: string;
  association_id: string;
  code: string;
  parent_id: string | null;
  label_sv: string;
  label_en: string;
  icon: string;
  sort_order: number;
  enabled: Generated<number>;
  created_at: string;
  updated_at: string;
  recheck_hours: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ObservationTable {
  id: string;
  association_id: string;
  author_member_id: string;
  shift_id: string | null;
  vehicle_id: string | null;
  category_id: string;
  urgency: string;
  text: string | null;
  lat: number;
  lng: number;
  accuracy_m: number | null;
  area_id: string | null;
  address: string | null;
  observed_at: string;
  handed_to_police_at: string | null;
  police_reference: string | null;
  call_112_at: string | null;
  call_reference: string | null;
  content_hash: string;
  created_at: string;
  updated_at: string;
  /** Set when the routing sweep has made the observation's action items (or found none due). */
  routed_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** The partner system's key when the observation came in through the Open311 endpoint. */
  open311_key_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** A picture the partner system linked to, for observations from Open311. */
  media_url: ColumnType<string | null, string | null | undefined, string | null>;
  /** The phone's id when another association held it already; null when the phone's id is `id` (see migration 0014). */
  client_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Photos the phone said would follow; routing waits for them, within PHOTO_GRACE_SECONDS (migration 0018). */
  photos_expected: Generated<number>;
  /** 1: came with an address only; waits unrouted for a coordinator to place it (migration 0019). */
  needs_placing: Generated<number>;
}

export interface PoliceEventTable {
  id: string;
  occurred_at: string;
  name: string;
  summary: string;
  url: string;
  type: string;
  location_name: string;
  lat: number;
  lng: number;
  fetched_at: string;
}

export interface PoliceApiCallTable {
  id: string;
  at: string;
  location_name: string;
  status: number;
  blocked_until: string | null;
}

export interface Open311KeyTable {
  id: string;
  association_id: string;
  name: string;
  key_hash: string;
  key_prefix: string;
  member_id: string;
  may_submit: number;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ShiftTemplateTable {
  id: string;
  association_id: string;
  vehicle_id: string;
  name: string;
  weekdays: string;
  start_time: string;
  end_time: string;
  crew_min: number;
  crew_max: number;
  area_id: string | null;
  valid_from: string;
  valid_until: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ShiftTable {
  id: string;
  association_id: string;
  vehicle_id: string;
  template_id: string | null;
  starts_at: string;
  ends_at: string;
  crew_min: number;
  crew_max: number;
  area_id: string | null;
  note: string | null;
  status: string;
  cancel_reason: string | null;
  sequence: Generated<number>;
  checked_in_at: string | null;
  checked_in_by: string | null;
  driver_member_id: string | null;
  odometer_start_km: number | null;
  start_place: string | null;
  briefing_note: string | null;
  checked_out_at: string | null;
  odometer_end_km: number | null;
  end_place: string | null;
  summary: string | null;
  nothing_to_report: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ShiftCrewTable {
  id: string;
  association_id: string;
  shift_id: string;
  member_id: string;
  place: string;
  as_driver: Generated<number>;
  as_leader: Generated<number>;
  present: number | null;
  created_at: string;
}

export interface CalendarFeedTable {
  id: string;
  association_id: string;
  member_id: string;
  vehicle_id: string | null;
  token: string;
  created_at: string;
  revoked_at: string | null;
}

export interface NoticeTable {
  key: string;
  association_id: string;
  created_at: string;
}
