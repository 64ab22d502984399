import Link from "next/link";
import { fromBaseUnits } from "@/lib/money";
import type { PublicListing } from "@/lib/server/listings/dto";

function usd(baseUnits: string): string {
  return `$${fromBaseUnits(BigInt(baseUnits))}`;
}

/** Server-rendered results; every row links to the listing page. */
export function ListingTable({ items }: { items: PublicListing[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-600 uppercase dark:bg-slate-900 dark:text-slate-400">
          <tr>
            <th className="px-3 py-2">Machine</th>
            <th className="px-3 py-2 text-right">VRAM</th>
            <th className="px-3 py-2 text-right">TFLOPS</th>
            <th className="px-3 py-2">Region</th>
            <th className="px-3 py-2 text-right">Net ↓</th>
            <th className="px-3 py-2 text-right">CUDA</th>
            <th className="px-3 py-2 text-right">Reliability</th>
            <th className="px-3 py-2 text-right">$/GPU-h</th>
            <th className="px-3 py-2 text-right">$/TFLOP-h</th>
          </tr>
        </thead>
        <tbody>
          {items.map((l) => (
            <tr key={l.id} data-testid="listing-row" className="border-t border-slate-100 dark:border-slate-800">
              <td className="px-3 py-2">
                <Link href={`/listings/${l.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-400">
                  {l.gpuCount}× {l.gpuName}
                </Link>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{l.vramGb} GB</td>
              <td className="px-3 py-2 text-right tabular-nums">{l.totalTflops}</td>
              <td className="px-3 py-2">
                {l.city}, {l.country}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{l.downloadMbps.toLocaleString("en-US")}</td>
              <td className="px-3 py-2 text-right tabular-nums">{l.cudaVersion ?? "ROCm"}</td>
              <td className="px-3 py-2 text-right tabular-nums">{l.provider.reliability}</td>
              <td className="px-3 py-2 text-right font-semibold tabular-nums" data-testid="listing-price">
                {usd(l.pricePerGpuHour)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{l.pricePerTflopHour}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
