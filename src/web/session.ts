/** Who is signed in (the /api/me answer) and the text size, shared by all screens. */
import { signal } from '@preact/signals';
import type { Me } from '../shared/api/members.js';
import type { TextSize } from '../shared/domain/roles.js';
import { ApiError, get, patch } from './api.js';
import { language, setLanguage } from './i18n.js';

export const me = signal<Me | null>(null);
export const sessionChecked = signal(false);

/** The text size in force; a signal so screens that show it re-render. */
export const textSize = signal<TextSize>('normal');

export function applyTextSize(size: TextSize): void {
  textSize.value = size;
  document.documentElement.dataset.textSize = size;
  localStorage.setItem('grannstod.textSize', size);
}

/**
 * The last /api/me answer, kept on the phone so that the app opens offline
 * (in a car without coverage) as the member who signed in. Removed at sign-out.
 */
const CACHED_ME = 'grannstod.me';

export function setMe(value: Me | null): void {
  me.value = value;
  if (value) {
    setLanguage(value.member.language);
    applyTextSize(value.member.textSize);
    localStorage.setItem(CACHED_ME, JSON.stringify(value));
  } else {
    localStorage.removeItem(CACHED_ME);
  }
}

/** Loads the signed-in member, or null when nobody is signed in; offline, the member last seen here. */
export async function loadMe(): Promise<Me | null> {
  try {
    setMe(await get<Me>('/api/me'));
  } catch (err) {
    const cached = localStorage.getItem(CACHED_ME);
    if (err instanceof ApiError && err.status === 0 && cached) me.value = JSON.parse(cached) as Me;
    else if (err instanceof ApiError && err.status === 401) setMe(null);
    else throw err;
  } finally {
    sessionChecked.value = true;
  }
  return me.value;
}

export function can(permission: string): boolean {
  return me.value?.permissions.includes(permission) ?? false;
}

const CHOSEN_BEFORE_SIGN_IN = 'grannstod.chosenBeforeSignIn';

/** True when the person chose language or text size on a screen before signing in: an invitation's language must not undo it. */
export const choseBeforeSignIn = (): boolean => localStorage.getItem(CHOSEN_BEFORE_SIGN_IN) === '1';

/** Remembers that the person chose language or text size on a screen before signing in. */
export function markChosenBeforeSignIn(): void {
  localStorage.setItem(CHOSEN_BEFORE_SIGN_IN, '1');
}

/** After sign-in: loads the member, and keeps a language or text size chosen just before as their profile's. */
export async function afterSignIn(): Promise<void> {
  const chosen = localStorage.getItem(CHOSEN_BEFORE_SIGN_IN) === '1' ? { language: language.value, textSize: textSize.value } : null;
  localStorage.removeItem(CHOSEN_BEFORE_SIGN_IN);
  const m = await loadMe();
  if (m && chosen && (chosen.language !== m.member.language || chosen.textSize !== m.member.textSize)) setMe(await patch<Me>('/api/me', chosen));
}
