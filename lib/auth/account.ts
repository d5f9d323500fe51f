import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { hashPassword, passwordProblem, verifyPassword } from "./password";
import type { TSessionUser } from "./session";

export const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password"),
    newPassword: z.string().superRefine((v, ctx) => {
      const p = passwordProblem(v);
      if (p) ctx.addIssue({ code: "custom", message: p });
    }),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match" });

/** Change the signed-in user's password after checking the current one. */
export async function changePassword(user: TSessionUser, input: z.output<typeof ZChangePassword>, requestId: string) {
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
    throw new AppError("VALIDATION", "Your current password is not correct", { fieldErrors: { currentPassword: ["Your current password is not correct"] } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    await recordAudit(tx, { councilId: null, actorId: user.id, action: "account.password_changed", entityType: "User", entityId: user.id, requestId });
  });
  return { changed: true };
}
