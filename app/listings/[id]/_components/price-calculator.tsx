"use client";

import { useState } from "react";
import { priceForHours } from "@/lib/listing-price";
import { fromBaseUnits } from "@/lib/money";

/** The cost of N hours, recomputed as the buyer types, in exact base units. */
export function PriceCalculator(props: { pricePerGpuHour: string; gpuCount: number; minHours: number; maxHours: number }) {
  const [hours, setHours] = useState(String(Math.max(props.minHours, Math.min(24, props.maxHours))));
  const result = priceForHours(BigInt(props.pricePerGpuHour), props.gpuCount, hours, props);
  return (
    <div className="space-y-2">
      <label htmlFor="hours" className="block text-sm font-medium">
        Hours
      </label>
      <input
        id="hours"
        inputMode="numeric"
        value={hours}
        onChange={(e) => setHours(e.target.value)}
        aria-describedby="hours-result"
        className="w-32 rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
      />
      <p id="hours-result" aria-live="polite" className="text-sm" data-testid="price-for-hours">
        {result.ok ? (
          <>
            {props.gpuCount} GPU{props.gpuCount === 1 ? "" : "s"} × {result.hours} h ={" "}
            <strong className="text-lg tabular-nums">${fromBaseUnits(result.total)}</strong> USDC
          </>
        ) : (
          <span className="text-red-700 dark:text-red-400">{result.message}</span>
        )}
      </p>
    </div>
  );
}
