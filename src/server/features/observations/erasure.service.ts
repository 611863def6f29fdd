/**
 * Commands that erase parts of observations, for retention: the observations feature is the one
 * writer of its rows, and the retention feature decides what is due and calls these.
 */
export { clearTexts as clearObservationTexts, deletePhotoRows as deleteObservationPhotoRows } from './erasure.repository.js';
