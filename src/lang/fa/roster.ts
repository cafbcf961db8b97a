/** Persian of the messages said in roster: see src/lang/fa/index.ts. */
export const ROSTER: Readonly<Record<string, string>> = {};
