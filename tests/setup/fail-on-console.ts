import { afterEach, beforeEach, vi } from "vitest";

// An unexpected console.error or warning is a bug the test did not look for: fail on it.
// A test that expects one mocks console.error itself and asserts on the call.
beforeEach(() => {
  for (const method of ["error", "warn"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      throw new Error(`console.${method} was called: ${args.map(String).join(" ")}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
});
