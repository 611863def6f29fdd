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
