// A webpack loader for third-party code: the few places it falls back on `Function` to find the
// global object (never reached in a browser, which has globalThis) or to run a string given to a
// setImmediate polyfill become plain code, so the pages' Content-Security-Policy can forbid eval
// and no code in the bundles calls it (test/build/csp.test.ts; docs/DECISIONS.md).
module.exports = function noEval(source) {
  return source
    .replace(/(?:new )?Function\(\s*(["'])return this\1\s*\)\(\)/g, "globalThis")
    .replace(
      /Function\(\s*(["'])r\1\s*,\s*(["'])regeneratorRuntime = r\2\s*\)\(([\w$]+)\)/g,
      "(globalThis.regeneratorRuntime=$3)",
    )
    .replace(/new Function\(\s*(["'])\1\s*\+\s*([\w$]+)\s*\)/g, "function(){}");
};
