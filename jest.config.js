/** Unit tests sit beside their code (lib/**), integration tests under tests/. */
const { existsSync } = require("node:fs");

// Browser tests need Debian's Chromium; a machine without it skips them and says so.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const browserAvailable = existsSync(chromium);
if (!browserAvailable)
  console.log(`skipped: browser tests (tests/browser) need Chromium at ${chromium} (apt-get install chromium)`);

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/lib", "<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", ...(browserAvailable ? [] : ["<rootDir>/tests/browser/"])],
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
  testTimeout: 60000,
  globalSetup: "<rootDir>/tests/global-setup.ts",
  // the default report, plus the reason for every test file that skipped itself
  reporters: ["default", "<rootDir>/tests/support/skip-reporter.js"],
};
