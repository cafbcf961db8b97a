/**
 * Which row of the file wrote each stored record, so that a second row naming
 * the same person (or case, ...) is refused instead of silently overwriting the
 * first. Kept as one Int32 per record id: a million rows cost 4 MB, not a Map.
 */
import { ConflictError } from '../../errors.js';

export class ClaimBook {
  private readonly books = new Map<string, Int32Array>();
  private thisRow: [Int32Array, number][] = [];

  beginRow(): void {
    this.thisRow = [];
  }

  /** A refused row's claims are forgotten: its writes were rolled back. */
  undoRow(): void {
    for (const [book, id] of this.thisRow) book[id] = 0;
    this.thisRow = [];
  }

  claim(entity: string, id: number, row: number, noun: string): void {
    let book = this.books.get(entity) ?? new Int32Array(1024);
    if (id >= book.length) {
      const bigger = new Int32Array(Math.max(id + 1, book.length * 2));
      bigger.set(book);
      book = bigger;
    }
    this.books.set(entity, book);
    const first = book[id] as number;
    if (first !== 0 && first !== row) {
      throw new ConflictError(`the same ${noun} as row ${first} of this file: keep one of the two rows`);
    }
    book[id] = row;
    this.thisRow.push([book, id]);
  }
}
