// Imported by modules that must never reach the browser bundle.
if (typeof window !== "undefined") {
  throw new Error("server module imported in the browser");
}
export {};
