/// <reference types="vite/client" />
/** Arabic reads right to left (dir="rtl"): our own margins, paddings, borders and alignments are logical (start and
 * end), never left or right, or the Arabic layout keeps the English one's gaps on the wrong side (issue 15). */
import { describe, expect, it } from "vitest";

import { theme } from "./theme";

const SOURCES = import.meta.glob(["../**/*.tsx", "../**/*.ts", "!../**/*.test.ts", "!../**/*.test.tsx"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

// sx shorthands and style properties that name a physical side.
const PHYSICAL = /(?<![\w-])(ml|mr|pl|pr|marginLeft|marginRight|paddingLeft|paddingRight|borderLeft|borderRight)\s*:/;
const PHYSICAL_ALIGN = /textAlign:\s*["'](left|right)["']/;

describe("the layout in a right-to-left language", () => {
  it("uses no physical left or right margins, paddings, borders or alignments in our code", () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(50);
    const offending = Object.entries(SOURCES).flatMap(([path, text]) =>
      text
        .split("\n")
        .map((line, i) => ({ path, line: i + 1, text: line.trim() }))
        .filter(({ text: line }) => PHYSICAL.test(line) || PHYSICAL_ALIGN.test(line)),
    );
    expect(offending).toEqual([]);
  });

  it("aligns table cells to the logical start and end (numbers at the end in Arabic too)", () => {
    const cell = theme.components?.MuiTableCell?.styleOverrides as Record<string, { textAlign?: string }>;
    expect(cell.root?.textAlign).toBe("start");
    expect(cell.alignRight?.textAlign).toBe("end");
  });
});
