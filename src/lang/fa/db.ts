/** Persian of the messages said in db: see src/lang/fa/index.ts. */
export const DB: Readonly<Record<string, string>> = {};
