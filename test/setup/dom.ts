// jsdom has no ResizeObserver, which Fluent UI's MessageBar and Dropdown use to measure; browsers do.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  class ResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(window, { ResizeObserver });
}
