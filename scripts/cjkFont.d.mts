// Types for scripts/cjkFont.mjs (imported by its test).
export declare const CJK_INSTALL: string;
export declare function missingCjkFont(list?: () => string): string | null;
