"use client";

import { useActionState } from "react";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import { createTranslator } from "@/lib/i18n/translate";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { createPairingCode, type PairingCodeState } from "../agent-actions";

/**
 * "Connect a machine": asks for a one-time pairing code and shows it once, with the command to run
 * on the GPU host. The code is not kept anywhere the page could show it again (only its hash is stored).
 */
export function ConnectAgent({
  machineId,
  server,
  messages,
  locale,
  size = "md",
}: {
  machineId: string;
  server: string;
  messages: Messages["agent"];
  locale: Locale;
  size?: "sm" | "md";
}) {
  const t = createTranslator(messages, locale);
  const [state, action, pending] = useActionState<PairingCodeState, FormData>(createPairingCode, { attempt: 0 });
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="machineId" value={machineId} />
      <Button type="submit" variant="secondary" size={size} disabled={pending} data-testid="connect-agent">
        {t("connect")}
      </Button>
      {state.error && <Alert tone="error">{t("codeFailed", { reason: state.error })}</Alert>}
      {state.code && state.expiresAt && (
        <div className="space-y-1 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700">
          <p>
            {t("codeLabel")}:{" "}
            <code className="font-mono text-base font-semibold" data-testid="pairing-code">
              {state.code}
            </code>
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {t("codeExpires", { time: formatDateTime(new Date(state.expiresAt), locale) })}
          </p>
          <p className="text-xs">{t("codeCommand")}</p>
          <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
            <code data-testid="pair-command">{`idlegrid-agent pair ${state.code} --server ${server}`}</code>
          </pre>
        </div>
      )}
    </form>
  );
}
