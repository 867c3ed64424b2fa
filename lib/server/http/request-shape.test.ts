import { misshapenRequest } from "./request-shape";

describe("the shape of a request, before anything serves it", () => {
  test("a method an API route does not serve is 405 with the methods it does in Allow", () => {
    expect(misshapenRequest("TRACE", "/api/sessions")).toEqual({
      status: 405,
      error: { code: "not_found", message: "TRACE is not served here; this address takes GET, POST, HEAD, OPTIONS" },
      headers: { allow: "GET, POST, HEAD, OPTIONS" },
    });
    expect(misshapenRequest("DELETE", "/api/pools/2024")).toBeNull();
    expect(misshapenRequest("PUT", "/api/pools/2024")?.headers).toEqual({ allow: "GET, DELETE, HEAD, OPTIONS" });
    expect(misshapenRequest("POST", "/api/sessions/4b0b2c7e-0000-4000-8000-000000000000/actions?x=1")).toBeNull();
    expect(misshapenRequest("GET", "/api/sessions/4b0b2c7e-0000-4000-8000-000000000000/actions")?.status).toBe(405);
  });

  test("HEAD wherever GET is served, and OPTIONS on every route, are left to Next.js", () => {
    expect(misshapenRequest("HEAD", "/api/pools")).toBeNull();
    expect(misshapenRequest("OPTIONS", "/api/leagues")).toBeNull();
    expect(misshapenRequest("HEAD", "/api/leagues")?.status).toBe(405);
  });

  test("pages take the usual methods; anything else is 405", () => {
    expect(misshapenRequest("GET", "/admin")).toBeNull();
    expect(misshapenRequest("POST", "/sessions/abc")).toBeNull();
    expect(misshapenRequest("PROPFIND", "/")?.status).toBe(405);
    expect(misshapenRequest("FOO", "/api/nope")?.headers).toEqual({ allow: "GET, HEAD" });
  });

  test("broken percent-encoding in the path, or a target that is not a path, is 400", () => {
    expect(misshapenRequest("GET", "/api/sessions/%ff%fe/seats/IND/claim")?.status).toBe(400);
    expect(misshapenRequest("GET", "/sessions/%")?.error.code).toBe("invalid_payload");
    expect(misshapenRequest("OPTIONS", "*")?.status).toBe(400);
    // the query is the route's to read: URLSearchParams takes a broken escape as text
    expect(misshapenRequest("GET", "/api/pools?kind=%ff")).toBeNull();
    expect(misshapenRequest("GET", "http://example.com/api/pools")).toBeNull();
  });
});
