/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  setupFiles: ["<rootDir>/test/setup/dom.ts"],
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest, whose dependencies are ESM-only; it only
    // needs the OfficeApp enum (PLATFORM-NOTES.md).
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
};
