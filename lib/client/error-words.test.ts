import { errorWords, issueWords, issuesInWords } from "./error-words";

describe("error words", () => {
  it("says what to do about an empty field, not the schema's words", () => {
    expect(issueWords({ path: "name", message: "Too small: expected string to have >=1 characters" })).toBe(
      "Enter a name",
    );
    expect(issueWords({ path: ["display_name"], message: "Too small: expected string to have >=1 characters" })).toBe(
      "Enter your name",
    );
  });

  it("turns bounds into sentences about the field", () => {
    expect(issueWords({ path: "rounds", message: "Too big: expected number to be <=7" })).toBe(
      "The number of rounds can be at most 7",
    );
    expect(issueWords({ path: "name", message: "Too big: expected string to have <=80 characters" })).toBe(
      "The name can be at most 80 characters",
    );
    expect(issueWords({ path: "seconds_per_pick", message: "Too small: expected number to be >=0" })).toBe(
      "The seconds per pick must be at least 0",
    );
    expect(issueWords({ path: "rounds", message: "Invalid input: expected int, received number" })).toBe(
      "The number of rounds must be a whole number",
    );
  });

  it("joins several issues as sentences", () => {
    expect(
      issuesInWords([
        { path: "name", message: "Too small: expected string to have >=1 characters" },
        { path: "rounds", message: "Too big: expected number to be <=7" },
      ]),
    ).toBe("Enter a name. The number of rounds can be at most 7.");
  });

  it("answers a wrong admin key in plain words", () => {
    expect(errorWords({ code: "unauthorized", message: "a league admin key is required" })).toBe(
      "That admin key is not right. Check it and try again.",
    );
  });

  it("says which fields were wrong when the schema refused a request", () => {
    expect(
      errorWords({
        code: "invalid_payload",
        message: "the payload does not match its schema",
        issues: [{ path: "name", message: "Too small: expected string to have >=1 characters" }],
      }),
    ).toBe("Enter a name.");
  });

  it("keeps a message written for people as a sentence, and an import's own summary", () => {
    expect(errorWords({ code: "invalid_state", message: "it is not your turn" })).toBe("It is not your turn.");
    expect(
      errorWords({
        code: "invalid_payload",
        message: "2 problems; nothing was saved",
        issues: [{ path: ["prospects", 1, "rank"], message: "rank must be 1 or more", line: 3 }],
      }),
    ).toBe("2 problems; nothing was saved.");
  });

  it("never shows schema text, even without issues", () => {
    expect(
      errorWords({ code: "invalid_payload", message: "name: Too small: expected string to have >=1 characters" }),
    ).toBe("Something in that request was not right. Check it and try again.");
    expect(errorWords({ code: "rate_limited", message: "" })).toBe(
      "Too many requests at once. Wait a moment and try again.",
    );
  });

  it("tells a seat its link no longer works", () => {
    expect(errorWords({ code: "unauthorized", message: "unknown token" })).toMatch(/seat link is not valid/);
  });
});
