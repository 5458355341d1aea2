// Types for scripts/bench/bundle.mjs (imported by tests/unit/build/firstScript.test.ts).
export interface BuiltApp {
  /** Rendered bytes of the panel's initial chunks per source group. */
  sources: { source: string; renderedBytes: number; share: number }[];
  /** Module ids (relative to the project) in the panel's initial chunks. */
  initialModules: string[];
  /** Module ids in every other non-entry chunk (loaded on first use). */
  lazyModules: string[];
}
export declare function buildApp(projectRoot: string, outDir: string): Promise<BuiltApp>;
