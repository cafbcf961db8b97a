/** A case's timeline while it is generated: entries are collected, then ordered, numbered and stamped. */
import type { DemoFollowupRow, DemoServiceRow } from '../../store/demo.js';
import type { EventKind } from '../codes.js';

/** Order within one day: a case opens before it is assigned, served, followed up and closed; plans follow the close. */
export const RANK: Readonly<Record<EventKind | 'plan', number>> = {
  opened: 0,
  reopened: 1,
  assigned: 2,
  note: 3,
  service: 3,
  'follow-up': 4,
  // The demo writes no corrections; a correction follows what it corrects.
  'service-corrected': 4,
  'service-voided': 4,
  'follow-up-rescheduled': 4,
  'risk-changed': 4,
  updated: 4,
  'client-merged': 4,
  // The demo writes no referrals yet.
  referral: 4,
  closed: 5,
  plan: 6,
};

export interface PendingEvent {
  day: number;
  rank: number;
  kind: EventKind;
  workerId: number | null;
  reason: string | null;
  text: string | null;
  /** The service this entry records: it gets the entry's timestamp. */
  service?: DemoServiceRow;
  /** The follow-up this entry schedules: created_at is the entry's timestamp. */
  created?: DemoFollowupRow;
  /** The follow-up this entry finishes: updated_at is the entry's timestamp. */
  finished?: DemoFollowupRow;
}

export type AddEvent = (day: number, kind: EventKind, extra?: Partial<PendingEvent>, rank?: number) => PendingEvent;
