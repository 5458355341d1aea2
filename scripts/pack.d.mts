// Types for scripts/pack.mjs (imported by tests/unit/build).
export declare const projectRoot: string;
export declare const ZET_LIMITS: Readonly<{
  maxFiles: number;
  maxFileBytes: number;
  maxPackageBytes: number;
  maxFileNameLength: number;
  fileName: RegExp;
  folderName: RegExp;
  extensions: readonly string[];
}>;
export declare const OFFICIAL_SDK_URL: string;
export declare const FORBIDDEN_IN_APP: readonly string[];
export declare function listFiles(dir: string, root?: string): string[];
export declare function checkZetLimits(root?: string): string[];
export declare function checkAppContents(root?: string): string[];
export declare function runZet(
  args: string[],
  options?: { root?: string; timeoutMs?: number },
): Promise<{ code: number | null; output: string; timedOut: boolean }>;
export declare function zetValidate(options?: { root?: string; timeoutMs?: number }): Promise<{ ok: boolean; output: string }>;
export declare function zipEntryNames(zipPath: string): string[];
export declare function packExtension(options?: {
  root?: string;
  timeoutMs?: number;
  log?: (text: string) => void;
}): Promise<{ zipPath: string; entries: string[] }>;
export declare function connectionWarning(root?: string): string | null;
