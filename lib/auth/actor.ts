export type TRole = "parent" | "helper";

export type TMembership = { caregiverId: string; householdId: string; role: TRole };

/** The signed-in person, as read from the database for this request. */
export type TActor = {
  userId: string;
  email: string;
  name: string;
  sessionVersion: number;
  /** This device's session (lib/auth/sessions.ts). */
  sessionId: string;
  membership: TMembership | null;
};
