/** The language of the screens: a signal, so every text re-renders when it changes. */
import { signal } from '@preact/signals';
import { toLanguage, translate, type Language, type MessageKey } from '../shared/i18n/translate.js';

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('grannstod.language');
export const language = signal<Language>(toLanguage(stored));

export function setLanguage(lang: Language): void {
  language.value = lang;
  localStorage.setItem('grannstod.language', lang);
  document.documentElement.lang = lang;
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(language.value, key, params);
}

/** Dates and times as people read them here, in Stockholm time. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(language.value === 'en' ? 'en-GB' : 'sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'medium', timeStyle: 'short' });
}
