"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { createSiweMessage } from "viem/siwe";
import { useChainId, useConnection, useConnectionEffect, useSignMessage } from "wagmi";

export interface SessionInfo {
  address: `0x${string}`;
  roles: string[];
  isAdmin: boolean;
}

export const sessionQueryKey = ["auth-session"] as const;

/**
 * The server's view of who is signed in; null when nobody is. `initial`: what the server rendered the
 * page with, from the same cookie, so the header knows the session before its first request.
 */
export function useSession(initial?: SessionInfo | null) {
  return useQuery({
    queryKey: sessionQueryKey,
    ...(initial === undefined ? {} : { initialData: initial }),
    queryFn: async (): Promise<SessionInfo | null> => {
      const res = await fetch("/api/auth/session", { cache: "no-store" });
      if (res.status === 401) return null;
      if (!res.ok) throw new Error(`Session check failed (${res.status})`);
      return (await res.json()) as SessionInfo;
    },
    staleTime: 60_000,
  });
}

async function errorMessage(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { message?: string; error?: string } | null;
  return body?.message ?? body?.error ?? `Request failed (${res.status})`;
}

/** Sign-In with Ethereum: fetch a nonce, have the wallet sign an EIP-4361 message for this site, send it to the server. */
export function useSignIn() {
  const queryClient = useQueryClient();
  const router = useRouter();
  const { address } = useConnection();
  const chainId = useChainId();
  const { signMessageAsync } = useSignMessage();
  return useMutation({
    // Right after connecting, the caller passes the new account: this render's hook values are still the old ones.
    mutationFn: async (connected?: { address: `0x${string}`; chainId: number }): Promise<SessionInfo> => {
      const account = connected?.address ?? address;
      if (!account) throw new Error("Connect a wallet first.");
      const nonceRes = await fetch("/api/auth/nonce", { cache: "no-store" });
      if (!nonceRes.ok) throw new Error(await errorMessage(nonceRes));
      const { nonce } = (await nonceRes.json()) as { nonce: string };
      const now = new Date();
      const message = createSiweMessage({
        // The page's own host and origin: the server accepts only its APP_URL, and wallets warn on a mismatch.
        domain: window.location.host,
        uri: window.location.origin,
        address: account,
        chainId: connected?.chainId ?? chainId,
        nonce,
        version: "1",
        statement: "Sign in to Idlegrid. This request will not trigger a blockchain transaction or cost any gas.",
        issuedAt: now,
        expirationTime: new Date(now.getTime() + 10 * 60 * 1000),
      });
      const signature = await signMessageAsync({ message, account });
      const res = await fetch("/api/auth/verify", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message, signature }),
      });
      if (!res.ok) throw new Error(await errorMessage(res));
      return (await res.json()) as SessionInfo;
    },
    onSuccess: (session) => {
      queryClient.setQueryData(sessionQueryKey, session);
      // Server-rendered parts (the notification bell, signed-in pages) read the cookie: render them again.
      router.refresh();
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: async () => {
      const res = await fetch("/api/auth/logout", { method: "POST" });
      if (!res.ok) throw new Error(await errorMessage(res));
    },
    onSettled: () => {
      queryClient.setQueryData(sessionQueryKey, null);
      router.refresh();
    },
  });
}

/**
 * Keeps the session and the wallet in step: the page must never show one address while the server acts for
 * another. A session whose address differs from the connected account, or a wallet that disconnects, ends it.
 * (After a reload with no wallet reconnecting, the header shows no address at all until one connects.)
 */
export function useSessionWalletGuard() {
  const { address, status } = useConnection();
  const { data: session } = useSession();
  const { mutate, isPending } = useSignOut();
  const queryClient = useQueryClient();

  useConnectionEffect({
    onDisconnect: () => {
      if (queryClient.getQueryData<SessionInfo | null>(sessionQueryKey)) mutate();
    },
  });

  useEffect(() => {
    if (!session || isPending || status !== "connected" || !address) return;
    if (address.toLowerCase() !== session.address.toLowerCase()) mutate();
  }, [address, status, session, isPending, mutate]);
}
