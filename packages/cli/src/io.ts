/**
 * The streams and working folder a command runs with, so tests can pass fakes (ESLint's NOTE:
 * the CLI never calls process.exit).
 */
export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  cwd: string;
  env: Record<string, string | undefined>;
}
