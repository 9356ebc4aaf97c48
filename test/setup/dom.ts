// jsdom has no ResizeObserver, which Fluent UI's MessageBar and Dropdown use to measure; browsers do.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  class ResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(window, { ResizeObserver });
}

// jsdom has no TextEncoder/TextDecoder either (browsers and Node do): the .xlsx host uses them.
if (typeof window !== "undefined" && !("TextEncoder" in globalThis)) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { TextEncoder, TextDecoder } = require("node:util");
  Object.assign(globalThis, { TextEncoder, TextDecoder });
}
