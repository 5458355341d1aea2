/**
 * Every SDK call goes through settle(): the SDK may throw synchronously, reject, or return a plain value,
 * and the adapter must turn each into a HostResult instead of letting it escape.
 */

/** Calls an SDK method that may throw synchronously or return a non-promise. */
export async function settle(call: () => unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, error };
  }
}
