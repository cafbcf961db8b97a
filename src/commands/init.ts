import { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { initOffice, parseOfficeCode, validateOfficeInput } from '../domain/office.js';
import { ConflictError } from '../errors.js';
import { t, tr } from '../messages/catalogue.js';
import { Runtime } from '../runtime.js';
import { isEncryptedFile } from '../store/cipher.js';
import { newOfficeKey } from './unlock.js';
import { renderCard } from '../ui/table.js';
import { fmt, withExamples } from './shared.js';

interface InitOpts {
  officeCode?: string;
  officeName?: string;
  county?: string;
  province?: string;
  encrypt?: boolean;
}

export function initCommand(): Command {
  return withExamples(
    new Command('init')
      .description('create the database (owner-only) and set the office; run again to change the name, county or province')
      .option('--office-code <code>', 'short Latin code that prefixes every case number, e.g. KRJ01')
      .option('--office-name <name>', 'office name, e.g. "اورژانس اجتماعی کرج"')
      .option('--county <name>', 'county (شهرستان)')
      .option('--province <name>', 'province (استان)')
      .option(
        '--encrypt',
        'encrypt the new file from its first byte: the passphrase is asked twice (or read from PARVANDE_KEY_FILE); without it nothing can be read',
      ),
    'parvande init --office-code KRJ01 --office-name "اورژانس اجتماعی کرج" --county کرج --province البرز',
    'parvande --db D:\\office\\parvande.db init --office-code KRJ01 --office-name "Karaj office"',
    'parvande init --encrypt --office-code KRJ01 --office-name "اورژانس اجتماعی کرج"',
  ).action(async (opts: InitOpts, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(
      opts,
      [
        { key: 'officeCode', option: 'office-code', message: tr(rt.lang, 'Office code (Latin letters and digits, e.g. KRJ01)') },
        { key: 'officeName', option: 'office-name', message: tr(rt.lang, 'Office name (نام اداره)') },
        { key: 'county', option: 'county', message: tr(rt.lang, 'County (شهرستان)'), optional: true },
        { key: 'province', option: 'province', message: tr(rt.lang, 'Province (استان)'), optional: true },
      ],
      { flags: { officeCode: (v) => parseOfficeCode(v) } },
    );
    validateOfficeInput(o);
    const key = opts.encrypt === true ? await keyForNewFile(rt) : undefined;
    const { office, created } = rt.write((ctx) => initOffice(ctx, o), { create: true, key });
    const f = fmt(rt);
    rt.out.note(
      created
        ? t('created office {code} in {path}', { code: office.code, path: rt.dbPath.path })
        : t('updated office {code}', { code: office.code }),
    );
    rt.out.result({ ...office, dbPath: rt.dbPath.path, created }, () =>
      renderCard(
        [
          [f.w('code'), office.code],
          [f.w('office'), office.name],
          [f.w('county'), office.county ?? ''],
          [f.w('province'), office.province ?? ''],
          [f.w('path'), rt.dbPath.path],
          ...(key !== undefined ? [[tr(rt.lang, 'Encryption'), tr(rt.lang, 'encrypted (sqlcipher)')] as [string, string]] : []),
        ],
        { rtl: f.rtl },
      ),
    );
  });
}

/**
 * init --encrypt makes a new file only: an office that holds records already is encrypted with
 * "db encrypt" (verified, in place), and an encrypted one needs nothing more.
 */
async function keyForNewFile(rt: Runtime): Promise<string | undefined> {
  const path = rt.dbPath.path;
  if (existsSync(path) && statSync(path).size > 0) {
    if (isEncryptedFile(path)) return undefined;
    throw new ConflictError(t('{path} exists and is not encrypted: "parvande db encrypt" encrypts it in place', { path }), 'encrypt');
  }
  return newOfficeKey(rt, 'PARVANDE_KEY_FILE');
}
