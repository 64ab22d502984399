"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { WalletIsland } from "@/components/providers/web3-provider";
import { useSession } from "@/lib/auth/client/use-session";

type Labels = { signedInBack: string; waiting: string };

/** Sends the visitor on to where they were going as soon as the header's sign-in succeeds. */
export function SignInPrompt(props: { next: string; labels: Labels }) {
  // The session query is shared with the header's wallet island through the tab's one QueryClient.
  return (
    <WalletIsland>
      <WaitForSession {...props} />
    </WalletIsland>
  );
}

function WaitForSession({ next, labels }: { next: string; labels: Labels }) {
  const router = useRouter();
  const { data: session } = useSession();
  useEffect(() => {
    if (session) {
      router.replace(next);
      router.refresh();
    }
  }, [session, next, router]);
  return <p className="text-sm text-slate-500">{session ? labels.signedInBack : labels.waiting}</p>;
}
