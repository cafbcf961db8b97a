import type Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseError, type DatabaseErrorCode, ValidationError } from '../errors.js';
import { t } from '../messages/catalogue.js';
import { connect } from './cipher.js';
import { MIGRATIONS, LATEST_VERSION } from './migrations/index.js';
import { applyDerivedSchema, derivedSchemaStale } from './derived.js';

export type { Sqlite } from './sqlite.js';
import type { Sqlite } from './sqlite.js';

/** The exit-5 failures this file reports (src/errors.ts). */
const LOCKED: DatabaseErrorCode = 'database-locked';
const MISSING: DatabaseErrorCode = 'database-missing';
const NEWER: DatabaseErrorCode = 'database-newer';
const UNREADABLE: DatabaseErrorCode = 'database-unreadable';

export type Statement = Database.Statement;

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

/**
 * The connection as seen inside `Db.read`: store functions that only select take
 * this. It is the same object as a `Db`, branded by type alone (as Signal's ts/sql
 * does), so that the compiler, not a reviewer, keeps writes out of reads.
 */
export type ReadableDB = Db & { readonly [readableBrand]: true };

/**
 * The connection as seen inside `Db.write` (BEGIN IMMEDIATE): store functions that
 * insert, update or delete take this. A WritableDB is usable wherever a ReadableDB
 * is, never the reverse: a write through a read connection does not compile.
 */
export type WritableDB = ReadableDB & { readonly [writableBrand]: true };

export interface OpenOptions {
  /** Open an existing file read-only (reports, roll-ups): never creates or migrates. */
  readonly?: boolean;
  /** Create the file when missing (init, migrate). Other commands refuse a missing file. */
  create?: boolean;
  /** Run pending migrations on open (default true for read-write). */
  migrate?: boolean;
  busyTimeoutMs?: number;
  /**
   * The passphrase to use instead of the office key (src/store/cipher.ts): an encrypted file
   * opens with it, and a new (still empty) file is encrypted with it from its first page
   * (init --encrypt). A plain file with content opens as it is.
   */
  key?: string | undefined;
}

/** Bytes the WAL is truncated back to after a checkpoint (64 MiB). */
export const WAL_SIZE_LIMIT = 64 * 1024 * 1024;

/**
 * PARVANDE_WAL_LIMIT_BYTES overrides WAL_SIZE_LIMIT: a small disk may want less, and
 * tests prove the cut-back without writing 64 MiB.
 */
export function walSizeLimit(): number {
  const raw = process.env.PARVANDE_WAL_LIMIT_BYTES;
  if (raw === undefined || raw.trim() === '') return WAL_SIZE_LIMIT;
  const bytes = Number(raw.trim());
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    throw new ValidationError(
      t('invalid PARVANDE_WAL_LIMIT_BYTES "{value}": expected a whole number of bytes', { value: raw.trim() }),
      'PARVANDE_WAL_LIMIT_BYTES',
    );
  }
  return bytes;
}

/**
 * PARVANDE_MAX_PAGES caps the file at that many pages (PRAGMA max_page_count): a test
 * hook that makes SQLite fail with SQLITE_FULL exactly as on a full disk, on any machine.
 */
export function maxPagesFromEnv(): number | undefined {
  const raw = process.env.PARVANDE_MAX_PAGES;
  if (raw === undefined || raw.trim() === '') return undefined;
  const pages = Number(raw.trim());
  if (!Number.isSafeInteger(pages) || pages < 1) {
    throw new ValidationError(
      t('invalid PARVANDE_MAX_PAGES "{value}": expected a whole number of pages', { value: raw.trim() }),
      'PARVANDE_MAX_PAGES',
    );
  }
  return pages;
}

function walBytes(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

const isPosix = process.platform !== 'win32';

/** Owner-only where the OS has modes; a no-op on Windows. */
export function restrictToOwner(path: string, mode: 0o600 | 0o700 = 0o600): void {
  if (!isPosix) return;
  try {
    chmodSync(path, mode);
  } catch {
    // The file may be gone already (a -shm removed at close); nothing to protect then.
  }
}

/**
 * One SQLite connection with the office's pragmas, and the one place that turns
 * SQLite's failures into typed errors. Statements are cached by their SQL text.
 */
export class Db {
  readonly sqlite: Sqlite;
  readonly path: string;
  readonly readonly: boolean;
  /** The file is encrypted (docs/encryption.md). */
  readonly encrypted: boolean;
  /** journal_size_limit of this connection, in bytes. */
  readonly walLimit: number;
  private readonly cache = new Map<string, Statement>();

  private constructor(sqlite: Sqlite, path: string, readonly: boolean, encrypted: boolean, walLimit: number) {
    this.sqlite = sqlite;
    this.path = path;
    this.readonly = readonly;
    this.encrypted = encrypted;
    this.walLimit = walLimit;
  }

  static open(file: string, options: OpenOptions = {}): Db {
    const path = resolve(file);
    const readonly = options.readonly === true;
    const walLimit = walSizeLimit();
    const exists = existsSync(path);
    if (!exists && (readonly || options.create !== true)) {
      throw new DatabaseError(MISSING, t('no database at {path}: run "parvande init" first, or pass --db', { path }));
    }
    if (!exists) {
      const dir = dirname(path);
      if (!existsSync(dir)) {
        try {
          mkdirSync(dir, { recursive: true, mode: 0o700 });
        } catch (err) {
          throw new DatabaseError(
            UNREADABLE,
            t('cannot create the folder {dir} ({code})', { dir, code: String((err as { code?: unknown }).code ?? err) }),
          );
        }
        restrictToOwner(dir, 0o700);
      }
      createOwnerOnly(path);
    }
    let sqlite: Sqlite;
    let encrypted: boolean;
    try {
      // The cipher pragmas come first, before even the version check: nothing is read unkeyed.
      ({ sqlite, encrypted } = connect(path, { readonly, key: options.key }));
    } catch (err) {
      throw translateSqliteError(err, path);
    }
    const db = new Db(sqlite, path, readonly, encrypted, walLimit);
    openDatabases.add(db);
    lastOpened = path;
    try {
      // The version check comes first: a newer file must not even be switched to WAL.
      sqlite.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
      db.checkVersion();
      db.checkIsParvande(options.create === true);
      db.configure();
      if (!readonly && options.migrate !== false) db.migrate();
    } catch (err) {
      sqlite.close();
      openDatabases.delete(db);
      throw translateSqliteError(err, path);
    }
    return db;
  }

  private configure(): void {
    const s = this.sqlite;
    if (!this.readonly) {
      s.pragma('journal_mode = WAL');
      for (const side of ['-wal', '-shm']) restrictToOwner(this.path + side);
    }
    // Offices lose power: an acknowledged write must survive (better-sqlite3 defaults WAL to NORMAL).
    s.pragma('synchronous = FULL');
    s.pragma('foreign_keys = ON');
    // The report counts are kept by triggers; their statement journals in memory keep writes fast.
    s.pragma('temp_store = MEMORY');
    // After a long read held checkpoints back, the next checkpoint cuts the WAL back to this size.
    s.pragma(`journal_size_limit = ${this.walLimit}`);
    const maxPages = maxPagesFromEnv();
    if (maxPages !== undefined && !this.readonly) s.pragma(`max_page_count = ${maxPages}`);
  }

  get userVersion(): number {
    return Number(this.sqlite.pragma('user_version', { simple: true }));
  }

  private checkVersion(): void {
    const v = this.userVersion;
    if (v > LATEST_VERSION) {
      throw new DatabaseError(
        NEWER,
        t(
          '{path} was written by a newer parvande (schema {version}; this version knows {latest}): upgrade parvande; the file was not touched',
          {
            path: this.path,
            version: v,
            latest: LATEST_VERSION,
          },
        ),
      );
    }
  }

  /**
   * Schema 0 is a file no parvande has written. Empty, it is a new database (only init
   * may start it); with tables of its own it belongs to another program and is never touched.
   */
  private checkIsParvande(create: boolean): void {
    if (this.userVersion !== 0) return;
    const tables = (this.sqlite.prepare(`SELECT count(*) AS n FROM sqlite_master`).get() as { n: number }).n;
    if (tables > 0) {
      throw new DatabaseError(
        UNREADABLE,
        t('{path} is an SQLite file of another program, not a parvande database; it was not touched', { path: this.path }),
      );
    }
    if (!create) throw new DatabaseError(MISSING, t('{path} is empty: run "parvande init" first, or pass --db', { path: this.path }));
  }

  /** Migrations not yet run; at the latest schema, 1 while derived schema (src/store/derived.ts) is out of date. */
  pendingMigrations(): number {
    const behind = LATEST_VERSION - this.userVersion;
    return behind !== 0 ? behind : derivedSchemaStale(this.sqlite) ? 1 : 0;
  }

  /** Runs every pending migration in one IMMEDIATE transaction; returns the versions applied. */
  migrate(): number[] {
    const applied: number[] = [];
    if (this.pendingMigrations() <= 0) return applied;
    this.write(() => {
      const from = this.userVersion;
      for (const m of MIGRATIONS) {
        if (m.version <= from) continue;
        m.up(this.sqlite);
        this.sqlite.pragma(`user_version = ${m.version}`);
        applied.push(m.version);
      }
      applyDerivedSchema(this.sqlite);
    });
    return applied;
  }

  stmt(sql: string): Statement {
    let s = this.cache.get(sql);
    if (s === undefined) {
      s = this.sqlite.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  /** A write transaction: BEGIN IMMEDIATE, so writers queue on the busy timeout instead of failing mid-way. */
  write<T>(fn: (db: WritableDB) => T): T {
    if (this.readonly) throw new DatabaseError(UNREADABLE, t('{path} is open read-only', { path: this.path }));
    try {
      return this.sqlite.transaction(() => fn(this as Db as WritableDB)).immediate();
    } catch (err) {
      throw translateSqliteError(err, this.path);
    }
  }

  /**
   * The connection with no transaction around it, for work that runs its own (import's
   * batches and savepoints, the demo's bulk load, an export's snapshot, a backup) or must
   * not run inside one (`db check` reads on past a damaged page). Such work begins and
   * commits itself; everything else goes through `read` or `write`.
   */
  outsideTransaction(): WritableDB {
    return this as Db as WritableDB;
  }

  /** A read that sees one consistent snapshot (a deferred transaction). */
  read<T>(fn: (db: ReadableDB) => T): T {
    try {
      return this.sqlite.transaction(() => fn(this as Db as ReadableDB)).deferred();
    } catch (err) {
      throw translateSqliteError(err, this.path);
    }
  }

  close(): void {
    openDatabases.delete(this);
    if (!this.sqlite.open) return;
    try {
      // Never wait for another program's lock just to tidy statistics.
      this.sqlite.pragma('busy_timeout = 0');
      if (!this.readonly) {
        this.sqlite.pragma('optimize');
        // A passive checkpoint never waits and never blocks readers or writers; it only
        // copies what no reader still needs, so the WAL cannot keep growing after long reads.
        this.sqlite.pragma('wal_checkpoint(PASSIVE)');
        // SQLite cuts a WAL back to journal_size_limit only when a later write restarts it.
        // After a long read let it grow past the limit, cut it now if nobody reads from it
        // any more: with busy_timeout 0 this gives up at once instead of waiting for anyone.
        if (walBytes(this.path) > this.walLimit) this.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      }
    } catch {
      // optimize is advice only; a busy database must not fail a finished command.
    }
    this.sqlite.close();
  }
}

/**
 * An empty file is a valid new SQLite database. Creating it here with mode 0600 means it
 * is never readable by others, not even for a moment; SQLite then gives its -wal and
 * -shm files the same mode.
 */
function createOwnerOnly(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'EEXIST') {
      throw new DatabaseError(
        UNREADABLE,
        t('cannot create {path} ({code})', { path, code: String((err as { code?: unknown }).code ?? err) }),
      );
    }
  }
  restrictToOwner(path);
}

/** The connections open now, and the file opened last: an error that escaped a command names its file. */
const openDatabases = new Set<Db>();
let lastOpened: string | undefined;

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
}

/** Maps SQLite's error codes to the documented exit-code-5 errors; passes everything else through. */
export function translateSqliteError(err: unknown, path: string): unknown {
  if (err instanceof DatabaseError) return err;
  const e = err as SqliteLikeError;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DatabaseError(LOCKED, t('{path} is locked by another program; try again in a moment', { path }));
  }
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
    return new DatabaseError(
      UNREADABLE,
      t(
        '{path} is not a readable parvande database ({code}): "parvande db check" shows what is damaged; "parvande db restore FILE" puts a backup in its place',
        { path, code },
      ),
    );
  }
  if (
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_PERM') ||
    code.startsWith('SQLITE_IOERR')
  ) {
    return new DatabaseError(UNREADABLE, t('cannot use {path} ({code})', { path, code }));
  }
  if (code === 'SQLITE_FULL') {
    return new DatabaseError(UNREADABLE, t('the disk holding {path} is full; nothing was written', { path }));
  }
  return err;
}

function isSqliteError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as SqliteLikeError).code;
  return err.name === 'SqliteError' || (typeof code === 'string' && code.startsWith('SQLITE_'));
}

/**
 * For the one top-level catch: an SQLite error that escaped a command (a read outside
 * Db.read, a statement stepped by a stream) gets the same typed error as one caught where
 * it happened, naming the database the command had open. Everything else passes through.
 */
export function translateEscapedError(err: unknown): unknown {
  if (!isSqliteError(err)) return err;
  const paths = [...new Set([...openDatabases].map((d) => d.path))];
  const where =
    paths.length === 1 ? (paths[0] as string) : paths.length > 1 ? `one of ${paths.join(', ')}` : (lastOpened ?? 'the database');
  return translateSqliteError(err, where);
}
