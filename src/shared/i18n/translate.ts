/** The translation layer shared by server (errors, e-mails) and web (screens). */
import { en } from './en.js';
import { sv, type MessageKey } from './sv.js';

export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];
export type { MessageKey };

const dictionaries: Record<Language, Record<MessageKey, string>> = { sv, en };

/** Narrows any string to a supported language, Swedish by default. */
export function toLanguage(value: string | null | undefined): Language {
  return value === 'en' ? 'en' : 'sv';
}

/** Picks the first supported language of an Accept-Language header. */
export function languageFromHeader(header: string | undefined): Language {
  for (const part of (header ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'sv' || tag === 'en') return tag;
  }
  return 'sv';
}

/** The message for key in lang with {name} placeholders filled. */
export function translate(lang: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = dictionaries[lang][key] ?? sv[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
