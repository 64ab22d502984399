"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useSession } from "@/hooks/use-session";

/** Sends the visitor on to where they were going as soon as the header's sign-in succeeds. */
export function SignInPrompt({ next, labels }: { next: string; labels: { signedInBack: string; waiting: string } }) {
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
