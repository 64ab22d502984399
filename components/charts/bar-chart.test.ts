/** The shared chart renders on the server, names itself for screen readers and scales bigints exactly. */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "@/components/charts/bar-chart";

const huge = 2n ** 60n;

function render(values: bigint[][]) {
  return renderToStaticMarkup(
    createElement(BarChart, {
      summary: "Earnings 3 USDC over 3 days",
      series: [
        { name: "earned", className: "fill-a" },
        { name: "fee", className: "fill-b" },
      ],
      bars: values.map((v, i) => ({ key: `d${i}`, label: `Day ${i}`, tick: `${i}`, values: v, cells: v.map((x) => `${x} units`) })),
      columns: ["Day", "Earned", "Fee"],
      tableLabel: "Show as a table",
      testId: "chart",
    }),
  );
}

describe("BarChart", () => {
  it("is an image named by its summary, with a title per bar and the same figures as a table", () => {
    const html = render([
      [1n, 0n],
      [2n, 1n],
      [0n, 0n],
    ]);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Earnings 3 USDC over 3 days"');
    expect(html).toContain("<title>Day 1: earned 2 units, fee 1 units</title>");
    expect(html).toMatch(/<th scope="row"[^>]*>Day 1<\/th><td[^>]*>2 units<\/td><td[^>]*>1 units<\/td>/);
    expect(html).toContain("<summary");
  });

  it("scales heights from bigints beyond 2^53 without float error, the tallest bar filling the chart", () => {
    const html = render([
      [huge, huge / 4n],
      [huge / 2n + 1n, 0n],
    ]);
    const heights = [...html.matchAll(/<rect [^>]*height="(\d+)"/g)].map((m) => Number(m[1]));
    expect(heights).toEqual([120, 30, 60, 0]);
  });

  it("draws nothing above the baseline when every value is zero", () => {
    const heights = [...render([[0n, 0n]]).matchAll(/<rect [^>]*height="(\d+)"/g)].map((m) => Number(m[1]));
    expect(heights).toEqual([0, 0]);
  });
});
