import type { Metadata } from "next";
import Link from "next/link";
import { WithdrawPanel } from "@/components/orders/withdraw-panel";
import { env } from "@/env";
import { formatDollars } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { ownerActionsFor } from "@/lib/listings/lifecycle";
import { requirePageCaller } from "@/lib/auth/server/page-guards";
import { listProviderMachines } from "@/lib/listings/server/queries";
import { tokenInfo } from "@/lib/chain/server/token-info";
import { changeMachineStatus } from "./actions";
import { gpuLabel } from "@/lib/listings/gpu-catalog";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { getMessages } from "@/lib/i18n/server";
import { agentSummaries } from "@/lib/machines/server/queries";
import { ConnectAgent } from "./_components/connect-agent";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("provide"))("title"), "provide");
}

const notices = ["draft", "submitted", "saved", "review", "submit", "withdraw", "pause", "resume", "archive", "failed", "invalid"] as const;
type Notice = (typeof notices)[number];
const isNotice = (value: string | undefined): value is Notice => (notices as readonly string[]).includes(value ?? "");

export default async function ProvidePage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const caller = await requirePageCaller("/provide");
  // Token metadata comes from the chain; the machines list must still render when the RPC is down.
  const [machines, token] = await Promise.all([listProviderMachines(caller.userId), tokenInfo().catch(() => null)]);
  const { notice } = await searchParams;
  const [t, tStatus, locale, tOrders] = await Promise.all([
    getTranslations("provide"),
    getTranslations("listingStatus"),
    getLocale(),
    getTranslations("orders"),
  ]);
  const withdrawLabels = { creditedBalance: tOrders("creditedBalance"), withdraw: tOrders("withdraw") };
  const [agents, tAgent, agentMessages] = await Promise.all([
    agentSummaries(machines.map((m) => m.id)),
    getTranslations("agent"),
    getMessages("agent"),
  ]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <Link href="/provide/jobs" className="ml-auto text-sm underline" data-testid="matching-jobs-link">
          Matching jobs
        </Link>
        <Link href="/provide/new" className={buttonClass({ size: "lg" })}>
          {t("listMachine")}
        </Link>
      </div>
      {isNotice(notice) && <Alert tone="info">{t(`notice.${notice}`)}</Alert>}
      {/* What renters paid and the escrow credited to this provider, withdrawn by a pull payment. */}
      {env.ESCROW_ADDRESS && token && (
        <WithdrawPanel
          escrow={env.ESCROW_ADDRESS as `0x${string}`}
          chainId={env.CHAIN_ID}
          decimals={token.decimals}
          symbol={token.symbol}
          locale={locale}
          labels={withdrawLabels}
        />
      )}
      {machines.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-300">{t("empty")}</p>
      ) : (
        <TableFrame>
          <Table>
            <THead>
              <Tr>
                <Th>{t("colMachine")}</Th>
                <Th>{t("colStatus")}</Th>
                <Th numeric>{t("colPrice")}</Th>
                <Th>{tAgent("colAgent")}</Th>
                <Th>{t("colNext")}</Th>
              </Tr>
            </THead>
            <TBody>
              {machines.map((m) => (
                <Tr key={m.id} data-testid="my-machine" data-machine-id={m.id} className="align-top">
                  <Td>
                    <Link href={`/listings/${m.id}`} className="font-medium hover:underline">
                      {m.gpuCount}× {gpuLabel(m.gpuModel)}
                    </Link>
                    <div className="text-xs text-slate-500">
                      {m.city}, {m.country}
                    </div>
                  </Td>
                  <Td>
                    <span data-testid="machine-status">{tStatus(m.status)}</span>
                    {m.status === "REJECTED" && m.rejectionReason && (
                      <p className="mt-1 max-w-xs text-xs text-red-700 dark:text-red-400">{t("reason", { reason: m.rejectionReason })}</p>
                    )}
                  </Td>
                  <Td numeric>{formatDollars(m.pricePerGpuHour, locale)}</Td>
                  <Td data-testid="machine-agent">
                    {agents.get(m.id)?.paired ? (
                      <Badge tone={agents.get(m.id)?.onlineNow ? "success" : "neutral"}>
                        {agents.get(m.id)?.onlineNow ? tAgent("onlineNow") : tAgent("offline")}
                      </Badge>
                    ) : m.status !== "ARCHIVED" && m.status !== "SUSPENDED" ? (
                      <ConnectAgent
                        machineId={m.id}
                        server={new URL(env.APP_URL).origin}
                        messages={agentMessages}
                        locale={locale}
                        size="sm"
                      />
                    ) : (
                      <span className="text-xs text-slate-500">{tAgent("noAgent")}</span>
                    )}
                  </Td>
                  <Td>
                    <div className="flex flex-wrap gap-2">
                      {m.status !== "ARCHIVED" && m.status !== "SUSPENDED" && (
                        <Link href={`/provide/${m.id}/edit`} className={buttonClass({ variant: "secondary", size: "sm" })}>
                          {t("edit")}
                        </Link>
                      )}
                      {ownerActionsFor(m.status).map((action, i) => (
                        <form key={action} action={changeMachineStatus}>
                          <input type="hidden" name="id" value={m.id} />
                          <Button type="submit" name="action" value={action} variant={i === 0 ? "primary" : "secondary"} size="sm">
                            {m.status === "REJECTED" && action === "submit" ? t("resubmit") : tStatus(`action.${action}`)}
                          </Button>
                        </form>
                      ))}
                      {m.status === "PENDING_REVIEW" && <span className="text-xs text-slate-500">{t("waiting")}</span>}
                    </div>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </TableFrame>
      )}
    </div>
  );
}
