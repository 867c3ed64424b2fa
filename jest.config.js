/**
 * Two projects. "unit": the pure code's tests beside it (lib/**), fast, no
 * build and no server. "integration": tests/, against real databases, Redis,
 * Socket.IO servers and the built app (its global setup builds it when stale).
 * `npm test` runs both; `npm run test:unit` runs the first alone.
 */
const { existsSync } = require("node:fs");

// Browser tests need Debian's Chromium; a machine without it skips them and says so.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const browserAvailable = existsSync(chromium);
if (!browserAvailable)
  console.log(`skipped: browser tests (tests/browser) need Chromium at ${chromium} (apt-get install chromium)`);

const shared = {
  testEnvironment: "node",
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: {
          isolatedModules: true,
          module: "commonjs",
          moduleResolution: "node",
          jsx: "react-jsx",
          allowImportingTsExtensions: true,
          esModuleInterop: true,
        },
      },
    ],
  },
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
};

module.exports = {
  testTimeout: 60000,
  projects: [
    { ...shared, displayName: "unit", roots: ["<rootDir>/lib"] },
    {
      ...shared,
      displayName: "integration",
      roots: ["<rootDir>/tests"],
      testPathIgnorePatterns: ["/node_modules/", ...(browserAvailable ? [] : ["<rootDir>/tests/browser/"])],
      globalSetup: "<rootDir>/tests/global-setup.ts",
    },
  ],
  // the default report, plus the reason for every test file that skipped itself
  reporters: ["default", "<rootDir>/tests/support/skip-reporter.js"],
};
