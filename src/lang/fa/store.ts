/** Persian of the messages said in store: see src/lang/fa/index.ts. */
export const STORE: Readonly<Record<string, string>> = {};
