// Types for scripts/builds.mjs (imported by the e2e harness).
export type BuildTarget = 'app' | 'simulator';
export declare const projectRoot: string;
export declare function isStale(target: BuildTarget, root?: string): boolean;
export declare function runViteBuild(
  target: BuildTarget,
  options?: { root?: string; timeoutMs?: number; quiet?: boolean; extraArgs?: string[] },
): Promise<string>;
export declare function ensureBuilt(options?: {
  targets?: BuildTarget[];
  root?: string;
  quiet?: boolean;
}): Promise<BuildTarget[]>;
