import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/server/auth/page-guards";
import { MachineForm } from "../_components/machine-form";

export const metadata: Metadata = { title: "List a machine" };

const defaults = { gpuCount: "1", minHours: "1", maxHours: "720", cudaVersion: "12.4", driverVersion: "550.127" };

export default async function NewMachinePage() {
  await requirePageCaller("/provide/new");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">List a machine</h1>
      <MachineForm initial={defaults} isNew />
    </div>
  );
}
