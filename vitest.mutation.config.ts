/**
 * The suite Stryker runs (stryker.config.mjs): the unit and component projects of vitest.config.ts, minus
 * tests/unit/build. Those build and pack the app from files on disk (they import no mutated module, so no
 * mutant is ever "covered" by them) and would build Stryker's instrumented sandbox; e2e needs a built app.
 */
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import base from './vitest.config';

const projects = (base.test?.projects ?? []) as TestProjectInlineConfiguration[];

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    projects: projects
      .filter((p) => p.test?.name === 'unit' || p.test?.name === 'component')
      .map((p) => ({ ...p, test: { ...p.test, exclude: [...(p.test?.exclude ?? []), 'tests/unit/build/**', '**/node_modules/**'] } })),
  },
});
