/**
 * A log that unattended runs (`report nightly --log FILE`) append to: one line per event,
 * `2026-11-25T23:30:01.123Z [4120] wrote C:\parvande\reports\…`, an ISO time in UTC and the
 * process id first, so that an administrator (or a script) can sort, grep and tell two
 * runs apart. The file goes through the one owner of output files (openAppendFile): the
 * database and any SQLite file, devices and symlinks are refused, a new log is owner-only,
 * an old one is appended to and never truncated.
 */
import { EOL } from 'node:os';
import { FORBIDDEN_CHAR } from '../lang/controls.js';
import { openAppendFile, type OutputGuard } from './output-file.js';

// A line feed in a path or a message would forge a line of its own: every control and bidi character is shown as an escape.
const SHOWN = new RegExp(FORBIDDEN_CHAR.source, 'g');

function visible(ch: string): string {
  const cp = ch.charCodeAt(0);
  return cp < 0x100 ? `\\x${cp.toString(16).padStart(2, '0')}` : `<U+${cp.toString(16).toUpperCase()}>`;
}

/** `text` on one line: control and bidi characters as visible escapes. */
export function oneLogLine(text: string): string {
  return text.replace(SHOWN, visible);
}

export class RunLog {
  private constructor(
    private readonly file: ReturnType<typeof openAppendFile>,
    private readonly now: () => Date,
  ) {}

  /** Opens (or creates, owner-only) the log; exit 2 naming the path when it may not or cannot be written. */
  static open(path: string, guard: OutputGuard, now: () => Date = () => new Date()): RunLog {
    return new RunLog(openAppendFile(path, guard), now);
  }

  get path(): string {
    return this.file.path;
  }

  /** Appends one timestamped line (lines end as the system's text files do: CRLF on Windows). */
  line(text: string): void {
    this.file.append(`${this.now().toISOString()} [${process.pid}] ${oneLogLine(text)}${EOL}`);
  }

  close(): void {
    this.file.close();
  }
}
