import { gpuFamilies, gpuSpec, shortGpuName, type GpuFamily, type GpuModelId } from "@/lib/listings/gpu-catalog";
import type { Messages } from "@/lib/i18n/messages/en";
import type { Translator } from "@/lib/i18n/translate";
import { FamilyCheckboxSync } from "./family-checkbox-sync";
import { Checkbox } from "@/components/ui/checkbox";

const CONTAINER_ID = "gpu-checkboxes";
// py-0.5: rows 26 px apart, so each small checkbox keeps the 24 px target spacing of WCAG 2.5.8.
const row = "flex items-center gap-2 py-0.5";

function ModelBox({ id, checked, family }: { id: GpuModelId; checked: boolean; family?: string }) {
  const spec = gpuSpec(id);
  return (
    <label className={row}>
      <Checkbox name="gpu" value={id} defaultChecked={checked} data-family-member={family} />
      <span>
        {shortGpuName(spec?.name ?? id)} <span className="text-slate-500">{spec?.vramGb} GB</span>
      </span>
    </label>
  );
}

/**
 * A family with variants gets a checkbox of its own above them: it sends the family id ("H100"),
 * which the search expands to every variant, so it works without JavaScript; with it, ticking the
 * family ticks its variants and a partly ticked family shows as mixed.
 */
function FamilyGroup({ family, picked, t }: { family: GpuFamily; picked: Set<string>; t: Translator<Messages["marketplace"]> }) {
  const label = t("gpuFamilyAll", { family: family.id });
  return (
    <div role="group" aria-label={label}>
      <label className={`${row} font-medium`}>
        <Checkbox name="gpu" value={family.id} defaultChecked={family.models.every((m) => picked.has(m))} data-family={family.id} />
        <span>{label}</span>
      </label>
      <div className="pl-5">
        {family.models.map((id) => (
          <ModelBox key={id} id={id} checked={picked.has(id)} family={family.id} />
        ))}
      </div>
    </div>
  );
}

export function GpuCheckboxes({ chosen, t }: { chosen: readonly string[]; t: Translator<Messages["marketplace"]> }) {
  const picked = new Set(chosen);
  return (
    <fieldset>
      <legend className="text-sm font-medium">{t("gpuModel")}</legend>
      <div
        id={CONTAINER_ID}
        className="mt-1 max-h-56 space-y-0.5 overflow-y-auto rounded-md border border-slate-200 p-2 text-sm dark:border-slate-800"
      >
        {gpuFamilies.map((family) =>
          family.models.length > 1 ? (
            <FamilyGroup key={family.id} family={family} picked={picked} t={t} />
          ) : (
            family.models.map((id) => <ModelBox key={id} id={id} checked={picked.has(id)} />)
          ),
        )}
      </div>
      <FamilyCheckboxSync containerId={CONTAINER_ID} />
    </fieldset>
  );
}
