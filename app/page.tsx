import Link from "next/link";
import { fromBaseUnits } from "@/lib/money";
import { getMarketStats } from "@/lib/server/market-stats";

// Figures are read from the database on every request: a cached page would show yesterday's market.
export const dynamic = "force-dynamic";

const providerPoints = [
  "List a machine in minutes: pick the GPU, we fill in VRAM and TFLOPS.",
  "Set your price per GPU-hour; buyers' money is locked in escrow before a rental starts.",
  "Get paid in USDC straight from the escrow contract, withdrawable any time.",
];

const buyerPoints = [
  "Filter by GPU, VRAM, price, region, bandwidth and CUDA version; sort by price per TFLOP.",
  "Rent a machine by the hour or post a training job and let providers bid for it.",
  "Your payment is only released when the job is done; disputes go to an arbiter.",
];

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-xl border border-slate-200 p-5 dark:border-slate-800">
      <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export default async function LandingPage() {
  const stats = await getMarketStats();
  return (
    <div className="space-y-14">
      <section className="max-w-3xl space-y-5 pt-6">
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">
          Idle GPUs, rented by the hour. <span className="text-brand-600">Paid in stablecoin.</span>
        </h1>
        <p className="text-lg text-slate-600 dark:text-slate-300">
          Idlegrid connects people with spare GPU capacity to ML engineers who need it. Every rental is paid into an
          on-chain escrow in USDC, so providers know the money is there and buyers only pay for work that happened.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/marketplace" className="rounded-lg bg-brand-600 px-4 py-2.5 font-medium text-white hover:bg-brand-700">
            Browse GPUs
          </Link>
          <Link href="/provide" className="rounded-lg border border-slate-300 px-4 py-2.5 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900">
            List your machine
          </Link>
        </div>
      </section>

      <section aria-labelledby="live-figures">
        <h2 id="live-figures" className="mb-4 text-sm font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
          The market right now
        </h2>
        <dl className="grid gap-4 sm:grid-cols-3">
          <Stat label="Listings live" value={stats.liveListings.toLocaleString("en-US")} testId="stat-live-listings" />
          <Stat label="GPUs available" value={stats.gpusAvailable.toLocaleString("en-US")} testId="stat-gpus-available" />
          <Stat
            label="Cheapest H100 per GPU-hour"
            value={stats.cheapestH100 === null ? "—" : `$${fromBaseUnits(stats.cheapestH100)}`}
            testId="stat-cheapest-h100"
          />
        </dl>
      </section>

      <section className="grid gap-8 md:grid-cols-2">
        <div className="space-y-3">
          <h2 className="text-2xl font-semibold">For GPU owners</h2>
          <ul className="list-disc space-y-2 pl-5 text-slate-700 dark:text-slate-300">
            {providerPoints.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
        <div className="space-y-3">
          <h2 className="text-2xl font-semibold">For ML engineers</h2>
          <ul className="list-disc space-y-2 pl-5 text-slate-700 dark:text-slate-300">
            {buyerPoints.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      </section>
    </div>
  );
}
