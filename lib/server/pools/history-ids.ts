/** A fixed session id per draft class's real draft, so loading twice (or on two nodes) finds it instead of making another. */
export const historySessionId = (poolId: string) => `00000000-0000-4000-8000-${poolId.padStart(12, "0")}`;
