/** Persian of the messages said in ui: see src/lang/fa/index.ts. */
export const UI: Readonly<Record<string, string>> = {};
