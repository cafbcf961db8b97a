/**
 * Which row of the file wrote each stored record, so that a second row naming
 * the same person (or case, ...) is refused instead of silently overwriting the
 * first. Kept as one Int32 per record id: a million rows cost 4 MB, not a Map.
 */
import { ConflictError } from '../../errors.js';
import { t, type Text } from '../../messages/catalogue.js';

export class ClaimBook {
  private readonly books = new Map<string, Int32Array>();
  /** The claims of the row being imported (entity and id, side by side), reused from row to row. */
  private readonly rowEntities: string[] = [];
  private readonly rowIds: number[] = [];

  beginRow(): void {
    this.rowEntities.length = 0;
    this.rowIds.length = 0;
  }

  /** A refused row's claims are forgotten: its writes were rolled back. */
  undoRow(): void {
    // Looked up again, not kept: a later claim of the same row may have moved the book to a bigger array.
    for (let i = 0; i < this.rowEntities.length; i++) {
      const book = this.books.get(this.rowEntities[i] as string);
      if (book !== undefined) book[this.rowIds[i] as number] = 0;
    }
    this.beginRow();
  }

  /** `noun` is the kind's record (client, case, ...), named in the refusal. */
  claim(entity: string, id: number, row: number, noun: string): void {
    let book = this.books.get(entity);
    if (book === undefined || id >= book.length) {
      const bigger = new Int32Array(Math.max(id + 1, (book?.length ?? 512) * 2));
      if (book !== undefined) bigger.set(book);
      book = bigger;
      this.books.set(entity, book);
    }
    const first = book[id] as number;
    if (first !== 0 && first !== row) {
      throw new ConflictError(sameRecord(noun, first));
    }
    book[id] = row;
    this.rowEntities.push(entity);
    this.rowIds.push(id);
  }
}

/** A second row of the file naming the record a first row wrote. */
function sameRecord(noun: string, row: number): Text {
  switch (noun) {
    case 'client':
      return t('the same client as row {row} of this file: keep one of the two rows', { row });
    case 'case':
      return t('the same case as row {row} of this file: keep one of the two rows', { row });
    case 'service':
      return t('the same service as row {row} of this file: keep one of the two rows', { row });
    case 'followup':
      return t('the same followup as row {row} of this file: keep one of the two rows', { row });
    case 'referral':
      return t('the same referral as row {row} of this file: keep one of the two rows', { row });
    case 'staff':
      return t('the same staff as row {row} of this file: keep one of the two rows', { row });
    case 'center':
      return t('the same center as row {row} of this file: keep one of the two rows', { row });
    case 'shift-pattern':
      return t('the same shift-pattern as row {row} of this file: keep one of the two rows', { row });
    case 'roster-assignment':
      return t('the same roster-assignment as row {row} of this file: keep one of the two rows', { row });
    case 'course':
      return t('the same course as row {row} of this file: keep one of the two rows', { row });
    case 'enrolment':
      return t('the same enrolment as row {row} of this file: keep one of the two rows', { row });
    case 'workshop':
      return t('the same workshop as row {row} of this file: keep one of the two rows', { row });
    default:
      return t('the same {record} as row {row} of this file: keep one of the two rows', { record: noun, row });
  }
}
