/**
 * Every failure a command can report, with its documented exit code.
 * Commands and the domain throw these; only src/main.ts catches them.
 * The message is a catalogue message (src/messages/catalogue.ts), rendered in the
 * command's language where it is shown; `message` itself holds the English.
 */
import { render, t, type Lang, type Text } from './messages/catalogue.js';

export const ExitCode = {
  ok: 0,
  unexpected: 1,
  invalid: 2,
  notFound: 3,
  conflict: 4,
  database: 5,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export type ErrorCode =
  | 'usage'
  | 'invalid'
  | 'missing-input'
  | 'not-found'
  | 'conflict'
  | 'database-locked'
  | 'database-unreadable'
  | 'database-newer'
  | 'database-missing'
  | 'internal';

export class ParvandeError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly code: ErrorCode;
  readonly field: string | undefined;
  /** The message, to be rendered in the reader's language. */
  readonly text: Text;
  constructor(code: ErrorCode, exitCode: ExitCodeValue, message: Text | string, field?: string) {
    super(render(message, 'en'));
    // A plain string is an English sentence not yet in the catalogue (the catalogue test finds none in src).
    this.text = typeof message === 'string' ? { template: message, params: {} } : message;
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
    this.field = field;
  }
}

/** Bad usage or invalid input: exit 2. `field` names the option or column. */
export class ValidationError extends ParvandeError {
  constructor(message: Text | string, field?: string) {
    super('invalid', ExitCode.invalid, message, field);
  }
}

export class UsageError extends ParvandeError {
  constructor(message: Text | string, field?: string) {
    super('usage', ExitCode.invalid, message, field);
  }
}

/** Required values were not given and no prompt is allowed. */
export class MissingInputError extends ParvandeError {
  readonly missing: string[];
  constructor(missing: string[]) {
    super(
      'missing-input',
      ExitCode.invalid,
      missing.length > 1
        ? t('missing required options: {options}', { options: missing.map((m) => `--${m}`).join(', ') })
        : t('missing required option: {option}', { option: `--${missing[0]}` }),
      missing[0],
    );
    this.missing = missing;
  }
}

export class NotFoundError extends ParvandeError {
  constructor(message: Text | string, field?: string) {
    super('not-found', ExitCode.notFound, message, field);
  }
}

/** The request contradicts stored data (duplicate, closed case, ...): exit 4. */
export class ConflictError extends ParvandeError {
  constructor(message: Text | string, field?: string) {
    super('conflict', ExitCode.conflict, message, field);
  }
}

export type DatabaseErrorCode = 'database-locked' | 'database-unreadable' | 'database-newer' | 'database-missing';

/** The database is locked, unreadable, missing or from a newer version: exit 5. */
export class DatabaseError extends ParvandeError {
  constructor(code: DatabaseErrorCode, message: Text | string) {
    super(code, ExitCode.database, message);
  }
}

export class InternalError extends ParvandeError {
  constructor(message: Text | string) {
    super('internal', ExitCode.unexpected, message);
  }
}

/** Shape printed on stderr with --json. */
export interface ErrorJson {
  error: { code: ErrorCode; message: string; field: string | null };
}

/** `message` is in the language the command was asked in; `code` and `field` are for scripts. */
export function toErrorJson(err: ParvandeError, lang: Lang = 'en'): ErrorJson {
  return { error: { code: err.code, message: render(err.text, lang), field: err.field ?? null } };
}
