import { formatForty, formatGrade, formatHeight, formatWeight } from "./player-facts";

describe("player facts as people read them", () => {
  test("heights in feet and inches, halves kept, rounding up into the next foot", () => {
    expect([74, 74.5, 71.8, 60, 77.2].map(formatHeight)).toEqual([`6'2"`, `6'2½"`, `6'0"`, `5'0"`, `6'5"`]);
  });
  test("weights, 40 times and grades", () => {
    expect([formatWeight(215.4), formatForty(4.4), formatGrade(88), formatGrade(88.25)]).toEqual([
      "215 lb",
      "4.40 s",
      "88",
      "88.3",
    ]);
  });
});
