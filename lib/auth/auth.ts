import "server-only";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { prisma } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { authenticateWithPassword } from "./credentials";
import { clientIp } from "./rate-limit";

function buildConfig(): NextAuthConfig {
  const env = getEnv();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: { label: "Email address" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, request) => authenticateWithPassword(credentials, clientIp(request.headers)),
    }),
  ];
  if (env.entraEnabled) {
    providers.push(
      MicrosoftEntraID({
        clientId: env.AUTH_MICROSOFT_ENTRA_ID_ID,
        clientSecret: env.AUTH_MICROSOFT_ENTRA_ID_SECRET,
        issuer: env.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
        // Councils' Entra tenants verify email addresses; sign-in is limited below to people
        // a council admin has already added, so linking by email is safe here.
        allowDangerousEmailAccountLinking: true,
      }),
    );
  }
  return {
    secret: env.AUTH_SECRET,
    trustHost: true,
    logger: {
      // A wrong password is an expected event, already recorded as a sign-in attempt.
      error(error) {
        if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
        log.error("auth error", { error });
      },
      warn(code) {
        log.warn("auth warning", { code });
      },
    },
    adapter: PrismaAdapter(prisma),
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 3600, updateAge: 15 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers,
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider === "credentials") return true;
        // Single sign-on only for people a council (or the operator) has added.
        const email = user.email?.toLowerCase();
        if (!email) return false;
        const known = await prisma.user.findUnique({ where: { email }, select: { id: true } });
        return known ? true : "/sign-in?error=NotInvited";
      },
      async jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        return token;
      },
      async session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => buildConfig());
