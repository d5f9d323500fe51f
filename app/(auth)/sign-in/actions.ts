"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/auth";

export type TSignInState = { error: string; email: string } | null;

const GENERIC_FAILURE =
  "Enter a correct email address and password. After 5 failed attempts, signing in to that account is paused for 15 minutes.";

/** Only same-site paths, so the sign-in page cannot be used as an open redirect. */
function safeReturnTo(raw: FormDataEntryValue | null): string {
  const s = typeof raw === "string" ? raw : "";
  return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/\\") ? s : "/c";
}

export async function signInAction(_prev: TSignInState, formData: FormData): Promise<TSignInState> {
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (!email || !password) {
    return { error: !email ? "Enter your email address" : "Enter your password", email };
  }
  try {
    await signIn("credentials", { email, password, redirectTo: safeReturnTo(formData.get("callbackUrl")) });
    return null;
  } catch (e) {
    // Success throws Next's redirect, which must propagate; only Auth.js failures are shown.
    if (e instanceof AuthError) return { error: GENERIC_FAILURE, email };
    throw e;
  }
}

export async function signInWithEntraAction(formData: FormData): Promise<void> {
  await signIn("microsoft-entra-id", { redirectTo: safeReturnTo(formData.get("callbackUrl")) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}
