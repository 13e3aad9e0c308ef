/**
 * Runs `during` with the clock (Date) moved `ms` ahead and every timer real. The circuit breaker
 * decides when to let a call through again from Date.now() alone, so a test moves the clock
 * instead of sleeping through the wait (each sleep was a second of an idle test worker).
 */
export async function withClockAhead<T>(ms: number, during: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({
    now: Date.now() + ms,
    // The moved clock goes on ticking with real time, so the code under test sees time pass as
    // usual (dynalite runs in its own process and keeps the real clock).
    advanceTimers: true,
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
  });
  try {
    return await during();
  } finally {
    jest.useRealTimers();
  }
}
