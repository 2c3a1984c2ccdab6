import type { THouseholdOverview } from "@/lib/household/members";
import { BabyIcon } from "@/components/ui/icons";
import { longDate } from "@/lib/format";

/** The household's babies with their birth dates, or a line saying there are none yet. */
export function BabyList({ babies, testId }: { babies: THouseholdOverview["babies"]; testId?: string }) {
  if (!babies.length) return <p className="muted">No babies yet.</p>;
  return (
    <ul className="list" data-testid={testId}>
      {babies.map((b) => (
        <li key={b.id} className="cluster">
          <BabyIcon />
          <span>
            <strong>{b.name}</strong> <span className="muted">born {longDate(b.birthDate)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
