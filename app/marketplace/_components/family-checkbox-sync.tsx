"use client";

import { useEffect } from "react";

/**
 * Keeps a GPU family's checkbox and its variants' in step: ticking the family ticks every variant (and
 * unticking clears them), and the family shows ticked when all are, mixed when some are. The boxes stay
 * server-rendered (see submit-on-change.tsx for why); this only listens, so the form works without it.
 */
export function FamilyCheckboxSync({ containerId }: { containerId: string }) {
  useEffect(() => {
    const container = document.getElementById(containerId);
    if (!container) return;
    const members = (family: string) => [
      ...container.querySelectorAll<HTMLInputElement>(`input[data-family-member="${CSS.escape(family)}"]`),
    ];
    const settle = (box: HTMLInputElement) => {
      const states = members(box.dataset.family ?? "").map((m) => m.checked);
      box.checked = states.every(Boolean);
      box.indeterminate = !box.checked && states.some(Boolean);
    };
    const families = () => [...container.querySelectorAll<HTMLInputElement>("input[data-family]")];
    families().forEach(settle);

    const onChange = (event: Event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement)) return;
      const family = input.dataset.family;
      if (family !== undefined) {
        for (const member of members(family)) member.checked = input.checked;
        input.indeterminate = false;
      } else if (input.dataset.familyMember !== undefined) {
        const box = families().find((f) => f.dataset.family === input.dataset.familyMember);
        if (box) settle(box);
      }
    };
    container.addEventListener("change", onChange);
    return () => container.removeEventListener("change", onChange);
  }, [containerId]);
  return null;
}
