import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInPrompt } from "@/components/wallet/sign-in-prompt";
import { currentCaller } from "@/lib/server/auth/caller";
import { safeNextPath } from "@/lib/server/auth/page-guards";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const destination = safeNextPath(typeof next === "string" ? next : undefined);
  if (await currentCaller()) redirect(destination);
  return (
    <section className="mx-auto max-w-md space-y-4 py-12 text-center">
      <h1 className="text-2xl font-semibold">Sign in to continue</h1>
      <p className="text-slate-600 dark:text-slate-300">
        Idlegrid accounts are wallets. Connect yours with the button at the top right and sign the message it shows you;
        signing costs nothing and sends no transaction.
      </p>
      <SignInPrompt next={destination} />
    </section>
  );
}
