/**
 * The questions `case open` asks at a terminal: the client by part of the name (or "anonymous
 * caller"), the channel, the primary problem, further problems ticked in a list, the risk, and
 * (only alongside a required question) the center and the worker by part of the name. What
 * was given as options is checked before the first question.
 */
import { resolveCaseClient, type RawOpenCase } from '../domain/cases.js';
import { CATEGORIES, CHANNELS, RISKS } from '../domain/codes.js';
import { isBlank, optionalNote } from '../domain/fields.js';
import { tr } from '../messages/catalogue.js';
import type { Runtime } from '../runtime.js';
import {
  activeWorkerCheck,
  ANONYMOUS_CALLER,
  centerCheck,
  centerSearch,
  clientSearch,
  codeCheck,
  codesCheck,
  dateCheck,
  staffSearch,
} from './pick.js';
import { choose } from './shared.js';

export async function askOpenCase(rt: Runtime, opts: RawOpenCase): Promise<RawOpenCase> {
  const answered = await rt.fill(
    opts,
    [
      ...(opts.anonymous
        ? []
        : [
            {
              key: 'client' as const,
              option: 'client',
              message: tr(rt.lang, 'Client (type part of the name, the national code or the id)'),
              search: clientSearch(rt, { anonymous: true }),
            },
          ]),
      { key: 'channel', option: 'channel', message: tr(rt.lang, 'Channel'), choices: choose(CHANNELS, rt) },
      { key: 'category', option: 'category', message: tr(rt.lang, 'Primary problem'), choices: choose(CATEGORIES, rt) },
      {
        key: 'categories',
        option: 'categories',
        message: tr(rt.lang, 'Further problems (space ticks, enter ends)'),
        choices: choose(CATEGORIES, rt),
        except: 'category',
        multiple: true,
        optional: true,
        alongside: true,
      },
      { key: 'risk', option: 'risk', message: tr(rt.lang, 'Risk'), choices: choose(RISKS, rt) },
      { key: 'center', option: 'center', message: tr(rt.lang, 'Center'), search: centerSearch(rt), optional: true, alongside: true },
      {
        key: 'worker',
        option: 'worker',
        message: tr(rt.lang, 'Worker'),
        search: staffSearch(rt),
        optional: true,
        alongside: true,
      },
    ],
    {
      // The client before the other values, as the command reports them.
      given: () => void (isBlank(opts.client) ? undefined : rt.read((ctx) => resolveCaseClient(ctx, opts))),
      flags: {
        channel: codeCheck(CHANNELS, 'channel'),
        category: codeCheck(CATEGORIES, 'category'),
        categories: codesCheck(CATEGORIES, 'categories'),
        risk: codeCheck(RISKS, 'risk'),
        opened: dateCheck(rt, 'opened'),
        summary: (v) => optionalNote(v, 'summary'),
        center: centerCheck(rt),
        worker: activeWorkerCheck(rt),
      },
    },
  );
  return answered.client === ANONYMOUS_CALLER ? { ...answered, client: undefined, anonymous: true } : answered;
}
