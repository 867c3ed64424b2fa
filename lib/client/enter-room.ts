// Going from the lobby into a room is a full page load, not a client-side
// router.push: the seat token was just written to sessionStorage and the room
// reads it on mount, and a soft navigation left an RSC request to be aborted
// (a failed request in every browser test) for no gain: the room renders on
// the client anyway.
export function enterRoom(sessionId: string): void {
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full page load on purpose (above)
  window.location.assign(`/sessions/${encodeURIComponent(sessionId)}`);
}
