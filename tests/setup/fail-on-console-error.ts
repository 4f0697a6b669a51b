// A test that makes the code under test call console.error fails, unless it takes the
// errors it expects with takeConsoleErrors().
import { afterEach, beforeEach } from "vitest";

const captured: unknown[][] = [];
const original = console.error;

beforeEach(() => {
  captured.length = 0;
  console.error = (...args: unknown[]) => {
    captured.push(args);
  };
});

afterEach(() => {
  console.error = original;
  if (captured.length) {
    const lines = captured.map((args) => args.map(String).join(" ")).join("\n");
    captured.length = 0;
    throw new Error(`console.error was called during the test:\n${lines}`);
  }
});

/** The console.error calls so far, removed so they do not fail the test. */
export function takeConsoleErrors(): unknown[][] {
  return captured.splice(0, captured.length);
}
