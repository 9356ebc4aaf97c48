/** Where the command line writes: its lines, its errors, and text written as it is (a file's bytes). */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Text written as it is, without a line end added (a file's bytes), resolved once flushed; lines through `out` where absent. */
  write?: (s: string) => Promise<void>;
}
