/** Database errors that mean "that already exists", told apart on both dialects. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  // PostgreSQL: SQLSTATE 23505. SQLite (better-sqlite3): SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY.
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
