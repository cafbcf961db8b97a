/**
 * `db encrypt` and `db rekey` (docs/encryption.md): the office file's contents under a new
 * key, verified before they take the file's place, and recorded in the audit trail of the
 * encrypted file itself (`encrypt` or `rekey`, record `database`; never the key). The
 * passphrase is the command's to obtain; these functions only use it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConflictError, DatabaseError, type DatabaseErrorCode } from '../errors.js';
import { t } from '../messages/catalogue.js';
import { isEncryptedFile } from '../store/cipher.js';
import { reKeyOffice } from '../store/encrypt.js';
import { asIsoDate } from '../lang/dates.js';
import { recordAudit } from './audit.js';

/** The exit-5 failures this file reports (src/errors.ts). */
const MISSING: DatabaseErrorCode = 'database-missing';

export interface EncryptOptions {
  path: string;
  newKey: string;
  actor: string;
  command: string;
}

export interface EncryptResult {
  path: string;
  cipher: 'sqlcipher';
  /** Rows per table: the same before and after (the audit entry of this command aside). */
  counts: Record<string, number>;
  bytes: number;
}

/**
 * Refuses what the command cannot do, before a passphrase is asked: a missing file, an
 * encrypted one to encrypt (db rekey changes its key), a plain one to rekey.
 */
export function checkCanChangeKey(file: string, action: 'encrypt' | 'rekey'): void {
  const path = resolve(file);
  if (!existsSync(path)) {
    throw new DatabaseError(MISSING, t('no database at {path}: run "parvande init" first, or pass --db', { path }));
  }
  const encrypted = isEncryptedFile(path);
  if (action === 'encrypt' && encrypted) {
    throw new ConflictError(t('{path} is encrypted already: "parvande db rekey" changes its key', { path }));
  }
  if (action === 'rekey' && !encrypted) {
    throw new ConflictError(t('{path} is not encrypted: "parvande db encrypt" encrypts it', { path }));
  }
}

/**
 * `encrypt`: a plain office file encrypted in place. `rekey`: an encrypted one under a new key (the
 * old key no longer opens it). Checked again here, at the moment of the change (the command checked
 * before asking for the passphrase; the file may have changed since).
 */
export function changeOfficeKey(o: EncryptOptions, action: 'encrypt' | 'rekey'): EncryptResult {
  checkCanChangeKey(o.path, action);
  const path = resolve(o.path);
  const now = new Date().toISOString();
  const done = reKeyOffice(path, {
    newKey: o.newKey,
    inside: (db) =>
      recordAudit(
        { db, actor: o.actor, command: o.command, today: asIsoDate(now.slice(0, 10)), now: () => now },
        action,
        'database',
        null,
        ['cipher:sqlcipher'],
      ),
  });
  return { path: done.path, cipher: 'sqlcipher', counts: done.counts, bytes: done.bytes };
}
