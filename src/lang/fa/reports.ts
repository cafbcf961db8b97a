/** Persian of the messages said in reports: see src/lang/fa/index.ts. */
export const REPORTS: Readonly<Record<string, string>> = {};
