import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentCaller } from "@/lib/server/auth/caller";
import { listSshKeys } from "@/lib/server/ssh-keys";
import { SshKeyManager } from "./_components/ssh-key-manager";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

/** The signed-in user's account: their wallet address and the SSH keys the rent panel offers. */
export default async function AccountPage() {
  const caller = await currentCaller();
  if (!caller) redirect("/sign-in?next=%2Faccount");
  const keys = await listSshKeys(caller.userId);
  return (
    <article className="space-y-6">
      <h1 className="text-2xl font-semibold">Your account</h1>
      <p className="text-sm">
        Signed in as <span className="font-mono" data-testid="account-address">{caller.address}</span>
      </p>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">SSH public keys</h2>
        <p className="text-sm text-slate-500">Saved keys can be picked when you rent a machine; the provider installs the one you pick. Only public keys: never paste a private key.</p>
        <SshKeyManager initialKeys={keys} />
      </section>
    </article>
  );
}
