/** English texts of observations. */
import type { svObservations } from './observations.sv.js';

export const enObservations: Record<keyof typeof svObservations, string> = {
  'error.privacy_guard': 'The text holds details about people that the association may not keep. Remove them, or mark the observation as handed to the police.',
  'error.privacy.personal_number': 'A personal identity number',
  'error.privacy.plate': 'A licence plate',
  'error.privacy.phone': 'A phone number',
  'error.privacy.email': 'An e-mail address',
  'error.observation_conflict': 'Another observation with the same id exists already. This one was not saved.',
  'error.edit_window_closed': 'The author may change an observation for one day only. Ask a coordinator.',
  'error.field.in_future': 'The time is in the future.',
  'error.field.too_old': 'The time is too long ago.',
  'error.field.far_away': 'The place is far outside the association’s areas.',
  'audit.action.category.create': 'Category added',
  'audit.action.category.update': 'Category changed',
  'audit.action.observation.create': 'Observation saved',
  'audit.action.observation.update': 'Observation changed',
  'error.photo.not_an_image': 'The file is not an image (JPEG, PNG or WebP).',
  'audit.action.observation.photo': 'Photo added',
};
