/** The one error type of the app; http/error-handler.ts maps it to application/problem+json. */
import type { MessageKey } from '../../shared/i18n/translate.js';

export type ErrorCode =
  | 'validation'
  | 'invalid_json'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'email_taken'
  | 'setup_done'
  | 'invitation_invalid'
  | 'two_factor_required'
  | 'too_many_requests'
  | 'last_admin'
  | 'member_inactive'
  | 'signin_failed'
  | 'email_not_verified'
  | 'code_invalid'
  | 'token_invalid'
  | 'shift_full'
  | 'signup_closed'
  | 'overlapping_shift'
  | 'weekly_max_reached'
  | 'not_qualified'
  | 'seat_reserved'
  | 'vehicle_busy'
  | 'template_overlap'
  | 'shift_not_open'
  | 'shift_started'
  | 'not_in_crew'
  | 'vehicle_unavailable'
  | 'reason_required'
  | 'privacy_guard'
  | 'personal_data'
  | 'observation_conflict'
  | 'edit_window_closed'
  | 'internal';

const statusOf: Record<ErrorCode, number> = {
  validation: 400,
  invalid_json: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  setup_done: 409,
  invitation_invalid: 410,
  two_factor_required: 403,
  too_many_requests: 429,
  last_admin: 409,
  member_inactive: 409,
  signin_failed: 401,
  email_not_verified: 403,
  code_invalid: 401,
  token_invalid: 400,
  shift_full: 409,
  signup_closed: 409,
  overlapping_shift: 409,
  weekly_max_reached: 409,
  not_qualified: 409,
  seat_reserved: 409,
  vehicle_busy: 409,
  template_overlap: 409,
  shift_not_open: 409,
  shift_started: 409,
  not_in_crew: 409,
  vehicle_unavailable: 409,
  reason_required: 409,
  privacy_guard: 422,
  personal_data: 422,
  observation_conflict: 409,
  edit_window_closed: 403,
  internal: 500,
};

/** A field at fault: its path in the request and a message key. */
export interface FieldError {
  field: string;
  message: MessageKey;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields: FieldError[] = [],
  ) {
    super(code);
    this.status = statusOf[code];
  }

  /** The message key for this error's title. */
  get messageKey(): MessageKey {
    return `error.${this.code}` as MessageKey;
  }
}

/** Shorthand for the common "not in your association or does not exist" answer. */
export function notFound(): AppError {
  return new AppError('not_found');
}
