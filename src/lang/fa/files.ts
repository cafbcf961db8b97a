/** Persian of the messages said in files: see src/lang/fa/index.ts. */
export const FILES: Readonly<Record<string, string>> = {};
