/**
 * The people side's settings, each with its default and its allowed range.
 * Stored as text in the settings table; read through here only.
 */
import { selectSetting, upsertSetting } from '../../store/settings.js';
import { recordAudit } from '../audit.js';
import type { ReadCtx, WriteCtx } from '../context.js';
import { parseInteger } from '../fields.js';

interface SettingSpec {
  key: string;
  option: string;
  defaultValue: number;
  min: number;
  max: number;
}

/** Hours a person must rest after a night shift before their next shift starts. */
export const REST_HOURS: SettingSpec = { key: 'roster.rest-hours', option: 'rest-hours', defaultValue: 8, min: 0, max: 72 };
/** Months a training certificate stays valid; older ones show in `training compliance`. */
export const CERTIFICATE_MONTHS: SettingSpec = {
  key: 'training.certificate-validity-months',
  option: 'certificate-months',
  defaultValue: 24,
  min: 1,
  max: 600,
};

export function readSetting(ctx: Pick<ReadCtx, 'db'>, spec: SettingSpec): number {
  const stored = selectSetting(ctx.db, spec.key);
  if (stored === undefined) return spec.defaultValue;
  const n = Number(stored);
  return Number.isInteger(n) && n >= spec.min && n <= spec.max ? n : spec.defaultValue;
}

/** Sets the value given as typed (any digits); returns the stored number. */
export function writeSetting(ctx: WriteCtx, spec: SettingSpec, value: string): number {
  const n = parseInteger(value, spec.option, { min: spec.min, max: spec.max });
  upsertSetting(ctx.db, spec.key, String(n), ctx.now());
  recordAudit(ctx, 'update', 'setting', spec.key);
  return n;
}
