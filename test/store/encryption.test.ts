/**
 * Encryption at rest (issue #14, docs/encryption.md), attacked first: an encrypted office file,
 * its -wal and its backups hold no byte of what was typed in and no SQLite header; without the
 * key, or with a wrong one, every command ends with exit 5 and one line that names
 * PARVANDE_KEY_FILE and never the key; a key file others can read is refused; backups,
 * restores, checks and a roll-up across an encrypted and a plain office work with the key.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addClient } from '../../src/domain/clients.js';
import { Runtime } from '../../src/runtime.js';
import { isEncryptedFile } from '../../src/store/cipher.js';
import { runCli } from '../helpers/cli.js';
import { scratchDir } from '../hardening/support.js';

const t = scratchDir('parvande-encryption-');
afterAll(() => t.cleanup());

/** Recognisable fake personal data: if any of these bytes is in a file, the file leaks. */
const FIRST = 'ژیلاآزمون';
const LAST = 'PLAINTEXTMARKER';
const NATIONAL = '0013542419';
const HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const PASSPHRASE = 'o\'ffice "key" ۱۴۰۵';

let n = 0;
function folder(): string {
  const dir = join(t.dir, `case-${++n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

function keyFile(dir: string, passphrase = PASSPHRASE, name = 'office.key'): string {
  const file = join(dir, name);
  writeFileSync(file, `${passphrase}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

function leaks(file: string): string[] {
  if (!existsSync(file)) return [];
  const bytes = readFileSync(file);
  return [FIRST, LAST, NATIONAL, 'SQLite format 3']
    .filter((m) => bytes.includes(Buffer.from(m, 'utf8')))
    .concat(bytes.subarray(0, 16).equals(HEADER) ? ['header'] : []);
}

async function ok(args: string[], env: Record<string, string | undefined>): Promise<any> {
  const r = await runCli([...args, '--json'], env);
  if (r.code !== 0) throw new Error(`${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout.trim() === '' ? null : r.json();
}

/** An encrypted office with one client made of the markers. */
async function encryptedOffice(
  code = 'ENC01',
): Promise<{ dir: string; db: string; env: { PARVANDE_KEY_FILE: string; PARVANDE_USER: string } }> {
  const dir = folder();
  const db = join(dir, 'office.db');
  const env = { PARVANDE_KEY_FILE: keyFile(dir), PARVANDE_USER: 'tester' };
  await ok(['--db', db, 'init', '--encrypt', '--office-code', code, '--office-name', 'دفتر رمزشده'], env);
  await ok(['--db', db, 'client', 'add', '--first-name', FIRST, '--last-name', LAST, '--national-code', NATIONAL], env);
  return { dir, db, env };
}

describe('an office file made with init --encrypt', () => {
  it('holds no plaintext and no SQLite header, in the file or in its -wal while a write is open', async () => {
    const o = await encryptedOffice();
    expect(leaks(o.db)).toEqual([]);
    expect(isEncryptedFile(o.db)).toBe(true);
    // A -wal is there only while a connection is open: write through one and read the -wal before it closes.
    process.env.PARVANDE_KEY_FILE = o.env.PARVANDE_KEY_FILE;
    const rt = new Runtime({ db: o.db }, 'test');
    try {
      rt.write((ctx) => addClient(ctx, { firstName: FIRST, lastName: `${LAST}2`, notes: `${LAST} ${NATIONAL}` }));
      expect(existsSync(`${o.db}-wal`)).toBe(true);
      expect(readFileSync(`${o.db}-wal`).length).toBeGreaterThan(0);
      expect(leaks(`${o.db}-wal`)).toEqual([]);
      expect(leaks(o.db)).toEqual([]);
    } finally {
      rt.close();
      delete process.env.PARVANDE_KEY_FILE;
    }
    const list = await ok(['--db', o.db, 'client', 'list'], o.env);
    expect(JSON.stringify(list)).toContain(LAST);
  });

  it('without the key: exit 5, one line naming PARVANDE_KEY_FILE, the file untouched', async () => {
    const o = await encryptedOffice();
    const before = readFileSync(o.db);
    for (const args of [
      ['client', 'list'],
      ['db', 'check'],
      ['report', 'monthly'],
      ['db', 'backup'],
      ['export', 'clients'],
    ]) {
      const r = await runCli(['--db', o.db, ...args], { PARVANDE_KEY_FILE: undefined });
      expect(r.code, args.join(' ')).toBe(5);
      const lines = r.stderr.split('\n').filter((l) => l !== '');
      expect(lines, r.stderr).toEqual([
        `error: the office file is encrypted: ${o.db} needs its key; give it with PARVANDE_KEY_FILE (a file only its owner can read) or type it at the prompt on a terminal`,
      ]);
      expect(r.stdout).toBe('');
    }
    const j = await runCli(['--db', o.db, 'client', 'list', '--json'], { PARVANDE_KEY_FILE: undefined });
    expect(JSON.parse(j.stderr).error.code).toBe('database-unreadable');
    expect(readFileSync(o.db).equals(before)).toBe(true);
    expect(readdirSync(o.dir).filter((f) => f !== 'office.db' && f !== 'office.key')).toEqual([]);
  });

  it('with a wrong key: exit 5, one line, never "not a parvande database", never the key', async () => {
    const o = await encryptedOffice();
    const wrong = keyFile(o.dir, 'NOT-the-office-passphrase', 'wrong.key');
    for (const args of [
      ['client', 'list'],
      ['db', 'check'],
      ['db', 'migrate'],
    ]) {
      const r = await runCli(['--db', o.db, ...args], { PARVANDE_KEY_FILE: wrong });
      expect(r.code, args.join(' ')).toBe(5);
      expect(r.stderr).toBe(
        `error: the office file is encrypted: ${o.db} does not open with the key given; give the office key with PARVANDE_KEY_FILE or at the prompt\n`,
      );
      expect(r.stderr).not.toContain('NOT-the-office');
      expect(r.stderr).not.toContain('not a readable parvande database');
    }
  });

  it('refuses a key file other accounts can read (exit 2), and an empty or missing one', async () => {
    const o = await encryptedOffice();
    chmodSync(o.env.PARVANDE_KEY_FILE, 0o640);
    const open = await runCli(['--db', o.db, 'client', 'list'], o.env);
    expect(open.code).toBe(2);
    expect(open.stderr).toBe(
      `error: the key file ${o.env.PARVANDE_KEY_FILE} (PARVANDE_KEY_FILE) can be read by other accounts: make it owner-only (chmod 600 ${o.env.PARVANDE_KEY_FILE}) and try again\n`,
    );
    expect(open.stderr).not.toContain(PASSPHRASE);
    chmodSync(o.env.PARVANDE_KEY_FILE, 0o600);
    const missing = await runCli(['--db', o.db, 'client', 'list'], { PARVANDE_KEY_FILE: join(o.dir, 'nothing.key') });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the key file');
    const short = keyFile(o.dir, 'abc', 'short.key');
    const s = await runCli(['--db', o.db, 'client', 'list'], { PARVANDE_KEY_FILE: short });
    expect(s.code).toBe(2);
    expect(s.stderr).toBe('error: the passphrase is too short: give at least 8 characters\n');
  });
});

describe('backups, restore, checks and roll-ups of an encrypted office', () => {
  it('a backup stays encrypted under the same key, and restores', async () => {
    const o = await encryptedOffice('BKE01');
    const backup = await ok(['--db', o.db, 'db', 'backup'], o.env);
    expect(leaks(backup.path)).toEqual([]);
    expect(isEncryptedFile(backup.path)).toBe(true);
    expect(backup).toMatchObject({ integrity: 'ok', officeCode: 'BKE01' });
    // --keep reads the office code of older backups: with the key they are recognised.
    const second = await ok(['--db', o.db, 'db', 'backup', '--keep', '1'], o.env);
    expect(second.removed).toEqual([backup.path]);

    await ok(['--db', o.db, 'client', 'add', '--first-name', 'بعدی', '--last-name', 'AFTERBACKUP'], o.env);
    const r = await ok(['--db', o.db, 'db', 'restore', second.path, '--yes'], o.env);
    expect(r.keptAs).toEqual(expect.stringContaining('.replaced-'));
    expect(leaks(r.keptAs)).toEqual([]);
    expect(leaks(o.db)).toEqual([]);
    const names = JSON.stringify(await ok(['--db', o.db, 'client', 'list'], o.env));
    expect(names).toContain(LAST);
    expect(names).not.toContain('AFTERBACKUP');
    const check = await ok(['--db', o.db, 'db', 'check'], o.env);
    expect(check.ok).toBe(true);
    // Without the key the backup is refused as encrypted, not as damaged.
    const nokey = await runCli(['--db', o.db, 'db', 'restore', second.path, '--yes'], { PARVANDE_KEY_FILE: undefined });
    expect(nokey.code).toBe(5);
    expect(nokey.stderr).toMatch(/^error: the office file is encrypted: /);
  });

  it('a damaged office restored from an encrypted backup is encrypted again', async () => {
    const o = await encryptedOffice('BKE02');
    const backup = await ok(['--db', o.db, 'db', 'backup'], o.env);
    writeFileSync(o.db, 'damaged beyond repair\n'.repeat(100));
    const r = await ok(['--db', o.db, 'db', 'restore', backup.path, '--yes'], o.env);
    expect(r.liveDamaged).toBe(true);
    expect(isEncryptedFile(o.db)).toBe(true);
    expect(leaks(o.db)).toEqual([]);
    expect(JSON.stringify(await ok(['--db', o.db, 'client', 'list'], o.env))).toContain(LAST);
  });

  it('an encrypted backup does not go into a plain office file', async () => {
    const o = await encryptedOffice('BKE03');
    const backup = await ok(['--db', o.db, 'db', 'backup'], o.env);
    const plain = join(o.dir, 'plain.db');
    await ok(['--db', plain, 'init', '--office-code', 'BKE03', '--office-name', 'ساده'], o.env);
    const before = readFileSync(plain);
    const r = await runCli(['--db', plain, 'db', 'restore', backup.path, '--yes'], o.env);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(
      `error: the backup is encrypted and the database ${plain} is not: run "parvande db encrypt" first, then restore\n`,
    );
    expect(readFileSync(plain).equals(before)).toBe(true);
  });

  it('db check reads an encrypted office', async () => {
    const o = await encryptedOffice();
    const check = await ok(['--db', o.db, 'db', 'check'], o.env);
    expect(check).toMatchObject({ ok: true, integrity: ['ok'], counts: expect.objectContaining({ clients: 1 }) });
    const human = await runCli(['--db', o.db, 'db', 'check'], o.env);
    expect(human.stdout).toMatch(/Encryption\s+encrypted \(sqlcipher\)/);
  });

  it('a roll-up reads an encrypted and a plain office together (one key for all encrypted files)', async () => {
    const o = await encryptedOffice('RLE01');
    const plain = join(o.dir, 'plain.db');
    await ok(['--db', plain, 'init', '--office-code', 'RLP01', '--office-name', 'ساده'], o.env);
    const r = await ok(['report', 'monthly', '--db', o.db, '--db', plain], o.env);
    expect(JSON.stringify(r)).toContain('RLE01');
    expect(JSON.stringify(r)).toContain('RLP01');
    const nokey = await runCli(['report', 'monthly', '--db', o.db, '--db', plain], { PARVANDE_KEY_FILE: undefined });
    expect(nokey.code).toBe(5);
    expect(nokey.stderr).toContain('PARVANDE_KEY_FILE');
  });
});

describe('db encrypt and db rekey', () => {
  it('rekey: the old key no longer opens the file, the new one does; recorded', async () => {
    const o = await encryptedOffice();
    const fresh = keyFile(o.dir, 'a brand new passphrase', 'new.key');
    const r = await ok(['--db', o.db, 'db', 'rekey'], { ...o.env, PARVANDE_NEW_KEY_FILE: fresh });
    expect(r).toMatchObject({ path: o.db, cipher: 'sqlcipher', counts: expect.objectContaining({ clients: 1 }) });
    expect(leaks(o.db)).toEqual([]);
    const old = await runCli(['--db', o.db, 'client', 'list'], o.env);
    expect(old.code).toBe(5);
    expect(old.stderr).toContain('does not open with the key given');
    const audit = await ok(['--db', o.db, 'audit', 'list'], { PARVANDE_KEY_FILE: fresh });
    expect(JSON.stringify(audit)).toContain('"rekey"');
    expect(JSON.stringify(audit)).not.toContain('brand new');
    const again = await runCli(['--db', o.db, 'db', 'encrypt'], { PARVANDE_KEY_FILE: fresh });
    expect(again.code).toBe(4);
    expect(again.stderr).toBe(`error: ${o.db} is encrypted already: "parvande db rekey" changes its key\n`);
  });

  it('encrypt of a plain office: every row kept, no plaintext left, no copy left beside it', async () => {
    const dir = folder();
    const db = join(dir, 'office.db');
    const env = { PARVANDE_KEY_FILE: keyFile(dir), PARVANDE_USER: 'tester' };
    await ok(['--db', db, 'init', '--office-code', 'PLN01', '--office-name', 'ساده'], env);
    for (let i = 0; i < 20; i++) await ok(['--db', db, 'client', 'add', '--first-name', FIRST, '--last-name', `${LAST}${i}`], env);
    expect(leaks(db)).toContain('header');
    const before = await ok(['--db', db, 'db', 'check'], env);
    const rekey = await runCli(['--db', db, 'db', 'rekey'], env);
    expect(rekey.code).toBe(4);
    const r = await ok(['--db', db, 'db', 'encrypt'], env);
    expect(r.counts.clients).toBe(20);
    expect(leaks(db)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['office.db', 'office.key']);
    const after = await ok(['--db', db, 'db', 'check'], env);
    expect(after.ok).toBe(true);
    expect({ ...after.counts, audit_log: 0 }).toEqual({ ...before.counts, audit_log: 0 });
    expect(after.counts.audit_log).toBe(before.counts.audit_log + 1);
    expect(after.auditTrail.firstBroken).toBeNull();
  });

  it('without a terminal and without PARVANDE_KEY_FILE: exit 2 naming it, nothing changed', async () => {
    const dir = folder();
    const db = join(dir, 'office.db');
    await ok(['--db', db, 'init', '--office-code', 'PLN02', '--office-name', 'ساده'], {});
    const before = readFileSync(db);
    for (const args of [
      ['db', 'encrypt'],
      ['init', '--encrypt', '--office-code', 'XY1', '--office-name', 'y'],
    ]) {
      const r = await runCli(['--db', args[0] === 'init' ? join(dir, 'new.db') : db, ...args], { PARVANDE_KEY_FILE: undefined });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(
        'error: a new key is needed: give it with PARVANDE_KEY_FILE (a file only its owner can read), or run on a terminal to type it\n',
      );
    }
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'new.db'))).toBe(false);
  });

  it('a failed encrypt (the disk fills) leaves the original intact and readable, and no copy', async () => {
    const dir = folder();
    const db = join(dir, 'office.db');
    const env = { PARVANDE_KEY_FILE: keyFile(dir), PARVANDE_USER: 'tester' };
    await ok(['--db', db, 'init', '--office-code', 'FUL01', '--office-name', 'پر'], env);
    for (let i = 0; i < 30; i++) {
      await ok(['--db', db, 'client', 'add', '--first-name', FIRST, '--last-name', `${LAST}${i}`, '--notes', 'یادداشت '.repeat(200)], env);
    }
    const copy = join(dir, 'before.db');
    await ok(['--db', db, 'db', 'backup', '--out', copy], env);
    const pages = Math.ceil(readFileSync(copy).length / 4096);
    const r = await runCli(['--db', db, 'db', 'encrypt'], { ...env, PARVANDE_MAX_PAGES: String(pages - 8) });
    expect(r.code).toBe(5);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(r.stderr).toContain('is full; nothing was written');
    expect(isEncryptedFile(db)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['before.db', 'office.db', 'office.key']);
    const list = await ok(['--db', db, 'client', 'list', '--limit', '100'], env);
    expect(JSON.stringify(list)).toContain(`${LAST}29`);
  });

  it('an encrypted copy killed half-way is removed by the next encrypt', async () => {
    const dir = folder();
    const db = join(dir, 'office.db');
    const env = { PARVANDE_KEY_FILE: keyFile(dir), PARVANDE_USER: 'tester' };
    await ok(['--db', db, 'init', '--office-code', 'KIL01', '--office-name', 'x'], env);
    // What a killed run leaves: its partial copy under the name of a process that is gone.
    const { partialCopyName } = await import('../../src/store/backup.js');
    const stale = join(dir, partialCopyName(db, 999_999_9));
    copyFileSync(db, stale);
    const r = await runCli(['--db', db, 'db', 'encrypt'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('removed 1 partial copy');
    expect(readdirSync(dir).sort()).toEqual(['office.db', 'office.key']);
  });
});

describe('what is not a file is never taken for an encrypted office', () => {
  // Found by the command-line fuzzer: --db naming a folder read it as a header (EISDIR, exit 1).
  it('a folder given as --db is a database error (exit 5), not an unexpected failure', async () => {
    const dir = folder();
    expect(isEncryptedFile(dir)).toBe(false);
    const r = await runCli(['--db', dir, 'referral', 'void', '3', '--reason', 'x']);
    expect(r.code).toBe(5);
    expect(r.stderr).not.toMatch(/unexpected|EISDIR/);
  });
});
