import type { Database } from 'better-sqlite3';

/** Schema 3: reserved; filled in by its issue's work. Self-contained: never import today's types here. */
export function up(_db: Database): void {}
