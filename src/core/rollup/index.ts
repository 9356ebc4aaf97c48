/** The district and province roll-up (docs/output.md §12): pure, shared by the command line, the browser page and the add-in. */
export * from "./gather";
export * from "./json";
export * from "./sheets";
export * from "./text";
