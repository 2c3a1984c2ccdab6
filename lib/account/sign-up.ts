import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { hashPassword, ZNewPassword } from "@/lib/auth/password";
import { conflict } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { parseInput, ZEmail, ZName } from "@/lib/validation";

const ZSignUp = z.object({
  name: ZName("your name"),
  email: ZEmail,
  password: ZNewPassword,
});

export async function signUp(input: unknown): Promise<{ id: string; email: string }> {
  const data = parseInput(ZSignUp, input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.user.create({
      data: { name: data.name, email: data.email, passwordHash },
      select: { id: true, email: true },
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw conflict("An account with this email already exists. Sign in instead.");
    }
    throw e;
  }
}
