import { defineConfig } from 'vitest/config';

/** Three tiers: unit (schemas, lib, wording), markdown (fixture cases), build (a built fixture site). */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/build/global-setup.ts'],
    // The build tier shells out to `astro build`; give it room on a 2-core machine.
    hookTimeout: 180_000,
    testTimeout: 60_000,
  },
});
