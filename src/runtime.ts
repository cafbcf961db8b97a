/**
 * What a command action needs besides its own options: the global options,
 * the database (opened on first use), the domain context and the output.
 */
import type { Command } from 'commander';
import { deliverPage, pageRequest, type PageContext } from './ui/page-delivery.js';
import { getOffice } from './domain/office.js';
import type { ReadCtx, WriteCtx } from './domain/context.js';
import { parseDateInput, todayIso, type IsoDate } from './lang/dates.js';
import { loadSettingsFile, resolveDbPath, resolveSetting, type Resolved, type SettingKey, type SettingsFile } from './config/settings.js';
import { MissingInputError, UsageError, ValidationError } from './errors.js';
import { t } from './messages/catalogue.js';
import { Db, type OpenOptions } from './store/database.js';
import type { ResolvedDbPath } from './store/paths.js';
import type { Lang } from './ui/labels.js';
import { Fmt } from './ui/format.js';
import { Output } from './ui/output.js';
import type { PromptSpec } from './ui/prompts.js';

export interface GlobalOptions {
  /** A list only when --db was given several times (src/cli.ts): the report roll-up reads several files. */
  db?: string | string[];
  json?: boolean;
  lang?: string;
  calendar?: string;
  actor?: string;
  /** commander's --no-input sets this to false. */
  input?: boolean;
}

const openRuntimes = new Set<Runtime>();

/** Closes every database a command opened, after success or failure. */
export function closeAllRuntimes(): void {
  for (const rt of openRuntimes) rt.close();
  openRuntimes.clear();
}

/** A command's words under the program: `case list`, `db restore`. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c !== null && c.parent !== null; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

export class Runtime {
  readonly globals: GlobalOptions;
  readonly out: Output;
  readonly lang: Lang;
  readonly calendar: 'jalali' | 'gregorian';
  /** e.g. "case close": recorded in the audit trail. */
  readonly command: string;
  private db: Db | undefined;

  /** The per-user settings file (`parvande config`), read and checked once per command. */
  readonly settings: SettingsFile;

  constructor(globals: GlobalOptions, command: string) {
    this.globals = globals;
    this.command = command;
    // Read first, and always: a damaged settings file is refused (exit 2) even when flags decide every key.
    this.settings = loadSettingsFile();
    this.lang = this.setting('lang').value as Lang;
    this.calendar = this.setting('calendar').value as 'jalali' | 'gregorian';
    this.out = new Output({ json: globals.json === true, lang: this.lang, calendar: this.calendar });
  }

  /** One global option's value and where it came from: flag > environment > settings file > default (src/config/settings.ts). */
  setting(key: SettingKey): Resolved {
    const db = this.globals.db;
    const flags = {
      lang: this.globals.lang,
      calendar: this.globals.calendar,
      actor: this.globals.actor,
      db: Array.isArray(db) ? db[0] : db,
    };
    return resolveSetting(key, flags, process.env, () => this.settings.values);
  }

  private static readonly byCommand = new WeakMap<Command, Runtime>();

  /** The command's Runtime, made once (the unlock hook and the action share it: the settings file is read once). */
  static of(cmd: Command): Runtime {
    const made = Runtime.byCommand.get(cmd);
    if (made !== undefined) return made;
    const rt = new Runtime(cmd.optsWithGlobals<GlobalOptions>(), commandPath(cmd));
    const page = pageRequest(cmd, rt.out.json, () => rt.dbPath.path);
    if (page !== undefined) rt.out.asPage((human, stdout) => deliverPage(page, rt.pageContext(), human, stdout));
    Runtime.byCommand.set(cmd, rt);
    return rt;
  }

  /** What a page's heading says: the command, the office (only when the command opened its file), today. */
  private pageContext(): PageContext {
    return {
      command: this.command,
      lang: this.lang,
      date: new Fmt(this).date(this.today),
      office: () => {
        if (this.db === undefined) return undefined;
        try {
          const o = this.read((ctx) => getOffice(ctx));
          return `${o.name} (${o.code})`;
        } catch {
          // An office not yet set up (or a file being repaired): the page goes without the line.
          return undefined;
        }
      },
      note: (m) => this.out.note(m),
      warn: (m) => this.out.warn(m),
    };
  }

  get dbPath(): ResolvedDbPath {
    const db = this.globals.db;
    if (Array.isArray(db)) {
      throw new UsageError(
        t('--db was given {count} times: only "parvande report" reads several offices\' files; give one --db', { count: db.length }),
        'db',
      );
    }
    return resolveDbPath(db, process.env, undefined, undefined, this.settings.values.db);
  }

  /** Every --db given, in order (the report roll-up); empty when none was given. */
  get dbPaths(): string[] {
    const db = this.globals.db;
    return db === undefined ? [] : Array.isArray(db) ? db : [db];
  }

  /** Prompts only on a terminal, and never with --no-input. */
  get interactive(): boolean {
    return this.globals.input !== false && process.stdin.isTTY === true && process.stdout.isTTY === true;
  }

  /**
   * --actor, else PARVANDE_USER, else the settings file's actor, else the OS user; an empty value counts as not given.
   * It is stored in the audit trail and printed by `audit list` and `case show`, so it
   * follows the rules of a name: no control or bidi character, at most 100 characters.
   */
  get actor(): string {
    return this.setting('actor').value;
  }

  /** The office's date. PARVANDE_TODAY pins it (tests, or entering a day's work after midnight). */
  get today(): IsoDate {
    const pinned = process.env.PARVANDE_TODAY;
    if (pinned !== undefined && pinned !== '') return parseDateInput(pinned, { today: todayIso(), field: 'PARVANDE_TODAY' });
    return todayIso();
  }

  open(options: OpenOptions = {}): Db {
    if (this.db === undefined) {
      const busyTimeoutMs = options.busyTimeoutMs ?? busyTimeoutFromEnv();
      this.db = Db.open(this.dbPath.path, busyTimeoutMs === undefined ? options : { ...options, busyTimeoutMs });
      openRuntimes.add(this);
    }
    return this.db;
  }

  /**
   * A context outside any transaction, for work that begins and commits its own
   * (import's batches, the demo's bulk load, an export's snapshot, a backup).
   * Everything else goes through `read` or `write`.
   */
  ctx(options: OpenOptions = {}): WriteCtx {
    const db = this.open(options);
    return { db: db.outsideTransaction(), ...this.who() };
  }

  /** Runs fn in one BEGIN IMMEDIATE transaction: all of it is stored, or none. */
  write<T>(fn: (ctx: WriteCtx) => T, options: OpenOptions = {}): T {
    // A report read through a read-only connection writes its office's first redaction key through a read-write one.
    if (this.db?.readonly === true) this.close();
    const db = this.open(options);
    const who = this.who();
    return db.write((w) => fn({ db: w, ...who }));
  }

  /**
   * Runs fn over one consistent snapshot, through a connection it cannot write through.
   * `readonly` (reports) opens the file read-only, so a long report never holds a lock
   * that a clerk's command would wait for.
   */
  read<T>(fn: (ctx: ReadCtx) => T, options: { readonly?: boolean } = {}): T {
    const db = options.readonly === true ? this.openForReading() : this.open();
    const who = this.who();
    return db.read((r) => fn({ db: r, ...who }));
  }

  /** A file from an older version is migrated first (opened read-write once), as every command does. */
  private openForReading(): Db {
    const db = this.open({ readonly: true });
    if (!db.readonly || db.pendingMigrations() <= 0) return db;
    this.close();
    return this.open();
  }

  /** Who acts, through which command, and when: a context without its connection. */
  who(): Omit<ReadCtx, 'db'> {
    return { actor: this.actor, command: this.command, today: this.today, now: () => new Date().toISOString() };
  }

  /**
   * Fills in missing values. On a terminal it asks for each one (optional ones
   * may be left empty); otherwise it fails naming every missing required option.
   * Before the first question, what was given is checked (`checks.given`: the records named
   * by arguments; `checks.flags`; each given prompt's own `validate`), so nothing typed is
   * lost to a bad flag.
   */
  async fill<T extends object>(opts: T, specs: (PromptSpec & { key: keyof T })[], checks: FillChecks<T> = {}): Promise<T> {
    const missing = specs.filter((s) => isMissing(opts[s.key]));
    const required = missing.filter((s) => s.optional !== true);
    if (!this.interactive) {
      if (required.length > 0) throw new MissingInputError(required.map((s) => s.option));
      return opts;
    }
    const asked = required.length > 0 ? missing : missing.filter((s) => s.alongside !== true);
    if (asked.length === 0) return opts;
    checkGiven(opts, specs, checks);
    // A search reads the office as the clerk types: a missing or newer file is reported now, not inside the list.
    if (asked.some((s) => s.search !== undefined)) this.read(() => undefined);
    const { askFor } = await import('./ui/prompts.js');
    const filled = { ...opts } as Record<keyof T, unknown>;
    for (const spec of asked) {
      const except = spec.except === undefined ? undefined : filled[spec.except as keyof T];
      const choices = except === undefined ? spec.choices : spec.choices?.filter((c) => c.value !== except);
      const answer = await askFor(choices === undefined ? spec : { ...spec, choices }, this.lang);
      if (answer.trim() !== '') filled[spec.key] = answer;
    }
    return filled as T;
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
  }
}

/**
 * PARVANDE_BUSY_TIMEOUT_MS: how long a command waits for another program's write to
 * finish before failing with "locked" (default 5000). Scripts that must not hang set it lower.
 */
function busyTimeoutFromEnv(): number | undefined {
  const raw = process.env.PARVANDE_BUSY_TIMEOUT_MS;
  if (raw === undefined || raw.trim() === '') return undefined;
  const ms = Number(raw.trim());
  if (!Number.isInteger(ms) || ms < 0) {
    throw new ValidationError(
      t('invalid {variable}: {rule}', { variable: 'PARVANDE_BUSY_TIMEOUT_MS', rule: t('expected a whole number of milliseconds') }),
      'PARVANDE_BUSY_TIMEOUT_MS',
    );
  }
  return ms;
}

/**
 * What `fill` checks before its first question. Each check throws the error the command itself
 * would (a ParvandeError): `given` the records an argument names, `flags` the options given, by key.
 */
export interface FillChecks<T> {
  given?: () => void;
  flags?: { [K in keyof T]?: (value: string) => unknown };
}

function checkGiven<T extends object>(opts: T, specs: (PromptSpec & { key: keyof T })[], checks: FillChecks<T>): void {
  checks.given?.();
  for (const spec of specs) {
    const value = opts[spec.key];
    if (spec.validate === undefined || typeof value !== 'string' || isMissing(value)) continue;
    const verdict = spec.validate(value);
    if (verdict !== true) throw new ValidationError(verdict, spec.option);
  }
  const flags: NonNullable<FillChecks<T>['flags']> = checks.flags ?? {};
  for (const key of Object.keys(flags) as (keyof T)[]) {
    const value = opts[key];
    if (typeof value === 'string' && !isMissing(value)) flags[key]?.(value);
  }
}

function isMissing(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}
