import "server-only";
import { prisma } from "@/lib/db/client";
import { auth } from "./auth";

export interface TSessionUser {
  id: string;
  email: string;
  name: string | null;
  isOperator: boolean;
  mustChangePassword: boolean;
}

/**
 * The signed-in user, read fresh from the database on each request so that a removed user
 * or a changed operator flag takes effect at once. null when nobody is signed in.
 */
export async function getSessionUser(): Promise<TSessionUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return prisma.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, isOperator: true, mustChangePassword: true },
  });
}
