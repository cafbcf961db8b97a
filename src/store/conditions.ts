/**
 * The optional filters of a list query, e.g.
 * `new Conditions().when('c.status = ?', f.status).when('c.risk = ?', f.risk)`:
 * a condition whose value is not given is left out, and `where` is '' when
 * none is left. Values are always bound, never written into the SQL.
 */
export class Conditions {
  private readonly parts: string[] = [];
  readonly args: unknown[] = [];

  /** `sql`, with one `?` for `value`, unless `value` is undefined. */
  when(sql: string, value: unknown): this {
    return value === undefined ? this : this.add(sql, value);
  }

  /** `sql` always, with as many arguments as it has `?`. */
  add(sql: string, ...args: unknown[]): this {
    this.parts.push(sql);
    this.args.push(...args);
    return this;
  }

  /** `WHERE a AND b …`, or '' when there is no condition. */
  get where(): string {
    return this.parts.length > 0 ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** A yes/no filter as SQLite stores it (1 or 0), undefined when not given. */
export const flag = (value: boolean | undefined): number | undefined => (value === undefined ? undefined : value ? 1 : 0);
