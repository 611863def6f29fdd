/**
 * GET with a memory: the last answer is kept on the phone and used when there
 * is no connection, for the few things a screen needs to draw at all offline
 * (map settings, areas, categories).
 */
import { get } from '../api.js';

export async function remembered<T>(url: string): Promise<T> {
  const key = `grannstod.remembered:${url}`;
  try {
    const fresh = await get<T>(url);
    localStorage.setItem(key, JSON.stringify(fresh));
    return fresh;
  } catch (err) {
    const kept = localStorage.getItem(key);
    if (kept) return JSON.parse(kept) as T;
    throw err;
  }
}
