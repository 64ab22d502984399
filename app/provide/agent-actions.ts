"use server";

import { revalidatePath } from "next/cache";
import { apiErrorMessage } from "@/lib/i18n/api-errors";
import { getLocale } from "@/lib/i18n/server";
import { currentCaller } from "@/lib/auth/server/caller";
import { ApiError } from "@/lib/core/server/api-error";
import { pairingCodeRequestSchema, revokeCredentialSchema } from "@/lib/machines/schema";
import { revokeCredential } from "@/lib/machines/server/credentials";
import { issuePairingCode } from "@/lib/machines/server/pairing";

/** What "Connect a machine" shows: the one-time code (once), or why there is none. */
export interface PairingCodeState {
  code?: string;
  expiresAt?: string;
  error?: string;
  attempt: number;
}

/** A pairing code for one of the caller's machines (the same function as POST /api/v1/listings/{id}/pairing-codes). */
export async function createPairingCode(previous: PairingCodeState, formData: FormData): Promise<PairingCodeState> {
  const attempt = previous.attempt + 1;
  const [caller, locale] = await Promise.all([currentCaller(), getLocale()]);
  if (!caller) return { error: apiErrorMessage("unauthenticated", locale), attempt };
  const parsed = pairingCodeRequestSchema.safeParse({ machineId: formData.get("machineId") });
  if (!parsed.success) return { error: apiErrorMessage("not_found", locale), attempt };
  try {
    const { code, expiresAt } = await issuePairingCode(caller, parsed.data.machineId);
    return { code, expiresAt: expiresAt.toISOString(), attempt };
  } catch (error) {
    if (error instanceof ApiError) return { error: apiErrorMessage(error.code, locale), attempt };
    throw error;
  }
}

/** Revokes one agent credential of one of the caller's machines; its agent's next request is refused. */
export async function revokeAgentCredential(formData: FormData): Promise<void> {
  const caller = await currentCaller();
  const parsed = revokeCredentialSchema.safeParse({ machineId: formData.get("machineId"), credentialId: formData.get("credentialId") });
  if (!caller || !parsed.success) return;
  try {
    await revokeCredential(caller, parsed.data.machineId, parsed.data.credentialId);
  } catch (error) {
    // Someone else's or an unknown credential: nothing changes and the panel shows the truth on reload.
    if (!(error instanceof ApiError)) throw error;
  }
  revalidatePath(`/provide/${parsed.data.machineId}/edit`);
  revalidatePath("/provide");
}
