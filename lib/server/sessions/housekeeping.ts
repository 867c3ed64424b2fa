/** A recurring sweep must never be what keeps a process alive (a server has its listener for that). */
export function housekeeping(handle: unknown): unknown {
  (handle as { unref?: () => void } | null)?.unref?.();
  return handle;
}
