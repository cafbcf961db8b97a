/** Persian of the messages said in training: see src/lang/fa/index.ts. */
export const TRAINING: Readonly<Record<string, string>> = {};
